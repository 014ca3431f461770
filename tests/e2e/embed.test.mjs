// Embedding: a blog post on a second localhost port holds two iframes and
// embed.js; the iframes must fit their content, respond to their controls,
// follow their theme, and link back to the full calculator.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { changed, fitted, open, ready, settle, useBlog } from './browser.mjs';
import { assertNoErrors, assertScenario } from './helpers.mjs';
import { matches, reference } from './reference.mjs';

const world = useBlog({ before, after, afterEach }, (appUrl) => ({
  'index.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A blog post</title><link rel="icon" href="data:,">
<style>body { font-family: serif; max-width: 680px; margin: 2rem auto; } iframe { display: block; }</style></head>
<body><h1>What the deal really costs</h1><p>Some prose before the figure.</p>
<iframe id="spend" src="${appUrl}?v=1&c=150&embed=1&view=spend&controls=c,m" title="Spend" width="100%" height="150" style="border:0;width:100%"></iframe>
<p>More prose between figures.</p>
<iframe id="summary" src="${appUrl}?v=1&p=thin-margin&embed=1&view=summary&theme=dark" title="Summary" width="100%" height="150" style="border:0;width:100%"></iframe>
<p>The end.</p>
<script src="${appUrl}embed.js" async></script>
</body></html>`,
}));

describe('embeds in a blog post', () => {
  test('iframes resize to their content, with no inner scrollbar [every engine]', async () => {
    const page = await open(world.browser, world.blog.url, { viewport: { width: 800, height: 900 } }, { wait: false });
    for (const id of ['spend', 'summary']) {
      const size = await fitted(page, id);
      assert.ok(Math.abs(size.outer - size.inner) <= 2, `${id}: iframe ${size.outer}px, content ${size.inner}px`);
      assert.ok(size.inner <= size.client + 1, `${id}: no inner scrollbar (${size.inner} > ${size.client})`);
    }
    assertNoErrors(page);
    await page.context().close();
  });

  test('controls in an embed move its figure, and the iframe follows [every engine]', async () => {
    const page = await open(world.browser, world.blog.url, { viewport: { width: 800, height: 900 } }, { wait: false });
    await fitted(page, 'spend');
    const frame = page.frameLocator('#spend');
    assert.equal(await frame.locator('[data-testid^="input-"]').count(), 2, 'just c and m');
    // The bars fill their own scale, so the figure and the axis say the change.
    const perYear = () => frame.getByTestId('spend-per-year').textContent();
    const axis = () => frame.locator('[data-testid="chart-spend"] .grid').textContent();
    const [before, ticks] = [await perYear(), await axis()];
    assert.equal(before, '$15B');
    await frame.getByTestId('input-c').fill('300');
    await frame.getByTestId('input-c').press('Tab');
    assert.equal(await changed(perYear, before), '$30B', 'the figure moved');
    assert.notEqual(await changed(axis, ticks), ticks, 'the spend axis moved');
    const label = await frame.locator('[data-testid="chart-spend"] .plot').getAttribute('aria-label');
    assert.match(label, /\$30B in the first year/);
    assertNoErrors(page);
    await page.context().close();
  });

  test('themes apply inside the iframe', async () => {
    const page = await open(world.browser, world.blog.url, { colorScheme: 'light' }, { wait: false });
    await fitted(page, 'summary');
    const bg = await page.frameLocator('#summary').locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(bg, 'rgb(18, 19, 20)', 'theme=dark wins over the reader\'s light scheme');
    const light = await page.frameLocator('#spend').locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(light, 'rgb(251, 250, 247)');
    assertNoErrors(page);
    await page.context().close();
  });

  test('the open link reproduces the scenario in a new tab', async () => {
    const page = await open(world.browser, world.blog.url, {}, { wait: false });
    await fitted(page, 'summary');
    const link = page.frameLocator('#summary').getByTestId('open-full');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener');
    assert.equal(await link.getAttribute('href'), `${world.app.url}?v=1&p=thin-margin`);
    const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    tab.errors = [];
    await ready(tab);
    await assertScenario(tab, { m: 15 }, 'opened from the embed');
    assert.equal(await tab.getByTestId('preset').inputValue(), 'thin-margin');
    await page.context().close();
  });

  test('bad embed settings fall back, with a notice', async () => {
    const page = await open(world.browser, `${world.app.url}?embed=1&view=pie&theme=neon`);
    assert.equal(await page.locator('.notice li').count(), 2);
    assert.equal(await page.getByTestId('lead').count(), 1, 'the compact calculator');
    assertNoErrors(page);
    await page.context().close();
  });
});

describe('single views say their numbers', () => {
  // What each single view leads with, by the page's public test ids.
  const FIGURES = {
    spend: ['spend-per-year', 'spend-share-revenue', 'spend-share-revenue-term'],
    capacity: ['gw-years', 'price-per-gw-year', 'coverage'],
    cash: ['new-money', 'investor-profit', 'investor-net-cash', 'payback-year'],
    tornado: ['investor-net-cash', 'payback-year'],
  };
  // The figure whose text the takeaway repeats, so sentence and figure agree.
  const QUOTED = { spend: 'spend-per-year', capacity: 'gw-years', cash: 'investor-net-cash' };
  const SCENARIOS = [
    ['', {}],
    ['v=1&p=thin-margin&c=150&t=12', { m: 15, c: 150, t: 12 }],
    ['v=1&m=0', { m: 0 }],
  ];

  test('each leads with a takeaway and its key figures, as the reference model computes them [every engine]', async () => {
    for (const [query, input] of SCENARIOS) {
      const expected = reference(input).outputs;
      for (const [view, ids] of Object.entries(FIGURES)) {
        const url = `${world.app.url}?${query}${query ? '&' : ''}embed=1&view=${view}`;
        const page = await open(world.browser, url, { viewport: { width: 375, height: 800 } });
        await page.waitForSelector('[data-testid="takeaway"]:not(:empty)');
        const shown = await page.evaluate(() => [...document.querySelectorAll('dd[data-testid]')]
          .map((dd) => [dd.dataset.testid, dd.getAttribute('data-value'), dd.textContent]));
        assert.deepEqual(shown.map((f) => f[0]), ids, `${view} ${query}: its figures, in page order`);
        for (const [id, value] of shown) {
          assert.ok(matches(value, expected[id]), `${view} ${query}: ${id} is ${value}, expected ${expected[id]}`);
        }
        const takeaway = await page.getByTestId('takeaway').textContent();
        const quoted = QUOTED[view] && shown.find((f) => f[0] === QUOTED[view])[2];
        if (quoted) assert.ok(takeaway.includes(quoted), `${view} ${query}: "${takeaway}" says ${quoted}`);
        if (view === 'cash' && expected['payback-year'] === null) {
          assert.match(takeaway, /stays negative through the term/);
          assert.equal(shown.find((f) => f[0] === 'payback-year')[2], 'never');
        }
        if (view === 'tornado') assert.match(takeaway, /moves Amazon's net cash most: from .* to /);
        // The figure is text a screen reader reaches, before the chart.
        const order = await page.evaluate(() => {
          const figure = document.querySelector('#figures');
          const chart = document.querySelector('figure.chart, figure.tornado');
          return figure.compareDocumentPosition(chart) & Node.DOCUMENT_POSITION_FOLLOWING;
        });
        assert.ok(order, `${view}: the figures come before the chart`);
        assertNoErrors(page);
        await page.context().close();
      }
    }
  });
});

describe('the embed dialog', () => {
  test('builds a snippet with a live preview', async () => {
    const page = await open(world.browser, world.app.url);
    // Built at its first opening, not at start-up.
    assert.equal(await page.getByTestId('embed-view').count(), 0, 'nothing inside the dialog before it opens');
    await page.getByTestId('embed-open').click();
    assert.equal(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="embed-dialog"]')), true, 'focus moves into the dialog');
    await page.getByTestId('embed-view').selectOption('cash');
    await page.getByTestId('embed-theme').selectOption('dark');
    await page.getByRole('checkbox', { name: 'Cloud provider\'s operating margin' }).check();
    await settle(page);
    const code = await page.getByTestId('embed-code').inputValue();
    assert.match(code, /<iframe src="http:\/\/127\.0\.0\.1:\d+\/tools\/deal\/\?embed=1&amp;view=cash&amp;controls=m&amp;theme=dark"/);
    assert.match(code, /title="Circular compute: Investor's net cash \(chart\)"/);
    // The cash view's 940 px (takeaway, figures, chart), and one input's
    // row (and the box around it).
    assert.match(code, /height="1065"/);
    assert.match(code, /<script src="http:\/\/127\.0\.0\.1:\d+\/tools\/deal\/embed\.js" async><\/script>/);
    const preview = page.frameLocator('.embed-preview iframe');
    await preview.locator('[data-testid="chart-cash"]').waitFor();
    assert.equal(await preview.getByTestId('input-m').count(), 1);
    await page.keyboard.press('Escape');
    await page.locator('.embed-preview iframe').waitFor({ state: 'detached', timeout: 5000 });
    assert.equal(await page.locator('.embed-preview iframe').count(), 0, 'no preview while closed');
    // Opened again: the same choices, the same snippet, built once.
    await page.getByTestId('embed-open').click();
    await settle(page);
    assert.equal(await page.getByTestId('embed-view').count(), 1);
    assert.equal(await page.getByTestId('embed-view').inputValue(), 'cash');
    assert.equal(await page.getByTestId('embed-code').inputValue(), code);
    await page.keyboard.press('Escape');
    assertNoErrors(page);
    await page.context().close();
  });
});

describe('the JavaScript API', () => {
  test('compute returns the outputs and schedule as plain data [every engine]', async () => {
    const page = await open(world.browser, world.app.url);
    const r = await page.evaluate(() => window.circularCompute.compute({ c: 150, m: 20 }));
    const expected = reference({ c: 150, m: 20 });
    for (const [id, value] of Object.entries(expected.outputs)) {
      const got = r.outputs[id];
      assert.ok(matches(got === null ? '' : String(got), value), `${id}: ${got} vs ${value}`);
    }
    assert.equal(r.schedule.length, 10);
    assert.equal(r.schedule[0].year, 2026);
    assert.ok(matches(String(r.schedule[3]['net-cash-cumulative']), expected.rows[3]['net-cash-cumulative']));
    assert.equal(r.inputs.sp, 'even');
    assert.equal(r.preset, 'announced');
    const preset = await page.evaluate(() => window.circularCompute.compute({ p: 'confirmed', sp: 'front' }));
    assert.equal(preset.outputs['new-money'], 5);
    assertNoErrors(page);
    await page.context().close();
  });

  test('bad input gives a clear error object, never an exception', async () => {
    const page = await open(world.browser, world.app.url);
    const results = await page.evaluate(() => [
      window.circularCompute.compute({ c: 'lots', zz: 1, t: 99, p: 'moon' }),
      window.circularCompute.compute(42),
      window.circularCompute.compute({ c: NaN }),
      window.circularCompute.compute(),
    ]);
    const [bad, notObject, nan, none] = results;
    assert.match(bad.error, /could not be used/);
    assert.equal(bad.problems.length, 4, JSON.stringify(bad.problems));
    // The same words a link with these keys would show.
    assert.ok(bad.problems.includes('Ignored the unknown setting “zz”.'), JSON.stringify(bad.problems));
    assert.ok(bad.problems.some((p) => /: 99 is above the maximum of 20 years/.test(p)), JSON.stringify(bad.problems));
    assert.ok(bad.problems.includes('No preset is called “moon”; used “announced”.'));
    assert.match(notObject.problems[0], /Pass one object/);
    assert.equal(nan.problems.length, 1);
    assert.equal(none.outputs['spend-per-year'], 10);
    assertNoErrors(page);
    await page.context().close();
  });
});

describe('oEmbed', () => {
  test('without SITE_URL the page has no discovery link; one document per preset', async () => {
    // A relative discovery link would be a broken one (consumers use the
    // href as written); `make dist SITE_URL=…` writes an absolute one
    // (src/oembed.rs tests it).
    const page = await open(world.browser, world.app.url);
    assert.equal(await page.locator('link[type="application/json+oembed"]').count(), 0);
    for (const file of ['oembed.json', 'oembed-thin-margin.json']) {
      const doc = JSON.parse(await readFile(join('dist', file), 'utf8'));
      assert.equal(doc.type, 'rich');
      assert.equal(doc.version, '1.0');
      // The page's own documents: any address of the page finds them, so
      // their embed says first what it shows (`pasted=1`).
      assert.match(doc.html, /^<blockquote><a href="[^"]*">[^<]+<\/a><\/blockquote><iframe src="[^"]*embed=1&amp;pasted=1"/);
    }
    await page.context().close();
  });
});
