// Every circular deal through the same model: each deal's figures against
// an independent reference (reference.mjs, from deal-facts.md), its parties'
// names everywhere, what its sources leave out shown as not known, links
// that round-trip with a deal in B and in A, and the Compare deals buttons.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { open, ready, settle, useApp } from './browser.mjs';
import { assertDeal, assertNoErrors } from './helpers.mjs';
import { DEALS, matches, referenceDeal } from './reference.mjs';

const app = useApp({ before, after, afterEach });

/** The parties of each deal, and the names that must not appear for it. */
const PARTIES = {
  'amazon-openai': { say: ['Amazon', 'OpenAI', 'AWS'], never: ['Anthropic'] },
  'openai-aws': { say: ['Amazon', 'OpenAI', 'AWS'], never: ['Anthropic'] },
  'microsoft-nvidia-anthropic': { say: ['Microsoft', 'Anthropic', 'Azure'], never: ['Amazon', 'AWS'] },
  'microsoft-openai': { say: ['Microsoft', 'OpenAI', 'Azure'], never: ['Amazon', 'AWS', 'Anthropic'] },
  'nvidia-openai': { say: ['Nvidia', 'OpenAI'], never: ['Amazon', 'AWS', 'Anthropic', 'Microsoft'] },
};

/** The words a reader sees that name the deal's parties: the masthead,
 * the lead, every chart's and tornado's title and gap, the deal's summary,
 * the preset's story, the citation and the window's title. */
function partyText() {
  const pick = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent).join(' | ');
  return [
    document.title,
    pick('#masthead h1, #masthead .dek'),
    pick('.lead, [data-testid="lead"]'),
    pick('figure.chart h3, figure.tornado h3, .note.gap'),
    pick('[data-testid="deal-summary"], .preset .story'),
    pick('[data-testid="citation"], textarea'),
  ].join(' || ');
}

/** Waits until the address has settled on `search`. */
const settled = (page, search) =>
  page.waitForFunction((s) => location.search === s, search, { timeout: 5000 }).catch(() => {});

