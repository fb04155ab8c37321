// A real WordPress (started by tests/wordpress/run.sh): posts published by an Author with the plugin's shortcode
// (self-closing, Spanish, from an uploaded .json), the enclosing shortcode with inline JSON (blank lines, quotes,
// & and < in a name), the block, and a classic post. Chromium checks each renders, answers state(), and that the
// name reaches the widget's hidden HTML copy exactly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, watchErrors, waitReady, artifact } from '../browser/lib.mjs';

const site = JSON.parse(fs.readFileSync(process.env.SCW_WP_SITE, 'utf8'));
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open(url, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(url);
  await page.locator('[data-stemcell-widget]').first().scrollIntoViewIfNeeded();
  await waitReady(page, '[data-stemcell-widget]');
  return { page, errors, requests, context };
}
const handleState = (page) => page.evaluate(() => StemCellWidgets.get(document.querySelector('[data-stemcell-widget]')).state());
const domText = (page) => page.evaluate(() => document.querySelector('[data-stemcell-widget] .scw-dom').textContent);
const visibleErrors = (page) => page.evaluate(() => [...document.querySelectorAll('.scw-error')].filter((e) => !e.hidden).map((e) => e.textContent));

test('self-closing shortcode, Spanish content from a .json the Author uploaded; the plugin\'s versioned script and wasm', async () => {
  assert.match(site.esUrl, /\/wp-content\/uploads\/.*\.json$/, 'the .json upload kept its name and extension');
  const { page, errors, requests, context } = await open(site.posts['self-closing-es']);
  const st = await handleState(page);
  assert.equal(st.widget, 'risk-chart');
  assert.match(await domText(page), /Riesgo|riesgo/);
  assert.equal(await page.evaluate(() => document.querySelector('[data-stemcell-widget] canvas').getBoundingClientRect().height), 600);
  assert.equal(await page.locator('script[src*="stemcell-widgets.js"]').count(), 1, 'the script is loaded once');
  // A risk chart alone: the lean module (no explainer), found beside the plugin's data-wasm address, once.
  const wasm = requests.filter((u) => /stemcell-widgets(\.lean)?\.wasm/.test(u));
  assert.equal(wasm.length, 1);
  assert.match(wasm[0], /\/wp-content\/plugins\/stemcell-widgets\/assets\/stemcell-widgets\.lean\.wasm\?ver=0\.1\.0-/);
  // The presenter toolbar is in the loader's extras, fetched from the plugin's zip beside the script, versioned too.
  const extras = requests.filter((u) => /stemcell-widgets\.extras\.js/.test(u));
  assert.equal(extras.length, 1, requests.join(' '));
  assert.match(extras[0], /\/wp-content\/plugins\/stemcell-widgets\/assets\/stemcell-widgets\.extras\.js\?ver=0\.1\.0-/);
  // The page chrome speaks the content's language (issue 13): the Spanish full-screen button, naming its widget.
  assert.equal(await page.locator('button', { hasText: 'Pantalla completa' }).count(), 1);
  assert.equal(await page.locator('button', { hasText: 'Full screen' }).count(), 0);
  // present="true": presenter mode (data-present), its Spanish Previous and Next, and PageDown steps the widget.
  assert.equal(await page.evaluate(() => document.querySelector('[data-stemcell-widget]').hasAttribute('data-present')), true);
  assert.equal(await page.locator('button', { hasText: 'Siguiente' }).isVisible(), true);
  await page.locator('[data-stemcell-widget] canvas').focus();
  await page.keyboard.press('PageDown');
  await page.waitForFunction(() => StemCellWidgets.get(document.querySelector('[data-stemcell-widget]')).state().selected !== null);
  assert.deepEqual(await visibleErrors(page), []);
  await page.screenshot({ path: artifact('wordpress-shortcode-es-1280.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

for (const key of ['enclosing-inline', 'classic']) {
  test(`${key}: the inline JSON (blank lines, quotes, &, <) reaches the widget intact through kses, wpautop, wptexturize`, async () => {
    const { page, errors, context } = await open(site.posts[key]);
    assert.deepEqual(await visibleErrors(page), []);
    const st = await handleState(page);
    assert.equal(st.widget, 'risk-chart');
    const text = await domText(page);
    assert.ok(text.includes(site.name), `the hidden HTML copy holds the name exactly: ${JSON.stringify(site.name)} in ${JSON.stringify(text.slice(0, 400))}`);
    const visible = await page.evaluate(() => document.querySelector('main, body').innerText);
    assert.ok(!/"version"|stemcell-b64|\[stemcell/.test(visible), 'no JSON, placeholder or shortcode text on the page');
    await page.screenshot({ path: artifact(`wordpress-${key}-1280.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the block renders the widget (wide alignment) and only pages with a widget load the script', async () => {
  const { page, errors, context } = await open(site.posts.block);
  const st = await handleState(page);
  assert.equal(st.widget, 'hsct-timeline');
  assert.ok(await page.evaluate(() => document.querySelector('[data-stemcell-widget]').classList.contains('alignwide')));
  assert.ok(await page.evaluate(() => document.querySelector('[data-stemcell-widget]').hasAttribute('data-present')), 'the block\'s present attribute');
  assert.equal(await page.locator('button', { hasText: 'Next' }).isVisible(), true);
  await page.screenshot({ path: artifact('wordpress-block-1280.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();

  const ctx = await browser.newContext();
  const home = await ctx.newPage();
  await home.goto(new URL('/?p=1', site.posts.block).href);  // "Hello world!": no widget
  assert.equal(await home.locator('script[src*="stemcell-widgets.js"]').count(), 0);
  await ctx.close();
});

test('Twenty Twenty-Three\'s 650 px column at phone width and at the theme\'s own width: the risk chart stays readable after a selection', async () => {
  for (const width of [375, 1280]) {
    const { page, errors, context } = await open(site.posts['enclosing-inline'], width);
    const canvas = page.locator('[data-stemcell-widget] canvas');
    const st = await handleState(page);
    const cell = st.items.find((i) => i.id.includes('/'));
    const box = await canvas.boundingBox();
    await page.mouse.click(box.x + cell.box.x + cell.box.w / 2, box.y + cell.box.y + cell.box.h / 2);
    await page.waitForFunction(() => StemCellWidgets.get(document.querySelector('[data-stemcell-widget]')).state().selected !== null);
    await waitReady(page, '[data-stemcell-widget]');
    const after = await handleState(page);
    assert.ok(after.items.some((i) => i.id === cell.id), 'the selected cell is still on screen');
    await page.screenshot({ path: artifact(`wordpress-selected-${width}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// A teacher's shortcode with only lang="es": the plugin points it at its own Spanish built-in document (the bundle
// embeds the English one); the presenter toolbar is in Spanish and PageDown, as a clicker sends it, steps the
// timeline without scrolling the page.
test('lang="es" alone: the Spanish built-in content from the plugin, and PageDown steps it', async () => {
  const { page, errors, requests, context } = await open(site.posts['lang-only-es']);
  assert.ok(requests.some((u) => /\/wp-content\/plugins\/stemcell-widgets\/assets\/stemcell-explainer\.es\.json\?ver=/.test(u)), 'the plugin\'s es.json, versioned');
  assert.match(await domText(page), /Día/);
  assert.doesNotMatch(await domText(page), /You are here/);
  const bar = await page.evaluate(() => [...document.querySelectorAll('.scw-bar button')].map((b) => b.textContent));
  assert.ok(bar.includes('Siguiente'), bar.join(', '));
  const y = await page.evaluate(() => scrollY);
  const before = (await handleState(page)).cursor;
  await page.locator('[data-stemcell-widget] canvas').focus();
  await page.keyboard.press('PageDown');
  await page.waitForFunction((b) => JSON.stringify(StemCellWidgets.get(document.querySelector('[data-stemcell-widget]')).state().cursor) !== b,
    JSON.stringify(before), { timeout: 5000 });
  assert.equal(await page.evaluate(() => scrollY), y, 'the page did not scroll');
  assert.deepEqual(await visibleErrors(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the block editor: the Author finds the block, inserts it, and sees its placeholder and sidebar controls', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const base = new URL('/', site.posts.block).href;
  await page.goto(base + 'wp-login.php');
  await page.fill('#user_login', 'author');
  await page.fill('#user_pass', 'author-password-1');
  await Promise.all([page.waitForNavigation(), page.click('#wp-submit')]);
  await page.goto(base + 'wp-admin/post-new.php');
  await page.waitForFunction(() => window.wp && wp.blocks && wp.blocks.getBlockType('stemcell/widget') && wp.data.select('core/block-editor'),
    null, { timeout: 60000 });
  const type = await page.evaluate(() => {
    const t = wp.blocks.getBlockType('stemcell/widget');
    return { title: t.title, align: t.supports.align, attrs: Object.keys(t.attributes) };
  });
  assert.equal(type.title, 'Stem cell widget');
  assert.deepEqual(type.align, ['wide', 'full']);
  for (const a of ['widget', 'src', 'lang', 'theme', 'height', 'textScale', 'fullscreen', 'present', 'background']) assert.ok(type.attrs.includes(a), a);
  await page.evaluate(() => {
    const b = wp.blocks.createBlock('stemcell/widget', { widget: 'hsct-timeline' });
    wp.data.dispatch('core/block-editor').insertBlocks(b);
    wp.data.dispatch('core/block-editor').selectBlock(b.clientId);
  });
  await page.getByText('Stem cell widget: Transplant timeline').first().waitFor({ timeout: 20000 });
  await page.screenshot({ path: artifact('wordpress-block-editor-1280.png') });
  assert.deepEqual(errors.filter((e) => /stemcell|editor\.js/i.test(e)), []);
  await context.close();
});
