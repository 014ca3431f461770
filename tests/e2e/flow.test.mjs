// Follow the money (issue #33): the loop's labelled amounts against the
// figures they name and the reference model, for the default, every deal
// and three scenarios; A beside B; a tap, a pointer and the keys; the
// network's links, which load their deal; the single view for embeds.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { open, ready, settle, useApp } from './browser.mjs';
import { assertNoErrors } from './helpers.mjs';
import { DEALS, matches, referenceDeal } from './reference.mjs';

const require = createRequire(import.meta.url);
const app = useApp({ before, after, afterEach });

/** Each public flow and the figure it equals (`flow-spend`: the commitment). */
const EQUALS = {
  investment: 'new-money',
  own: 'net-new-money',
  profit: 'investor-profit',
  net: 'investor-net-cash',
};

/** The loop's amounts and the figures, read from the page. */
const readFlows = (page) => page.evaluate(() => {
  const value = (id) => document.querySelector(`dd[data-testid="${id}"]`)?.getAttribute('data-value');
  const flows = {};
  for (const id of ['investment', 'spend', 'own', 'profit', 'net']) flows[id] = value(`flow-${id}`);
  const figures = {};
  for (const id of ['new-money', 'net-new-money', 'investor-profit', 'investor-net-cash']) figures[id] = value(id);
  return { flows, figures, drawn: document.querySelectorAll('#flow .flow-loop svg .node').length };
});

/** Checks every amount against the figure it names and the reference. */
function assertFlows({ flows, figures, drawn }, id, input, label) {
  const expected = referenceDeal(id, input);
  const c = { ...DEALS[id].given, ...input }.c ?? 100;
  assert.ok(matches(flows.spend, c), `${label}: flow-spend is ${flows.spend}, expected ${c}`);
  for (const [flow, figure] of Object.entries(EQUALS)) {
    assert.equal(flows[flow], figures[figure], `${label}: flow-${flow} equals ${figure}`);
    assert.ok(matches(flows[flow], expected.outputs[figure]), `${label}: flow-${flow} is ${flows[flow]}, expected ${expected.outputs[figure]}`);
  }
  assert.ok(drawn >= 4, `${label}: the loop is drawn (${drawn} nodes)`);
}

