// first_frame_profile.mjs — where the time to the first content frame goes (one hsct-timeline, the page of
// first_frame.mjs). A benchmark aid: it prints figures and never fails. Median over 5 cold loads of:
// the script and wasm fetches (resource timing), the wasm compile + instantiate, when the lazy-start observer
// fired, and the time inside the browser calls the module makes (glyph rasterising with measureText / fillText /
// getImageData, shader compile/link, texture upload, canvas resizes, the canvas copy), measured by wrapping those calls before any
// page script runs. With --cpu it also prints a sampled CPU profile of one load (top self times).
//   node tests/bench/first_frame_profile.mjs [--cpu] [--dist DIR]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from '../../tools/serve.mjs';
import { launch, pollPage } from '../browser/lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const DIST = args.includes('--dist') ? path.resolve(args[args.indexOf('--dist') + 1]) : path.join(ROOT, 'dist');
const server = createServer([
  { prefix: '/bench/', dir: path.join(ROOT, 'tests', 'bench', 'pages') },
  { prefix: '/', dir: DIST },
]);
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

// Runs in the page before its scripts: times every call of the wrapped methods (sum, count, first start).
const INSTRUMENT = () => {
  const acc = window.__prof = {};
  const log = window.__profLog = [];  // [name, start, end] of every timed call, in order of completion
  const now = () => performance.now();
  const add = (key, t0) => {
    const a = acc[key] || (acc[key] = { ms: 0, n: 0, first: t0, last: 0 });
    const t1 = now();
    a.ms += t1 - t0; a.n++; a.last = t1;
    log.push([key, t0, t1]);
  };
  const wrap = (obj, name, key) => {
    const f = obj && obj[name];
    if (typeof f !== 'function') return;
    obj[name] = function (...a) {
      const t0 = now();
      const r = f.apply(this, a);
      if (r && typeof r.then === 'function') return r.then((v) => { add(key, t0); return v; }, (e) => { add(key, t0); throw e; });
      add(key, t0);
      return r;
    };
  };
  const C2 = CanvasRenderingContext2D.prototype;
  wrap(C2, 'measureText', 'glyphs: measureText');
  wrap(C2, 'fillText', 'glyphs: fillText');
  wrap(C2, 'getImageData', 'glyphs: getImageData');
  wrap(C2, 'drawImage', 'copy: drawImage');
  if (window.ImageBitmapRenderingContext) wrap(ImageBitmapRenderingContext.prototype, 'transferFromImageBitmap', 'copy: transferFromImageBitmap');
  if (window.OffscreenCanvas) wrap(OffscreenCanvas.prototype, 'transferToImageBitmap', 'copy: transferToImageBitmap');
  // Resizing a canvas with a context reallocates its drawing buffer (for the shared WebGL canvas: in the GPU process).
  const wrapSize = (proto, key) => {
    for (const prop of ['width', 'height']) {
      const d = Object.getOwnPropertyDescriptor(proto, prop);
      if (!d || !d.set) continue;
      Object.defineProperty(proto, prop, { ...d, set(v) { const t0 = now(); d.set.call(this, v); add(key, t0); } });
    }
  };
  if (window.OffscreenCanvas) wrapSize(OffscreenCanvas.prototype, 'resize: OffscreenCanvas');
  wrapSize(HTMLCanvasElement.prototype, 'resize: canvas');
  wrap(HTMLCanvasElement.prototype, 'getContext', 'getContext');
  if (window.OffscreenCanvas) wrap(OffscreenCanvas.prototype, 'getContext', 'getContext');
  const G = WebGL2RenderingContext.prototype;
  for (const m of ['compileShader', 'linkProgram', 'getProgramParameter', 'getShaderParameter', 'texImage2D',
                   'bufferData', 'drawElements', 'clear', 'getUniformLocation', 'useProgram'])
    wrap(G, m, 'gl: ' + m);
  for (const m of ['instantiateStreaming', 'compileStreaming', 'instantiate', 'compile']) wrap(WebAssembly, m, 'wasm: ' + m);
  const IO = window.IntersectionObserver;
  window.IntersectionObserver = function (cb, opts) {
    return new IO((entries, obs) => { if (!acc.observerFired) acc.observerFired = now(); return cb(entries, obs); }, opts);
  };
  window.IntersectionObserver.prototype = IO.prototype;
  // The module's C API calls (scw_create, scw_set_data, …): the factory is wrapped when the glue defines it.
  let factory;
  Object.defineProperty(window, 'StemCellWidgetsModule', {
    configurable: true,
    get: () => factory,
    set: (f) => {
      factory = (opts) => {
        const t0 = now();
        return f(opts).then((m) => {
          add('module: factory resolved', t0);
          for (const k of Object.keys(m)) if (/^_scw_/.test(k) && typeof m[k] === 'function') wrap(m, k, 'module: ' + k.slice(1));
          return m;
        });
      };
    },
  });
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => { const t0 = now(); const r = cb(t); add('rAF callbacks', t0); return r; });
  const tick = () => {
    const s = window.StemCellWidgets && StemCellWidgets.debug.stats();
    const n = document.querySelectorAll('[data-stemcell-widget]').length;
    if (s && s.instances >= n && s.frames >= n) window.__firstFrame = now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

async function load(cpu) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (cpu) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.addInitScript(INSTRUMENT);
  await page.goto(`${base}/bench/ours.html`);
  await pollPage(cdp, 'window.__firstFrame');  // not waitForFunction: see pollPage
  const r = await page.evaluate(() => {
    const res = {};
    for (const e of performance.getEntriesByType('resource')) {
      const name = e.name.split('/').pop().split('?')[0];
      res['fetch: ' + name] = { first: e.startTime, last: e.responseEnd, ms: e.responseEnd - e.startTime, n: 1 };
    }
    const nav = performance.getEntriesByType('navigation')[0];
    return { first: window.__firstFrame, prof: window.__prof, res, dcl: nav.domContentLoadedEventEnd, log: window.__profLog };
  });
  let profile = null;
  if (cpu) profile = (await cdp.send('Profiler.stop')).profile;
  await context.close();
  return { ...r, profile };
}

