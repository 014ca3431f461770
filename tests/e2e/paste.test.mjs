// Paste-to-embed: a blogger pastes an address on a line of its own in a
// WordPress post. The app here is deployed (SITE_URL is its address), and
// WordPress is played by ./wordpress.mjs: it discovers the page's oEmbed
// document, filters its HTML as for an untrusted provider (sandboxed
// iframe, secret, blockquote fallback, no script of ours) and runs the
// host side of its embed protocol.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fitted, open, useBlog } from './browser.mjs';
import { assertNoErrors } from './helpers.mjs';
import { discover, iframeSrc, metaContent as meta, paste, WP_HOST } from './wordpress.mjs';

/** What the blogger pastes, each into its own embed. */
const PASTED = {
  compact: 'embed/calculator/',
  cash: 'embed/cash/thin-margin/',
  summary: 'embed/summary/',
  risk: 'embed/risk/',
  // A reader's own scenario link: the static site embeds the announced
  // calculator for it, and the embed says so first.
  scenario: '?v=1&c=150&m=20',
};

const world = useBlog({ before, after, afterEach }, async (appUrl) => {
  let body = '';
  for (const [id, path] of Object.entries(PASTED)) {
    // WordPress's secrets are ten letters and digits.
    const { html } = await paste(appUrl + path, `${id}0123456789`.slice(0, 10));
    body += html.replace('<iframe', `<iframe id="${id}"`) + '\n<p>Prose between the embeds.</p>\n';
  }
  return {
    'wp-host.js': WP_HOST,
    'index.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A WordPress post</title><link rel="icon" href="data:,">
<style>body { max-width: 720px; margin: 0 auto; font-family: serif; } iframe { display: block; width: 100%; border: 0; }</style></head>
<body><h1>What the deal really costs</h1>
${body}<script src="wp-host.js"></script>
</body></html>`,
  };
}, { headers: { 'access-control-allow-origin': '*' }, deployed: true });

/** Every entry page the `embed/` index links to, as absolute addresses. */
async function entries() {
  const index = await (await fetch(`${world.app.url}embed/`)).text();
  return [...index.matchAll(/href="\.\.\/(embed\/[^"]+\/)"/g)].map((m) => world.app.url + m[1]);
}

describe('pasting an address into a WordPress post', () => {
  test('every entry page, the embed index and the page itself name their own document, absolute and valid', async () => {
    const pages = await entries();
    assert.equal(pages.length, 50, 'ten views of five presets');
    for (const url of [world.app.url, `${world.app.url}embed/`, ...pages]) {
      const href = await discover(url);
      assert.ok(href?.startsWith(world.app.url), `${url}: discovery link ${href}`);
      const doc = await (await fetch(href)).json();
      assert.equal(doc.type, 'rich', href);
      assert.ok(doc.height >= 200, href);
      const src = iframeSrc(doc.html);
      assert.ok(src.startsWith(`${world.app.url}?`) && src.includes('embed=1'), src);
      const folder = url.slice(world.app.url.length).split('/');
      if (folder[0] === 'embed' && folder[1] && folder[1] !== 'calculator') {
        assert.ok(src.includes(`view=${folder[1]}`), `${url} embeds ${src}`);
      }
      if (folder[2]) assert.ok(src.includes(`p=${folder[2]}`), `${url} embeds ${src}`);
    }
  });

  test('links preview with a 1200×630 card by absolute address: the page, every entry page, every document', async () => {
    const size = async (url) => {
      const response = await fetch(url);
      assert.equal(response.headers.get('content-type'), 'image/png', url);
      const png = Buffer.from(await response.arrayBuffer());
      assert.equal(png.subarray(1, 4).toString(), 'PNG', url);
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    const pages = await entries();
    for (const url of [world.app.url, `${world.app.url}embed/`, ...pages]) {
      const html = await (await fetch(url)).text();
      const image = meta(html, 'og:image');
      const preset = /\/embed\/[^/]+\/([^/]+)\/$/.exec(url)?.[1] ?? 'announced';
      assert.equal(image, `${world.app.url}og/${preset}.png`, `${url}: og:image`);
      assert.deepEqual(await size(image), [1200, 630], image);
      for (const key of ['og:title', 'og:description', 'og:image:alt', 'twitter:image:alt']) {
        assert.ok(meta(html, key)?.length > 10, `${url}: ${key}`);
      }
      assert.equal(meta(html, 'twitter:card'), 'summary_large_image', url);
      // Mastodon and Discourse show the live embed a card names, at its size.
      const player = meta(html, 'twitter:player')?.replaceAll('&amp;', '&');
      assert.ok(player?.startsWith(`${world.app.url}?`) && player.includes('embed=1'), `${url}: twitter:player ${player}`);
      assert.equal(meta(html, 'twitter:player:width'), '600', url);
      assert.ok(Number(meta(html, 'twitter:player:height')) >= 500, url);
      const icon = /<link rel="apple-touch-icon" href="([^"]+)">/.exec(html)?.[1];
      assert.equal(icon, `${world.app.url}apple-touch-icon.png`, `${url}: touch icon`);
      const doc = await (await fetch(await discover(url))).json();
      assert.equal(doc.thumbnail_url, image, `${url}: the document's thumbnail is the page's card`);
      assert.equal(Number(meta(html, 'twitter:player:height')), doc.height, `${url}: the player is as tall as the document says`);
      assert.deepEqual([doc.thumbnail_width, doc.thumbnail_height], [1200, 630]);
    }
    assert.deepEqual(await size(`${world.app.url}apple-touch-icon.png`), [180, 180]);
  });

  test('every view fits its iframe at 375, 600 and 720 px, and its document declares what a blog column needs', async () => {
    const views = (await entries()).filter((url) => url.split('/').filter(Boolean).at(-2) === 'embed');
    assert.equal(views.length, 10);
    // And the page's own document (the compact calculator with its note).
    for (const url of [...views, world.app.url]) {
      const doc = await (await fetch(await discover(url))).json();
      const src = iframeSrc(doc.html);
      const iframe = Number(/ height="(\d+)"/.exec(doc.html)[1]);
      const blog = [];
      for (const width of [375, 600, 720]) {
        const page = await open(world.browser, src, { viewport: { width, height: 900 } });
        const height = await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        assert.ok(height <= iframe, `${url} at ${width} px: ${height} px of content, an iframe of ${iframe} px`);
        if (width >= 600) blog.push(height);
        assertNoErrors(page);
        await page.context().close();
      }
      // oEmbed's height is what the HTML needs at its width (iframely
      // sizes its frame from it): never less, and at most 50 px more.
      const need = Math.max(...blog);
      assert.ok(need <= doc.height && doc.height <= need + 50, `${url}: ${need} px needed at 600-720 px, ${doc.height} px declared`);
      assert.equal(doc.width, 720, url);
    }
  });

  for (const width of [600, 720]) {
    test(`the post shows each pasted embed whole and fitted at ${width} px`, async () => {
      const page = await open(world.browser, world.blog.url, { viewport: { width, height: 900 } }, { wait: false });
      for (const id of Object.keys(PASTED)) {
        const { outer, inner, frame } = await fitted(page, id, 10);
        assert.ok(inner < 1000, `${id}: ${inner} px fits under WordPress's 1,000 px clamp`);
        assert.ok(Math.abs(outer - inner) <= 10, `${id}: iframe ${outer} px, content ${inner} px`);
        assert.equal(await page.locator(`#${id}`).getAttribute('style'), null, `${id}: WordPress shows the iframe`);
        const quote = page.locator(`blockquote[data-secret="${await page.locator(`#${id}`).getAttribute('data-secret')}"]`);
        assert.equal(await quote.isVisible(), false, `${id}: the fallback link is hidden`);
        // Downloads are refused in the sandbox, so their buttons are gone.
        assert.equal(await frame.locator('.chart-downloads').first().isVisible().catch(() => false), false, `${id}: no dead buttons`);
      }
      const compact = page.frameLocator('#compact');
      assert.equal(await compact.getByTestId('spend-per-year').textContent(), '$10B');
      assert.equal(await compact.locator('.embed-fold').getAttribute('open'), null, 'the inputs are folded');
      // How sure? draws on the embed's own thread (the sandbox starts no
      // worker), once the reader scrolls to it.
      await page.locator('#risk').scrollIntoViewIfNeeded();
      const risk = page.frameLocator('#risk');
      const chance = Number(await risk.getByTestId('p-positive').getAttribute('data-value'));
      assert.ok(chance > 0 && chance < 1, `a chance from the draws: ${chance}`);
      assert.match(await risk.getByTestId('risk-takeaway').textContent(), /^Over 5,000 draws/);
      const scenario = page.frameLocator('#scenario');
      assert.match(await scenario.getByTestId('pasted-note').textContent(), /^Shows “As announced”, not the pasted link's scenario; for yours, use Embed on the calculator\.$/);
      assert.equal(await scenario.getByTestId('spend-per-year').textContent(), '$10B', 'the announced scenario, as the note says');
      assert.equal(await compact.getByTestId('pasted-note').count(), 0, 'an entry page embeds what it names, without the note');
      const cash = page.frameLocator('#cash');
      assert.equal(await cash.getByTestId('input-m').inputValue(), '15', 'the thin-margin preset it was pasted with');
      assertNoErrors(page);
      await page.context().close();
    });
  }
});
