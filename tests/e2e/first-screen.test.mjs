// The first screen first (issue #32): a reader pays for what the first
// screen needs, and the rest arrives when it is wanted. The full page's
// first app holds the answer and the inputs; its lower half (charts,
// tornados, schedule, downloads, compare table) is a wasm of its own,
// fetched as the reader comes near it, whose state follows the page's
// (web::bridge). On a phone the answer comes first, the inputs a tap away,
// and the key figures stay in view while the inputs scroll past.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lowerHalf, open, ready, settle, useApp } from './browser.mjs';
import { assertNoErrors, assertScenario } from './helpers.mjs';
import { reference } from './reference.mjs';

const app = useApp({ before, after, afterEach });
const PHONE = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true };

/** The apps whose wasm the server has sent, in order, by name. */
const apps = () => app.server.requests.filter((p) => p.endsWith('.wasm')).map((p) => p.split('/').pop().split('-')[0]);

describe('the first screen first', () => {
  test('a first visit fetches the page’s own app only; the lower half comes as the reader scrolls to it [every engine]', async () => {
    for (const viewport of [{ width: 375, height: 667 }, { width: 1280, height: 800 }]) {
      app.server.requests.length = 0;
      const page = await open(app.browser, null, { viewport });
      await page.goto(app.server.url);
      await ready(page, { lower: false });
      await page.waitForTimeout(300);
      assert.deepEqual(apps(), ['circular'], `${viewport.width} px: only the page's app before scrolling`);
      assert.equal(await page.locator('#more').evaluate((m) => m.childElementCount), 0, 'the lower half is not built');
      assert.equal(await page.locator('#more-wait').isVisible(), true, 'a line says it loads on scrolling');
      await page.locator('#more').scrollIntoViewIfNeeded();
      await page.waitForSelector('#more [data-testid="compare"]');
      assert.deepEqual(apps(), ['circular', 'more'], `${viewport.width} px: the lower half once, as it came near`);
      assert.equal(await page.locator('#more-wait').isVisible(), false);
      await assertScenario(page, {}, `defaults at ${viewport.width} px`);
      assertNoErrors(page);
      await page.context().close();
    }
  });

  test('an embed fetches its view\'s app only, never the page’s [every engine]', async () => {
    for (const [query, want] of [['?embed=1', 'embed'], ['?embed=1&view=cash&m=20', 'embed'], ['?embed=1&view=tornado', 'detail'], ['?embed=1&view=table', 'detail'], ['?embed=1&view=flow', 'flow']]) {
      app.server.requests.length = 0;
      const page = await open(app.browser, `${app.server.url}${query}`);
      await page.locator('main.embed').waitFor();
      assert.deepEqual(apps(), [want], query);
      assert.equal(await page.evaluate(() => window.circularCompute), undefined, `${query}: an embed has no JS API`);
      assertNoErrors(page);
      await page.context().close();
    }
  });

  test('the lower half follows every change of the page, and what it loads the page loads', async () => {
    const page = await open(app.browser, app.server.url);
    // A typed value reaches the schedule and the charts, drawn by the other wasm.
    await page.getByTestId('input-c').fill('150');
    await page.getByTestId('input-c').press('Tab');
    await settle(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="schedule"] tbody tr td[data-col="spend"]')?.getAttribute('data-value') === '15');
    await assertScenario(page, { c: 150 }, 'the schedule follows c=150');
    // A pinned A reaches the charts (drawn dashed) and the compare table.
    await page.getByTestId('pin-a').click();
    await page.waitForSelector('[data-testid="chart-cash"] path.line.pinned[d^="M"]');
    // "Open in the calculator" in the lower half: the page loads the deal,
    // as a new history entry, and Back returns.
    await page.getByTestId('open-nvidia-openai').click();
    await page.waitForFunction(() => location.search.includes('deal=nvidia-openai'));
    await settle(page);
    assert.match(await page.locator('#masthead h1').textContent(), /Nvidia–OpenAI/);
    assert.equal(await page.getByTestId('investor-net-cash').textContent(), 'not known');
    await page.waitForFunction(() => document.querySelector('[data-testid="chart-cash"] h3')?.textContent.includes('Nvidia'));
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('deal='));
    await settle(page);
    assert.equal(await page.getByTestId('investor-net-cash').getAttribute('data-value'), String(reference({ c: 150 }).outputs['investor-net-cash']));
    assertNoErrors(page);
    await page.context().close();
  });

  test('on a phone the answer leads, the inputs are a tap away, and the key figures stay in view while an input moves', async () => {
    const page = await open(app.browser, null, PHONE);
    await page.goto(`${app.server.url}?v=1&c=150&m=20`);
    await ready(page, { lower: false });
    const expected = reference({ c: 150, m: 20 }).outputs;
    // The sharer's lead and key figures on the first screen.
    const top = (testid) => page.getByTestId(testid).evaluate((el) => el.getBoundingClientRect().top);
    assert.ok((await top('lead')) < 667, 'the lead is on the first screen');
    assert.ok((await top('spend-per-year')) < 667, 'the first figure is on the first screen');
    assert.equal(await page.getByTestId('spend-per-year').getAttribute('data-value'), String(expected['spend-per-year']));
    // The key strip already at the foot of the first screen.
    const foot = () => page.locator('.key-strip').evaluate((s) => {
      const r = s.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, hidden: s.getAttribute('aria-hidden') };
    });
    const first = await foot();
    assert.ok(first.bottom <= 667.5 && first.top > 667 - 120, `the strip at the foot of the first screen (${first.top}–${first.bottom})`);
    // The reading order is the order on screen: answer, inputs, charts.
    const order = await page.evaluate(() => ['[data-testid="lead"]', '#figures', '#controls', '#more']
      .map((s) => document.querySelector(s).compareDocumentPosition(document.querySelector('#controls'))));
    assert.deepEqual(order, [4, 4, 0, 2], 'lead and figures before the inputs, the lower half after');
    // One tap to the inputs.
    await page.getByTestId('jump-to-inputs').tap();
    await page.waitForFunction(() => Math.abs(document.getElementById('controls').getBoundingClientRect().top) < 2);
    // Among the inputs, the key strip sits at the foot of the screen and
    // says what the figures say, live.
    const margin = page.getByTestId('input-m');
    await margin.scrollIntoViewIfNeeded();
    const strip = await foot();
    assert.ok(strip.bottom <= 667.5 && strip.top > 667 - 120, `the strip at the foot of the screen (${strip.top}–${strip.bottom})`);
    assert.equal(strip.hidden, 'true', 'screen readers have the figures themselves');
    const stripSays = () => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-strip]')]
      .map((dd) => [dd.dataset.strip, [dd.textContent, document.querySelector(`dd[data-testid="${dd.dataset.strip}"]`).textContent]])));
    const before = await stripSays();
    for (const [id, [strip, figure]] of Object.entries(before)) assert.equal(strip, figure, id);
    await margin.fill('10');
    await margin.press('Tab');
    await settle(page);
    const after = await stripSays();
    assert.equal(after['investor-net-cash'][0], after['investor-net-cash'][1]);
    assert.notEqual(after['investor-net-cash'][0], before['investor-net-cash'][0], 'it moved with the margin');
    assert.equal(await page.getByTestId('investor-net-cash').getAttribute('data-value'), String(reference({ c: 150, m: 10 }).outputs['investor-net-cash']));
    assertNoErrors(page);
    await page.context().close();
  });

  test('on a wide screen the inputs sit beside the answer, with no jump link and no key strip', async () => {
    const page = await open(app.browser, null, { viewport: { width: 1280, height: 800 } });
    await page.goto(app.server.url);
    await ready(page, { lower: false });
    const boxes = await page.evaluate(() => ['#controls', '[data-testid="lead"]'].map((s) => document.querySelector(s).getBoundingClientRect().left));
    assert.ok(boxes[0] < boxes[1], 'the inputs at the left of the answer');
    assert.equal(await page.getByTestId('jump-to-inputs').isVisible(), false);
    assert.equal(await page.locator('.key-strip').isVisible(), false);
    await lowerHalf(page);
    const charts = await page.locator('section.charts').evaluate((c) => c.getBoundingClientRect().left);
    assert.ok(charts > boxes[0] + 300, 'the charts below the answer, beside the inputs');
    assertNoErrors(page);
    await page.context().close();
  });
});
