// Browser tests of the cell-type diagram (default content) in Debian's Chromium: three sizes with screenshots,
// click and tap, keyboard walk, therapy chips, the parallel DOM, axe, reduced motion, dark mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { ROOT, startServer, launch, watchErrors, COUNT_RAF, waitReady, settle, canvasPixels, artifact, centre, openWidgetPage, widgetState, itemPoint as itemPointOf, assertSelectionDraws, idleFor } from './lib.mjs';

const SEL = '#cells';
const doc = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'stemcell-explainer.en.json'), 'utf8'));
const CELL_IDS = doc.cellTypes.map((c) => c.id);

let server, base, browser;
before(async () => { ({ server, base } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const open = (opts) => openWidgetPage(browser, base + '/tests/cell-diagram.html', SEL, opts);
const state = (page) => widgetState(page, SEL);
const itemPoint = (page, id) => itemPointOf(page, SEL, id);
const settled = settle;

for (const [name, width, height] of [['phone', 320, 480], ['desktop', 1280, 720], ['projector', 1920, 1080]]) {
  test(`renders the default content at ${name} size (${width}×${height}) and selects by click`, async () => {
    const { page, errors, context } = await open({ width, height });
    const st = await state(page);
    assert.equal(st.widget, 'cell-diagram');
    assert.equal(st.selected, null);
    assert.equal(st.therapy, null);
    assert.equal(st.layout, width < 620 ? 'narrow' : 'wide');
    for (const id of CELL_IDS) assert.ok(st.items.some((i) => i.id === id), `cell ${id} is laid out`);
    const px = await canvasPixels(page, SEL + ' canvas');
    assert.ok(px.distinct >= 8, `the diagram draws in several colours (got ${px.distinct})`);
    await page.screenshot({ path: artifact(`cell-diagram-${name}.png`) });
    const [x, y] = await itemPoint(page, 'hsc');
    await page.mouse.click(x, y);
    await settled(page);
    assert.equal((await state(page)).selected, 'hsc');
    await page.screenshot({ path: artifact(`cell-diagram-${name}-selected.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('dark mode renders with a dark background', async () => {
  const { page, errors, context } = await open({ colorScheme: 'dark' });
  const px = await canvasPixels(page, SEL + ' canvas', [[4, 4]]);
  assert.ok(px.at[0].every((v) => v < 60), `dark background, got ${px.at[0]}`);
  const [x, y] = await itemPoint(page, 'red-blood-cell');
  await page.mouse.click(x, y);
  await settled(page);
  await page.screenshot({ path: artifact('cell-diagram-desktop-dark.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('click selects, a second click clears, and stemcell:change carries the state', async () => {
  const { page, errors, context } = await open();
  await page.evaluate(() => {
    window.__changes = [];
    document.addEventListener('stemcell:change', (e) => window.__changes.push(e.detail));
  });
  const [x, y] = await itemPoint(page, 'ipsc');
  // The pixels prove it: the cell's own box and the detail panel are drawn anew.
  await assertSelectionDraws(page, SEL, 'ipsc', async () => { await page.mouse.click(x, y); await settled(page); }, { min: 0.03 });
  assert.equal((await state(page)).selected, 'ipsc');
  const live = await page.locator(SEL + ' .scw-live').textContent();
  assert.match(live, /iPS cell/, 'the live region names the selected cell');
  await page.mouse.click(x, y);
  await settled(page);
  assert.equal((await state(page)).selected, null);
  const changes = await page.evaluate(() => window.__changes);
  assert.ok(changes.length >= 2);
  assert.equal(changes[0].widget, 'cell-diagram');
  assert.equal(changes[0].selected, 'ipsc');
  // A therapy chip filters.
  const [cx, cy] = await itemPoint(page, 'therapy:msc-therapy');
  await page.mouse.click(cx, cy);
  await settled(page);
  assert.equal((await state(page)).therapy, 'msc-therapy');
  await page.screenshot({ path: artifact('cell-diagram-desktop-therapy.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a touch tap on a phone selects the right cell and opens the bottom sheet', async () => {
  const { page, errors, context } = await open({ width: 320, height: 480, touch: true, dpr: 2 });
  const [x, y] = await itemPoint(page, 'embryonic-stem-cell');
  await page.touchscreen.tap(x, y);
  await settled(page);
  const st = await state(page);
  assert.equal(st.selected, 'embryonic-stem-cell');
  assert.ok(st.items.some((i) => i.id === 'close'), 'the sheet has a close button');
  await page.screenshot({ path: artifact('cell-diagram-phone-sheet.png') });
  const [qx, qy] = await itemPoint(page, 'close');
  await page.touchscreen.tap(qx, qy);
  await settled(page);
  assert.equal((await state(page)).selected, null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: Tab enters, arrows walk the items (a sample here; the native tests walk all), Enter selects, Escape clears, Tab leaves', async () => {
  const { page, errors, context } = await open();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-stemcell-widget]')?.id), 'cells');
  const st0 = await state(page);
  const all = new Set(st0.items.map((i) => i.id));
  const seen = new Set();
  await page.keyboard.press('Home');
  await settle(page);
  seen.add((await state(page)).cursor);
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('ArrowRight');
    await settle(page);
    seen.add((await state(page)).cursor);
  }
  assert.equal(seen.size, 9, 'each ArrowRight moves to a new item');
  assert.ok([...seen].every((id) => all.has(id)), 'only items on screen');
  await page.keyboard.press('End');
  await settle(page);
  const last = (await state(page)).cursor;
  await page.keyboard.press('Enter');
  await settled(page);
  assert.equal((await state(page)).selected, last);
  await page.keyboard.press('ArrowUp');
  await settle(page);
  assert.notEqual((await state(page)).cursor, last, 'ArrowUp moves to the layer above');
  await page.screenshot({ path: artifact('cell-diagram-desktop-keyboard.png') });
  await page.keyboard.press('Escape');
  await settled(page);
  assert.equal((await state(page)).selected, null);
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.closest('[data-stemcell-widget]')?.id), 'cells',
    'Tab leaves the widget');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the parallel DOM matches the data and follows the selection', async () => {
  const { page, errors, context } = await open();
  const ids = await page.$$eval(SEL + ' .scw-dom [data-id]', (els) => els.map((e) => e.getAttribute('data-id')));
  for (const id of CELL_IDS) assert.ok(ids.includes(id), `the DOM has ${id}`);
  for (const t of doc.therapies) assert.ok(ids.includes('therapy:' + t.id), `the DOM has therapy ${t.id}`);
  const headings = await page.$$eval(SEL + ' .scw-dom h3', (els) => els.map((e) => e.textContent));
  assert.ok(headings.includes(doc.strings.category_pluripotent), 'cells are grouped by potency');
  const [x, y] = await itemPoint(page, 'msc');
  await page.mouse.click(x, y);
  await settled(page);
  const current = await page.$$eval(SEL + ' .scw-dom [aria-current="true"]', (els) => els.map((e) => e.getAttribute('data-id')));
  assert.ok(current.includes('msc'), `the selected cell has aria-current (got ${current})`);
  assert.ok(current.includes('therapy:all'), 'the active filter has aria-current');
  const text = await page.locator(SEL + ' .scw-dom').textContent();
  assert.match(text, /Sources/);
  assert.match(text, /not medical advice/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe finds no serious or critical violation', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, errors, context } = await open({ colorScheme });
    const [x, y] = await itemPoint(page, 'hsc');
    await page.mouse.click(x, y);
    await settled(page);
    const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).include(SEL).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.help}`), [], `${colorScheme}: no serious/critical axe violation`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('with reduced motion a selection draws no animation frames after settling', async () => {
  const { page, errors, context } = await open({ reducedMotion: 'reduce' });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const [x, y] = await itemPoint(page, 'myeloid-progenitor');
  const before = await page.evaluate(() => StemCellWidgets.debug.stats().animationFrames);
  await page.mouse.click(x, y);
  await settle(page);
  const afterClick = await page.evaluate(() => StemCellWidgets.debug.stats().animationFrames);
  assert.equal(afterClick - before, 0, 'a selection draws no animation frames, only the frames for the input');
  assert.equal((await state(page)).selected, 'myeloid-progenitor');
  const idle = await idleFor(page, 60);
  assert.equal(idle.frames, 0, 'no frames while idle');
  assert.equal(idle.raf, 0, 'no animation frames requested while idle');
  assert.deepEqual(errors, []);
  await context.close();
});

// Issue 13 item 5: readable at text scale 1.5 and 2, at 200% zoom (devicePixelRatio 2 with half the CSS size), in a
// 650 px column and on a 375 px phone, in English and Spanish, with the detail open (the native tests check the
// layout over the whole grid; these screenshots are looked at). Issue 9: CAR-MSC is "engineered in a lab from" MSC.
const ES = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'stemcell-explainer.es.json'), 'utf8'));
for (const c of [
  { name: 'desktop-ts2', width: 1280, height: 720, dpr: 1, textScale: 2, lang: 'en', select: 'hsc' },
  { name: 'projector-zoom200-ts1.5', width: 960, height: 540, dpr: 2, textScale: 1.5, lang: 'es', select: 'car-msc' },
  { name: 'column650-ts1.5', width: 650, height: 480, dpr: 1, textScale: 1.5, lang: 'es', select: null },
  { name: 'phone-ts2', width: 375, height: 640, dpr: 2, textScale: 2, lang: 'es', select: 'lymphoid-progenitor' },
  { name: 'phone-ts1', width: 375, height: 640, dpr: 2, textScale: 1, lang: 'en', select: 'car-msc' },
]) {
  test(`readable at ${c.name} (${c.width}×${c.height} CSS, dpr ${c.dpr}, textScale ${c.textScale}, ${c.lang})`, async () => {
    const context = await browser.newContext({ viewport: { width: c.width, height: c.height }, deviceScaleFactor: c.dpr });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(base + '/tests/empty.html');
    const data = c.lang === 'es' ? ES : doc;
    await page.evaluate(async ([opts, d]) => {
      const el = document.createElement('div');
      el.id = 'scaled';
      el.style.cssText = `width:${opts.width}px;height:${opts.height}px`;
      document.body.prepend(el);
      document.querySelector('h1').remove();
      await StemCellWidgets.mount(el, { widget: 'cell-diagram', data: d, lang: opts.lang, textScale: opts.textScale, height: opts.height });
    }, [c, data]);
    await settle(page);
    if (c.select) {
      await page.evaluate(([s, id]) => StemCellWidgets.get(document.querySelector(s)).setState({ selected: id }), ['#scaled', c.select]);
      await settle(page);
    }
    const st = await widgetState(page, '#scaled');
    assert.equal(st.selected, c.select);
    if (c.select) assert.ok(st.items.some((i) => i.id === 'close'), 'the panel has its close button');
    await page.screenshot({ path: artifact(`cell-diagram-readable-${c.name}.png`) });
    if (c.select === 'car-msc') {
      const text = await page.locator('#scaled .scw-dom').textContent();
      assert.ok(text.includes(data.strings.engineeredFrom), 'the HTML copy names the "engineered from" relation');
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}
