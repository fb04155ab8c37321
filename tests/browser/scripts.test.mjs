// Text in any script the reader's browser can draw: Greek, Cyrillic and Japanese names are drawn as themselves
// (the glyphs come from the browser's text engine, not from an embedded Latin font that would show "?");
// right-to-left names fall back to the readable text version with a console warning.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, watchErrors, settle, artifact, ROOT } from './lib.mjs';

let server, base, browser;
before(async () => { ({ server, base } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const minimal = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/data/valid-minimal.json'), 'utf8'));
const withName = (name) => {
  const d = structuredClone(minimal);
  d.cellTypes[0].name = name;
  return d;
};

// mount() and update() resolve with the handle; not returning it from page.evaluate spares Playwright serialising
// the handle (its module and wasm heap), which took ~5 s per call.
const mountDiagram = async (d) => { await StemCellWidgets.mount(document.querySelector('#w'), { widget: 'cell-diagram', data: d }); };
const updateDiagram = async (d) => { await StemCellWidgets.get(document.querySelector('#w')).update(d); };

// The pixels inside the item's box, as a flat array of RGB values.
async function itemPixels(page, id) {
  return page.evaluate((itemId) => {
    const el = document.querySelector('#w');
    const st = StemCellWidgets.get(el).state();
    const item = st.items.find((i) => i.id === itemId);
    const c = el.querySelector('canvas');
    const k = c.width / c.getBoundingClientRect().width;
    const x = Math.floor(item.box.x * k), y = Math.floor(item.box.y * k);
    const w = Math.ceil(item.box.w * k), h = Math.ceil(item.box.h * k);
    return Array.from(c.getContext('2d').getImageData(x, y, w, h).data.filter((_, i) => i % 4 !== 3));
  }, id);
}

test('Greek, Cyrillic and Japanese names are drawn as themselves, not as "?" boxes', async () => {
  const page = await browser.newPage({ viewport: { width: 720, height: 500 } });
  const errors = watchErrors(page);
  await page.goto(`${base}/tests/scripts.html`);
  await page.evaluate(mountDiagram, withName('Blood'));
  await settle(page);
  for (const name of ['Αιμοποιητικό', 'Кроветворная', '造血幹細胞']) {
    await page.evaluate(updateDiagram, withName(name));
    await settle(page);
    const drawn = await itemPixels(page, 'hsc');
    await page.locator('#w').screenshot({ path: artifact(`scripts-${name.codePointAt(0).toString(16)}.png`) });
    // The name also reaches the text version, exactly.
    assert.ok((await page.locator('#w .scw-dom').textContent()).includes(name));
    await page.evaluate(updateDiagram, withName('?'.repeat([...name].length)));
    await settle(page);
    const boxes = await itemPixels(page, 'hsc');
    assert.equal(drawn.length, boxes.length);
    let differ = 0;
    for (let i = 0; i < drawn.length; i += 3)
      if (Math.abs(drawn[i] - boxes[i]) + Math.abs(drawn[i + 1] - boxes[i + 1]) + Math.abs(drawn[i + 2] - boxes[i + 2]) > 60) differ++;
    assert.ok(differ > 40, `"${name}" is drawn like "?" boxes (${differ} pixels differ)`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('glyphs a later frame is the first to use are drawn as in a first frame, pixel for pixel', async () => {
  // The atlas takes a glyph's pixels when a frame first draws it (only the rows it changed go to the GPU then).
  // The same name drawn after other content, and drawn in a page's first frame, must be the same pixels.
  const name = 'QXZ jqxz Wyvern';
  const shoot = async (first, then) => {
    const page = await browser.newPage({ viewport: { width: 720, height: 500 } });
    const errors = watchErrors(page);
    await page.goto(`${base}/tests/scripts.html`);
    await page.evaluate(mountDiagram, withName(first));
    await settle(page);
    if (then) {
      await page.evaluate(updateDiagram, withName(then));
      await settle(page);
    }
    const px = await itemPixels(page, 'hsc');
    assert.deepEqual(errors, []);
    await page.close();
    return px;
  };
  const later = await shoot('Blood', name);
  const atFirst = await shoot(name);
  assert.equal(later.length, atFirst.length);
  let differ = 0;
  for (let i = 0; i < later.length; i++) differ += later[i] !== atFirst[i];
  assert.equal(differ, 0, `${differ} colour values differ`);
  const blank = await shoot(' '.repeat(name.length));
  let ink = 0;
  for (let i = 0; i < later.length; i += 3) ink += Math.abs(later[i] - blank[i]) + Math.abs(later[i + 1] - blank[i + 1]) > 60;
  assert.ok(ink > 40, `the name has ink (${ink} pixels differ from a blank name)`);
});

test('right-to-left names show the text version with a console warning, and drawing resumes without them', async () => {
  const page = await browser.newPage({ viewport: { width: 720, height: 500 } });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${base}/tests/scripts.html`);
  await page.evaluate(mountDiagram, withName('خلية جذعية'));
  await page.waitForFunction(() => getComputedStyle(document.querySelector('#w canvas')).display === 'none');
  const dom = page.locator('#w .scw-dom');
  assert.ok((await dom.textContent()).includes('خلية جذعية'));
  const box = await dom.boundingBox();
  assert.ok(box.width > 300 && box.height > 100, 'the text version is shown, not visually hidden');
  assert.ok(warnings.some((w) => /right-to-left/.test(w)), warnings.join('\n'));
  await page.locator('#w').screenshot({ path: artifact('scripts-rtl-fallback.png') });
  await page.evaluate(updateDiagram, withName('Blood stem cell'));
  await page.waitForFunction(() => getComputedStyle(document.querySelector('#w canvas')).display === 'block');
  await settle(page);
  const c = await page.evaluate(() => { const c = document.querySelector('#w canvas'); return [c.width, c.height]; });
  assert.ok(c[0] > 300 && c[1] > 200);
  await page.close();
});
