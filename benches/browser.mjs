// Browser benchmarks against the release dist/ on localhost (headless
// Chromium). They report numbers; they assert nothing about time.
//   node benches/browser.mjs [--dist dist] [--loads 20] [--moves 500] [--fingers 3] [--no-lighthouse]
import { serve } from '../tests/e2e/server.mjs';
import { launch, open, ARGS, CHROMIUM } from '../tests/e2e/browser.mjs';
import { sizes } from '../scripts/size-report.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DIST = process.argv.includes('--dist') ? process.argv[process.argv.indexOf('--dist') + 1] : 'dist';
const LOADS = arg('--loads', 20);
const MOVES = arg('--moves', 500);
const FINGERS = arg('--fingers', 3);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(2)} ms`;

const server = await serve({ root: DIST, prefix: '/bench/' });
// The floor: a bare Leptos 0.8 counter built the same way (`make bench`
// builds benches/counter first). Every start-up number is also given as a
// ratio to it, measured in the same run, so the machine's speed cancels out.
const COUNTER_DIST = 'benches/counter/dist';
const counter = await serve({ root: COUNTER_DIST, prefix: '/counter/' }).catch(() => null);
const browser = await launch();
const results = {};
const ratio = (x, floor) => (floor ? `${(x / floor).toFixed(2)}×` : 'n/a');

/** Milliseconds from navigation until the first figure has its value (the
 * counter carries the same marker), in a new context: nothing cached. */
async function firstFigure(url) {
  const page = await open(browser, null);
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      const figure = document.querySelector('[data-testid="spend-per-year"][data-value]');
      // On screen: a copy that is hidden or not yet laid out does not count.
      if (figure?.checkVisibility()) {
        window.__firstFigures = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__firstFigures !== undefined);
  const t = await page.evaluate(() => window.__firstFigures);
  await page.context().close();
  return t;
}

/** The longest task from navigation until the page is built and quiet,
 * with the CPU slowed 4× (Lighthouse's mobile setting). */
async function longestStartupTask(url) {
  const page = await open(browser, null);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  // Built: any of these on screen (an embed's folded inputs hide its first buttons).
  await page.waitForFunction(() => [...document.querySelectorAll('html[data-page="full"] footer.footer, [data-testid="open-full"], main button')]
    .some((e) => e.checkVisibility()));
  await page.waitForTimeout(1500);
  const tasks = await page.evaluate(() => window.__tasks);
  await page.context().close();
  return { longest: Math.max(0, ...tasks), over50: tasks.length, blocking: tasks.reduce((a, d) => a + Math.max(0, d - 50), 0) };
}

/** Milliseconds from navigation until the calculator answers a finger on a
 * phone: 375 px, touch, the CPU slowed 4× and Lighthouse's slow 4G
 * (DevTools throttling: 562.5 ms round trip, 1.47 Mbit/s down, 675 kbit/s
 * up). From the start, every 16 ms the probe moves `key`'s slider (the
 * counter: presses its button) and counts the moment `figure` changes. */
async function finger(url, key, figure) {
  const page = await open(browser, null, { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8,
  });
  await page.addInitScript(([key, figure]) => {
    const probe = () => {
      const fig = document.querySelector(`[data-testid="${figure}"]`);
      const box = document.querySelector(`[data-testid="input-${key}"]`);
      // The row's slider (inside its track, beside the number box), or the counter's button.
      const control = box ? box.closest('.input')?.querySelector('input[type="range"]') : document.querySelector('main button');
      if (!fig || !control || !document.documentElement.contains(fig)) return setTimeout(probe, 16);
      const before = fig.getAttribute('data-value') ?? fig.textContent;
      if (control.type === 'range') {
        control.value = String(Number(control.value) >= Number(control.max) ? control.min : control.max);
        control.dispatchEvent(new Event('input', { bubbles: true }));
      } else control.click();
      setTimeout(() => {
        const now = fig.getAttribute('data-value') ?? fig.textContent;
        if (now !== before && fig.checkVisibility()) window.__finger = performance.now();
        else setTimeout(probe, 16);
      }, 0);
    };
    probe();
  }, [key, figure]);
  await page.goto(url);
  await page.waitForFunction(() => window.__finger !== undefined, null, { timeout: 60000 });
  const t = await page.evaluate(() => window.__finger);
  await page.context().close();
  return t;
}

/** Input latency: from the input event until the DOM has settled (no
 * mutation for 30 ms), over MOVES moves spread across every slider of the
 * page at `url`, with every figure's working open if `workings`. */
async function inputLatency(url, { workings = false, wait = true } = {}) {
  const page = await open(browser, url, { viewport: { width: 1280, height: 900 } }, { wait });
  if (!wait) await page.waitForSelector('input[type="range"]');
  if (workings) {
    const opened = await page.evaluate(async () => {
      const all = [...document.querySelectorAll('details.working')];
      all.forEach((d) => { d.open = true; });
      await new Promise((r) => setTimeout(r, 200));
      return all.filter((d) => d.querySelector('[data-result]')).length;
    });
    if (!opened) { await page.context().close(); return null; }
  }
  const latencies = await page.evaluate(async (moves) => {
    const sliders = [...document.querySelectorAll('input[type="range"]')];
    let last = 0;
    const observer = new MutationObserver(() => { last = performance.now(); });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    const out = [];
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < moves; i++) {
      const s = sliders[i % sliders.length];
      const min = Number(s.min), max = Number(s.max), step = Number(s.step);
      const value = min + Math.round((rand() * (max - min)) / step) * step;
      s.value = String(value);
      last = 0;
      const t0 = performance.now();
      s.dispatchEvent(new Event('input', { bubbles: true }));
      // Wait until 30 ms pass with no mutation.
      let quietSince = performance.now();
      let seen = last;
      while (performance.now() - quietSince < 30) {
        await new Promise((r) => setTimeout(r, 5));
        if (last !== seen) { seen = last; quietSince = performance.now(); }
      }
      if (last > 0) out.push(last - t0);
    }
    observer.disconnect();
    return out;
  }, MOVES);
  if (page.errors.length) console.log('errors:', page.errors);
  await page.context().close();
  return { moves: MOVES, measured: latencies.length, p50: pct(latencies, 50), p95: pct(latencies, 95), max: Math.max(...latencies) };
}

const PAGES = {
  page: server.url,
  embed: `${server.url}?embed=1`,
  'single-view embed': `${server.url}?embed=1&view=cash&controls=m`,
};
if (counter) PAGES['bare counter'] = counter.url;
else console.log(`No ${COUNTER_DIST}: build it with \`make bench\` to get ratios to the bare counter.`);

