// Browser tests of the wasm host with the test-pattern scaffold, in Debian's Chromium (SwiftShader WebGL2).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launch, watchErrors, COUNT_RAF, waitReady, settle, canvasPixels, artifact, centre, ROOT, idleFor, NO_WEBGL2 } from './lib.mjs';

let server, base, browser;
before(async () => { ({ server, base } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function open(pathname, { viewport = { width: 1000, height: 900 }, dpr = 1, touch = false } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: dpr, hasTouch: touch });
  const page = await context.newPage();
  await page.addInitScript(COUNT_RAF);
  const errors = watchErrors(page);
  await page.goto(base + pathname);
  return { page, errors, context };
}
const state = (page, sel) => page.evaluate((s) => StemCellWidgets.get(document.querySelector(s)).state(), sel);
async function itemPoint(page, sel, id) {
  const st = await state(page, sel);
  const item = st.items.find((i) => i.id === id);
  const box = await page.locator(sel + ' canvas').boundingBox();
  const [x, y] = centre(item.box);
  return [box.x + x, box.y + y];
}

test('two widgets both render real pixels, at the device pixel ratio', async () => {
  const { page, errors, context } = await open('/tests/two.html', { dpr: 2 });
  await waitReady(page, '[data-stemcell-widget]');
  for (const sel of ['#a', '#b']) {
    const st = await state(page, sel);
    const circle = st.items.find((i) => i.id === 'circle').box;
    const px = await canvasPixels(page, sel + ' canvas', [centre(circle), [2, 2]]);
    assert.equal(px.width, 1200, 'canvas pixels = CSS width × devicePixelRatio');
    assert.equal(px.height, 720);
    assert.ok(px.distinct >= 5, `${sel} draws several colours, got ${px.distinct}`);
    assert.deepEqual(px.at[0], [0x00, 0x72, 0xB2], `${sel} circle is drawn in its palette colour`);
    assert.deepEqual(px.at[1], [255, 255, 255], `${sel} background is the light theme's`);
  }
  await page.screenshot({ path: artifact('host-two-widgets.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a click changes only its own widget, and emits stemcell:change', async () => {
  const { page, errors, context } = await open('/tests/two.html');
  await waitReady(page, '[data-stemcell-widget]');
  await page.evaluate(() => {
    window.__changes = [];
    document.addEventListener('stemcell:change', (e) => window.__changes.push([e.target.id, e.detail.selected]));
  });
  const [x, y] = await itemPoint(page, '#a', 'square');
  await page.mouse.click(x, y);
  await settle(page);
  assert.equal((await state(page, '#a')).selected, 'square');
  assert.equal((await state(page, '#a')).clicks, 1);
  assert.equal((await state(page, '#b')).selected, null);
  assert.equal((await state(page, '#b')).clicks, 0);
  assert.deepEqual(await page.evaluate(() => window.__changes), [['a', 'square']]);
  const live = await page.locator('#a .scw-live').textContent();
  assert.match(live, /square/, 'the polite live region says what changed');
  const sq = (await state(page, '#a')).items.find((i) => i.id === 'square').box;
  const px = await canvasPixels(page, '#a canvas', [centre(sq)]);
  assert.deepEqual(px.at[0], [0x1F, 0x5F, 0xBF], 'the selected square is redrawn in the accent colour');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a touch tap counts once', async () => {
  const { page, errors, context } = await open('/tests/two.html', { touch: true });
  await waitReady(page, '[data-stemcell-widget]');
  const [x, y] = await itemPoint(page, '#b', 'circle');
  await page.touchscreen.tap(x, y);
  await settle(page);
  const st = await state(page, '#b');
  assert.equal(st.clicks, 1, 'one tap, one click (no second click from emulated mouse events)');
  assert.equal(st.selected, 'circle');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an idle page draws 0 frames and requests 0 animation frames for 120 animation frames (2 s)', async () => {
  const { page, errors, context } = await open('/tests/two.html');
  await waitReady(page, '[data-stemcell-widget]');
  const idle = await idleFor(page, 120);
  assert.equal(idle.frames, 0, 'no frame drawn while idle');
  assert.equal(idle.raf, 0, 'no animation frame requested while idle');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a resize re-renders at the new size', async () => {
  const { page, errors, context } = await open('/tests/two.html');
  await waitReady(page, '[data-stemcell-widget]');
  const framesBefore = await page.evaluate(() => StemCellWidgets.debug.stats().frames);
  await page.evaluate(() => { document.querySelector('#a').style.width = '420px'; });
  await page.waitForFunction(() => document.querySelector('#a canvas').width === 420);
  await settle(page);
  const st = await state(page, '#a');
  const px = await canvasPixels(page, '#a canvas', [centre(st.items.find((i) => i.id === 'triangle').box)]);
  assert.equal(px.width, 420);
  assert.deepEqual(px.at[0], [0x00, 0x9E, 0x73], 'the triangle is drawn where the new layout puts it');
  assert.ok(await page.evaluate(() => StemCellWidgets.debug.stats().frames) > framesBefore);
  await page.screenshot({ path: artifact('host-resized.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a lost WebGL context is restored and every widget redrawn', async () => {
  const { page, errors, context } = await open('/tests/two.html');
  await waitReady(page, '[data-stemcell-widget]');
  await settle(page);
  await page.waitForTimeout(200);  // the glyphs no frame used yet are drawn into the atlas 50 ms after the first frame
  const pixelsOf = (sel) => page.evaluate((s) => {
    const c = document.querySelector(s);
    return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data);
  }, sel);
  const before = await pixelsOf('#b canvas');
  await page.evaluate(() => new Promise((resolve) => {
    const ext = StemCellWidgets.debug.loseContext();
    requestAnimationFrame(() => requestAnimationFrame(() => { ext.restoreContext(); resolve(); }));
  }));
  await page.waitForFunction(() => StemCellWidgets.debug.stats().contextRestores === 1, null, { timeout: 10000 });
  await page.evaluate(() => { const c = document.querySelector('#a canvas'); c.getContext('2d').clearRect(0, 0, c.width, c.height); });
  // Any input after the restore redraws; the restore itself must already have redrawn both.
  await settle(page);
  const [x, y] = await itemPoint(page, '#a', 'circle');
  await page.mouse.click(x, y);
  await settle(page);
  const st = await state(page, '#a');
  const px = await canvasPixels(page, '#a canvas', [centre(st.items.find((i) => i.id === 'square').box)]);
  assert.deepEqual(px.at[0], [0xD5, 0x5E, 0x00], 'drawing works after the restore');
  assert.equal(st.selected, 'circle');
  // The other widget, redrawn by the restore, is the same picture, its text too: the new context's font texture
  // holds the whole atlas.
  const after = await pixelsOf('#b canvas');
  assert.equal(after.length, before.length);
  let differ = 0;
  for (let i = 0; i < before.length; i++) differ += before[i] !== after[i];
  assert.equal(differ, 0, `${differ} colour values of #b differ after the restore`);
  assert.deepEqual(errors.filter((e) => !/WebGL: CONTEXT_LOST_WEBGL/.test(e)), []);
  await context.close();
});

// The first draw of a pipeline costs SwiftShader-like drivers tens of ms (compiling it): the renderer draws one
// small triangle as it makes its context and fences it, so the GPU process compiles while the content is read,
// not in the first frame's copy (see ARCHITECTURE.md, the first frame). Again after a context loss.
test('the renderer submits a fenced warm-up draw when it makes its context, before the first frame', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const log = window.__glLog = [];
    const G = WebGL2RenderingContext.prototype;
    for (const [name, tag] of [['drawElements', 'draw'], ['fenceSync', 'fence'], ['clear', 'clear'], ['flush', 'flush']]) {
      const f = G[name];
      G[name] = function (...a) { log.push(tag); return f.apply(this, a); };
    }
  });
  const errors = watchErrors(page);
  await page.goto(base + '/tests/two.html');
  await waitReady(page, '[data-stemcell-widget]');
  const first = await page.evaluate(() => window.__glLog.slice());
  const clear = first.indexOf('clear');
  assert.ok(clear > 0, `a frame was cleared: ${first.join(' ')}`);
  assert.deepEqual(first.slice(0, clear), ['draw', 'fence', 'flush'], 'one draw, fenced and flushed, before the first frame');
  await page.evaluate(() => new Promise((resolve) => {
    window.__glLog.length = 0;
    const ext = StemCellWidgets.debug.loseContext();
    requestAnimationFrame(() => requestAnimationFrame(() => { ext.restoreContext(); resolve(); }));
  }));
  await page.waitForFunction(() => StemCellWidgets.debug.stats().contextRestores === 1, null, { timeout: 10000 });
  await settle(page);
  const again = await page.evaluate(() => window.__glLog.slice());
  assert.deepEqual(again.slice(0, again.indexOf('clear')), ['draw', 'fence', 'flush'], 'the restored context is warmed up too');
  assert.deepEqual(errors.filter((e) => !/WebGL: CONTEXT_LOST_WEBGL/.test(e)), []);
  await context.close();
});

test('the first frame is drawn before the text copy is built; stemcell:ready and mount() come with both in place', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(base + '/tests/two.html');
  await waitReady(page, '[data-stemcell-widget]');
  const order = await page.evaluate(async () => {
    const log = [];
    const copied = () => !!document.querySelector('#late section');
    // The widget's canvas gets each frame through drawImage (the copy of the shared context's frame).
    const draw = CanvasRenderingContext2D.prototype.drawImage;
    CanvasRenderingContext2D.prototype.drawImage = function (...a) {
      if (this.canvas.closest('#late') && !log.includes('frame')) log.push(copied() ? 'frame (after the copy)' : 'frame');
      return draw.apply(this, a);
    };
    new MutationObserver(() => { if (copied() && !log.includes('copy')) log.push('copy'); })
      .observe(document.body, { childList: true, subtree: true });
    document.addEventListener('stemcell:ready', (e) => {
      if (e.target.id === 'late') log.push(copied() ? 'ready (copy in place)' : 'ready (no copy)');
    });
    const el = document.createElement('div');
    el.id = 'late';
    el.style.height = '400px';
    document.body.appendChild(el);
    await StemCellWidgets.mount(el, { widget: 'hsct-timeline' });
    log.push(copied() ? 'mount (copy in place)' : 'mount (no copy)');
    await new Promise((r) => setTimeout(r, 0));  // the observer's last records
    CanvasRenderingContext2D.prototype.drawImage = draw;
    return log;
  });
  // The copy is seen by the observer (a microtask) and may land after the events of the same task: compare the rest.
  assert.deepEqual(order.filter((x) => x !== 'copy'), ['frame', 'ready (copy in place)', 'mount (copy in place)']);
  assert.ok(order.includes('copy'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('content is drawn in the task that loads it, not at the next animation frame', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  // Before the page's scripts: note whether each widget canvas's first copy comes inside an animation frame.
  await page.addInitScript(() => {
    window.__firstCopies = [];
    let inFrame = false;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => raf((t) => { inFrame = true; try { cb(t); } finally { inFrame = false; } });
    const draw = CanvasRenderingContext2D.prototype.drawImage;
    const seen = new Set();
    CanvasRenderingContext2D.prototype.drawImage = function (...a) {
      const host = this.canvas.closest('[data-stemcell-widget]');
      if (host && !seen.has(host)) { seen.add(host); window.__firstCopies.push({ id: host.id, inFrame }); }
      return draw.apply(this, a);
    };
  });
  const errors = watchErrors(page);
  await page.goto(base + '/tests/a11y.html');  // the three widgets, from the page bundle
  await waitReady(page, '[data-stemcell-widget]');
  const copies = await page.evaluate(() => window.__firstCopies);
  assert.deepEqual(copies.map((c) => c.id).sort(), ['cells', 'risks', 'timeline']);
  for (const c of copies) assert.equal(c.inFrame, false, `#${c.id}: its first frame waited for an animation frame`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('data-lang="es" where the Spanish built-in content was not uploaded: the English one, and a note saying what to upload', async () => {
  // The tests' bundle (/testing/) has no stemcell-explainer.es.json beside it.
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(base + '/tests/two.html');
  await waitReady(page, '[data-stemcell-widget]');
  const label = await page.evaluate(async () => {
    const el = document.createElement('div');
    el.style.height = '300px';
    document.body.appendChild(el);
    await StemCellWidgets.mount(el, { widget: 'test-pattern', lang: 'es' });
    return StemCellWidgets.get(el).state().label;
  });
  assert.ok(typeof label === 'string');  // it started, with the built-in content
  assert.ok(warnings.some((w) => /stemcell-explainer\.es\.json/.test(w) && /English/.test(w)), warnings.join('\n'));
  await context.close();
});

test('the strict-CSP page works with no violation', async () => {
  const { page, errors, context } = await open('/csp.html');
  await waitReady(page, '[data-stemcell-widget]');
  const px = await canvasPixels(page, '[data-stemcell-widget] canvas');
  assert.ok(px.distinct >= 5, 'the widget draws under the strict policy');
  await page.screenshot({ path: artifact('host-csp.png') });
  assert.deepEqual(errors, [], 'no console error and no CSP violation');
  await context.close();
});

test('keyboard: Tab enters, arrows move, Enter selects, Tab leaves to the page', async () => {
  const { page, errors, context } = await open('/tests/two.html');
  await waitReady(page, '[data-stemcell-widget]');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-stemcell-widget]')?.id), 'a');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await settle(page);
  const st = await state(page, '#a');
  assert.equal(st.cursor, 2);
  assert.equal(st.selected, 'triangle', JSON.stringify(st));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'A', 'Tab is not trapped');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the wheel over a widget scrolls the page (no scroll trapping)', async () => {
  const { page, errors, context } = await open('/tests/two.html', { viewport: { width: 1000, height: 600 } });
  await waitReady(page, '[data-stemcell-widget]');
  const box = await page.locator('#a canvas').boundingBox();
  await page.mouse.move(box.x + 50, box.y + 50);
  await page.mouse.wheel(0, 400);
  await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
  assert.ok(await page.evaluate(() => window.scrollY) > 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('24 widgets on one page all draw and respond', async () => {
  const { page, errors, context } = await open('/tests/many.html', { viewport: { width: 1300, height: 800 } });
  await waitReady(page, '.w');
  const stats = await page.evaluate(() => StemCellWidgets.debug.stats());
  assert.equal(stats.instances, 24);
  for (let i = 0; i < 24; ++i) {
    const sel = `#w${i}`;
    await page.locator(sel).scrollIntoViewIfNeeded();
    const [x, y] = await itemPoint(page, sel, 'circle');
    await page.mouse.click(x, y);
  }
  await settle(page);
  for (let i = 0; i < 24; ++i) {
    const sel = `#w${i}`;
    const st = await state(page, sel);
    assert.equal(st.selected, 'circle', `${sel} responded`);
    const px = await canvasPixels(page, sel + ' canvas', [centre(st.items.find((it) => it.id === 'circle').box)]);
    assert.deepEqual(px.at[0], [0x1F, 0x5F, 0xBF], `${sel} drew its selection`);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: artifact('host-24-widgets.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('widgets added later are mounted; removed ones are destroyed', async () => {
  const { page, errors, context } = await open('/tests/two.html');
  await waitReady(page, '#a');
  await page.evaluate(() => {
    const d = document.createElement('div');
    d.id = 'late';
    d.setAttribute('data-stemcell-widget', 'test-pattern');
    d.style.cssText = 'width: 300px; height: 200px';
    document.querySelector('main').prepend(d);
  });
  await waitReady(page, '#late');
  assert.equal(await page.evaluate(() => StemCellWidgets.debug.stats().instances), 3);
  await page.evaluate(() => document.querySelector('#late').remove());
  await page.waitForFunction(() => StemCellWidgets.debug.stats().instances === 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('mount() API: options, update(), state(), destroy(), and errors as events and text', async () => {
  const { page, errors, context } = await open('/tests/two.html');
  await waitReady(page, '#a');
  const result = await page.evaluate(async () => {
    const el = document.createElement('div');
    el.style.cssText = 'width: 400px; height: 260px';
    document.body.append(el);
    const h = await StemCellWidgets.mount(el, { widget: 'test-pattern', data: { label: 'Mounted' } });
    const s1 = h.state();
    await h.update({ label: 'Updated' });
    const s2 = h.state();
    let err = null;
    const seen = [];
    el.addEventListener('stemcell:error', (e) => seen.push(e.detail));
    try { await h.update({ label: 42 }); } catch (e) { err = { message: e.message, path: e.path }; }
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));  // any late event would be in
    const alert = el.querySelector('[role=alert]');
    const shown = alert && !alert.hidden ? alert.textContent : '';
    const same = StemCellWidgets.get(el) === h;
    h.destroy();
    return { s1, s2, err, seen, shown, same, after: StemCellWidgets.get(el), left: el.querySelector('canvas') };
  });
  assert.equal(result.s1.widget, 'test-pattern');
  assert.equal(result.s1.label, 'Mounted');
  assert.equal(result.s2.label, 'Updated');
  assert.equal(result.err.path, '/label');
  assert.equal(result.seen.length, 1, 'one stemcell:error for one failure');
  assert.equal(result.seen[0].path, '/label');
  assert.match(result.shown, /\/label/);
  assert.equal(result.same, true);
  assert.equal(result.after, null);
  assert.equal(result.left, null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('broken data shows a readable error in place of the widget, never a blank box', async () => {
  const { page, errors, context } = await open('/tests/errors.html');
  await page.waitForFunction(() => [...document.querySelectorAll('[role=alert]')].filter((a) => !a.hidden).length >= 4, null, { timeout: 20000 });
  const text = async (sel) => page.locator(`${sel} [role=alert]`).textContent();
  assert.match(await text('#missing'), /404/);
  assert.match(await text('#html'), /HTML/);
  assert.match(await text('#syntax'), /line 3, column 18/);
  assert.match(await text('#syntax'), /trailing comma/);
  assert.match(await text('#kind'), /Unknown widget kind "no-such-widget"/);
  // Text from JSON is text: the inline label never becomes markup.
  await waitReady(page, '#inline');
  assert.equal((await state(page, '#inline')).label, '<img src=x onerror=alert(1)>');
  assert.equal(await page.locator('img').count(), 0);
  assert.match(await text('#unreachable'), /network request failed/);
  await page.screenshot({ path: artifact('host-errors.png'), fullPage: true });
  assert.deepEqual(errors.filter((e) => !/404|ERR_CONNECTION_REFUSED|ERR_UNSAFE_PORT|Failed to fetch/.test(e)), []);
  await context.close();
});

test('a data source that never answers says "Loading…" and then fails after 15 s, never loading forever', async () => {
  // Playwright's clock stands in for the 15 s: the test does not wait them out.
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(base + '/tests/errors.html');
  await page.waitForFunction(() => { const h = window.StemCellWidgets && StemCellWidgets.get(document.querySelector('#slow')); return h && h.loadCtrl; }, null, { polling: 50 });
  assert.equal(await page.locator('#slow .scw-status').textContent(), 'Loading…');
  assert.ok(await page.locator('#slow .scw-status').isVisible());
  const events = page.evaluate(() => new Promise((resolve) => {
    document.querySelector('#slow').addEventListener('stemcell:error', (e) => resolve(e.detail.message));
  }));
  await page.clock.fastForward(16000);
  const message = await events;
  assert.match(message, /longer than 15 seconds/);
  assert.match(await page.locator('#slow [role=alert]').textContent(), /longer than 15 seconds/);
  assert.equal(await page.locator('#slow .scw-status').isVisible(), false);
  await context.close();
});

test('teacher options: a full-screen button fills the screen and re-renders; fallback content is hidden', async () => {
  const { page, errors, context } = await open('/tests/options.html', { viewport: { width: 1280, height: 720 } });
  await waitReady(page, '#w');
  assert.equal(await page.locator('#fallback').isVisible(), false, 'fallback content is hidden while the widget shows');
  const widthBefore = await page.evaluate(() => document.querySelector('#w canvas').width);
  assert.equal(widthBefore, 500);
  await page.getByRole('button', { name: 'Full screen' }).click();
  await page.waitForFunction(() => document.fullscreenElement !== null);
  await page.waitForFunction(() => document.querySelector('#w canvas').width === 1280, null, { timeout: 10000 });
  await settle(page);
  const st = await state(page, '#w');
  const px = await canvasPixels(page, '#w canvas', [centre(st.items.find((i) => i.id === 'circle').box)]);
  assert.deepEqual(px.at[0], [0x00, 0x72, 0xB2], 'redrawn at full-screen size');
  await page.screenshot({ path: artifact('host-fullscreen.png') });
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.fullscreenElement && document.exitFullscreen());
  await page.waitForFunction(() => document.querySelector('#w canvas').width === 500, null, { timeout: 10000 });
  await page.evaluate(() => StemCellWidgets.get(document.querySelector('#w')).destroy());
  assert.equal(await page.locator('#fallback').isVisible(), true, 'destroy() gives the page its content back');
  assert.deepEqual(errors, []);
  await context.close();
});

test('offline: the single-file bundle works from a file:// page (no server, no network)', async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto('file://' + path.join(ROOT, 'tests', 'browser', 'pages', 'offline.html'));
  await waitReady(page, '#w');
  const px = await canvasPixels(page, '#w canvas');
  assert.ok(px.distinct >= 5, 'the widget draws');
  assert.deepEqual(errors, []);
  await context.close();
});

test('without WebGL2 each widget shows its content as readable HTML instead of the canvas', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(NO_WEBGL2);
  const errors = watchErrors(page);
  await page.goto(base + '/index.html');
  await page.waitForFunction(() => document.querySelectorAll('.scw-dom h2, .scw-dom h3, .scw-dom table').length >= 3, null, { timeout: 20000 });
  for (const kind of ['cell-diagram', 'hsct-timeline', 'risk-chart']) {
    const el = page.locator(`[data-stemcell-widget="${kind}"]`).first();
    assert.equal(await el.locator('canvas').isVisible(), false, `${kind}: no canvas`);
    const dom = el.locator('.scw-dom');
    assert.ok(await dom.isVisible(), `${kind}: the HTML version is visible`);
    const box = await dom.boundingBox();
    assert.ok(box.width > 300 && box.height > 100, `${kind}: laid out to be read (${box.width}×${box.height})`);
    assert.ok((await dom.textContent()).length > 200, `${kind}: it holds the content`);
  }
  assert.ok(await page.locator('[data-stemcell-widget="risk-chart"] .scw-dom table th[scope=col]').count() >= 5);
  await page.screenshot({ path: artifact('fallback-no-webgl2.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a devicePixelRatio change (zoom, another screen) re-renders at the new pixel density', async () => {
  const { page, errors, context } = await open('/tests/two.html', { viewport: { width: 1000, height: 900 }, dpr: 1 });
  await waitReady(page, '[data-stemcell-widget]');
  assert.equal(await page.evaluate(() => document.querySelector('#a canvas').width), 600);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1000, height: 900, deviceScaleFactor: 2, mobile: false });
  // Emulation changes the ratio silently; a zooming browser also fires resize (and a resolution media change).
  await page.evaluate(() => window.dispatchEvent(new Event('resize')));
  await page.waitForFunction(() => document.querySelector('#a canvas').width === 1200, null, { timeout: 10000 });
  await settle(page);
  const st = await state(page, '#a');
  const px = await canvasPixels(page, '#a canvas', [centre(st.items.find((i) => i.id === 'square').box)]);
  assert.equal(px.height, 720);
  assert.deepEqual(px.at[0], [0xD5, 0x5E, 0x00], 'drawn at the new density');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a burst of changes is announced once, with the last state (the live region does not chatter)', async () => {
  const { page, errors, context } = await open('/tests/two.html');
  await waitReady(page, '#a');
  await page.evaluate(() => {
    window.__spoken = 0;
    new MutationObserver(() => window.__spoken++).observe(document.querySelector('#a .scw-live'), { childList: true, characterData: true, subtree: true });
    window.__changes = 0;
    document.querySelector('#a').addEventListener('stemcell:change', () => window.__changes++);
  });
  // The points first, then the clicks back to back: the burst must stay inside the 200 ms pause even on a busy machine.
  const points = [];
  for (const id of ['circle', 'square', 'triangle', 'circle', 'square']) points.push(await itemPoint(page, '#a', id));
  for (const [x, y] of points) await page.mouse.click(x, y);
  await settle(page);
  assert.equal(await page.evaluate(() => window.__changes), 5, 'every change is still an event for the page');
  assert.equal(await page.evaluate(() => window.__spoken), 1, 'but the live region speaks once');
  assert.match(await page.locator('#a .scw-live').textContent(), /square/);
  assert.deepEqual(errors, []);
  await context.close();
});
