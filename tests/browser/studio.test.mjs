// Browser tests of the authoring studio (dist/studio.html) in Debian's Chromium: the default loads into the form,
// the JSON text and the three widgets; a form edit reaches the widgets' HTML copy; a broken figure is listed with
// its pointer, the click goes to it, and the fix clears it; a level without a source is a warning; the inline
// embed code renders the same content on a fresh page; the draft survives a reload; axe; screenshots; file://.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { startServer, launch, watchErrors, waitReady, artifact, ROOT, resizeTo } from './lib.mjs';

const DATA = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'stemcell-explainer.en.json'), 'utf8'));

let server, base, browser;
before(async () => { ({ server, base } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// Until the widgets have the current text and the problem list is drawn.
async function idle(page) {
  await page.waitForFunction(() => window.StemCellStudio && !StemCellStudio.busy && StemCellStudio.handles.size === 3 &&
    StemCellWidgets.debug.refreshesPending() === 0, null, { timeout: 30000 });
}
async function openStudio(context, url = base + '/studio.html') {
  const page = await context.newPage();
  const errors = watchErrors(page);
  page.on('dialog', (d) => d.accept());
  await page.goto(url);
  await idle(page);
  return { page, errors };
}
const problems = (page) => page.$$eval('#problems li', (lis) => lis.map((li) => ({
  severity: li.classList.contains('error') ? 'error' : 'warning', path: li.dataset.path, text: li.textContent })));
const domText = (page, kind) => page.$eval(`#preview-${kind} .scw-dom`, (d) => d.textContent);
const editorText = (page) => page.evaluate(() => StemCellStudio.view.state.doc.toString());

// Puts the text cursor on the value at a JSON Pointer (as a click in the editor would) and returns that value.
async function selectInEditor(page, pointer) {
  return page.evaluate((p) => {
    const v = StemCellStudio.view;
    const text = v.state.doc.toString();
    const doc = JSON.parse(text);
    const value = p.split('/').slice(1).reduce((o, k) => o[k], doc);
    // The figure's value: find it after the figure's label, which is unique in the document.
    const fig = p.split('/').slice(1, -1).reduce((o, k) => o[k], doc);
    const at = text.indexOf(JSON.stringify(fig.label));
    const from = text.indexOf('"value": ' + JSON.stringify(value), at) + '"value": '.length;
    v.dispatch({ selection: { anchor: from, head: from + JSON.stringify(value).length } });
    v.focus();
    return value;
  }, pointer);
}

test('studio: form edit reaches the widgets, a broken figure is listed and fixed, an unsourced level warns, the inline embed renders, the draft survives a reload', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const { page, errors } = await openStudio(context);

  // The built-in English content is in the editor and the three widgets show it.
  assert.equal(JSON.stringify(JSON.parse(await editorText(page))), JSON.stringify(DATA));
  assert.match(await domText(page, 'cell-diagram'), new RegExp(DATA.cellTypes[0].name));
  const initial = await problems(page);
  assert.ok(initial.every((p) => p.severity === 'warning'), JSON.stringify(initial));

  // 1. The form (cell types): rename the first cell type; the cell diagram's HTML copy follows.
  const NAME = 'Embryonic stem cell </script> (studio test)';
  const nameInput = page.locator('[data-schemapath="root.0.name"] :is(input[type=text], textarea)').first();
  await nameInput.fill(NAME);
  await nameInput.press('Tab');
  await page.waitForFunction((n) => StemCellStudio.doc.cellTypes[0].name === n, NAME);
  await idle(page);
  assert.ok((await domText(page, 'cell-diagram')).includes(NAME));
  assert.ok((await editorText(page)).includes(JSON.stringify(NAME)), 'the JSON text follows the form');

  // 2. The JSON text: make a figure's value a string. The problem is listed with its pointer, underlined in the
  //    editor, and a click on it selects the value; typing a number there fixes it.
  await page.click('#tab-text');
  const riskIdx = DATA.risks.findIndex((r) => r.levels.some((l) => l.figures && l.figures.length));
  const levelIdx = DATA.risks[riskIdx].levels.findIndex((l) => l.figures && l.figures.length);
  const POINTER = `/risks/${riskIdx}/levels/${levelIdx}/figures/0/value`;
  const original = await selectInEditor(page, POINTER);
  await page.keyboard.type('"about a third"');
  await idle(page);
  let list = await problems(page);
  const broken = list.find((p) => p.path === POINTER);
  assert.ok(broken && broken.severity === 'error', JSON.stringify(list));
  assert.match(await page.textContent('#problem-summary'), /^1 error/);
  await page.waitForSelector('.cm-lintRange-error', { timeout: 10000 });  // the schema linter underlines it too
  // With the form showing, the problem takes the author to the field in the form.
  await page.click('#tab-form');
  await page.click(`#problems li[data-path="${POINTER}"] button`);
  assert.equal(await page.inputValue('#form-section'), 'risks');
  const focused = await page.evaluate(() => { const b = document.activeElement.closest('[data-schemapath]'); return b && b.getAttribute('data-schemapath'); });
  assert.equal(focused, 'root.' + POINTER.split('/').slice(2).join('.'));
  // From the JSON text view (moved away first), the click selects the value there.
  await page.click('#tab-text');
  await page.evaluate(() => StemCellStudio.view.dispatch({ selection: { anchor: 0 } }));
  await page.click(`#problems li[data-path="${POINTER}"] button`);
  const selected = await page.evaluate(() => { const s = StemCellStudio.view.state; return s.sliceDoc(s.selection.main.from, s.selection.main.to); });
  assert.equal(selected, '"about a third"');
  assert.ok(await page.evaluate(() => StemCellStudio.view.hasFocus), 'the editor has the focus');
  await page.keyboard.type(String(original));
  await idle(page);
  list = await problems(page);
  assert.ok(!list.some((p) => p.severity === 'error'), JSON.stringify(list));

  // 3. A risk level without a source (opened as a file: a new therapy and its level for the first risk).
  const doc = JSON.parse(await editorText(page));
  doc.therapies.push({ id: 'studio-test-therapy', name: 'Studio test therapy', short: 'A therapy added by the test.' });
  doc.risks[0].levels.push({ therapy: 'studio-test-therapy', level: 'moderate' });
  const levelPointer = `/risks/0/levels/${doc.risks[0].levels.length - 1}`;
  await page.setInputFiles('#open-file', { name: 'adapted.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc, null, 2)) });
  await page.waitForFunction(() => /adapted\.json/.test(document.getElementById('status').textContent));
  await idle(page);
  list = await problems(page);
  const warn = list.find((p) => p.path === levelPointer);
  assert.ok(warn && warn.severity === 'warning' && /no source/.test(warn.text), JSON.stringify(list));
  assert.ok(!list.some((p) => p.severity === 'error'), JSON.stringify(list));

  // 4. The inline-JSON embed code, pasted into a fresh page, renders the same content.
  await page.fill('#embed-script', base + '/stemcell-widgets.js');
  await page.selectOption('#embed-format', 'script-inline');
  await page.selectOption('#embed-widget', 'cell-diagram');
  await page.click('#copy-embed');
  await page.waitForFunction(() => document.getElementById('copy-state').textContent === 'Copied.');
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(code, await page.inputValue('#embed-code'));
  // The other formats, as the brief for site owners gives them.
  const formats = {};
  for (const f of ['script-src', 'wp-src', 'wp-inline', 'iframe']) {
    await page.selectOption('#embed-format', f);
    formats[f] = await page.inputValue('#embed-code');
  }
  await page.selectOption('#embed-format', 'script-inline');
  assert.match(formats['script-src'], /^<script src="[^"]+\/stemcell-widgets\.js" defer><\/script>\n<div data-stemcell-widget="cell-diagram" data-src="https:\/\/your\.site\/path\/stemcell-content\.json"><\/div>$/);
  assert.equal(formats['wp-src'], '[stemcell widget="cell-diagram" src="https://your.site/path/stemcell-content.json"]');
  assert.ok(formats['wp-inline'].startsWith('[stemcell widget="cell-diagram"]{') && formats['wp-inline'].endsWith('}[/stemcell]'));
  assert.ok(!formats['wp-inline'].includes('</'), 'no </ in the shortcode JSON either');
  assert.match(formats.iframe, /^<iframe src="[^"]+\/embed\.html\?widget=cell-diagram&amp;src=https%3A%2F%2Fyour\.site%2Fpath%2Fstemcell-content\.json" data-stemcell-embed /);
  assert.ok(code.includes('<\\/script> (studio test)'), 'every </ in the JSON is written <\\/');
  assert.equal((code.match(/<\/script>/g) || []).length, 2, 'only the two real end tags');
  const pasted = await context.newPage();
  const pastedErrors = watchErrors(pasted);
  await pasted.route(base + '/tests/pasted.html', (r) => r.fulfill({ contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pasted</title></head><body>${code}</body></html>` }));
  await pasted.goto(base + '/tests/pasted.html');
  await waitReady(pasted, '[data-stemcell-widget]');
  const pastedText = await pasted.$eval('[data-stemcell-widget] .scw-dom', (d) => d.textContent);
  assert.ok(pastedText.includes(NAME), 'the pasted page shows the edited name');
  assert.ok(pastedText.includes('Studio test therapy'), 'and the added therapy');
  assert.deepEqual(pastedErrors, []);

  // 5. Reload: the draft comes back.
  const before = await editorText(page);
  await page.reload();
  await idle(page);
  assert.equal(await editorText(page), before);
  assert.match(await page.textContent('#status'), /Restored your draft/);
  assert.ok((await domText(page, 'cell-diagram')).includes(NAME));

  // Reset to default is behind a confirmation: dismissed keeps the draft, accepted restores the default.
  page.removeAllListeners('dialog');
  page.once('dialog', (d) => d.dismiss());
  await page.click('#reset');
  assert.equal(await editorText(page), before);
  page.once('dialog', (d) => d.accept());
  await page.click('#reset');
  await idle(page);
  assert.equal(JSON.stringify(JSON.parse(await editorText(page))), JSON.stringify(DATA));

  assert.deepEqual(errors, []);
  await context.close();
});

test('studio: the Spanish default, its JSON download, and the preview at phone size, in dark theme, with a chosen language', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const { page, errors } = await openStudio(context);
  const ES = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'stemcell-explainer.es.json'), 'utf8'));
  await page.click('#start-es');
  await page.waitForFunction(() => /Spanish/.test(document.getElementById('status').textContent));
  await idle(page);
  assert.equal(JSON.stringify(JSON.parse(await editorText(page))), JSON.stringify(ES));
  assert.ok((await domText(page, 'risk-chart')).includes(ES.risks[0].name));
  // Download JSON: the file is the text being edited, under the chosen name.
  await page.fill('#download-name', 'contenido.json');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  assert.equal(download.suggestedFilename(), 'contenido.json');
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), await editorText(page));
  await page.selectOption('#preview-size', 'phone');
  await page.selectOption('#preview-theme', 'dark');
  await idle(page);
  const width = await page.$eval('#preview-cell-diagram canvas', (c) => c.getBoundingClientRect().width);
  assert.ok(width <= 375 && width > 300, String(width));
  await page.selectOption('#preview-lang', 'es');
  await idle(page);
  await page.selectOption('#embed-format', 'script-src');
  assert.match(await page.inputValue('#embed-code'), /data-lang="es"/);
  const corner = await page.$eval('#preview-risk-chart canvas', (c) => [...c.getContext('2d').getImageData(2, 2, 1, 1).data].slice(0, 3));
  assert.ok(corner.every((v) => v < 90), `a dark background, got rgb(${corner})`);
  await page.screenshot({ path: artifact('studio-es-phone-dark-1280.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('studio: the form adds, reorders and removes list items, and the text follows', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openStudio(context);
  // Showing a part of the document in the form changes nothing in it.
  const original = await editorText(page);
  for (const section of await page.$$eval('#form-section option', (os) => os.map((o) => o.value))) {
    await page.selectOption('#form-section', section);
    await page.waitForFunction((k) => StemCellStudio.formSection === k && document.querySelector('#form [data-schemapath="root"]'), section);
  }
  await idle(page);
  assert.equal(await editorText(page), original);
  // Text that looks like markup stays text: in the form's inputs, unchanged, and never run.
  await page.selectOption('#form-section', 'cellTypes');
  const MARKUP = '<img src=x onerror="window.__ran=1">Stem <b>cell</b>';
  const doc = JSON.parse(JSON.stringify(DATA));
  doc.cellTypes[0].name = MARKUP;
  await page.setInputFiles('#open-file', { name: 'markup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.waitForFunction(() => /markup\.json/.test(document.getElementById('status').textContent));
  await idle(page);
  await page.waitForFunction((m) => { const i = document.querySelector('[data-schemapath="root.0.name"] :is(input[type=text], textarea)'); return i && i.value === m; }, MARKUP);
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.equal(await page.evaluate(() => StemCellStudio.doc.cellTypes[0].name), MARKUP);

  await page.selectOption('#form-section', 'sources');
  await page.waitForSelector('[data-schemapath="root.1"]');
  const n = DATA.sources.length;
  // Move the second source up: the first two swap in the JSON text.
  await page.locator('[data-schemapath="root.1"] button.moveup').first().click();
  await page.waitForFunction((id) => StemCellStudio.doc.sources[0].id === id, DATA.sources[1].id);
  // Add one: a new, empty source at the end.
  await page.locator('[data-schemapath="root"] button.json-editor-btntype-add').last().click();
  await page.waitForFunction((k) => StemCellStudio.doc.sources.length === k, n + 1);
  // Remove it again.
  await page.locator(`[data-schemapath="root.${n}"] button.delete`).first().click();
  await page.waitForFunction((k) => StemCellStudio.doc.sources.length === k, n);
  await idle(page);
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('studio: keyboard: skip links reach the problems past the form, and Enter on a problem opens its field', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openStudio(context);
  // A problem to reach (the built-in content has none): a figure's value made a word. The draft keeps it across
  // the reload, which puts the keyboard back at the top of the page.
  await page.click('#tab-text');
  const riskIdx = DATA.risks.findIndex((r) => r.levels.some((l) => l.figures && l.figures.length));
  const levelIdx = DATA.risks[riskIdx].levels.findIndex((l) => l.figures && l.figures.length);
  await selectInEditor(page, `/risks/${riskIdx}/levels/${levelIdx}/figures/0/value`);
  await page.keyboard.type('"about a third"');
  await idle(page);
  await page.waitForFunction(() => document.querySelectorAll('#problems li').length > 0);
  await page.click('#tab-form');
  await page.waitForFunction(() => localStorage.length > 0 && /about a third/.test(Object.values(localStorage).join('')));
  await page.reload();
  await idle(page);
  await page.waitForFunction(() => document.querySelectorAll('#problems li').length > 0);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Edit');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Problems');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'problems-h');
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement.closest('li') && document.activeElement.closest('li').dataset.path);
  assert.ok(first, 'the first problem is the next stop');
  await page.keyboard.press('Enter');
  const [section, box] = first.split('/').slice(1, 2).concat(['root.' + first.split('/').slice(2).join('.')]);
  await page.waitForFunction((b) => { const e = document.activeElement.closest('[data-schemapath]'); return e && e.getAttribute('data-schemapath') === b; }, box);
  assert.equal(await page.inputValue('#form-section'), section);
  // The editor tabs: arrow keys move between them.
  await page.focus('#tab-form');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tab-text', 'aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-text');
  assert.equal(await page.isVisible('#panel-form'), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('studio: the JSON text editor completes keys from the schema', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openStudio(context);
  await page.click('#tab-text');
  // A new line inside the first risk level: the completion offers the level's keys from the schema.
  await page.evaluate(() => {
    const v = StemCellStudio.view;
    const t = v.state.doc.toString();
    const at = t.indexOf('"level":', t.indexOf('"levels"'));
    const end = t.indexOf('\n', at);
    v.dispatch({ selection: { anchor: end } });
    v.focus();
  });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Space');
  await page.waitForSelector('.cm-tooltip-autocomplete li');
  const options = await page.$$eval('.cm-tooltip-autocomplete li', (l) => l.map((x) => x.textContent));
  assert.ok(options.some((o) => o.startsWith('figures')), JSON.stringify(options));  // a key the level may still take
  assert.ok(!options.some((o) => o.startsWith('therapy')), JSON.stringify(options)); // not one it has
  await page.keyboard.press('Escape');
  await page.keyboard.type('"fi');
  await page.click('.cm-tooltip-autocomplete li:has-text("figures")');
  await page.keyboard.type('[],');
  const line = await page.evaluate(() => { const s = StemCellStudio.view.state; return s.doc.lineAt(s.selection.main.head).text.trim(); });
  assert.equal(line, '"figures": [],');

  // Broken JSON: the problem has no pointer but a line and column, and its click goes there.
  await page.keyboard.type(' oops');
  const brokenLine = await page.evaluate(() => { const s = StemCellStudio.view.state; return s.doc.lineAt(s.selection.main.head).number; });
  await idle(page);
  const list = await problems(page);
  assert.ok(list.length >= 1 && list[0].severity === 'error' && list[0].path === '' && /line \d+, column \d+/.test(list[0].text), JSON.stringify(list));
  await page.evaluate(() => StemCellStudio.view.dispatch({ selection: { anchor: 0 } }));
  await page.click('#problems li[data-path=""] button');
  const cursorLine = await page.evaluate(() => { const s = StemCellStudio.view.state; return s.doc.lineAt(s.selection.main.head).number; });
  assert.equal(cursorLine, brokenLine);
  assert.deepEqual(errors, []);
  await context.close();
});

// One page resized through the three sizes (all at dpr 1) instead of a fresh page load each; the desktop size
// last, since its text-tab step changes the page.
test('studio: axe finds no serious or critical violation; screenshots at 375, 1280 and 1920 px', async () => {
  const SIZES = [['phone', 375, 800], ['projector', 1920, 1080], ['desktop', 1280, 900]];
  const context = await browser.newContext({ viewport: { width: SIZES[0][1], height: SIZES[0][2] } });
  const { page, errors } = await openStudio(context);
  for (const [name, width, height] of SIZES) {
    if (name !== SIZES[0][0]) { await resizeTo(page, { width, height }); await idle(page); }
    await page.screenshot({ path: artifact(`studio-${name}-${width}.png`) });
    if (name === 'desktop') {
      const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((x) => x.target.join(' ')).join(' | ')})`), []);
      await page.click('#tab-text');
      await page.screenshot({ path: artifact(`studio-text-${width}.png`) });
      // Only the tabs and the JSON text panel changed since the whole-page run above: check those.
      const text = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).include('#tablist').include('#panel-text').analyze();
      const badText = text.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(badText.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((x) => x.target.join(' ')).join(' | ')})`), []);
    }
    assert.deepEqual(errors, []);
  }
  await context.close();
});

test('studio: opened from disk (file://) it runs on the offline bundle', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openStudio(context, pathToFileURL(path.join(ROOT, 'dist', 'studio.html')).href);
  assert.ok(await page.evaluate(() => [...document.scripts].some((s) => /stemcell-widgets\.offline\.js$/.test(s.src))));
  assert.match(await domText(page, 'risk-chart'), new RegExp(DATA.risks[0].name));
  assert.deepEqual(errors, []);
  await context.close();
});
