// The authoring studio: edit the content (a form generated from data/schema.json, or JSON text with schema
// completion and inline errors), see the three widgets update live, see every problem they report, copy embed
// code, download the JSON. The draft is kept in localStorage. Bundled by web/studio/build.mjs (esbuild) into
// dist/studio.js; the widgets come from the page's stemcell-widgets(.offline).js through the public API only.
import { EditorView, basicSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import { jsonLanguage } from '@codemirror/lang-json';
import { jsonSchema } from 'codemirror-json-schema';
import { JSONEditor } from '@json-editor/json-editor';
import { disableErrorLogging } from 'best-effort-json-parser';
import schema from '../../data/schema.json';
import defaultEn from '../../data/stemcell-explainer.en.json';
import defaultEs from '../../data/stemcell-explainer.es.json';
import { FORMATS, embedCode } from './embed.js';

// The form library strips tags from text values by parsing them as HTML in a live element (an <img onerror>
// in the content would run). Content text is plain text and only ever reaches the form as input values, so
// values pass through unchanged, and where it wants tag-free text it gets it from an inert parse.
const inertText = (t) => new DOMParser().parseFromString(String(t), 'text/html').body.textContent || '';
JSONEditor.AbstractEditor.prototype.purify = (v) => v;
JSONEditor.AbstractEditor.prototype.cleanText = inertText;
JSONEditor.AbstractTheme.prototype.cleanText = inertText;

// codemirror-json-schema reads half-typed JSON with this parser, which otherwise logs every keystroke's
// incomplete text as a console error; the editor's own lint already shows the author what is wrong.
disableErrorLogging();

const DRAFT_KEY = 'stemcell-studio:draft:v1';
const KINDS = ['cell-diagram', 'hsct-timeline', 'risk-chart'];
const DEFAULTS = { en: defaultEn, es: defaultEs };
const PREVIEW_DELAY_MS = 400;
const SIZES = { phone: { width: '375px' }, article: { width: '680px' }, projector: { width: '100%', textScale: 1.5 } };

const $ = (id) => document.getElementById(id);
const pretty = (obj) => JSON.stringify(obj, null, 2) + '\n';

const studio = {
  text: '',          // the current JSON text (the one truth; both views and the preview follow it)
  doc: null,         // its parse, or null while it does not parse
  parseError: null,
  baseText: '',      // what was last loaded (to tell whether there is unsaved work)
  view: null,        // CodeMirror
  form: null,        // JSONEditor of the selected section
  formSection: null,
  busy: true,        // a preview update is pending or running
  handles: new Map(),  // kind -> handle
  problems: new Map(), // kind -> {errors: [], warnings: []}
};
window.StemCellStudio = studio;  // for tests and the curious: read-only use

// ---- status line --------------------------------------------------------------------------------------
function say(message) { $('status').textContent = message; }

// ---- setting the text from anywhere -----------------------------------------------------------------------
// origin: 'load' (a start point), 'text' (typed in CodeMirror), 'form' (changed in the form)
function setText(text, origin) {
  studio.text = text;
  try { studio.doc = JSON.parse(text); studio.parseError = null; } catch (e) { studio.doc = null; studio.parseError = e.message; }
  if (origin !== 'text' && studio.view && studio.view.state.doc.toString() !== text) {
    studio.view.dispatch({ changes: { from: 0, to: studio.view.state.doc.length, insert: text }, userEvent: 'studio.sync' });
  }
  if (origin !== 'form') scheduleFormSync();
  saveDraftSoon();
  schedulePreview();
  updateEmbed();
}

function loadText(text, message) {
  studio.baseText = text;
  setText(text, 'load');
  say(message);
}

function dirty() { return studio.text !== studio.baseText && studio.text !== pretty(DEFAULTS.en); }

function confirmReplace(what) {
  if (!dirty()) return true;
  return window.confirm(`Replace the content you are editing with ${what}? Your changes are lost unless you download them first.`);
}

// ---- draft in localStorage -----------------------------------------------------------------------------
let saveTimer = null;
function saveDraftSoon() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveDraft, 300);
}
function saveDraft() {
  saveTimer = null;
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ text: studio.text, base: studio.baseText, savedAt: new Date().toISOString() }));
    $('draft-state').textContent = 'Draft saved in this browser.';
  } catch (e) {
    $('draft-state').textContent = 'This browser did not keep the draft (' + e.name + '): download the JSON to keep your work.';
  }
}
function readDraft() {
  try {
    const d = JSON.parse(localStorage.getItem(DRAFT_KEY) || 'null');
    return d && typeof d.text === 'string' ? d : null;
  } catch (e) { return null; }
}

