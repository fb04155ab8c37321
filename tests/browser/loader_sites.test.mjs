// The loader on real sites: the wasm URL (?ver=, data-wasm, config), wasm failures named in every widget, a CMS
// that stripped the inline JSON script, the auto theme from the page's background, data-background, and the
// <stemcell-widget> element. Pages are generated here and served with the real bundle from dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { launch, watchErrors, waitReady, canvasPixels, artifact, ROOT } from './lib.mjs';

const DIST = path.join(ROOT, 'dist');
const JS = () => fs.readFileSync(path.join(DIST, 'stemcell-widgets.js'));
const WASM = () => fs.readFileSync(path.join(DIST, 'stemcell-widgets.wasm'));
const LEAN = () => fs.readFileSync(path.join(DIST, 'stemcell-widgets.lean.wasm'));
const EXTRAS = () => fs.readFileSync(path.join(DIST, 'stemcell-widgets.extras.js'));

const page = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>test</title>${head}</head><body>${body}</body></html>`;
const PAGES = {
  '/p/ver.html': page(`<div id="w" data-stemcell-widget="risk-chart"></div><script src="/stemcell-widgets.js?ver=42"></script>`),
  '/p/missing.html': page(`<div id="a" data-stemcell-widget="risk-chart"></div><div id="b" data-stemcell-widget="cell-diagram"></div>
    <script src="/nowasm/stemcell-widgets.js"></script>`),
  '/p/plain.html': page(`<div id="w" data-stemcell-widget="risk-chart"></div><script src="/plain/stemcell-widgets.js"></script>`),
  '/p/combined.html': page(`<div id="w" data-stemcell-widget="risk-chart"></div><script src="/cache/min/all-3f9a.js"></script>`),
  '/p/combined-wasm.html': page(`<div id="w" data-stemcell-widget="risk-chart"></div>
    <script src="/cache/min/all-3f9a.js" data-wasm="/stemcell-widgets.wasm?ver=7"></script>`),
  '/p/cors.html': page(`<div id="w" data-stemcell-widget="risk-chart"></div>
    <script src="/stemcell-widgets.js" data-wasm="http://localhost:PORT/stemcell-widgets.wasm"></script>`),
  '/p/html-wasm.html': page(`<div id="w" data-stemcell-widget="risk-chart"></div>
    <script src="/stemcell-widgets.js" data-wasm="/missing/rewritten-to-a-page.wasm"></script>`),
  '/p/config.html': page(`<div id="w" data-stemcell-widget="risk-chart"></div><script src="/cache/min/all-3f9a.js"></script>
    <script src="/p/config.js"></script>`),
  // What WordPress leaves of an inline script after kses (text kept, tags gone) and wpautop (paragraphs).
  '/p/stray.html': page(`<div id="p" data-stemcell-widget="risk-chart"><p>{ “version”: 1,<br>“title”: “Riesgos &amp; beneficios” }</p></div>
    <div id="t" data-stemcell-widget="cell-diagram">{"version": 1, "cellTypes": []}</div>
    <script src="/stemcell-widgets.js"></script>`),
  '/p/white.html': page(`<div id="w" data-stemcell-widget="risk-chart" style="width: 800px"></div><script src="/stemcell-widgets.js"></script>`,
    '<style>body { background: #ffffff; }</style>'),
  '/p/dark.html': page(`<div id="w" data-stemcell-widget="risk-chart" style="width: 800px"></div><script src="/stemcell-widgets.js"></script>`,
    '<style>body { background: #101418; color: #eee; }</style>'),
  '/p/follows-os.html': page(`<div id="w" data-stemcell-widget="risk-chart" style="width: 800px"></div><script src="/stemcell-widgets.js"></script>`,
    '<meta name="color-scheme" content="light dark">'),
  '/p/green.html': page(`<div id="t" data-stemcell-widget="risk-chart" data-background="transparent" style="width: 800px"></div>
    <div id="c" data-stemcell-widget="risk-chart" data-background="#f4f1ea" style="width: 800px"></div>
    <script src="/stemcell-widgets.js"></script>`, '<style>body { background: #d1e4dd; }</style>'),
  // Which module (issue 11): an explainer in the page gets the full module only; a page without one the lean module,
  // and an explainer mounted later starts the full module beside it; a site with only the older two files works.
  '/p/with-explainer.html': page(`<div id="r" data-stemcell-widget="risk-chart"></div><div id="e" data-stemcell-widget="explainer"></div>
    <script src="/stemcell-widgets.js"></script>`),
  '/p/late.html': page(`<div id="r" data-stemcell-widget="risk-chart" style="width: 800px"></div><div id="slot" style="width: 800px"></div>
    <script src="/stemcell-widgets.js"></script>`),
  '/p/old-files.html': page(`<div id="w" data-stemcell-widget="risk-chart"></div><script src="/old/stemcell-widgets.js"></script>`),
  '/p/element.html': page(`<stemcell-widget id="w" widget="risk-chart" src="/data/stemcell-explainer.es.json" lang="es" theme="light" height="500px"></stemcell-widget>
    <script src="/stemcell-widgets.js"></script>`),
};

let server, base, browser;
const requests = [];
before(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(req.url);
    const send = (type, body) => { res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' }); res.end(body); };
    if (PAGES[url.pathname]) return send('text/html; charset=utf-8', PAGES[url.pathname].replace('PORT', server.address().port));
    if (url.pathname.startsWith('/missing/')) return send('text/html; charset=utf-8', '<!doctype html><title>Page not found</title><p>Sorry.</p>');
    if (url.pathname === '/p/config.js') return send('text/javascript', 'StemCellWidgets.config({wasmUrl: "/stemcell-widgets.wasm?ver=cfg"});');
    if (url.pathname === '/stemcell-widgets.js' || url.pathname === '/nowasm/stemcell-widgets.js' || url.pathname === '/plain/stemcell-widgets.js' ||
        url.pathname === '/old/stemcell-widgets.js')
      return send('text/javascript', JS());
    if (url.pathname === '/cache/min/all-3f9a.js') return send('text/javascript', Buffer.concat([Buffer.from('window.__theme = 1;\n'), JS()]));
    if (url.pathname === '/data/stemcell-explainer.es.json') return send('application/json', fs.readFileSync(path.join(ROOT, 'data', 'stemcell-explainer.es.json')));
    if (url.pathname === '/stemcell-widgets.extras.js') return send('text/javascript', EXTRAS());  // setState, toPNG, help, toolbar
    if (url.pathname === '/stemcell-widgets.wasm') return send('application/wasm', WASM());
    if (url.pathname === '/plain/stemcell-widgets.wasm') return send('text/plain', WASM());
    if (url.pathname === '/stemcell-widgets.lean.wasm') return send('application/wasm', LEAN());
    if (url.pathname === '/plain/stemcell-widgets.lean.wasm') return send('text/plain', LEAN());
    if (url.pathname === '/old/stemcell-widgets.wasm') return send('application/wasm', WASM());  // no lean file in /old/
    res.writeHead(404, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Not found</title><h1>Not found</h1>');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

async function open(p, { colorScheme = 'light', width = 1000, height = 800 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const pg = await context.newPage();
  const errors = watchErrors(pg);
  const warnings = [];
  pg.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await pg.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('stemcell:error', (e) => window.__errors.push({ id: e.target.id, message: e.detail.message }));
  });
  await pg.goto(base + p);
  return { page: pg, errors, warnings, context };
}
const errorBox = (pg, sel) => pg.evaluate((s) => {
  const b = document.querySelector(s + ' .scw-error');
  return b && !b.hidden ? b.textContent : null;
}, sel);
const waitErrors = (pg, n) => pg.waitForFunction((k) => window.__errors.length >= k, n, { timeout: 20000 });

test('the page bundles open with Chromium\'s compile hint (the glue compiled while the script streams)', () => {
  // Only as the first line is it read (cmake/web.cmake, web/compile-hints.js); every other test runs the bundle with it.
  for (const f of ['stemcell-widgets.js', 'stemcell-widgets.offline.js'])
    assert.ok(fs.readFileSync(path.join(DIST, f), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n'), f);
});

test('the script\'s ?ver= reaches the wasm request', async () => {
  requests.length = 0;
  const { page: pg, errors, context } = await open('/p/ver.html');
  await waitReady(pg, '#w');
  // No explainer on the page: the lean module, and only it.
  assert.ok(requests.includes('/stemcell-widgets.lean.wasm?ver=42'), `wasm requested with ?ver=42: ${requests.join(' ')}`);
  assert.ok(!requests.some((r) => r.startsWith('/stemcell-widgets.wasm')), requests.join(' '));
  assert.equal(await pg.evaluate(() => StemCellWidgets.config().wasmUrl), base + '/stemcell-widgets.wasm?ver=42');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a missing wasm is named in every widget and in stemcell:error, with the URL and the 404', async () => {
  const { page: pg, context } = await open('/p/missing.html');
  await waitErrors(pg, 2);
  const events = await pg.evaluate(() => window.__errors);
  assert.deepEqual(events.map((e) => e.id).sort(), ['a', 'b']);
  for (const e of events) {
    assert.match(e.message, /\/nowasm\/stemcell-widgets\.wasm/, 'the message names the URL');
    assert.match(e.message, /404/, 'and the cause');
  }
  for (const sel of ['#a', '#b']) assert.match(await errorBox(pg, sel), /nowasm\/stemcell-widgets\.wasm.*404/s);
  await pg.screenshot({ path: artifact('loader-missing-wasm.png') });
  await context.close();
});

test('a wasm on another origin without CORS, and a web page where the wasm should be: each named', async () => {
  let { page: pg, context } = await open('/p/cors.html');
  await waitErrors(pg, 1);
  let [e] = await pg.evaluate(() => window.__errors);
  assert.match(e.message, /localhost:\d+\/stemcell-widgets\.wasm/);
  assert.match(e.message, /CORS/);
  await pg.screenshot({ path: artifact('loader-wasm-cors.png') });
  await context.close();
  ({ page: pg, context } = await open('/p/html-wasm.html'));
  await waitErrors(pg, 1);
  [e] = await pg.evaluate(() => window.__errors);
  assert.match(e.message, /rewritten-to-a-page\.wasm/);
  assert.match(e.message, /web page \(HTML/);
  await pg.screenshot({ path: artifact('loader-wasm-html.png') });
  await context.close();
});

test('a wasm served as text/plain still runs, with a warning naming application/wasm', async () => {
  const { page: pg, errors, warnings, context } = await open('/p/plain.html');
  await waitReady(pg, '#w');
  assert.equal((await pg.evaluate(() => StemCellWidgets.get(document.querySelector('#w')).state())).widget, 'risk-chart');
  assert.ok(warnings.some((w) => /application\/wasm/.test(w) && /plain\/stemcell-widgets\.lean\.wasm/.test(w)), warnings.join('\n'));
  assert.deepEqual(errors, []);
  await pg.screenshot({ path: artifact('loader-wasm-text-plain.png') });
  await context.close();
});

test('a combined script away from its wasm: a clear error; with data-wasm or config({wasmUrl}) it works', async () => {
  let { page: pg, context } = await open('/p/combined.html');
  await waitErrors(pg, 1);
  const [e] = await pg.evaluate(() => window.__errors);
  assert.match(e.message, /\/cache\/min\/stemcell-widgets\.wasm/);
  assert.match(e.message, /combin/);
  assert.match(e.message, /data-wasm/);
  assert.match(await errorBox(pg, '#w'), /combin/);
  await pg.screenshot({ path: artifact('loader-combined-no-data-wasm.png') });
  await context.close();

  requests.length = 0;
  ({ page: pg, context } = await open('/p/combined-wasm.html'));
  await waitReady(pg, '#w');
  assert.ok(requests.includes('/stemcell-widgets.lean.wasm?ver=7'), requests.join(' '));
  await pg.screenshot({ path: artifact('loader-combined-data-wasm.png') });
  await context.close();

  requests.length = 0;
  ({ page: pg, context } = await open('/p/config.html'));
  await waitReady(pg, '#w');
  assert.ok(requests.includes('/stemcell-widgets.lean.wasm?ver=cfg'), requests.join(' '));
  await context.close();
});

const wasmRequests = () => requests.filter((r) => /\.wasm/.test(r)).map((r) => r.replace(/\?.*/, '')).sort();
const drawnColours = (pg, sel) => pg.evaluate((s) => {
  const c = document.querySelector(s + ' canvas');
  const t = document.createElement('canvas');
  t.width = c.width; t.height = c.height;
  const x = t.getContext('2d');
  x.drawImage(c, 0, 0);
  const d = x.getImageData(0, 0, t.width, t.height).data, seen = new Set();
  for (let i = 0; i < d.length; i += 4 * 97) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
  return seen.size;
}, sel);

test('an explainer on the page: the full module only; without one, the lean module', async () => {
  requests.length = 0;
  const { page: pg, errors, context } = await open('/p/with-explainer.html');
  await waitReady(pg, '#r, #e');
  assert.deepEqual(wasmRequests(), ['/stemcell-widgets.wasm']);
  assert.equal((await pg.evaluate(() => StemCellWidgets.get(document.querySelector('#e')).state())).widget, 'explainer');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an explainer mounted after the lean module runs: the full module starts beside it; both widgets keep working', async () => {
  requests.length = 0;
  const { page: pg, errors, context } = await open('/p/late.html');
  await waitReady(pg, '#r');
  assert.deepEqual(wasmRequests(), ['/stemcell-widgets.lean.wasm']);
  const handle = await pg.evaluate(() => StemCellWidgets.mount(document.querySelector('#slot'), {widget: 'explainer'}).then((h) => h.state().widget));
  assert.equal(handle, 'explainer');
  await waitReady(pg, '#slot');
  assert.deepEqual(wasmRequests(), ['/stemcell-widgets.lean.wasm', '/stemcell-widgets.wasm']);
  // Each widget talks to its own module: state, setState and drawing on both; a third widget joins the first module.
  const sel = await pg.evaluate(async () => {
    const r = StemCellWidgets.get(document.querySelector('#r'));
    const first = r.state().items.filter((i) => i.id.includes('/'))[1].id;  // a cell of the grid
    const st = await r.setState({selected: first});
    return {want: first, got: st.selected};
  });
  assert.equal(sel.got, sel.want);
  assert.equal((await pg.evaluate(() => StemCellWidgets.get(document.querySelector('#slot')).state())).widget, 'explainer');
  await pg.evaluate(() => {
    const d = document.createElement('div'); d.id = 'c'; d.style.width = '800px';
    d.setAttribute('data-stemcell-widget', 'cell-diagram');
    document.body.appendChild(d);
  });
  await waitReady(pg, '#c');
  assert.equal(wasmRequests().length, 2, 'no third module');
  for (const s of ['#r', '#slot', '#c']) assert.ok(await drawnColours(pg, s) > 3, `${s} is drawn`);
  await pg.screenshot({ path: artifact('loader-late-explainer.png'), fullPage: true });
  await pg.evaluate(() => ['#r', '#slot', '#c'].forEach((s) => StemCellWidgets.get(document.querySelector(s)).destroy()));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a site with only the older two files (no stemcell-widgets.lean.wasm): the full module is used', async () => {
  requests.length = 0;
  const { page: pg, errors, context } = await open('/p/old-files.html');
  await waitReady(pg, '#w');
  // (The glue asks twice for a wasm it cannot stream: once to stream it, once as a whole.)
  assert.deepEqual([...new Set(wasmRequests())], ['/old/stemcell-widgets.lean.wasm', '/old/stemcell-widgets.wasm']);
  assert.equal((await pg.evaluate(() => StemCellWidgets.get(document.querySelector('#w')).state())).widget, 'risk-chart');
  assert.deepEqual(await pg.evaluate(() => window.__errors), []);
  // The only console error is the browser's own line for the lean file's 404.
  assert.ok(errors.every((e) => /404/.test(e)), errors.join('\n'));
  await context.close();
});

test('JSON left as page text by a CMS: a visible error pointing to the plugin or data-src; the text is hidden', async () => {
  const { page: pg, context } = await open('/p/stray.html');
  await waitErrors(pg, 2);
  for (const sel of ['#p', '#t']) {
    const msg = await errorBox(pg, sel);
    assert.match(msg, /script type="application\/json"/);
    assert.match(msg, /plugin/);
    assert.match(msg, /data-src/);
  }
  const visibleText = await pg.evaluate(() => document.body.innerText);
  assert.ok(!/version/.test(visibleText) && !/Riesgos/.test(visibleText), `the stray JSON is not shown: ${visibleText}`);
  await pg.screenshot({ path: artifact('loader-stray-json.png') });
  await context.close();
});

const corner = async (pg, sel) => (await canvasPixels(pg, sel + ' canvas', [[3, 3]])).at[0];
test('auto theme follows the page: light on a white page when the OS prefers dark, dark on a dark page when it prefers light', async () => {
  let { page: pg, errors, context } = await open('/p/white.html', { colorScheme: 'dark' });
  await waitReady(pg, '#w');
  assert.deepEqual(await corner(pg, '#w'), [255, 255, 255], 'light widget on the white page');
  await pg.screenshot({ path: artifact('loader-auto-white-page-os-dark.png') });
  assert.deepEqual(errors, []);
  await context.close();

  ({ page: pg, errors, context } = await open('/p/dark.html', { colorScheme: 'light' }));
  await waitReady(pg, '#w');
  assert.deepEqual(await corner(pg, '#w'), [0x14, 0x18, 0x1f], 'dark widget on the dark page');
  await pg.screenshot({ path: artifact('loader-auto-dark-page-os-light.png') });
  await context.close();

  // A page that itself follows the OS ("color-scheme: light dark", no background of its own): the OS decides.
  ({ page: pg, context } = await open('/p/follows-os.html', { colorScheme: 'dark' }));
  await waitReady(pg, '#w');
  assert.deepEqual(await corner(pg, '#w'), [0x14, 0x18, 0x1f]);
  await context.close();
});

test('data-background: transparent takes the page colour behind the widget; a CSS colour is used as given', async () => {
  const { page: pg, errors, context } = await open('/p/green.html', { colorScheme: 'dark' });
  await waitReady(pg, '[data-stemcell-widget]');
  assert.deepEqual(await corner(pg, '#t'), [0xd1, 0xe4, 0xdd]);
  assert.deepEqual(await corner(pg, '#c'), [0xf4, 0xf1, 0xea]);
  await pg.screenshot({ path: artifact('loader-background-green-page.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('<stemcell-widget> is the same widget: options from attributes, get() works, a changed attribute applies', async () => {
  const { page: pg, errors, context } = await open('/p/element.html', { colorScheme: 'dark' });
  await waitReady(pg, '#w');
  const st = await pg.evaluate(() => StemCellWidgets.get(document.querySelector('#w')).state());
  assert.equal(st.widget, 'risk-chart');
  assert.equal(await pg.evaluate(() => document.querySelector('#w canvas').getBoundingClientRect().height), 500);
  assert.deepEqual(await corner(pg, '#w'), [255, 255, 255], 'theme="light"');
  const dom = await pg.evaluate(() => document.querySelector('#w .scw-dom').textContent);
  assert.match(dom, /Riesgo|riesgo/, 'lang="es" shows the Spanish content');
  await pg.evaluate(() => document.querySelector('#w').setAttribute('theme', 'dark'));
  await pg.waitForFunction(() => { const h = StemCellWidgets.get(document.querySelector('#w')); return h && h.readyFired; });
  await waitReady(pg, '#w');
  assert.deepEqual(await corner(pg, '#w'), [0x14, 0x18, 0x1f], 'theme="dark" after the change');
  await pg.screenshot({ path: artifact('loader-web-component.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
