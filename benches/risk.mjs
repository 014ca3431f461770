// How sure? (issue #35): how long after a slider step the panel shows the
// distribution of the new scenario (the worker's answer bound), and how
// long a step's own task takes while the panel is live. Reports; never
// asserts.
//   node benches/risk.mjs [--dist dist] [--steps 40]
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
