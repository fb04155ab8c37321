// The loader's extras (issue 11, the download): stemcell-widgets.extras.js (web/loader-extras.js) holds the keyboard
// help, the presenter toolbar, setState and the scroll steps, toPNG and Save image. A page that uses none of them
// never fetches it; the first use fetches it (beside the script, with its ?ver=) and works; a page with a toolbar
// gets it while the module loads; a missing file leaves the widget working and says so; a strict or nonce-based
// Content-Security-Policy allows it; the offline bundle carries it and fetches nothing. The pages are generated
// here and served with the real bundle from dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { launch, watchErrors, waitReady, settle, ROOT } from './lib.mjs';
import { STRICT_CSP } from '../../tools/serve.mjs';

const DIST = path.join(ROOT, 'dist');
const file = (name) => fs.readFileSync(path.join(DIST, name));
const page = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>extras</title>${head}</head><body>${body}</body></html>`;
const BOX = 'style="width: 800px; height: 480px"';
const PAGES = {
  '/p/plain.html': page(`<div id="w" data-stemcell-widget="risk-chart" ${BOX}></div><script src="/b/stemcell-widgets.js?ver=9"></script>`),
  '/p/present.html': page(`<div id="w" data-stemcell-widget="risk-chart" data-present ${BOX}></div><script src="/b/stemcell-widgets.js"></script>`),
  // A site that uploaded only the script and the wasm files: no stemcell-widgets.extras.js beside them.
  '/p/missing.html': page(`<div id="w" data-stemcell-widget="risk-chart" data-export ${BOX}></div>
    <div id="p" data-stemcell-widget="cell-diagram" data-present ${BOX}></div><script src="/no-extras/stemcell-widgets.js"></script>`),
  // A plugin combined the script with others (renamed, elsewhere) and gave data-wasm: the extras are beside the wasm.
  '/p/combined.html': page(`<div id="w" data-stemcell-widget="risk-chart" data-present ${BOX}></div>
    <script src="/cache/all-5c2e.js" data-wasm="/b/stemcell-widgets.wasm?ver=5"></script>`),
  // No style attribute in these two: the policies forbid them.
  '/p/csp-self.html': page(`<div id="w" data-stemcell-widget="risk-chart" data-present></div><script src="/b/stemcell-widgets.js"></script>`),
  '/p/csp-nonce.html': page(`<div id="w" data-stemcell-widget="risk-chart" data-present></div>
    <script nonce="n0nce42" src="/b/stemcell-widgets.js"></script>`),
};
const NONCE_CSP = "default-src 'self'; script-src 'nonce-n0nce42' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'";

let server, base, browser;
const requests = [];
before(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(req.url);
    const send = (type, body, headers = {}) => { res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache', ...headers }); res.end(body); };
    if (PAGES[url.pathname]) {
      const csp = url.pathname === '/p/csp-self.html' ? STRICT_CSP : url.pathname === '/p/csp-nonce.html' ? NONCE_CSP : '';
      return send('text/html; charset=utf-8', PAGES[url.pathname], csp ? { 'Content-Security-Policy': csp } : {});
    }
    if (url.pathname === '/cache/all-5c2e.js') return send('text/javascript', Buffer.concat([Buffer.from('window.__other = 1;\n'), file('stemcell-widgets.js')]));
    const m = /^\/(b|no-extras)\/(stemcell-widgets(\.lean)?\.wasm|stemcell-widgets(\.extras)?\.js)$/.exec(url.pathname);
    if (m && !(m[1] === 'no-extras' && m[4])) return send(/\.wasm$/.test(m[2]) ? 'application/wasm' : 'text/javascript', file(m[2]));
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

async function open(p) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 1200 } });
  const pg = await context.newPage();
  await pg.addInitScript(() => document.addEventListener('securitypolicyviolation',
    (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI)));
  const errors = watchErrors(pg);
  requests.length = 0;
  await pg.goto(base + p);
  return { page: pg, errors, context };
}
const extrasRequests = () => requests.filter((r) => /extras/.test(r));
const helpOpen = (pg, sel) => pg.waitForFunction((s) => document.querySelector(s + ' dialog.scw-help')?.open, sel);

test('a page using none of them never fetches the extras; "?" fetches them once (with ?ver=) and opens the help', async () => {
  const { page: pg, errors, context } = await open('/p/plain.html');
  await waitReady(pg, '#w');
  // Plain interaction on the canvas needs no extras: arrows, Enter.
  await pg.locator('#w canvas').focus();
  await pg.keyboard.press('ArrowRight');
  await pg.keyboard.press('Enter');
  await settle(pg);
  assert.ok((await pg.evaluate(() => StemCellWidgets.get(document.querySelector('#w')).state())).selected, 'Enter selected an item');
  assert.deepEqual(extrasRequests(), [], 'no extras on load');
  assert.equal(await pg.evaluate(() => StemCellWidgets.debug.extrasLoaded()), false);
  await pg.keyboard.press('?');
  await helpOpen(pg, '#w');
  assert.match(await pg.locator('#w dialog h2').textContent(), /^Keyboard keys: risk chart/);
  assert.equal(await pg.evaluate(() => document.activeElement.textContent), 'Close', 'the dialog has the focus');
  await pg.keyboard.press('Escape');
  await pg.waitForFunction(() => document.activeElement === document.querySelector('#w canvas'));
  // setState and toPNG now run at once; the file was fetched once, beside the script, with its ?ver=.
  const r = await pg.evaluate(async () => {
    const h = StemCellWidgets.get(document.querySelector('#w'));
    const st = await h.setState({ selected: null, view: 'by-therapy' });
    const png = await h.toPNG({ scale: 1 });
    return { view: st.view, type: png.type };
  });
  assert.deepEqual(r, { view: 'by-therapy', type: 'image/png' });
  assert.deepEqual(extrasRequests(), ['/b/stemcell-widgets.extras.js?ver=9']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('setState as the first use fetches the extras and applies the state', async () => {
  const { page: pg, errors, context } = await open('/p/plain.html');
  await waitReady(pg, '#w');
  assert.deepEqual(extrasRequests(), []);
  const st = await pg.evaluate(() => StemCellWidgets.get(document.querySelector('#w')).setState({ view: 'by-therapy' }));
  assert.equal(st.view, 'by-therapy');
  assert.deepEqual(extrasRequests(), ['/b/stemcell-widgets.extras.js?ver=9']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('data-present: the extras come with the module, and the toolbar is there when the widget is ready', async () => {
  const { page: pg, errors, context } = await open('/p/present.html');
  await waitReady(pg, '#w');
  assert.deepEqual(extrasRequests(), ['/b/stemcell-widgets.extras.js']);
  const bar = await pg.evaluate(() => [...document.querySelectorAll('#w .scw-bar button')].map((b) => b.textContent));
  assert.deepEqual(bar, ['Previous', 'Next', 'Keyboard']);
  // The toolbar sits above the canvas.
  assert.ok(await pg.evaluate(() => document.querySelector('#w .scw-bar').getBoundingClientRect().bottom <=
    document.querySelector('#w canvas').getBoundingClientRect().top));
  await pg.locator('#w .scw-bar button', { hasText: 'Next' }).click();
  await settle(pg);
  assert.ok((await pg.evaluate(() => StemCellWidgets.get(document.querySelector('#w')).state())).selected, 'Next stepped');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a combined, renamed script given data-wasm finds the extras beside the wasm (with its ?ver=)', async () => {
  const { page: pg, errors, context } = await open('/p/combined.html');
  await waitReady(pg, '#w');
  assert.deepEqual(extrasRequests(), ['/b/stemcell-widgets.extras.js?ver=5']);
  assert.equal(await pg.locator('#w .scw-bar button', { hasText: 'Next' }).count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the extras missing (404): the widgets keep working, and each action asked says it could not be loaded', async () => {
  const { page: pg, errors, context } = await open('/p/missing.html');
  await waitReady(pg, '#w, #p');
  const notice = (sel) => pg.evaluate((s) => { const n = document.querySelector(s + ' .scw-notice'); return n && !n.hidden ? n.textContent : ''; }, sel);
  // The presenter toolbar could not come: the widget is drawn without it, and says why.
  assert.equal(await pg.locator('#p .scw-bar').count(), 0);
  // (The note hides itself after 10 s: its text is read either way.)
  assert.match(await pg.evaluate(() => document.querySelector('#p .scw-notice').textContent),
    /could not be loaded from .*\/no-extras\/stemcell-widgets\.extras\.js.*missing/);
  // "?" on the risk chart: a note instead of the dialog, and the canvas keeps the focus and its keys.
  await pg.locator('#w canvas').focus();
  await pg.keyboard.press('?');
  await pg.waitForFunction(() => { const n = document.querySelector('#w .scw-notice'); return n && !n.hidden; });
  assert.equal(await pg.locator('#w dialog').count(), 0);
  assert.match(await notice('#w'), /stemcell-widgets\.extras\.js/);
  await pg.keyboard.press('ArrowRight');
  await pg.keyboard.press('Enter');
  await settle(pg);
  assert.ok((await pg.evaluate(() => StemCellWidgets.get(document.querySelector('#w')).state())).selected, 'the widget still works');
  // Save image: the button comes back, nothing is downloaded, the note says why.
  await pg.evaluate(() => { document.querySelector('#w .scw-notice').hidden = true; });
  await pg.evaluate(() => document.querySelector('#w .scw-export button').click());  // in place: no scrolling
  await pg.waitForFunction(() => !document.querySelector('#w .scw-notice').hidden && !document.querySelector('#w .scw-export button').disabled);
  // setState and toPNG reject with that reason (each tries the file again).
  const rejected = await pg.evaluate(async () => {
    const h = StemCellWidgets.get(document.querySelector('#w'));
    return Promise.all([h.setState({ view: 'by-therapy' }).then(() => 'resolved', (e) => e.message),
      h.toPNG().then(() => 'resolved', (e) => e.message)]);
  });
  for (const m of rejected) assert.match(m, /could not be loaded from .*stemcell-widgets\.extras\.js/);
  // Nothing thrown on the page; the console's errors are the browser's lines for the 404s.
  assert.ok(errors.length > 0 && errors.every((e) => /^console: Failed to load resource: .*404/.test(e)), errors.join('\n'));
  assert.ok(extrasRequests().length >= 2, 'each action tried again');
  await context.close();
});

for (const [name, p] of [['strict (script-src \'self\')', '/p/csp-self.html'], ['nonce-based', '/p/csp-nonce.html']]) {
  test(`a ${name} Content-Security-Policy lets the extras load: toolbar and help, no violation`, async () => {
    const { page: pg, errors, context } = await open(p);
    await waitReady(pg, '#w');
    assert.equal(await pg.locator('#w .scw-bar button', { hasText: 'Next' }).count(), 1);
    await pg.locator('#w .scw-bar button', { hasText: 'Keyboard' }).click();
    await helpOpen(pg, '#w');
    assert.deepEqual(errors, [], 'no CSP violation, no error');
    await context.close();
  });
}

test('the offline bundle (file://) carries the extras: help, toolbar, setState and toPNG work, and nothing is fetched', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const pg = await context.newPage();
  const errors = watchErrors(pg);
  await pg.goto('file://' + path.join(ROOT, 'tests', 'browser', 'pages', 'offline.html'));
  await waitReady(pg, '#w');
  await pg.locator('#w canvas').focus();
  await pg.keyboard.press('?');
  await helpOpen(pg, '#w');
  await pg.keyboard.press('Escape');
  const r = await pg.evaluate(async () => {
    const el = document.createElement('div');
    el.style.cssText = 'width:600px;height:400px';
    document.body.appendChild(el);
    await StemCellWidgets.mount(el, { widget: 'risk-chart', present: true }).then(() => {});
    const h = StemCellWidgets.get(document.querySelector('#w'));
    const png = await h.toPNG({ scale: 1 });
    return { bar: [...el.querySelectorAll('.scw-bar button')].map((b) => b.textContent), png: png.type,
      scripts: [...document.scripts].map((s) => s.src).filter((s) => /extras/.test(s)),
      resources: performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /extras/.test(n)) };
  });
  assert.deepEqual(r, { bar: ['Previous', 'Next', 'Keyboard'], png: 'image/png', scripts: [], resources: [] });
  assert.deepEqual(errors, []);
  await context.close();
});
