// An independent JavaScript implementation of the model's formulas, written
// from the contract rather than from the Rust code, so the browser tests can
// check the page's figures against numbers they compute themselves.

export const DEFAULTS = {
  c: 100, t: 10, y0: 2026, sp: 'even', gw: 5, g1: 1, gf: 5, a0: 8, a1: 5, am: 20, ap: 100, ay: 4,
  m: 35, r: 30, rg: 60, rt: 15, cap: 35, life: 6, e: 86, u: 80, pue: 1.15, kw: 1.0, pf: 2.5,
};

export const PRESETS = {
  announced: {},
  confirmed: { ap: 0 },
  'slow-build': { g1: 0.5, gf: 8 },
  'fast-growth': { rg: 100, rt: 30 },
  'thin-margin': { m: 15 },
};

const div = (a, b) => (b === 0 ? null : a / b);
const pct = (a, b) => { const r = div(a, b); return r === null ? null : 100 * r; };

/** Every output and the schedule, keyed by the page's test ids. */
export function reference(input) {
  const s = { ...DEFAULTS, ...input };
  const { c, t, y0, gw, gf, a0, a1, am, ap, ay, m, r, rg, rt } = s;
  const E1 = Math.min(s.g1, gw);
  const end = (k) => (gf <= 1 || k >= gf ? gw : k === 1 ? E1 : E1 + (gw - E1) * (k - 1) / (gf - 1));
  const ends = [0];
  for (let k = 1; k <= t; k++) ends.push(end(k));
  const avg = [];
  for (let k = 1; k <= t; k++) avg.push((ends[k - 1] + ends[k]) / 2);
  const gwYears = avg.reduce((a, b) => a + b, 0);

  let sp = s.sp;
  if (sp === 'capacity' && gwYears === 0) sp = 'even';
  const w = [];
  for (let k = 1; k <= t; k++) {
    w.push(sp === 'even' ? 1 : sp === 'capacity' ? avg[k - 1] : sp === 'front' ? t - k + 1 : k);
  }
  const wsum = w.reduce((a, b) => a + b, 0);
  const spend = w.map((x) => c * x / wsum);

  const M = am * ap / 100;
  const n = Math.min(ay, t - 1);
  const invest = [];
  for (let k = 1; k <= t; k++) {
    if (t === 1) invest.push(a1 + M);
    else invest.push((k === 1 ? a1 : 0) + (k >= 2 && k <= n + 1 ? M / n : 0));
  }
  const rev = [r];
  for (let k = 2; k <= t; k++) {
    const g = t <= 2 ? rg : rg + (rt - rg) * (k - 2) / (t - 2);
    rev.push(rev[k - 2] * (1 + g / 100));
  }
  const profit = spend.map((x) => x * (m / 100));
  let cum = 0, cumSpend = 0, cumInvest = 0, payback = null;
  const rows = [];
  for (let k = 1; k <= t; k++) {
    cum += profit[k - 1] - invest[k - 1];
    cumSpend += spend[k - 1];
    cumInvest += invest[k - 1];
    if (payback === null && cum >= 0) payback = y0 + k - 1;
    rows.push({
      year: y0 + k - 1, spend: spend[k - 1], 'capacity-end': ends[k], 'capacity-avg': avg[k - 1],
      invest: invest[k - 1], profit: profit[k - 1], 'net-cash-cumulative': cum, revenue: rev[k - 1],
      'spend-share': pct(spend[k - 1], rev[k - 1]),
      'recycled-share-cumulative': cumSpend === 0 ? null : Math.min(100, 100 * cumInvest / cumSpend),
    });
  }
  const newMoney = a1 + M;
  const totalProfit = profit.reduce((a, b) => a + b, 0);
  const totalRev = rev.reduce((a, b) => a + b, 0);
  const market = s.cap / s.life + 8.76 * s.u / 100 * s.e / 1000;
  const price = div(c, gwYears);
  const acc = gw * 1e6 / (s.pue * s.kw);
  const twh = gw * 8.76 * s.u / 100;
  return {
    outputs: {
      'spend-per-year': c / t,
      'spend-share-revenue': pct(spend[0], r),
      'spend-share-revenue-term': pct(c, totalRev),
      'investor-confirmed': a0 + a1,
      'investor-max': a0 + a1 + am,
      'investor-expected': a0 + a1 + M,
      'new-money': newMoney,
      'equity-funded-share': pct(newMoney, c),
      'equity-funded-share-incl-prior': pct(a0 + newMoney, c),
      'net-new-money': c - newMoney,
      'revenue-per-dollar': div(c, newMoney),
      'investor-profit': totalProfit,
      'profit-per-dollar': div(totalProfit, newMoney),
      'investor-net-cash': cum,
      'payback-year': payback,
      'recycled-share': cumSpend === 0 ? null : Math.min(100, 100 * newMoney / cumSpend),
      'gw-years': gwYears,
      'price-per-gw-year': price,
      'market-cost-per-gw-year': market,
      coverage: price === null ? null : pct(price, market),
      'datacenters-min': gw * 1000 / 500,
      'datacenters-max': gw * 1000 / 200,
      accelerators: acc,
      'compute-eflops': acc * s.pf / 1000,
      'energy-twh-per-year': twh,
      'energy-cost-per-year': twh * s.e / 1000,
    },
    rows,
  };
}

