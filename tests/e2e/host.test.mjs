// A blog post that drives an embed as the reader scrolls: the post is on a
// second origin, includes embed.js from the app and uses its helper
// (circularCompute.embeds(), set, on('change')). The figures the embed shows
// and the figures its change messages carry are checked against the
// independent reference model; hostile messages give notices, never errors.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { open, readPage } from './browser.mjs';
import { assertNoErrors } from './helpers.mjs';
import { matches, reference, PRESETS } from './reference.mjs';
import { useBlog } from './browser.mjs';

const world = useBlog({ before, after, afterEach }, (appUrl) => ({
  'index.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A scrolling post</title><link rel="icon" href="data:,">
<script src="${appUrl}embed.js"></script></head>
<body><h1>Three steps through the deal</h1>
<iframe id="calc" src="${appUrl}?embed=1&controls=m" title="Calculator" style="width:100%;height:900px;border:0"></iframe>
<script>
  window.changes = [];
  window.embed = circularCompute.embeds('#calc')[0];
  embed.on('change', function (c) { window.changes.push(c); });
</script>
</body></html>`,
}));

/** Waits for a change message whose link carries every `key=value` of
 * `parts` (a string or a list), and returns the latest such. */
async function changeWith(page, parts) {
  const all = [parts].flat();
  const find = (ps) => window.changes.filter((c) => ps.every((p) => new RegExp(`[?&]${p}(&|$)`).test(c.link))).pop();
  await page.waitForFunction(find, all, { timeout: 15000 });
  return page.evaluate(find, all);
}

/** The embed's frame, once its figures are built. */
async function embedFrame(page) {
  const frame = await (await page.locator('#calc').elementHandle()).contentFrame();
  await frame.waitForSelector('[data-testid="investor-net-cash"]', { timeout: 20000 });
  return frame;
}

/** Asserts a change message and the embed's figures against the reference. */
async function assertStep(page, frame, given, step) {
  const { p = 'announced', ...inputs } = given;
  const expected = reference({ ...PRESETS[p], ...inputs });
  const change = await changeWith(page, Object.entries(given).map(([k, v]) => `${k}=${v}`));
  assert.deepEqual(change.inputs, given, `${step}: the change names what differs`);
  assert.ok(change.link.includes(`p=${p}`) === (p !== 'announced'), `${step}: ${change.link}`);
  for (const [id, value] of Object.entries(expected.outputs)) {
    const got = change.figures[id];
    assert.ok(id in change.figures, `${step}: the change has no figure ${id}`);
    assert.ok(matches(got === null ? '' : String(got), value), `${step}: ${id} is ${got}, expected ${value}`);
  }
  await frame.waitForFunction(
    (v) => document.querySelector('[data-testid="payback-year"]')?.getAttribute('data-value') === v,
    String(change.figures['payback-year'] ?? ''),
  );
  const shown = await readPage(frame);
  assert.ok(Object.keys(shown.outputs).length >= 6, `${step}: the embed shows its key figures`);
  for (const [id, value] of Object.entries(shown.outputs)) {
    assert.ok(matches(value, expected.outputs[id]), `${step}: the embed shows ${id} = ${value}, expected ${expected.outputs[id]}`);
  }
}

describe('a post drives an embed (set in, change out)', () => {
  test('three scenarios in turn, each shown and reported as the reference model computes it', async () => {
    const page = await open(world.browser, world.blog.url, { viewport: { width: 720, height: 900 } }, { wait: false });
    const frame = await embedFrame(page);
    const entries = await frame.evaluate(() => history.length);
    // The first change reports the scenario the embed opened with.
    await page.waitForFunction(() => window.changes.length > 0);
    const first = await page.evaluate(() => window.changes[0]);
    assert.deepEqual(first.inputs, {});
    assert.ok(matches(String(first.figures['spend-per-year']), 10));
    const steps = [{ c: 150, m: 20 }, { p: 'thin-margin', sp: 'front' }, { c: 250, u: 80.5, ap: 50 }];
    for (const [i, step] of steps.entries()) {
      await page.evaluate((s) => window.embed.set(s), step);
      await assertStep(page, frame, step, `step ${i + 1}`);
    }
    assert.equal(await frame.locator('[data-testid="notice"]').count(), 0, 'clean steps give no notice');
    // The reader's own slider is reported too.
    await frame.getByTestId('input-m').fill('40');
    await frame.getByTestId('input-m').press('Tab');
    const moved = await changeWith(page, 'm=40');
    assert.equal(moved.inputs.m, 40);
    // A host's set replaces the embed's history entry: no Back-button trail.
    assert.equal(await frame.evaluate(() => history.length), entries);
    assertNoErrors(page);
    await page.context().close();
  });

  test('hostile messages give notices, never an error, and the next good one works', async () => {
    const page = await open(world.browser, world.blog.url, { viewport: { width: 720, height: 900 } }, { wait: false });
    const frame = await embedFrame(page);
    const hostile = await page.evaluate(() => {
      const target = document.getElementById('calc').contentWindow;
      const huge = {};
      for (let i = 0; i < 100000; i++) huge['k' + i] = i;
      const messages = [
        'circular-compute:set', 42, null, [1, 2], { type: 7 }, { type: 'other', inputs: { c: 1 } },
        { type: 'circular-compute:set', inputs: 'c=150' },
        { type: 'circular-compute:set', inputs: { c: NaN, m: 'lots', t: true, zz: 1, embed: 1, sp: ['front'] } },
        { type: 'circular-compute:set', inputs: huge },
      ];
      for (const m of messages) target.postMessage(m, '*');
      return messages.length;
    });
    assert.equal(hostile, 9);
    // The last one, a huge object: its first keys are reported, the rest counted.
    await frame.waitForFunction(() => /more settings past the first/.test(document.querySelector('[data-testid="notice"]')?.textContent ?? ''));
    const before = await page.evaluate(() => window.changes.length);
    // A message from any window but the parent (here the embed's own) is ignored.
    await frame.evaluate(() => window.postMessage({ type: 'circular-compute:set', inputs: { c: 999 } }, '*'));
    await page.evaluate(() => window.embed.set({ c: 120 }));
    const good = await changeWith(page, 'c=120');
    assert.deepEqual(good.inputs, { c: 120 });
    const all = await page.evaluate(() => window.changes);
    assert.ok(all.slice(before).every((c) => !c.link.includes('c=999')), 'the embed ignored its own window');
    assert.equal(await frame.getByTestId('spend-per-year').getAttribute('data-value'), '12');
    assertNoErrors(page);
    await page.context().close();
  });
});
