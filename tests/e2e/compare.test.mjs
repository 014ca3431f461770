// Compare A vs B, the tornado charts, the downloads and the print layout, end to end.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { open, ready, settle, studied, useApp } from './browser.mjs';
import { assertNoErrors, assertScenario } from './helpers.mjs';
import { DEFAULTS, matches, reference, swings } from './reference.mjs';

const app = useApp({ before, after, afterEach });

/** Every raw value of the A/B table: { a: {id: text}, b: {...}, diff: {...} }. */
function readAb(page) {
  return page.evaluate(() => {
    const out = { a: {}, b: {}, diff: {} };
    for (const el of document.querySelectorAll('[data-testid^="ab-"][data-value]')) {
      const [, side, ...id] = el.dataset.testid.split('-');
      out[side][id.join('-')] = el.getAttribute('data-value');
    }
    return out;
  });
}

async function assertAb(page, a, b, label) {
  const got = await readAb(page);
  const ra = reference(a).outputs;
  const rb = reference(b).outputs;
  for (const id of Object.keys(rb)) {
    assert.ok(matches(got.a[id], ra[id]), `${label}: A ${id} is ${got.a[id]}, expected ${ra[id]}`);
    assert.ok(matches(got.b[id], rb[id]), `${label}: B ${id} is ${got.b[id]}, expected ${rb[id]}`);
    const diff = ra[id] === null || rb[id] === null ? null : rb[id] - ra[id];
    assert.ok(matches(got.diff[id], diff), `${label}: B − A ${id} is ${got.diff[id]}, expected ${diff}`);
  }
}

const waitForSearch = (page, pred) => page.waitForFunction(pred, null, { timeout: 5000 });

