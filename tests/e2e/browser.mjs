// Shared browser set-up: Debian's Chromium through playwright-core, never a
// downloaded browser. Every page records console errors and uncaught exceptions.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

export function launch() {
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
 * `page.errors`; waits for the calculator unless `wait` is false (for pages
 * that only embed it). */
export async function open(browser, url, options = {}, { wait = true } = {}) {
  const context = await browser.newContext(options);
  openContexts.add(context);
  context.on('close', () => openContexts.delete(context));
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

/** Waits until the calculator is built: the full page's footer (its last
 * part, built after the figures and the sections below them), or an
 * embed's link and, in the compact calculator, its last chart. */
export async function ready(page) {
  await page.waitForSelector('footer.footer, [data-testid="open-full"]', { timeout: 20000 });
  if (await page.locator('main.embed[data-view="all"]').count()) {
    await page.waitForSelector('[data-testid="chart-cash"]', { timeout: 20000 });
  }
}

/** Waits for Leptos to apply pending DOM updates (they are asynchronous). */
export async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}

/** Every figure's raw value and every schedule cell, read from the page. */
export function readPage(page) {
  return page.evaluate(() => {
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
  });
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