const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const runs = [];
for (let i = 0; i < 5; i++) runs.push(await load(false));
console.log('First content frame, one hsct-timeline, median of 5 cold loads (ms from navigation):');
console.log(`  first frame drawn                       ${med(runs.map((r) => r.first)).toFixed(1).padStart(8)}`);
console.log(`  DOMContentLoaded                        ${med(runs.map((r) => r.dcl)).toFixed(1).padStart(8)}`);
// A widget near the viewport at the loader's scan starts without the observer (web/loader.js, scan).
if (runs.some((r) => r.prof.observerFired))
  console.log(`  lazy-start observer fired               ${med(runs.map((r) => r.prof.observerFired || NaN)).toFixed(1).padStart(8)}`);
console.log(`  module started (factory called)         ${med(runs.map((r) => (r.prof['module: factory resolved'] || {}).first)).toFixed(1).padStart(8)}`);
const keys = new Set();
for (const r of runs) { Object.keys(r.res).forEach((k) => keys.add(k)); Object.keys(r.prof).forEach((k) => { if (typeof r.prof[k] === 'object') keys.add(k); }); }
console.log('  call                                    total ms   calls   first start   last end');
for (const k of [...keys].sort()) {
  const get = (r) => r.res[k] || r.prof[k] || { ms: 0, n: 0, first: NaN, last: NaN };
  console.log(`  ${k.padEnd(38)} ${med(runs.map((r) => get(r).ms)).toFixed(1).padStart(9)} ${String(med(runs.map((r) => get(r).n))).padStart(7)}` +
              ` ${med(runs.map((r) => get(r).first)).toFixed(1).padStart(13)} ${med(runs.map((r) => get(r).last)).toFixed(1).padStart(10)}`);
}

if (args.includes('--timeline')) {
  // The calls of the median load in time order, runs of the same call merged (nested calls show inside).
  const r = [...runs].sort((a, b) => a.first - b.first)[2];
  console.log('\nThe median load, in order (start, end, ms, calls):');
  const ev = [...r.log].sort((a, b) => a[1] - b[1]);
  const merged = [];
  for (const [k, t0, t1] of ev) {
    const m = merged[merged.length - 1];
    if (m && m.k === k && t0 - m.t1 < 2) { m.t1 = Math.max(m.t1, t1); m.ms += t1 - t0; m.n++; }
    else merged.push({ k, t0, t1, ms: t1 - t0, n: 1 });
  }
  for (const m of merged) console.log(`  ${m.t0.toFixed(1).padStart(7)} ${m.t1.toFixed(1).padStart(7)} ${m.ms.toFixed(1).padStart(6)} ${String(m.n).padStart(4)}  ${m.k}`);
  console.log(`  first frame seen at ${r.first.toFixed(1)}`);
}

if (args.includes('--cpu')) {
  const { profile } = await load(true);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? f.url.split('/').pop() : ''}${f.lineNumber >= 0 ? ':' + (f.lineNumber + 1) : ''}`;
    self.set(key, (self.get(key) || 0) + (dt[i] || 0) / 1000);
  });
  console.log('\nSampled CPU profile of one load, top self times (ms):');
  [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, v]) => console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`));
}
await browser.close();
server.close();