describe('every deal', () => {
  for (const id of Object.keys(DEALS)) {
    test(`${id}: its figures match the reference and what its sources leave out is not known [every engine]`, async () => {
      const link = id === 'anthropic-aws' ? '' : `?v=1&deal=${id}`;
      const page = await open(app.browser, `${app.server.url}${link}`);
      await settle(page);
      await assertDeal(page, id);
      assert.equal(await page.getByTestId('deal').inputValue(), id);
      // A figure the deal cannot give says so, and is marked for scripts.
      const unknown = Object.entries(referenceDeal(id).outputs).filter(([, v]) => v === null);
      for (const [key] of unknown) {
        const el = page.getByTestId(key);
        const text = await el.textContent();
        if (await el.getAttribute('data-known') === 'false') assert.equal(text, 'not known', key);
      }
      const marked = await page.locator('#figures dd[data-known="false"]').count();
      assert.equal(marked > 0, DEALS[id].unknown.length > 0, `${id}: ${marked} figures not known`);
      // Each input the sources leave out is badged and its box is empty.
      for (const key of DEALS[id].unknown) {
        const row = page.locator(`.input[data-key="${key}"]`);
        assert.equal(await row.locator('.badge').textContent(), 'not given', key);
        assert.equal(await page.getByTestId(`input-${key}`).inputValue(), '', key);
      }
      await settled(page, link);
      assert.equal(await page.evaluate(() => location.search), link, 'the address keeps the deal');
      if (PARTIES[id]) {
        const words = await page.evaluate(partyText);
        for (const name of PARTIES[id].say) assert.ok(words.includes(name), `${id} names ${name}: ${words}`);
        for (const name of PARTIES[id].never) assert.ok(!words.includes(name), `${id} never says ${name}: ${words}`);
      }
      assertNoErrors(page);
      await page.context().close();
    });
  }

  test('a value given for what a deal leaves out brings back the figures that need it, and its link says so [every engine]', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&deal=amazon-openai`);
    await settle(page);
    const box = page.getByTestId('input-r');
    await box.fill('13');
    await box.press('Enter');
    await settle(page);
    await assertDeal(page, 'amazon-openai', { r: 13 });
    assert.notEqual(await page.getByTestId('spend-share-revenue').getAttribute('data-value'), '');
    assert.equal(await page.locator('.input[data-key="r"] .badge').textContent(), 'your value');
    await settled(page, '?v=1&deal=amazon-openai&r=13');
    assert.equal(await page.evaluate(() => location.search), '?v=1&deal=amazon-openai&r=13');
    // Reset: not given again.
    await page.locator('.input[data-key="r"] button.reset').click();
    await settle(page);
    await assertDeal(page, 'amazon-openai');
    await settled(page, '?v=1&deal=amazon-openai');
    // Reload: the link alone brings the value back.
    await page.goto(`${app.server.url}?v=1&deal=amazon-openai&r=30`);
    await ready(page);
    await settle(page);
    await assertDeal(page, 'amazon-openai', { r: 30 });
    assertNoErrors(page);
    await page.context().close();
  });

  test('every deal round-trips in B and in A, against another deal [every engine]', async () => {
    const ids = Object.keys(DEALS);
    for (const [i, b] of ids.entries()) {
      const a = ids[(i + 1) % ids.length];
      const bKeys = b === 'anthropic-aws' ? '' : `deal=${b}&`;
      const aKeys = a === 'anthropic-aws' ? '' : `,deal:${a}`;
      const link = `?v=1&${bKeys}c=123&a=announced${aKeys},c:77`;
      const page = await open(app.browser, `${app.server.url}${link}`);
      await settle(page);
      await assertDeal(page, b, { c: 123 }, `B ${b}`);
      const got = await page.evaluate(() => Object.fromEntries(
        [...document.querySelectorAll('[data-testid^="ab-a-"]')].map((el) => [el.dataset.testid.slice(5), el.getAttribute('data-value')])));
      const ra = referenceDeal(a, { c: 77 }).outputs;
      for (const [key, value] of Object.entries(ra)) {
        assert.ok(matches(got[key], value), `A ${a} ${key} is ${got[key]}, expected ${value}`);
      }
      await settled(page, link);
      assert.equal(await page.evaluate(() => location.search), link, 'the link round-trips');
      assertNoErrors(page);
      await page.context().close();
    }
  });

  test('an unknown deal loads the default with a notice', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&deal=moon&c=150`);
    await settle(page);
    await assertDeal(page, 'anthropic-aws', { c: 150 });
    const notices = await page.getByTestId('notice').textContent();
    assert.match(notices, /No deal is called “moon”; loaded Anthropic–AWS/);
    await settled(page, '?v=1&c=150');
    assert.equal(await page.evaluate(() => location.search), '?v=1&c=150');
    // The masthead is the default deal's, shown.
    assert.equal(await page.locator('#masthead h1').isVisible(), true);
    assert.match(await page.locator('#masthead h1').textContent(), /Anthropic’s \$100B AWS deal/);
    await page.context().close();
  });

  test('Compare deals: open a deal in the calculator, or compare the scenario with it [every engine]', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&c=150`);
    await settle(page);
    await page.getByTestId('open-nvidia-openai').click();
    await settle(page);
    await assertDeal(page, 'nvidia-openai');
    assert.equal(await page.getByTestId('deal').inputValue(), 'nvidia-openai');
    await settled(page, '?v=1&deal=nvidia-openai');
    // Back returns to the scenario before.
    await page.goBack();
    await settle(page);
    await assertDeal(page, 'anthropic-aws', { c: 150 });
    // Compare: the scenario becomes A, the deal B.
    await page.getByTestId('compare-with-amazon-openai').click();
    await settle(page);
    await assertDeal(page, 'amazon-openai');
    await settled(page, '?v=1&deal=amazon-openai&a=announced,c:150');
    assert.equal(await page.evaluate(() => location.search), '?v=1&deal=amazon-openai&a=announced,c:150');
    const a = await page.getByTestId('ab-a-spend-per-year').getAttribute('data-value');
    assert.equal(a, '15');
    // The reader's row of the table names the deal in view.
    const yours = await page.locator('[data-testid="compare"] tr.yours th').textContent();
    assert.equal(yours, 'Your scenario: Amazon–OpenAI (February 2026)');
    assertNoErrors(page);
    await page.context().close();
  });

  test('the deal picker loads a deal as a new history entry, and presets apply within it', async () => {
    const page = await open(app.browser, app.server.url);
    await settle(page);
    await page.getByTestId('deal').selectOption('microsoft-nvidia-anthropic');
    await settle(page);
    await assertDeal(page, 'microsoft-nvidia-anthropic');
    await page.getByTestId('preset').selectOption('thin-margin');
    await settle(page);
    await assertDeal(page, 'microsoft-nvidia-anthropic', { m: 15 });
    await settled(page, '?v=1&deal=microsoft-nvidia-anthropic&p=thin-margin');
    assert.equal(await page.evaluate(() => location.search), '?v=1&deal=microsoft-nvidia-anthropic&p=thin-margin');
    await page.goBack();
    await settle(page);
    await assertDeal(page, 'microsoft-nvidia-anthropic');
    await page.goBack();
    await settle(page);
    await assertDeal(page, 'anthropic-aws');
    assert.match(await page.locator('#masthead h1').textContent(), /Anthropic’s \$100B AWS deal/);
    assertNoErrors(page);
    await page.context().close();
  });

  test('embeds and the JavaScript API take the deal [every engine]', async () => {
    const page = await open(app.browser, `${app.server.url}?embed=1&deal=nvidia-openai&view=cash`);
    await settle(page);
    const words = await page.locator('main.embed').textContent();
    assert.match(words, /Nvidia puts in \$100B of new money; its operating profit and cash are not known/);
    assert.ok(!/Amazon|Anthropic|AWS/.test(words), words);
    assert.equal(await page.getByTestId('investor-net-cash').getAttribute('data-value'), '');
    await page.goto(app.server.url);
    await page.waitForFunction(() => window.circularCompute);
    const api = await page.evaluate(() => window.circularCompute.compute({ deal: 'microsoft-openai', c: 200 }));
    assert.equal(api.deal, 'microsoft-openai');
    assert.equal(api.inputs.t, null, 'a term the sources leave out is null');
    assert.equal(api.outputs['spend-per-year'], null);
    assert.ok(matches(String(api.outputs['investor-profit']), 70), `${api.outputs['investor-profit']}`);
    const bad = await page.evaluate(() => window.circularCompute.compute({ deal: 'moon' }));
    assert.match(bad.problems.join(' '), /No deal is called “moon”/);
    assertNoErrors(page);
    await page.context().close();
  });
});
