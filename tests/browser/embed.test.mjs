// The iframe embed: dist/embed.html on one loopback origin, embedded from a page on another with
// dist/stemcell-embed.js. The frame's height follows the widget (no inner scrollbar) after load and after a
// selection that changes the height; messages from other windows are ignored; without the helper the widget
// fills the frame at its given height.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { launch, watchErrors, artifact } from './lib.mjs';
import { createServer } from '../../tools/serve.mjs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

let widgets, host, browser, W, H;
const HOST_PAGES = {};
before(async () => {
  widgets = createServer([{ prefix: '/data/', dir: path.join(ROOT, 'data') }, { prefix: '/', dir: path.join(ROOT, 'dist') }]);
  await new Promise((r) => widgets.listen(0, '127.0.0.1', r));
  W = `http://127.0.0.1:${widgets.address().port}`;
  // The host page's origin: "localhost" on another port (another origin than 127.0.0.1).
  host = http.createServer((req, res) => {
    const p = new URL(req.url, 'http://x').pathname;
    if (HOST_PAGES[p]) { res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }); return res.end(HOST_PAGES[p]); }
    res.writeHead(404).end();
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  H = `http://localhost:${host.address().port}`;
  const frame = (extra = '') => `<iframe id="f" data-stemcell-embed title="Risks" style="width: 650px; border: 0" height="300"
      src="${W}/embed.html?widget=risk-chart&src=/data/stemcell-explainer.es.json&lang=es&theme=light&textScale=1${extra}"></iframe>`;
  const doc = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title></head>
    <body style="margin: 0; background: #f4f1ea"><h1>An LMS page</h1>${body}<p>After the widget.</p></body></html>`;
  HOST_PAGES['/helper.html'] = doc(frame() + `<script src="${W}/stemcell-embed.js"></script>`);
  HOST_PAGES['/plain.html'] = doc(frame());
  HOST_PAGES['/present.html'] = doc(frame('&present'));
  HOST_PAGES['/present-off.html'] = doc(frame('&present=false'));
  HOST_PAGES['/spanish-builtin.html'] = doc(`<iframe id="f" title="Cronología" style="width: 900px; border: 0" height="600"
      src="${W}/embed.html?widget=hsct-timeline&lang=es&present"></iframe>`);
  browser = await launch();
});
after(async () => { await browser?.close(); widgets?.close(); host?.close(); });

const frameOf = (page) => page.frames().find((f) => f.url().startsWith(W + '/embed.html'));
async function innerSizes(frame) {
  return frame.evaluate(() => ({
    scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight,
    widget: Math.ceil(document.getElementById('scw-embed').getBoundingClientRect().height),
  }));
}
async function ready(frame) {
  await frame.waitForFunction(() => {
    const h = window.StemCellWidgets && StemCellWidgets.get(document.getElementById('scw-embed'));
    return h && h.readyFired && StemCellWidgets.debug.refreshesPending() === 0 && !StemCellWidgets.debug.stats().wantsFrame;
  }, null, { timeout: 20000 });
}

test('with the helper, the iframe takes the widget\'s height after load and after a selection; no inner scrollbar', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(H + '/helper.html');
  await page.waitForFunction(() => document.getElementById('f').hasAttribute('data-stemcell-sized'));
  const frame = frameOf(page);
  await ready(frame);
  // The frame follows the widget within a message round trip: wait for the frame's height to match the widget's.
  const fitted = async () => {
    const s = await innerSizes(frame);
    await page.waitForFunction((h) => Math.abs(document.getElementById('f').getBoundingClientRect().height - h) <= 1, s.widget, { timeout: 10000 });
    const after = await innerSizes(frame);
    assert.ok(after.scroll <= after.client, `no inner scrollbar: ${JSON.stringify(after)}`);
    return { frame: await page.evaluate(() => document.getElementById('f').getBoundingClientRect().height), ...after };
  };
  const first = await fitted();
  assert.ok(first.frame >= 360, `the frame grew from 300 px to the widget's height (${first.frame})`);
  await page.screenshot({ path: artifact('embed-two-origins-loaded.png'), fullPage: true });

  // Select a cell: in a 650 px frame the risk chart asks for room to put its detail below the grid.
  const st = await frame.evaluate(() => StemCellWidgets.get(document.getElementById('scw-embed')).state());
  const cell = st.items.find((i) => i.id.includes('/'));
  const fbox = await page.locator('#f').boundingBox();
  const cbox = await frame.locator('canvas').boundingBox();
  await page.mouse.click(cbox.x + cell.box.x + cell.box.w / 2, cbox.y + cell.box.y + cell.box.h / 2);
  await frame.waitForFunction(() => StemCellWidgets.get(document.getElementById('scw-embed')).state().selected !== null);
  await ready(frame);
  const second = await fitted();
  assert.ok(second.frame > first.frame + 50, `the frame followed the taller widget: ${first.frame} -> ${second.frame}`);
  assert.ok(fbox.width === 650);
  await page.screenshot({ path: artifact('embed-two-origins-selected.png'), fullPage: true });

  // A message from another window (the host page itself) is ignored.
  await page.evaluate(() => window.postMessage({ type: 'stemcell:resize', height: 77 }, '*'));
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));  // the message is delivered before this task
  assert.notEqual(await page.evaluate(() => document.getElementById('f').getBoundingClientRect().height), 77);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without the helper, the widget fills the iframe at its given height', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.goto(H + '/plain.html');
  const frame = frameOf(page);  // goto() waited for the page's load, which includes the iframe's
  await ready(frame);
  // The frame's content settles within the next updates (once, on a loaded machine, the first read after ready
  // saw it taller than the frame): wait for it, and fail with the sizes if it never fits.
  let s = await innerSizes(frame);
  for (const t0 = Date.now(); s.scroll > s.client && Date.now() - t0 < 5000; s = await innerSizes(frame))
    await page.waitForTimeout(50);
  assert.equal(await page.evaluate(() => document.getElementById('f').getBoundingClientRect().height), 300);
  assert.equal(s.widget, 300, 'the widget fills the 300 px frame');
  assert.ok(s.scroll <= s.client, `no inner scrollbar (content ${s.scroll} px in a ${s.client} px frame)`);
  await page.screenshot({ path: artifact('embed-no-helper.png'), fullPage: true });
  await context.close();
});

