// An embed's first words (issue #15): the sentence an embed opens with,
// written into index.html at build time for the default scenario, paints
// with the HTML, before the wasm. It must match what the app then writes,
// in the same place, and never show for any address that asks for another
// scenario (or anything the page does not know).
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { open, ready, settle, useApp } from './browser.mjs';
import { assertNoErrors } from './helpers.mjs';

const app = useApp({ before, after, afterEach });

/** What a reader sees before the wasm arrives (the wasm is held back, not
 * refused, so no crash banner moves anything): the first words shown, with
 * their place, and the root's marks. */
async function beforeTheWasm(query, viewport) {
  const page = await open(app.browser, null, { viewport });
  await page.route('**/*.wasm', () => {});
  await page.goto(`${app.server.url}${query}`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.readyState === 'complete' || document.querySelector('#page-end'));
  const seen = await page.evaluate(() => ({
    shown: [...document.querySelectorAll('#first-words > p')]
      .filter((p) => p.checkVisibility())
      .map((p) => {
        const r = p.getBoundingClientRect();
        return { text: p.textContent, box: [r.x, r.y, r.width, r.height] };
      }),
    theme: document.documentElement.getAttribute('data-theme'),
  }));
  await page.context().close();
  return seen;
}

/** The app's own opening sentence once it is built, with its place, and
 * every layout shift the load made. */
async function afterTheWasm(query, viewport) {
  const page = await open(app.browser, null, { viewport });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${app.server.url}${query}`);
  await ready(page);
  await settle(page);
  const seen = await page.evaluate(() => {
    const p = document.querySelector('main.embed p.lead');
    const r = p.getBoundingClientRect();
    return {
      text: p.textContent,
      box: [r.x, r.y, r.width, r.height],
      left: document.querySelectorAll('#first-words').length,
      shifts: window.__shifts,
    };
  });
  assertNoErrors(page);
  await page.context().close();
  return seen;
}

describe('an embed’s first words', () => {
  test('an embed of the default scenario opens with its sentence before the wasm, where the app writes the same', async () => {
    const cases = [
      ['?embed=1', /^For every \$1 Amazon puts in, \$4\.00 comes back/],
      ['?v=1&embed=1&view=summary&theme=dark', /^For every \$1 Amazon puts in/],
      ['?embed=true&view=spend&controls=c,m', /^Anthropic spends \$10B a year with AWS/],
      ['?embed=1&view=capacity&controls=none', /^The commitment buys 37\.5 GW-years/],
      ['?embed=1&view=cash&controls=m', /^Amazon puts in \$25B of new money/],
      ['?view=tornado&embed=', /moves Amazon's net cash most/],
    ];
    for (const width of [375, 720]) {
      const viewport = { width, height: 900 };
      for (const [query, words] of cases) {
        const first = await beforeTheWasm(query, viewport);
        assert.equal(first.shown.length, 1, `${query} at ${width} px: one sentence shows`);
        assert.match(first.shown[0].text, words, query);
        if (query.includes('theme=dark')) assert.equal(first.theme, 'dark', 'the fixed scheme applies before the wasm');
        const app = await afterTheWasm(query, viewport);
        assert.equal(app.text, first.shown[0].text, `${query}: the app writes the same sentence`);
        assert.equal(app.left, 0, `${query}: the first words are gone once the app runs`);
        app.box.forEach((v, i) => assert.ok(Math.abs(v - first.shown[0].box[i]) < 0.5,
          `${query} at ${width} px: in the same place (${app.box} against ${first.shown[0].box})`));
        assert.deepEqual(app.shifts, [], `${query} at ${width} px: nothing moved`);
      }
    }
  });

  test('no first words for another scenario, deal or preset, a pinned A, an unknown or repeated key, a notice, or the full page', async () => {
    const queries = [
      '', '?v=1', '?embed=0', '?embed=1&c=150', '?c=150&embed=1&view=cash', '?embed=1&p=fast-growth',
      '?embed=1&deal=nvidia-openai', '?embed=1&deal=anthropic-aws', '?embed=1&a=fast-growth',
      '?embed=1&utm_source=blog', '?embed=1&embed=1', '?embed=1&view=cash&view=cash', '?embed=yes',
      '?embed=1&view=table', '?embed=1&view=compare', '?embed=1&view=bogus', '?embed=1&theme=blue',
      '?embed=1&view=cash&controls=zz', '?embed=1&controls=m,none', '?embed=1&v=2', '?embed=1&v=',
      '?embed=1&m=abc', '?embed=1&C=150',
    ];
    for (const query of queries) {
      const first = await beforeTheWasm(query, { width: 600, height: 900 });
      assert.deepEqual(first.shown, [], `${query}: no build-time sentence shows`);
    }
    // The app removes them on every page, shown or not.
    for (const query of ['', '?embed=1&c=150']) {
      const page = await open(app.browser, `${app.server.url}${query}`);
      assert.equal(await page.locator('#first-words').count(), 0, query);
      assertNoErrors(page);
      await page.context().close();
    }
  });
});
