// The calculator page, end to end, against the release dist/ served under a subpath.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { open, ready, settle, useApp } from './browser.mjs';
import { assertNoErrors, assertScenario } from './helpers.mjs';
import { DEFAULTS } from './reference.mjs';

const require = createRequire(import.meta.url);
const app = useApp({ before, after, afterEach });

/** Types into a number box and leaves it, as a reader would. */
async function type(page, key, text) {
  const box = page.getByTestId(`input-${key}`);
  await box.fill(text);
  await box.press('Tab');
  await settle(page);
}

describe('the calculator page', () => {
  test('loads under a subpath with the default figures and no console error [every engine]', async () => {
    app.server.requests.length = 0;
    const page = await open(app.browser, app.server.url);
    await assertScenario(page, {}, 'defaults');
    // The page's own wasm, then (as a reader scrolls down) the lower half's:
    // each once, and never the embeds'.
    const wasm = app.server.requests.filter((p) => p.endsWith('.wasm')).map((p) => p.split('/').pop().split('-')[0]);
    assert.deepEqual(wasm, ['circular', 'more'], `each wasm is fetched once: ${app.server.requests.join(' ')}`);
    assert.match(await page.getByTestId('lead').textContent(), /\$4\.00 .* \$1\.40 .* 2033/);
    assertNoErrors(page);
    await page.context().close();
  });

  test('sources and method list every input and every fact it cites', async () => {
    const page = await open(app.browser, app.server.url);
    // A page of its own, fetched into the page as the reader comes near
    // it; not in the first visit.
    assert.equal(await page.locator('[data-testid="input-sources"]').count(), 0, 'not in the first visit');
    assert.ok(!app.server.requests.some((p) => p.includes('/sources/')), 'not fetched at first');
    await page.locator('#sources').scrollIntoViewIfNeeded();
    await page.locator('[data-testid="input-sources"]').waitFor({ state: 'attached' });
    for (const summary of await page.locator('#sources summary').all()) await summary.click();
    const rows = page.locator('[data-testid="input-sources"] tbody tr');
    await rows.first().waitFor();
    const keys = await page.locator('[data-testid="input-sources"] tbody code').allTextContents();
    assert.deepEqual([...keys].sort(), Object.keys(DEFAULTS).sort(), 'one row per input, by URL key');
    const cited = (await page.locator('[data-testid="input-sources"] tbody td:nth-of-type(4)').allTextContents())
      .flatMap((t) => t.match(/\b[A-Z]\d+\b/g) ?? []);
    assert.ok(cited.length > 0, 'some inputs cite facts');
    for (const id of new Set(cited)) {
      assert.equal(await page.locator(`#fact-${id}`).count(), 1, `${id} is listed under The facts`);
    }
    assert.match(await page.locator('#sources .method').first().textContent(), /29 to 60/);
    assertNoErrors(page);
    await page.context().close();
  });

  test('number boxes recompute every figure, for several scenarios [every engine]', async () => {
    const page = await open(app.browser, app.server.url);
    const scenarios = [
      { c: 250, t: 7 },
      { c: 40, t: 3, a1: 0, ap: 0 },
      { t: 1, g1: 0, gf: 3 },
      { t: 20, gf: 12, ay: 19, rg: -20, rt: 5, m: 12.5 },
      { gw: 0.1, g1: 3, pue: 2.5, kw: 0.15, pf: 99.9, e: 0, u: 1 },
      { y0: 2031, a0: 0, am: 1000, ap: 37, cap: 200, life: 30 },
    ];
    for (const scenario of scenarios) {
      await page.getByTestId('reset').click();
      await settle(page);
      for (const [key, value] of Object.entries(scenario)) await type(page, key, String(value));
      await assertScenario(page, scenario);
    }
    assertNoErrors(page);
    await page.context().close();
  });

  test('every spend profile sums to the commitment and matches the reference', async () => {
    const page = await open(app.browser, app.server.url);
    for (const sp of ['capacity', 'front', 'back', 'even']) {
      await page.getByTestId('input-sp').selectOption(sp);
      await settle(page);
      await assertScenario(page, { sp }, `sp=${sp}`);
    }
    assertNoErrors(page);
    await page.context().close();
  });

  test('sliders move with the keyboard [every engine]', async () => {
    const page = await open(app.browser, app.server.url);
    const slider = page.locator('[data-key="c"] input[type="range"]');
    await slider.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await settle(page);
    await assertScenario(page, { c: 103 }, 'c=103 by keyboard');
    assert.equal(await page.getByTestId('input-c').inputValue(), '103');
    await page.keyboard.press('End');
    await settle(page);
    await assertScenario(page, { c: 1000 }, 'c=1000 by End');
    await page.keyboard.press('Home');
    await settle(page);
    await assertScenario(page, { c: 1 }, 'c=1 by Home');
    assertNoErrors(page);
    await page.context().close();
  });

  test('sliders move with the pointer', async () => {
    const page = await open(app.browser, app.server.url);
    const slider = page.locator('[data-key="t"] input[type="range"]');
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    await page.mouse.click(box.x + box.width * 0.95, box.y + box.height / 2);
    await settle(page);
    const t = Number(await page.getByTestId('input-t').inputValue());
    assert.ok(t >= 18, `a click near the right end sets a long term (got ${t})`);
    await assertScenario(page, { t }, `t=${t} by pointer`);
    assertNoErrors(page);
    await page.context().close();
  });

  test('focusing a box or moving a slider moves nothing under the finger', async () => {
    const page = await open(app.browser, app.server.url, { viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
    await page.evaluate(() => {
      window.__shifts = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
      }).observe({ type: 'layout-shift', buffered: false });
    });
    const next = page.locator('[data-key="t"] button.info');
    // Both in view first, as a finger finds them.
    await page.getByTestId('input-c').scrollIntoViewIfNeeded();
    await next.scrollIntoViewIfNeeded();
    const before = (await next.boundingBox()).y;
    await page.getByTestId('input-c').focus();
    await settle(page);
    assert.equal((await next.boundingBox()).y, before, 'the next input stays where it was');
    // Typing in the box moves nothing either, and the first tap after it
    // lands on what was under the finger.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('150');
    await settle(page);
    assert.equal((await next.boundingBox()).y, before, 'typing moves nothing below');
    await next.tap();
    await settle(page);
    assert.equal(await next.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.getByTestId('spend-per-year').getAttribute('data-value'), '15', 'the typed value was committed');
    const slider = page.locator('[data-key="m"] input[type="range"]');
    await slider.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await settle(page);
    // Cumulative layout shift as browsers count it (not the help the tap opened).
    const shifts = await page.evaluate(() => window.__shifts);
    assert.equal(shifts, 0, `layout shift ${shifts}`);
    assertNoErrors(page);
    await page.context().close();
  });

  test('presets set their inputs, and reset controls restore defaults', async () => {
    const page = await open(app.browser, app.server.url);
    await page.getByTestId('preset').selectOption('slow-build');
    await settle(page);
    await assertScenario(page, { g1: 0.5, gf: 8 }, 'slow-build');
    await page.locator('[data-key="gf"] button.reset').click();
    await settle(page);
    await assertScenario(page, { g1: 0.5 }, 'gf reset');
    assertNoErrors(page);
    await page.context().close();
  });

  test('out-of-range and unparsable typing is clamped or refused with a message', async () => {
    const page = await open(app.browser, app.server.url);
    await type(page, 't', '99');
    await assertScenario(page, { t: 20 }, 't clamped');
    assert.match(await page.locator('#hint-t').textContent(), /above the maximum of 20/);
    await type(page, 'm', '1e400');
    await assertScenario(page, { t: 20 }, 'm unchanged');
    assert.match(await page.locator('#hint-m').textContent(), /too large/);
    await type(page, 'c', '１２０');
    await assertScenario(page, { t: 20, c: 120 }, 'full-width digits');
    await type(page, 'rg', '-0');
    await assertScenario(page, { t: 20, c: 120, rg: 0 }, 'minus zero');
    await type(page, 'a1', '');
    await assertScenario(page, { t: 20, c: 120, rg: 0 }, 'empty box keeps the value');
    assertNoErrors(page);
    await page.context().close();
  });

  test('charts answer the keyboard with a tooltip, and summarise themselves [every engine]', async () => {
    const page = await open(app.browser, app.server.url);
    const plot = page.locator('[data-testid="chart-cash"] .plot');
    assert.match(await plot.getAttribute('aria-label'), /turns positive in 2033/);
    await plot.focus();
    await page.keyboard.press('End');
    await settle(page);
    const tip = await page.locator('#tip-cash').textContent();
    assert.match(tip, /2035.*Net cash \$10B/);
    // A tornado steps through its rows, widest swing first.
    const tornado = page.locator('[data-testid="tornado-net-cash"] .plot');
    await page.locator('[data-testid="tornado-net-cash"] details.chart-data summary').click();
    await tornado.focus();
    await page.keyboard.press('ArrowDown');
    await settle(page);
    const first = await page.locator('[data-testid="tornado-net-cash"] table tbody tr th, [data-testid="tornado-net-cash"] table tbody tr td').first().textContent();
    assert.equal(await page.locator('#tip-tornado-net-cash strong').textContent(), first);
    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal(await page.locator('#tip-tornado-net-cash .tip').count(), 0, 'Escape hides it');
    assertNoErrors(page);
    await page.context().close();
  });

  for (const width of [375, 1280]) {
    test(`no horizontal scroll at ${width} px, alone or comparing`, async () => {
      const page = await open(app.browser, app.server.url, { viewport: { width, height: 800 } });
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(await overflow() <= 0, `page is ${await overflow()}px wider than the viewport`);
      await page.goto(`${app.server.url}?v=1&c=150&a=announced,m:20`);
      await ready(page);
      await page.waitForSelector('[data-testid="ab-compare"]');
      await settle(page);
      assert.ok(await overflow() <= 0, `comparing, the page is ${await overflow()}px wider than the viewport`);
      // The Embed dialog and every field in it fit the screen too.
      await page.getByTestId('embed-open').click();
      await page.getByTestId('embed-view').waitFor();
      const sticking = await page.evaluate((w) => {
        const dialog = document.querySelector('[data-testid="embed-dialog"]');
        const box = dialog.getBoundingClientRect();
        const inner = Math.min(w, box.right - parseFloat(getComputedStyle(dialog).paddingRight)) + 0.5;
        const out = [...dialog.querySelectorAll('select, input')]
          .filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > inner)
          .map((e) => e.id || e.tagName);
        if (box.right > w || dialog.scrollWidth > dialog.clientWidth) out.push('the dialog');
        return out;
      }, width);
      assert.deepEqual(sticking, [], `past the dialog's right edge at ${width} px`);
      await page.keyboard.press('Escape');
      assertNoErrors(page);
      await page.context().close();
    });
  }

  for (const width of [375, 768, 1280, 1600]) {
    test(`the layout is deliberate at ${width} px: no chart beside an empty cell, no scroller inside the page`, async () => {
      const page = await open(app.browser, app.server.url, { viewport: { width, height: 800 } });
      const layout = await page.evaluate(() => {
        const boxes = [...document.querySelectorAll('.charts > figure')].map((f) => {
          const r = f.getBoundingClientRect();
          return { id: f.dataset.testid, top: Math.round(r.top), left: r.left, right: r.right };
        });
        const grid = document.querySelector('.charts').getBoundingClientRect();
        const controls = document.querySelector('.controls');
        const style = getComputedStyle(controls);
        return { boxes, gridLeft: grid.left, gridRight: grid.right, scrolls: controls.scrollHeight > controls.clientHeight + 1, overflowY: style.overflowY };
      });
      // Every row of charts is filled edge to edge: a chart alone in its
      // row spans the whole grid.
      const rows = new Map();
      for (const b of layout.boxes) rows.set(b.top, [...(rows.get(b.top) ?? []), b]);
      for (const row of rows.values()) {
        const left = Math.min(...row.map((b) => b.left));
        const right = Math.max(...row.map((b) => b.right));
        assert.ok(left - layout.gridLeft < 1 && layout.gridRight - right < 1,
          `${row.map((b) => b.id)} leave${row.length === 1 ? 's' : ''} an empty cell at ${width} px`);
      }
      assert.equal(layout.boxes[0].id, 'chart-spend', 'the spend chart leads');
      assert.ok(!layout.scrolls && layout.overflowY === 'visible', `the assumptions scroll inside themselves (${layout.overflowY})`);
      // The last input is reached by the page's own scroll.
      const last = page.getByTestId('input-pf');
      await last.scrollIntoViewIfNeeded();
      assert.ok(await last.isVisible());
      assertNoErrors(page);
      await page.context().close();
    });
  }

  const AXE_PAGES = [
    ['the page', ''],
    ['comparing A with B', '?v=1&c=150&a=announced,m:20'],
    ['the compare embed', '?v=1&c=150&a=announced&embed=1&view=compare'],
    ['the tornado embed', '?embed=1&view=tornado'],
  ];
  for (const [what, query] of AXE_PAGES) for (const colorScheme of ['light', 'dark']) {
    test(`axe-core finds no accessibility violation: ${what} (${colorScheme})`, async () => {
      // axe is injected as an inline script, which the page's policy forbids.
      const page = await open(app.browser, app.server.url + query, { colorScheme, bypassCSP: true });
      // Open every disclosure so axe sees every table.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      if (!query) await page.locator('[data-key="c"] button.info').click();
      await settle(page);
      await page.addScriptTag({ content: await readFile(require.resolve('axe-core/axe.min.js'), 'utf8') });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const summary = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0].target})`);
      assert.deepEqual(summary, []);
      assertNoErrors(page);
      await page.context().close();
    });
  }

  test('on a phone, a tap on a chart shows its nearest year (a tornado: its row), and a tap elsewhere hides it', async () => {
    const page = await open(app.browser, app.server.url, { viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
    for (const id of ['spend', 'capacity', 'cash']) {
      const plot = page.locator(`[data-testid="chart-${id}"] .plot`);
      await plot.scrollIntoViewIfNeeded();
      const box = await plot.boundingBox();
      // Near the right end: the last year of the term.
      await page.touchscreen.tap(box.x + box.width * 0.97, box.y + box.height / 2);
      await settle(page);
      const tip = page.locator(`#tip-${id} .tip`);
      assert.equal(await tip.count(), 1, `${id}: a tooltip after the tap`);
      assert.match(await tip.locator('strong').textContent(), /^2035$/, `${id}: the last year`);
      assert.equal(await page.locator('.tooltip .tip').count(), 1, 'only the tapped chart answers');
    }
    // A tornado's tap names the row under the finger and its figures at both ends.
    for (const key of ['net-cash', 'payback']) {
      const bar = page.locator(`[data-testid="tornado-${key}"] g.bar`).nth(1);
      await bar.scrollIntoViewIfNeeded();
      const box = await bar.boundingBox();
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      await settle(page);
      const tip = page.locator(`#tip-tornado-${key} .tip`);
      assert.equal(await tip.count(), 1, `${key}: a tooltip after the tap`);
      await page.locator(`[data-testid="tornado-${key}"] details.chart-data`).evaluate((d) => { d.open = true; });
      await settle(page);
      const row = page.locator(`[data-testid="tornado-${key}"] table tbody tr`).nth(1);
      const cells = await row.locator('th, td').allTextContents();
      assert.equal(await tip.locator('strong').textContent(), cells[0], `${key}: the second row's input`);
      const lines = await tip.locator('span').allTextContents();
      assert.match(lines[0], new RegExp(`^Low end, .*: ${cells[2].replace(/[$.]/g, '\\$&')}$`), `${key}: ${lines[0]}`);
      assert.match(lines[1], new RegExp(`^High end, .*: ${cells[3].replace(/[$.]/g, '\\$&')}$`), `${key}: ${lines[1]}`);
      assert.equal(await page.locator('.tooltip .tip').count(), 1, 'only the tapped chart answers');
      // The tooltip stays inside the screen.
      const tipBox = await tip.boundingBox();
      assert.ok(tipBox.x >= 0 && tipBox.x + tipBox.width <= 375, `${key}: tooltip within 375 px (${tipBox.x}, ${tipBox.width})`);
    }
    await page.locator('h1').tap();
    await settle(page);
    assert.equal(await page.locator('.tooltip .tip').count(), 0, 'a tap elsewhere hides it');
    assert.equal(await page.locator('.plot').first().evaluate((el) => getComputedStyle(el).touchAction), 'pan-y');
    assertNoErrors(page);
    await page.context().close();
  });

  test('resizing the window redraws the page and its embeds without a window error', async () => {
    for (const query of ['', '?embed=1', '?embed=1&view=cash&controls=m']) {
      const page = await open(app.browser, `${app.server.url}${query}`, { viewport: { width: 375, height: 800 } });
      const chart = page.locator('[data-testid="chart-cash"] svg').first();
      const narrow = await chart.getAttribute('viewBox');
      for (const width of [720, 1280, 375]) {
        await page.setViewportSize({ width, height: 800 });
        await page.waitForTimeout(300);
      }
      await page.setViewportSize({ width: 720, height: 800 });
      await page.waitForFunction((before) => document.querySelector('[data-testid="chart-cash"] svg')?.getAttribute('viewBox') !== before, narrow);
      assertNoErrors(page);
      await page.context().close();
    }
  });

  test('the page builds part by part without moving anything on screen, at every width', async () => {
    // One column below 960 px (built top to bottom), two above it (the
    // results first, beside the inputs): neither may shift what is shown.
    for (const width of [375, 768, 959, 960, 1280, 1600]) {
      const page = await open(app.browser, null, { viewport: { width, height: 900 } });
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            window.__shifts.push({ value: e.value, nodes: e.sources?.map((s) => s.node?.className ?? s.node?.nodeName) });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(app.server.url);
      await ready(page);
      await settle(page);
      const shifts = await page.evaluate(() => window.__shifts);
      assert.deepEqual(shifts, [], `at ${width} px`);
      await assertScenario(page, {}, `defaults at ${width} px`);
      assertNoErrors(page);
      await page.context().close();
    }
  });

  test('the masthead paints with the HTML, before the wasm; an embed never shows it', async () => {
    // What a reader sees before the wasm arrives: the wasm is held back.
    const before = async (query) => {
      const page = await open(app.browser, null);
      await page.route('**/*.wasm', (route) => route.abort());
      await page.goto(`${app.server.url}${query}`);
      const seen = await page.evaluate(() => ({
        title: document.querySelector('#masthead h1')?.textContent,
        shown: document.querySelector('#masthead')?.checkVisibility(),
        mark: document.documentElement.hasAttribute('data-embed'),
      }));
      await page.context().close();
      return seen;
    };
    assert.deepEqual(await before(''), { title: 'Anthropic’s $100B AWS deal, taken apart', shown: true, mark: false });
    for (const query of ['?embed=0', '?embed=false', '?c=150&embed=%200%20']) {
      assert.equal((await before(query)).shown, true, `${query} is the full page`);
    }
    for (const query of ['?embed=1', '?embed=', '?view=cash&embed=true', '?embed=yes']) {
      assert.deepEqual(await before(query), { title: 'Anthropic’s $100B AWS deal, taken apart', shown: false, mark: true }, query);
    }
    // Once the app runs: the full page keeps one masthead, an embed drops it.
    const full = await open(app.browser, app.server.url);
    assert.equal(await full.locator('h1').count(), 1);
    assert.equal(await full.locator('#masthead').isVisible(), true);
    assertNoErrors(full);
    await full.context().close();
    const embed = await open(app.browser, `${app.server.url}?embed=1`);
    assert.equal(await embed.locator('#masthead').count(), 0);
    assert.equal(await embed.locator('html[data-embed]').count(), 1);
    assertNoErrors(embed);
    await embed.context().close();
  });

  test('the panic banner is in the page, hidden', async () => {
    const page = await open(app.browser, app.server.url);
    assert.equal(await page.locator('#crash').isHidden(), true);
    assert.equal(await ready(page), undefined);
    await page.context().close();
  });
});