describe('compare A vs B', () => {
  test('a compare link round-trips: A in its compact key, B in the v1 keys [every engine]', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&c=150&a=announced,m:20,sp:front`);
    await settle(page);
    await assertScenario(page, { c: 150 }, 'B');
    await assertAb(page, { m: 20, sp: 'front' }, { c: 150 }, 'link');
    // The table lists what differs; "Show every figure" lists the rest too.
    const visibleRows = () => page.locator('[data-testid="ab-compare"] tbody tr:visible').count();
    const changed = await page.locator('[data-testid="ab-compare"] tbody tr.changed').count();
    const all = await page.locator('[data-testid="ab-compare"] tbody tr').count();
    assert.equal(all, await page.locator('#figures dd[data-testid]').count(), 'a row per figure');
    assert.ok(changed > 0 && changed < all);
    assert.equal(await visibleRows(), changed);
    await page.getByTestId('ab-show-all').click();
    await settle(page);
    assert.equal(await visibleRows(), all);
    // Each figure shows A and B − A under B's value.
    const spend = page.getByTestId('spend-per-year').locator('xpath=..');
    assert.equal(await spend.locator('dd.versus-a').textContent(), 'A $10B · +$5B');
    assert.equal(await page.locator('#figures dd.versus-a').count(), await page.locator('#figures dd[data-testid]').count());
    const differences = await page.getByTestId('ab-differences').locator('li').allTextContents();
    assert.equal(differences.length, 3, differences.join(' / '));
    // Both charts overlay A, and the legend says so.
    const pinnedPath = page.locator('[data-testid="chart-cash"] path.pinned');
    assert.ok((await pinnedPath.getAttribute('d')).length > 10);
    assert.match(await page.getByTestId('chart-cash').locator('.legend').textContent(), /scenario A/);
    // The address keeps the scenario, written canonically (inputs in table order).
    await waitForSearch(page, () => location.search === '?v=1&c=150&a=announced,sp:front,m:20');
    assertNoErrors(page);
    await page.context().close();
  });

  test('pin, edit B, reload, swap, stop comparing, and Back [every engine]', async () => {
    const page = await open(app.browser, app.server.url);
    assert.equal(await page.getByTestId('ab-compare').count(), 0);
    assert.equal(await page.getByTestId('swap-ab').isHidden(), true, 'nothing to swap yet');
    await page.getByTestId('input-c').fill('150');
    await page.getByTestId('input-c').press('Tab');
    await page.getByTestId('pin-a').click();
    await waitForSearch(page, () => location.search.includes('a=announced,c:150'));
    await page.getByTestId('input-m').fill('20');
    await page.getByTestId('input-m').press('Tab');
    await waitForSearch(page, () => location.search === '?v=1&c=150&m=20&a=announced,c:150');
    await assertAb(page, { c: 150 }, { c: 150, m: 20 }, 'after pinning');
    await page.reload();
    await ready(page);
    await page.waitForSelector('[data-testid="ab-compare"]');
    await settle(page);
    await assertAb(page, { c: 150 }, { c: 150, m: 20 }, 'after reload');
    await page.getByTestId('swap-ab').click();
    await settle(page);
    await assertAb(page, { c: 150, m: 20 }, { c: 150 }, 'after swap');
    await assertScenario(page, { c: 150 }, 'B after swap');
    await page.getByTestId('pin-a').click();
    assert.equal(await page.getByTestId('pin-a').getAttribute('aria-pressed'), 'false');
    await settle(page);
    assert.equal(await page.getByTestId('ab-compare').count(), 0);
    assert.ok(!(await page.evaluate(() => location.search)).includes('a='));
    assert.equal(await page.locator('#figures dd.versus-a').count(), 0);
    assert.equal(await page.locator('[data-testid="chart-cash"] path.pinned').getAttribute('d'), '');
    await page.goBack();
    await ready(page);
    await page.waitForSelector('[data-testid="ab-compare"]');
    assertNoErrors(page);
    await page.context().close();
  });

  test('a damaged A loads with a notice and keeps B', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&c=150&a=nosuch,m:abc,<b>x</b>:1`);
    await settle(page);
    await assertScenario(page, { c: 150 }, 'B');
    const notice = await page.getByTestId('notice').textContent();
    assert.match(notice, /Scenario A: /);
    assert.equal(await page.locator('.notice b').count(), 0, 'nothing rendered as HTML');
    await assertAb(page, {}, { c: 150 }, 'damaged A falls back to the defaults');
    assertNoErrors(page);
    await page.context().close();
  });

  test('a payback that never comes reads "never", with an empty data-value, beside A', async () => {
    // B keeps no margin, so its cash never turns positive; A is the default.
    const page = await open(app.browser, `${app.server.url}?v=1&m=0&a=announced`);
    await page.waitForSelector('[data-testid="ab-compare"]');
    await settle(page);
    const figure = page.getByTestId('payback-year');
    assert.equal(await figure.textContent(), 'never');
    assert.equal(await figure.getAttribute('data-value'), '');
    assert.equal(await page.getByTestId('ab-a-payback-year').textContent(), '2033');
    assert.equal(await page.getByTestId('ab-b-payback-year').textContent(), 'never');
    assert.equal(await page.getByTestId('ab-b-payback-year').getAttribute('data-value'), '');
    assert.match(await page.locator('.versus-a').filter({ hasText: 'A 2033' }).textContent(), /^A 2033/);
    assertNoErrors(page);
    await page.context().close();
  });

  test('view=compare embeds show A against B [every engine]', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&c=200&a=announced&embed=1&view=compare`);
    await ready(page);
    await page.waitForSelector('[data-testid="ab-compare"]');
    await settle(page);
    await assertAb(page, {}, { c: 200 }, 'embed');
    assert.equal(await page.getByTestId('compare').count(), 1, 'the deals table follows');
    assertNoErrors(page);
    await page.context().close();
  });
});

/** The tornado's rows, top to bottom: [{key, swing}]. */
function readTornado(page, ranked) {
  return page.locator(`[data-testid="tornado-${ranked}"] g.bar`).evaluateAll((gs) =>
    gs.map((g) => ({ key: g.dataset.key, swing: Number(g.dataset.swing) })));
}

async function assertTornado(page, input, label) {
  const order = Object.keys(DEFAULTS);
  for (const ranked of ['net-cash', 'payback']) {
    const expected = swings(input, ranked).filter((s) => s.swing > 1e-9);
    const got = await readTornado(page, ranked);
    const what = `${label}, ${ranked}`;
    assert.deepEqual(got.map((r) => r.key).sort(), expected.map((r) => r.key).sort(), `${what}: which inputs`);
    const ref = Object.fromEntries(expected.map((r) => [r.key, r.swing]));
    for (const r of got) assert.ok(matches(String(r.swing), ref[r.key]), `${what}: ${r.key} swing ${r.swing} vs ${ref[r.key]}`);
    for (let i = 1; i < got.length; i++) {
      const [p, q] = [ref[got[i - 1].key], ref[got[i].key]];
      assert.ok(p >= q - 1e-9, `${what}: ${got[i - 1].key} (${p}) above ${got[i].key} (${q})`);
      if (Math.abs(p - q) <= 1e-9) {
        assert.ok(order.indexOf(got[i - 1].key) < order.indexOf(got[i].key), `${what}: ties keep table order`);
      }
    }
  }
}

describe('what matters most', () => {
  test('tornado order matches swings computed independently, and follows the scenario', async () => {
    const page = await open(app.browser, app.server.url);
    await settle(page);
    await assertTornado(page, {}, 'default');
    const keys = (await readTornado(page, 'net-cash')).map((r) => r.key);
    assert.deepEqual(keys, ['m', 'c', 'am', 'ap', 'a1']);
    const input = { c: 150, m: 20, sp: 'front', t: 12, ap: 0 };
    await page.goto(`${app.server.url}?v=1&c=150&t=12&sp=front&ap=0&m=20`);
    await ready(page);
    await studied(page);
    await assertTornado(page, input, 'linked');
    // Live: moving an input re-ranks once the reader pauses; until then
    // the tornado is marked as updating, never the last scenario's as this one's.
    await page.getByTestId('input-c').fill('400');
    await page.getByTestId('input-c').press('Tab');
    await settle(page);
    assert.equal(await page.getByTestId('tornado-net-cash').getAttribute('aria-busy'), 'true');
    await studied(page);
    await assertTornado(page, { ...input, c: 400 }, 'after typing');
    // A scenario that never pays back: only what can bring payback ranks.
    await page.goto(`${app.server.url}?v=1&m=0&t=15`);
    await ready(page);
    await studied(page);
    await assertTornado(page, { m: 0, t: 15 }, 'never paid back');
    assertNoErrors(page);
    await page.context().close();
  });
});

describe('data tables', () => {
  test('each chart and tornado opens a table of its numbers', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&t=12`);
    await settle(page);
    const table = async (id) => {
      const figure = page.getByTestId(id);
      await figure.locator('summary', { hasText: 'Data table' }).click();
      await settle(page);
      return figure.locator('.chart-data tbody tr').evaluateAll((trs) =>
        trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    };
    const cash = await table('chart-cash');
    assert.equal(cash.length, 12, 'one row a year');
    assert.deepEqual(cash[0], ['2026', '$5B', '$2.92B', '−$2.08B']);
    const tornado = await table('tornado-net-cash');
    assert.deepEqual(tornado.map((r) => r[0]), await page.locator('[data-testid="tornado-net-cash"] g.bar').evaluateAll(
      (gs) => gs.map((g) => [...g.querySelectorAll('text')].map((t) => t.textContent).join(' ').split(':')[0])));
    assert.deepEqual(tornado[0].slice(1, 4), ['14% to 40%', '−$11B', '$15B']);
    assertNoErrors(page);
    await page.context().close();
  });
});

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

