// lib.mjs — shared setup for the browser tests: Debian's Chromium through playwright-core (never a downloaded
// browser), a local static server for dist/ and the test pages, console-error collection, canvas pixel reads.
// Cost rule for test code: never return a widget handle from page.evaluate (mount() and update() resolve with it;
// Playwright would serialise it with its wasm heap, seconds per call): `async () => { await h.update(d); }`.
// Return big pixel data as a typed array, not a plain array (see regionPixels).
// axe: `.options({ resultTypes: ['violations'] })` (a new object each time: withTags() writes into it). The tests
// read only the violations, which stay complete; without it axe also returns every node of every passed rule
// (the studio page: 9,657 nodes, 4.4 MB of JSON, 25 s of the axe run instead of 9).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from '../../tools/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

// The last flag: Chromium 15x (headless too) starts a "WebUI Top Renderer" for the omnibox popup with every new
// browser context, ~150-500 ms of CPU while the page under test loads (traces); a reader's browser has it running
// long before a page loads. On a 2-core machine it slowed whatever was measured or tested beside it.
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup'];

export async function startServer() {
  const server = createServer([
    { prefix: '/tests/', dir: path.join(here, 'pages') },
    { prefix: '/data/', dir: path.join(ROOT, 'data') },
    { prefix: '/testing/', dir: path.join(ROOT, 'build', 'web', 'testing') },  // the bundle with test-pattern
    { prefix: '/', dir: path.join(ROOT, 'dist') },
  ]);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

export async function launch() {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (run tools/setup.sh)`);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

// The value of a page expression once it is defined, asked over the DevTools protocol every 50 ms: for the
// first-frame benchmarks, where Playwright's waitForFunction would inject its ~300 KB selector engine into the
// page while it loads (6-20 ms of the main thread, in the middle of whichever page is still starting).
export async function pollPage(cdp, expression, timeout = 20000) {
  for (const t0 = Date.now(); Date.now() - t0 < timeout;) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
    if (result.value !== undefined) return result.value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${expression}: still undefined after ${timeout} ms`);
}

// Collects console errors, page errors and CSP violations; GPU driver performance warnings are not errors.
export function watchErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

// A browser without WebGL2 (an init script): no webgl2 context from either kind of canvas.
export const NO_WEBGL2 = () => {
  for (const C of [HTMLCanvasElement, OffscreenCanvas]) {
    const get = C.prototype.getContext;
    C.prototype.getContext = function (type, ...rest) { return type === 'webgl2' ? null : get.call(this, type, ...rest); };
  }
};

// Counts animation frames requested by anyone on the page, from before any page script runs.
export const COUNT_RAF = () => {
  window.__rafRequests = 0;
  const raf = window.requestAnimationFrame.bind(window);
  window.__rawRaf = raf;  // for the tests' own frame counting (idleFor), not counted
  window.requestAnimationFrame = (cb) => { window.__rafRequests++; return raf(cb); };
  document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective));
};

export async function waitReady(page, selector, timeout = 20000) {
  await page.waitForFunction((sel) => {
    const els = [...document.querySelectorAll(sel)];
    return els.length > 0 && els.every((el) => {
      const h = window.StemCellWidgets && StemCellWidgets.get(el);
      const c = el.querySelector('canvas');
      // Started, and its content in (stemcell:ready fired) or its error shown: a widget whose data-src is still being
      // fetched is not ready yet (toPNG right after would refuse).
      const settled = h && (h.readyFired || !!el.querySelector('.scw-error:not([hidden])'));
      return !!(h && c && c.width > 1 && h.id > 0 && settled);
    });
  }, selector, { timeout });
  await settle(page);
}

