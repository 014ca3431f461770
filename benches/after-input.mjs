// What follows a slider step, and when: the figure it moves, every input's
// break-even (issue #34: painted in the figures' frame, after them),
// and How sure?'s distribution of the new scenario (issue #35: the
// worker's answer bound). Reports; never asserts.
//   node benches/after-input.mjs [--dist dist] [--steps 40]
import { serve } from '../tests/e2e/server.mjs';
import { launch, open, ready, settle } from '../tests/e2e/browser.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DIST = arg('--dist', 'dist');
const STEPS = Number(arg('--steps', 40));
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const server = await serve({ root: DIST, prefix: '/bench/' });
const browser = await launch();
const page = await open(browser, server.url, { viewport: { width: 1280, height: 900 } });
await ready(page);
await page.evaluate(() => document.getElementById('how-sure').scrollIntoView());
await page.waitForFunction(() => document.querySelector('[data-testid="how-sure"]')?.getAttribute('aria-busy') === 'false', null, { timeout: 30000 });
// The commitment's slider: it moves the spend and the margin's break-even.
const timings = await page.evaluate(async (steps) => {
  const input = document.querySelector('[data-key="c"] input[type="range"]');
  const figure = document.querySelector('dd[data-testid="spend-per-year"]');
  const be = document.querySelector('[data-testid="breakeven-m"]');
  const out = [];
  for (let i = 0; i < steps; i++) {
    const [f0, b0] = [figure.getAttribute('data-value'), be.getAttribute('data-value')];
    const start = performance.now();
    input.value = String(Number(input.value) + (i % 2 ? -1 : 1));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Each change is seen as the page writes it (a mutation observer, not
    // polling, which browsers clamp to 4 ms).
    let fig = null;
    let beAt = null;
    const seen = new MutationObserver(() => {
      const now = performance.now() - start;
      if (fig === null && figure.getAttribute('data-value') !== f0) fig = now;
      if (beAt === null && be.getAttribute('data-value') !== b0) beAt = now;
    });
    seen.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-value'] });
    while (fig === null && performance.now() - start < 5000) await new Promise((r) => setTimeout(r, 0));
    // The frame the figure is painted in is the first after it is written:
    // a task queued from that frame's animation callbacks runs after its
    // paint. Frames late: how many more frames painted before the
    // break-even was written too (0: painted with the figure).
    let late = 0;
    for (;;) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      if (be.getAttribute('data-value') !== b0 || late > 300) break;
      late += 1;
    }
    seen.disconnect();
    const t = [fig ?? NaN, beAt ?? NaN, late > 300 ? NaN : late];
    out.push(t);
    await new Promise((r) => setTimeout(r, 50));
  }
  return out;
}, STEPS);
const figs = timings.map((t) => t[0]);
const bes = timings.map((t) => t[1]);
const late = timings.map((t) => t[2]);
const sameFrame = late.filter((l) => l === 0).length;
console.log(`A commitment step, ${STEPS} steps: the spend figure written p50 ${pct(figs, 50).toFixed(1)} ms, p95 ${pct(figs, 95).toFixed(1)} ms; every break-even written p50 ${pct(bes, 50).toFixed(1)} ms, p95 ${pct(bes, 95).toFixed(1)} ms after the input`);
console.log(`  painted in the figure's own frame ${sameFrame} of ${STEPS} times; frames late p50 ${pct(late, 50)}, p95 ${pct(late, 95)}, max ${Math.max(...late)}`);
const slider = page.locator('[data-key="m"] input[type="range"]');
const fresh = [];
for (let i = 0; i < STEPS; i++) {
  await slider.focus();
  // From the key's event to the panel showing the new scenario's answer.
  const t = await page.evaluate((dir) => new Promise((resolve) => {
    const panel = document.querySelector('[data-testid="how-sure"]');
    const input = document.querySelector('[data-key="m"] input[type="range"]');
    const start = performance.now();
    input.value = String(Number(input.value) + (dir ? 0.5 : -0.5));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Busy once the page has taken the step, free again once the worker's
    // answer for it is bound.
    let busy = panel.getAttribute('aria-busy') === 'true';
    const seen = new MutationObserver(() => {
      const now = panel.getAttribute('aria-busy') === 'true';
      if (busy && !now) {
        seen.disconnect();
        resolve(performance.now() - start);
      }
      busy = now;
    });
    seen.observe(panel, { attributes: true, attributeFilter: ['aria-busy'] });
  }), i % 2 === 0);
  fresh.push(t);
  await settle(page);
}
console.log(`How sure?: a slider step to the new scenario's distribution on screen, ${STEPS} steps (5,000 draws each)`);
console.log(`  p50 ${pct(fresh, 50).toFixed(1)} ms, p95 ${pct(fresh, 95).toFixed(1)} ms, max ${Math.max(...fresh).toFixed(1)} ms`);
await browser.close();
await server.close();
