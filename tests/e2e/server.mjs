// A minimal static file server for tests and benchmarks: serves `root` under
// `prefix` (such as /tools/deal/) on 127.0.0.1, with correct MIME types.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** Gzipped bodies by their content, so each is compressed once. */
const gzipped = new Map();
function compressed(body) {
  const key = createHash('sha256').update(body).digest('base64');
  if (!gzipped.has(key)) gzipped.set(key, gzipSync(body));
  return gzipped.get(key);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Starts a server; resolves to { url, close, requests }. `headers` are
 * added to every response; `requests` lists every path asked for, in order.
 * `files` (name → text) are served under the prefix beside `root`'s, and
 * `inject` is written before `</head>` in every HTML file (for a test's
 * probe in engines where a test cannot add a script before the page's). */
export function serve({ root, prefix = '/', port = 0, headers = {}, files = {}, inject = '' }) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not under prefix');
      return;
    }
    let file = normalize(join(base, path.slice(prefix.length)));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const name = path.slice(prefix.length);
      if (Object.hasOwn(files, name)) file = name;
      else if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = Object.hasOwn(files, name) ? Buffer.from(files[name]) : await readFile(file);
      if (inject && extname(file) === '.html') body = Buffer.from(body.toString().replace('</head>', `${inject}</head>`));
      // Compress as static hosts do, so measurements match a real
      // deployment: once per file's content, as a host that precompresses
      // or a CDN that caches (compressing the wasm on every request took
      // about 20 ms of this server's one thread, holding up every other
      // response of the page behind it).
      const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && extname(file) !== '.png';
      if (gzip) body = compressed(body);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => {
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address();
      ok({ url: `http://127.0.0.1:${port}${prefix}`, requests, close: () => new Promise((d) => server.close(d)) });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'dist', prefix = '/', port = '8000'] = process.argv.slice(2);
  const { url } = await serve({ root, prefix, port: Number(port) });
  console.log(`serving ${root} at ${url}`);
}
