// What would it take? (issue #34): the goal seek's answer against the
// reference model solved on its own (bisection in JavaScript), for the
// default, every deal and three questions of its own; the question in the
// link (old links unchanged, a bad question left out with a notice); the
// keys and a finger reach the controls; circularCompute.seek.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { open, settle, useApp } from './browser.mjs';
import { assertNoErrors } from './helpers.mjs';
import { DEALS, solveRef } from './reference.mjs';

const app = useApp({ before, after, afterEach });

/** The answer as the page shows it, once the lower half has answered. */
async function answer(page) {
  const el = page.getByTestId('seek-answer');
  await el.waitFor();
  await settle(page);
  const value = await el.getAttribute('data-value');
  return { values: value === '' ? [] : value.split(' ').map(Number), text: await el.textContent() };
}

function assertAnswer(got, want, tol, label) {
  if (want === null) {
    assert.deepEqual(got.values, [], `${label}: no answer where the figure is not known`);
    assert.match(got.text, /not known/, `${label}: says why`);
    return;
  }
  assert.equal(got.values.length, want.length, `${label}: ${got.values} against ${want} (${got.text})`);
  got.values.forEach((v, i) => assert.ok(Math.abs(v - want[i]) <= tol, `${label}: ${v} against ${want[i]}`));
  if (want.length === 0) assert.match(got.text, /^No value of the .* between .* reaches .*: .* spans .* to /, label);
}

describe('what would it take', () => {
  const QUESTIONS = [
    ...Object.keys(DEALS).map((id) => [id, {}, `deal=${id}`, 'm', 'investor-net-cash', 0, 0.0005]),
    ['anthropic-aws', { m: 20 }, 'm=20', 'c', 'investor-profit', 50, 0.001],
    ['anthropic-aws', {}, '', 'a1', 'investor-net-cash', 40, 0.0005],
    ['anthropic-aws', { c: 300 }, 'c=300', 'ap', 'recycled-share', 10, 0.001],
  ];

  test('a link\'s question is answered as the reference solves it [every engine]', async () => {
    for (const [id, input, query, key, figure, target, tol] of QUESTIONS) {
      const link = `?v=1${query ? `&${query}` : ''}&seek=${key},${figure},${target}`;
      const page = await open(app.browser, app.server.url + link);
      const got = await answer(page);
      assertAnswer(got, solveRef(id, input, key, figure, target), tol, link);
      // The link keeps its question.
      await page.waitForFunction((k) => new URLSearchParams(location.search).get('seek')?.startsWith(k), key);
      assertNoErrors(page);
      await page.context().close();
    }
  });

  test('the controls ask a question, the link keeps it, and the button sets the answer [every engine]', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&seek=m,investor-net-cash,0`);
    await answer(page);
    await page.getByTestId('seek-input').selectOption('c');
    await page.waitForFunction(() => location.search.includes('seek=c,investor-net-cash,0'));
    await settle(page);
    await page.getByTestId('seek-target').fill('20');
    await page.getByTestId('seek-target').press('Enter');
    await page.waitForFunction(() => location.search.includes('seek=c,investor-net-cash,20'));
    const got = await answer(page);
    assertAnswer(got, solveRef('anthropic-aws', {}, 'c', 'investor-net-cash', 20), 0.001, 'c for $20B');
    await page.getByTestId('seek-apply').click();
    // The answer on the grid of its tolerance: 128.571 or 128.572.
    await page.waitForFunction(() => /c=128\.57\d/.test(location.search));
    await settle(page);
    const net = Number(await page.getByTestId('investor-net-cash').getAttribute('data-value'));
    assert.ok(Math.abs(net - 20) < 0.001, `net cash after setting: ${net}`);
    // Break even, by the keys: focus the button and press Enter.
    await page.getByTestId('seek-break-even').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search.includes('seek=c,investor-net-cash,0'));
    assertNoErrors(page);
    await page.context().close();
  });

  test('a finger reaches the question on a phone, without sideways scroll', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&seek=m,investor-net-cash,5`, { viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
    await answer(page);
    await page.getByTestId('seek-break-even').tap();
    await page.waitForFunction(() => location.search.includes('seek=m,investor-net-cash,0'));
    const got = await answer(page);
    assertAnswer(got, [25], 0.0005, 'tapped break even');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll');
    await page.context().close();
  });

  test('a question that cannot be read is left out, and the rest of the link kept [every engine]', async () => {
    const page = await open(app.browser, `${app.server.url}?v=1&c=150&seek=m,moon,0`);
    await page.getByTestId('notice').waitFor();
    assert.match(await page.getByTestId('notice').textContent(), /Left out the question “m,moon,0”: no figure is called “moon”/);
    assert.equal(await page.getByTestId('input-c').inputValue(), '150');
    assertNoErrors(page);
    await page.context().close();
  });

  test('circularCompute.seek answers as the page does, a promise [every engine]', async () => {
    const page = await open(app.browser, app.server.url);
    const r = await page.evaluate(() => {
      const p = window.circularCompute.seek({ figure: 'investor-net-cash', target: 0, input: 'm', scenario: { c: 150 } });
      return p instanceof Promise ? p : { notPromise: true };
    });
    assert.equal(r.answer, 'crosses');
    assert.ok(Math.abs(r.values[0] - 100 * 25 / 150) <= 0.0005, `${r.values}`);
    assert.match(r.text, /reaches \$0B with the cloud provider's operating margin at 16\.7%/);
    const never = await page.evaluate(() => window.circularCompute.seek({ figure: 'investor-net-cash', target: 0, input: 'ap', scenario: {} }));
    assert.equal(never.answer, 'never');
    assert.equal(never.low, 10);
    const bad = await page.evaluate(() => window.circularCompute.seek({ figure: 'moon', target: 0, input: 'm' }));
    assert.match(bad.error, /could not be read/);
    assert.match(bad.problems[0], /no figure is called “moon”/);
    assertNoErrors(page);
    await page.context().close();
  });
});
