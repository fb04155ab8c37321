// Builds the authoring studio into dist/: studio.html, studio.css, studio-widgets.js and studio.js (the studio's
// code with CodeMirror 6, codemirror-json-schema, @json-editor/json-editor, data/schema.json and the two default
// documents, bundled by esbuild from node_modules; nothing is fetched at run time). Run after the wasm build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const dist = path.join(root, 'dist');
fs.mkdirSync(dist, { recursive: true });

await esbuild.build({
  entryPoints: [path.join(here, 'main.js')],
  bundle: true,
  format: 'iife',         // a classic script: module scripts do not load from file://
  minify: true,
  target: ['chrome100', 'firefox100', 'safari15'],
  outfile: path.join(dist, 'studio.js'),
  loader: { '.json': 'json' },
  legalComments: 'linked',
  logLevel: 'warning',
});
for (const f of ['studio.html', 'studio.css', 'studio-widgets.js']) fs.copyFileSync(path.join(here, f), path.join(dist, f));
const size = fs.statSync(path.join(dist, 'studio.js')).size;
console.log(`studio: dist/studio.html, studio.js (${Math.round(size / 1024)} KB)`);