// ---- the JSON text editor ------------------------------------------------------------------------------
// codemirror-json-schema follows draft-07 references (#/definitions/…); the format's schema is 2020-12
// (#/$defs/…) but uses no keyword that differs between them, so the editor gets the same schema under the older
// names.
function schemaForEditor() {
  const s = JSON.parse(JSON.stringify(schema).replace(/"#\/\$defs\//g, '"#/definitions/'));
  s.definitions = s.$defs;
  delete s.$defs;
  delete s.$schema;
  return s;
}

function buildTextEditor() {
  const view = studio.view = new EditorView({
    parent: $('code'),
    state: EditorState.create({
      doc: studio.text,
      extensions: [
        basicSetup,
        jsonSchema(schemaForEditor()),
        jsonLanguage.data.of({ autocomplete: keyCompletion }),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': 'Content as JSON text', 'aria-describedby': 'code-help' }),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged) return;
          if (u.transactions.every((t) => t.isUserEvent('studio.sync'))) return;
          setText(u.state.doc.toString(), 'text');
        }),
      ],
    }),
  });
  // Its scrolling box can be reached with the keyboard too (axe: scrollable-region-focusable).
  view.scrollDOM.tabIndex = 0;
  view.scrollDOM.setAttribute('aria-label', 'JSON text, scrolling area');
}

// The node of a JSON Pointer in the text: {node, keyNode, exact}. Walks up to the nearest existing parent when
// the pointer names something missing (e.g. a required key).
const VALUE_NODES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);
function unescapePointer(s) { return s.replace(/~1/g, '/').replace(/~0/g, '~'); }
function findPointer(state, pointer) {
  const tree = ensureSyntaxTree(state, state.doc.length, 5000);
  if (!tree) return null;
  let node = null;
  for (let c = tree.topNode.firstChild; c; c = c.nextSibling) if (VALUE_NODES.has(c.name)) { node = c; break; }
  if (!node) return null;
  let keyNode = null;
  const segs = pointer ? pointer.split('/').slice(1).map(unescapePointer) : [];
  for (const seg of segs) {
    let next = null, nextKey = null;
    if (node.name === 'Object') {
      for (let p = node.firstChild; p && !next; p = p.nextSibling) {
        if (p.name !== 'Property') continue;
        const name = p.getChild('PropertyName');
        let key;
        try { key = name && JSON.parse(state.sliceDoc(name.from, name.to)); } catch (e) { key = undefined; }
        if (key !== seg) continue;
        nextKey = name;
        for (let v = name.nextSibling; v; v = v.nextSibling) if (VALUE_NODES.has(v.name)) { next = v; break; }
        if (!next) next = name;
      }
    } else if (node.name === 'Array') {
      let i = 0;
      for (let v = node.firstChild; v; v = v.nextSibling) {
        if (!VALUE_NODES.has(v.name)) continue;
        if (String(i++) === seg) { next = v; break; }
      }
    }
    if (!next) return { node, keyNode, exact: false };
    node = next; keyNode = nextKey;
  }
  return { node, keyNode, exact: true };
}

