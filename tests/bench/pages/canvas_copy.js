// See canvas_copy.html. window.runCopyBench(frames) resolves to the figures; window.checkCopy() to the colours
// each method left in the widget canvases (so the benchmark knows both actually show the frame).
'use strict';
const SIZES = [[1280, 720], [650, 400], [375, 600]];
const VS = `#version 300 es
layout(location=0) in vec2 p; layout(location=1) in vec4 c; uniform vec2 s; out vec4 v;
void main(){ v=c; gl_Position=vec4(p.x*s.x-1.0, 1.0-p.y*s.y, 0, 1); }`;
const FS = `#version 300 es
precision mediump float; in vec4 v; out vec4 o; void main(){ o=v; }`;

function setup(gl) {
  const prog = gl.createProgram();
  for (const [type, src] of [[gl.VERTEX_SHADER, VS], [gl.FRAGMENT_SHADER, FS]]) {
    const sh = gl.createShader(type); gl.shaderSource(sh, src); gl.compileShader(sh); gl.attachShader(prog, sh);
  }
  gl.linkProgram(prog); gl.useProgram(prog);
  const vao = gl.createVertexArray(); gl.bindVertexArray(vao);
  const buf = gl.createBuffer(); gl.bindBuffer(gl.ARRAY_BUFFER, buf);
  gl.enableVertexAttribArray(0); gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 12, 0);
  gl.enableVertexAttribArray(1); gl.vertexAttribPointer(1, 4, gl.UNSIGNED_BYTE, true, 12, 8);
  gl.enable(gl.BLEND); gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA);
  return { u: gl.getUniformLocation(prog, 's') };
}
// ~12,000 small triangles spread over w×h, the widget's colour in the top-left corner for the check.
function geometry(w, h, seed) {
  const n = 6000, data = new ArrayBuffer(n * 3 * 12), f = new Float32Array(data), b = new Uint8Array(data);
  let r = seed;
  const rnd = () => (r = (r * 1103515245 + 12345) % 2147483648) / 2147483648;
  let cx = 0, cy = 0;
  for (let i = 0; i < n * 3; i++) {
    const t = Math.floor(i / 3);
    if (i % 3 === 0) { cx = rnd() * (w - 14); cy = 40 + rnd() * (h - 48); }  // one small triangle per three vertices
    f[i * 3] = cx + (i % 3) * 6; f[i * 3 + 1] = cy + (i % 3 === 2 ? 6 : 0);
    b[i * 12 + 8] = (t * 37) & 255; b[i * 12 + 9] = (t * 91) & 255; b[i * 12 + 10] = 200; b[i * 12 + 11] = 255;
  }
  return data;
}
const GEOM = SIZES.map(([w, h], i) => geometry(w, h, i + 1));
const FILL = [[0.8, 0.1, 0.1], [0.1, 0.7, 0.2], [0.1, 0.2, 0.8]];
function draw(gl, st, i, fbh) {
  const [w, h] = SIZES[i];
  gl.viewport(0, fbh - h, w, h);       // the bottom-left corner when the canvas is taller (method A)
  gl.enable(gl.SCISSOR_TEST); gl.scissor(0, fbh - h, w, h);
  gl.clearColor(...FILL[i], 1); gl.clear(gl.COLOR_BUFFER_BIT);
  gl.uniform2f(st.u, 2 / w, 2 / h);
  gl.bufferData(gl.ARRAY_BUFFER, GEOM[i], gl.STREAM_DRAW);
  gl.drawArrays(gl.TRIANGLES, 0, GEOM[i].byteLength / 12);
}
function median(a) { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; }
function p95(a) { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]; }
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));

