// Issue 10: no content, response or page can freeze, bloat or blank the widgets. One test per class of failure
// (freeze, memory, blank, race, silent substitution, message), each with a document or page that failed before.
// Hostile responses come from routes of this file's own server (/hostile/…), in front of the usual static files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import { startServer, launch, watchErrors, settle, canvasPixels, artifact } from './lib.mjs';

let server, base, browser, staticBase;
const held = new Set();  // responses kept open (a drip, a slow answer), ended by after()

function hostile(req, res) {
  const u = new URL(req.url, 'http://x');
  const json = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
  switch (u.pathname) {
    case '/hostile/big': {  // 100 MB of JSON-looking text, chunked (no length given)
      res.writeHead(200, json);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 100 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) { res.once('drain', pump); return; }
        }
        res.end();
      };
      res.on('close', () => { sent = Infinity; });
      pump();
      return true;
    }
    case '/hostile/gzip-bomb': {  // 0.1 MB on the wire, 100 MB unpacked
      res.writeHead(200, { ...json, 'Content-Encoding': 'gzip' });
      res.end(bomb);
      return true;
    }
    case '/hostile/empty': res.writeHead(200, json); res.end(); return true;
    case '/hostile/drip': {  // a byte now and then, never finishing
      res.writeHead(200, json);
      res.write('{');
      held.add(res);
      const t = setInterval(() => res.write(' '), 200);
      res.on('close', () => { clearInterval(t); held.delete(res); });
      return true;
    }
    case '/hostile/slow': {  // the default document, after `ms` milliseconds
      held.add(res);
      const t = setTimeout(() => { held.delete(res); res.writeHead(200, json); res.end(defaultText); }, Number(u.searchParams.get('ms') || 1000));
      res.on('close', () => clearTimeout(t));
      return true;
    }
  }
  return false;
}