test('?present passes presenter mode through: Previous and Next in the frame, and PageDown steps the widget', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(H + '/present.html');
  const frame = frameOf(page);
  await ready(frame);
  assert.equal(await frame.evaluate(() => document.getElementById('scw-embed').hasAttribute('data-present')), true);
  const next = frame.locator('.scw-bar button', { hasText: 'Siguiente' });
  assert.equal(await next.isVisible(), true, 'the Spanish Next button shows');
  assert.equal(await frame.locator('.scw-bar button', { hasText: 'Anterior' }).isVisible(), true);
  const state = () => frame.evaluate(() => StemCellWidgets.get(document.getElementById('scw-embed')).state());
  const before = await state();
  await next.click();
  await frame.waitForFunction((r) => StemCellWidgets.get(document.getElementById('scw-embed')).state().risk !== r, before.risk);
  const stepped = await state();
  assert.ok(stepped.selected, 'Next selected a risk');
  await frame.locator('canvas').focus();
  await page.keyboard.press('PageDown');  // what a presentation clicker sends
  await frame.waitForFunction((r) => StemCellWidgets.get(document.getElementById('scw-embed')).state().risk !== r, stepped.risk);
  await page.screenshot({ path: artifact('embed-present.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();

  const off = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const p2 = await off.newPage();
  await p2.goto(H + '/present-off.html');
  const f2 = frameOf(p2);
  await ready(f2);
  assert.equal(await f2.evaluate(() => document.getElementById('scw-embed').hasAttribute('data-present')), false, '?present=false: off');
  assert.equal(await f2.locator('.scw-bar button', { hasText: 'Siguiente' }).count(), 0);
  await off.close();
});

test('embed.html?lang=es with no content of its own shows the Spanish built-in content, fetched from beside the script', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await page.goto(H + '/spanish-builtin.html');
  await page.waitForFunction(() => document.getElementById('f').contentWindow);
  let frame;
  for (let i = 0; i < 50 && !(frame = frameOf(page)); i++) await page.waitForTimeout(100);
  await ready(frame);
  const r = await frame.evaluate(() => ({
    lang: document.querySelector('.scw-root').lang,
    text: document.querySelector('.scw-dom').textContent,
  }));
  assert.equal(r.lang, 'es');
  assert.match(r.text, /Día 0/);
  assert.match(r.text, /Trasplante autólogo/);
  assert.doesNotMatch(r.text, /Autologous transplant/);
  assert.ok(fetched.some((u) => u.startsWith(W + '/stemcell-explainer.es.json')), fetched.join('\n'));
  assert.deepEqual(errors, []);
  await context.close();
});
