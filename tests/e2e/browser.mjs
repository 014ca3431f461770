// Shared browser set-up: Debian's Chromium (or, with E2E_ENGINE=firefox,
// Debian's Firefox ESR over WebDriver BiDi) through playwright-core, never a
// downloaded browser. Every page records console errors and uncaught exceptions.
import { chromium, firefox } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The engine this run drives: `chromium` (the default) or `firefox`. */
export const ENGINE = process.env.E2E_ENGINE ?? 'chromium';
export const ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

export function launch() {
  if (ENGINE === 'firefox') {
    return firefox.launch({ channel: 'moz-firefox', executablePath: FIREFOX, headless: true });
  }
  if (ENGINE !== 'chromium') throw new Error(`E2E_ENGINE=${ENGINE}: expected chromium or firefox`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** Every browser context a test opened and has not closed yet. */
const openContexts = new Set();

/** Closes whatever contexts a test left open (a test that failed before its
 * own `close`), so nothing of one test is alive when the next begins. */
export async function closeLeftovers() {
  const left = [...openContexts];
  openContexts.clear();
  await Promise.all(left.map((c) => c.close().catch(() => {})));
}

/** Opens a page in a new browser context (its own storage, cookies and
 * history: every test starts from nothing) that collects errors into
 * `page.errors` (console errors, uncaught exceptions, window `error`
 * events and unhandled rejections, from every frame); waits for the
 * calculator unless `wait` is false (for pages that only embed it). */
export async function open(browser, url, options = {}, { wait = true } = {}) {
  const context = await browser.newContext(options);
  openContexts.add(context);
  context.on('close', () => openContexts.delete(context));
  // A window `error` event (such as a ResizeObserver loop) or an unhandled
  // rejection, in the page or any of its frames, counts as an error too:
  // the console alone does not show them in every engine.
  await context.addInitScript(() => {
    addEventListener('error', (e) => console.error(`window error: ${e.message}`));
    addEventListener('unhandledrejection', (e) => console.error(`unhandled rejection: ${e.reason}`));
  });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.errors.push(`uncaught: ${e.message}`));
  if (url) {
    await page.goto(url);
    if (wait) await ready(page);
  }
  return page;
}

/** Waits until the calculator is built: the full page's footer (written at
 * build time, shown once its first app has built its parts), or an embed's
 * link and, in the compact calculator, its last chart. On the full page it
 * then brings in the lower half (its own wasm), as a reader scrolling down
 * does, and waits for its last part, unless `lower` is false. */
export async function ready(page, { lower = true } = {}) {
  await page.waitForSelector('html[data-page="full"] footer.footer, [data-testid="open-full"]', { timeout: 20000 });
  if (await page.locator('main.embed[data-view="all"]').count()) {
    await page.waitForSelector('[data-testid="chart-cash"]', { timeout: 20000 });
  } else if (lower && (await page.locator('#more').count())) {
    await lowerHalf(page);
  }
}

/** Brings in the full page's lower half (the charts and tables, a wasm of
 * their own) as scrolling to it would, and waits until it is built. */
export async function lowerHalf(page) {
  await page.evaluate(() => window.ccMore());
  await page.waitForSelector('#more [data-testid="compare"]', { timeout: 20000 });
}

/** Waits until every tornado shows the study of the scenario in view: the
 * one-at-a-time study follows the scenario once it has stayed put
 * (`state::SETTLE_AFTER`), and a tornado is `aria-busy` until then. */
export async function studied(page) {
  await settle(page);
  await page.waitForFunction(() => !document.querySelector('.tornado[aria-busy="true"]'), null, { timeout: 20000 });
  await settle(page);
}

/** Waits for Leptos to apply pending DOM updates (they are asynchronous). */
export async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}

/** Every figure's raw value and every schedule cell, read in the page
 * (runs there: any driver can send it). */
export function pageValues() {
  const outputs = {};
  for (const el of document.querySelectorAll('dd[data-testid]')) {
    outputs[el.dataset.testid] = el.getAttribute('data-value');
  }
  const rows = [...document.querySelectorAll('[data-testid="schedule"] tbody tr')].map((tr) => {
    const row = { year: Number(tr.dataset.year) };
    for (const td of tr.querySelectorAll('td[data-col]')) row[td.dataset.col] = td.getAttribute('data-value');
    return row;
  });
  return { outputs, rows };
}

