// What would it take (issue #34): each input row's break-even of the
// investor's net cash, its marks on the slider and its words, against the
// reference model solved on its own (bisection in JavaScript), for the
// default, every deal and three scenarios; the marks follow every step of
// another slider, painted in the figures' own frame.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { open, settle, useApp } from './browser.mjs';
import { assertNoErrors } from './helpers.mjs';
import { DEALS, DEFAULTS, breakevenRef } from './reference.mjs';

const app = useApp({ before, after, afterEach });

/** The slider's step of the inputs the net cash reads (the tolerance of an
 * answer is a thousandth of it); the rest are whole numbers or have none. */
const STEP = { c: 1, a0: 0.5, a1: 0.5, am: 0.5, ap: 1, m: 0.5 };

/** Every row's break-even as the page shows it, and the spend figure. With
 * `c`, the commitment's slider first takes that value (one input event) and
 * they are read in the next animation frame, before it paints. */
const readAll = (page, c = null) => page.evaluate((c) => {
  const read = () => ({
    spend: document.querySelector('dd[data-testid="spend-per-year"]').getAttribute('data-value'),
    rows: Object.fromEntries([...document.querySelectorAll('[data-testid^="breakeven-"]')].map((el) => [el.dataset.testid.slice(10), {
      value: el.getAttribute('data-value'),
      text: el.textContent,
      shown: !el.hidden,
      marks: [...el.closest('.input').querySelectorAll('.be-mark')].filter((m) => !m.hidden).length,
    }])),
  });
  if (c === null) return read();
  const slider = document.querySelector('[data-key="c"] input[type="range"]');
  slider.value = String(c);
  slider.dispatchEvent(new Event('input', { bubbles: true }));
  return new Promise((resolve) => requestAnimationFrame(() => resolve(read())));
}, c);
const readRows = (page) => readAll(page).then((all) => all.rows);

/** Waits until the break-evens are of the scenario in view (a task after it). */
const caughtUp = (page) => page.evaluate(() => new Promise((r) => setTimeout(r, 30))).then(() => settle(page));

/** Checks the rows until they agree (up to 5 s). */
async function assertRowsSoon(page, id, input, label) {
  for (let i = 0; ; i++) {
    const rows = await readRows(page);
    try {
      assertRows(rows, id, input, label);
      return rows;
    } catch (e) {
      if (i >= 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function assertRows(rows, id, input, label) {
  assert.equal(Object.keys(rows).length, Object.keys(DEFAULTS).length, `${label}: a break-even per input`);
  for (const [key, row] of Object.entries(rows)) {
    const want = breakevenRef(id, input, key);
    const got = row.value === '' ? [] : row.value.split(' ').map(Number);
    if (want === null) {
      assert.deepEqual(got, [], `${label} ${key}: none where the figure is not known`);
      if (row.shown) assert.match(row.text, /not known.*no break-even/, `${label} ${key}: says why`);
      continue;
    }
    assert.equal(got.length, want.length, `${label} ${key}: ${row.value} against ${want}`);
    const tol = (STEP[key] ?? 1) / 1000;
    got.forEach((v, i) => assert.ok(Math.abs(v - want[i]) <= tol, `${label} ${key}: ${v} against ${want[i]}`));
    assert.equal(row.marks, got.length, `${label} ${key}: a mark per crossing`);
    if (got.length === 1) assert.match(row.text, /while the .* (stays above|stays below|is at least|is below) /, `${label} ${key}: ${row.text}`);
  }
}

describe('break-even on every slider', () => {
  const CASES = [
    ...Object.keys(DEALS).map((id) => [id, {}, id === 'anthropic-aws' ? '' : `?v=1&deal=${id}`]),
    ['anthropic-aws', { c: 40, m: 50 }, '?v=1&c=40&m=50'],
    ['anthropic-aws', { a1: 0, am: 0 }, '?v=1&a1=0&am=0'],
    ['nvidia-openai', { m: 20 }, '?v=1&deal=nvidia-openai&m=20'],
  ];

  test('each row\'s crossings match the reference solved by bisection [every engine]', async () => {
    for (const [id, input, query] of CASES) {
      const page = await open(app.browser, app.server.url + query);
      await page.waitForSelector('[data-testid="breakeven-m"]');
      await caughtUp(page);
      assertRows(await readRows(page), id, input, `${id} ${query}`);
      assertNoErrors(page);
      await page.context().close();
    }
  });

  test('a step of a slider moves every break-even before the browser paints it [every engine]', async () => {
    const page = await open(app.browser, app.server.url);
    await page.waitForSelector('[data-testid="breakeven-m"]');
    await caughtUp(page);
    // Three steps of the commitment, each read in the animation frame that
    // follows its input event: before that frame's paint, the figure and
    // every row's break-even must already be of the new scenario (no pause).
    for (const c of [101, 140, 60]) {
      const seen = await readAll(page, c);
      assert.ok(Math.abs(Number(seen.spend) - c / 10) < 1e-9, `c=${c}: the spend figure in the same frame (${seen.spend})`);
      assertRows(seen.rows, 'anthropic-aws', { c }, `c=${c}, the frame after its input`);
    }
    assertNoErrors(page);
    await page.context().close();
  });

  test('the marks follow another slider for as long as the page lives [every engine]', async () => {
    const page = await open(app.browser, app.server.url);
    await page.waitForSelector('[data-testid="breakeven-m"]');
    await page.getByTestId('input-m').fill('30');
    await page.getByTestId('input-m').press('Enter');
    const rows = await assertRowsSoon(page, 'anthropic-aws', { m: 30 }, 'm typed as 30');
    assert.ok(Math.abs(Number(rows.c.value) - 25 / 0.3) < 1e-3, rows.c.value);
    // And every change after: the marks follow for as long as the page lives.
    for (const m of [40, 26]) {
      await page.getByTestId('input-m').fill(String(m));
      await page.getByTestId('input-m').press('Enter');
      await assertRowsSoon(page, 'anthropic-aws', { m }, `m typed as ${m}`);
    }
    assertNoErrors(page);
    await page.context().close();
  });
});

describe('the tornado marks break-even', () => {
  test('each net-cash bar that crosses zero has its mark, and its tooltip says where [every engine]', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&m=27`);
    const { studied, ready } = await import('./browser.mjs');
    await ready(page);
    await studied(page);
    const marks = await page.locator('[data-testid="tornado-net-cash"] .breakeven path').getAttribute('d');
    assert.ok(marks && marks.startsWith('M'), `marks: ${marks}`);
    const plot = page.locator('[data-testid="tornado-net-cash"] .plot');
    await plot.focus();
    // Step to the margin's row.
    const keys = await page.$$eval('[data-testid="tornado-net-cash"] g.bar', (bars) => bars.map((b) => b.dataset.key));
    for (let i = 0; i <= keys.indexOf('m'); i++) await page.keyboard.press('ArrowDown');
    await settle(page);
    const tip = await page.locator('#tip-tornado-net-cash .tip').textContent();
    const want = breakevenRef('anthropic-aws', { m: 27 }, 'm')[0];
    assert.match(tip, /Breaks even at 25%/, tip);
    assert.ok(Math.abs(want - 25) < 1e-6);
    assertNoErrors(page);
    await page.context().close();
  });
});
