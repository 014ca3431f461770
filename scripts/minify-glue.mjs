// Minifies wasm-bindgen's JS glue of each app in a release dist/ (trunk's
// minifier cannot parse it) with terser, and rewrites the integrity hash of
// any modulepreload link of it in index.html to match. `make dist` runs it after the
// post-build step; running it twice changes nothing.
//   node scripts/minify-glue.mjs [dist]
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';
import { APPS } from './size-report.mjs';

const dir = process.argv[2] ?? 'dist';
// Every app's glue: the full page's, the embeds' and the lower half's.
const bins = Object.values(APPS);
const glues = (await readdir(dir)).filter((f) => new RegExp(`^(${bins.join('|')})-[0-9a-f]+\\.js$`).test(f));
for (const app of bins) {
  if (!glues.some((g) => g.startsWith(`${app}-`))) {
    console.error(`minify-glue: no ${app}-*.js in ${dir}`);
    process.exit(1);
  }
}
const html = join(dir, 'index.html');
let index = await readFile(html, 'utf8');
for (const glue of glues) {
  const path = join(dir, glue);
  const source = withoutDeadClasses(await readFile(path, 'utf8'), await readFile(join(dir, glue.replace(/\.js$/, '_bg.wasm'))));
  const { code } = await minify(source, { module: true, compress: true, mangle: true });
  const served = code.length < source.length ? code : source;
  if (served !== source) await writeFile(path, served);
  // A preload's integrity (if index.html has one for it) must be the hash
  // of what is served. The post-build step's loader preloads without one.
  const name = glue.replace(/\./g, '\\.');
  const tag = index.match(new RegExp(`<link[^>]*\\./${name}[^>]*integrity[^>]*>`))?.[0];
  if (tag) {
    const digest = `sha384-${createHash('sha384').update(served).digest('base64')}`;
    index = index.replace(tag, tag.replace(/integrity="?[^" >]+"?/, `integrity="${digest}"`));
  }
  console.log(`minify-glue: ${glue} ${source.length} → ${served.length} bytes${tag ? '; integrity updated' : ''}`);
}
await writeFile(html, index);

/** `glue` without each exported class whose wasm half is gone: a class
 * that calls `wasm.X` for no `X` the module still exports (index.html has
 * wasm-opt drop wasm-streams' stream adapters, which nothing here uses),
 * with its finalization registry. Anything else is left as it is. */
function withoutDeadClasses(glue, wasm) {
  const exported = new Set(WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name));
  const classes = /^export class (\w+) \{\n[\s\S]*?^\}\n(?:if \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n)?/gm;
  let out = glue;
  for (const [text, name] of glue.matchAll(classes)) {
    const calls = [...text.matchAll(/\bwasm\.(\w+)/g)].map((m) => m[1]);
    if (!calls.length || calls.some((c) => exported.has(c))) continue;
    const registry = new RegExp(`^const ${name}Finalization = [^;]*;\\n`, 'm');
    out = out.replace(text, '').replace(registry, '');
    console.log(`minify-glue: dropped class ${name}: the wasm exports none of its ${calls.length} calls`);
  }
  return out;
}

