// The optional oEmbed function (assets/oembed-worker.js, issue #36), run in
// Node as a host would run it: in front of a copy of dist/ built for its
// address (SITE_URL), reading the documents the static build wrote. A
// reader's scenario link, as WordPress discovers it, embeds that scenario.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { closeLeftovers, launch, open, ready } from './browser.mjs';
import { assertNoErrors } from './helpers.mjs';
import { serve } from './server.mjs';
import { discover, iframeSrc } from './wordpress.mjs';
import { handle, scenarioQuery } from '../../assets/oembed-worker.js';

const PREFIX = '/tools/deal/';
const world = {};

/** A host that runs the function: every request goes through `handle`,
 * whose static files come from `files` (the static server's origin). */
function host(files) {
  const server = createServer(async (req, res) => {
    const url = `http://${req.headers.host}${req.url}`;
    const response = await handle(new Request(url), (path) => fetch(new URL(path, files)));
    const body = Buffer.from(await response.arrayBuffer());
    const headers = Object.fromEntries([...response.headers].filter(([k]) => !['content-encoding', 'content-length'].includes(k)));
    res.writeHead(response.status, headers).end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({
    url: `http://127.0.0.1:${server.address().port}${PREFIX}`,
    close: () => new Promise((d) => server.close(d)),
  })));
}

before(async () => {
  const root = await mkdtemp(join(tmpdir(), 'site-'));
  world.root = root;
  await cp('dist', root, { recursive: true });
  world.files = await serve({ root, prefix: PREFIX, headers: { 'access-control-allow-origin': '*' } });
  world.site = await host(new URL(world.files.url).origin);
  // Built for the function's address, as `make dist SITE_URL=…` does.
  execFileSync('cargo', ['run', '--quiet', '--bin', 'postbuild', '--', root, world.site.url], { stdio: 'pipe' });
  world.browser = await launch();
});
afterEach(closeLeftovers);
after(async () => {
  await world.browser?.close();
  await world.site?.close();
  await world.files?.close();
  if (world.root) await rm(world.root, { recursive: true, force: true });
});

const doc = async (url) => {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
};

describe('the optional oEmbed function', () => {
  test('a pasted scenario link names its own document, which embeds that scenario', async () => {
    const site = world.site.url;
    const link = `${site}?v=1&c=150&m=20`;
    const found = await discover(link);
    assert.equal(found, `${site}oembed?url=${encodeURIComponent(link)}`, 'what WordPress discovers');
    const { status, body } = await doc(found);
    assert.equal(status, 200);
    const calculator = (await doc(`${site}embed/calculator/oembed.json`)).body;
    assert.equal(body.type, 'rich');
    assert.equal(body.height, calculator.height, 'as tall as the compact calculator');
    assert.match(body.title, /linked scenario/);
    const src = iframeSrc(body.html);
    assert.equal(src, `${site}?v=1&c=150&m=20&embed=1`);
    assert.ok(body.html.includes(`<blockquote><a href="${link.replaceAll('&', '&amp;')}">`), body.html);
    // The embed shows the link's numbers, with no note that it does not.
    const page = await open(world.browser, src);
    await ready(page);
    assert.equal(await page.getByTestId('spend-per-year').getAttribute('data-value'), '15');
    assert.equal(await page.getByTestId('pasted-note').count(), 0);
    assertNoErrors(page);
    await page.context().close();
  });

  test('the bare page, entry pages and files are the static site, as built', async () => {
    const site = world.site.url;
    assert.equal(await discover(site), `${site}oembed.json`, 'the page without a scenario');
    assert.equal(await discover(`${site}embed/cash/`), `${site}embed/cash/oembed.json`);
    for (const path of ['', 'embed/cash/', 'oembed.json', 'embed.js', 'og/announced.png']) {
      const [a, b] = await Promise.all([fetch(site + path), fetch(world.files.url + path)]);
      assert.equal(a.status, 200, path);
      assert.deepEqual(Buffer.from(await a.arrayBuffer()), Buffer.from(await b.arrayBuffer()), `${path}: byte for byte`);
    }
    // A page address with only the version is the calculator as announced.
    const { body } = await doc(`${site}oembed?url=${encodeURIComponent(`${site}?v=1&embed=1&view=cash`)}`);
    assert.deepEqual(body, (await doc(`${site}embed/calculator/oembed.json`)).body);
  });

  test('a bad question gets a clear answer, and a hostile address stays inside its attribute', async () => {
    const site = world.site.url;
    const ask = (url, extra = '') => doc(`${site}oembed?url=${encodeURIComponent(url)}${extra}`);
    assert.equal((await doc(`${site}oembed`)).status, 400);
    assert.match((await doc(`${site}oembed`)).body.error, /\?url=/);
    assert.equal((await ask('not a url')).status, 400);
    assert.equal((await ask('https://example.org/tools/deal/?c=150')).status, 404, 'another site');
    assert.equal((await ask(`${site}embed/cash/?c=150`)).status, 404, 'an entry page has its own');
    assert.equal((await ask(`${site}?c=150`, '&format=xml')).status, 501);
    assert.equal((await ask(`${site}?c=${'9'.repeat(5000)}`)).status, 400);
    const { status, body } = await ask(`${site}?v=1&c="><script>alert(1)</script>`);
    assert.equal(status, 200);
    assert.ok(!body.html.includes('<script>alert'), body.html);
    assert.equal(body.html.match(/<script/g).length, 1, 'only embed.js');
    const src = iframeSrc(body.html);
    assert.equal(new URL(src).searchParams.get('c'), '"><script>alert(1)</script>');
  });

  test('the scenario part of a query leaves out how to embed', () => {
    assert.equal(scenarioQuery('?v=1&c=150&embed=1&view=cash&controls=m&theme=dark&pasted=1'), 'v=1&c=150');
    assert.equal(scenarioQuery('?v=1&embed=1'), '');
    assert.equal(scenarioQuery(''), '');
    assert.equal(scenarioQuery('?p=thin-margin'), 'p=thin-margin');
  });
});
