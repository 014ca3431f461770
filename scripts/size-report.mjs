// Transfer sizes of a dist/ folder: raw, gzip -9 and brotli (quality 11) per
// file, and what a first visit downloads (everything index.html loads).
// node scripts/size-report.mjs [dist] [--json]
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Sizes of every file, and the first-visit total (files index.html references). */
export async function sizes(dir = 'dist') {
  // Files at the top (the entry pages in embed/ are for bloggers, not readers).
  const files = (await readdir(dir, { withFileTypes: true }))
    .filter((f) => f.isFile() && !f.name.startsWith('.'))
    .map((f) => f.name)
    .sort();
  // What a browser fetches: every ./file the page names, except alternates (oEmbed).
  const html = (await readFile(join(dir, 'index.html'), 'utf8')).replace(/<link rel="alternate"[^>]*>/g, '');
  const fetched = new Set([...html.matchAll(/\.\/([\w.-]+)/g)].map((m) => m[1]));
  const rows = [];
  for (const name of files) {
    const body = await readFile(join(dir, name));
    rows.push({
      name,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      firstVisit: name === 'index.html' || fetched.has(name),
    });
  }
  const sum = (key) => rows.filter((r) => r.firstVisit).reduce((a, r) => a + r[key], 0);
  return { rows, total: { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') } };
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
    const t = report.total;
    console.log(`| **first visit, total** | **${t.raw.toLocaleString('en-US')}** | **${t.gzip.toLocaleString('en-US')}** | **${t.brotli.toLocaleString('en-US')}** | |`);
  }
}
