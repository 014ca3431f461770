// How sure? (issue #35): the distribution over the sourced ranges, drawn in
// a worker as the reader comes near the panel, against a Monte Carlo of the
// reference model with a generator of its own; the same link gives the same
// numbers after a reload, after moving there with a slider, and in Firefox
// as in Chromium; the inputs a link sets are held; the charts answer the
// keys and a finger; a worker that cannot load says so.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { firefox } from 'playwright-core';
import { ENGINE, FIREFOX, open, ready, settle, useApp } from './browser.mjs';
import { assertNoErrors } from './helpers.mjs';
import { monteCarloRef } from './reference.mjs';

const app = useApp({ before, after, afterEach });
const DRAWS = 5000;

/** Scrolls to the panel, as a reader does, and waits for the answer of the
 * scenario in view (the panel is not busy and has its numbers). */
async function answered(page) {
  await page.evaluate(() => document.getElementById('how-sure')?.scrollIntoView());
  await page.waitForSelector('[data-testid="how-sure"]', { timeout: 20000 });
  await page.evaluate(() => document.getElementById('how-sure').scrollIntoView());
  await page.waitForFunction(() => {
    const panel = document.querySelector('[data-testid="how-sure"]');
    return panel?.getAttribute('aria-busy') === 'false' && panel.querySelector('[data-testid="p-positive"]');
  }, null, { timeout: 20000 });
  await settle(page);
}

/** Every number the panel gives, raw. */
const readRisk = (page) => page.evaluate(() => {
  const data = (id) => ({ ...document.querySelector(`[data-testid="${id}"]`)?.dataset });
  return {
    positive: data('p-positive'),
    payback: data('p-payback'),
    figures: Object.fromEntries(['investor-net-cash', 'payback-year', 'spend-share-revenue', 'price-per-gw-year']
      .map((id) => [id, data(`dist-${id}`)])),
    ranks: [...document.querySelectorAll('[data-testid^="rank-"]')].map((li) => li.dataset.testid.slice(5)),
    takeaway: document.querySelector('[data-testid="risk-takeaway"]').textContent,
  };
});

/** A chance as the page writes it: whole percents, its ends kept. */
const percent = (p) => (p > 0 && p < 0.005 ? '<1%' : p < 1 && p > 0.995 ? '>99%' : `${Math.round(p * 100)}%`);

/** Within four standard errors of both estimates. */
function assertNear(got, want, n, label) {
  const p = (got + want) / 2;
  const tolerance = 4 * Math.sqrt(p * (1 - p) * (1 / n + 1 / 20000));
  assert.ok(Math.abs(got - want) <= tolerance, `${label}: ${got} against ${want} (±${tolerance.toFixed(3)})`);
}

function assertConsistent(risk, label) {
  for (const c of [risk.positive, risk.payback]) {
    const p = Number(c.value);
    assert.ok(p >= 0 && p <= 1, `${label}: a chance between 0 and 1 (${c.value})`);
    assert.ok(Math.abs(Number(c.error) - Math.sqrt(p * (1 - p) / DRAWS)) < 1e-12, `${label}: its error is one standard error`);
  }
  for (const [id, d] of Object.entries(risk.figures)) {
    const q = ['p5', 'p25', 'p50', 'p75', 'p95'].map((k) => Number(d[k]));
    assert.ok(q.every((v, i) => i === 0 || v >= q[i - 1]), `${label} ${id}: percentiles in order ${q}`);
    assert.equal(d.n, String(DRAWS), `${label} ${id}: every draw counts`);
  }
  assert.ok(risk.takeaway.includes(`positive in ${percent(Number(risk.positive.value))} of them`), risk.takeaway);
}

