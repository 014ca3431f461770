// Hostile input in the browser: pasted values, stored data and oversized
// states. Zero panics (the crash banner stays hidden), zero console errors,
// and the reader's scenario is never lost.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { open, ready, settle, useApp } from './browser.mjs';
import { assertNoErrors, assertScenario } from './helpers.mjs';
import { DEFAULTS } from './reference.mjs';

const app = useApp({ before, after, afterEach });

async function assertAlive(page) {
  assert.equal(await page.locator('#crash').isHidden(), true, 'no panic');
  assertNoErrors(page);
}

/** Pastes text into a number box through a real paste event, then leaves it. */
async function paste(page, key, text) {
  const box = page.getByTestId(`input-${key}`);
  await box.click();
  await box.selectText();
  await page.evaluate(([key, text]) => {
    const el = document.querySelector(`[data-testid="input-${key}"]`);
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [key, text]);
  await box.fill(text);
  await box.press('Enter');
  await settle(page);
}

describe('typed and pasted values', () => {
  test('every number box survives hostile text and keeps the scenario', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&c=150`);
    const texts = ['1e400', '-1e400', '', '１２', '-0', 'NaN', 'Infinity', '0x10', '1,5', '<b>9</b>', ' 7 ', '９'.repeat(400), '1e-400', '--3', '.', '-'];
    for (const key of Object.keys(DEFAULTS).filter((k) => k !== 'sp')) {
      for (const text of texts) await paste(page, key, text);
    }
    // Whatever was refused left the value alone; whatever was a number was clamped in range.
    const values = await page.evaluate(() => Object.fromEntries(
      [...document.querySelectorAll('input[data-testid^="input-"], select[data-testid^="input-"]')].map((el) => [el.dataset.testid.slice(6), el.value]),
    ));
    for (const [key, text] of Object.entries(values)) {
      assert.ok(key === 'sp' || Number.isFinite(Number(text)), `${key} shows a number (${text})`);
    }
    assert.equal(await page.locator('b').count(), 0, 'typed markup never becomes HTML');
    await assertAlive(page);
    await page.context().close();
  });
});

describe('oversized and stored state', () => {
  test('hundreds of unknown keys, in B and in A, make one short notice', async () => {
    const keys = Array.from({ length: 400 }, (_, i) => `k${i}=1`).join('&');
    const inA = Array.from({ length: 400 }, (_, i) => `q${i}:1`).join(',');
    const page = await open(app.browser, `${app.server.url}?v=1&c=150&${keys}&a=announced,${inA}`);
    await settle(page);
    assert.equal(await page.getByTestId('notice').count(), 1);
    const lines = await page.locator('.notice li').allTextContents();
    assert.equal(lines.length, 9);
    assert.equal(lines[8], '…and 792 more problems of the same kind.');
    await assertScenario(page, { c: 150 }, 'B kept');
    await assertAlive(page);
    await page.context().close();
  });

  test('a link with every key at its extremes, twice, plus 6 KB of junk', async () => {
    const extremes = 'c=1000&t=20&y0=2040&sp=capacity&gw=50&g1=0&gf=20&a0=500&a1=500&am=1000&ap=100&ay=19'
      + '&m=90&r=2000&rg=500&rt=500&cap=200&life=1&e=1000&u=100&pue=3&kw=0.1&pf=100';
    const junk = `${'x'.repeat(3000)}=${'%FF'.repeat(1000)}`;
    const page = await open(app.browser, `${app.server.url}?v=1&${extremes}&${extremes}&${junk}`);
    await settle(page);
    assert.equal(await page.getByTestId('notice').count(), 1);
    await assertScenario(page, Object.fromEntries(extremes.split('&').map((kv) => {
      const [k, v] = kv.split('=');
      return [k, k === 'sp' ? v : Number(v)];
    })), 'extremes');
    await assertAlive(page);
    await page.context().close();
  });

  test('stored data that is huge, binary or not ours', async () => {
    for (const stored of ['x'.repeat(2_000_000), '\u0000\uFFFF\uD800', 'circular-compute saved v1\n' + 'a=b\n'.repeat(5000), 'circular-compute saved v1\n%ZZ=%ZZ&c=abc']) {
      const page = await open(app.browser, null);
      await page.addInitScript((value) => {
        try { localStorage.setItem('circular-compute:saved', value); } catch { /* full: fine */ }
      }, stored);
      await page.goto(`${app.server.url}?v=1&c=175`);
      await ready(page);
      await assertScenario(page, { c: 175 }, 'the link wins');
      await page.locator('[data-testid="saved"] summary').click();
      const items = await page.locator('[data-testid="saved-list"] li').count();
      assert.ok(items <= 50, `at most 50 saved scenarios listed (${items})`);
      await assertAlive(page);
      await page.context().close();
    }
  });

  test('storage that throws on every call', async () => {
    const page = await open(app.browser, null);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    });
    await page.goto(`${app.server.url}?v=1&m=20`);
    await ready(page);
    await assertScenario(page, { m: 20 }, 'storage denied');
    assert.match(await page.getByTestId('saved-status').textContent(), /does not let the page save/);
    await page.locator('[data-testid="saved"] summary').click();
    await page.getByTestId('save').click();
    await settle(page);
    assert.equal(await page.evaluate(() => location.search), '?v=1&m=20', 'the address keeps the scenario');
    await assertAlive(page);
    await page.context().close();
  });
});