// Key completion inside nested objects. codemirror-json-schema completes values and top-level keys, but offers
// no keys inside nested objects of this schema (as of 0.8.1), so the keys an object may still take, with their
// help text, come from here: the pointer of the object around the cursor, its schema, the keys not yet there.
function resolveRef(s) {
  let guard = 0;
  while (s && s.$ref && guard++ < 20) s = s.$ref.split('/').slice(1).reduce((o, k) => o && o[k], schema);
  return s || null;
}
function objectSchemas(s) {  // the object schemas a value may match (through oneOf / anyOf / allOf)
  s = resolveRef(s);
  if (!s) return [];
  const out = s.properties ? [s] : [];
  for (const k of ['oneOf', 'anyOf', 'allOf']) for (const sub of s[k] || []) out.push(...objectSchemas(sub));
  return out;
}
function schemaAt(pointer) {
  let list = [schema];
  for (const seg of pointer ? pointer.split('/').slice(1).map(unescapePointer) : []) {
    const next = [];
    for (const s0 of list) {
      for (const s of [resolveRef(s0), ...objectSchemas(s0)]) {
        if (!s) continue;
        if (s.properties && s.properties[seg]) next.push(s.properties[seg]);
        if (/^\d+$/.test(seg) && s.items) next.push(s.items);
        for (const k of ['allOf', 'oneOf', 'anyOf']) for (const sub of s[k] || []) { const r = resolveRef(sub); if (r && r.items && /^\d+$/.test(seg)) next.push(r.items); }
      }
    }
    list = next;
  }
  return list.flatMap(objectSchemas);
}
function pointerOfNode(state, node) {  // JSON Pointer of a value node
  const segs = [];
  for (let n = node; n && n.parent; n = n.parent) {
    const p = n.parent;
    if (p.name === 'Property') {
      const name = p.getChild('PropertyName');
      if (name && name !== n) { let k; try { k = JSON.parse(state.sliceDoc(name.from, name.to)); } catch (e) { k = ''; } segs.unshift(String(k).replace(/~/g, '~0').replace(/\//g, '~1')); }
    } else if (p.name === 'Array') {
      let i = 0;
      for (let c = p.firstChild; c && c.from < n.from; c = c.nextSibling) if (VALUE_NODES.has(c.name)) i++;
      segs.unshift(String(i));
    }
  }
  return segs.length ? '/' + segs.join('/') : '';
}
function keyCompletion(ctx) {
  const line = ctx.state.doc.lineAt(ctx.pos);
  const before = ctx.state.sliceDoc(line.from, ctx.pos);
  const m = /(^|[{,])\s*("?)([A-Za-z0-9_$]*)$/.exec(before);
  if (!m || (!ctx.explicit && !m[2])) return null;
  // Where the key starts (before what was typed of it, which may not parse yet).
  const from = ctx.pos - m[3].length - m[2].length;
  let obj = syntaxTree(ctx.state).resolveInner(from, -1);
  while (obj && obj.name !== 'Object') obj = obj.parent;
  if (!obj) return null;
  const present = new Set();
  for (let p = obj.firstChild; p; p = p.nextSibling) {
    const name = p.name === 'Property' && p.getChild('PropertyName');
    if (name && !(name.from <= ctx.pos && ctx.pos <= name.to)) { try { present.add(JSON.parse(ctx.state.sliceDoc(name.from, name.to))); } catch (e) { /* half-typed */ } }
  }
  const options = [];
  const seen = new Set();
  for (const s of schemaAt(pointerOfNode(ctx.state, obj))) {
    for (const [key, sub] of Object.entries(s.properties)) {
      if (present.has(key) || seen.has(key) || key === '$schema' || !key.startsWith(m[3])) continue;
      seen.add(key);
      const r = resolveRef(sub) || {};
      options.push({ label: key, apply: JSON.stringify(key) + ': ', type: 'property', detail: (s.required || []).includes(key) ? 'required' : '', info: sub.description || r.description || '' });
    }
  }
  if (!options.length) return null;
  // Replace what was typed of the key, its quotes included (closeBrackets may have added the closing one).
  const after = ctx.state.sliceDoc(ctx.pos, ctx.pos + 1) === '"' && m[2] ? 1 : 0;
  return { from, to: ctx.pos + after, options, filter: false };  // filtered here: the typed text includes the quote
}

function goToTextPointer(pointer) {
  const view = studio.view;
  const found = findPointer(view.state, pointer);
  if (!found) { view.focus(); return false; }
  const { node, keyNode } = found;
  let from, to;
  if (!VALUE_NODES.has(node.name) || node.name === 'Object' || node.name === 'Array') {
    from = (keyNode || node).from; to = keyNode ? keyNode.to : node.from + 1;
  } else { from = node.from; to = node.to; }
  view.dispatch({ selection: { anchor: from, head: to }, effects: EditorView.scrollIntoView(from, { y: 'center' }) });
  view.focus();
  return found.exact;
}

// ---- the form (one top-level section at a time: a whole document is too large for one form) ----------------
const SECTIONS = Object.keys(schema.properties).filter((k) => k !== '$schema');

// The form's copy of the schema: plain strings (names, descriptions, notes) as text areas, sized to their
// text by the page's CSS, since many are sentences or paragraphs.
const formDefs = JSON.parse(JSON.stringify(schema.$defs));
formDefs.PlainString.format = 'textarea';
// Rules that only say which fields must be present together ("authors or publisher", "year once there are
// authors") are checked by the schema validator and the widgets, whose problems are listed; in the form library
// each such anyOf becomes a switch between whole copies of the object editor, which makes the sources section
// build slowly (tens of seconds for 57 sources). The form gets the shapes, not those presence rules.
function onlyPresence(s) { return s && typeof s === 'object' && Object.keys(s).every((k) => k === 'required'); }
function stripPresenceRules(s) {
  if (!s || typeof s !== 'object') return;
  delete s.if; delete s.then; delete s.else;
  for (const k of ['anyOf', 'oneOf']) if (Array.isArray(s[k]) && s[k].every(onlyPresence)) delete s[k];
  if (Array.isArray(s.allOf)) {
    s.allOf.forEach(stripPresenceRules);
    s.allOf = s.allOf.filter((x) => Object.keys(x).length);
    if (!s.allOf.length) delete s.allOf;
  }
}
Object.values(formDefs).forEach(stripPresenceRules);
function sectionSchema(key) {
  return Object.assign({}, schema.properties[key], { $defs: formDefs, title: schema.properties[key].title || key });
}

let formSyncTimer = null;
function scheduleFormSync() {
  clearTimeout(formSyncTimer);
  formSyncTimer = setTimeout(syncFormFromText, 300);
}
function syncFormFromText() {
  formSyncTimer = null;
  const note = $('form-note');
  if (!studio.doc || typeof studio.doc !== 'object' || Array.isArray(studio.doc)) {
    note.textContent = 'The JSON text does not parse' + (studio.parseError ? ' (' + studio.parseError + ')' : '') +
      ': fix it in the JSON text view; the form follows once it parses.';
    $('form').hidden = true;
    return;
  }
  $('form').hidden = false;
  const key = $('form-section').value;
  const value = studio.doc[key];
  if (!studio.form || studio.formSection !== key) { buildForm(key, value); return; }
  if (value === undefined) { buildForm(key, value); return; }
  if (JSON.stringify(studio.form.getValue()) !== JSON.stringify(value)) {
    studio.formQuiet = true;
    studio.form.setValue(value);
    studio.formQuiet = false;
    studio.formEcho = JSON.stringify(studio.form.getValue());
  }
  note.textContent = '';
}

function buildForm(key, value) {
  if (studio.form) { studio.form.destroy(); studio.form = null; }
  const holder = $('form');
  holder.textContent = '';
  studio.formSection = key;
  const note = $('form-note');
  if (value === undefined) {
    note.textContent = `This document has no "${key}" yet.`;
    const add = document.createElement('button');
    add.type = 'button';
    add.textContent = `Add "${key}"`;
    add.addEventListener('click', () => {
      const t = (resolveRef(schema.properties[key]) || {}).type;
      const doc = Object.assign({}, studio.doc, { [key]: t === 'array' ? [] : t === 'object' ? {} : t === 'string' ? '' : t === 'integer' || t === 'number' ? 1 : {} });
      setText(pretty(doc), 'load');
    });
    holder.appendChild(add);
    return;
  }
  note.textContent = '';
  const editor = new JSONEditor(holder, {
    schema: sectionSchema(key),
    startval: value,
    theme: 'html',
    iconlib: null,
    disable_edit_json: true,
    disable_properties: true,
    disable_array_delete_all_rows: true,
    disable_array_delete_last_row: true,
    array_controls_top: false,
    prompt_before_delete: true,
    use_default_values: true,  // false loses the numbers in arrays of numbers (json-editor 2.17.2)
    remove_empty_properties: false,
    keep_oneof_values: false,
    show_errors: 'interaction',
    no_additional_properties: true,
    use_name_attributes: false,
  });
  studio.form = editor;
  studio.formReady = new Promise((resolve) => editor.on('ready', () => {
    // What the form makes of the text as it stands (it may coerce a value of the wrong type): a change event
    // carrying just that is an echo, not an edit, and must not rewrite the author's text.
    studio.formEcho = JSON.stringify(editor.getValue());
    resolve(editor);
  }));
  editor.on('change', () => {
    if (studio.formQuiet || studio.form !== editor || !studio.doc) return;
    const v = editor.getValue();
    const json = JSON.stringify(v);
    if (json === studio.formEcho || json === JSON.stringify(studio.doc[key])) return;
    studio.formEcho = json;
    const doc = Object.assign({}, studio.doc, { [key]: v });
    setText(pretty(doc), 'form');
  });
  editor.on('ready', () => labelForm(holder));
  // Arrays and objects grow later (add item): keep the labels there too.
  // (once per batch of changes: the form library adds its controls over many tasks while it builds)
  let labelPending = false;
  new MutationObserver(() => {
    if (labelPending) return;
    labelPending = true;
    setTimeout(() => { labelPending = false; labelForm(holder); }, 0);
  }).observe(holder, { childList: true, subtree: true });
}

// The form library leaves some controls without an accessible name (the oneOf type switches, the opt-in
// checkboxes): name them from their field's title. The controls that have a <label> are found from the labels'
// side, once per pass: a control's `labels` walks the whole document each time it is read, which made each pass
// quadratic in the form's size (~0.8 s of CPU to show the studio's sections once, most of its JS time).
let labelling = false;
function labelForm(root) {
  if (labelling) return;
  labelling = true;
  try {
    const labelled = new Set();
    for (const l of document.querySelectorAll('label')) if (l.control) labelled.add(l.control);
    root.querySelectorAll('select, input, textarea').forEach((c) => {
      if (c.getAttribute('aria-label')) return;
      if (labelled.has(c)) return;
      const box = c.closest('[data-schemapath]');
      const path = box ? box.getAttribute('data-schemapath') : '';
      const title = box && box.querySelector('label, h3, span.je-object__title, .je-header');
      let name = (title && title.textContent.trim()) || path.replace(/^root\.?/, '').replace(/\./g, ' › ') || 'value';
      if (c.classList.contains('je-switcher') || c.parentNode && c.parentNode.classList && c.parentNode.classList.contains('je-switcher')) name += ': kind of value';
      if (c.type === 'checkbox' && c.classList.contains('json-editor-opt-in')) name = 'Include ' + name;
      c.setAttribute('aria-label', name);
    });
  } finally { labelling = false; }
}

async function goToFormPointer(pointer) {
  const segs = pointer ? pointer.split('/').slice(1).map(unescapePointer) : [];
  if (!segs.length || !SECTIONS.includes(segs[0])) return false;
  if ($('form-section').value !== segs[0] || studio.formSection !== segs[0]) { $('form-section').value = segs[0]; clearTimeout(formSyncTimer); syncFormFromText(); }
  if (!studio.form) return false;
  await studio.formReady;
  for (let n = segs.length; n >= 1; n--) {
    const ed = studio.form.getEditor(['root'].concat(segs.slice(1, n)).join('.'));
    if (!ed || !ed.container) continue;
    ed.container.scrollIntoView({ block: 'center' });
    const control = ed.container.querySelector('input:not([type=hidden]), select, textarea, button');
    if (control) control.focus();
    return n === segs.length;
  }
  return false;
}

// ---- tabs ----------------------------------------------------------------------------------------------
function selectTab(which, focus) {
  for (const t of ['form', 'text']) {
    const on = t === which;
    $('tab-' + t).setAttribute('aria-selected', String(on));
    $('tab-' + t).tabIndex = on ? 0 : -1;
    $('panel-' + t).hidden = !on;
  }
  if (which === 'text' && studio.view) studio.view.requestMeasure();
  if (which === 'form') syncFormFromText();
  if (focus) $('tab-' + which).focus();
}
function setupTabs() {
  $('tab-form').addEventListener('click', () => selectTab('form'));
  $('tab-text').addEventListener('click', () => selectTab('text'));
  $('tablist').addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const current = $('tab-form').getAttribute('aria-selected') === 'true' ? 'form' : 'text';
    selectTab(current === 'form' ? 'text' : 'form', true);
  });
}

// ---- the preview ---------------------------------------------------------------------------------------
let previewTimer = null;
function schedulePreview() {
  studio.busy = true;  // until the widgets have the text and the problem list is drawn
  clearTimeout(previewTimer);
  previewTimer = setTimeout(updatePreview, PREVIEW_DELAY_MS);
}

function previewOptions() {
  const size = SIZES[$('preview-size').value] || SIZES.article;
  const o = { theme: $('preview-theme').value };
  if ($('preview-lang').value) o.lang = $('preview-lang').value;
  if (size.textScale) o.textScale = size.textScale;
  return o;
}

function applySize() {
  const size = SIZES[$('preview-size').value] || SIZES.article;
  $('preview').style.maxWidth = size.width;
  $('preview').dataset.size = $('preview-size').value;
}

let generation = 0;
function updatePreview() {
  previewTimer = null;
  if (!window.StemCellWidgets) { say('The widget script did not load: the preview cannot start.'); return; }
  const gen = ++generation;
  const text = studio.text;
  const runs = KINDS.map((kind) => {
    studio.problems.set(kind, { errors: [], warnings: [] });
    const el = $('preview-' + kind);
    const h = studio.handles.get(kind);
    const p = h && h.id ? h.update(text) : mountWidget(kind, text);
    return p.then(() => null, (err) => {
      if (gen !== generation) return;
      studio.problems.get(kind).errors = err.problems || [{ path: err.path || '', message: err.message }];
      if (err.handle) studio.handles.set(kind, err.handle);
      else if (el && StemCellWidgets.get(el)) studio.handles.set(kind, StemCellWidgets.get(el));
    });
  });
  Promise.all(runs).then(() => {
    if (gen !== generation) return;
    // Warnings are events delivered around the update; let them land before drawing the list.
    setTimeout(() => { if (gen === generation && !previewTimer) { renderProblems(); studio.busy = false; } }, 0);
  });
}

function mountWidget(kind, text) {
  const el = $('preview-' + kind);
  const p = StemCellWidgets.mount(el, Object.assign({ widget: kind, data: text }, previewOptions()));
  return p.then((h) => { studio.handles.set(kind, h); return h; });
}

function remountAll() {
  for (const [kind, h] of studio.handles) { h.destroy(); studio.handles.delete(kind); }
  applySize();
  clearTimeout(previewTimer);
  updatePreview();
}

function watchWidgetEvents() {
  for (const kind of KINDS) {
    const el = $('preview-' + kind);
    el.addEventListener('stemcell:warning', (e) => {
      const entry = studio.problems.get(kind);
      if (entry) entry.warnings = (e.detail && e.detail.problems) || [];
      renderProblemsSoon();
    });
    el.addEventListener('stemcell:error', (e) => {
      const entry = studio.problems.get(kind);
      if (entry) entry.errors = (e.detail && e.detail.problems) || [];
      renderProblemsSoon();
    });
  }
}

// ---- problems --------------------------------------------------------------------------------------------
let renderTimer = null;
function renderProblemsSoon() { clearTimeout(renderTimer); renderTimer = setTimeout(renderProblems, 0); }

function collectProblems() {
  const seen = new Map();
  for (const kind of KINDS) {
    const entry = studio.problems.get(kind);
    if (!entry) continue;
    for (const [severity, list] of [['error', entry.errors], ['warning', entry.warnings]]) {
      for (const p of list || []) {
        const key = severity + '\u0000' + (p.path || '') + '\u0000' + p.message;
        if (!seen.has(key)) seen.set(key, { severity, path: p.path || '', message: String(p.message || ''), widgets: [] });
        seen.get(key).widgets.push(kind);
      }
    }
  }
  return [...seen.values()].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

function renderProblems() {
  renderTimer = null;
  const list = collectProblems();
  const ul = $('problems');
  ul.textContent = '';
  const errors = list.filter((p) => p.severity === 'error').length;
  const warnings = list.length - errors;
  $('problem-summary').textContent = list.length === 0 ? 'No problems: every widget accepts this content.'
    : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.` +
      (errors ? ' Widgets with errors show them instead of the content.' : '');
  for (const p of list) {
    const li = document.createElement('li');
    li.className = 'problem ' + p.severity;
    li.dataset.path = p.path;
    const b = document.createElement('button');
    b.type = 'button';
    const sev = document.createElement('span');
    sev.className = 'severity';
    sev.textContent = p.severity === 'error' ? 'Error' : 'Warning';
    const code = document.createElement('code');
    code.textContent = p.path || '(whole document)';
    const msg = document.createElement('span');
    msg.className = 'message';
    msg.textContent = p.message;
    b.append(sev, ' ', code, ' ', msg);
    if (p.widgets.length < KINDS.length) {
      const w = document.createElement('small');
      w.textContent = ' (' + p.widgets.join(', ') + ')';
      b.append(w);
    }
    b.addEventListener('click', () => goToProblem(p.path, p.message));
    li.appendChild(b);
    ul.appendChild(li);
  }
}

async function goToProblem(path, message) {
  // The form when it is showing and the field is in it; otherwise the JSON text.
  const formShowing = !$('panel-form').hidden && studio.doc;
  if (formShowing && path && await goToFormPointer(path)) return;
  selectTab('text');
  // Broken JSON has no pointer, but its message names the line and column.
  const at = !path && /line (\d+), column (\d+)/.exec(message || '');
  if (at) {
    const view = studio.view;
    const line = view.state.doc.line(Math.min(Number(at[1]), view.state.doc.lines));
    const pos = Math.min(line.from + Number(at[2]) - 1, line.to);
    view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
    view.focus();
    return;
  }
  goToTextPointer(path);
}

// ---- embed code -------------------------------------------------------------------------------------------
function defaultScriptUrl() {
  return 'https://your.site/path/stemcell-widgets.js';
}
function updateEmbed() {
  const out = $('embed-code');
  if (!out) return;
  const format = $('embed-format').value;
  const scriptUrl = $('embed-script').value.trim() || defaultScriptUrl();
  const base = scriptUrl.replace(/[^/]*$/, '');
  try {
    if (!studio.doc && /inline/.test(format)) throw new Error('the JSON text does not parse');
    out.value = embedCode(format, {
      widget: $('embed-widget').value,
      scriptUrl,
      dataUrl: $('embed-data').value.trim() || 'https://your.site/path/stemcell-content.json',
      embedUrl: base + 'embed.html',
      lang: $('preview-lang').value,
      text: studio.text,
    });
    $('embed-note').textContent = /src|iframe/.test(format) ? 'Upload the downloaded JSON file to the content address first.' : '';
  } catch (e) {
    out.value = '';
    $('embed-note').textContent = 'No embed code yet: ' + e.message + '.';
  }
}

async function copyEmbed() {
  const text = $('embed-code').value;
  if (!text) return;
  try {
    await navigator.clipboard.writeText(text);
    $('copy-state').textContent = 'Copied.';
  } catch (e) {
    $('embed-code').select();
    const ok = document.execCommand && document.execCommand('copy');
    $('copy-state').textContent = ok ? 'Copied.' : 'Select the code and copy it (Ctrl+C).';
  }
}

function download() {
  const blob = new Blob([studio.text], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = $('download-name').value.trim() || 'stemcell-content.json';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// ---- start points ------------------------------------------------------------------------------------------
function startFromDefault(lang) {
  if (!confirmReplace(lang === 'es' ? 'the Spanish default' : 'the English default')) return;
  loadText(pretty(DEFAULTS[lang]), lang === 'es' ? 'Loaded the built-in Spanish content.' : 'Loaded the built-in English content.');
}

function openFile(file) {
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => {
    if (!confirmReplace('"' + file.name + '"')) return;
    loadText(String(reader.result), `Loaded "${file.name}".`);
  };
  reader.onerror = () => say(`Could not read "${file.name}".`);
  reader.readAsText(file);
}

async function openUrl(url) {
  if (!url) { say('Type the address of a JSON file first.'); return; }
  say('Loading ' + url + ' …');
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error('the server answered ' + res.status);
    const text = await res.text();
    if (/^\s*</.test(text)) throw new Error('it returned a web page (HTML), not JSON');
    if (!confirmReplace(url)) { say('Kept the current content.'); return; }
    loadText(text, `Loaded ${url}.`);
  } catch (e) {
    say(`Could not load ${url}: ${e.message}. The address must allow this page to read it (same site, or CORS).`);
  }
}

function resetToDefault() {
  if (!window.confirm('Reset to the built-in English content? Your draft in this browser is replaced (download it first to keep it).')) return;
  loadText(pretty(DEFAULTS.en), 'Reset to the built-in English content.');
}

// ---- start -------------------------------------------------------------------------------------------------
function fillSelect(sel, options) {
  for (const [value, label] of options) {
    const o = document.createElement('option');
    o.value = value; o.textContent = label;
    sel.appendChild(o);
  }
}

function start() {
  fillSelect($('form-section'), SECTIONS.map((k) => [k, (schema.properties[k].title || k) + ' (' + k + ')']));
  $('form-section').value = 'cellTypes';
  fillSelect($('embed-format'), FORMATS.map((f) => [f.id, f.label]));
  fillSelect($('embed-widget'), KINDS.map((k) => [k, k]));

  const draft = readDraft();
  if (draft) {
    studio.text = draft.text;
    studio.baseText = typeof draft.base === 'string' ? draft.base : draft.text;
  } else {
    studio.text = studio.baseText = pretty(DEFAULTS.en);
  }
  buildTextEditor();
  setupTabs();
  watchWidgetEvents();
  applySize();

  $('start-en').addEventListener('click', () => startFromDefault('en'));
  $('start-es').addEventListener('click', () => startFromDefault('es'));
  $('open-file').addEventListener('change', (e) => { openFile(e.target.files[0]); e.target.value = ''; });
  $('url-form').addEventListener('submit', (e) => { e.preventDefault(); openUrl($('open-url').value.trim()); });
  $('download').addEventListener('click', download);
  $('reset').addEventListener('click', resetToDefault);
  $('form-section').addEventListener('change', syncFormFromText);
  for (const id of ['preview-size', 'preview-theme', 'preview-lang']) $(id).addEventListener('change', () => { remountAll(); updateEmbed(); });
  for (const id of ['embed-format', 'embed-widget']) $(id).addEventListener('change', updateEmbed);
  for (const id of ['embed-script', 'embed-data']) $(id).addEventListener('input', updateEmbed);
  $('copy-embed').addEventListener('click', copyEmbed);

  setText(studio.text, 'load');
  say(draft ? `Restored your draft from this browser (saved ${new Date(draft.savedAt).toLocaleString()}).` : 'Started from the built-in English content.');
  selectTab('form');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
