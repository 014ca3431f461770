// Transfer sizes of a dist/ folder: raw, gzip -9 and brotli (quality 11) per
// file, and what each view downloads: the page's shell (index.html and what
// it names) with the app the loader starts for it.
// node scripts/size-report.mjs [dist] [--json]
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The wasm apps of a build (src/csp.rs's loader starts one by the
 * address): the full page's first app, the embeds' (the compact one and
 * the charts; the table, comparisons and tornados; the loop; How sure?),
 * and the full page's lower half, fetched as the reader comes near it. */
export const APPS = { page: 'circular-compute', embed: 'embed', detail: 'detail', flow: 'flow', risk: 'risk', more: 'more' };

/** Sizes of every file, what each view downloads (`views`: the full page's
 * first visit, an embed's, and the lower half the page fetches later), and
 * the full page's first visit as `total`. A build without the apps (the
 * bare counter) has one view: everything index.html references. */
export async function sizes(dir = 'dist') {
  // Files at the top (the entry pages in embed/ are for bloggers, not readers).
  const files = (await readdir(dir, { withFileTypes: true }))
    .filter((f) => f.isFile() && !f.name.startsWith('.'))
    .map((f) => f.name)
    .sort();
  // What every view fetches: every ./file the page names, except alternates (oEmbed).
  const html = (await readFile(join(dir, 'index.html'), 'utf8')).replace(/<link rel="alternate"[^>]*>/g, '');
  const fetched = new Set([...html.matchAll(/\.\/([\w.-]+)/g)].map((m) => m[1]));
  const appOf = (name) => Object.entries(APPS).find(([, bin]) => new RegExp(`^${bin}-[0-9a-f]+(_bg\\.wasm|\\.js)$`).test(name))?.[0];
  const rows = [];
  for (const name of files) {
    const body = await readFile(join(dir, name));
    const app = appOf(name);
    rows.push({
      name,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      app,
      shell: !app && (name === 'index.html' || fetched.has(name)),
    });
  }
  const sum = (pick) => {
    const picked = rows.filter(pick);
    return {
      raw: picked.reduce((a, r) => a + r.raw, 0),
      gzip: picked.reduce((a, r) => a + r.gzip, 0),
      brotli: picked.reduce((a, r) => a + r.brotli, 0),
      files: picked.map((r) => r.name),
    };
  };
  const split = rows.some((r) => r.app === 'embed');
  const views = split
    ? {
        page: sum((r) => r.shell || r.app === 'page'),
        embed: sum((r) => r.shell || r.app === 'embed'),
        detail: sum((r) => r.shell || r.app === 'detail'),
        flow: sum((r) => r.shell || r.app === 'flow'),
        risk: sum((r) => r.shell || r.app === 'risk'),
        more: sum((r) => r.app === 'more'),
      }
    : { page: sum((r) => r.shell || r.app === 'page' || fetched.has(r.name)) };
  for (const r of rows) r.firstVisit = views.page.files.includes(r.name);
  return { rows, views, total: views.page };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dist';
  const report = await sizes(dir);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log('| file | bytes | gzip -9 | brotli 11 | first visit |');
    console.log('|------|------:|--------:|----------:|:-----------:|');
    for (const r of report.rows) {
      const name = r.name.replace(/-[0-9a-f]{12,16}(?=[._])/, '-*');
      console.log(`| \`${name}\` | ${r.raw.toLocaleString('en-US')} | ${r.gzip.toLocaleString('en-US')} | ${r.brotli.toLocaleString('en-US')} | ${r.firstVisit ? 'yes' : ''} |`);
    }
    const label = { page: 'full page, first visit', embed: 'the compact or a chart embed, first visit', detail: 'the table, compare or tornado embed, first visit', flow: 'the loop-of-money embed, first visit', risk: 'the How sure? embed, first visit', more: 'full page, lower half (on demand)' };
    for (const [view, t] of Object.entries(report.views)) {
      console.log(`| **${label[view]}** | **${t.raw.toLocaleString('en-US')}** | **${t.gzip.toLocaleString('en-US')}** | **${t.brotli.toLocaleString('en-US')}** | |`);
    }
  }
}
