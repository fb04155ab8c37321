// browser_frames.mjs — frame CPU in the browser and memory (a benchmark: prints figures, never fails on time).
//
// Frame CPU: one widget at 1920×1080 driven by scripted pointer moves and clicks on its items. For every
// animation frame the module reports the time of the whole frame (wasm + the JS glue it calls) and, apart, the
// time spent in the canvas copy (transferToImageBitmap + drawImage, or drawImage from the shared canvas: it waits
// for the GPU to finish the frame; on SwiftShader that is software rasterising a real GPU does not pay).
// Own work = frame − copy.
// Memory: the JS heap (precise) plus the wasm memory, with three widgets and with 24.
//   node tests/bench/browser_frames.mjs [--dist DIR] [--cpu] [--frames-only]
// DIR: another build of the bundle; --cpu: a CPU profile of each widget's run (self time by function);
// --frames-only: no memory figures. Own work is also given apart for the pointer-move frames and the click frames.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from '../../tools/serve.mjs';
import { CHROMIUM_ARGS } from '../browser/lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const CPU = argv.includes('--cpu');
const DIST = argv.includes('--dist') ? path.resolve(argv[argv.indexOf('--dist') + 1]) : path.join(ROOT, 'dist');
const server = createServer([
  { prefix: '/bench/', dir: path.join(ROOT, 'tests', 'bench', 'pages') },
  { prefix: '/', dir: DIST },
]);
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'] });

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN; };
const idle = (page) => page.waitForFunction(() => !StemCellWidgets.debug.stats().wantsFrame, null, { polling: 'raf', timeout: 120000 });

async function frames(kind) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${base}/bench/frames.html`);
  await page.evaluate((k) => StemCellWidgets.mount(document.querySelector('#w'), { widget: k }), kind);
  await idle(page);
  const items = (await page.evaluate(() => StemCellWidgets.get(document.querySelector('#w')).state().items || []))
    .filter((i) => i.box && i.box.w > 0 && i.box.y + i.box.h / 2 < 1080).slice(0, 12);
  let cdp = null;
  if (CPU) {
    cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.evaluate(() => { window.__scwFrameTimes = []; });
  // Pointer moves across the widget, then a click on each item (select, and the next one re-selects).
  for (let y = 60; y < 1080; y += 120)
    for (let x = 40; x < 1920; x += 160) await page.mouse.move(x, y);
  const moves = await page.evaluate(() => window.__scwFrameTimes.length);
  for (const it of items) {
    await page.mouse.click(it.box.x + it.box.w / 2, it.box.y + it.box.h / 2);
    await idle(page);
  }
  const times = await page.evaluate(() => window.__scwFrameTimes);
  if (cdp) printProfile(kind, (await cdp.send('Profiler.stop')).profile);
  await context.close();
  const own = times.map(([t, c]) => t - c), copy = times.map(([, c]) => c);
  // Of the own work: the widgets' Frame (input, layout, draw list) and the rest, mostly the GL submission (buffer
  // uploads, draw calls).
  const widget = times.map(([, , w]) => w || 0), submit = times.map(([t, c, w]) => t - c - (w || 0));
  return { kind, n: times.length, ownMed: pct(own, 0.5), ownP95: pct(own, 0.95), copyMed: pct(copy, 0.5), copyP95: pct(copy, 0.95),
           widgetMed: pct(widget, 0.5), widgetP95: pct(widget, 0.95), submitMed: pct(submit, 0.5), submitP95: pct(submit, 0.95),
           moveMed: pct(own.slice(0, moves), 0.5), moveP95: pct(own.slice(0, moves), 0.95),
           clickN: own.length - moves, clickMed: pct(own.slice(moves), 0.5), clickMax: Math.max(...own.slice(moves)) };
}

// --cpu: the main thread's self time by function over the scripted moves and clicks (CDP sampling profiler).
function printProfile(kind, prof) {
  const self = new Map(), byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  for (let i = 0; i < prof.samples.length; i++) dt.set(prof.samples[i], (dt.get(prof.samples[i]) || 0) + (prof.timeDeltas[i] || 0));
  for (const [id, us] of dt) {
    const n = byId.get(id), f = n.callFrame;
    const name = `${f.functionName || '(anon)'} ${f.url ? path.basename(f.url) + ':' + f.lineNumber : ''}`;
    self.set(name, (self.get(name) || 0) + us);
  }
  const rows = [...self].filter(([n]) => !/^\((idle|program|garbage collector)\)/.test(n)).sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`  ${kind}: self time, ms (top 25, idle and program left out)`);
  for (const [n, us] of rows) console.log(`  ${(us / 1000).toFixed(1).padStart(8)}  ${n}`);
}

async function memory(n) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/bench/memory.html`);
  await page.evaluate(async (count) => {
    const kinds = ['cell-diagram', 'hsct-timeline', 'risk-chart'];
    const box = document.querySelector('#box');
    const mounts = [];
    for (let i = 0; i < count; i++) {
      const el = document.createElement('div');
      el.className = 'w';
      box.appendChild(el);
      mounts.push(StemCellWidgets.mount(el, { widget: kinds[i % 3] }));
    }
    await Promise.all(mounts);
  }, n);
  await idle(page);
  const m = await page.evaluate(() => {
    if (window.gc) window.gc();
    const wasm = StemCellWidgets.debug.memoryBytes ? StemCellWidgets.debug.memoryBytes() : null;
    return { heap: performance.memory ? performance.memory.usedJSHeapSize : null, wasm };
  });
  await context.close();
  return m;
}

const MB = (b) => (b === null || b === undefined ? '   n/a' : (b / 1048576).toFixed(1).padStart(6));
console.log('Frame CPU in Chromium at 1920x1080 during pointer moves and clicks, ms (target: own work p95 <= 2 ms):');
console.log('widget            frames  own median  own p95   canvas copy median  p95 (GPU wait, apart)' +
            '   moves: median  p95   clicks: n  median  max   widgets: median  p95   GL submit etc.: median  p95');
for (const kind of ['cell-diagram', 'hsct-timeline', 'risk-chart']) {
  const r = await frames(kind);
  const f = (v, w) => v.toFixed(2).padStart(w);
  console.log(`${r.kind.padEnd(16)} ${String(r.n).padStart(7)} ${f(r.ownMed, 11)} ${f(r.ownP95, 8)}` +
              ` ${f(r.copyMed, 20)} ${f(r.copyP95, 5)} ${f(r.moveMed, 24)} ${f(r.moveP95, 5)} ${String(r.clickN).padStart(11)}` +
              ` ${f(r.clickMed, 7)} ${f(r.clickMax, 5)} ${f(r.widgetMed, 17)} ${f(r.widgetP95, 5)} ${f(r.submitMed, 19)} ${f(r.submitP95, 5)}`);
}
if (argv.includes('--frames-only')) { await browser.close(); server.close(); process.exit(0); }
console.log();
console.log('Memory, MB (target: wasm + JS heap <= 16 MB with three widgets):');
console.log('widgets   JS heap    wasm   total');
for (const n of [3, 24]) {
  const m = await memory(n);
  const total = m.heap !== null && m.wasm !== null ? m.heap + m.wasm : null;
  console.log(`${String(n).padStart(7)} ${MB(m.heap)}  ${MB(m.wasm)}  ${MB(total)}`);
}
await browser.close();
server.close();
