// Issue 13, readability in the browser (the native layout tests check the geometry; these are the pictures to
// look at, test-artifacts/readable-*.png): a short wide timeline stays horizontal with its detail beside it and
// scrolls with the wheel; a phone's risk chart at text scale 2 opens the detail as a sheet over the list and
// closes back to the card; a 375 px phone at 200% zoom and text scale 2 wraps words whole.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, watchErrors, waitReady, settle, artifact } from './lib.mjs';

let server, base, browser;
before(async () => { ({ server, base } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// One widget filling a viewport of w × h CSS px (zoom: deviceScaleFactor, as 200% page zoom doubles it).
async function mountOne(widget, { w, h, textScale = 1, lang = 'en', zoom = 1 }) {
  const context = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: zoom });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(base + '/tests/empty.html');
  await page.evaluate(async ([widget, textScale, lang]) => {
    document.body.style.margin = '0';
    document.querySelector('main').remove();
    const el = document.createElement('div');
    el.id = 'w';
    el.style.cssText = 'width:100vw;height:100vh';
    document.body.appendChild(el);
    await StemCellWidgets.mount(el, { widget, textScale, lang, src: `/data/stemcell-explainer.${lang}.json` });
  }, [widget, textScale, lang]);
  await waitReady(page, '#w');
  await settle(page);
  return { page, errors, context };
}
const state = (page) => page.evaluate(() => StemCellWidgets.get(document.querySelector('#w')).state());

for (const [w, h, ts] of [[1280, 360, 1.5], [1920, 500, 2]]) {
  test(`timeline ${w}x${h} at text scale ${ts}: horizontal, the detail beside it, the wheel scrolls to the disclaimer`, { timeout: 60000 }, async () => {
    const { page, errors, context } = await mountOne('hsct-timeline', { w, h, textScale: ts });
    const st = await state(page);
    assert.equal(st.vertical, false, 'not the phone layout');
    const panel = st.items.find((i) => i.id === 'panel');
    assert.ok(panel.box.x > w / 2, `the panel on the right: ${JSON.stringify(panel.box)}`);
    assert.ok(panel.box.y + panel.box.h > h * 0.9 && panel.box.h > h * 0.5, `under the header, to the bottom: ${JSON.stringify(panel.box)}`);
    await page.screenshot({ path: artifact(`readable-timeline-${w}x${h}-text${ts}.png`) });
    await page.mouse.move(40, h / 2);
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 200);
    await settle(page);
    await page.screenshot({ path: artifact(`readable-timeline-${w}x${h}-text${ts}-scrolled.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('risk chart on a 375 px phone at text scale 2: the selection opens a sheet over the list; Escape returns to the card', { timeout: 60000 }, async () => {
  const { page, errors, context } = await mountOne('risk-chart', { w: 375, h: 640, textScale: 2, lang: 'es' });
  await page.evaluate(() => StemCellWidgets.get(document.querySelector('#w')).setState({ selected: 'gvhd/allo-hsct' }));
  await settle(page);
  let st = await state(page);
  assert.equal(st.selected, 'gvhd/allo-hsct');
  assert.equal(st.panel, 'below');
  const cards = st.items.filter((i) => i.id.includes('/'));
  assert.equal(cards.length, 0, 'the list is under the sheet (no card half-shown above it)');
  await page.screenshot({ path: artifact('readable-risk-phone-text2-sheet.png') });
  await page.locator('#w canvas').focus();
  await page.keyboard.press('Escape');
  await settle(page);
  st = await state(page);
  assert.equal(st.selected, null);
  assert.ok(st.items.some((i) => i.id === 'gvhd/allo-hsct'), 'the card is in view again');
  await page.screenshot({ path: artifact('readable-risk-phone-text2-closed.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

for (const widget of ['cell-diagram', 'hsct-timeline', 'risk-chart']) {
  test(`${widget} on a 375 px phone at 200% zoom and text scale 2 (Spanish): a picture to check that words wrap whole`, { timeout: 60000 }, async () => {
    const { page, errors, context } = await mountOne(widget, { w: 188, h: 333, textScale: 2, lang: 'es', zoom: 2 });
    await page.screenshot({ path: artifact(`readable-${widget}-phone-zoom200-text2.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  });
}
