// first_frame_ab.mjs — two builds of the bundle compared in one run: the first-frame page (one hsct-timeline,
// default content; first_frame.mjs's page) loaded cold from build A and build B in turn, N pairs, so a busy machine
// slows both alike. Prints per build the median first frame and the medians of the items first_frame_profile.mjs
// times (scw_create, scw_set_data, the first frame's callback, the first canvas copy), the main thread's CPU time
// (CDP's ThreadTime: robust to a busy machine), and in how many pairs B was faster. A benchmark aid: it prints figures and never fails.
//   node tests/bench/first_frame_ab.mjs --a DIR --b DIR [--pairs N]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from '../../tools/serve.mjs';
import { launch, pollPage } from '../browser/lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const arg = (k, d) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const DIRS = { A: path.resolve(arg('--a', path.join(ROOT, 'dist'))), B: path.resolve(arg('--b', path.join(ROOT, 'dist'))) };
const PAIRS = Number(arg('--pairs', 11));
const servers = {}, bases = {};
for (const k of ['A', 'B']) {
  servers[k] = createServer([
    { prefix: '/bench/', dir: path.join(ROOT, 'tests', 'bench', 'pages') },
    { prefix: '/', dir: DIRS[k] },
  ]);
  await new Promise((r) => servers[k].listen(0, '127.0.0.1', r));
  bases[k] = `http://127.0.0.1:${servers[k].address().port}`;
}
const browser = await launch();

// Before the page's scripts: time the module's C API calls, the canvas copy and the first frame (as first_frame.mjs).
const INSTRUMENT = () => {
  const acc = window.__prof = {};
  const now = () => performance.now();
  const add = (key, t0) => { (acc[key] || (acc[key] = [])).push(now() - t0); };
  const wrap = (obj, name, key) => {
    const f = obj && obj[name];
    if (typeof f !== 'function') return;
    obj[name] = function (...a) { const t0 = now(); const r = f.apply(this, a); add(key, t0); return r; };
  };
  if (window.OffscreenCanvas) wrap(OffscreenCanvas.prototype, 'transferToImageBitmap', 'copy');
  wrap(CanvasRenderingContext2D.prototype, 'drawImage', 'drawImage');
  let factory;
  Object.defineProperty(window, 'StemCellWidgetsModule', {
    configurable: true,
    get: () => factory,
    set: (f) => {
      factory = (opts) => {
        if (!acc['module start']) acc['module start'] = [now()];
        return f(opts).then((m) => {
          acc['module ready at'] = [now()];
          for (const k of ['_scw_create', '_scw_set_data', '_scw_dom']) if (typeof m[k] === 'function') wrap(m, k, k.slice(1));
          return m;
        });
      };
    },
  });
  // The module reports each animation frame it drew here (main_wasm.cpp): the first is when the first frame was
  // drawn and copied, in the rendering update that shows it; the tick below sees it an update later.
  window.__scwFrameTimes = { push: () => { if (!acc['frame drawn']) acc['frame drawn'] = [now()]; } };
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => { const t0 = now(); const r = cb(t); add('rAF', t0); return r; });
  const tick = () => {
    const s = window.StemCellWidgets && StemCellWidgets.debug.stats();
    const n = document.querySelectorAll('[data-stemcell-widget]').length;
    if (s && s.instances >= n && s.frames >= n) window.__firstFrame = now();
    else raf(tick);
  };
  raf(tick);
};

async function load(k) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${bases[k]}/bench/ours.html`);
  await pollPage(cdp, 'window.__firstFrame');  // not waitForFunction: see pollPage
  // The main thread's CPU time so far (ThreadTime): the page's own work, whatever the machine's load.
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const r = await page.evaluate(() => ({ first: window.__firstFrame, prof: window.__prof,
    dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart }));
  r.cpu = metrics.ThreadTime * 1000;
  await context.close();
  return r;
}

const runs = { A: [], B: [] };
for (let i = 0; i < PAIRS; i++) {
  const order = i % 2 ? ['B', 'A'] : ['A', 'B'];
  for (const k of order) runs[k].push(await load(k));
}
const med = (xs) => { const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const items = [
  ['first frame (ms from navigation)', (r) => r.first],
  ['  of which after the frame was drawn', (r) => r.first - (r.prof['frame drawn'] || [NaN])[0]],
  ['main thread CPU until then (ThreadTime)', (r) => r.cpu],
  ['DOMContentLoaded at', (r) => r.dcl],
  ['module start (factory called), after DOMContentLoaded', (r) => (r.prof['module start'] || [NaN])[0] - r.dcl],
  ['module ready at', (r) => (r.prof['module ready at'] || [NaN])[0]],
  ['scw_create', (r) => (r.prof.scw_create || [NaN])[0]],
  ['scw_set_data', (r) => (r.prof.scw_set_data || [NaN])[0]],
  ['scw_dom', (r) => (r.prof.scw_dom || [NaN])[0]],
  ['first canvas copy (transferToImageBitmap)', (r) => (r.prof.copy || [NaN])[0]],
  ['longest rAF callback (the first frame)', (r) => Math.max(...(r.prof.rAF || [NaN]))],
];
console.log(`A = ${DIRS.A}\nB = ${DIRS.B}\n${PAIRS} pairs, medians (ms):`);
console.log(`  ${''.padEnd(56)} ${'A'.padStart(8)} ${'B'.padStart(8)}   B faster in`);
for (const [name, f] of items) {
  const a = runs.A.map(f), b = runs.B.map(f);
  const wins = a.filter((x, i) => b[i] < x).length;
  console.log(`  ${name.padEnd(56)} ${med(a).toFixed(1).padStart(8)} ${med(b).toFixed(1).padStart(8)}   ${wins}/${PAIRS}`);
}
await browser.close();
for (const k of ['A', 'B']) servers[k].close();