// 1. Navigation to first figures, cold (a new context each time: no cache),
// the page and the counter alternately.
{
  const times = { page: [], counter: [] };
  for (let i = 0; i < LOADS; i++) {
    times.page.push(await firstFigure(server.url));
    if (counter) times.counter.push(await firstFigure(counter.url));
  }
  const floor = counter ? pct(times.counter, 50) : 0;
  results.firstFigures = {
    runs: LOADS, median: pct(times.page, 50), p95: pct(times.page, 95), min: Math.min(...times.page),
    counterMedian: floor, ratio: floor ? pct(times.page, 50) / floor : null,
  };
  const f = results.firstFigures;
  console.log(`First figures after navigation, ${LOADS} cold loads: median ${ms(f.median)}, p95 ${ms(f.p95)}` +
    (floor ? `; bare counter median ${ms(floor)}; ratio ${ratio(f.median, floor)}` : ''));
}

// 1b. The longest start-up task under a 4× CPU slowdown.
{
  results.startupTasks = {};
  for (const [name, url] of Object.entries(PAGES)) {
    const t = await longestStartupTask(url);
    results.startupTasks[name] = t;
    console.log(`Start-up tasks at 4× slowdown, ${name}: longest ${ms(t.longest)}, ${t.over50} over 50 ms, ${ms(t.blocking)} blocking`);
  }
}

// 1c. The time until the calculator answers a finger on a throttled phone,
// each view and the counter in turn, FINGERS rounds.
{
  const probes = {
    page: [server.url, 'c', 'spend-per-year'],
    embed: [`${server.url}?embed=1`, 'c', 'spend-per-year'],
    'single-view embed': [`${server.url}?embed=1&view=cash&controls=m`, 'm', 'investor-net-cash'],
  };
  if (counter) probes['bare counter'] = [counter.url, null, 'spend-per-year'];
  const times = Object.fromEntries(Object.keys(probes).map((k) => [k, []]));
  for (let i = 0; i < FINGERS; i++) {
    for (const [name, [url, key, figure]] of Object.entries(probes)) times[name].push(await finger(url, key, figure));
  }
  const floor = counter ? pct(times['bare counter'], 50) : 0;
  results.finger = {};
  for (const [name, ts] of Object.entries(times)) {
    results.finger[name] = { runs: ts, median: pct(ts, 50), ratio: floor ? pct(ts, 50) / floor : null };
    console.log(`A finger answered on a throttled phone, ${name}: median ${ms(pct(ts, 50))} of ${ts.map((t) => t.toFixed(0)).join(', ')} ms` +
      (floor ? `; ${ratio(pct(ts, 50), floor)} the bare counter` : ''));
  }
}

