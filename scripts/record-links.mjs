// Records what today's page shows for each link of tests/e2e/links.mjs into
// tests/e2e/links.json: run once, by hand, before a change that must keep
// every old link's meaning (`node scripts/record-links.mjs`, after `make dist`).
import { writeFile } from 'node:fs/promises';
import { launch, open, ready, settle } from '../tests/e2e/browser.mjs';
import { serve } from '../tests/e2e/server.mjs';
import { LINKS, shown } from '../tests/e2e/links.mjs';

const server = await serve({ root: process.env.LINKS_DIST ?? 'dist', prefix: '/tools/deal/' });
const browser = await launch();
const table = [];
for (const link of LINKS) {
  const page = await open(browser, `${server.url}${link}`);
  await ready(page);
  await page.waitForTimeout(400); // the address is written on a throttle
  await settle(page);
  table.push({ link, ...(await page.evaluate(shown)) });
  if (page.errors.length) throw new Error(`${link}: ${page.errors.join('; ')}`);
  await page.context().close();
}
await browser.close();
await server.close();
await writeFile('tests/e2e/links.json', `${JSON.stringify(table, null, 1)}\n`);
console.log(`recorded ${table.length} links into tests/e2e/links.json`);
