// Browser benchmarks against the release dist/ on localhost (headless
// Chromium). They report numbers; they assert nothing about time.
//   node benches/browser.mjs [--loads 20] [--moves 500] [--no-lighthouse]
import { serve } from '../tests/e2e/server.mjs';
import { launch, open, ARGS, CHROMIUM } from '../tests/e2e/browser.mjs';
import { sizes } from '../scripts/size-report.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const LOADS = arg('--loads', 20);
const MOVES = arg('--moves', 500);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(2)} ms`;

const server = await serve({ root: 'dist', prefix: '/bench/' });
const browser = await launch();
const results = {};

// 1. Navigation to first figures, cold (a new context each time: no cache).
{
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const page = await open(browser, null);
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('[data-testid="spend-per-year"][data-value]')) {
          window.__firstFigures = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await page.goto(server.url);
    await page.waitForFunction(() => window.__firstFigures !== undefined);
    times.push(await page.evaluate(() => window.__firstFigures));
    await page.context().close();
  }
  results.firstFigures = { runs: LOADS, median: pct(times, 50), p95: pct(times, 95), min: Math.min(...times) };
  console.log(`First figures after navigation, ${LOADS} cold loads: median ${ms(results.firstFigures.median)}, p95 ${ms(results.firstFigures.p95)}`);
}

// 2. Input latency: from the input event until the DOM has settled (no
// mutation for 30 ms), over MOVES moves spread across every slider.
{
  const page = await open(browser, server.url, { viewport: { width: 1280, height: 900 } });
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
  results.inputLatency = {
    moves: MOVES, measured: latencies.length,
    p50: pct(latencies, 50), p95: pct(latencies, 95), max: Math.max(...latencies),
  };
  const l = results.inputLatency;
  console.log(`Input latency, ${l.measured} of ${MOVES} moves changed the DOM: p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, max ${ms(l.max)}`);
  if (page.errors.length) console.log('errors:', page.errors);
  await page.context().close();
}
await browser.close();

// 3. Lighthouse (mobile defaults), against the same server.
if (!process.argv.includes('--no-lighthouse')) {
  const { default: lighthouse } = await import('lighthouse');
  const { launch: launchChrome } = await import('chrome-launcher');
  const chrome = await launchChrome({ chromePath: CHROMIUM, chromeFlags: ARGS });
  try {
    const run = await lighthouse(server.url, { port: chrome.port, output: 'json', logLevel: 'error' });
    const cats = run.lhr.categories;
    results.lighthouse = Object.fromEntries(Object.entries(cats).map(([k, v]) => [k, Math.round(v.score * 100)]));
    const audits = run.lhr.audits;
    results.lighthouseMetrics = {
      fcp: audits['first-contentful-paint']?.displayValue,
      lcp: audits['largest-contentful-paint']?.displayValue,
      tbt: audits['total-blocking-time']?.displayValue,
      cls: audits['cumulative-layout-shift']?.displayValue,
    };
    const failed = Object.values(audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
      .map((a) => `${a.id} (${a.score})`);
    results.lighthouseBelow1 = failed;
    console.log('Lighthouse:', results.lighthouse, results.lighthouseMetrics);
    console.log('Audits below 1:', failed.join(', '));
  } finally {
    await chrome.kill();
  }
}
await server.close();

// 4. Transfer size.
results.size = (await sizes('dist')).total;
console.log(`First visit: ${results.size.raw} bytes, ${results.size.gzip} gzip, ${results.size.brotli} brotli`);
console.log(JSON.stringify(results));