describe('follow the money', () => {
  const CASES = [
    ...Object.keys(DEALS).map((id) => [id, {}, id === 'anthropic-aws' ? '' : `?v=1&deal=${id}`]),
    ['anthropic-aws', { c: 150, m: 20 }, '?v=1&c=150&m=20'],
    // More new money than spend: the customer keeps the rest; own is negative.
    ['anthropic-aws', { a1: 140, m: 10 }, '?v=1&a1=140&m=10'],
    ['microsoft-openai', { m: 0, t: 5 }, '?v=1&deal=microsoft-openai&m=0&t=5'],
  ];

  test('every labelled amount equals the figure it names and the reference model [every engine]', async () => {
    for (const [id, input, query] of CASES) {
      const page = await open(app.browser, app.server.url + query);
      await ready(page);
      await settle(page);
      assertFlows(await readFlows(page), id, input, `${id} ${query}`);
      // What a deal leaves out is drawn as not known, not as zero.
      const unknown = await page.locator('#flow .unknown').count();
      assert.equal(unknown > 0, referenceDeal(id, input).outputs['investor-profit'] === null, `${id}: hatched where not known`);
      assertNoErrors(page);
      await page.context().close();
    }
  });

  test('the loop follows a slider, and draws A beside B while comparing [every engine]', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&c=150&a=announced,m:20`);
    await ready(page);
    await settle(page);
    assert.equal(await page.locator('#flow .flow-loop').count(), 2, 'two loops');
    const heights = await page.$$eval('#flow .flow-loop .node.spend rect', (r) => r.map((e) => Number(e.getAttribute('height'))));
    // One scale for both: B's $150B spend is 1.5 times A's $100B.
    assert.ok(Math.abs(heights[1] / heights[0] - 1.5) < 0.01, `spend bars ${heights}`);
    await page.getByTestId('input-m').fill('25');
    await page.getByTestId('input-m').press('Enter');
    await settle(page);
    assertFlows(await readFlows(page), 'anthropic-aws', { c: 150, m: 25 }, 'm typed as 25');
    assertNoErrors(page);
    await page.context().close();
  });

  test('the keys tell each amount and its source [every engine]', async () => {
    const page = await open(app.browser, app.server.url, { viewport: { width: 375, height: 800 } });
    await ready(page);
    const plot = page.locator('#flow .flow-loop .plot');
    await plot.focus();
    await page.keyboard.press('ArrowRight');
    await settle(page);
    const tip = page.locator('#tip-flow-b .tip');
    assert.match(await tip.textContent(), /Amazon’s new money into Anthropic\$25BFrom: F\d/);
    await page.keyboard.press('End');
    await settle(page);
    assert.match(await tip.textContent(), /AWS’s costs/);
    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal(await tip.count(), 0, 'Escape hides it');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll');
    assertNoErrors(page);
    await page.context().close();
  });

  test('a finger on a bar tells its amount, at 375 px without sideways scroll', async () => {
    const page = await open(app.browser, app.server.url, { viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
    await ready(page);
    const tip = page.locator('#tip-flow-b .tip');
    const bar = page.locator('#flow .node.profit rect');
    await bar.scrollIntoViewIfNeeded();
    const box = await bar.boundingBox();
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await settle(page);
    assert.match(await tip.textContent(), /AWS’s profit, back to Amazon\$35B/);
    // No sideways scroll at 375 px.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll');
    assertNoErrors(page);
    await page.context().close();
  });

  test('a link of the network tells its amount and source, and loads its deal [every engine]', async () => {
    const page = await open(app.browser, app.server.url);
    await ready(page);
    const plot = page.locator('[data-testid="flow-network"] .plot');
    await plot.focus();
    await page.keyboard.press('End');
    await settle(page);
    const tip = await page.locator('#tip-network .tip').textContent();
    assert.match(tip, /OpenAI → Nvidia\$350B of compute committed.*Source: D6/);
    await page.getByTestId('flow-network-open').click();
    await page.waitForFunction(() => location.search.includes('deal=nvidia-openai'));
    await settle(page);
    assert.equal(await page.getByTestId('deal').inputValue(), 'nvidia-openai');
    assertFlows(await readFlows(page), 'nvidia-openai', {}, 'opened from the network');
    assertNoErrors(page);
    await page.context().close();
  });

  test('the flow embed leads with its sentence and its amounts, and fits a phone [every engine]', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&m=20&embed=1&view=flow`, { viewport: { width: 375, height: 800 } });
    await page.waitForSelector('[data-testid="flow-net"][data-value]');
    await settle(page);
    const takeaway = await page.getByTestId('takeaway').textContent();
    assert.match(takeaway, /^Of the \$100B Anthropic spends with AWS, Amazon’s \$25B of new money pays 25% of it; \$20B comes back/);
    const flows = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('dd[data-testid^="flow-"]')].map((d) => [d.dataset.testid, d.getAttribute('data-value')])));
    const expected = referenceDeal('anthropic-aws', { m: 20 }).outputs;
    assert.ok(matches(flows['flow-net'], expected['investor-net-cash']));
    assert.ok(matches(flows['flow-profit'], expected['investor-profit']));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll');
    assertNoErrors(page);
    await page.context().close();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`axe-core finds no accessibility violation in the loop and the network (${colorScheme})`, async () => {
      const page = await open(app.browser, app.server.url, { colorScheme, bypassCSP: true });
      await ready(page);
      await page.evaluate(() => document.querySelectorAll('#flow details').forEach((d) => { d.open = true; }));
      await settle(page);
      await page.addScriptTag({ content: await readFile(require.resolve('axe-core/axe.min.js'), 'utf8') });
      const result = await page.evaluate(() => window.axe.run('#flow', { resultTypes: ['violations'] }));
      const summary = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0].target})`);
      assert.deepEqual(summary, []);
      await page.context().close();
    });
  }
});