async function methodA(frames) {
  const shared = document.createElement('canvas');
  shared.width = 1280; shared.height = 720;
  const gl = shared.getContext('webgl2', { alpha: false, antialias: false, preserveDrawingBuffer: false });
  const st = setup(gl);
  const targets = SIZES.map((_, i) => document.getElementById('a' + i).getContext('2d', { alpha: false }));
  const draws = [], copies = [];
  for (let f = 0; f < frames; f++) {
    await nextFrame();
    for (let i = 0; i < 3; i++) {
      const [w, h] = SIZES[i];
      const t0 = performance.now();
      draw(gl, st, i, shared.height);
      const t1 = performance.now();
      targets[i].drawImage(shared, 0, shared.height - h, w, h, 0, 0, w, h);
      const t2 = performance.now();
      draws.push(t1 - t0); copies.push(t2 - t1);
    }
  }
  return { draws, copies };
}
async function methodB(frames) {
  const off = new OffscreenCanvas(1280, 720);
  const gl = off.getContext('webgl2', { alpha: false, antialias: false });
  const st = setup(gl);
  const targets = SIZES.map((_, i) => document.getElementById('b' + i).getContext('bitmaprenderer'));
  const draws = [], copies = [];
  for (let f = 0; f < frames; f++) {
    await nextFrame();
    for (let i = 0; i < 3; i++) {
      const [w, h] = SIZES[i];
      const t0 = performance.now();
      if (off.width !== w) off.width = w;     // each widget's own size: the bitmap is the whole canvas
      if (off.height !== h) off.height = h;
      draw(gl, st, i, h);
      const t1 = performance.now();
      targets[i].transferFromImageBitmap(off.transferToImageBitmap());
      const t2 = performance.now();
      draws.push(t1 - t0); copies.push(t2 - t1);
    }
  }
  return { draws, copies };
}
async function methodC(frames) {
  const off = new OffscreenCanvas(1280, 720);
  const gl = off.getContext('webgl2', { alpha: false, antialias: false });
  const st = setup(gl);
  const targets = SIZES.map((_, i) => document.getElementById('c' + i).getContext('2d', { alpha: false }));
  const draws = [], copies = [];
  for (let f = 0; f < frames; f++) {
    await nextFrame();
    for (let i = 0; i < 3; i++) {
      const [w, h] = SIZES[i];
      const t0 = performance.now();
      if (off.width !== w) off.width = w;
      if (off.height !== h) off.height = h;
      draw(gl, st, i, h);
      const t1 = performance.now();
      const bitmap = off.transferToImageBitmap();
      targets[i].drawImage(bitmap, 0, 0);
      bitmap.close();
      const t2 = performance.now();
      draws.push(t1 - t0); copies.push(t2 - t1);
    }
  }
  return { draws, copies };
}
window.runCopyBench = async (frames, only) => {
  const out = {};
  for (const [name, fn] of [['drawImage', methodA], ['bitmaprenderer', methodB], ['bitmap to 2D', methodC],
                            ['drawImage again', methodA]]) {
    if (only && !only.includes(name)) continue;
    const t0 = performance.now();
    const { draws, copies } = await fn(frames);
    await nextFrame();
    const wall = performance.now() - t0;
    const total = draws.map((d, i) => d + copies[i]);
    out[name] = { drawMedian: median(draws), copyMedian: median(copies), copyP95: p95(copies),
      totalMedian: median(total), totalP95: p95(total), wallPerFrame: wall / frames };
  }
  return out;
};
// The top-left pixel of each widget canvas, read back through a 2D canvas (works for both context kinds).
window.checkCopy = () => {
  const probe = document.createElement('canvas'); probe.width = probe.height = 1;
  const g = probe.getContext('2d', { willReadFrequently: true });
  const out = {};
  for (const k of ['a', 'b', 'c']) out[k] = SIZES.map((_, i) => {
    g.clearRect(0, 0, 1, 1);
    g.drawImage(document.getElementById(k + i), 0, 0, 1, 1, 0, 0, 1, 1);
    return Array.from(g.getImageData(0, 0, 1, 1).data.slice(0, 3));
  });
  return out;
};
