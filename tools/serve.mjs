// serve.mjs — a small static server for dist/ (the demo) and, for the browser tests, tests/browser/pages/.
//   node tools/serve.mjs [--port 8000] [--root dist] [--quiet]
// Serves .wasm as application/wasm (streaming compilation), adds a strict CSP header on csp*.html pages, and
// answers only on 127.0.0.1.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
};
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

// roots: [{prefix: '/', dir}] — the first root whose prefix matches and holds the file answers.
export function createServer(roots, { log = false } = {}) {
  return http.createServer((req, res) => {
    let urlPath;
    try { urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
    if (urlPath.endsWith('/')) urlPath += 'index.html';
    for (const { prefix, dir } of roots) {
      if (!urlPath.startsWith(prefix)) continue;
      const file = path.resolve(dir, '.' + urlPath.slice(prefix.length - 1));
      if (!file.startsWith(path.resolve(dir) + path.sep)) continue;  // no escaping the root
      let stat;
      try { stat = fs.statSync(file); } catch { continue; }
      if (!stat.isFile()) continue;
      const headers = { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' };
      if (/\/csp[^/]*\.html$/.test(urlPath)) headers['Content-Security-Policy'] = STRICT_CSP;
      if (req.url.includes('slow=1')) { setTimeout(() => { res.writeHead(200, headers); fs.createReadStream(file).pipe(res); }, 60000).unref(); return; }  // unref: never keeps a finished test process alive
      res.writeHead(200, headers);
      if (req.method === 'HEAD') { res.end(); return; }
      fs.createReadStream(file).pipe(res);
      if (log) console.log(`${req.method} ${urlPath} 200`);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    if (log) console.log(`${req.method} ${urlPath} 404`);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
  const port = Number(opt('--port', process.env.PORT || 8000));
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.resolve(opt('--root', path.join(here, '..', 'dist')));
  const server = createServer([{ prefix: '/', dir: root }], { log: !args.includes('--quiet') });
  server.listen(port, '127.0.0.1', () => {
    console.log(`Serving ${root}`);
    console.log(`Demo: http://127.0.0.1:${port}/   (Ctrl-C stops)`);
  });
}