/** Every figure's raw value and every schedule cell, read from the page. */
export function readPage(page) {
  return page.evaluate(pageValues);
}

/**
 * Registers before/after hooks that serve dist/ under /tools/deal/ and
 * launch the browser, and an afterEach hook that closes any context a test
 * left open; returns an object whose `server` and `browser` are set once
 * the hooks have run.
 */
export function useApp(hooks) {
  const app = {};
  hooks.afterEach(closeLeftovers);
  hooks.before(async () => {
    const { serve } = await import('./server.mjs');
    app.server = await serve({ root: 'dist', prefix: '/tools/deal/' });
    app.browser = await launch();
  });
  hooks.after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/**
 * Registers hooks for a blog post on a second origin that embeds the
 * calculator: dist/ is served under /tools/deal/ (with `headers`), the post
 * (`await post(appUrl)` gives the files, name → text) from a temporary
 * folder, and any context a test leaves open is closed after it. With
 * `deployed`, the app is a copy of dist/ given its address as SITE_URL
 * (by the post-build step, as `make dist SITE_URL=…` does), so its pages
 * carry absolute oEmbed discovery links. Returns an object whose `app`,
 * `blog` and `browser` are set once the hooks have run.
 */
export function useBlog(hooks, post, { headers = {}, deployed = false } = {}) {
  const world = {};
  hooks.before(async () => {
    const { serve } = await import('./server.mjs');
    const { cp, mkdtemp, writeFile } = await import('node:fs/promises');
    world.dirs = [];
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    let root = 'dist';
    if (deployed) {
      root = await mkdtemp(join(tmpdir(), 'site-'));
      world.dirs.push(root);
      await cp('dist', root, { recursive: true });
    }
    world.app = await serve({ root, prefix: '/tools/deal/', headers });
    if (deployed) {
      const { execFileSync } = await import('node:child_process');
      execFileSync('cargo', ['run', '--quiet', '--bin', 'postbuild', '--', root, world.app.url], { stdio: 'pipe' });
    }
    const dir = await mkdtemp(join(tmpdir(), 'blog-'));
    world.dirs.push(dir);
    for (const [name, text] of Object.entries(await post(world.app.url))) await writeFile(join(dir, name), text);
    world.blog = await serve({ root: dir, prefix: '/' });
    world.browser = await launch();
  });
  hooks.afterEach(closeLeftovers);
  hooks.after(async () => {
    await world.browser?.close();
    await world.app?.close();
    await world.blog?.close();
    // The site's copy and the blog's files go with the suite.
    const { rm } = await import('node:fs/promises');
    await Promise.all((world.dirs ?? []).map((d) => rm(d, { recursive: true, force: true })));
  });
  return world;
}

/** Waits (up to 10 s) until the iframe `#id` is within `tolerance` px of its
 * content's height (and taller than 200 px), then returns the iframe's
 * height, its content's height, its viewport's height and its frame. The
 * iframe is cross-origin, so its document is measured from inside. */
export async function fitted(page, id, tolerance = 2) {
  const handle = await page.locator(`#${id}`).elementHandle();
  const frame = await handle.contentFrame();
  await frame.waitForSelector('[data-testid="open-full"]', { timeout: 20000 });
  let size;
  for (let i = 0; i < 100; i++) {
    const outer = await handle.evaluate((el) => el.getBoundingClientRect().height);
    // The content's own height: the document's scroll height is never
    // less than the iframe's, so it cannot tell a box too tall.
    const inner = await frame.evaluate(() => ({
      content: Math.ceil(document.documentElement.getBoundingClientRect().height),
      client: document.documentElement.clientHeight,
    }));
    size = { outer, inner: inner.content, client: inner.client, frame };
    if (outer > 200 && Math.abs(outer - inner.content) <= tolerance) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return size;
}

/** Polls `read()` (up to 2.5 s) until it gives something other than
 * `before`, and returns what it gives last: Leptos updates the DOM
 * asynchronously, and a frame's DOM cannot be watched from outside. */
export async function changed(read, before) {
  let now = await read();
  for (let i = 0; i < 50 && now === before; i++) {
    await new Promise((r) => setTimeout(r, 50));
    now = await read();
  }
  return now;
}
