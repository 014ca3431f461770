// Every figure shows its working: a disclosure under each figure that, once
// opened, writes the figure's formula with the scenario's own numbers
// (`data-testid="working-ID"`, each term with `data-term` and `data-value`,
// the result with `data-result` and `data-value`), live while open.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { open, ready, settle, useApp } from './browser.mjs';
import { assertNoErrors } from './helpers.mjs';
import { DEFAULTS, matches, reference } from './reference.mjs';

const app = useApp({ before, after, afterEach });

/** Opens every working on the page and reads each: result, terms, figure. */
async function openAll(page) {
  await page.evaluate(() => document.querySelectorAll('details.working').forEach((d) => { d.open = true; }));
  await page.waitForFunction(() => [...document.querySelectorAll('details.working')].every((d) => d.querySelector('[data-result]')));
  return page.evaluate(() => [...document.querySelectorAll('details.working')].map((d) => ({
    id: d.dataset.testid.replace(/^working-/, ''),
    result: d.querySelector('[data-result]').getAttribute('data-value'),
    resultText: d.querySelector('[data-result]').textContent,
    figure: document.querySelector(`dd[data-testid="${d.dataset.testid.replace(/^working-/, '')}"]`),
    terms: [...d.querySelectorAll('[data-term]')].map((t) => [t.dataset.term, t.getAttribute('data-value')]),
  })).map((w) => ({ ...w, figure: undefined })));
}

