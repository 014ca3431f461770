// Screenshots of the built page at phone and desktop widths, light and dark:
// node scripts/screenshot.mjs [dist] [out-dir] [query]
import { serve } from '../tests/e2e/server.mjs';
import { launch, open, ready } from '../tests/e2e/browser.mjs';

const [root = 'dist', out = 'target/screenshots', query = ''] = process.argv.slice(2);
const { mkdir } = await import('node:fs/promises');
await mkdir(out, { recursive: true });
const server = await serve({ root, prefix: '/shots/' });
const browser = await launch();
for (const [name, width] of [['phone', 375], ['desktop', 1280]]) {
  for (const scheme of ['light', 'dark']) {
    const page = await open(browser, null, { viewport: { width, height: 900 }, colorScheme: scheme });
    await page.goto(server.url + query);
    await page.waitForSelector('[data-testid="spend-per-year"][data-value]');
    // The first screen as a reader sees it, then the whole page with its
    // lower half brought in (as scrolling to it would) and settled.
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}-${scheme}-first-screen.png` });
    await ready(page);
    await page.waitForTimeout(500);
    const file = `${out}/${name}-${scheme}.png`;
    await page.screenshot({ path: file, fullPage: true });
    // Phone pages are long: also save readable slices of them.
    if (width < 600) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, i = 0; y < height && i < 10; y += 1400, i++) {
        const clip = { x: 0, y, width, height: Math.min(1400, height - y) };
        await page.screenshot({ path: `${out}/${name}-${scheme}-${i}.png`, clip, fullPage: true });
      }
    }
    console.log(file, page.errors.length ? page.errors : 'no errors');
    await page.context().close();
  }
}
await browser.close();
await server.close();
