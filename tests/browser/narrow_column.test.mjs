// Narrow columns in Chromium: the risk chart in a 650 px content column (phone, desktop and projector windows),
// at a fixed 403 px and at the height the loader picks; after a selection the selected cell stays on screen,
// and with the loader's height the widget grows to state().preferredHeight so the detail sits below the grid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, watchErrors, waitReady, settle, artifact } from './lib.mjs';

let server, base, browser;
before(async () => { ({ server, base } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const state = (page, sel) => page.evaluate((s) => StemCellWidgets.get(document.querySelector(s)).state(), sel);
async function select(page, sel) {
  await page.locator(sel).scrollIntoViewIfNeeded();
  const st = await state(page, sel);
  const cell = st.items.find((i) => i.id.includes('/'));
  const box = await page.locator(sel + ' canvas').boundingBox();
  await page.mouse.click(box.x + cell.box.x + cell.box.w / 2, box.y + cell.box.y + cell.box.h / 2);
  await page.waitForFunction((s) => StemCellWidgets.get(document.querySelector(s)).state().selected !== null, sel);
  await settle(page);
  return cell.id;
}

for (const [name, width, height] of [['phone', 375, 740], ['desktop', 1280, 800], ['projector', 1920, 1080]]) {
  test(`650 px column, ${name} window (${width} px): readable after a selection, fixed 403 px and loader height`, async () => {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(base + '/tests/narrow-column.html');
    // Start both now, not lazily; the handle is not returned (Playwright would serialise it: seconds).
    await page.evaluate(async () => { await StemCellWidgets.mount(document.querySelector('#fixed')); });
    await waitReady(page, '[data-stemcell-widget]');

    const fixedId = await select(page, '#fixed');
    let st = await state(page, '#fixed');
    assert.ok(st.items.some((i) => i.id === fixedId), 'the selected cell is still on screen');
    assert.equal(await page.evaluate(() => document.querySelector('#fixed canvas').getBoundingClientRect().height), 403);
    if (st.layout === 'grid') {
      const cells = st.items.filter((i) => i.id.includes('/')).length;
      assert.ok(cells >= 2, `the grid keeps rows visible above the detail (${cells} cells)`);
    }
    await page.locator('#fixed').screenshot({ path: artifact(`narrow-column-403-${name}.png`) });

    const before = await page.evaluate(() => document.querySelector('#auto canvas').getBoundingClientRect().height);
    const autoId = await select(page, '#auto');
    st = await state(page, '#auto');
    assert.ok(st.items.some((i) => i.id === autoId), 'the selected cell is still on screen');
    const afterH = await page.evaluate(() => document.querySelector('#auto canvas').getBoundingClientRect().height);
    if (st.preferredHeight) {
      assert.ok(afterH > before, `the widget grew for its detail: ${before} -> ${afterH}`);
      assert.equal(Math.round(afterH), Math.min(st.preferredHeight, 1200));
    }
    await page.locator('#auto').screenshot({ path: artifact(`narrow-column-auto-${name}.png`) });
    // Clearing the selection gives the page its height back.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => StemCellWidgets.get(document.querySelector('#auto')).state().selected === null);
    await settle(page);
    assert.equal(await page.evaluate(() => document.querySelector('#auto canvas').getBoundingClientRect().height), before);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