describe('how sure', () => {
  for (const [query, input, held] of [
    ['', {}, []],
    ['?v=1&m=20', { m: 20 }, ['m']],
    ['?v=1&c=150&am=10', { c: 150, am: 10 }, ['c', 'am']],
  ]) {
    test(`the draws agree with a Monte Carlo of the reference model: ${query || 'the default'}`, async () => {
      const page = await open(app.browser, app.server.url + query);
      await answered(page);
      const risk = await readRisk(page);
      assertConsistent(risk, query);
      const ref = monteCarloRef(input, held, 20000);
      assertNear(Number(risk.positive.value), ref.positive, DRAWS, `${query} p-positive`);
      assertNear(Number(risk.payback.value), ref.payback, DRAWS, `${query} p-payback`);
      const median = Number(risk.figures['investor-net-cash'].p50);
      assert.ok(Math.abs(median - ref.median) < 1.5, `${query}: median ${median} against ${ref.median}`);
      for (const key of held) assert.ok(!risk.ranks.includes(key), `${query}: ${key} is held, so it is not ranked`);
      assert.ok(risk.ranks.length > 0, `${query}: the inputs that vary are ranked`);
      assertNoErrors(page);
      await page.context().close();
    });
  }

  test('a reader holds or releases an input: the rows say which, the link keeps it, the reference agrees', async () => {
    // The link holds the margin, which it does not set, and lets the
    // commitment it sets vary: the reference model draws the same.
    const query = '?v=1&c=150&hold=m,-c';
    const page = await open(app.browser, app.server.url + query);
    await answered(page);
    const toggle = (key) => page.getByTestId(`hold-${key}`);
    assert.equal(await toggle('m').getAttribute('aria-pressed'), 'true');
    assert.equal(await toggle('m').textContent(), 'held');
    assert.equal(await toggle('c').getAttribute('aria-pressed'), 'false');
    assert.equal(await toggle('c').textContent(), 'varies');
    assert.equal(await toggle('y0').isDisabled(), true, 'a fixed input has nothing to draw');
    const risk = await readRisk(page);
    assertConsistent(risk, query);
    const ref = monteCarloRef({ c: 150 }, ['m'], 20000);
    assertNear(Number(risk.positive.value), ref.positive, DRAWS, `${query} p-positive`);
    assert.ok(!risk.ranks.includes('m') && risk.ranks.includes('c'), `${risk.ranks}`);
    // Pressing the margin's toggle lets it vary: the link drops it, and
    // the study follows, the same as a link that never held it.
    await toggle('m').click();
    await settle(page);
    assert.equal(await toggle('m').getAttribute('aria-pressed'), 'false');
    await page.waitForFunction(() => /hold=-c(&|$)/.test(location.search), null, { timeout: 5000 });
    await answered(page);
    const released = await readRisk(page);
    assert.ok(released.ranks.includes('m'), `${released.ranks}`);
    // The keyboard reaches it: Enter holds the margin again.
    await toggle('m').focus();
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await toggle('m').getAttribute('aria-pressed'), 'true');
    await page.waitForFunction(() => /hold=m,-c(&|$)/.test(location.search), null, { timeout: 5000 });
    await answered(page);
    assert.deepEqual(await readRisk(page), risk, 'held again: the same numbers');
    const other = await open(app.browser, `${app.server.url}?v=1&c=150&hold=-c`);
    await answered(other);
    assert.deepEqual(await readRisk(other), released, 'the link reproduces the released study');
    assertNoErrors(page);
    assertNoErrors(other);
    await page.context().close();
    await other.context().close();
  });

  test('a hold that names no input says so and keeps the rest of the link', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&c=150&hold=zz,-m,%3Cb%3E`);
    await answered(page);
    const notices = await page.getByTestId('notice').textContent();
    assert.match(notices, /“zz” from what How sure\? holds/);
    assert.match(notices, /“<b>”/);
    assert.equal(await page.locator('.notice b').count(), 0, 'nothing rendered as HTML');
    assert.equal(await page.getByTestId('hold-m').getAttribute('aria-pressed'), 'false');
    assert.equal(await page.getByTestId('hold-c').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByTestId('input-c').inputValue(), '150');
    assertNoErrors(page);
    await page.context().close();
  });

  test('with A pinned, A\'s chances stand beside B\'s, as A\'s own link draws them', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&c=150&a=announced,m:20`);
    await answered(page);
    const a = await page.evaluate(() => ['p-positive-a', 'p-payback-a'].map((id) => ({ ...document.querySelector(`[data-testid="${id}"]`).dataset })));
    const alone = await open(app.browser, `${app.server.url}?v=1&m=20`);
    await answered(alone);
    const own = await readRisk(alone);
    const said = ({ value, error }) => ({ value, error });
    assert.deepEqual(a.map(said), [own.positive, own.payback].map(said));
    // B's own numbers are B's, as its link alone draws them.
    const b = await readRisk(page);
    const bAlone = await open(app.browser, `${app.server.url}?v=1&c=150`);
    await answered(bAlone);
    assert.deepEqual(b, await readRisk(bAlone));
    for (const p of [page, alone, bAlone]) {
      assertNoErrors(p);
      await p.context().close();
    }
  });

  test('the exports carry the study on screen, and circularCompute.sure answers the same numbers', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&m=20`);
    await answered(page);
    const risk = await readRisk(page);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
    const doc = JSON.parse((await readFile(await file.path())).toString('utf8'));
    assert.equal(doc.sure.draws, DRAWS);
    assert.equal(String(doc.sure.pPositive.p), risk.positive.value);
    assert.equal(String(doc.sure.pPositive.error), risk.positive.error);
    assert.equal(String(doc.sure.figures['investor-net-cash'].p50), risk.figures['investor-net-cash'].p50);
    assert.ok(!doc.sure.varied.includes('m') && doc.sure.varied.includes('c'), 'what the link sets is held');
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-markdown').click()]);
    assert.match((await readFile(await md.path())).toString('utf8'), /How sure\? Over 5,000 draws/);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    assert.match((await readFile(await csv.path())).toString('utf8'), new RegExp(`\r\np-positive,${risk.positive.value},`));
    // The JS API draws the same study of the same scenario, in a worker
    // of its own; a scenario it cannot read is refused with the reason.
    const api = await page.evaluate(() => window.circularCompute.sure({ m: 20 }));
    assert.equal(String(api.pPositive.p), risk.positive.value);
    assert.equal(String(api.figures['payback-year'].p95), risk.figures['payback-year'].p95);
    const refused = await page.evaluate(() => window.circularCompute.sure({ m: 'lots' }).then(() => 'drawn', (e) => String(e)));
    assert.match(refused, /nothing was drawn/);
    // From a fresh page the API fetches what it needs first.
    const fresh = await open(app.browser, `${app.server.url}`);
    const both = await fresh.evaluate(() => Promise.all([window.circularCompute.sure({ m: 20 }), window.circularCompute.sure({ m: 20, a: 'announced' })]));
    assert.equal(String(both[0].pPositive.p), risk.positive.value);
    assert.ok(both[1].a?.pPositive.p > 0, 'A beside');
    assertNoErrors(page);
    assertNoErrors(fresh);
    await page.context().close();
    await fresh.context().close();
  });

  test('the How sure? embed draws on its own thread and tells its host page the numbers', async () => {
    const page = await open(app.browser, null, { viewport: { width: 600, height: 900 } }, { wait: false });
    await page.setContent(`<iframe id="risk" style="width:100%;height:1000px;border:0"
      src="${app.server.url}?v=1&m=20&embed=1&view=risk&controls=m"></iframe>
      <script>window.heard = []; addEventListener('message', (e) => { if (e.data?.type === 'circular-compute:sure') heard.push(e.data); });</script>`);
    await page.waitForFunction(() => window.heard.length > 0, null, { timeout: 20000 });
    const [message] = await page.evaluate(() => window.heard);
    const frame = page.frameLocator('#risk');
    assert.equal(String(message.sure.pPositive.p), await frame.getByTestId('p-positive').getAttribute('data-value'));
    assert.match(message.link, /m=20/);
    // The same numbers as the full page's panel draws for the link.
    const full = await open(app.browser, `${app.server.url}?v=1&m=20`);
    await answered(full);
    assert.equal(String(message.sure.pPositive.p), (await readRisk(full)).positive.value);
    // The rest opens on request; the margin's toggle holds it there too.
    assert.equal(await frame.locator('.risk-more').getAttribute('open'), null);
    await frame.locator('.risk-more > summary').click();
    assert.equal(await frame.getByTestId('dist-payback-year').isVisible(), true);
    assert.equal(await frame.getByTestId('hold-m').getAttribute('aria-pressed'), 'true');
    assertNoErrors(page);
    assertNoErrors(full);
    await page.context().close();
    await full.context().close();
  });

  test('the same link gives the same numbers: reloaded, and reached with a slider', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&m=36`);
    await answered(page);
    const first = await readRisk(page);
    await page.reload();
    await ready(page);
    await answered(page);
    assert.deepEqual(await readRisk(page), first, 'reloaded');
    // From the default, the margin's slider to 36: the same study.
    await page.goto(app.server.url);
    await ready(page);
    await answered(page);
    const before = await readRisk(page);
    assert.notDeepEqual(before, first);
    const slider = page.locator('[data-key="m"] input[type="range"]');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await settle(page);
    // The panel says it is updating until the worker answers, then agrees.
    await answered(page);
    assert.deepEqual(await readRisk(page), first, 'moved there');
    assertNoErrors(page);
    await page.context().close();
  });

  test('the charts answer the keys and a finger, with a table behind each', async () => {
    const page = await open(app.browser, app.server.url, { viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
    await answered(page);
    const fan = page.getByTestId('risk-fan');
    assert.equal(await fan.isVisible(), true);
    await fan.locator('.plot').focus();
    await page.keyboard.press('ArrowRight');
    await settle(page);
    const tip = await fan.locator('.tooltip').textContent();
    const first = await fan.locator('table tbody tr th').first().textContent();
    assert.match(tip, new RegExp(`^${first}${first}: median `), `the first year reads out: ${tip}`);
    assert.equal(await fan.locator('.hover-column').isVisible(), true);
    const rows = await fan.locator('table tbody tr').count();
    assert.ok(rows >= 10, `a row per year (${rows})`);
    const histogram = page.getByTestId('risk-histogram');
    await histogram.locator('.plot').scrollIntoViewIfNeeded();
    const box = await histogram.locator('.plot').boundingBox();
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await settle(page);
    assert.match(await histogram.locator('.tooltip').textContent(), /draws \(\d+%\) end between/);
    // The bars' table counts every draw.
    const counts = await histogram.locator('table tbody td').allTextContents();
    assert.equal(counts.map(Number).reduce((a, b) => a + b, 0), DRAWS);
    assertNoErrors(page);
    await page.context().close();
  });

  test('a deal that leaves the net cash unknown draws no chart and says so', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&deal=nvidia-openai`);
    await answered(page);
    const risk = await readRisk(page);
    const known = await page.evaluate(() => document.querySelector('dd[data-testid="investor-net-cash"]').getAttribute('data-value') !== '');
    assert.equal(known, false, 'the margin is not given for this deal');
    assert.equal(risk.figures['investor-net-cash'].p50 !== undefined, known);
    assert.equal(await page.getByTestId('risk-fan').isVisible(), known);
    if (!known) assert.equal(risk.positive.value, '');
    assertNoErrors(page);
    await page.context().close();
  });

  test('a worker that cannot load says so, and the page goes on', async () => {
    const page = await open(app.browser, null);
    await page.route(/study-[0-9a-f]+/, (route) => route.abort());
    await page.goto(app.server.url);
    await page.waitForSelector('html[data-page="full"] footer.footer', { timeout: 20000 });
    await page.evaluate(() => window.ccMore());
    await page.waitForSelector('[data-testid="how-sure"]', { timeout: 20000 });
    await page.evaluate(() => document.getElementById('how-sure').scrollIntoView());
    await page.waitForFunction(() => /could not run/.test(document.querySelector('[data-testid="risk-status"]').textContent), null, { timeout: 20000 });
    // The figures still answer a slider.
    const spend = page.locator('dd[data-testid="spend-per-year"]');
    const was = await spend.getAttribute('data-value');
    await page.locator('[data-key="c"] input[type="range"]').focus();
    await page.keyboard.press('ArrowRight');
    await settle(page);
    assert.notEqual(await spend.getAttribute('data-value'), was);
    page.errors = page.errors.filter((e) => !/study|net::ERR_FAILED|Failed to load|NetworkError|importScripts/i.test(e));
    assertNoErrors(page);
    await page.context().close();
  });

  test('Firefox gives the same numbers as Chromium, to the last digit', { skip: ENGINE !== 'chromium' && 'runs from Chromium' }, async () => {
    const url = `${app.server.url}?v=1&c=120&sp=front`;
    const page = await open(app.browser, url);
    await answered(page);
    const chromium = await readRisk(page);
    await page.context().close();
    const fx = await firefox.launch({ channel: 'moz-firefox', executablePath: FIREFOX, headless: true });
    try {
      const other = await open(fx, url);
      await answered(other);
      assert.deepEqual(await readRisk(other), chromium);
      assertNoErrors(other);
      await other.context().close();
    } finally {
      await fx.close();
    }
  });
});
