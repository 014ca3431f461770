// Links never break: every link of the regression table (tests/e2e/links.mjs)
// shows exactly what the page of 3 Dec 2026 showed for it (links.json): each
// figure's value, A's while comparing, the address it settles on, its notices.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { open, settle, useApp } from './browser.mjs';
import { assertNoErrors } from './helpers.mjs';
import { LINKS, shown } from './links.mjs';

const app = useApp({ before, after, afterEach });
const table = JSON.parse(await readFile(new URL('./links.json', import.meta.url), 'utf8'));

test('the table holds at least 20 links, one row each, as recorded', () => {
  assert.ok(table.length >= 20, `${table.length} links`);
  assert.deepEqual(table.map((r) => r.link), LINKS);
});

for (const row of table) {
  test(`an old link keeps its meaning: ${row.link || '(the bare address)'}`, async () => {
    const page = await open(app.browser, `${app.server.url}${row.link}`);
    // The address is rewritten on a throttle: wait for the recorded one.
    await page.waitForFunction((search) => location.search === search, row.search, { timeout: 5000 })
      .catch(() => {});
    await settle(page);
    const now = await page.evaluate(shown);
    assert.equal(now.search, row.search, 'the address it settles on');
    assert.deepEqual(now.figures, row.figures, 'every figure');
    assert.deepEqual(now.a, row.a, 'scenario A');
    assert.deepEqual(now.notices, row.notices, 'its notices');
    assertNoErrors(page);
    await page.context().close();
  });
}
