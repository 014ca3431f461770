// Link cards as real consumers read them (issue #36): unfurl.js, which
// also follows a page's oEmbed discovery link, metascraper and iframely's
// oEmbed gateway, each from npm, over a deployed copy of dist/ (SITE_URL
// is its address). For the
// page, a reader's scenario link, the embed index and entry pages: a full
// card (title, description, a 1200×630 picture), a live player where a
// platform allows one, and an oEmbed document whose player and height
// agree with the page's tags.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { unfurl } from 'unfurl.js';
import metascraper from 'metascraper';
import metascraperTitle from 'metascraper-title';
import metascraperDescription from 'metascraper-description';
import metascraperImage from 'metascraper-image';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBlog } from './browser.mjs';
import { decode, discover, iframeSrc, metaContent } from './wordpress.mjs';

const world = useBlog({ before, after, afterEach }, async () => ({
  'index.html': '<!doctype html><html lang="en"><title>No post</title></html>',
}), { headers: { 'access-control-allow-origin': '*' }, deployed: true });

/** The addresses a blogger or a reader shares, and what each names. */
const SHARED = [
  { path: '', view: null, preset: null, pasted: true },
  { path: '?v=1&c=150&m=20', view: null, preset: null, pasted: true },
  { path: 'embed/', view: null, preset: null, pasted: true },
  { path: 'embed/calculator/', view: null, preset: null, pasted: false },
  { path: 'embed/cash/', view: 'cash', preset: null, pasted: false },
  { path: 'embed/tornado/thin-margin/', view: 'tornado', preset: 'thin-margin', pasted: false },
  { path: 'embed/risk/slow-build/', view: 'risk', preset: 'slow-build', pasted: false },
];

describe('link cards read by real consumers', () => {
  test('unfurl.js reads a full card, a player and the oEmbed document of every shared address', async () => {
    const site = world.app.url;
    for (const { path, view, preset, pasted } of SHARED) {
      const url = site + path;
      const card = await unfurl(url, { oembed: true });
      const og = card.open_graph;
      assert.ok(og?.title?.length > 10 && og.description?.length > 40, `${url}: title and description`);
      const [image] = og.images ?? [];
      assert.equal(image?.url, `${site}og/${preset ?? 'announced'}.png`, `${url}: the preset's picture`);
      assert.deepEqual([image.width, image.height], [1200, 630], url);
      assert.ok(image.alt?.length > 40, `${url}: the picture says what it shows`);
      assert.equal(card.twitter_card?.card, 'summary_large_image', url);
      // The live embed Mastodon and Discourse show in place of the picture.
      const [player] = card.twitter_card.players ?? [];
      assert.ok(player?.url.startsWith(`${site}?`) && player.url.includes('embed=1'), `${url}: player ${player?.url}`);
      if (view) assert.ok(player.url.includes(`view=${view}`), `${url}: player ${player.url}`);
      if (preset) assert.ok(player.url.includes(`p=${preset}`), `${url}: player ${player.url}`);
      assert.equal(player.url.includes('pasted=1'), pasted, `${url}: the player says first what it shows`);
      assert.equal(player.width, 600, url);
      const doc = card.oEmbed;
      assert.equal(doc?.type, 'rich', `${url}: unfurl.js found the oEmbed document`);
      assert.equal(doc.version, '1.0', url);
      assert.equal(doc.width, 720, url);
      assert.equal(doc.height, player.height, `${url}: the player is as tall as the document says`);
      assert.ok(doc.height <= 1000 + 20, `${url}: ${doc.height} px, about WordPress's limit at most`);
      assert.equal(iframeSrc(doc.html), player.url, `${url}: the document embeds what the player shows`);
      assert.equal(doc.thumbnails?.[0]?.url, image.url, `${url}: the document's thumbnail is the card's`);
    }
  });

  test('metascraper reads the same title, description and picture', async () => {
    const scrape = metascraper([metascraperTitle(), metascraperDescription(), metascraperImage()]);
    const site = world.app.url;
    for (const { path, preset } of SHARED) {
      const url = site + path;
      const html = await (await fetch(url)).text();
      const meta = await scrape({ url, html });
      // metascraper sets apostrophes as typographers do: compare the words.
      const text = (s) => decode(s).replace(/[‘’]/g, "'");
      assert.equal(text(meta.title), text(metaContent(html, 'og:title')), `${url}: title`);
      assert.equal(text(meta.description), text(metaContent(html, 'og:description')), `${url}: description`);
      assert.equal(meta.image, `${site}og/${preset ?? 'announced'}.png`, `${url}: picture`);
    }
  });

  test('iframely, as a gateway that trusts publishers\' players, embeds each at the height its frame needs', async () => {
    const site = world.app.url;
    // iframely reads its settings from the working folder: no domains list
    // from the internet, and publishers' rich oEmbed and players allowed.
    const dir = await mkdtemp(join(tmpdir(), 'iframely-'));
    await writeFile(join(dir, 'config.js'), `export default {
  CACHE_ENGINE: 'no-cache',
  WHITELIST_URL: null,
  WHITELIST_WILDCARD: {
    twitter: { player: 'allow', photo: 'deny' },
    oembed: { video: 'allow', photo: 'allow', rich: 'allow', link: 'deny' },
  },
};
`);
    const out = join(dir, 'read.json');
    const urls = SHARED.map(({ path }) => site + path);
    let read;
    try {
      // Not a blocking call: this process serves the site it reads.
      await promisify(execFile)('node', [new URL('./iframely-run.mjs', import.meta.url).pathname, out, ...urls], { cwd: dir, timeout: 120_000 });
      read = JSON.parse(await readFile(out, 'utf8'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    for (const { path, preset } of SHARED) {
      const url = site + path;
      const got = read[url];
      assert.ok(!got.error, `${url}: ${got.error}`);
      const doc = await (await fetch(await discover(url))).json();
      assert.equal(got.meta.title, decode(metaContent(await (await fetch(url)).text(), 'og:title')), `${url}: title`);
      const player = got.links.find((l) => l.rel.includes('player') && l.rel.includes('oembed'));
      assert.equal(player?.href, iframeSrc(doc.html), `${url}: iframely embeds the document's iframe`);
      assert.deepEqual([player.media.width, player.media.height], [720, doc.height], `${url}: sized as the document says`);
      const thumbnail = got.links.find((l) => l.rel.includes('thumbnail'));
      assert.equal(thumbnail?.href, `${site}og/${preset ?? 'announced'}.png`, `${url}: the card's picture`);
    }
  });
});