// Waits until the host wants no more frames (input drained, animations done) and the loader has refreshed the
// parallel DOM and live region, then one more animation frame so the last drawn frame has been presented.
export async function settle(page) {
  await page.waitForFunction(() => StemCellWidgets.debug.stats() && !StemCellWidgets.debug.stats().wantsFrame &&
    StemCellWidgets.debug.refreshesPending() === 0, null, { timeout: 10000, polling: 'raf' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}

// Reads a canvas's pixels: how many distinct colours, and the colour at (x, y) in CSS px.
export async function canvasPixels(page, selector, points = []) {
  return page.evaluate(([sel, pts]) => {
    const c = document.querySelector(sel);
    const ctx = c.getContext('2d');
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    for (let i = 0; i < d.length; i += 4 * 97) colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    const k = c.width / c.getBoundingClientRect().width;
    const at = pts.map(([x, y]) => {
      const i = (Math.floor(y * k) * c.width + Math.floor(x * k)) * 4;
      return [d[i], d[i + 1], d[i + 2]];
    });
    return { width: c.width, height: c.height, distinct: colours.size, at };
  }, [selector, points]);
}

// Watches `frames` animation frames of the page (not counted in __rafRequests) and returns how many frames the
// widgets drew and how many animation frames the page requested meanwhile: an idle page has {frames: 0, raf: 0}.
export async function idleFor(page, frames = 30) {
  return page.evaluate((n) => new Promise((resolve) => {
    const raf = window.__rawRaf || window.requestAnimationFrame.bind(window);
    const f0 = StemCellWidgets.debug.stats().frames, r0 = window.__rafRequests || 0;
    let left = n;
    const tick = () => (--left > 0 ? raf(tick) : resolve({ frames: StemCellWidgets.debug.stats().frames - f0, raf: (window.__rafRequests || 0) - r0 }));
    raf(tick);
  }), frames);
}

export function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

export const centre = (box) => [box.x + box.w / 2, box.y + box.h / 2];

// A fresh browser context on `url` (after COUNT_RAF), waiting for the widget `sel`. Options: width, height, dpr,
// touch, colorScheme ('light'|'dark'), reducedMotion ('no-preference'|'reduce'). Returns {page, errors, context}.
export async function openWidgetPage(browser, url, sel, { width = 1280, height = 720, dpr = 1, touch = false,
  colorScheme = 'light', reducedMotion = 'no-preference' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, hasTouch: touch, colorScheme, reducedMotion });
  const page = await context.newPage();
  await page.addInitScript(COUNT_RAF);
  const errors = watchErrors(page);
  await page.goto(url);
  await waitReady(page, sel);
  return { page, errors, context };
}

export const widgetState = (page, sel) => page.evaluate((s) => StemCellWidgets.get(document.querySelector(s)).state(), sel);

// The page coordinates of the centre of item `id` from state().items (CSS px relative to the canvas).
export async function itemPoint(page, sel, id) {
  const st = await widgetState(page, sel);
  const item = (st.items || []).find((i) => i.id === id);
  if (!item) throw new Error(`item ${id} is not on screen; items: ${(st.items || []).map((i) => i.id).join(', ')}`);
  const box = await page.locator(sel + ' canvas').boundingBox();
  const [x, y] = centre(item.box);
  return [box.x + x, box.y + y];
}

// The canvas's pixels inside `box` (CSS px relative to the canvas, as in state().items), every 2nd pixel of
// every 2nd row, as one Uint32Array of 0xRRGGBB values (a typed array crosses from the page as one block; a plain
// array of a whole canvas took Playwright ~0.8 s to serialise): compare two snapshots with changedShare().
export async function regionPixels(page, sel, box) {
  return page.evaluate(([s, b]) => {
    const c = document.querySelector(s).querySelector('canvas');
    const k = c.width / c.getBoundingClientRect().width;
    const x = Math.max(0, Math.floor(b.x * k)), y = Math.max(0, Math.floor(b.y * k));
    const w = Math.max(1, Math.min(c.width - x, Math.ceil(b.w * k))), h = Math.max(1, Math.min(c.height - y, Math.ceil(b.h * k)));
    const d = c.getContext('2d').getImageData(x, y, w, h).data;
    const out = new Uint32Array(Math.ceil(h / 2) * Math.ceil(w / 2));
    let n = 0;
    for (let j = 0; j < h; j += 2) for (let i = 0; i < w; i += 2) { const p = (j * w + i) * 4; out[n++] = (d[p] << 16) | (d[p + 1] << 8) | d[p + 2]; }
    return out;
  }, [sel, box]);
}
export const changedShare = (a, b) => a.reduce((n, v, i) => n + (v !== b[i] ? 1 : 0), 0) / Math.max(1, a.length);

// Proves a selection draws: the item's own box changes (its highlight), and so does at least `min` of the
// canvas beyond it (the detail panel or the lineage). Pass the state before, the item id and the action.
export async function assertSelectionDraws(page, sel, id, act, { min = 0.01 } = {}) {
  const st = await page.evaluate((s) => StemCellWidgets.get(document.querySelector(s)).state(), sel);
  const item = (st.items || []).find((i) => i.id === id);
  if (!item) throw new Error(`item ${id} is not on screen`);
  const whole = await page.evaluate((s) => { const r = document.querySelector(s).querySelector('canvas').getBoundingClientRect(); return { x: 0, y: 0, w: r.width, h: r.height }; }, sel);
  const [itemBefore, allBefore] = [await regionPixels(page, sel, item.box), await regionPixels(page, sel, whole)];
  await act();
  const [itemAfter, allAfter] = [await regionPixels(page, sel, item.box), await regionPixels(page, sel, whole)];
  const own = changedShare(itemBefore, itemAfter), all = changedShare(allBefore, allAfter);
  if (!(own > 0.02)) throw new Error(`selecting ${id} changed ${(own * 100).toFixed(1)}% of its own box: nothing was drawn there`);
  if (!(all > min)) throw new Error(`selecting ${id} changed ${(all * 100).toFixed(1)}% of the canvas`);
  return { own, all };
}

// Resizes the page's viewport (cheaper than a fresh context and page load when the device scale factor stays
// the same) and waits for the widgets to take the new size: two animation frames, so the ResizeObserver (which
// runs in the rendering update after the resize) has passed the new size to the module, then settle().
export async function resizeTo(page, { width, height }) {
  await page.setViewportSize({ width, height });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  await settle(page);
}
