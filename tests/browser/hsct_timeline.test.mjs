// Browser tests of the HSCT timeline (KIND hsct-timeline) with the default content, in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { startServer, launch, watchErrors, COUNT_RAF, waitReady, settle, artifact, centre, openWidgetPage, widgetState, itemPoint as itemPointOf, assertSelectionDraws, idleFor } from './lib.mjs';

let server, base, browser;
before(async () => { ({ server, base } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const SEL = '#tl';
const open = (opts) => openWidgetPage(browser, base + '/tests/hsct-timeline.html', SEL, opts);
const state = (page) => widgetState(page, SEL);
const point = (page, id) => itemPointOf(page, SEL, id);
async function clickItem(page, id) {
  const [x, y] = await point(page, id);
  await page.mouse.click(x, y);
  await settle(page);
}

test('renders both variants at phone, desktop and projector sizes (screenshots)', async () => {
  for (const [name, width, height] of [['phone', 320, 480], ['desktop', 1280, 720], ['projector', 1920, 1080]]) {
    const { page, errors, context } = await open({ width, height });
    let st = await state(page);
    assert.equal(st.widget, 'hsct-timeline');
    assert.equal(st.variant, 'autologous');
    assert.equal(st.vertical, width < 560, 'vertical on phones only');
    const phases = st.items.filter((i) => i.id.startsWith('auto-'));
    assert.ok(phases.length >= (width < 560 ? 2 : 7), `${name}: phases on screen`);
    await page.screenshot({ path: artifact(`hsct-timeline-${name}.png`) });
    await clickItem(page, 'variant-allogeneic');
    st = await state(page);
    assert.equal(st.variant, 'allogeneic');
    assert.ok(st.items.some((i) => i.id.startsWith('allo-')));
    await page.screenshot({ path: artifact(`hsct-timeline-${name}-allogeneic.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('dark mode renders (screenshot)', async () => {
  const { page, errors, context } = await open({ colorScheme: 'dark' });
  await clickItem(page, 'auto-low-counts');
  await page.screenshot({ path: artifact('hsct-timeline-desktop-dark.png') });
  const px = await page.evaluate(() => {
    const c = document.querySelector('#tl canvas');
    const d = c.getContext('2d').getImageData(2, 2, 1, 1).data;
    return [d[0], d[1], d[2]];
  });
  assert.ok(px[0] < 60 && px[1] < 60 && px[2] < 60, `dark background, got ${px}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('click selects a phase and updates state and the live region; a second click clears', async () => {
  const { page, errors, context } = await open();
  await page.evaluate(() => {
    window.__changes = [];
    document.addEventListener('stemcell:change', (e) => window.__changes.push(e.detail));
  });
  await assertSelectionDraws(page, SEL, 'auto-low-counts', () => clickItem(page, 'auto-low-counts'), { min: 0.02 });
  let st = await state(page);
  assert.equal(st.selected, 'auto-low-counts');
  assert.equal(st.phase, 'auto-low-counts');
  assert.equal(st.day, 1);
  const changes = await page.evaluate(() => window.__changes);
  assert.ok(changes.length >= 1 && changes.at(-1).phase === 'auto-low-counts', 'stemcell:change carries the state');
  assert.match(await page.locator(SEL + ' .scw-live').textContent(), /Low blood counts/);
  await clickItem(page, 'auto-low-counts');
  st = await state(page);
  assert.equal(st.selected, null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dragging the marker on the axis changes the day and the phase', async () => {
  const { page, errors, context } = await open();
  const st = await state(page);
  const ax = st.items.find((i) => i.id === 'axis').box;
  const box = await page.locator(SEL + ' canvas').boundingBox();
  const y = box.y + ax.y + ax.h / 2;
  await page.mouse.move(box.x + ax.x + ax.w * 0.5, y);
  await page.mouse.down();
  for (let k = 1; k <= 8; k++) await page.mouse.move(box.x + ax.x + ax.w * (0.5 + 0.05 * k), y);
  await page.mouse.up();
  await settle(page);
  const after1 = await state(page);
  assert.ok(after1.day > 100, `the day moved with the pointer, got ${after1.day}`);
  assert.equal(after1.phase, after1.selected);
  assert.match(await page.locator(SEL + ' .scw-live').textContent(), /Day \+\d+/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('touch: a tap selects on the phone, and a drag scrolls the vertical timeline', async () => {
  const { page, errors, context } = await open({ width: 320, height: 480, touch: true });
  const [nx, ny] = await point(page, 'next');
  await page.touchscreen.tap(nx, ny);
  await settle(page);
  let st = await state(page);
  assert.equal(st.phase, 'auto-low-counts');
  const visible = st.items.find((i) => i.id === 'auto-low-counts');
  if (visible) {
    const [x, y] = await point(page, 'auto-low-counts');
    await page.touchscreen.tap(x, y);
    await settle(page);
    assert.equal((await state(page)).selected, null, 'a second tap on the selected phase clears');
  }
  // A touch drag in the content scrolls it (CDP touch events).
  const before = (await state(page)).scroll;
  const plot = st.items.find((i) => i.id === 'plot').box;
  const box = await page.locator(SEL + ' canvas').boundingBox();
  const x = box.x + plot.x + plot.w - 20, y0 = box.y + plot.y + plot.h - 20;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  for (let k = 1; k <= 6; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 - k * 15 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await settle(page);
  st = await state(page);
  assert.ok(st.scroll > before, `the timeline scrolled (${before} -> ${st.scroll})`);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page did not scroll along with the timeline');
  // A drag that starts on something the widget does not scroll (the header's buttons) scrolls the page.
  const [bx, by] = await point(page, 'next');
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: bx, y: by }] });
  for (let k = 1; k <= 8; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: bx, y: by - k * 20 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('wheel on the phone scrolls the timeline, and at the ends the page scrolls', async () => {
  const { page, errors, context } = await open({ width: 320, height: 480 });
  const st = await state(page);
  const plot = st.items.find((i) => i.id === 'plot').box;
  const box = await page.locator(SEL + ' canvas').boundingBox();
  await page.mouse.move(box.x + plot.x + plot.w / 2, box.y + plot.y + plot.h / 2);
  await settle(page);
  for (let i = 0; i < 40; i++) { await page.mouse.wheel(0, -200); await settle(page); }
  assert.equal((await state(page)).scroll, 0, 'scrolled to the top of the timeline');
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await page.mouse.wheel(0, 300);
  await settle(page);
  assert.ok((await state(page)).scroll > 0, 'the wheel scrolls the timeline');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'not the page');
  for (let i = 0; i < 80 && (await state(page)).scroll < (await state(page)).maxScroll - 1; i++) { await page.mouse.wheel(0, 400); await settle(page); }
  await page.mouse.wheel(0, 300);
  await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 }).catch(() => {});
  assert.ok(await page.evaluate(() => window.scrollY) > 0, 'at the end of the timeline the wheel scrolls the page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard walk: Tab enters, arrows step phases, Home/End, Escape, controls row, Tab leaves', async () => {
  const { page, errors, context } = await open();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'CANVAS');
  await page.keyboard.press('Home');
  await settle(page);
  assert.equal((await state(page)).phase, 'auto-mobilisation');
  const seen = ['auto-mobilisation'];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('ArrowRight');
    await settle(page);
    seen.push((await state(page)).phase);
  }
  assert.deepEqual(seen, ['auto-mobilisation', 'auto-conditioning', 'auto-reinfusion', 'auto-low-counts', 'auto-early-recovery',
    'auto-immune-rebuild', 'auto-long-term']);
  await page.keyboard.press('ArrowLeft');
  await settle(page);
  assert.equal((await state(page)).phase, 'auto-immune-rebuild');
  await page.keyboard.press('End');
  await settle(page);
  let st = await state(page);
  assert.equal(st.phase, 'auto-long-term');
  assert.equal(st.selected, 'auto-long-term');
  await page.keyboard.press('Escape');
  await settle(page);
  assert.equal((await state(page)).selected, null);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await settle(page);
  st = await state(page);
  assert.equal(st.variant, 'allogeneic');
  await page.screenshot({ path: artifact('hsct-timeline-keyboard-focus.png') });
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.tagName), 'CANVAS', 'Tab leaves the widget');
  assert.deepEqual(errors, []);
  await context.close();
});

test('play runs through the phases and stops; pause stops the frames', async () => {
  // Played in real time: a small window (still the horizontal layout) keeps the software-rendered frames cheap.
  const { page, errors, context } = await open({ width: 640, height: 400 });
  await page.locator(SEL + ' canvas').focus();
  await page.keyboard.press('End');
  await settle(page);
  await page.keyboard.press('Home');
  await settle(page);
  const [x, y] = await point(page, 'play');
  await page.mouse.click(x, y);
  await page.waitForFunction(() => StemCellWidgets.get(document.querySelector('#tl')).state().playing, null, { timeout: 5000 }).catch(() => {});
  let st = await state(page);
  assert.equal(st.playing, true);
  assert.equal(st.phase, 'auto-mobilisation');
  await page.waitForFunction(() => StemCellWidgets.get(document.querySelector('#tl')).state().phase === 'auto-conditioning', null, { timeout: 6000 });
  await page.mouse.click(x, y);  // pause
  await settle(page);
  st = await state(page);
  assert.equal(st.playing, false);
  assert.equal((await idleFor(page, 36)).frames, 0, 'paused: zero frames');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the parallel DOM matches the data and marks the selection', async () => {
  const { page, errors, context } = await open();
  await clickItem(page, 'auto-early-recovery');
  const data = await (await page.request.get(base + '/data/stemcell-explainer.en.json')).json();
  const ids = await page.$$eval(SEL + ' .scw-dom [data-id]', (els) => els.map((e) => e.getAttribute('data-id')));
  for (const v of data.timeline.variants) {
    assert.ok(ids.includes('variant-' + v.id));
    for (const p of v.phases) assert.ok(ids.includes(p.id), `phase ${p.id} in the DOM`);
    for (const m of v.milestones || []) assert.ok(ids.includes(m.id), `milestone ${m.id} in the DOM`);
  }
  const current = await page.$$eval(SEL + ' .scw-dom [aria-current="true"]', (els) => els.map((e) => e.getAttribute('data-id')));
  assert.ok(current.includes('auto-early-recovery'));
  assert.ok(await page.locator(SEL + ' .scw-dom table th[scope="col"]').count() >= 4);
  assert.ok(await page.locator(SEL + ' .scw-dom a[href]').count() > 0, 'sources with links');
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe finds no serious or critical violation', async () => {
  const { page, errors, context } = await open();
  await clickItem(page, 'auto-low-counts');
  const result = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).include(SEL).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help}`), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('reduced motion: a selection or a variant switch draws no animation frames after settling', async () => {
  const { page, errors, context } = await open({ reducedMotion: 'reduce' });
  await clickItem(page, 'variant-allogeneic');
  assert.equal((await state(page)).variant, 'allogeneic');
  await clickItem(page, 'allo-low-counts');
  assert.equal((await idleFor(page, 30)).frames, 0, 'no frames after settling');
  const [x, y] = await point(page, 'variant-autologous');
  const before = await page.evaluate(() => StemCellWidgets.debug.stats().animationFrames);
  await page.mouse.click(x, y);
  await settle(page);
  const used = (await page.evaluate(() => StemCellWidgets.debug.stats().animationFrames)) - before;
  assert.equal(used, 0, `a switch under reduced motion draws no animation frames (${used})`);
  assert.equal((await state(page)).variant, 'autologous');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Shift+arrows move the marker a day, Shift+PageDown/PageUp a week, and the live region says the day', async () => {
  const { page, errors, context } = await open();
  await page.keyboard.press('Tab');
  await settle(page);
  assert.equal((await state(page)).day, 0);
  await page.keyboard.press('Shift+ArrowRight');
  await settle(page);
  assert.equal((await state(page)).day, 1);
  await page.keyboard.press('Shift+PageDown');
  await settle(page);
  let st = await state(page);
  assert.equal(st.day, 8);
  assert.equal(st.phase, 'auto-low-counts');
  await page.keyboard.press('Shift+PageDown');
  await page.keyboard.press('Shift+PageUp');
  await page.keyboard.press('Shift+ArrowLeft');
  await settle(page);
  assert.equal((await state(page)).day, 7);
  // The page did not scroll: the widget took Shift+PageDown.
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await page.waitForFunction((s) => /Day \+7/.test(document.querySelector(s + ' .scw-live').textContent), SEL, { timeout: 3000 });
  // Without Shift, ArrowRight still steps a phase.
  await page.keyboard.press('ArrowRight');
  await settle(page);
  assert.equal((await state(page)).phase, 'auto-early-recovery');
  assert.deepEqual(errors, []);
  await context.close();
});

test('readable at text scale 1.5 and 2 and at 200% zoom, in English and Spanish (screenshots)', async () => {
  // [name, CSS width, CSS height, devicePixelRatio, text scale, lang]: 200% zoom = half the CSS size at DPR 2.
  const cases = [  // grouped by devicePixelRatio: one page each
    ['desktop-text2', 1280, 720, 1, 2, 'en'],
    ['projector-text1.5', 1920, 1080, 1, 1.5, 'es'],
    ['projector-text1.5', 1920, 1080, 1, 1.5, 'en'],
    ['column-text2', 650, 420, 1, 2, 'es'],
    ['phone-text2', 375, 640, 1, 2, 'en'],
    ['desktop-zoom200-text1.5', 640, 360, 2, 1.5, 'es'],
    ['projector-text2-zoom200', 960, 540, 2, 2, 'en'],
    ['phone-zoom200', 188, 320, 2, 1, 'en'],
  ];
  // One page per device scale factor, resized for each case, the previous widget destroyed and a new one mounted
  // in a new full-window element with the case's text scale (and the Spanish document): the same mount() a page's
  // data-text-scale / data-src attributes run (tests/browser/pages/options.html covers those), without a page load
  // each time.
  let page = null, errors = null, context = null, dprNow = null;
  for (const [name, width, height, dpr, text, lang] of cases) {
    if (dprNow !== dpr) {
      await context?.close();
      context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr });
      page = await context.newPage();
      errors = watchErrors(page);
      await page.goto(base + '/tests/empty.html');
      await page.evaluate(() => { document.body.style.margin = '0'; document.querySelector('main').remove(); });
      dprNow = dpr;
    } else {
      await page.evaluate(() => { window.handle.destroy(); document.getElementById('tl').remove(); window.handle = null; });
      await page.setViewportSize({ width, height });
    }
    await page.evaluate(async ({ text, lang }) => {
      const el = document.createElement('div');
      el.id = 'tl';
      el.style.cssText = 'width:100vw;height:100vh';
      document.body.appendChild(el);
      const opts = { widget: 'hsct-timeline', textScale: text };
      if (lang === 'es') opts.src = '/data/stemcell-explainer.es.json';
      window.handle = await StemCellWidgets.mount(el, opts);
    }, { text, lang });
    await settle(page);
    // Under a loaded machine the last resize can land after the first settled frame: wait (bounded) for the
    // panel, then name the case and what is on screen if it never comes.
    await page.waitForFunction((s) => StemCellWidgets.get(document.querySelector(s)).state().items.some((i) => i.id === 'panel'),
      SEL, { timeout: 5000 }).catch(() => {});
    const st = await state(page);
    const item = (id) => st.items.find((i) => i.id === id);
    assert.ok(item('panel'), `${name} ${lang}: the detail panel is on screen; items: ${st.items.map((i) => i.id).join(', ')}`);
    const panel = item('panel').box;
    assert.ok(panel.h >= 60, `${name}: the detail panel is there (${panel.h} px)`);
    for (const id of ['prev', 'play', 'next']) {
      const b = item(id).box;
      assert.ok(b.x >= -0.5 && b.x + b.w <= width + 0.5, `${name}: ${id} inside the width`);
      assert.ok(b.w >= 24 && b.h >= 24, `${name}: ${id} at least 24 CSS px`);
    }
    if (lang === 'es') assert.match(st.dayLabel, /^Día/);
    await page.screenshot({ path: artifact(`hsct-timeline-${name}-${lang}.png`) });
    assert.deepEqual(errors, [], name);
  }
  await context.close();
});
