import { serve } from './tests/e2e/server.mjs';
import { launch, open } from './tests/e2e/browser.mjs';
const b = await serve({ root: process.argv[2] || 'dist', prefix: '/b/' });
const browser = await launch();
const width = Number(process.argv[3] || 412);
const q = process.argv[4] || '';
for (let round = 0; round < 3; round++) {
  const page = await open(browser, null, { viewport: { width, height: 800 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__t = []; window.__seen = [];
    const probe = ['.controls .input-group, .controls fieldset', '[data-testid="lead"]', '#figures', '.chart', '.tornado', '[data-testid="schedule"]', '.downloads', '.compare', 'html[data-page="full"]'];
    let last = '';
    const tick = () => {
      const now = probe.map((s) => document.querySelectorAll(s).length).join(',');
      if (now !== last) { window.__seen.push([Math.round(performance.now()), now]); last = now; }
      setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__t.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(b.url + q);
  await page.waitForSelector('html[data-page="full"] footer.footer, main button');
  await page.waitForTimeout(1500);
  const r = await page.evaluate(() => ({ t: window.__t, seen: window.__seen }));
  console.log('long tasks [start, ms]:', JSON.stringify(r.t));
  console.log('sections (inputs,lead,figures,charts,tornado,schedule,downloads,compare,full) over time:', JSON.stringify(r.seen));
  await page.context().close();
}
await browser.close(); process.exit(0);
