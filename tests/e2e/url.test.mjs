// Share links, history, hostile addresses and saved scenarios, end to end.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { open, ready, settle, useApp } from './browser.mjs';
import { assertNoErrors, assertScenario } from './helpers.mjs';
import { DEFAULTS } from './reference.mjs';

const app = useApp({ before, after, afterEach });

/** A value for each input that differs from its default and sits in range. */
const LINK_VALUES = {
  c: 333, t: 13, y0: 2030, sp: 'back', gw: 7.5, g1: 2.2, gf: 9, a0: 0.5, a1: 12, am: 55.5, ap: 42,
  ay: 7, m: 22.5, r: 45.5, rg: 80, rt: -5, cap: 48, life: 4, e: 120, u: 66, pue: 1.33, kw: 1.35, pf: 4.6,
};

/** Waits until the address holds `query` (the page writes it after a short delay). */
async function waitForQuery(page, expected) {
  await page.waitForFunction((q) => location.search === q, expected, { timeout: 5000 });
}

describe('share links', () => {
  test('a link for every input key reproduces the figures [every engine]', async () => {
    assert.deepEqual(Object.keys(LINK_VALUES).sort(), Object.keys(DEFAULTS).sort());
    const page = await open(app.browser, null);
    for (const [key, value] of Object.entries(LINK_VALUES)) {
      await page.goto(`${app.server.url}?v=1&${key}=${value}`);
      await ready(page);
      await settle(page);
      await assertScenario(page, { [key]: value }, `${key}=${value}`);
      assert.equal(await page.getByTestId('notice').count(), 0, `${key}: no notice for a clean link`);
    }
    assertNoErrors(page);
    await page.context().close();
  });

  test('the address follows the inputs, and the default scenario is the bare address [every engine]', async () => {
    const page = await open(app.browser, app.server.url);
    assert.equal(await page.evaluate(() => location.search), '');
    await page.getByTestId('input-m').fill('0.3');
    await page.getByTestId('input-m').press('Tab');
    await waitForQuery(page, '?v=1&m=0.3');
    await page.getByTestId('preset').selectOption('slow-build');
    await waitForQuery(page, '?v=1&p=slow-build');
    await page.getByTestId('reset').click();
    await waitForQuery(page, '');
    assert.ok(page.url().endsWith('/tools/deal/'), page.url());
    assertNoErrors(page);
    await page.context().close();
  });

  test('a slider drag writes the address without flooding history', async () => {
    const page = await open(app.browser, app.server.url);
    const before = await page.evaluate(() => history.length);
    const slider = page.locator('[data-key="c"] input[type="range"]');
    await slider.focus();
    for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowRight');
    await waitForQuery(page, '?v=1&c=160');
    assert.equal(await page.evaluate(() => history.length), before, 'replaceState, not pushState');
    assertNoErrors(page);
    await page.context().close();
  });

  test('reload keeps the scenario [every engine]', async () => {
    const page = await open(app.browser, app.server.url);
    await page.getByTestId('input-c').fill('210');
    await page.getByTestId('input-c').press('Tab');
    await page.getByTestId('input-sp').selectOption('front');
    await waitForQuery(page, '?v=1&c=210&sp=front');
    await page.reload();
    await ready(page);
    await assertScenario(page, { c: 210, sp: 'front' }, 'after reload');
    assertNoErrors(page);
    await page.context().close();
  });

  test('back and forward restore presets [every engine]', async () => {
    const page = await open(app.browser, app.server.url);
    await page.getByTestId('preset').selectOption('thin-margin');
    await waitForQuery(page, '?v=1&p=thin-margin');
    await page.getByTestId('preset').selectOption('fast-growth');
    await waitForQuery(page, '?v=1&p=fast-growth');
    await page.goBack();
    await waitForQuery(page, '?v=1&p=thin-margin');
    await settle(page);
    await assertScenario(page, { m: 15 }, 'back to thin-margin');
    assert.equal(await page.getByTestId('preset').inputValue(), 'thin-margin');
    await page.goForward();
    await waitForQuery(page, '?v=1&p=fast-growth');
    await settle(page);
    await assertScenario(page, { rg: 100, rt: 30 }, 'forward to fast-growth');
    await page.goBack();
    await page.goBack();
    await waitForQuery(page, '');
    await settle(page);
    await assertScenario(page, {}, 'back to the start');
    assertNoErrors(page);
    await page.context().close();
  });

  test('copy link puts the scenario address on the clipboard', async () => {
    const page = await open(app.browser, null);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${app.server.url}?v=1&p=confirmed&c=120`);
    await ready(page);
    await page.getByTestId('copy-link').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="share-status"]')?.textContent === 'Link copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, `${app.server.url}?v=1&p=confirmed&c=120`);
    assertNoErrors(page);
    await page.context().close();
  });
});

describe('hostile addresses', () => {
  const cases = [
    ['unknown key', 'zz=1', {}],
    ['not a number', 'c=abc', {}],
    ['NaN', 'c=NaN', {}],
    ['Infinity', 'c=Infinity', {}],
    ['too large to hold', 'c=1e400', {}],
    ['below the minimum', 'c=-5', { c: 1 }],
    ['above the maximum', 't=99', { t: 20 }],
    ['not whole', 't=7.5', { t: 8 }],
    ['repeated key', 'c=150&c=20', { c: 150 }],
    ['unknown preset', 'p=moon', {}],
    ['newer version', 'v=7&c=150', { c: 150 }],
    ['unknown profile', 'sp=sideways', {}],
    ['broken escapes', 'c=%ZZ%', {}],
    ['markup', 'c=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', {}],
    ['6 KB value', `c=${'9'.repeat(6 * 1024)}`, {}],
  ];
  for (const [name, query, expected] of cases) {
    test(`${name}: loads, with a notice and no console error`, async () => {
      const page = await open(app.browser, `${app.server.url}?${query}`);
      await settle(page);
      const notice = page.getByTestId('notice');
      assert.equal(await notice.count(), 1, 'one notice');
      assert.equal(await page.locator('.notice li').count(), 1, 'one line in it');
      assert.equal(await page.locator('img[src="x"]').count(), 0, 'nothing from the URL becomes HTML');
      await assertScenario(page, expected, name);
      await page.getByTestId('notice-dismiss').click();
      await settle(page);
      assert.equal(await notice.count(), 0, 'dismissed');
      assertNoErrors(page);
      await page.context().close();
    });
  }
});

describe('saved scenarios', () => {
  test('save, reload, load, rename and delete', async () => {
    const page = await open(app.browser, app.server.url);
    await page.locator('[data-testid="saved"] summary').click();
    await page.getByTestId('input-c').fill('180');
    await page.getByTestId('input-c').press('Tab');
    await page.getByTestId('save-name').fill('Big spender');
    await page.getByTestId('save').click();
    await settle(page);
    assert.match(await page.getByTestId('saved-status').textContent(), /Saved “Big spender”/);
    await page.getByTestId('reset').click();
    await page.reload();
    await ready(page);
    await page.locator('[data-testid="saved"] summary').click();
    await page.getByRole('button', { name: 'Load “Big spender”' }).click();
    await settle(page);
    await assertScenario(page, { c: 180 }, 'loaded');
    await waitForQuery(page, '?v=1&c=180');
    await page.getByRole('button', { name: 'Rename “Big spender”' }).click();
    await page.getByLabel('New name').fill('Bigger');
    await page.getByLabel('New name').press('Enter');
    await settle(page);
    assert.match(await page.getByTestId('saved-list').textContent(), /Bigger/);
    await page.getByRole('button', { name: 'Delete “Bigger”' }).click();
    await settle(page);
    assert.equal(await page.locator('[data-testid="saved-list"] li').count(), 0);
    assertNoErrors(page);
    await page.context().close();
  });

  test('a list saved by an earlier version still loads, and is stored as JSON from then on', async () => {
    const page = await open(app.browser, null);
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('circular-compute:saved', 'circular-compute saved v1\nOld%20case=v=1&p=thin-margin&c=150\n');
      }
    });
    await page.goto(app.server.url);
    await ready(page);
    await page.locator('[data-testid="saved"] summary').click();
    await page.getByRole('button', { name: 'Load “Old case”' }).click();
    await settle(page);
    await assertScenario(page, { m: 15, c: 150 }, 'old list loaded');
    await waitForQuery(page, '?v=1&p=thin-margin&c=150');
    await page.getByTestId('save-name').fill('New case');
    await page.getByTestId('save').click();
    await settle(page);
    const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('circular-compute:saved')));
    assert.equal(stored.format, 'circular-compute saved');
    assert.deepEqual(stored.scenarios.map((s) => s.name), ['Old case', 'New case']);
    for (const saved of stored.scenarios) assert.deepEqual(saved.scenario, { p: 'thin-margin', c: 150 });
    assertNoErrors(page);
    await page.context().close();
  });

  test('damaged storage is reported and the page still works', async () => {
    const page = await open(app.browser, null);
    await page.addInitScript(() => localStorage.setItem('circular-compute:saved', '{"not":"ours"}'));
    await page.goto(`${app.server.url}?v=1&c=140`);
    await ready(page);
    await assertScenario(page, { c: 140 }, 'link wins over damaged storage');
    assert.match(await page.getByTestId('saved-status').textContent(), /format this page does not know/);
    assertNoErrors(page);
    await page.context().close();
  });

  test('full storage is reported and the scenario stays in the address', async () => {
    const page = await open(app.browser, null);
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    await page.goto(`${app.server.url}?v=1&c=160`);
    await ready(page);
    await page.locator('[data-testid="saved"] summary').click();
    await page.getByTestId('save').click();
    await settle(page);
    assert.match(await page.getByTestId('saved-status').textContent(), /storage is full/);
    assert.equal(await page.evaluate(() => location.search), '?v=1&c=160');
    assertNoErrors(page);
    await page.context().close();
  });
});