describe('every figure shows its working', () => {
  // The default and three scenarios as share links give them.
  const SCENARIOS = [
    ['', {}],
    ['?v=1&c=150&t=12&m=20', { c: 150, t: 12, m: 20 }],
    ['?v=1&p=slow-build&ap=40&sp=front', { g1: 0.5, gf: 8, ap: 40, sp: 'front' }],
    ['?v=1&m=0&a1=0&am=0', { m: 0, a1: 0, am: 0 }],
  ];

  for (const [query, input] of SCENARIOS) {
    test(`each working's result is its figure, and its input terms the scenario's values: ${query || 'the default'}`, async () => {
      const page = await open(app.browser, app.server.url + query);
      const expected = reference(input).outputs;
      const figures = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('dd[data-testid]')]
        .map((dd) => [dd.dataset.testid, [dd.getAttribute('data-value'), dd.textContent]])));
      const workings = await openAll(page);
      assert.equal(workings.length, Object.keys(expected).length, 'one working per figure');
      const scenario = { ...DEFAULTS, ...input };
      for (const w of workings) {
        assert.equal(w.result, figures[w.id][0], `${w.id}: the working's result is the figure's data-value`);
        assert.equal(w.resultText, figures[w.id][1], `${w.id}: and its text`);
        assert.ok(matches(w.result, expected[w.id]), `${w.id}: ${w.result} vs the reference ${expected[w.id]}`);
        assert.ok(w.terms.length >= 1, `${w.id} has terms`);
        for (const [term, value] of w.terms) {
          if (term in scenario && typeof scenario[term] === 'number') {
            assert.ok(matches(value, scenario[term]), `${w.id}: term ${term} is ${value}, the scenario's ${scenario[term]}`);
          }
        }
      }
      if (expected['payback-year'] === null) {
        assert.equal(workings.find((w) => w.id === 'payback-year').resultText, 'never');
      }
      assertNoErrors(page);
      await page.context().close();
    });
  }

  test('a term named by an input follows its slider, and takes the reader to it', async () => {
    const page = await open(app.browser, app.server.url, { viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
    const working = page.getByTestId('working-spend-per-year');
    await working.locator('summary').tap();
    const term = working.locator('[data-term="c"]');
    assert.equal(await term.getAttribute('data-value'), '100');
    // Move the slider: the open working follows.
    const slider = page.locator('[data-key="c"] input[type="range"]');
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await settle(page);
    assert.equal(await term.getAttribute('data-value'), '105');
    assert.equal(await working.locator('[data-result]').getAttribute('data-value'), '10.5');
    assert.match(await working.locator('.formula').textContent(), /\$105B ÷ Term 10 years = \$10\.5B$/);
    // A tap on the term moves focus to the input it names.
    await term.locator('button').tap();
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'input-c');
    // A fact id opens its source.
    const dc = page.getByTestId('working-datacenters-min');
    await dc.locator('summary').tap();
    await dc.locator('[data-term="F14"] button').tap();
    // Sources and method is a page of its own until then: fetched first.
    await page.waitForFunction(() => document.activeElement?.id === 'fact-F14', null, { timeout: 10000 });
    assert.equal(await page.evaluate(() => document.getElementById('fact-F14').closest('details').open), true);
    assertNoErrors(page);
    await page.context().close();
  });

  test('a working is built only when opened, and a closed one costs nothing on input', async () => {
    const page = await open(app.browser, app.server.url);
    assert.equal(await page.locator('details.working').count(), await page.locator('#figures dd[data-testid]').count());
    assert.equal(await page.locator('details.working [data-result]').count(), 0, 'nothing inside a closed working');
    assert.equal(await page.locator('details.working[open]').count(), 0);
    const working = page.getByTestId('working-investor-net-cash');
    await working.locator('summary').click();
    // Leptos writes the opened working a tick later.
    await working.locator('.formula:not(:empty)').waitFor();
    assert.match(await working.locator('.formula').textContent(),
      /^Investor's net cash at the end of the term \(M4\) = Cloud profit over the term \$35B − Investment over the term \$25B = \$10B$/);
    // Keyboard: the summary is a focusable control that toggles.
    await working.locator('summary').focus();
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await working.evaluate((d) => d.open), false);
    assertNoErrors(page);
    await page.context().close();
  });

  test('comparing, a working shows A under B where they differ', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&c=150&a=announced`);
    await page.waitForSelector('[data-testid="ab-compare"]');
    const spend = page.getByTestId('working-spend-per-year');
    await spend.locator('summary').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="working-spend-per-year"] .versus-a'));
    assert.equal(await spend.locator('[data-result]').getAttribute('data-value'), '15', 'B, the figure shown');
    assert.equal(await spend.locator('[data-term="c"]').count(), 1, 'A is words, not a second set of terms');
    assert.match(await spend.locator('.versus-a').textContent(), /^A: Spend per year \(average\) = Commitment to the cloud over the term \$100B ÷ Term 10 years = \$10B$/);
    const same = page.getByTestId('working-investor-confirmed');
    await same.locator('summary').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="working-investor-confirmed"] [data-result]'));
    assert.equal(await same.locator('.versus-a').count(), 0, 'nothing of A where it is the same');
    assertNoErrors(page);
    await page.context().close();
  });

  test('single views open the working of the figures they show; the JS API and the JSON carry the same', async () => {
    const page = await open(app.browser, `${app.server.url}?embed=1&view=cash`);
    const working = page.getByTestId('working-investor-net-cash');
    await working.locator('summary').click();
    await working.locator('.formula:not(:empty)').waitFor();
    const text = await working.locator('.formula').textContent();
    assert.match(text, /= \$10B$/);
    assert.equal(await working.locator('[data-term] button').count(), 0, 'no dead links in an embed');
    // The full page's API (an embed has none: its host could not reach it).
    await page.goto(app.server.url);
    await page.waitForFunction(() => window.circularCompute);
    const api = await page.evaluate(() => window.circularCompute.compute({}));
    assert.equal(api.workings['investor-net-cash'].formula, text);
    assert.equal(api.workings['investor-net-cash'].result, 10);
    assert.deepEqual(api.workings['investor-net-cash'].terms.map((t) => t.term), ['profit', 'invest']);
    assertNoErrors(page);
    await page.context().close();
  });
});
