// The Content-Security-Policy: strict, present in dist/, and enforced. Every
// other end-to-end test also runs under it and fails on any console error,
// so a violation anywhere in the page or its embeds fails the suite.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { open, useApp } from './browser.mjs';
import { assertNoErrors } from './helpers.mjs';

const app = useApp({ before, after, afterEach });

test('dist/index.html carries a strict policy: the loader file and two inline scripts, by their hashes', async () => {
  const html = await readFile('dist/index.html', 'utf8');
  const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(policy, 'a policy meta tag');
  const script = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
  assert.ok(!policy.includes("'unsafe-eval'") && !policy.includes("'unsafe-inline'"));
  const tags = html.match(/<script[^>]*>[\s\S]*?<\/script>/g) ?? [];
  const files = tags.filter((t) => /^<script type="module" src="\.\/loader-[0-9a-f]{16}\.js"><\/script>$/.test(t));
  const inline = tags.filter((t) => t.startsWith('<script>')).map((t) => t.slice('<script>'.length, -'</script>'.length));
  assert.equal(files.length, 1, 'the loader file');
  assert.equal(inline.length, 2, 'two inline scripts');
  assert.equal(tags.length, 3, 'nothing else');
  assert.match(inline[0], /data-embed/, 'the embed mark, in the head');
  assert.match(inline[1], /currentScript\.previousElementSibling/, 'the first figures\' script, after their template');
  assert.ok(html.indexOf(inline[0]) < html.indexOf('</head>') && html.indexOf(inline[1]) > html.indexOf('<template>'));
  // Their hashes, computed here as a browser does, are the only ones allowed.
  const hashes = inline.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`).join(' ');
  assert.equal(script, `script-src 'self' 'wasm-unsafe-eval' ${hashes}`);
  assert.ok((await readdir('dist')).some((f) => /^loader-[0-9a-f]{16}\.js$/.test(f)));
});

test('the policy is enforced: inline script is refused, the page still works', async () => {
  const page = await open(app.browser, `${app.server.url}?v=1&c=150&embed=1&view=cash&controls=c`);
  const blocked = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
    setTimeout(() => resolve('none'), 2000);
  }));
  assert.match(blocked, /^script-src/);
  assert.equal(await page.evaluate(() => window.__injected), undefined);
  // The embed under the policy: figures drawn, tooltip positioned through CSSOM.
  await page.locator('[data-testid="chart-cash"] .plot').focus();
  await page.keyboard.press('Home');
  await page.waitForSelector('.tip');
  // The tooltip's place is a CSS variable set through CSSOM (an inline
  // `style` attribute in HTML would be refused), and the tip follows it.
  assert.match(await page.locator('#tip-cash').getAttribute('style'), /--tip-x: \d/);
  const [left, width] = await page.locator('#tip-cash .tip').evaluate((tip) => [
    parseFloat(getComputedStyle(tip).left), tip.parentElement.getBoundingClientRect().width,
  ]);
  assert.ok(left > 0 && left < width * 0.25, `the first year's tip sits at the left (${left} of ${width})`);
  page.errors = page.errors.filter((e) => !e.includes('Content Security Policy'));
  assertNoErrors(page);
  await page.context().close();
});