describe('take the numbers away', () => {
  test('CSV, JSON and Markdown hold the scenario on screen', async () => {
    const input = { c: 150, m: 20 };
    const page = await open(app.browser, `${app.server.url}?v=1&c=150&m=20&a=announced`);
    await settle(page);
    const ref = reference(input);

    const csv = await download(page, 'download-csv');
    assert.equal(csv.name, 'circular-compute-schedule.csv');
    const lines = csv.bytes.toString('utf8').trim().split('\r\n').map((l) => l.split(','));
    const header = lines.shift();
    assert.equal(header[0], 'year');
    assert.equal(lines.length, ref.rows.length);
    lines.forEach((cells, i) => {
      header.forEach((col, j) => {
        assert.ok(matches(cells[j], ref.rows[i][col]), `CSV ${ref.rows[i].year} ${col}: ${cells[j]} vs ${ref.rows[i][col]}`);
      });
    });

    const json = JSON.parse((await download(page, 'download-json')).bytes.toString('utf8'));
    assert.match(json.permalink, /\/tools\/deal\/\?v=1&c=150&m=20&a=announced$/);
    assert.equal(json.scenario.inputs.c, 150);
    assert.equal(json.scenario.inputs.sp, 'even');
    for (const [id, v] of Object.entries(ref.outputs)) {
      assert.ok(matches(json.scenario.outputs[id] === null ? '' : String(json.scenario.outputs[id]), v), `JSON ${id}`);
    }
    assert.equal(json.scenario.schedule.length, ref.rows.length);
    assert.equal(json.pinned.inputs.m, 35, 'A is the announced deal');
    assert.match(json.citation, /Accessed \d{4}-\d{2}-\d{2}\. http/);

    const md = (await download(page, 'download-markdown')).bytes.toString('utf8');
    assert.match(md, /^\| Figure \| A \| B \|\n\|---\|---:\|---:\|\n/);
    assert.match(md, /\| Spend per year \(average\) \| \$10B \| \$15B \|/);
    assert.ok(md.includes(json.permalink));
    const citation = await page.getByTestId('citation').inputValue();
    assert.equal(citation, json.citation);
    assertNoErrors(page);
    await page.context().close();
  });

  test('every chart downloads as SVG and PNG', async () => {
    const page = await open(app.browser, app.server.url, { viewport: { width: 1280, height: 900 } });
    await settle(page);
    for (const name of ['spend', 'capacity', 'cash', 'net-cash', 'payback']) {
      const svg = await download(page, `download-${name}-svg`);
      assert.equal(svg.name, `circular-compute-${name}.svg`);
      const text = svg.bytes.toString('utf8');
      assert.match(text, /^<svg[^>]* xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.match(text, /<title>[^<]+<\/title>/);
      assert.match(text, /<path[^>]* fill="rgb/, `${name}: colours written in`);
      const width = Number(/viewBox="0 0 ([\d.]+) /.exec(text)[1]);
      const png = await download(page, `download-${name}-png`);
      assert.equal(png.name, `circular-compute-${name}.png`);
      assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], `${name}: a PNG`);
      assert.equal(png.bytes.readUInt32BE(16), Math.round(width * 2), `${name}: drawn at twice the size`);
    }
    assertNoErrors(page);
    await page.context().close();
  });

  test('printing keeps the figures and charts, drops the controls, shows the permalink', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&c=150`);
    await page.emulateMedia({ media: 'print' });
    const shown = (sel) => page.locator(sel).first().evaluate((el) => getComputedStyle(el).display !== 'none');
    assert.equal(await shown('.controls'), false);
    assert.equal(await shown('.download-buttons'), false);
    assert.equal(await shown('#figures'), true);
    assert.equal(await shown('[data-testid="chart-cash"]'), true);
    assert.equal(await shown('.permalink'), true);
    assert.match(await page.locator('.permalink a').getAttribute('href'), /\?v=1&c=150$/);
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 1000);
    assertNoErrors(page);
    await page.context().close();
  });
});
