// Transfer size, which is deterministic for a given toolchain: a ratchet per
// view that fails if what it downloads grows; lower each whenever its view
// gets smaller (BENCHMARKS.md says where the bytes go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APPS, sizes } from '../../scripts/size-report.mjs';

/** Gzipped bytes each view may download, by the artefacts it loads: a
 * ratchet that only goes down. Until session 13 every view downloaded one
 * wasm with everything, 287.7 KB (its history: git log of this file).
 * Session 14 (issue #32) split it into three apps, each its own wasm that
 * the loader starts by the address (src/csp.rs): the full page's first
 * visit is the shell (index.html, the stylesheet, the icon, the loader)
 * and the page's first app (answer, inputs, pickers, saved scenarios,
 * Embed dialog); its lower half (charts, tornados, schedule, downloads,
 * compare table) is fetched only as the reader comes near it; an embed
 * is the shell and the embed app (every view; none of the page's own
 * parts). Measured at the session's end: 222,801, 254,939 and 205,953 B.
 * Session 15 (issues #33, #34) added Follow the money to the lower half
 * and the embeds, break-even marks on every slider (the page's first app)
 * and goal seek (the lower half); it took the single views' takeaways out
 * of the page's first app and Sources and method out of index.html (a
 * page of its own, fetched as the reader comes near it): 225,955,
 * 275,239 and 244,664 B. Session 16 (issue #35) moved the Embed dialog
 * and the saved scenarios' list out of the page's first app into the lower
 * half (each loads when the reader opens it), the loop of money out of
 * every embed into one of its own (`flow`, for view=flow) and added
 * "How sure?" to the lower half, its study in a worker of its own (not in
 * any view's first visit): 206,379, 265,058, 276,896 (the flow embed) and
 * 287,399 B. Session 17 (issue #35) added the `hold` key to the first
 * app (the rows' toggles are the lower half's) and the How sure? embed
 * (`risk`, for view=risk: the study on the embed's own thread, as a
 * sandboxed frame may start no worker), the study's numbers in the
 * exports and `circularCompute.sure` (the lower half), and for issue #36
 * the theme colours and touch icon in the page's head, iframely's resize
 * message in every embed and the note of an embed from a pasted page
 * address: 208,361, 266,899, 278,613, 305,600 (the How sure? embed, which
 * tells its host page the numbers) and 297,949 B. Session 18: the
 * break-evens follow every step (a microtask, not a timer) and a row
 * writes its marks only when they move (the page's wasm is 22 B smaller); the embeds' CSS
 * for fitting a blog's column costs every view about 130 B (it is in the
 * one stylesheet): 208,511, 266,447, 278,109, 304,919 and 296,838 B.
 * Session 19 (issue #34): `circularCompute.seek` answers a promise and,
 * on the full page, from the lower half (its words were 1.5 KB of the
 * first app), and `compute` no longer writes every break-even (`seek`
 * answers them): 206,311, 266,217, 277,979, 304,974 and 298,183 B (the
 * lower half, on demand, carries the solver's words now). Then (issue
 * #32) the table, compare and tornado embeds moved into an app of their
 * own (`detail`), the loop's and How sure?'s embeds carry only their own
 * view, and no embed carries the JS API (a host page on another origin
 * cannot reach it) or the charts' downloads (a sandboxed frame refuses
 * them; they stay in the full calculator): 206,465 (the head's script
 * names one more app), 227,743 (the compact and chart embeds), 236,059
 * (detail), 202,480 (flow), 226,562 (risk) and 298,572 B. Then a scenario
 * given to the JS API or in a host's message is read by hand
 * (`web::plain`), and an embed's messages written by hand: serde-wasm-
 * bindgen's deserializer is out of every first visit and its serializer
 * out of every embed but How sure?'s: 202,803, 221,915, 229,407, 196,394,
 * 222,212 and 299,110 B (the lower half has both ways, for saved
 * scenarios). Then the API's `compute` answer is written by hand from
 * `export::Plain`, the one shape serde writes as JSON: the first visit has
 * no serde-wasm-bindgen at all: 201,701 B (and 299,223 B for the lower half).
 * Each ratchet is set about
 * 100 B above, as a build in another checkout can differ by a few bytes.
 * Lower each whenever its view gets smaller. */
const RATCHETS = {
  page: { bytes: 201_800, artefacts: ['index.html', 'main-*.css', 'favicon-*.svg', 'loader-*.js', 'circular-compute-*.js', 'circular-compute-*_bg.wasm'] },
  embed: { bytes: 222_020, artefacts: ['index.html', 'main-*.css', 'favicon-*.svg', 'loader-*.js', 'embed-*.js', 'embed-*_bg.wasm'] },
  detail: { bytes: 229_510, artefacts: ['index.html', 'main-*.css', 'favicon-*.svg', 'loader-*.js', 'detail-*.js', 'detail-*_bg.wasm'] },
  flow: { bytes: 196_500, artefacts: ['index.html', 'main-*.css', 'favicon-*.svg', 'loader-*.js', 'flow-*.js', 'flow-*_bg.wasm'] },
  risk: { bytes: 222_320, artefacts: ['index.html', 'main-*.css', 'favicon-*.svg', 'loader-*.js', 'risk-*.js', 'risk-*_bg.wasm'] },
  more: { bytes: 299_330, artefacts: ['more-*.js', 'more-*_bg.wasm'] },
};
/** Issue #32's targets: the full page's first visit, a single-view embed,
 * and the compact embed in between (the chart embeds share its app). */
const TARGETS = { page: 250_000, embed: 170_000, compact: 250_000 };

test('no view downloads more than its ratchet, and each loads the artefacts named', async () => {
  const { views } = await sizes('dist');
  const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
  for (const [view, { bytes, artefacts }] of Object.entries(RATCHETS)) {
    const got = views[view];
    const target = TARGETS[view] ? `; target ${kb(TARGETS[view])}` : '';
    console.log(`${view}: ${kb(got.gzip)} gzip; ratchet ${kb(bytes)}${target}`);
    assert.deepEqual(got.files.map((f) => f.replace(/-[0-9a-f]{12,16}(?=[._])/, '-*')).sort(), [...artefacts].sort(), view);
    assert.ok(got.gzip <= bytes, `${view} is ${kb(got.gzip)} gzipped, above its ${kb(bytes)} ratchet`);
  }
  assert.ok(views.page.gzip <= TARGETS.page, 'the full page meets its target');
  assert.ok(views.embed.gzip <= TARGETS.compact, 'the compact embed is under the full page\'s target');
});

for (const app of Object.values(APPS)) test(`the ${app} wasm exports no stream adapters, and its glue has no class for them`, async () => {
  const files = await readdir('dist');
  const wasm = files.find((f) => new RegExp(`^${app}-[0-9a-f]+_bg\\.wasm$`).test(f));
  const glue = files.find((f) => new RegExp(`^${app}-[0-9a-f]+\\.js$`).test(f));
  const exported = WebAssembly.Module.exports(new WebAssembly.Module(await readFile(join('dist', wasm)))).map((e) => e.name);
  assert.ok(exported.length > 10, 'the bindings are exported');
  assert.deepEqual(exported.filter((name) => /intounderlying/.test(name)), [], 'wasm-opt dropped them (index.html)');
  const code = await readFile(join('dist', glue), 'utf8');
  assert.ok(!code.includes('IntoUnderlying'), 'minify-glue dropped their classes');
  assert.ok(/export\{\w+ as initSync,\w+ as default\}/.test(code), 'the glue still exports its loader');
});
