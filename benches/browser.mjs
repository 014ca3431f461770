// Browser benchmarks against the release dist/ on localhost (headless
// Chromium). They report numbers; they assert nothing about time.
//   node benches/browser.mjs [--dist dist] [--loads 20] [--moves 500] [--no-lighthouse]
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
  await page.waitForSelector('html[data-page="full"] footer.footer, [data-testid="open-full"], main button');
  await page.waitForTimeout(1500);
  const tasks = await page.evaluate(() => window.__tasks);
  await page.context().close();
  return { longest: Math.max(0, ...tasks), over50: tasks.length, blocking: tasks.reduce((a, d) => a + Math.max(0, d - 50), 0) };
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

// 2. Input latency: from the input event until the DOM has settled (no
// mutation for 30 ms), over MOVES moves spread across every slider; then
// again with every figure's working open (each rewritten on every input).
for (const workings of [false, true]) {
  const page = await open(browser, server.url, { viewport: { width: 1280, height: 900 } });
  if (workings) {
    const opened = await page.evaluate(async () => {
      const all = [...document.querySelectorAll('details.working')];
      all.forEach((d) => { d.open = true; });
      await new Promise((r) => setTimeout(r, 200));
      return all.filter((d) => d.querySelector('[data-result]')).length;
    });
    if (!opened) { await page.context().close(); break; }
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
  const l = {
    moves: MOVES, measured: latencies.length,
    p50: pct(latencies, 50), p95: pct(latencies, 95), max: Math.max(...latencies),
  };
  results[workings ? 'inputLatencyWorkingsOpen' : 'inputLatency'] = l;
  console.log(`Input latency${workings ? ', every working open' : ''}, ${l.measured} of ${MOVES} moves changed the DOM: p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, max ${ms(l.max)}`);
  if (page.errors.length) console.log('errors:', page.errors);
  await page.context().close();
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
results.size = (await sizes(DIST)).total;
console.log(`First visit: ${results.size.raw} bytes, ${results.size.gzip} gzip, ${results.size.brotli} brotli`);
if (counter) {
  results.counterSize = (await sizes(COUNTER_DIST)).total;
  const c = results.counterSize;
  console.log(`Bare counter: ${c.raw} bytes, ${c.gzip} gzip, ${c.brotli} brotli; page/counter gzip ${ratio(results.size.gzip, c.gzip)}`);
}
console.log(JSON.stringify(results));
