// The explainer (issue 14, item 1) in Chromium: a therapy chosen in one view changes the other views' state()
// and pixels; a risk moves the timeline; the tab in state() and setState (and its errors); tabs by tap and
// keyboard on a phone; the parallel DOM with the three views under headings; axe; the HTML copy without WebGL2;
// screenshots at 375, 1280 and 1920 px wide (saved in test-artifacts/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { startServer, launch, settle, artifact, openWidgetPage, widgetState, regionPixels, changedShare, watchErrors, resizeTo, NO_WEBGL2 } from './lib.mjs';

const SEL = '#ex';
let server, base, browser;
before(async () => { ({ server, base } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const open = (opts) => openWidgetPage(browser, `${base}/tests/explainer.html`, SEL, opts);
const setState = (page, partial) => page.evaluate(([s, p]) =>
  StemCellWidgets.get(document.querySelector(s)).setState(p).then((state) => ({ state }), (e) => ({ error: e.message, name: e.name })), [SEL, partial]);
// The page point of an item a view reports (its own coordinates), through the view's pane.
async function viewItemPoint(page, view, id) {
  const st = await widgetState(page, SEL);
  const v = st.views[view];
  const item = (v.items || []).find((i) => i.id === id);
  if (!item) throw new Error(`${view}: item ${id} is not on screen; items: ${(v.items || []).map((i) => i.id).join(', ')}`);
  const box = await page.locator(SEL + ' canvas').boundingBox();
  return [box.x + v.pane.x + item.box.x + item.box.w / 2, box.y + v.pane.y + item.box.y + item.box.h / 2];
}
async function tabPoint(page, tab) {
  const st = await widgetState(page, SEL);
  const item = st.items.find((i) => i.id === 'tab:' + tab);
  const box = await page.locator(SEL + ' canvas').boundingBox();
  return [box.x + item.box.x + item.box.w / 2, box.y + item.box.y + item.box.h / 2];
}

// One page resized through the four sizes (all at dpr 1) instead of a fresh page each: before each size the
// reader's choices are cleared, and the state (all but the layout and the geometry) must then equal the freshly
// loaded page's, so each size starts as a fresh page would.
const fresh = (st) => JSON.stringify(Object.fromEntries(Object.entries(st).filter(([k]) => !['layout', 'items', 'views'].includes(k))));
test('screenshots at 375, 1280 and 1920 px: tabs, two columns, three columns', async () => {
  const SIZES = [['phone', 375, 740, 'tabs'], ['desktop', 1280, 720, 'two'], ['projector', 1920, 1080, 'two'], ['wide', 1920, 720, 'three']];
  const { page, errors, context } = await open({ width: SIZES[0][1], height: SIZES[0][2] });
  const initial = fresh(await widgetState(page, SEL));
  for (const [name, width, height, layout] of SIZES) {
    if (name !== SIZES[0][0]) {
      assert.ok((await setState(page, { therapy: null, risk: null, cell: null, tab: 'cells' })).state);
      await resizeTo(page, { width, height });
    }
    const st = await widgetState(page, SEL);
    assert.equal(fresh(st), initial, `${name}: starts as a fresh page`);
    assert.equal(st.widget, 'explainer');
    assert.equal(st.layout, layout, `${name}: ${st.layout}`);
    assert.deepEqual(st.tabs, ['cells', 'timeline', 'risks']);
    await page.screenshot({ path: artifact(`explainer-${name}.png`) });
    // The same with a therapy chosen (all linked views follow).
    assert.ok((await setState(page, { therapy: 'allo-hsct', risk: 'gvhd' })).state);
    await settle(page);
    await page.screenshot({ path: artifact(`explainer-${name}-linked.png`) });
    if (layout === 'tabs') {
      for (const tab of ['timeline', 'risks']) {
        assert.ok((await setState(page, { tab })).state);
        await settle(page);
        await page.screenshot({ path: artifact(`explainer-${name}-${tab}.png`) });
      }
    }
    assert.deepEqual(errors, []);
  }
  await context.close();
  const dark = await open({ width: 1920, height: 720, colorScheme: 'dark' });
  await dark.page.screenshot({ path: artifact('explainer-wide-dark.png') });
  await dark.context.close();
});

test('a therapy chosen in the cell diagram changes the timeline\'s and the risk chart\'s state and pixels', async () => {
  const { page, errors, context } = await open({ width: 1920, height: 720 });
  const st0 = await widgetState(page, SEL);
  assert.equal(st0.layout, 'three');
  assert.equal(st0.views.timeline.variant, 'autologous');
  const tlPane = st0.views.timeline.pane, rcPane = st0.views.risks.pane;
  const [tlBefore, rcBefore] = [await regionPixels(page, SEL, tlPane), await regionPixels(page, SEL, rcPane)];
  const [x, y] = await viewItemPoint(page, 'cells', 'therapy:allo-hsct');
  await page.mouse.click(x, y);
  await page.waitForFunction((s) => StemCellWidgets.get(document.querySelector(s)).state().views.timeline.variant === 'allogeneic', SEL, { timeout: 10000 });
  await settle(page);
  const st = await widgetState(page, SEL);
  assert.equal(st.therapy, 'allo-hsct');
  assert.equal(st.views.cells.therapy, 'allo-hsct');
  assert.equal(st.views.risks.therapy, 'allo-hsct', 'the risk chart shows the therapy\'s column');
  assert.equal(st.views.timeline.variant, 'allogeneic', 'the timeline shows the therapy\'s transplant');
  const [tlAfter, rcAfter] = [await regionPixels(page, SEL, tlPane), await regionPixels(page, SEL, rcPane)];
  assert.ok(changedShare(tlBefore, tlAfter) > 0.01, `timeline pixels changed ${(changedShare(tlBefore, tlAfter) * 100).toFixed(1)}%`);
  assert.ok(changedShare(rcBefore, rcAfter) > 0.01, `risk chart pixels changed ${(changedShare(rcBefore, rcAfter) * 100).toFixed(1)}%`);
  await page.screenshot({ path: artifact('explainer-wide-therapy-clicked.png') });
  // A risk chosen in the risk chart moves the timeline to when it peaks.
  assert.ok((await setState(page, { views: { timeline: { day: 60 } } })).state);
  await settle(page);
  const tl2 = await regionPixels(page, SEL, tlPane);
  // In the risk chart, the same risk for the other transplant: the therapy and the risk both link.
  const [rx, ry] = await viewItemPoint(page, 'risks', 'infection/auto-hsct');
  await page.mouse.click(rx, ry);
  await page.waitForFunction((s) => StemCellWidgets.get(document.querySelector(s)).state().therapy === 'auto-hsct', SEL, { timeout: 10000 });
  await settle(page);
  const st2 = await widgetState(page, SEL);
  assert.equal(st2.tab, 'risks');
  assert.equal(st2.risk, 'infection');
  assert.equal(st2.views.cells.therapy, 'auto-hsct');
  assert.equal(st2.views.timeline.variant, 'autologous');
  assert.equal(st2.views.timeline.day, 0, 'infections peak from day 0');
  assert.ok(changedShare(tl2, await regionPixels(page, SEL, tlPane)) > 0.005, 'the timeline redrew (marker and lane)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone: tabs by tap and keyboard; the tab in state(), setState({tab}) and its errors', async () => {
  const { page, errors, context } = await open({ width: 375, height: 740, touch: true });
  const st0 = await widgetState(page, SEL);
  assert.equal(st0.layout, 'tabs');
  assert.equal(st0.tab, 'cells');
  const whole = { x: 0, y: 60, w: 375, h: 600 };
  const before = await regionPixels(page, SEL, whole);
  const [tx, ty] = await tabPoint(page, 'risks');
  await page.touchscreen.tap(tx, ty);
  await page.waitForFunction((s) => StemCellWidgets.get(document.querySelector(s)).state().tab === 'risks', SEL, { timeout: 10000 });
  await settle(page);
  assert.ok(changedShare(before, await regionPixels(page, SEL, whole)) > 0.05, 'the risk chart replaced the diagram');
  const r = await setState(page, { tab: 'timeline' });
  assert.equal(r.state.tab, 'timeline');
  assert.equal(r.state.views.timeline.shown, true);
  const bad = await setState(page, { tab: 'graphs' });
  assert.equal(bad.name, 'StemCellWidgetsError');
  assert.match(bad.error, /"graphs"/);
  assert.match((await setState(page, { therapy: 'magic' })).error, /magic/);
  assert.match((await setState(page, { colour: 'red' })).error, /"colour"/);
  assert.equal((await widgetState(page, SEL)).tab, 'timeline', 'a refused setState changes nothing');
  // Keyboard: focus lands on the tabs; arrows choose, Enter goes into the view, Escape comes back.
  await page.focus(SEL + ' canvas');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((s) => StemCellWidgets.get(document.querySelector(s)).state().tab === 'cells', SEL, { timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction((s) => StemCellWidgets.get(document.querySelector(s)).state().focus === 'view', SEL, { timeout: 10000 });
  // The diagram's cursor: "All therapies", then the first therapy; Enter chooses it, and the links follow.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.waitForFunction((s) => StemCellWidgets.get(document.querySelector(s)).state().views.cells.therapy === 'auto-hsct', SEL, { timeout: 10000 });
  await settle(page);
  const k = await widgetState(page, SEL);
  assert.equal(k.focus, 'view', 'the keys still go to the diagram');
  await page.screenshot({ path: artifact('explainer-phone-keyboard.png') });
  assert.equal(k.therapy, 'auto-hsct');
  assert.equal(k.views.risks.therapy, 'auto-hsct');
  assert.equal(k.views.timeline.variant, 'autologous');
  await page.keyboard.press('Escape');  // the diagram does not use it (nothing selected): back to the tabs
  await page.waitForFunction((s) => StemCellWidgets.get(document.querySelector(s)).state().focus === 'tabs', SEL, { timeout: 10000 });
  await settle(page);
  await page.screenshot({ path: artifact('explainer-phone-keyboard-tabs.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the parallel DOM holds the three views under headings; axe finds nothing serious', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, errors, context } = await open({ width: 1280, height: 720, colorScheme });
    await setState(page, { therapy: 'auto-hsct' });
    await settle(page);
    const heads = await page.$$eval(SEL + ' .scw-dom h2', (els) => els.map((e) => e.textContent));
    assert.deepEqual(heads, ['Cells', 'Timeline', 'Risks']);
    const text = await page.locator(SEL + ' .scw-dom').textContent();
    assert.match(text, /Blood stem cell|blood stem cell/);
    assert.ok(await page.locator(SEL + ' .scw-dom table th[scope=col]').count() >= 5, 'the risk chart\'s table');
    const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).include(SEL).analyze();
    const badV = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(badV.map((v) => `${v.id}: ${v.help}`), [], `${colorScheme}: no serious/critical axe violation`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('without WebGL2 the explainer shows its three views as readable HTML', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(NO_WEBGL2);
  const errors = watchErrors(page);
  await page.goto(`${base}/tests/explainer.html`);
  await page.waitForFunction((s) => document.querySelectorAll(s + ' .scw-dom h2').length === 3, SEL, { timeout: 20000 });
  const dom = page.locator(SEL + ' .scw-dom');
  assert.ok(await dom.isVisible());
  assert.equal(await page.locator(SEL + ' canvas').isVisible(), false);
  assert.ok((await dom.textContent()).length > 1000);
  await page.screenshot({ path: artifact('explainer-no-webgl2.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