// 2. Input latency on the page (both halves built), then with every
// figure's working open (each rewritten on every input), then on the plain
// JavaScript floor (benches/plain: the reference model, no framework).
{
  const plain = await serve({ root: '.', prefix: '/plain/' });
  const runs = [
    ['inputLatency', server.url, {}],
    ['inputLatencyWorkingsOpen', server.url, { workings: true }],
    ['inputLatencyPlain', `${plain.url}benches/plain/index.html`, { wait: false }],
  ];
  for (const [name, url, options] of runs) {
    const l = await inputLatency(url, options);
    if (!l) continue;
    results[name] = l;
    console.log(`Input latency (${name}), ${l.measured} of ${MOVES} moves changed the DOM: p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, max ${ms(l.max)}`);
  }
  if (results.inputLatencyPlain) {
    console.log(`Input p95, page/plain JavaScript: ${ratio(results.inputLatency.p95, results.inputLatencyPlain.p95)}`);
  }
  await plain.close();
}
await browser.close();

// 3. Lighthouse (mobile defaults: 4× CPU slowdown, slow 4G), each page
// served compressed by the same server, and the bare counter beside them.
if (!process.argv.includes('--no-lighthouse')) {
  const { default: lighthouse } = await import('lighthouse');
  const { launch: launchChrome } = await import('chrome-launcher');
  const chrome = await launchChrome({ chromePath: CHROMIUM, chromeFlags: ARGS });
  results.lighthouse = {};
  try {
    for (const [name, url] of Object.entries(PAGES)) {
      const run = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
      const audits = run.lhr.audits;
      const value = (id) => audits[id]?.numericValue;
      const r = {
        scores: Object.fromEntries(Object.entries(run.lhr.categories).map(([k, v]) => [k, Math.round(v.score * 100)])),
        fcp: value('first-contentful-paint'), lcp: value('largest-contentful-paint'),
        tbt: value('total-blocking-time'), cls: value('cumulative-layout-shift'), tti: value('interactive'),
        // Which element the largest paint was (its markup, shortened).
        lcpElement: JSON.stringify(audits['largest-contentful-paint-element']?.details)
          ?.match(/"snippet":"((?:[^"\\]|\\.)*)"/)?.[1]?.slice(0, 100),
        below1: Object.values(audits)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
          .map((a) => `${a.id} (${a.score})`),
      };
      results.lighthouse[name] = r;
      console.log(`Lighthouse, ${name}: ${JSON.stringify(r.scores)}; FCP ${ms(r.fcp)}, LCP ${ms(r.lcp)}, TBT ${ms(r.tbt)}, TTI ${ms(r.tti)}, CLS ${r.cls.toFixed(3)}`);
      console.log(`  largest paint: ${r.lcpElement}`);
      console.log(`  audits below 1: ${r.below1.join(', ') || 'none'}`);
    }
  } finally {
    await chrome.kill();
  }
}
await server.close();
await counter?.close();

// 4. Transfer size, gzip and brotli, with the counter's beside it.
const built = await sizes(DIST);
results.size = built.total;
results.sizes = Object.fromEntries(Object.entries(built.views).map(([k, v]) => [k, { raw: v.raw, gzip: v.gzip, brotli: v.brotli, files: v.files }]));
for (const [view, v] of Object.entries(built.views)) {
  console.log(`Transfer, ${view}: ${v.raw} bytes, ${v.gzip} gzip, ${v.brotli} brotli (${v.files.map((f) => f.replace(/-[0-9a-f]{12,16}(?=[._])/, '-*')).join(', ')})`);
}
if (counter) {
  results.counterSize = (await sizes(COUNTER_DIST)).total;
  const c = results.counterSize;
  console.log(`Bare counter: ${c.raw} bytes, ${c.gzip} gzip, ${c.brotli} brotli; ` +
    Object.entries(built.views).map(([view, v]) => `${view}/counter gzip ${ratio(v.gzip, c.gzip)}`).join(', '));
}
console.log(JSON.stringify(results));
