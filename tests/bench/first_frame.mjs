// first_frame.mjs — time from navigation to the first drawn, interactive frame, ours (one hsct-timeline with the
// default content, and the three widgets on one page) against TimelineJS rendering 7 events, same server, same
// Chromium, same run. A benchmark: it prints figures (median of 5 cold loads each, the three pages taking turns so
// a busy machine slows them alike) and never fails on time. --dist DIR measures another build of the bundle.
//   node tests/bench/first_frame.mjs [--dist DIR]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from '../../tools/serve.mjs';
import { launch, pollPage } from '../browser/lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const DIST = argv.includes('--dist') ? path.resolve(argv[argv.indexOf('--dist') + 1]) : path.join(ROOT, 'dist');
const server = createServer([
  { prefix: '/bench/', dir: path.join(ROOT, 'tests', 'bench', 'pages') },
  { prefix: '/tljs/', dir: path.join(ROOT, 'node_modules', '@knight-lab', 'timelinejs', 'dist') },
  { prefix: '/', dir: DIST },
]);
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

// Ours: the first frame is drawn when the host has drawn and copied a frame for every widget on the page. The
// module reports each animation frame it draws to window.__scwFrameTimes when a benchmark sets it
// (shell/main_wasm.cpp), in the rendering update that shows it: marked there, like TimelineJS's mark in the first
// update after its 'loaded' (polling stats() from a requestAnimationFrame of our own saw the frame one update late,
// 16-33 ms).
const MARK_OURS = () => {
  window.__scwFrameTimes = { push: () => {
    const s = window.StemCellWidgets && StemCellWidgets.debug.stats();
    const n = document.querySelectorAll('[data-stemcell-widget]').length;
    if (window.__firstFrame === undefined && s && s.instances >= n && s.frames >= n) window.__firstFrame = performance.now();
  } };
};

async function load(url, init) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const cdp = await context.newCDPSession(page);
  await page.goto(base + url);
  const t = await pollPage(cdp, 'window.__firstFrame');  // not waitForFunction: see pollPage
  await context.close();
  return t;
}

const runs = { ours: [], theirs: [], ours3: [] };
for (let i = 0; i < 5; i++) {
  runs.ours.push(await load('/bench/ours.html', MARK_OURS));
  runs.theirs.push(await load('/bench/timelinejs.html'));
  runs.ours3.push(await load('/bench/ours3.html', MARK_OURS));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[2];
const ours = median(runs.ours), theirs = median(runs.theirs), ours3 = median(runs.ours3);
console.log('Navigation to first interactive frame, median of 5 cold loads (headless Chromium, SwiftShader):');
console.log(`  stemcell-widgets (hsct-timeline, default content) ${ours.toFixed(0).padStart(6)} ms`);
console.log(`  stemcell-widgets (all three widgets)              ${ours3.toFixed(0).padStart(6)} ms`);
console.log(`  TimelineJS 3.9.11 (7 events)                      ${theirs.toFixed(0).padStart(6)} ms`);
console.log(`  ratio ours / TimelineJS, one widget                ${(ours / theirs).toFixed(2).padStart(6)}  (target <= 1.0, stretch 0.5)`);
console.log(`  ratio ours / TimelineJS, three widgets             ${(ours3 / theirs).toFixed(2).padStart(6)}`);
// The same ratio taken per pair (each of our loads beside the TimelineJS load after it, in the same seconds of a
// machine whose speed drifts), then the median: less spread between runs than the ratio of the two medians.
const paired = median(runs.ours.map((t, i) => t / runs.theirs[i]));
console.log(`  ratio ours / TimelineJS, one widget, median of the 5 paired ratios ${paired.toFixed(2)}  (${runs.ours.map((t, i) => (t / runs.theirs[i]).toFixed(2)).join(' ')})`);
await browser.close();
server.close();
