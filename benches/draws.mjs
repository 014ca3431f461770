// Draws per second (issue #35): How sure?'s study in the wasm (a worker,
// asked through circularCompute.sure: messaging and the panel's HTML
// included) against the same sampling in plain JavaScript (the e2e
// reference model's draws, `drawScenarios`), in one page, one run: the
// JavaScript once drawing and computing only, once summing up as the wasm
// does (the four figures' percentiles, each year's, and each varied
// input's rank correlation with the net cash). Reports; never asserts.
//   node benches/draws.mjs [--dist dist] [--runs 10]
import { readFile } from 'node:fs/promises';
import { serve } from '../tests/e2e/server.mjs';
import { launch, open, ready } from '../tests/e2e/browser.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DIST = arg('--dist', 'dist');
const RUNS = Number(arg('--runs', 10));
const DRAWS = 5000;
const reference = await readFile(new URL('../tests/e2e/reference.mjs', import.meta.url), 'utf8');
const server = await serve({ root: DIST, prefix: '/bench/', files: { 'reference.js': reference } });
const browser = await launch();
const page = await open(browser, server.url, { viewport: { width: 1280, height: 900 } });
await ready(page);
const result = await page.evaluate(async ({ runs, draws }) => {
  const { drawScenarios } = await import('./reference.js');
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const FIGURES = ['investor-net-cash', 'payback-year', 'spend-share-revenue', 'price-per-gw-year'];
  const spread = (xs) => {
    const v = xs.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
    const q = (p) => { const at = p * (v.length - 1), i = Math.floor(at); return v[i] + ((v[i + 1] ?? v[i]) - v[i]) * (at - i); };
    return [q(0.05), q(0.25), q(0.5), q(0.75), q(0.95), v.reduce((a, b) => a + b, 0) / v.length];
  };
  const ranks = (xs) => {
    const order = xs.map((x, i) => [x, i]).sort((a, b) => a[0] - b[0]);
    const r = new Float64Array(xs.length);
    for (let i = 0; i < order.length;) {
      let j = i;
      while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
      for (let k = i; k <= j; k++) r[order[k][1]] = (i + j) / 2 + 1;
      i = j + 1;
    }
    return r;
  };
  const pearson = (a, b) => {
    const n = a.length, ma = a.reduce((x, y) => x + y, 0) / n, mb = b.reduce((x, y) => x + y, 0) / n;
    let sab = 0, saa = 0, sbb = 0;
    for (let i = 0; i < n; i++) { sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) ** 2; sbb += (b[i] - mb) ** 2; }
    return saa && sbb ? sab / Math.sqrt(saa * sbb) : 0;
  };
  const drawOnly = (input) => {
    let positive = 0;
    drawScenarios(input, Object.keys(input), draws, 12345, ({ outputs }) => { if (outputs['investor-net-cash'] > 0) positive++; });
    return positive;
  };
  const summed = (input) => {
    const figures = FIGURES.map(() => []), years = [], drawnBy = [];
    const keys = drawScenarios(input, Object.keys(input), draws, 12345, ({ outputs, rows }, s, drawn) => {
      FIGURES.forEach((id, j) => figures[j].push(id === 'payback-year' ? outputs[id] ?? s.y0 + s.t : outputs[id]));
      let last = 0;
      for (let y = 0; y < Math.max(years.length, rows.length); y++) {
        last = rows[y]?.['net-cash-cumulative'] ?? last;
        (years[y] ??= []).push(last);
      }
      drawn.forEach((v, k) => (drawnBy[k] ??= []).push(typeof v === 'number' ? v : ['even', 'capacity', 'front', 'back'].indexOf(v)));
    });
    const cash = ranks(figures[0]);
    return [figures.map(spread), years.map(spread), keys.map((_, k) => pearson(ranks(drawnBy[k]), cash))];
  };
  // Each scenario differs (a margin of its own), so nothing is cached;
  // the first call of each loads and warms up.
  await window.circularCompute.sure({ m: 19 });
  drawOnly({ m: 19 });
  summed({ m: 19 });
  const wasm = [], js = [], jsSummed = [];
  for (let i = 0; i < runs; i++) {
    const m = 20 + i;
    let t = performance.now();
    await window.circularCompute.sure({ m });
    wasm.push(performance.now() - t);
    t = performance.now();
    drawOnly({ m });
    js.push(performance.now() - t);
    t = performance.now();
    summed({ m });
    jsSummed.push(performance.now() - t);
  }
  return { wasm: median(wasm), js: median(js), jsSummed: median(jsSummed) };
}, { runs: RUNS, draws: DRAWS });
const perSecond = (ms) => Math.round((DRAWS / ms) * 1000).toLocaleString('en-US');
console.log(`5,000 draws, median of ${RUNS}:`);
console.log(`  wasm, the whole study (worker round trip, summaries and panel HTML): ${result.wasm.toFixed(1)} ms = ${perSecond(result.wasm)} draws/s`);
console.log(`  plain JS, drawing and computing only: ${result.js.toFixed(1)} ms = ${perSecond(result.js)} draws/s (the wasm ${(result.js / result.wasm).toFixed(1)}× as fast)`);
console.log(`  plain JS, summed up as the wasm does: ${result.jsSummed.toFixed(1)} ms = ${perSecond(result.jsSummed)} draws/s (the wasm ${(result.jsSummed / result.wasm).toFixed(1)}× as fast)`);
await browser.close();
await server.close();
