// circular-compute: the optional oEmbed function (issue #36). The static
// site is complete without it: every address of the page names one oEmbed
// document, so a pasted scenario link embeds the announced calculator with
// a note saying so. Where the host runs one small function, this one makes
// a pasted scenario link embed that scenario:
//   - the page, asked with a query, names `oembed?url=<that address>` as
//     its oEmbed document instead of the static `oembed.json`;
//   - `oembed?url=…` answers with the compact calculator's own document
//     (`embed/calculator/oembed.json`, as the build wrote it), its iframe
//     showing the linked scenario;
//   - everything else is the static site, as built.
// It needs a build with SITE_URL (absolute discovery links). It reads
// only the build's own files, and writes the pasted address only escaped.
//
// Cloudflare Pages: copy it to the output folder's `_worker.js`. Anywhere
// else with the Fetch API (Netlify Edge Functions, Deno, Node 18+): call
// `handle(request, (path) => <the static file at path, as a Response>)`.

/** The query keys that say how to embed, not which scenario. */
const PRESENTATION = ['embed', 'view', 'controls', 'theme', 'pasted'];
/** Longer addresses are refused (a share link is far shorter). */
const MAX_URL = 4096;

/** `text` safe inside a double-quoted HTML attribute or element text. */
const attr = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const json = (body, status = 200) => new Response(JSON.stringify(body, null, 2), {
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=3600' },
});
const problem = (status, error) => json({ error }, status);

/** The site's folder (`/tools/deal/`) for a request to `oembed` in it, or
 * to the page itself (a path ending in `/`). */
const folderOf = (path) => (path.endsWith('/oembed') ? path.slice(0, -'oembed'.length) : path);

/** The scenario part of a page address's query: every key but those that
 * say how to embed; empty where only the version is left. */
export function scenarioQuery(search) {
  const params = new URLSearchParams(search);
  for (const key of PRESENTATION) params.delete(key);
  const keys = [...params.keys()];
  return keys.every((k) => k === 'v') ? '' : params.toString();
}

/** The oEmbed document for `pasted`, an address of the page at `site`
 * (absolute, ending in `/`), from the compact calculator's static document
 * `base` (parsed): its iframe shows the pasted scenario. */
export function documentFor(base, site, pasted) {
  const query = scenarioQuery(pasted.search);
  if (!query) return base;
  const title = `The calculator (compact), the linked scenario — ${base.provider_name}`;
  const src = `${site}?${query}&embed=1`;
  const html = base.html
    .replace(/<iframe src="[^"]*"/, `<iframe src="${attr(src)}"`)
    .replace(/<blockquote><a href="[^"]*">[^<]*<\/a>/, `<blockquote><a href="${attr(pasted.href)}">${attr(title)}</a>`)
    .replace(/ title="[^"]*"/, ` title="${attr(title)}"`);
  return { ...base, title, html };
}

/** Answers `request`; `asset(path)` gives the static file at an absolute
 * path of the site's origin as a Response. */
export async function handle(request, asset) {
  const url = new URL(request.url);
  if (url.pathname.endsWith('/oembed')) {
    const site = `${url.origin}${folderOf(url.pathname)}`;
    const asked = url.searchParams.get('url');
    if (!asked) return problem(400, 'Give the address to embed as ?url=.');
    if ((url.searchParams.get('format') ?? 'json') !== 'json') return problem(501, 'Only format=json is served.');
    if (asked.length > MAX_URL) return problem(400, 'The address is too long.');
    let pasted;
    try {
      pasted = new URL(asked);
    } catch {
      return problem(400, 'The address is not a URL.');
    }
    // Only the page itself: entry pages name their own static documents.
    if (`${pasted.origin}${pasted.pathname}` !== site && `${pasted.origin}${pasted.pathname}` !== `${site}index.html`) {
      return problem(404, 'No embed for this address: it is not the calculator on this site.');
    }
    const stored = await asset(`${folderOf(url.pathname)}embed/calculator/oembed.json`);
    if (!stored.ok) return problem(404, 'This build has no compact calculator document.');
    return json(documentFor(await stored.json(), site, pasted));
  }
  const response = await asset(url.pathname + url.search);
  const isPage = url.pathname.endsWith('/') && scenarioQuery(url.search) !== '';
  if (!isPage || !(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  const html = await response.text();
  const site = `${url.origin}${url.pathname}`;
  const own = `${site}oembed?url=${encodeURIComponent(url.href)}`;
  const linked = html.replace(
    /(<link rel="alternate" type="application\/json\+oembed" href=")[^"]*oembed\.json(")/,
    (_, head, tail) => `${head}${attr(own)}${tail}`,
  );
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(linked, { status: response.status, headers });
}

// Cloudflare Pages' advanced mode: `env.ASSETS` serves the static files.
export default {
  fetch(request, env) {
    return handle(request, (path) => env.ASSETS.fetch(new URL(path, request.url)));
  },
};
