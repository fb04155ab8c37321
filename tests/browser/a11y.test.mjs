// Issue 13, "Accessible and classroom-ready", in Debian's Chromium: what a screen reader hears while the keyboard
// moves (the live region, read back through the accessibility tree), the focus ring, the keyboard help dialog,
// presenting (full screen with its toolbar, PageDown/PageUp steps), Spanish chrome (also offline from file://),
// forced colours, the printed handout, and axe on the demo page, Spanish, dark and high-contrast pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { ROOT, startServer, launch, watchErrors, COUNT_RAF, waitReady, settle, artifact } from './lib.mjs';

let server, base, browser;
before(async () => { ({ server, base } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const KINDS = [['#cells', 'cell-diagram'], ['#timeline', 'hsct-timeline'], ['#risks', 'risk-chart']];

async function open(url, { width = 1280, height = 900, colorScheme = 'light', forcedColors = 'none', file = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, forcedColors });
  const page = await context.newPage();
  await page.addInitScript(COUNT_RAF);
  const errors = watchErrors(page);
  await page.goto(file ? url : base + url);
  return { page, errors, context };
}
const live = (page, sel) => page.evaluate((s) => document.querySelector(s + ' .scw-live').textContent, sel);
const state = (page, sel) => page.evaluate((s) => StemCellWidgets.get(document.querySelector(s)).state(), sel);
const activeIn = (page, sel) => page.evaluate((s) => document.querySelector(s).contains(document.activeElement), sel);

// The texts of every node the accessibility tree exposes (names of static text), through CDP.
async function axTexts(context, page) {
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => n.role && n.role.value === 'StaticText').map((n) => (n.name && n.name.value) || '');
}

test('screen readers: Tab into each widget, five arrow moves are five distinct spoken items with positions', { timeout: 120000 }, async () => {
  const { page, errors, context } = await open('/tests/a11y.html');
  await waitReady(page, '[data-stemcell-widget]');
  for (const [sel, kind] of KINDS) {
    // Tab enters the canvas from the toolbar's last button: the ring shows at once.
    await page.locator(sel + ' .scw-bar button').last().focus();
    await page.keyboard.press('Tab');
    const ring = await page.evaluate((s) => {
      const c = document.querySelector(s + ' canvas'), root = c.parentElement;
      const cs = getComputedStyle(root, '::after'), r = root.getBoundingClientRect();
      return { focused: document.activeElement === c, visible: c.matches(':focus-visible'), style: cs.borderTopStyle,
        width: parseFloat(cs.borderTopWidth), colour: cs.borderTopColor, halo: cs.boxShadow, content: cs.content,
        w: parseFloat(cs.width), rw: r.width };
    }, sel);
    assert.equal(ring.focused, true, `${kind}: Tab reaches the canvas`);
    assert.equal(ring.visible, true);
    assert.equal(ring.style, 'solid', `${kind}: a focus ring on Tab`);
    assert.ok(ring.width >= 2, `${kind}: the ring is ${ring.width} px`);
    assert.match(ring.halo, /rgb\(255, 255, 255\)/, 'with a light halo: one of the two contrasts on any page');
    assert.equal(ring.colour, 'rgb(11, 87, 208)', 'the ring colour: 6.2:1 on white');
    assert.ok(Math.abs(ring.w + 2 * ring.width - ring.rw) < 1, `around the whole canvas (${ring.w} + borders vs ${ring.rw})`);
    await settle(page);
    await page.keyboard.press('Home');  // from the first item (the timeline starts on a later phase)
    await settle(page);
    const spoken = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('ArrowRight');
      await settle(page);
      spoken.push(await live(page, sel));
    }
    assert.equal(new Set(spoken).size, 5, `${kind}: five different items spoken: ${JSON.stringify(spoken)}`);
    for (const t of spoken) assert.match(t, /\d+ of \d+/, `${kind}: "${t}" says where the item is`);
    // What is spoken is in the accessibility tree (the polite live region), not only in the DOM.
    const ax = await axTexts(context, page);
    assert.ok(ax.includes(spoken[4]), `${kind}: the live region's text is exposed: ${spoken[4]}`);
    const polite = await page.evaluate((s) => document.querySelector(s + ' .scw-live').getAttribute('aria-live'), sel);
    assert.equal(polite, 'polite');
    // Enter says the selection.
    await page.keyboard.press('Enter');
    await settle(page);
    assert.notEqual(await live(page, sel), spoken[4], `${kind}: Enter is announced`);
    if (kind === 'cell-diagram') {
      // The canvas says how to use it without pointer words, and so does the hint in the copy.
      const label = await page.evaluate((s) => document.querySelector(s + ' canvas').getAttribute('aria-label'), sel);
      assert.match(label, /Arrow keys/);
      const text = await page.evaluate((s) => document.querySelector(s + ' .scw-dom').textContent, sel);
      assert.doesNotMatch(text, /Tap or click/);
    }
  }
  await page.screenshot({ path: artifact('a11y-focus.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('screen readers: a played timeline speaks the phase name only', { timeout: 60000 }, async () => {
  const { page, errors, context } = await open('/tests/a11y.html');
  await waitReady(page, '#timeline');
  const names = await page.evaluate(() => [...document.querySelectorAll('#timeline .scw-dom tr[data-id] th, #timeline .scw-dom tr[data-id] td:first-child')].map((e) => e.textContent.trim()));
  // Every text the live region takes while playing (a MutationObserver: no sampling), until two are heard.
  await page.evaluate(() => {
    const region = document.querySelector('#timeline .scw-live');
    window.__heard = new Set();
    new MutationObserver(() => { if (region.textContent) window.__heard.add(region.textContent); })
      .observe(region, { childList: true, characterData: true, subtree: true });
    StemCellWidgets.get(document.querySelector('#timeline')).setState({ playing: true });
  });
  await page.waitForFunction(() => window.__heard.size >= 2, null, { timeout: 10000 }).catch(() => {});
  const heard = new Set(await page.evaluate(() => [...window.__heard]));
  await page.evaluate(() => StemCellWidgets.get(document.querySelector('#timeline')).setState({ playing: false }));
  assert.ok(heard.size >= 1);
  for (const t of heard) assert.doesNotMatch(t, /Risks at this time|No main risks|Play\./, `while playing: "${t}" is a phase name`);
  assert.ok([...heard].some((t) => names.includes(t)), `a phase name (${[...heard].join(' | ')} among ${names.join(' | ')})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard help: "?" and the Keyboard button open a dialog that keeps focus and closes on Escape', async () => {
  const { page, errors, context } = await open('/tests/a11y.html');
  await waitReady(page, '[data-stemcell-widget]');
  await page.locator('#timeline canvas').focus();
  await page.keyboard.press('?');
  const d = '#timeline dialog.scw-help';
  await page.waitForFunction((s) => document.querySelector(s) && document.querySelector(s).open, d);
  assert.match(await page.locator(d + ' h2').textContent(), /Keyboard keys: transplant timeline/);
  assert.ok((await page.locator(d + ' li').count()) >= 5, 'the widget\'s keys are listed');
  assert.match(await page.locator(d).textContent(), /Page Down/);
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
    assert.equal(await page.evaluate((s) => document.querySelector(s).contains(document.activeElement), d), true, 'focus stays in the dialog');
  }
  await page.screenshot({ path: artifact('a11y-help.png') });
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate((s) => document.querySelector(s).open, d), false);
  assert.equal(await page.evaluate(() => document.activeElement === document.querySelector('#timeline canvas')), true, 'focus goes back');
  // The Keyboard button of another widget opens that widget's list.
  await page.getByRole('button', { name: 'Keyboard: risk chart' }).click();
  await page.waitForFunction(() => document.querySelector('#risks dialog.scw-help')?.open);
  assert.match(await page.locator('#risks dialog h2').textContent(), /risk chart/);
  await page.keyboard.press('Escape');
  assert.deepEqual(errors, []);
  await context.close();
});

test('unique names: every landmark and every button names its widget', async () => {
  const { page, errors, context } = await open('/tests/a11y.html');
  await waitReady(page, '[data-stemcell-widget]');
  await page.waitForFunction(() => document.querySelectorAll('.scw-dom > section').length === 3);  // the three text copies
  const names = await page.evaluate(() => ({
    regions: [...document.querySelectorAll('.scw-dom > section')].map((s) => s.getAttribute('aria-label')),
    buttons: [...document.querySelectorAll('.scw-bar button, .scw-export button')].filter((b) => !b.hidden).map((b) => b.getAttribute('aria-label') || b.textContent),
    canvases: [...document.querySelectorAll('.scw-root canvas')].map((c) => c.getAttribute('aria-label'))
  }));
  assert.equal(new Set(names.regions).size, 3, JSON.stringify(names.regions));
  // The built-in document's title names each copy, as a title from data-src does (the module reads it).
  for (const r of names.regions) assert.match(r, /^(Cell diagram|Transplant timeline|Risk chart): Stem cells and stem cell transplants, explained$/);
  assert.equal(new Set(names.buttons).size, names.buttons.length, JSON.stringify(names.buttons));
  assert.ok(names.buttons.includes('Full screen: transplant timeline'));
  assert.equal(new Set(names.canvases).size, 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('presenting: full screen holds the toolbar and the focus; PageDown steps each widget', { timeout: 120000 }, async () => {
  const { page, errors, context } = await open('/tests/a11y.html', { width: 1920, height: 1080 });
  await waitReady(page, '[data-stemcell-widget]');
  for (const [sel, kind] of KINDS) {
    await page.getByRole('button', { name: 'Full screen: ' + (kind === 'cell-diagram' ? 'cell diagram' : kind === 'hsct-timeline' ? 'transplant timeline' : 'risk chart') }).click();
    await page.waitForFunction((s) => document.fullscreenElement === document.querySelector(s), sel);
    await settle(page);
    const fs = await page.evaluate((s) => {
      const el = document.querySelector(s), bar = el.querySelector('.scw-bar');
      const btns = [...bar.querySelectorAll('button')].filter((b) => !b.hidden && b.getClientRects().length);
      return { barInside: el.contains(bar), buttons: btns.map((b) => b.textContent), focusInside: el.contains(document.activeElement),
        canvasW: el.querySelector('canvas').getBoundingClientRect().width };
    }, sel);
    assert.equal(fs.barInside, true);
    assert.deepEqual(fs.buttons, ['Previous', 'Next', 'Keyboard', 'Exit full screen'], `${kind}: the toolbar in full screen`);
    assert.equal(fs.focusInside, true);
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      assert.equal(await activeIn(page, sel), true, `${kind}: Tab ${i + 1} stays in the full-screen element`);
    }
    const before = JSON.stringify(await state(page, sel));
    // The step's stemcell:change (5 s is only the limit for a failing step, not a wait).
    const changes = await page.evaluate((s) => new Promise((resolve) => {
      const limit = setTimeout(() => resolve(0), 5000);
      document.querySelector(s).addEventListener('stemcell:change', () => { clearTimeout(limit); resolve(1); }, { once: true });
      const ev = new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, cancelable: true });
      (document.activeElement || document.body).dispatchEvent(ev);
    }), sel);
    await page.keyboard.press('PageDown');  // a clicker's real key too
    await settle(page);
    const after = await state(page, sel);
    assert.notEqual(JSON.stringify(after), before, `${kind}: PageDown stepped`);
    assert.ok(changes >= 1, `${kind}: stemcell:change fired on the step`);
    assert.ok((await live(page, sel)).length > 0, `${kind}: the step is announced`);
    if (kind === 'hsct-timeline') assert.ok(after.day > JSON.parse(before).day, 'the day moved to a later phase');
    if (kind === 'cell-diagram') assert.equal(after.selected, 'beta-cell', 'the tour: the first lineage, second stop');
    // The toolbar's Previous goes back.
    const prevState = JSON.stringify(after);
    await page.locator(sel + ' .scw-bar button', { hasText: 'Previous' }).click();
    await settle(page);
    assert.notEqual(JSON.stringify(await state(page, sel)), prevState, `${kind}: Previous stepped back`);
    await page.screenshot({ path: artifact(`a11y-present-${kind}.png`) });
    await page.locator(sel + ' .scw-bar button', { hasText: 'Exit full screen' }).click();
    await page.waitForFunction(() => !document.fullscreenElement);
    await settle(page);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('presenting in the page: data-present shows Previous/Next and PageDown steps without scrolling the page', async () => {
  const { page, errors, context } = await open('/tests/a11y.html');
  await waitReady(page, '#risks');
  await page.locator('#risks canvas').focus();
  const y0 = await page.evaluate(() => scrollY);
  await page.keyboard.press('PageDown');
  await settle(page);
  const st = await state(page, '#risks');
  assert.ok(st.selected, 'a risk is selected');
  assert.equal(await page.evaluate(() => scrollY), y0, 'the page did not scroll');
  await page.locator('#risks .scw-bar button', { hasText: 'Next' }).click();
  await settle(page);
  assert.notEqual((await state(page, '#risks')).risk, st.risk);
  // Widgets without data-present leave PageDown to the page (outside full screen).
  assert.equal(await page.locator('#timeline .scw-bar button', { hasText: 'Next' }).isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Spanish: lang="es" on the widget and every chrome word translated (data-src + data-lang)', { timeout: 60000 }, async () => {
  const { page, errors, context } = await open('/tests/a11y-es.html');
  await waitReady(page, '[data-stemcell-widget]');
  // The text copy is built once the changes pause (200 ms after the content is in): wait for it, not a time.
  await page.waitForSelector('#timeline .scw-dom > section', { state: 'attached' });
  const r = await page.evaluate(() => {
    const el = document.querySelector('#timeline');
    return { lang: el.querySelector('.scw-root').lang, label: el.querySelector('canvas').getAttribute('aria-label'),
      role: el.querySelector('canvas').getAttribute('aria-roledescription'),
      buttons: [...el.querySelectorAll('button')].filter((b) => !b.hidden).map((b) => b.textContent),
      barLang: el.querySelector('.scw-bar').lang, region: el.querySelector('.scw-dom > section').getAttribute('aria-label') };
  });
  assert.equal(r.lang, 'es');
  assert.equal(r.barLang, 'es');
  assert.match(r.label, /^Vista interactiva: cronología del trasplante/);
  assert.equal(r.role, 'vista interactiva: cronología del trasplante');
  assert.deepEqual(r.buttons, ['Teclado', 'Pantalla completa', 'Guardar imagen']);
  assert.equal(r.region, 'Cronología del trasplante: Las células madre y el trasplante de células madre, explicados');
  await page.locator('#timeline canvas').focus();
  await page.keyboard.press('ArrowRight');
  await settle(page);
  assert.match(await live(page, '#timeline'), /\d+ de \d+/, 'the position in Spanish');
  await page.keyboard.press('?');
  await page.waitForFunction(() => document.querySelector('#timeline dialog')?.open);
  assert.match(await page.locator('#timeline dialog h2').textContent(), /^Teclas/);
  assert.match(await page.locator('#timeline dialog button').textContent(), /Cerrar/);
  await page.keyboard.press('Escape');
  // The dialog's close event (dispatched after Escape, in a later task) gives focus back to its opener: wait for
  // it, or it takes the focus back from the risk chart below.
  await page.waitForFunction(() => !document.querySelector('#timeline dialog').open
    && document.activeElement === document.querySelector('#timeline canvas'));
  // A widget without a toolbar: its Keyboard button shows in the corner while the widget has keyboard focus.
  const float = '#risks .scw-keys-float';
  assert.equal(await page.locator(float).textContent(), 'Teclado');
  assert.equal(await page.evaluate((f) => getComputedStyle(document.querySelector(f)).opacity, float), '0');
  await page.locator('#risks canvas').focus();
  assert.equal(await page.evaluate((f) => getComputedStyle(document.querySelector(f)).opacity, float), '1');
  await page.locator(float).click();
  await page.waitForFunction(() => document.querySelector('#risks dialog')?.open);
  assert.match(await page.locator('#risks dialog h2').textContent(), /^Teclas: tabla de riesgos/);
  await page.keyboard.press('Escape');
  // As above: the close event gives focus back to the button that opened the list, in a later task; a click before
  // it would lose the focus to it.
  await page.waitForFunction(() => !document.querySelector('#risks dialog').open
    && document.activeElement === document.querySelector('#risks .scw-keys-float'));
  // A click or a tap on the widget (no keyboard): the button stays hidden, off the panel it would cover on a phone.
  const box = await page.locator('#risks canvas').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + 20);
  await page.waitForFunction(() => document.activeElement === document.querySelector('#risks canvas'));
  assert.equal(await page.evaluate((f) => getComputedStyle(document.querySelector(f)).opacity, float), '0');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Spanish: the error box and the saved image\'s source line are in Spanish (with and without a document)', { timeout: 60000 }, async () => {
  const { page, context } = await open('/tests/a11y-es.html');
  await waitReady(page, '[data-stemcell-widget]');
  // The saved image: its title and source line (drawn with fillText on a 2D canvas) in the document's language.
  const drawn = await page.evaluate(async () => {
    const texts = [], orig = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (t, ...rest) { texts.push(String(t)); return orig.call(this, t, ...rest); };
    try { await StemCellWidgets.get(document.querySelector('#timeline')).toPNG({ scale: 1 }); }
    finally { CanvasRenderingContext2D.prototype.fillText = orig; }
    return texts;
  });
  assert.ok(drawn.some((t) => /^Fuente: En español \(issue 13\) — .*Contenido educativo, no es consejo médico\.$/.test(t)), drawn.join(' | '));
  assert.ok(!drawn.some((t) => /Source|not medical advice/.test(t)), 'no English left in the image');
  // A bad update on a Spanish widget: the framing is the document's Spanish; the problem keeps its JSON path.
  const box = await page.evaluate(async () => {
    const el = document.querySelector('#risks');
    await StemCellWidgets.get(el).update({ version: 1, lang: 'es', risks: 5, therapies: [] }).catch(() => {});
    const b = el.querySelector('.scw-error');
    return { text: b.hidden ? '' : b.textContent, lang: b.querySelector('ul').lang };
  });
  assert.match(box.text, /^Este gráfico no pudo mostrar su contenido\.Para quien hizo esta página, qué corregir:/);
  assert.match(box.text, /\/risks/, 'the problem names its JSON path');
  assert.equal(box.lang, 'en', 'the technical problems are marked as English');
  // No document at all (it failed to load): data-lang="es" picks the loader's own Spanish framing.
  const early = await page.evaluate(async () => {
    const el = document.createElement('div');
    el.style.cssText = 'width:400px;height:300px';
    document.body.appendChild(el);
    await StemCellWidgets.mount(el, { widget: 'risk-chart', lang: 'es', data: '{"version": 1, "risks": [1, 2,]}' }).catch(() => {});
    const b = el.querySelector('.scw-error');
    return { text: b.hidden ? '' : b.textContent, lang: el.querySelector('.scw-root').lang };
  });
  assert.equal(early.lang, 'es');
  assert.match(early.text, /^Este gráfico no pudo mostrar su contenido\.Para quien hizo esta página, qué corregir:/);
  await context.close();
});

test('Spanish offline: data-lang="es" from file:// with no data-src shows the Spanish content', { timeout: 60000 }, async () => {
  const url = 'file://' + path.join(ROOT, 'tests', 'browser', 'pages', 'offline-es.html');
  const { page, errors, context } = await open(url, { file: true });
  await page.waitForFunction(() => window.StemCellWidgets && StemCellWidgets.get(document.querySelector('#w'))?.readyFired, null, { timeout: 30000 });
  const r = await page.evaluate(() => ({
    lang: document.querySelector('#w .scw-root').lang,
    text: document.querySelector('#w .scw-dom').textContent,
    button: document.querySelector('#w .scw-bar button:not([hidden])').textContent
  }));
  assert.equal(r.lang, 'es');
  assert.match(r.text, /Célula madre embrionaria/);
  assert.equal(r.button, 'Teclado');
  assert.deepEqual(errors, []);
  await context.close();
});

test('forced colours: the widget draws with the system colours', async () => {
  const { page, errors, context } = await open('/tests/a11y.html', { forcedColors: 'active' });
  await waitReady(page, '#risks');
  const r = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'Canvas';
    document.body.appendChild(probe);
    const canvasColour = getComputedStyle(probe).color;
    probe.remove();
    const c = document.querySelector('#risks canvas');
    const d = c.getContext('2d').getImageData(2, c.height - 3, 1, 1).data;
    return { canvasColour, corner: `rgb(${d[0]}, ${d[1]}, ${d[2]})` };
  });
  assert.equal(r.corner, r.canvasColour, 'the widget\'s background is the system Canvas colour');
  await page.screenshot({ path: artifact('a11y-forced-colours.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('print: each widget prints its picture and its whole HTML copy, kept in one piece', { timeout: 60000 }, async () => {
  const { page, errors, context } = await open('/tests/a11y.html');
  await waitReady(page, '[data-stemcell-widget]');
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(() => [...document.querySelectorAll('.scw-print-img')].length === 3 &&
    [...document.querySelectorAll('.scw-print-img')].every((i) => i.complete && i.naturalWidth > 0));
  const r = await page.evaluate(() => [...document.querySelectorAll('[data-stemcell-widget]')].map((el) => {
    const img = el.querySelector('.scw-print-img'), dom = el.querySelector('.scw-dom');
    const li = dom.querySelector('li, tr');
    return { canvas: getComputedStyle(el.querySelector('canvas')).display, img: getComputedStyle(img).display,
      imgH: img.getBoundingClientRect().height, domH: dom.getBoundingClientRect().height, clip: getComputedStyle(dom).clip,
      text: dom.textContent, avoid: li ? getComputedStyle(li).breakInside : '',
      grows: el.getBoundingClientRect().height >= el.querySelector('.scw-root').getBoundingClientRect().height - 1, toolbar: el.querySelector('.scw-bar') ? getComputedStyle(el.querySelector('.scw-bar')).display : 'none' };
  }));
  for (const w of r) {
    assert.equal(w.canvas, 'none');
    assert.equal(w.img, 'block');
    assert.ok(w.imgH > 100, 'the picture shows');
    assert.ok(w.domH > 200, `the HTML copy is laid out in full (${w.domH} px)`);
    assert.equal(w.avoid, 'avoid');
    assert.equal(w.toolbar, 'none');
    assert.ok(w.grows, 'the page\'s box holds the whole printed copy (nothing runs over what follows)');
  }
  // Every figure of the risk chart, with who was studied and its source.
  assert.match(r[2].text, /Who was studied/);
  assert.match(r[2].text, /Source/);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 20000, 'a PDF with content');
  await page.screenshot({ path: artifact('a11y-print.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
for (const [name, url, opts] of [
  ['the demo page', '/index.html', {}],
  ['the Spanish page', '/tests/a11y-es.html', {}],
  ['dark', '/tests/a11y.html', { colorScheme: 'dark' }],
  ['high contrast', '/tests/a11y.html', { forcedColors: 'active' }]
]) {
  test(`axe (${AXE_TAGS.join(', ')}): no violation on ${name}`, { timeout: 90000 }, async () => {
    const { page, errors, context } = await open(url, opts);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await waitReady(page, '[data-stemcell-widget]');
    const res = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(AXE_TAGS).analyze();
    assert.deepEqual(res.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