/** True when the page's raw value matches the reference within a relative 1e-9. */
export function matches(pageValue, expected) {
  if (expected === null) return pageValue === '';
  const v = Number(pageValue);
  return pageValue !== '' && Math.abs(v - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

/** Each input's range: [min, max, whole numbers only], from the contract. */
export const LIMITS = {
  c: [1, 1000, true], t: [1, 20, true], y0: [2015, 2040, true], gw: [0.1, 50], g1: [0, 50],
  gf: [1, 20, true], a0: [0, 500], a1: [0, 500], am: [0, 1000], ap: [0, 100], ay: [1, 19, true],
  m: [0, 90], r: [0.1, 2000], rg: [-90, 500], rt: [-90, 500], cap: [1, 200], life: [1, 30],
  e: [0, 1000], u: [1, 100], pue: [1, 3], kw: [0.1, 10], pf: [0.1, 100],
};

/** The low–high ranges the issue names: published where deal-facts gives one
 * (capex C5, margin C10, load factor C8), else ±25% of the value (of the
 * default at zero); the start year stays; the spend profile tries all four. */
export const SOURCED = { cap: [29, 60], m: [14, 40], u: [75, 85] };

function clamp(key, v) {
  const [min, max, whole] = LIMITS[key];
  const x = Math.min(max, Math.max(min, v));
  return whole ? Math.round(x) : x;
}

/** The values an input is moved to, around the scenario's value. */
export function trialValues(key, scenario) {
  if (key === 'y0') return [];
  if (key === 'sp') return ['even', 'capacity', 'front', 'back'];
  if (key in SOURCED) return SOURCED[key].map((v) => clamp(key, v));
  const v = scenario[key];
  const d = 0.25 * Math.abs(v === 0 ? DEFAULTS[key] : v);
  return [clamp(key, v - d), clamp(key, v + d)];
}

/** Swing of each input on a figure ('net-cash' or 'payback'), in table order. */
export function swings(input, ranked) {
  const base = { ...DEFAULTS, ...input };
  // A scenario that never pays back counts as the year after its term; an
  // input that leaves it never paying back at both ends has no effect.
  const figure = (s) => {
    const o = reference(s).outputs;
    if (ranked === 'net-cash') return { value: o['investor-net-cash'], never: false };
    return o['payback-year'] === null ? { value: s.y0 + s.t, never: true } : { value: o['payback-year'], never: false };
  };
  return Object.keys(DEFAULTS).map((key) => {
    const ends = trialValues(key, base).map((v) => figure({ ...base, [key]: v }));
    const values = ends.map((e) => e.value);
    let swing;
    if (ends.length === 0) swing = 0;
    else if (key === 'sp') swing = ends.every((e) => e.never) ? 0 : Math.max(...values) - Math.min(...values);
    else {
      const [lo, hi] = [ends[0], ends[ends.length - 1]];
      swing = lo.never && hi.never ? 0 : Math.abs(hi.value - lo.value);
    }
    return { key, swing };
  });
}

/**
 * The deals a reader can load, written from the comparable deals of
 * deal-facts.md (rows D1–D6): what each gives, or the assumption stated
 * beside it on the page, and the inputs its sources leave out (`unknown`).
 * The inputs not named keep the Anthropic–AWS defaults.
 */
export const DEALS = {
  'anthropic-aws': { given: {}, unknown: [] },
  // D1: $100B to AWS; $15B upfront and $35B conditional; term assumed 7 years (as D2).
  'amazon-openai': {
    given: { c: 100, t: 7, a0: 0, a1: 15, am: 35, ap: 100 },
    unknown: ['gw', 'g1', 'gf', 'r'],
  },
  // D2: $38B over 7 years, no investment, all capacity by the end of 2026.
  'openai-aws': { given: { c: 38, t: 7, a0: 0, a1: 0, am: 0, gf: 1 }, unknown: ['gw', 'g1', 'r'] },
  // D4: $30B of Azure, Microsoft's $5B (Nvidia's $10B buys no compute), up to 1 GW.
  'microsoft-nvidia-anthropic': { given: { c: 30, t: 7, a0: 0, a1: 5, am: 0, gw: 1, g1: 1 }, unknown: [] },
  // D5: $250B of Azure, about $13B invested before; no term, no capacity.
  'microsoft-openai': { given: { c: 250, a0: 13, a1: 0, am: 0 }, unknown: ['t', 'gw', 'g1', 'gf', 'r'] },
  // D6: 10 GW at about $35B per GW, up to $100B at $10B per GW; no term, no margin.
  'nvidia-openai': { given: { c: 350, a0: 0, a1: 0, am: 100, ap: 100, gw: 10, g1: 1, gf: 5 }, unknown: ['t', 'm', 'r'] },
};

/** What each schedule column reads, from the contract's formulas. */
function columnReads(s) {
  const capacity = ['gw', 'g1', 'gf', 't'];
  const spend = ['c', 't', 'sp', ...(s.sp === 'capacity' ? capacity : [])];
  const invest = ['a1', 'am', 'ap', 'ay', 't'];
  const revenue = ['r', 'rg', 'rt', 't'];
  return {
    spend, 'capacity-end': capacity, 'capacity-avg': capacity, invest,
    profit: [...spend, 'm'], 'net-cash-cumulative': [...spend, 'm', ...invest], revenue,
    'spend-share': [...spend, ...revenue], 'recycled-share-cumulative': [...spend, ...invest],
  };
}

/** What each figure reads. A sum over the term reads only what it adds up
 * to: the spend always sums to c, so the profit sums to c × m and the
 * investment to the new money (the contract's invariants). */
function outputReads(s) {
  const col = columnReads(s);
  const newMoney = ['a1', 'am', 'ap'];
  const gwYears = ['gw', 'g1', 'gf', 't'];
  const market = ['cap', 'life', 'u', 'e'];
  return {
    'spend-per-year': ['c', 't'],
    'spend-share-revenue': [...col.spend, 'r'],
    'spend-share-revenue-term': ['c', ...col.revenue],
    'investor-confirmed': ['a0', 'a1'],
    'investor-max': ['a0', 'a1', 'am'],
    'investor-expected': ['a0', ...newMoney],
    'new-money': newMoney,
    'equity-funded-share': ['c', ...newMoney],
    'equity-funded-share-incl-prior': ['c', 'a0', ...newMoney],
    'net-new-money': ['c', ...newMoney],
    'revenue-per-dollar': ['c', ...newMoney],
    'investor-profit': ['c', 'm'],
    'profit-per-dollar': ['c', 'm', ...newMoney],
    'investor-net-cash': ['c', 'm', ...newMoney],
    'payback-year': [...col['net-cash-cumulative'], 'y0'],
    'recycled-share': ['c', ...newMoney],
    'gw-years': gwYears,
    'price-per-gw-year': ['c', ...gwYears],
    'market-cost-per-gw-year': market,
    coverage: ['c', ...gwYears, ...market],
    'datacenters-min': ['gw'],
    'datacenters-max': ['gw'],
    accelerators: ['gw', 'pue', 'kw'],
    'compute-eflops': ['gw', 'pue', 'kw', 'pf'],
    'energy-twh-per-year': ['gw', 'u'],
    'energy-cost-per-year': ['gw', 'u', 'e'],
  };
}

/**
 * The reference for deal `id` with the reader's `input` on top: every
 * figure and cell that reads an input the deal leaves out (and the reader
 * has not given) is `null`, which the page shows as "not known" with an
 * empty `data-value`; the rest as `reference` computes them.
 */
export function referenceDeal(id, input = {}) {
  const deal = DEALS[id];
  const scenario = { ...DEFAULTS, ...deal.given, ...input };
  const unknown = deal.unknown.filter((k) => !(k in input));
  const blind = (reads) => reads.some((k) => unknown.includes(k));
  const full = reference(scenario);
  const outputs = {};
  for (const [key, reads] of Object.entries(outputReads(scenario))) {
    outputs[key] = blind(reads) ? null : full.outputs[key];
  }
  const cols = columnReads(scenario);
  const rows = full.rows.map((row) => {
    const out = { year: row.year };
    for (const [col, value] of Object.entries(row)) {
      if (col !== 'year') out[col] = blind(cols[col]) ? null : value;
    }
    return out;
  });
  return { outputs, rows, unknown };
}

/**
 * Where the investor's net cash at the end of the term crosses zero as the
 * input `key` moves across its range, the others as `input` gives them, in
 * deal `id` (issue #34), solved here on its own: a scan of 400 intervals
 * (every whole number for a whole-number input) and bisection to 1e-10 of
 * each sign change. Returns the crossings ascending (a whole-number input:
 * the first whole number past each), `[]` for none, or `null` where the
 * figure is not known for the deal.
 */
export function breakevenRef(id, input, key) {
  return solveRef(id, input, key, 'investor-net-cash', 0);
}

/**
 * The same for any figure and target: where `figure` reaches `target` as
 * `key` moves (the goal seek's question).
 */
export function solveRef(id, input, key, figure, target) {
  const value = (extra) => referenceDeal(id, { ...input, ...extra }).outputs[figure];
  if (value({}) === null) return null;
  if (key === 'sp') return [];
  const [min, max] = LIMITS[key];
  // The contract's years are whole numbers; money and shares are not.
  const whole = ['t', 'y0', 'gf', 'ay', 'life'].includes(key);
  const f = (v) => { const x = value({ [key]: v }); return x === null ? NaN : x - target; };
  const points = [];
  if (whole) for (let v = min; v <= max; v++) points.push(v);
  else for (let i = 0; i <= 400; i++) points.push(min + (max - min) * i / 400);
  const found = [];
  for (let i = 1; i < points.length; i++) {
    let [a, b] = [points[i - 1], points[i]];
    const upper = f(a) >= 0;
    if (upper === (f(b) >= 0)) continue;
    if (whole) { found.push(b); continue; }
    while (b - a > 1e-10 * Math.max(1, Math.abs(b))) {
      const m = (a + b) / 2;
      if ((f(m) >= 0) === upper) a = m; else b = m;
    }
    found.push(b);
  }
  return found;
}

/**
 * "How sure?" worked out on its own: each input not in `held` drawn from its
 * range (`trialValues`' two ends) read as a 90% interval, lognormal when the
 * low end is above zero and normal otherwise, clamped to its limits; the
 * spend profile's four options equally likely; the start year never moved.
 * A generator of its own (mulberry32, Box–Muller), so it shares nothing with
 * the page's but the contract. Returns the chance the investor's net cash
 * ends positive, the chance of a payback inside the term, and the net cash's
 * median.
 */
export function monteCarloRef(input, held, n, seed = 12345) {
  let positive = 0, paid = 0;
  const cash = [];
  drawScenarios(input, held, n, seed, ({ outputs: o }) => {
    cash.push(o['investor-net-cash']);
    if (o['investor-net-cash'] > 0) positive++;
    if (o['payback-year'] !== null) paid++;
  });
  cash.sort((x, y) => x - y);
  return { positive: positive / n, payback: paid / n, median: (cash[(n >> 1) - 1] + cash[n >> 1]) / 2 };
}

/** Draws `n` scenarios around `input`, holding the keys in `held` (and
 * y0), each varied input from its range read as a 90% interval as the page
 * reads it; calls `visit(reference(scenario), scenario, drawn)` for each, `drawn` the
 * varied inputs' values in order. Returns the varied keys. */
export function drawScenarios(input, held, n, seed, visit) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const base = { ...DEFAULTS, ...input };
  const Z90 = 1.6448536269514722;
  const laws = Object.keys(DEFAULTS).filter((k) => !held.includes(k) && k !== 'y0').map((key) => {
    const ends = trialValues(key, base);
    if (key === 'sp') return [key, () => ends[Math.min(3, Math.floor(uniform() * 4))]];
    const [lo, hi] = [Math.min(...ends), Math.max(...ends)];
    if (hi <= lo) return [key, () => base[key]];
    if (lo > 0) {
      const mu = (Math.log(lo) + Math.log(hi)) / 2, sigma = (Math.log(hi) - Math.log(lo)) / (2 * Z90);
      return [key, () => clamp(key, Math.exp(mu + sigma * normal()))];
    }
    const mean = (lo + hi) / 2, sd = (hi - lo) / (2 * Z90);
    return [key, () => clamp(key, mean + sd * normal())];
  });
  for (let i = 0; i < n; i++) {
    const s = { ...base };
    const drawn = laws.map(([key, draw]) => (s[key] = draw()));
    visit(reference(s), s, drawn);
  }
  return laws.map(([key]) => key);
}
