// Embeds as WordPress prints them: a post on a second origin holds iframes
// rewritten the way WordPress rewrites an oEmbed (class wp-embedded-content,
// sandbox="allow-scripts", security="restricted", a #?secret= fragment and
// data-secret, no script of ours), and the host side of WordPress's embed
// protocol, written from its documented behaviour: it sends each iframe
// {message: "ready", secret} on load, sets an iframe's height from
// {message: "height", value, secret} clamped to 200–1000 px, and follows
// {message: "link", value, secret} to the same host when the iframe has focus.
//
// In that sandbox the embed has an opaque origin, so everything it loads is a
// cross-origin request: the app's server here sends
// Access-Control-Allow-Origin, as the README asks of a host.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { changed, fitted, open, useBlog } from './browser.mjs';
import { assertNoErrors } from './helpers.mjs';
import { WP_HOST } from './wordpress.mjs';

const SECRETS = { cash: 'Ab3dE5gH7j', summary: 'Zy8xW6vU4t' };

const world = useBlog({ before, after, afterEach }, (appUrl) => {
  const frame = (id, query, title) =>
    `<iframe id="${id}" class="wp-embedded-content" sandbox="allow-scripts" security="restricted" ` +
    `src="${appUrl}?${query}#?secret=${SECRETS[id]}" data-secret="${SECRETS[id]}" ` +
    `width="100%" height="1400" title="${title}" frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>`;
  return {
    'wp-host.js': WP_HOST,
    'index.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A WordPress post</title><link rel="icon" href="data:,">
<style>body { max-width: 640px; margin: 2rem auto; font-family: serif; } iframe { display: block; }</style></head>
<body><h1>What the deal really costs</h1>
<figure class="wp-block-embed">${frame('cash', 'embed=1&view=cash&controls=m', 'Net cash')}</figure>
<p>Prose between the embeds.</p>
<figure class="wp-block-embed">${frame('summary', 'embed=1&view=summary', 'Summary')}</figure>
<script src="wp-host.js"></script>
</body></html>`,
  };
}, { headers: { 'access-control-allow-origin': '*' } });

describe('embeds in a WordPress post (sandboxed, with its height protocol)', () => {
  for (const width of [375, 720]) {
    test(`each embed loads styled and WordPress fits it to its content at ${width} px`, async () => {
      const page = await open(world.browser, world.blog.url, { viewport: { width, height: 900 } }, { wait: false });
      for (const id of ['cash', 'summary']) {
        const { outer, inner, frame } = await fitted(page, id, 10);
        assert.ok(inner < 1000, `${id}: ${inner} px fits under WordPress's 1,000 px clamp`);
        assert.ok(Math.abs(outer - inner) <= 10, `${id}: iframe ${outer} px, content ${inner} px`);
        // The stylesheet loaded (CORS, integrity checked): the page's font, not the default serif.
        const font = await frame.evaluate(() => getComputedStyle(document.body).fontFamily);
        assert.doesNotMatch(font, /^"?Times/, `${id}: styled (${font})`);
      }
      const summary = page.frameLocator('#summary');
      assert.equal(await summary.getByTestId('spend-per-year').textContent(), '$10B');
      assertNoErrors(page);
      await page.context().close();
    });
  }

  test('a slider in the sandboxed embed moves its chart', async () => {
    const page = await open(world.browser, world.blog.url, { viewport: { width: 720, height: 900 } }, { wait: false });
    await fitted(page, 'cash', 10);
    const cash = page.frameLocator('#cash');
    const label = () => cash.locator('[data-testid="chart-cash"] .plot').getAttribute('aria-label');
    const before = await label();
    await cash.getByTestId('input-m').fill('10');
    await cash.getByTestId('input-m').press('Tab');
    assert.notEqual(await changed(label, before), before, 'the chart summary follows the margin');
    assertNoErrors(page);
    await page.context().close();
  });

  test('"Open the full calculator" asks WordPress to go there', async () => {
    const page = await open(world.browser, world.blog.url, { viewport: { width: 720, height: 900 } }, { wait: false });
    await fitted(page, 'cash', 10);
    const cash = page.frameLocator('#cash');
    const href = await cash.getByTestId('open-full').getAttribute('href');
    assert.ok(!href.includes('embed='), href);
    await cash.getByTestId('open-full').click();
    await page.waitForURL(href, { timeout: 10000 });
    await page.waitForSelector('footer.footer');
    assert.equal(await page.getByTestId('spend-per-year').textContent(), '$10B');
    await page.context().close();
  });
});
