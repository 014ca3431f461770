// Minifies wasm-bindgen's JS glue in a release dist/ (trunk's minifier
// cannot parse it) with terser, and rewrites the integrity hash of its
// modulepreload link in index.html to match. `make dist` runs it after the
// post-build step; running it twice changes nothing.
//   node scripts/minify-glue.mjs [dist]
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.argv[2] ?? 'dist';
const glue = (await readdir(dir)).find((f) => /^circular-compute-[0-9a-f]+\.js$/.test(f));
if (!glue) {
  console.error(`minify-glue: no circular-compute-*.js in ${dir}`);
  process.exit(1);
}
const path = join(dir, glue);
const source = withoutDeadClasses(await readFile(path, 'utf8'), await readFile(join(dir, glue.replace(/\.js$/, '_bg.wasm'))));
const { code } = await minify(source, { module: true, compress: true, mangle: true });
if (code.length < source.length) await writeFile(path, code);

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

// The preload's integrity must be the hash of what is served.
const served = code.length < source.length ? code : source;
const index = join(dir, 'index.html');
const html = await readFile(index, 'utf8');
const name = glue.replace(/\./g, '\\.');
const tag = html.match(new RegExp(`<link[^>]*\\./${name}[^>]*>`))?.[0];
if (!tag) {
  console.error(`minify-glue: index.html has no link to ${glue}`);
  process.exit(1);
}
const digest = `sha384-${createHash('sha384').update(served).digest('base64')}`;
await writeFile(index, html.replace(tag, tag.replace(/integrity="?[^" >]+"?/, `integrity="${digest}"`)));
console.log(`minify-glue: ${glue} ${source.length} → ${served.length} bytes; integrity updated`);