let bomb, defaultText;
before(async () => {
  const fs = await import('node:fs');
  const { ROOT } = await import('./lib.mjs');
  defaultText = fs.readFileSync(`${ROOT}/data/stemcell-explainer.en.json`, 'utf8');
  bomb = zlib.gzipSync(Buffer.alloc(100 * 1024 * 1024, 0x20), { level: 9 });
  ({ server, base: staticBase } = await startServer());
  const front = http.createServer((req, res) => {
    if (hostile(req, res)) return;
    const up = http.request(staticBase + req.url, { method: req.method, headers: req.headers }, (r) => { res.writeHead(r.statusCode, r.headers); r.pipe(res); });
    req.pipe(up);
  });
  await new Promise((r) => front.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${front.address().port}`;
  front.unref();
  browser = await launch();
});
after(async () => { for (const r of held) r.destroy(); await browser?.close(); server?.close(); });

// A page with the bundle and no widget; `mount(kind, opts, css)` mounts one in a new element.
async function open({ width = 1280, height = 720, init } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const errors = watchErrors(page);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(base + '/tests/empty.html');
  await page.waitForFunction(() => window.StemCellWidgets);
  await page.evaluate(() => {
    window.__events = [];
    window.mountNew = (kind, opts = {}, css = 'width: 900px; height: 560px') => {
      const el = document.createElement('div');
      el.style.cssText = css;
      el.id = 'w' + (document.querySelectorAll('main > div').length + 1);
      document.querySelector('main').append(el);
      for (const t of ['ready', 'error', 'change']) el.addEventListener('stemcell:' + t, (e) => window.__events.push({ id: el.id, type: t, detail: e.detail }));
      return StemCellWidgets.mount(el, { widget: kind, ...opts }).then((h) => ({ ok: true, id: el.id }),
        (e) => ({ ok: false, id: el.id, message: e.message, path: e.path, problems: e.problems, superseded: !!e.superseded, destroyed: !!e.destroyed }));
    };
    window.defaultDoc = () => fetch('/data/stemcell-explainer.en.json').then((r) => r.json());
  });
  return { page, errors, warnings, context };
}
const events = (page, id, type) => page.evaluate(([i, t]) => window.__events.filter((e) => e.id === i && e.type === t).map((e) => e.detail), [id, type]);

test('freeze: 7,200 unknown ids, 60,000 unknown keys and 4,000-character names are checked in bounded time', async () => {
  const { page, errors, context } = await open();
  const r = await page.evaluate(async () => {
    const base = await defaultDoc();
    const timed = async (doc) => {
      const t0 = performance.now();
      const out = await mountNew('cell-diagram', { data: doc });
      return { ...out, ms: performance.now() - t0, problems: (out.problems || []).length };
    };
    const first = await timed(base);  // warms up the module: the figures below are the check alone
    const ids = structuredClone(base);
    ids.therapies = ids.therapies.slice(0, 1);
    ids.therapies[0].cells = [];
    for (let t = 0; t < 36; t++) {
      const th = { id: 't' + t, name: 'T', cells: [] };
      for (let i = 0; i < 200; i++) th.cells.push('no-such-cell-' + (t * 200 + i));
      ids.therapies.push(th);
    }
    const keys = structuredClone(base);
    for (let i = 0; i < 60000; i++) keys.cellTypes[0]['k' + i] = 1;
    const names = structuredClone(base);
    names.cellTypes = Array.from({ length: 200 }, (_, i) => ({ id: 'c' + i, name: 'N'.repeat(4000), category: 'adult', short: 'S' }));
    names.therapies = [];
    return { first, ids: await timed(ids), keys: await timed(keys), names: await timed(names) };
  });
  console.log(`# check times: 7,200 unknown ids ${r.ids.ms.toFixed(0)} ms, 60,000 unknown keys ${r.keys.ms.toFixed(0)} ms, 200 long names ${r.names.ms.toFixed(0)} ms`);
  assert.equal(r.first.ok, true);
  assert.equal(r.ids.ok, false);
  assert.ok(r.ids.problems <= 101, `${r.ids.problems} problems listed`);
  assert.match(r.ids.message, /there is no cell with the id "no-such-cell-0"/);
  assert.ok(r.ids.ms < 1500, `7,200 unknown ids took ${r.ids.ms} ms (was 117 s)`);
  assert.equal(r.keys.ok, true, 'unknown keys are warnings');
  assert.ok(r.keys.ms < 1500, `60,000 unknown keys took ${r.keys.ms} ms (was 11.6 s)`);
  assert.equal(r.names.ok, false);
  assert.equal(r.names.path, '/cellTypes/0/name');
  assert.match(r.names.message, /limit is 120/);
  assert.ok(r.names.ms < 1500);
  assert.deepEqual(errors, []);
  await context.close();
});

test('memory: a 100 MB body, a gzip bomb and a 100 MB string are refused without growing the module memory', async () => {
  const { page, errors, context } = await open();
  const r = await page.evaluate(async () => {
    const ok = await mountNew('risk-chart');
    const before = StemCellWidgets.debug.memoryBytes();
    const big = await mountNew('risk-chart', { src: '/hostile/big' });
    const gz = await mountNew('risk-chart', { src: '/hostile/gzip-bomb' });
    const h = StemCellWidgets.get(document.getElementById(ok.id));
    let str;
    try { await h.update('x'.repeat(100 * 1024 * 1024)); } catch (e) { str = e.message; }
    return { ok: ok.ok, before, after: StemCellWidgets.debug.memoryBytes(), stats: StemCellWidgets.debug.stats(), big: big.message, gz: gz.message, str };
  });
  console.log(`# wasm memory: ${(r.before / 1048576).toFixed(1)} MB before, ${(r.after / 1048576).toFixed(1)} MB after the refused documents`);
  assert.equal(r.ok, true);
  assert.ok(r.before > 0 && r.stats.memoryBytes === r.after);
  assert.match(r.big, /larger than 1 MB/);
  assert.match(r.gz, /larger than 1 MB/);
  assert.match(r.str, /100\.0 MB; the limit is 1 MB/);
  assert.equal(r.after, r.before, 'the memory is where it was');
  assert.deepEqual(errors.filter((e) => !/ERR_ABORTED|Failed to load resource/.test(e)), []);
  await context.close();
});

test('blank: a page id like ours, a shadow root, a late-attached element and a lost context never blank a widget', async () => {
  const { page, errors, context } = await open();
  const r = await page.evaluate(async () => {
    for (let i = 1; i <= 3; i++) { const d = document.createElement('div'); d.id = 'scw-canvas-' + i; document.body.prepend(d); }
    const a = await mountNew('cell-diagram');
    // A shadow root.
    const host = document.createElement('div');
    document.querySelector('main').append(host);
    const inner = document.createElement('div');
    inner.style.cssText = 'width: 600px; height: 400px';
    host.attachShadow({ mode: 'open' }).append(inner);
    const shadow = await StemCellWidgets.mount(inner, { widget: 'risk-chart' }).then(() => 'ok', (e) => e.message);
    // An element that is attached after mount() was called.
    const late = document.createElement('div');
    late.style.cssText = 'width: 600px; height: 400px';
    const p = StemCellWidgets.mount(late, { widget: 'hsct-timeline' });
    await new Promise((res) => requestAnimationFrame(res));
    document.querySelector('main').append(late);
    late.id = 'late';
    const lateResult = await p.then(() => 'ok', (e) => e.message);
    return { a, shadow, lateResult };
  });
  assert.equal(r.a.ok, true, r.a.message);
  assert.equal(r.shadow, 'ok');
  assert.equal(r.lateResult, 'ok');
  await settle(page);
  const px = await canvasPixels(page, '#w1 canvas');
  assert.ok(px.distinct > 8, `the diagram draws (${px.distinct} colours) beside elements with ids like scw-canvas-1`);
  const shadowPx = await page.evaluate(() => {
    const c = document.querySelector('main > div:not([id]) ').shadowRoot.querySelector('canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const s = new Set();
    for (let i = 0; i < d.length; i += 4 * 97) s.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return s.size;
  });
  assert.ok(shadowPx > 8, `the chart in a shadow root draws (${shadowPx} colours)`);
  assert.ok((await canvasPixels(page, '#late canvas')).distinct > 8, 'the late-attached timeline draws');

  // The context is lost and never restored: a widget mounted now shows its HTML copy with a note.
  const lost = await page.evaluate(async () => {
    StemCellWidgets.debug.loseContext();
    await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
    const m = await mountNew('risk-chart');
    const el = document.getElementById(m.id);
    return { ok: m.ok, canvasShown: getComputedStyle(el.querySelector('canvas')).display !== 'none',
      note: el.querySelector('.scw-note')?.textContent || '', copy: el.querySelector('.scw-dom').getBoundingClientRect().height,
      table: !!el.querySelector('.scw-dom table') };
  });
  assert.equal(lost.ok, true);
  assert.equal(lost.canvasShown, false);
  assert.match(lost.note, /text version/);
  assert.ok(lost.copy > 100 && lost.table, 'the HTML copy is visible, with the chart as a table');
  await page.screenshot({ path: artifact('reliability-lost-context.png'), fullPage: true });
  assert.deepEqual(errors.filter((e) => !/CONTEXT_LOST/.test(e)), []);
  await context.close();
});

test('races: the last update wins, destroy() rejects a load in flight, one stemcell:error per failure, no listener left', async () => {
  // Counts listeners on document and window that are added and not removed again.
  const init = () => {
    window.__listeners = 0;
    for (const t of [Document.prototype, Window.prototype]) {
      const add = t.addEventListener, remove = t.removeEventListener;
      t.addEventListener = function (...a) { window.__listeners++; return add.apply(this, a); };
      t.removeEventListener = function (...a) { window.__listeners--; return remove.apply(this, a); };
    }
  };
  const { page, errors, context } = await open({ init });
  const r = await page.evaluate(async () => {
    const doc = await defaultDoc();
    const b = structuredClone(doc);
    b.cellTypes[0].name = 'Version B';
    // mount({src: slow}) then update(B): B stays.
    const el = document.createElement('div');
    el.style.cssText = 'width: 900px; height: 560px';
    document.querySelector('main').append(el);
    const mounting = StemCellWidgets.mount(el, { widget: 'cell-diagram', src: '/hostile/slow?ms=1500', fullscreen: true });
    await new Promise((res) => { const t = () => (StemCellWidgets.get(el).id ? res() : requestAnimationFrame(t)); t(); });
    const h = StemCellWidgets.get(el);
    await h.update(b);
    const mounted = await mounting.then((x) => x === h, (e) => e.message);
    const afterSlow = el.querySelector('.scw-dom').textContent.includes('Version B');
    // update(bad) racing update(good): the good one shows, no error covers it, no error event.
    let errorsSeen = 0;
    el.addEventListener('stemcell:error', () => errorsSeen++);
    const bad = structuredClone(doc); bad.cellTypes[0].category = 'wizard';
    const good = structuredClone(doc); good.cellTypes[0].name = 'Version C';
    const [rb, rg] = await Promise.allSettled([h.update(bad), h.update(good)]);
    await new Promise((res) => requestAnimationFrame(res));
    const race = { bad: rb.status + ':' + (rb.reason && rb.reason.superseded), good: rg.status,
      alertHidden: el.querySelector('[role=alert]').hidden, shows: el.querySelector('.scw-dom').textContent.includes('Version C'), errorsSeen };
    // One bad document: one rejection and one stemcell:error.
    errorsSeen = 0;
    const once = await h.update(bad).then(() => 'resolved', (e) => e.path);
    await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
    const oneError = errorsSeen;
    h.destroy();
    // destroy() while fetching rejects with "destroyed".
    const el2 = document.createElement('div');
    document.querySelector('main').append(el2);
    const p2 = StemCellWidgets.mount(el2, { widget: 'risk-chart', src: '/hostile/slow?ms=5000' });
    await new Promise((res) => { const t = () => (StemCellWidgets.get(el2).id ? res() : requestAnimationFrame(t)); t(); });
    StemCellWidgets.get(el2).destroy();
    const destroyed = await p2.then(() => 'resolved', (e) => e.message);
    // Listeners: 20 mount/destroy cycles with the full-screen button leave none behind.
    const baseline = window.__listeners;
    for (let i = 0; i < 20; i++) {
      const e = document.createElement('div');
      document.querySelector('main').append(e);
      const hh = await StemCellWidgets.mount(e, { widget: 'risk-chart', fullscreen: true });
      hh.destroy();
      e.remove();
    }
    return { mounted, afterSlow, race, once, oneError, destroyed, leaked: window.__listeners - baseline };
  });
  assert.equal(r.mounted, true, 'mount() resolves with the handle, showing the later content');
  assert.equal(r.afterSlow, true, 'the late fetch did not replace B');
  assert.deepEqual(r.race, { bad: 'rejected:true', good: 'fulfilled', alertHidden: true, shows: true, errorsSeen: 0 });
  assert.equal(r.once, '/cellTypes/0/category');
  assert.equal(r.oneError, 1);
  assert.match(r.destroyed, /destroyed/);
  assert.equal(r.leaked, 0, 'every listener added is removed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('no silent substitution: empty bodies, data-src and inline JSON are errors; a bad /risks spares the diagram', async () => {
  const { page, errors, warnings, context } = await open();
  const r = await page.evaluate(async () => {
    const empty = await mountNew('cell-diagram', { src: '/hostile/empty' });
    const el = document.createElement('div');
    el.setAttribute('data-stemcell-widget', 'cell-diagram');
    el.setAttribute('data-src', '');
    el.style.cssText = 'width: 600px; height: 300px';
    document.querySelector('main').append(el);
    const src = await StemCellWidgets.mount(el, { widget: 'cell-diagram' }).then(() => 'ok', (e) => e.message);
    const el2 = document.createElement('div');
    el2.style.cssText = 'width: 600px; height: 300px';
    const s = document.createElement('script'); s.type = 'application/json'; s.textContent = '  \n';
    el2.append(s);
    document.querySelector('main').append(el2);
    const inline = await StemCellWidgets.mount(el2, { widget: 'cell-diagram' }).then(() => 'ok', (e) => e.message);
    const doc = await defaultDoc();
    doc.risks[0].levels[0].level = 'very high';
    const diagram = await mountNew('cell-diagram', { data: doc });
    const chart = await mountNew('risk-chart', { data: doc });
    return { empty: empty.message, src, inline, diagram: diagram.ok, chart: chart.path,
      shown: document.getElementById(empty.id).querySelector('[role=alert]').textContent };
  });
  assert.match(r.empty, /returned an empty document/);
  assert.match(r.shown, /empty document/);
  assert.match(r.src, /data-src is empty/);
  assert.match(r.inline, /inline <script type="application\/json"> is empty/);
  assert.equal(r.diagram, true, 'the cell diagram does not read /risks');
  assert.equal(r.chart, '/risks/0/levels/0/level');
  assert.ok(warnings.some((w) => /\/risks\/0\/levels\/0\/level/.test(w)), 'the diagram warns about /risks');
  assert.deepEqual(errors, []);
  await context.close();
});

test('messages: big numbers, lone surrogates, bad options and a slow drip each get a true message', async () => {
  const { page, errors, warnings, context } = await open();
  await page.clock.install();
  const r = await page.evaluate(async () => {
    const doc = await defaultDoc();
    doc.theme = { textScale: 1e13 };
    const big = await mountNew('risk-chart', { data: doc });
    const text = JSON.stringify(await defaultDoc()).replace('"version":1', '"version":1.0,"title":"\\ud800"');
    const surrogate = await mountNew('risk-chart', { data: text });
    const opts = await mountNew('risk-chart', { theme: 'neon', lang: 'x'.repeat(1000), textScale: 9, height: 'tall' });
    return { big: big.message, surrogate: surrogate.message, opts: opts.ok };
  });
  assert.match(r.big, /got 10000000000000\b/);
  assert.match(r.surrogate, /lone surrogate/);
  assert.doesNotMatch(r.surrogate, /double quotes/);
  assert.equal(r.opts, true);
  for (const o of ['theme', 'lang', 'textScale', 'height']) assert.ok(warnings.some((w) => w.includes('option ' + o + ':')), `a warning for ${o}`);
  // A response that drips forever ends at the 15 s timeout, named with its figure (Playwright's clock, no waiting).
  const drip = page.evaluate(() => mountNew('risk-chart', { src: '/hostile/drip' }));
  await page.waitForFunction(() => document.querySelectorAll('main > div').length === 4);
  await page.clock.fastForward(16000);
  const dripped = await drip;
  assert.match(dripped.message, /took longer than 15 seconds/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('silent wrong content: a long level label stays inside its cell; a day no phase covers is "between phases"', async () => {
  const { page, errors, context } = await open();
  await page.evaluate(async () => {
    const es = await fetch('/data/stemcell-explainer.es.json').then((x) => x.json());
    es.strings.levelHigh = 'Alto según la población estudiada y el tipo de trasplante';
    window.__chart = await mountNew('risk-chart', { data: es }, 'width: 1280px; height: 720px');
  });
  await settle(page);  // drawn: state() has the cells' boxes
  const r = await page.evaluate(async () => {
    const el = document.getElementById(window.__chart.id);
    const st = StemCellWidgets.get(el).state();
    const a = st.items.find((i) => i.id === 'infection/auto-hsct').box, b = st.items.find((i) => i.id === 'infection/allo-hsct').box;
    // The middle of the gap between two neighbouring cards: one colour (the background) all along it, so no label
    // runs from one cell into the next. In the grid the cards sit side by side (a vertical strip between them);
    // where a column cannot hold the long level word whole the chart is a list and they are stacked (a
    // horizontal strip between them).
    const c = el.querySelector('canvas');
    const k = c.width / c.getBoundingClientRect().width;
    const g = c.getContext('2d');
    let d, x0, x1;
    if (b.x >= a.x + a.w) {
      x0 = Math.round(((a.x + a.w + b.x) / 2) * k); x1 = x0 + 1;
      d = g.getImageData(x0, Math.floor((a.y + 3) * k), 1, Math.floor((a.h - 6) * k)).data;
    } else {
      const y = Math.round(((a.y + a.h + b.y) / 2) * k);
      x0 = Math.floor((a.x + 3) * k); x1 = Math.floor((a.x + a.w - 3) * k);
      d = g.getImageData(x0, y, x1 - x0, 1).data;
    }
    const gap = new Set();
    for (let i = 0; i < d.length; i += 4) gap.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    const en = await defaultDoc();
    const v = en.timeline.variants[0];
    v.phases = v.phases.filter((p) => p.days[1] < -3 || p.days[0] > 3);
    v.milestones.forEach((ms) => { ms.days = [-30, -30]; });
    const t = await mountNew('hsct-timeline', { data: en });
    const th = StemCellWidgets.get(document.getElementById(t.id));
    return { layout: st.layout, gapColours: gap.size, colours: [...gap].map((v) => v.toString(16)), gapWidth: x1 - x0, phase: th.state().phase, day: th.state().day,
      copy: document.getElementById(t.id).querySelector('.scw-dom').textContent };
  });
  assert.ok(r.gapWidth > 0);
  assert.equal(r.layout, 'list', 'a level word too long for a grid column is shown whole in the list');
  assert.equal(r.gapColours, 1, `nothing is drawn between two cells: the label stays inside its own (${r.colours})`);
  assert.equal(r.day, 0);
  assert.equal(r.phase, null, 'no phase claims day 0');
  assert.match(r.copy, /Between phases/);
  await page.screenshot({ path: artifact('reliability-label-and-gap.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
