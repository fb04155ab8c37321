// canvas_copy.mjs — the canvas copy, measured: the host draws every widget with one shared WebGL2 context and
// copies the frame onto the widget's own canvas. drawImage from the shared canvas (what the host does) against
// transferToImageBitmap from an OffscreenCanvas sized per widget into a "bitmaprenderer" canvas, three widgets
// (1280×720, 650×400, 375×600), ~6,000 triangles each, same Chromium, same run. Prints figures, never fails on
// time; exits 1 only when a method does not show the frame (the check that the comparison is real).
//   node tests/bench/canvas_copy.mjs [FRAMES]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from '../../tools/serve.mjs';
import { launch } from '../browser/lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FRAMES = Number(process.argv[2] || 30);
const server = createServer([{ prefix: '/bench/', dir: path.join(ROOT, 'tests', 'bench', 'pages') }]);
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(`http://127.0.0.1:${server.address().port}/bench/canvas_copy.html`);
const r = await page.evaluate((n) => window.runCopyBench(n), FRAMES);
const seen = await page.evaluate(() => window.checkCopy());
await browser.close();
server.close();

const f = (x) => x.toFixed(2).padStart(7);
console.log(`Canvas copy, three widgets a frame, ${FRAMES} frames, ms per widget frame (headless Chromium, SwiftShader):`);
console.log('  method            draw med   copy med   copy p95   draw+copy med   p95   wall per 3-widget frame');
for (const [name, v] of Object.entries(r)) {
  console.log(`  ${name.padEnd(16)} ${f(v.drawMedian)}    ${f(v.copyMedian)}    ${f(v.copyP95)}    ${f(v.totalMedian)}  ${f(v.totalP95)}   ${f(v.wallPerFrame)}`);
}
const a = (r['drawImage'].totalMedian + r['drawImage again'].totalMedian) / 2, b = r['bitmaprenderer'].totalMedian;
console.log(`  ratio bitmaprenderer / drawImage (draw+copy median): ${(b / a).toFixed(2)}`);
console.log(`  ratio bitmap to 2D / drawImage (draw+copy median):   ${(r['bitmap to 2D'].totalMedian / a).toFixed(2)}`);
const want = [[204, 26, 26], [26, 179, 51], [26, 51, 204]];
const close = (p, q) => p.every((c, i) => Math.abs(c - q[i]) <= 3);
const ok = ['a', 'b', 'c'].every((k) => seen[k].every((p, i) => close(p, want[i])));
console.log(`  both methods show each widget's frame: ${ok ? 'yes' : 'NO ' + JSON.stringify(seen)}`);
process.exit(ok ? 0 : 1);
