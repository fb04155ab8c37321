// Issue 14 in Chromium: handle.setState for every widget (and its errors), scroll-driven steps on the story page
// (in order and back), and handle.toPNG (size, pixels equal to the canvas's) with the data-export button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, launch, settle, artifact, openWidgetPage, widgetState, canvasPixels } from './lib.mjs';

let server, base, browser;
before(async () => { ({ server, base } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// setState through the page; returns {state} or {error, name}. Also counts stemcell:change events after it.
const setState = (page, sel, partial) => page.evaluate(([s, p]) => {
  const el = document.querySelector(s);
  return StemCellWidgets.get(el).setState(p).then((state) => ({ state }), (e) => ({ error: e.message, name: e.name }));
}, [sel, partial]);
const nextChange = (page, sel) => page.evaluate((s) => new Promise((resolve) => {
  document.querySelector(s).addEventListener('stemcell:change', (e) => resolve(e.detail), { once: true });
}), sel);

for (const [kind, file, sel, good, check, bad] of [
  ['cell-diagram', 'cell-diagram.html', '#cells', { selected: 'hsc', therapy: 'allo-hsct' }, (s) => s.selected === 'hsc' && s.therapy === 'allo-hsct', { selected: 'unicorn-cell' }],
  ['risk-chart', 'risk-chart.html', '#risk', { selected: 'gvhd/allo-hsct', view: 'by-therapy' }, (s) => s.risk === 'gvhd' && s.therapy === 'allo-hsct' && s.view === 'by-therapy', { risk: 'boredom' }],
  ['hsct-timeline', 'hsct-timeline.html', '#tl', { variant: 'allogeneic', day: 0 }, (s) => s.variant === 'allogeneic' && s.day === 0 && s.phase === 'allo-reinfusion', { variant: 'haploidentical' }],
]) {
  test(`${kind}: setState changes state and pixels, fires stemcell:change, and rejects bad keys and ids by name`, async () => {
    const { page, errors, context } = await openWidgetPage(browser, `${base}/tests/${file}`, sel);
    const before = await canvasPixels(page, sel + ' canvas');
    const beforeData = await page.evaluate((s) => document.querySelector(s + ' canvas').toDataURL(), sel);
    const change = nextChange(page, sel);
    const r = await setState(page, sel, good);
    assert.ok(r.state && check(r.state), JSON.stringify(r));
    assert.ok(check(await change), 'the change event carries the new state');
    await settle(page);
    assert.ok(check(await widgetState(page, sel)));
    const afterData = await page.evaluate((s) => document.querySelector(s + ' canvas').toDataURL(), sel);
    assert.notEqual(afterData, beforeData, 'the canvas shows the new state');
    assert.ok(before.width > 1);
    // Unknown key: rejects naming it; unknown id: rejects naming it; nothing changes.
    const k = await setState(page, sel, { colour: 'red' });
    assert.equal(k.name, 'StemCellWidgetsError');
    assert.match(k.error, /"colour"/);
    const b = await setState(page, sel, bad);
    assert.match(b.error, new RegExp(Object.values(bad)[0]));
    assert.ok(check(await widgetState(page, sel)), 'a refused setState changes nothing');
    const notObject = await setState(page, sel, 'hsc');
    assert.match(notObject.error, /object/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// Scrolls so the middle of step `i` sits at the middle of the viewport, then waits for the widget to show it.
async function scrollToStep(page, i) {
  await page.evaluate((n) => {
    const step = document.querySelectorAll('.step')[n];
    const r = step.getBoundingClientRect();
    window.scrollBy(0, r.top + r.height / 2 - window.innerHeight / 2);
  }, i);
  await page.waitForFunction((n) => document.querySelectorAll('.step')[n].hasAttribute('data-stemcell-active'), i, { timeout: 10000 });
}

test('story page: scrolling steps the widgets through their states in order, and back', async () => {
  const { page, errors, context } = await openWidgetPage(browser, `${base}/story.html`, '#story-cells', { width: 1280, height: 800 });
  const steps = await page.evaluate(() => [...document.querySelectorAll('.step')].map((s) =>
    ({ id: s.getAttribute('data-stemcell-for'), state: JSON.parse(s.getAttribute('data-stemcell-state')) })));
  assert.ok(steps.length >= 10);
  const matches = (st, want) => Object.entries(want).every(([k, v]) => k === 'day' ? st.day === v : st[k] === v);
  const seen = [];
  const visit = async (i) => {
    await scrollToStep(page, i);
    const sel = '#' + steps[i].id;
    await page.waitForFunction(([s, want]) => {
      const st = StemCellWidgets.get(document.querySelector(s)).state();
      return Object.entries(want).every(([k, v]) => st[k] === v);
    }, [sel, steps[i].state], { timeout: 10000 });
    const st = await widgetState(page, sel);
    assert.ok(matches(st, steps[i].state), `step ${i}: ${JSON.stringify(steps[i].state)} vs ${JSON.stringify(st)}`);
    // Exactly one active step per widget.
    const active = await page.evaluate((id) => document.querySelectorAll(`[data-stemcell-for="${id}"][data-stemcell-active]`).length, steps[i].id);
    assert.equal(active, 1);
    seen.push(i);
  };
  for (let i = 0; i < steps.length; i++) {
    await visit(i);
    if (i === 1 || i === 6 || i === steps.length - 2) await page.screenshot({ path: artifact(`story-1280-step${i}.png`) });
  }
  // And back up, one step at a time.
  for (let i = steps.length - 2; i >= 0; i--) await visit(i);
  assert.equal(seen.length, steps.length * 2 - 1);
  // Reading order and keyboard are the page's: the steps are plain paragraphs, never focus traps.
  const tabbable = await page.evaluate(() => [...document.querySelectorAll('.step')].filter((s) => s.tabIndex >= 0).length);
  assert.equal(tabbable, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('story page on a phone: the widget sits above the text and still follows it', async () => {
  const { page, errors, context } = await openWidgetPage(browser, `${base}/story.html`, '#story-cells', { width: 375, height: 740, dpr: 2 });
  for (const i of [1, 7, 12]) {
    await scrollToStep(page, i);
    await settle(page);
    await page.screenshot({ path: artifact(`story-375-step${i}.png`) });
  }
  const st = await widgetState(page, '#story-risks');
  assert.equal(st.selected, 'gvhd/allo-hsct');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a step with bad JSON or an unknown key is reported as stemcell:error naming it', { timeout: 60000 }, async () => {
  const { page, context } = await openWidgetPage(browser, `${base}/tests/hsct-timeline.html`, '#tl');
  const detail = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('stemcell:error', (e) => resolve(e.detail.message), { once: true });
    const p = document.createElement('p');
    p.setAttribute('data-stemcell-for', 'tl');
    p.setAttribute('data-stemcell-state', '{"dday": 3}');
    p.textContent = 'step';
    p.style.height = '100vh';  // it covers the middle of the viewport as soon as it is added
    document.querySelector('#tl').before(p);
  }));
  assert.match(detail, /"dday"/);
  await context.close();
});

test('toPNG: a PNG of the right size whose pixels are the canvas\'s, with title and source; Save image names it', { timeout: 120000 }, async () => {
  for (const dpr of [1, 2]) {
    const { page, errors, context } = await openWidgetPage(browser, `${base}/story.html`, '#story-risks', { width: 1280, height: 800, dpr });
    // The page stays at the top (no step of the risk section crosses the middle), so only this setState applies.
    await setState(page, '#story-risks', { selected: 'treatment-related-death/allo-hsct' });
    await settle(page);
    for (const scale of [1, 2]) {
      const r = await page.evaluate(async (scale) => {
        const el = document.querySelector('#story-risks');
        const h = StemCellWidgets.get(el);
        const c = el.querySelector('canvas');
        const blob = await h.toPNG({ scale });
        const img = await createImageBitmap(blob);
        const out = document.createElement('canvas');
        out.width = img.width; out.height = img.height;
        const g = out.getContext('2d');
        g.drawImage(img, 0, 0);
        // Find the widget image inside: the band above is the title. Compare rows of the canvas at the same scale.
        const rect = c.getBoundingClientRect();
        const cssW = el.querySelector('.scw-root').clientWidth, cssH = el.querySelector('.scw-root').clientHeight;
        const bytes = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
        let same = -1, top = -1;
        if (scale === window.devicePixelRatio) {
          const cd = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          for (let y = 0; y < out.height - c.height && top < 0; y++) {
            const row = g.getImageData(0, y, c.width, 1).data;
            let ok = true;
            for (let x = 0; x < c.width * 4 && ok; x += 4 * 7) ok = row[x] === cd[x] && row[x + 1] === cd[x + 1] && row[x + 2] === cd[x + 2];
            if (ok) {  // the first row matches: check the whole image there
              const od = g.getImageData(0, y, c.width, c.height).data;
              let diff = 0;
              for (let i = 0; i < cd.length; i += 4) if (od[i] !== cd[i] || od[i + 1] !== cd[i + 1] || od[i + 2] !== cd[i + 2]) diff++;
              if (diff / (cd.length / 4) < 0.001) { top = y; same = diff; }
            }
          }
        }
        return { type: blob.type, w: img.width, h: img.height, cssW, cssH, rectW: rect.width, sig: [...bytes], top, same,
          canvasW: c.width, name: h.imageName() };
      }, scale);
      assert.equal(r.type, 'image/png');
      assert.deepEqual(r.sig, [137, 80, 78, 71, 13, 10, 26, 10]);
      assert.equal(r.w, Math.round(r.cssW * scale), `width at scale ${scale}, dpr ${dpr}`);
      assert.ok(r.h > Math.round(r.cssH * scale), 'title and source add height');
      assert.equal(r.canvasW, Math.round(r.cssW * dpr), 'the canvas is back at the screen resolution');
      if (scale === dpr) assert.ok(r.top > 0, `the canvas's pixels appear under the title (dpr ${dpr})`);
      assert.equal(r.name, 'risk-chart-treatment-related-death-allo-hsct.png');
    }
    const bad = await page.evaluate(() => StemCellWidgets.get(document.querySelector('#story-risks')).toPNG({ scale: 3 }).then(() => '', (e) => e.message));
    assert.match(bad, /scale/);
    if (dpr === 2) {
      const [download] = await Promise.all([page.waitForEvent('download'),  // clicked in place: no scrolling
        page.evaluate(() => document.querySelector('#story-risks .scw-export button').click())]);
      assert.equal(download.suggestedFilename(), 'risk-chart-treatment-related-death-allo-hsct.png');
      const file = artifact('story-export-risk-chart.png');
      await download.saveAs(file);
      assert.deepEqual([...fs.readFileSync(file).subarray(0, 4)], [137, 80, 78, 71]);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});
