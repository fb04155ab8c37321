// Runs the node:test files (Chromium and schema tests) two at a time, the longest first, with the TAP reporter.
//   node tools/node-tests.mjs [--concurrency N] [FILE...]   default: tests/browser/*.test.mjs and tests/schema/
// `node --test` sorts its files by name, so the studio (the longest file) started last and ran alone at the end;
// started first, it runs beside the others. Exit status 1 when a test fails.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from 'node:test';
import { tap } from 'node:test/reporters';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The slowest files first (their time alone, in one Chromium, from the TAP durations); the rest by name after.
const SLOW_FIRST = ['studio', 'a11y', 'hsct_timeline', 'risk_chart', 'content', 'explainer', 'cell_diagram', 'host',
  'story', 'loader_sites', 'reliability'];

const args = process.argv.slice(2);
let concurrency = 2;
const ci = args.indexOf('--concurrency');
if (ci >= 0) { concurrency = Number(args[ci + 1]); args.splice(ci, 2); }
const list = (dir) => fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.test.mjs')).sort()
  .map((f) => path.join(ROOT, dir, f));
const files = args.length ? args.map((f) => path.resolve(f)) : [...list('tests/browser'), ...list('tests/schema')];
const rank = (f) => { const i = SLOW_FIRST.indexOf(path.basename(f, '.test.mjs')); return i < 0 ? SLOW_FIRST.length : i; };
files.sort((a, b) => rank(a) - rank(b));

const stream = run({ files, concurrency });
stream.on('test:fail', () => { process.exitCode = 1; });
stream.compose(tap).pipe(process.stdout);
