// The full page's first figures (issue #15): on a wide screen, the bare
// page paints the default scenario's lead and figures with the HTML, written
// into index.html at build time, before the wasm. They must match what the
// app then writes, in the same place, with no frame that shows a figure
// without its value; and for any address that asks for anything else they
// must never enter the page, not even hidden.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { open, ready, settle, useApp } from './browser.mjs';
import { assertNoErrors } from './helpers.mjs';

const app = useApp({ before, after, afterEach });
const WIDE = { width: 1280, height: 800 };

/** The lead, the inputs' panel and every figure on screen, each with its
 * text, value and box (read in the page). */
function shown() {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return [r.x, r.y, r.width, r.height];
  };
  const lead = document.querySelector('[data-testid="lead"]');
  return {
    lead: lead && lead.checkVisibility() ? { text: lead.textContent, box: box(lead) } : null,
    controls: box(document.querySelector('main.layout .controls')),
    figures: [...document.querySelectorAll('.figures dd[data-testid]')]
      .filter((dd) => dd.checkVisibility())
      .map((dd) => ({
        id: dd.dataset.testid,
        value: dd.getAttribute('data-value'),
        text: dd.textContent,
        label: dd.previousElementSibling.textContent,
        box: box(dd),
        figure: box(dd.parentElement),
      })),
  };
}

/** What a reader sees before the wasm arrives (held back, not refused). */
async function beforeTheWasm(query, viewport = WIDE) {
  const page = await open(app.browser, null, { viewport });
  await page.route('**/*.wasm', () => {});
  await page.goto(`${app.server.url}${query}`, { waitUntil: 'domcontentloaded' });
  const seen = await page.evaluate(() => ({
    testids: document.querySelectorAll('dd[data-testid], [data-testid="lead"]').length,
    first: document.querySelectorAll('#first-figures').length,
    templates: document.querySelectorAll('template').length,
    mark: document.documentElement.hasAttribute('data-first-figures'),
  }));
  const figures = seen.first ? await page.evaluate(shown) : null;
  await page.context().close();
  return { ...seen, figures };
}

const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) < 0.5);

describe('the full page’s first figures', () => {
  test('the bare page on a wide screen shows the default figures before the wasm, where the app writes the same', async () => {
    for (const [query, width] of [['', 1280], ['?v=1', 1000]]) {
      const viewport = { width, height: 800 };
      const first = await beforeTheWasm(query, viewport);
      assert.equal(first.mark, true, query);
      assert.equal(first.templates, 0, `${query}: the template has been used`);
      const before = first.figures;
      assert.match(before.lead.text, /^For every \$1 Amazon puts in, \$4\.00 comes back/);
      assert.ok(before.figures.length >= 20, `${query}: every figure (${before.figures.length})`);
      const spend = before.figures.find((f) => f.id === 'spend-per-year');
      assert.deepEqual([spend.value, spend.text], ['10', '$10B']);

      // With the wasm: every frame until the page is built is sampled
      // just before it paints.
      const page = await open(app.browser, null, { viewport });
      await page.addInitScript(() => {
        window.__shifts = [];
        window.__bare = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__shifts.push(e.value);
        }).observe({ type: 'layout-shift', buffered: true });
        const frame = () => {
          for (const dd of document.querySelectorAll('.figures dd[data-testid]')) {
            if (!dd.hasAttribute('data-value') || !dd.textContent) window.__bare.push(dd.dataset.testid);
          }
          if (document.querySelectorAll('[data-testid="lead"]').length > 1) window.__bare.push('two leads');
          if (!document.querySelector('html[data-page="full"]')) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      await page.goto(`${app.server.url}${query}`);
      await ready(page);
      await settle(page);
      const built = await page.evaluate(shown);
      const checks = await page.evaluate(() => ({
        shifts: window.__shifts,
        bare: window.__bare,
        left: document.querySelectorAll('#first-figures, template').length,
        live: document.querySelector('[data-testid="lead"]').getAttribute('aria-live'),
      }));
      assert.deepEqual(checks.bare, [], `${query}: no frame shows a figure without its value, or two leads`);
      assert.equal(checks.left, 0, `${query}: the first figures are gone once the app runs`);
      assert.equal(checks.live, 'polite', `${query}: the lead is the app's`);
      assert.deepEqual(checks.shifts, [], `${query} at ${width} px: nothing moved`);
      assert.equal(built.lead.text, before.lead.text, query);
      assert.ok(near(built.lead.box, before.lead.box), `${query}: the lead in the same place`);
      assert.deepEqual(built.controls.slice(0, 3), before.controls.slice(0, 3), `${query}: the inputs' panel starts where it did`);
      assert.deepEqual(built.figures.map((f) => f.id), before.figures.map((f) => f.id), query);
      for (const [i, f] of built.figures.entries()) {
        const b = before.figures[i];
        assert.deepEqual([f.value, f.text, f.label], [b.value, b.text, b.label], `${query}: ${f.id}`);
        assert.ok(near(f.box, b.box) && near(f.figure, b.figure), `${query}: ${f.id} in the same place (${f.figure} against ${b.figure})`);
      }
      assertNoErrors(page);
      await page.context().close();
    }
  });

  test('a wasm that cannot start shows its banner under the masthead, above the first figures', async () => {
    const page = await open(app.browser, null, { viewport: WIDE });
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(app.server.url);
    await page.locator('#crash').waitFor({ state: 'visible' });
    const [banner, lead] = await page.evaluate(() => ['#crash', '[data-testid="lead"]']
      .map((s) => document.querySelector(s).getBoundingClientRect().top));
    assert.ok(banner < lead && banner < 400, `the banner at ${banner} px, the lead at ${lead} px`);
    await page.context().close();
  });

  test('no first figures, not even hidden, for another scenario, deal or preset, a pinned A, an embed, an unknown or repeated key, or a narrow screen', async () => {
    const queries = [
      '?c=150', '?p=fast-growth', '?deal=nvidia-openai', '?deal=anthropic-aws', '?a=fast-growth',
      '?utm_source=blog', '?v=1&v=1', '?v=2', '?v=', '?C=150', '?c=abc', '?embed=1', '?embed=1&view=cash',
      '?embed=0', '?theme=dark', '?view=cash', '?embed=1&view=page', '?view=page',
    ];
    for (const query of queries) {
      const first = await beforeTheWasm(query);
      assert.deepEqual([first.testids, first.first, first.templates, first.mark], [0, 0, 0, false],
        `${query}: no build-time figure in the page`);
    }
    for (const width of [375, 959]) {
      const first = await beforeTheWasm('', { width, height: 800 });
      assert.deepEqual([first.testids, first.first, first.mark], [0, 0, false], `${width} px: none`);
    }
  });
});
