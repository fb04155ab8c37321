/* stemcell-widgets loader — appended after the Emscripten module glue (--extern-post-js).
 *
 * Public contract (stable):
 *   <div data-stemcell-widget="KIND" data-src="URL" data-lang="es" data-theme="dark"></div>
 *   StemCellWidgets.mount(element, {widget, src, data, lang, theme, height, textScale, fullscreen}) -> Promise<handle>
 *   handle.update(data) -> Promise<handle>, handle.destroy(), handle.state() -> {widget, selected, ...}
 *   handle.setState(partial) -> Promise<state>, handle.toPNG({scale}) -> Promise<Blob>
 *   StemCellWidgets.get(element) -> handle | null
 *   <p data-stemcell-for="WIDGET-ID" data-stemcell-state='{"day": 0}'>: sets that state when it crosses mid-screen
 *   events on the element (bubbling): stemcell:ready, stemcell:change, stemcell:error ({message, path, problems})
 *
 * What a reader rarely needs on load (the keyboard help, the presenter toolbar and full screen, setState and the
 * scroll-driven steps, toPNG and Save image) is in web/loader-extras.js: stemcell-widgets.extras.js beside this
 * script, fetched on first use (see "the extras" below); the offline bundle carries it inside.
 *
 * No inline script, no eval: works under `script-src 'self' 'wasm-unsafe-eval'`. Styles are set through the
 * CSSOM only (no <style> element), so a strict style-src is fine too. Text from JSON only ever reaches the page
 * through textContent.
 */
(function () {
  'use strict';
  if (typeof window === 'undefined' || typeof document === 'undefined') return;
  if (window.StemCellWidgets && window.StemCellWidgets.mount) return;  // loaded twice: keep the first

  var VERSION = '0.1.0';
  var FETCH_TIMEOUT_MS = 15000;
  var MAX_CONTENT_BYTES = 1024 * 1024;  // the content format's size limit (widgets/content/json_text.h)
  var ATTR = 'data-stemcell-widget';
  var factory = typeof StemCellWidgetsModule === 'function' ? StemCellWidgetsModule : null;
  var scriptEl = document.currentScript || null;
  var scriptSrc = (scriptEl && scriptEl.src) || '';
  // Where the .wasm is: StemCellWidgets.config({wasmUrl}) before the first mount > data-wasm on the script tag >
  // beside the script, with the script's own query string (?ver=…) so a new script never pairs with an old wasm.
  var settings = {wasmUrl: (scriptEl && scriptEl.getAttribute && scriptEl.getAttribute('data-wasm')) || ''};

  var modulePromise = null;
  var mod = null;             // the first module loaded (page-wide diagnostics); each widget keeps its own (h.mod)
  var handles = new Map();     // element -> Handle
  var canvasCounter = 0;
  // Canvas ids carry a per-page random part; the module gets the element itself (mod.scwCanvases), so a page
  // element with the same id could not be mistaken for it anyway.
  var canvasPrefix = 'scw-' + Math.random().toString(36).slice(2, 8) + '-';
  var lazyObserver = null;

  // ---- environment ------------------------------------------------------------------------------------
  function supportProblem() {
    if (typeof WebAssembly !== 'object') return 'This browser cannot run WebAssembly (it may be switched off, e.g. by a lockdown or security mode), so the interactive widget cannot start.';
    if (!factory) return 'The widget script did not load completely.';
    return null;
  }
  // Without WebGL2 the widgets still load and show their content as readable HTML. Whether the browser gives a
  // WebGL2 context is known when the first module makes its own (at the first widget's scw_create): until then
  // a browser with the API is taken at its word. A trial context made earlier only to ask cost 12-20 ms of the
  // first frame, and a browser may still refuse the real one (a blocklisted GPU).
  var HAS_WEBGL2 = null;
  function canDraw() { return HAS_WEBGL2 === null ? typeof WebGL2RenderingContext === 'function' : HAS_WEBGL2; }

  // ---- the parallel DOM ----------------------------------------------------------------------------------
  // Built from the widget's tree with createElement/textContent only; any other tag or attribute is dropped.
  var DOM_TAGS = {section: 1, h2: 1, h3: 1, h4: 1, p: 1, ul: 1, ol: 1, li: 1, table: 1, caption: 1, thead: 1,
    tbody: 1, tr: 1, th: 1, td: 1, dl: 1, dt: 1, dd: 1, strong: 1, em: 1, span: 1, a: 1, small: 1, div: 1};
  var DOM_ATTRS = {scope: 1, colspan: 1, rowspan: 1, 'aria-current': 1, 'aria-label': 1, 'data-id': 1, lang: 1, href: 1, abbr: 1};
  function buildDom(node, focusable) {
    if (!node || typeof node !== 'object' || !DOM_TAGS[node.tag]) return null;
    var el = document.createElement(node.tag);
    var attrs = node.attrs || {};
    Object.keys(attrs).forEach(function (k) {
      if (!DOM_ATTRS[k]) return;
      var v = String(attrs[k]);
      if (k === 'href' && !/^https?:\/\//i.test(v)) return;
      el.setAttribute(k, v);
    });
    if (node.tag === 'a') {
      el.rel = 'noopener noreferrer';
      el.target = '_blank';
      if (!focusable) el.tabIndex = -1;  // hidden links must not become invisible tab stops
    }
    if (node.text) el.appendChild(document.createTextNode(String(node.text)));
    (node.children || []).forEach(function (c) { var e = buildDom(c, focusable); if (e) el.appendChild(e); });
    return el;
  }
  function media(q) { return window.matchMedia ? window.matchMedia(q) : null; }
  function prefersDark() { var m = media('(prefers-color-scheme: dark)'); return !!(m && m.matches); }
  function prefersContrast() {
    var a = media('(prefers-contrast: more)'), b = media('(forced-colors: active)');
    return !!((a && a.matches) || (b && b.matches));
  }
  // Parses a CSS colour through the browser: 'transparent', [r, g, b] (opaque enough), or null if not a colour.
  function cssColour(value, context) {
    if (String(value).trim().toLowerCase() === 'transparent') return 'transparent';
    var probe = document.createElement('span');
    probe.style.color = 'rgba(1, 2, 3, 0.5)';
    probe.style.color = String(value);
    if (probe.style.color === 'rgba(1, 2, 3, 0.5)') return null;
    probe.hidden = true;
    (context || document.body || document.documentElement).appendChild(probe);
    var c = parseRgb(getComputedStyle(probe).color);
    probe.parentNode.removeChild(probe);
    return c && c[3] > 0.5 ? c : 'transparent';
  }
  function parseRgb(s) {
    var m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?/.exec(s || '');
    if (!m) return null;
    var a = m[4] === undefined ? 1 : /%$/.test(m[4]) ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return [+m[1], +m[2], +m[3], a];
  }
  // The colour the page shows behind an element: the first ancestor with an opaque-enough background. With
  // none, the canvas colour: dark when the page asks for a dark colour-scheme ("os-dark" / "os-light" when the
  // page follows the reader's setting with "light dark").
  function pageBackground(el) {
    for (var n = el; n && n.nodeType === 1; n = n.parentElement) {
      var c = parseRgb(getComputedStyle(n).backgroundColor);
      if (c && c[3] > 0.5) return c;
    }
    var scheme = String(getComputedStyle(document.documentElement).colorScheme || '');
    var meta = document.querySelector('meta[name="color-scheme"]');
    if ((!scheme || scheme === 'normal') && meta) scheme = meta.getAttribute('content') || '';
    if (/dark/.test(scheme) && /light/.test(scheme)) return prefersDark() ? 'os-dark' : 'os-light';
    return /dark/.test(scheme) ? [18, 18, 18, 1] : [255, 255, 255, 1];
  }
  function isDark(c) {
    if (c === 'os-dark') return true;
    if (!c || typeof c === 'string') return false;
    var lin = function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]) < 0.18;
  }
  function hexColour(c) {
    return '#' + c.slice(0, 3).map(function (v) { return ('0' + Math.round(v).toString(16)).slice(-2); }).join('');
  }
  // The system colours as the browser resolves them in forced-colours mode: Canvas, CanvasText, Highlight,
  // HighlightText, GrayText, as "#rrggbb,…" for the host's systemColors option.
  function systemColours(context) {
    var probe = document.createElement('span');
    probe.hidden = true;
    (context || document.body || document.documentElement).appendChild(probe);
    var out = ['Canvas', 'CanvasText', 'Highlight', 'HighlightText', 'GrayText'].map(function (name) {
      probe.style.color = name;
      var c = parseRgb(getComputedStyle(probe).color);
      return c ? hexColour(c) : '';
    });
    probe.parentNode.removeChild(probe);
    return out.every(Boolean) ? out.join(',') : '';
  }
  function reducedMotion() { var m = media('(prefers-reduced-motion: reduce)'); return !!(m && m.matches); }

  // ---- the page chrome's words (issue 13) ------------------------------------------------------------------
  // Every word the loader puts on the page comes from the document's `strings` (scw_strings, in the widget's
  // language) once the content is in; these English ones are the fallback. Before any content the built-in
  // Spanish below covers what can show first (Loading…, a failure).
  // The extras (help, toolbar, image) add their own words to this table when they load.
  var CHROME_EN = {
    keyboardButton: 'Keyboard', saveImage: 'Save image', loading: 'Loading…',
    contentError: 'This widget could not show its content.', errorHowToFix: 'For whoever made this page, what to fix:',
    errorMore: '… and {n} more.',
    'kind_cell-diagram': 'cell diagram', 'kind_hsct-timeline': 'transplant timeline', 'kind_risk-chart': 'risk chart', 'kind_explainer': 'stem cell explainer',
    canvasLabel: 'Interactive {kind}. Arrow keys move between the items, Enter selects, Escape clears, the question mark lists every key. The same content follows as text.',
    roleDescription: 'interactive {kind}',
  };
  // Only what a widget can show before its document is in (a document that fails to load has no strings): the
  // framing of the error box. The problems themselves stay in English (they name JSON paths and types).
  var CHROME_EARLY = {es: {loading: 'Cargando…', contentError: 'Este gráfico no pudo mostrar su contenido.',
    errorHowToFix: 'Para quien hizo esta página, qué corregir:', errorMore: '… y {n} más.'}};
  function chromeKeys() { return Object.keys(CHROME_EN).join(','); }
  function fill(s, vars) { return String(s).replace(/\{(\w+)\}/g, function (m, k) { return vars && vars[k] !== undefined ? vars[k] : m; }); }

  // ---- the stylesheet (issue 13) ------------------------------------------------------------------------------
  // Rules that need selectors or media queries: the focus ring, the keyboard button shown while the widget has
  // focus, forced colours, and the printed handout. A constructed stylesheet (CSSOM, allowed under a strict
  // style-src), added to the document or the shadow root the widget sits in.
  var CSS_RULES = [
    '.scw-root canvas{outline:none}',
    // The ring when Tab brings the focus: drawn over the canvas's edge (a page's overflow:hidden box would clip
    // one outside it), 3 px in the ring colour with a 2 px halo inside, so it contrasts (≥ 3:1) with the page
    // and with the widget's own background in light, dark and high contrast.
    '.scw-root.scw-focus-ring::after{content:"";position:absolute;inset:0;border:3px solid var(--scw-ring,#0b57d0);' +
      'box-shadow:inset 0 0 0 2px var(--scw-halo,#fff);pointer-events:none;z-index:1}',
    '.scw-keys-float{position:absolute;right:6px;bottom:6px;opacity:0;pointer-events:none}',
    // Shown with the ring (keyboard focus), not on a click or a tap: on a phone it would cover the panel's corner.
    '.scw-root.scw-focus-ring .scw-keys-float,.scw-keys-float:focus{opacity:1;pointer-events:auto}',
    '.scw-keys-float:focus-visible{outline:3px solid var(--scw-ring,#0b57d0);outline-offset:2px}',
    '.scw-print-img{display:none}',
    '@media (forced-colors: active){.scw-root.scw-focus-ring::after{border-color:Highlight}.scw-bar button,.scw-keys-float{border:1px solid ButtonText}}',
    '@media print{' +
      '.scw-bar,.scw-export,.scw-keys-float,.scw-live,.scw-status,.scw-notice,.scw-help{display:none!important}' +
      '.scw-root.scw-focus-ring::after{display:none}' +
      '.scw-root{height:auto!important;background:none!important}' +
      // The page's own box for the widget grows with the printed copy instead of letting it run over what follows.
      '[data-scw-mounted]{height:auto!important;max-height:none!important;overflow:visible!important}' +
      '.scw-root canvas{display:none!important}' +
      '.scw-print-img{display:block!important;width:100%;height:auto;break-inside:avoid;page-break-inside:avoid;margin:0 0 8px}' +
      '.scw-dom{position:static!important;width:auto!important;height:auto!important;margin:0!important;clip:auto!important;' +
        'overflow:visible!important;white-space:normal!important;font:11pt/1.4 system-ui,sans-serif}' +
      '.scw-dom li,.scw-dom tr,.scw-dom dl,.scw-dom h2,.scw-dom h3,.scw-dom h4,.scw-dom p{break-inside:avoid;page-break-inside:avoid}' +
      '.scw-dom h2,.scw-dom h3,.scw-dom h4{break-after:avoid;page-break-after:avoid}' +
      '.scw-dom table{border-collapse:collapse;width:100%}.scw-dom th,.scw-dom td{border:1px solid #888;padding:2px 4px;text-align:left;vertical-align:top}' +
    '}'
  ];
  var styledRoots = [], styleSheets = [];
  function insertRules(sheet, rules) { rules.forEach(function (r) { sheet.insertRule(r, sheet.cssRules.length); }); }
  function installStyles(node) {
    var rootNode = node.getRootNode ? node.getRootNode() : document;
    if (rootNode.nodeType !== 9 && rootNode.nodeType !== 11) rootNode = document;
    if (styledRoots.indexOf(rootNode) >= 0) return;
    styledRoots.push(rootNode);
    var sheet;
    try {
      sheet = new CSSStyleSheet();
      insertRules(sheet, CSS_RULES);
      rootNode.adoptedStyleSheets = (rootNode.adoptedStyleSheets || []).concat([sheet]);
    } catch (e) {
      try {  // no constructed stylesheets: an empty <style> filled through the CSSOM
        var st = document.createElement('style');
        (rootNode.nodeType === 9 ? document.head || document.documentElement : rootNode).appendChild(st);
        sheet = st.sheet;
        insertRules(sheet, CSS_RULES);
      } catch (e2) { sheet = null; /* the ring then comes from the browser's own focus style */ }
    }
    if (sheet) styleSheets.push(sheet);
  }
  // The extras' rules: into every sheet made so far, and every later one.
  function addRules(rules) {
    CSS_RULES.push.apply(CSS_RULES, rules);
    styleSheets.forEach(function (sheet) { try { insertRules(sheet, rules); } catch (e) { /* as above */ } });
  }

  // ---- the module -------------------------------------------------------------------------------------
  function wasmUrlFor(path) {
    if (settings.wasmUrl) return new URL(settings.wasmUrl, document.baseURI).href;
    var u = new URL(path, scriptSrc || document.baseURI);
    if (/\.wasm$/.test(path) && scriptSrc) u.search = new URL(scriptSrc).search;  // ?ver=… of the script
    return u.href;
  }
  // The script no longer looks like ours (a plugin combined it with others, or a CDN renamed it): its .wasm is
  // then probably not beside it.
  function scriptRenamed() {
    if (!scriptSrc) return false;
    var name = new URL(scriptSrc).pathname.split('/').pop();
    return !/^stemcell-widgets(\.min)?(-\d+)?\.js$/.test(name);
  }

  // ---- the extras ------------------------------------------------------------------------------------
  // stemcell-widgets.extras.js (web/loader-extras.js): the help dialog, the presenter toolbar and full screen,
  // setState and the scroll-driven steps, toPNG and Save image. Fetched once, on the first use of any of them
  // (or while the module loads, for a widget with a toolbar and a page with steps), as a <script src> beside this
  // script with its ?ver=… (beside the wasm address for a renamed or combined script given data-wasm or
  // config({wasmUrl})), carrying this script's nonce for a nonce-based Content-Security-Policy. The offline bundle
  // defines StemCellWidgetsExtras before this code runs and never fetches. A failed fetch rejects (the action asked
  // says so in the widget) and the next use tries again.
  var extrasPromise = null, extras = null;
  function besideScript(name) {  // a file uploaded beside this script (or beside the wasm given for a renamed one)
    var base = (scriptRenamed() || !scriptSrc) && settings.wasmUrl ? new URL(settings.wasmUrl, document.baseURI).href : scriptSrc;
    var u = new URL(name, base || document.baseURI);
    if (base) u.search = new URL(base).search;
    return u.href;
  }
  function extrasUrl() { return besideScript('stemcell-widgets.extras.js'); }
  function installExtras() {
    if (!extras) extras = window.StemCellWidgetsExtras({Handle: Handle, handles: handles, CHROME_EN: CHROME_EN, chromeKeys: chromeKeys,
      addRules: addRules, WidgetError: WidgetError, call: call, lastError: lastError, toolbar: toolbar, toolbarButton: toolbarButton,
      styleButton: styleButton, fontFamilyOf: fontFamilyOf, isDark: isDark, prefersDark: prefersDark, autoMount: autoMount, ATTR: ATTR});
    return extras;
  }
  function loadExtras() {
    if (extras || typeof StemCellWidgetsExtras === 'function') return Promise.resolve(installExtras());
    if (!extrasPromise) extrasPromise = new Promise(function (resolve, reject) {
      var url = extrasUrl(), s = document.createElement('script');
      function failed(why) {
        extrasPromise = null;
        if (s.parentNode) s.parentNode.removeChild(s);
        reject(WidgetError('This feature of the widget could not be loaded from ' + url + ': ' + why +
          '. Upload stemcell-widgets.extras.js beside stemcell-widgets.js.'));
      }
      s.src = url;
      s.async = true;
      if (scriptEl && scriptEl.nonce) s.nonce = scriptEl.nonce;
      s.onload = function () {
        if (typeof StemCellWidgetsExtras === 'function') resolve(installExtras());
        else failed('the file there is not the widgets\' extras');
      };
      s.onerror = function () { failed('the file is missing there, or the network failed'); };
      (document.head || document.documentElement).appendChild(s);
    });
    return extrasPromise;
  }

  // Two builds of the module share this glue: stemcell-widgets.wasm has every kind; stemcell-widgets.lean.wasm
  // beside it has all but the explainer (~9 KB brotli less). A page without an explainer (none in the page and
  // none mounted yet when the module starts) gets the lean one; an explainer mounted later starts the full module
  // beside it, and each widget keeps the module it was created in. A lean module that does not load (a site
  // that uploaded only the two older files) falls back to the full one. The offline bundle (the wasm inlined)
  // and the tests' bundle are full modules and never look for a lean one.
  var modules = [];  // {lean, promise}, the first one started first
  function leanUrl(url) {  // '' when `url` is not stemcell-widgets.wasm
    var u = new URL(url);
    if (!/(^|\/)stemcell-widgets\.wasm$/.test(u.pathname)) return '';
    u.pathname = u.pathname.replace(/\.wasm$/, '.lean.wasm');
    return u.href;
  }
  function explainerOnPage() {
    var found = false;
    handles.forEach(function (h) { if (h.kind === 'explainer' && !h.destroyed) found = true; });
    return found || !!document.querySelector('[' + ATTR + '="explainer"], stemcell-widget[widget="explainer"]');
  }
  // The module a widget of `kind` is created in: an explainer needs a full one; the others take the first started.
  function loadModule(kind) {
    var full = kind === 'explainer';
    for (var i = 0; i < modules.length; i++) if (!full || !modules[i].lean) return modules[i].promise;
    var entry = {lean: !full && !modules.length && !explainerOnPage()};
    modules.push(entry);
    entry.promise = startModule(entry);
    if (modules.length === 1) modulePromise = entry.promise;
    return entry.promise;
  }

  function startModule(entry) {
    var problem = supportProblem();
    if (problem) return Promise.reject(WidgetError(problem));
    var tryLean = entry.lean, located = false, holding = tryLean, held = [];
    var streamingFailed = '', urlUsed = '';
    function warn(t) {
      // The glue falls back to a slower path when the server sends the wasm with the wrong MIME type: say how to fix it.
      if (/wasm streaming compile failed/.test(t) && /MIME/.test(t)) {
        streamingFailed = String(t);
        console.warn('[stemcell-widgets] ' + urlUsed + ' was not served as application/wasm; it still works, more slowly. ' +
          'Configure the server to send .wasm files with Content-Type: application/wasm.');
      } else if (!(streamingFailed && /falling back to ArrayBuffer/.test(t))) console.warn('[stemcell-widgets]', t);
    }
    var p = factory({
      locateFile: function (path) {
        var url = wasmUrlFor(path);
        if (/\.wasm$/.test(path)) {
          located = true;
          var lean = tryLean && leanUrl(url);
          if (lean) url = lean; else entry.lean = tryLean = holding = false;
          urlUsed = url;
        }
        return url;
      },
      scwGlyphFace: glyphFace,
      print: function () {},
      // A lean attempt keeps its messages until it is known to be the module used.
      printErr: function (t) { if (holding) held.push(t); else warn(t); }
    });
    if (!located) entry.lean = tryLean = holding = false;  // the wasm is inlined (offline bundle): the one full module
    return p.then(function (m) {
      holding = false;
      held.forEach(warn);
      m.scwOnEvent = function (id, type, detailText) { onModuleEvent(m, id, type, detailText); };
      m.scwById = new Map();
      if (!mod) mod = m;
      return m;
    }, function (err) {
      if (tryLean) { entry.lean = false; return startModule(entry); }  // no lean module there: the full one
      return diagnoseWasm(urlUsed, err, streamingFailed).then(function (message) {
        var e = WidgetError(message);
        e.wasmUrl = urlUsed;
        throw e;
      });
    });
  }

  // The module failed to start: fetch the wasm once more to find out why, in words a site owner can act on.
  function diagnoseWasm(url, err, streamingFailed) {
    var original = String((err && err.message) || err || '');
    var head = 'The widget program (WebAssembly) could not be loaded from ' + (url || 'the bundle') + ': ';
    var renamed = !settings.wasmUrl && scriptRenamed()
      ? ' This script was loaded as "' + scriptSrc + '", not as stemcell-widgets.js: a script-combining or ' +
        'optimisation plugin, or a CDN, probably moved it away from stemcell-widgets.wasm. Exclude ' +
        'stemcell-widgets.js from combining, or give the wasm address with data-wasm="…/stemcell-widgets.wasm" on the ' +
        'script tag or StemCellWidgets.config({wasmUrl: "…"}).' : '';
    if (!url || typeof fetch !== 'function') return Promise.resolve(head + original + renamed);
    var crossOrigin = new URL(url).origin !== location.origin;
    return fetch(url, {credentials: 'same-origin'}).then(function (res) {
      var type = (res.headers.get('content-type') || '').split(';')[0].trim();
      if (!res.ok) return head + 'the server answered ' + res.status + (res.statusText ? ' ' + res.statusText : '') +
        ' (the file is missing at that address).' + renamed;
      return res.arrayBuffer().then(function (buf) {
        var b = new Uint8Array(buf.slice(0, 4));
        var isWasm = b.length === 4 && b[0] === 0 && b[1] === 0x61 && b[2] === 0x73 && b[3] === 0x6d;
        if (!isWasm) {
          var text = new TextDecoder().decode(new Uint8Array(buf.slice(0, 64))).trim();
          if (/^</.test(text) || type === 'text/html')
            return head + 'the server sent a web page (HTML, ' + (type || 'no type') + ') instead of the wasm file; ' +
              'the address is probably wrong or rewritten (a missing file served as a page).' + renamed;
          return head + 'the file there is not WebAssembly (' + (type || 'no Content-Type') + ').' + renamed;
        }
        if (type !== 'application/wasm')
          return head + 'it is served as "' + (type || 'no Content-Type') + '"; it should be "application/wasm". ' + original;
        return head + 'the browser could not compile it (' + original + '). Are the script and the wasm from the ' +
          'same version? Clear caches and upload both files again.';
      });
    }, function () {
      return head + 'the request failed' + (crossOrigin
        ? ': it is on another origin (' + new URL(url).origin + ') that does not allow this page to read it (CORS). ' +
          'Serve it with Access-Control-Allow-Origin, or from this site.'
        : ' (offline, blocked, or a wrong address).') + renamed;
    });
  }

  function withCString(m, s, fn) {
    var n = m.lengthBytesUTF8(s) + 1;
    var p = m._malloc(n);
    try { m.stringToUTF8(s, p, n); return fn(p); } finally { m._free(p); }
  }
  function call(m, fnName, id, a, b) {  // calls module m's C function taking (id, string[, string])
    return withCString(m, a, function (pa) {
      if (b === undefined) return m[fnName](id, pa);
      return withCString(m, b, function (pb) { return m[fnName](id, pa, pb); });
    });
  }
  function lastError(m) { return m.UTF8ToString(m._scw_last_error()); }

  function onModuleEvent(m, id, type, detailText) {
    var h = m.scwById.get(id);
    if (!h) return;
    var detail;
    try { detail = JSON.parse(detailText); } catch (e) { detail = {}; }
    // The errors of a load in flight are that load's answer (its promise rejects and _report shows them once).
    if (type === 'error' && h.pending) { h.pending.problems = detail.problems; return; }
    // Deliver after the current wasm call returns, so a listener may call back into the widget safely.
    Promise.resolve().then(function () { h._onEvent(type, detail); });
  }

  function fontFamilyOf(el) {
    var f = '';
    try { f = window.getComputedStyle(el).fontFamily || ''; } catch (e) { f = ''; }
    // A page that sets no font gets the browser's default serif; widgets read better in a sans-serif then.
    return !f || /^\s*(serif|"?times new roman"?|times)\s*$/i.test(f) ? '' : f;
  }

  // The glyph metrics the module draws text with (shell/glyphs_html5.cpp calls glyphFace as Module.scwGlyphFace):
  // per code point [advance, left, right, ascent, descent] and the face's line box, measured once per face at
  // 100 px in the page's font and scaled for every size. measureText is the costly call (it computes glyph
  // bounds), so the first mount measures printable ASCII while the wasm downloads and compiles.
  var DEFAULT_FONT = 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, "Noto Sans", sans-serif';
  var glyphFaces = {}, glyphMeasurer = null;
  function glyphFace(strong, family, cps) {
    var fam = family || DEFAULT_FONT, weight = strong ? '600 ' : '400 ';
    var face = glyphFaces[weight + fam];
    if (!face) face = glyphFaces[weight + fam] = {font: fam};
    var g = null;
    function measure(text) {
      if (!g) {
        glyphMeasurer = glyphMeasurer || document.createElement('canvas');
        g = glyphMeasurer.getContext('2d');
        g.font = weight + '100px ' + fam;
      }
      return g.measureText(text);
    }
    if (!face.line) {
      var probe = measure('Hg');
      var fa = probe.fontBoundingBoxAscent, fd = probe.fontBoundingBoxDescent;
      face.line = fa > 0 && fd >= 0 ? [fa, fd] : [97, 24];  // no font metrics (older engines): Inter's proportions
    }
    for (var i = 0; i < cps.length; i++) {
      var cp = cps[i];
      if (face[cp]) continue;
      var t = measure(String.fromCodePoint(cp));
      face[cp] = [t.width, t.actualBoundingBoxLeft || 0, t.actualBoundingBoxRight || 0,
                  t.actualBoundingBoxAscent || 0, t.actualBoundingBoxDescent || 0];
    }
    return face;
  }
  // In slices of 16 glyphs, each its own task: the wasm's fetch answer, which starts the streaming compile, is
  // taken between two slices instead of after all of them (measured all at once, ~15 ms on a slow machine, the
  // compile started that much later). What is not measured when the module starts, it measures itself.
  var warming = false;
  function warmGlyphs(el) {
    if (warming || !el.isConnected || Object.keys(glyphFaces).length) return;
    warming = true;
    var ascii = [];
    for (var c = 0x20; c <= 0x7e; c++) ascii.push(c);
    var fam = fontFamilyOf(el), k = 0, n = 2 * ascii.length;
    var channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;
    function later() { if (channel) channel.port2.postMessage(0); else setTimeout(slice, 0); }
    function slice() {
      if (mod || k >= n) { if (channel) channel.port1.close(); return; }
      var strong = k >= ascii.length, from = strong ? k - ascii.length : k, to = Math.min(from + 16, ascii.length);
      try { glyphFace(strong, fam, ascii.slice(from, to)); } catch (e) { glyphFaces = {}; k = n; return; }
      k += to - from;
      later();
    }
    if (channel) channel.port1.onmessage = slice;
    slice();
  }

  // ---- errors -----------------------------------------------------------------------------------------
  function WidgetError(message, path, problems, handle) {
    var e = new Error(message);
    e.name = 'StemCellWidgetsError';
    e.path = path || '';
    e.problems = problems || [{path: path || '', message: message}];
    e.handle = handle || null;
    return e;
  }

  // ---- a mounted widget -------------------------------------------------------------------------------
  function Handle(el, opts) {
    this.element = el;
    this.kind = String(opts.widget || '');
    this.opts = opts;
    this.id = 0;
    this.readyFired = false;
    this.destroyed = false;
    this.pending = null;  // {resolve, reject} of the data load in flight
    this._build();
  }

  Handle.prototype._build = function () {
    var self = this;
    var el = this.element;
    var root = document.createElement('div');
    root.className = 'scw-root';
    installStyles(el);
    el.setAttribute('data-scw-mounted', '');
    this.strings = {};
    // The language of everything inside: the page's choice, then the document's own (set when it loads).
    if (this.opts.lang) root.lang = String(this.opts.lang);
    var rs = root.style;
    rs.position = 'relative'; rs.width = '100%'; rs.boxSizing = 'border-box';
    // Fallback content the page put inside (e.g. a <noscript> note or a link) is hidden while the widget shows;
    // an inline <script type="application/json"> stays where it is.
    this.hiddenChildren = [];
    var looseText = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && /\S/.test(n.nodeValue); });
    // A CMS that strips <script> tags keeps their text: JSON as page text (often inside <p>, with curly quotes).
    // It never shows above the widget; without any other content the widget says what happened (see mount()).
    this.strayJson = looksLikeJsonText(el);
    for (var n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 3 || !/\S/.test(n.nodeValue)) continue;
      var wrap = document.createElement('span');
      el.insertBefore(wrap, n);
      wrap.appendChild(n);
      n = wrap;
    }
    for (var c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (c.tagName === 'SCRIPT' || c.hidden) continue;
      c.hidden = true;
      this.hiddenChildren.push(c);
    }
    // The page's own height wins; otherwise a height from the width (set in _measure).
    this.fillParent = !!this.opts.height || (el.clientHeight > 0 && !looseText);
    if (this.opts.height) rs.height = typeof this.opts.height === 'number' ? this.opts.height + 'px' : String(this.opts.height);
    else if (this.fillParent) rs.height = '100%';

    // Teachers' toolbar (full screen, data-present): built by the extras, fetched now beside the module.
    this.wantsToolbar = !!((this.opts.fullscreen && document.fullscreenEnabled) || this.opts.present);
    if (this.wantsToolbar) loadExtras().catch(function () { /* said by _start */ });

    var canvas = document.createElement('canvas');
    do canvas.id = canvasPrefix + (++canvasCounter); while (document.getElementById(canvas.id));
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'application');
    var cs = canvas.style;
    cs.display = 'block'; cs.width = '100%'; cs.height = '100%'; cs.touchAction = 'manipulation';
    // The ring around the canvas on keyboard focus is the stylesheet's (:focus-visible); the widget draws its own
    // ring on the item under the cursor.
    root.appendChild(canvas);
    this.canvas = canvas;
    this._bindKeys(canvas);

    var domBox = document.createElement('div');
    domBox.className = 'scw-dom';
    root.appendChild(domBox);
    this.domBox = domBox;
    this.canvas = canvas;
    this._showText(!canDraw());

    var live = document.createElement('div');
    live.className = 'scw-live';
    live.setAttribute('aria-live', 'polite');
    visuallyHidden(live);
    root.appendChild(live);

    // Until the content is drawn (or fails), say so: never a blank box.
    var status = document.createElement('div');
    status.className = 'scw-status';
    status.setAttribute('role', 'status');
    status.textContent = this._t('loading');
    var ss = status.style;
    ss.position = 'absolute'; ss.left = '0'; ss.top = '0'; ss.padding = '12px 16px';
    ss.font = '15px/1.4 system-ui, sans-serif'; ss.color = '#4e5968';
    root.appendChild(status);
    this.status = status;

    var error = document.createElement('div');
    error.className = 'scw-error';
    error.setAttribute('role', 'alert');
    error.hidden = true;
    var es = error.style;
    es.position = 'absolute'; es.inset = '0'; es.overflow = 'auto'; es.padding = '16px';
    es.font = '15px/1.45 system-ui, sans-serif'; es.background = '#fff8f6'; es.color = '#5c1a12';
    es.border = '2px solid #b3261e'; es.borderRadius = '8px'; es.boxSizing = 'border-box';
    root.appendChild(error);

    // Keep what the page put inside (e.g. an inline <script type="application/json">) but hide loose content.
    el.appendChild(root);
    this.root = root; this.canvas = canvas; this.live = live; this.errorBox = error;
    if (!this.wantsToolbar) {
      // No toolbar: the keyboard button shows in the corner while the widget has keyboard focus. It is not a Tab stop of
      // its own (one Tab stop per widget; from the keyboard "?" opens the list, as the canvas's label says).
      this.keysFloat = document.createElement('button');
      this.keysFloat.type = 'button';
      this.keysFloat.tabIndex = -1;
      this.keysFloat.className = 'scw-keys-float';
      styleButton(this.keysFloat);
      this.keysFloat.style.background = 'Canvas'; this.keysFloat.style.color = 'CanvasText';
      this.keysFloat.addEventListener('click', function () { self._openHelp(self.keysFloat); });
      root.appendChild(this.keysFloat);
    }
    if (this.opts.export) this._buildExport(el);
    this._applyStrings();
  };

  // A word of the page chrome in the widget's language: the document's, else English.
  Handle.prototype._t = function (key, vars) {
    var v = this.strings[key];
    if (!v) {
      var early = CHROME_EARLY[String(this.opts.lang || '').slice(0, 2)];
      v = (early && early[key]) || CHROME_EN[key] || key;
    }
    return fill(v, vars);
  };
  Handle.prototype._kindName = function () { return this._t('kind_' + this.kind) === 'kind_' + this.kind ? this.kind.replace(/-/g, ' ') : this._t('kind_' + this.kind); };
  // Reads the document's strings (after a load) and puts them on the chrome: labels, buttons, help, landmark.
  Handle.prototype._applyStrings = function () {
    var m = this.mod;
    if (this.id && m && m._scw_strings) {
      // With the chrome's words: the document's title (the built-in one's too) and the language it is shown in.
      var keys = (this.stringKeys = chromeKeys()) + ',documentTitle,documentLang';
      var self = this;
      try { this.strings = JSON.parse(withCString(m, keys, function (p) { return m.UTF8ToString(m._scw_strings(self.id, p)); })) || {}; }
      catch (e) { this.strings = {}; }
      this.contentTitle = String(this.strings.documentTitle || '');
      if (this.strings.documentLang) this.root.lang = String(this.strings.documentLang);
    }
    var kind = this._kindName();
    this.canvas.setAttribute('aria-roledescription', this._t('roleDescription', {kind: kind}));
    this.canvas.setAttribute('aria-label', this._t('canvasLabel', {kind: kind}));
    if (this.status) this.status.textContent = this._t('loading');
    var named = function (btn, key) {  // visible word + which widget, so every button's name is unique
      if (!btn) return;
      btn.textContent = this._t(key);
      btn.setAttribute('aria-label', this._t(key) + ': ' + kind);
    }.bind(this);
    named(this.fsButton, this._fullscreenOn() ? 'exitFullScreen' : 'fullScreen');
    named(this.prevButton, 'previousStep');
    named(this.nextButton, 'nextStep');
    named(this.keysButton, 'keyboardButton');
    named(this.keysFloat, 'keyboardButton');
    named(this.exportButton, 'saveImage');
    [this.toolbar, this.exportBar].forEach(function (b) { if (b) b.lang = this.root.lang || ''; }, this);
    if (this.help) this._fillHelp();
    this._nameLandmark();
  };
  // The copy's landmark gets the widget's own name, so three widgets on a page are three different regions.
  Handle.prototype._nameLandmark = function () {
    var top = this.domBox && this.domBox.firstElementChild;
    if (!top || top.tagName !== 'SECTION') return;
    var kind = this._kindName();
    var name = kind.charAt(0).toUpperCase() + kind.slice(1);
    top.setAttribute('aria-label', this.contentTitle ? name + ': ' + this.contentTitle : name);
  };

  Handle.prototype._fullscreenOn = function () { return !!document.fullscreenElement && document.fullscreenElement === this.element; };

  // Runs fn (a feature of the extras) once they are in. If they cannot be loaded, the widget says so in a note
  // (and the console): never an exception, and the widget itself keeps working.
  Handle.prototype._withExtras = function (fn) {
    var self = this;
    return loadExtras().then(function () { if (!self.destroyed) return fn(); }, function (err) { self._notice(err.message); });
  };
  Handle.prototype._notice = function (text) {
    console.warn('[stemcell-widgets] ' + text);
    if (this.destroyed) return;
    var n = this.noticeBox;
    if (!n) {
      n = this.noticeBox = document.createElement('div');
      n.className = 'scw-notice';
      n.setAttribute('role', 'status');
      n.lang = 'en';
      n.style.cssText = 'position:absolute;left:8px;right:8px;bottom:8px;padding:8px 12px;font:14px/1.4 system-ui,sans-serif;' +
        'background:#fff8f6;color:#5c1a12;border:1px solid #b3261e;border-radius:6px;z-index:2';
      this.root.appendChild(n);
    }
    n.textContent = text;
    n.hidden = false;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(function () { n.hidden = true; }, 10000);
  };

  // `?` on the widget opens the list of keys.
  Handle.prototype._bindKeys = function (canvas) {
    var self = this;
    // The ring shows where the browser would show one (keyboard focus: :focus-visible), never on a click.
    canvas.addEventListener('focus', function () {
      var visible = true;
      try { visible = canvas.matches(':focus-visible'); } catch (e) { /* an old browser: show it */ }
      if (self.root) self.root.classList.toggle('scw-focus-ring', visible);
    });
    canvas.addEventListener('blur', function () { if (self.root) self.root.classList.remove('scw-focus-ring'); });
    canvas.addEventListener('keydown', function (e) {
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); self._openHelp(canvas); }
    });
  };
  // The keyboard help (a modal dialog, in the extras).
  Handle.prototype._openHelp = function (opener) {
    var self = this;
    this._withExtras(function () { self._showHelp(opener); });
  };

  // The text version shown in place of the canvas (no WebGL2, or content the canvas cannot lay out), or hidden
  // for screen readers only.
  Handle.prototype._showText = function (on) {
    var ds = this.domBox.style;
    this.textShown = on;
    this.domBox.removeAttribute('style');
    if (!on) { visuallyHidden(this.domBox); this.canvas.style.display = 'block'; return; }
    ds.font = '16px/1.5 system-ui, sans-serif'; ds.padding = '12px 16px'; ds.overflow = 'auto'; ds.maxHeight = '100%';
    ds.boxSizing = 'border-box';
    this.canvas.style.display = 'none';
  };

  // The element's own text (not scripts, not <noscript>) reads like a JSON document: "{ "version": …".
  function looksLikeJsonText(el) {
    var text = '';
    (function walk(node) {
      for (var n = node.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3) text += n.nodeValue;
        else if (n.nodeType === 1 && !/^(SCRIPT|NOSCRIPT|STYLE|TEMPLATE|BUTTON)$/.test(n.tagName) && !n.classList.contains('scw-root')) walk(n);
        if (text.length > 2000) return;
      }
    })(el);
    text = text.trim();
    return /^[\[{]/.test(text) && /["\u201c\u201d\u2033\u2036]\s*[\w$-]+\s*["\u201c\u201d\u2033\u2036]\s*:/.test(text);
  }

  // A row of buttons beside the widget (full screen, save image), and a button in it, styled once.
  function toolbar(marginSide) {
    var bar = document.createElement('div');
    bar.style.display = 'flex'; bar.style.justifyContent = 'flex-end'; bar.style[marginSide] = '4px';
    bar.style.flexWrap = 'wrap'; bar.style.rowGap = '4px';  // a phone: the buttons wrap instead of overflowing
    return bar;
  }
  function toolbarButton(bar, label) {
    var btn = document.createElement('button');
    btn.type = 'button';
    btn.textContent = label;
    styleButton(btn);
    btn.style.marginLeft = '6px';
    bar.appendChild(btn);
    return btn;
  }
  function styleButton(btn) {
    var bs = btn.style;
    bs.font = '14px/1 system-ui, sans-serif'; bs.padding = '6px 12px'; bs.borderRadius = '6px';
    bs.border = '1px solid currentColor'; bs.background = 'transparent'; bs.color = 'inherit'; bs.cursor = 'pointer';
  }

  function visuallyHidden(n) {
    var s = n.style;
    s.position = 'absolute'; s.width = '1px'; s.height = '1px'; s.margin = '-1px'; s.padding = '0';
    s.overflow = 'hidden'; s.clip = 'rect(0 0 0 0)'; s.whiteSpace = 'nowrap'; s.border = '0';
  }

  // A drag or a played timeline changes the state many times a second: the parallel DOM is rebuilt and the live
  // region speaks once the changes pause, with the last state, instead of on every frame.
  var REFRESH_DELAY_MS = 200;
  var refreshesPending = 0;
  // A keyboard-cursor move (a "cursor" event: the item's name, state and position) is what is said when the cursor
  // went to another item; otherwise the change's announcement (Enter, Escape, a step, a played phase).
  Handle.prototype._scheduleRefresh = function (announcement, cursor) {
    var self = this;
    if (announcement) this.pendingAnnouncement = announcement;
    if (cursor) {
      if (cursor.id !== this.spokenCursorId) this.pendingCursor = cursor.text;
      else if (!announcement && !this.pendingAnnouncement) this.pendingCursor = cursor.text;  // the same item, new state
      this.spokenCursorId = cursor.id;
    }
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    else refreshesPending++;
    this.refreshTimer = setTimeout(function () {
      self.refreshTimer = null;
      refreshesPending--;
      if (self.destroyed) return;
      var say = self.pendingCursor || self.pendingAnnouncement;
      if (say) self.live.textContent = say;
      self.pendingAnnouncement = null;
      self.pendingCursor = null;
      self._renderDom();
    }, REFRESH_DELAY_MS);
  };

  Handle.prototype._renderDom = function () {
    var m = this.mod;
    if (!this.id || !m || this.destroyed) return;
    var tree = null;
    try { tree = JSON.parse(m.UTF8ToString(m._scw_dom(this.id))); } catch (e) { tree = null; }
    var box = this.domBox;
    while (box.firstChild) box.removeChild(box.firstChild);
    var el = buildDom(tree, !!this.textShown);
    if (el) box.appendChild(el);
    this._nameLandmark();
  };

  Handle.prototype._measure = function () {
    var w = this.root.clientWidth || 300;
    if (!this.fillParent && !canDraw()) return {w: w, h: this.root.clientHeight || 320};
    if (!this.fillParent && document.fullscreenElement !== this.root) {
      // No height from the page: wide widgets get a landscape box; phones a tall one (the widgets turn
      // vertical there and need the room), still leaving some page visible around it.
      // In the iframe embed page the frame follows the widget: the reader's screen, not the frame, bounds it.
      var vh = (document.documentElement.hasAttribute('data-stemcell-embed-page') && window.screen && screen.height) || window.innerHeight || 800;
      var h = w < 560 ? Math.max(440, Math.min(760, Math.round(vh * 0.85), Math.round(w * 1.6)))
                      : Math.max(360, Math.min(720, Math.round(w * 0.62)));
      // A widget that asks for more room (the risk chart in a narrow column, its detail below the grid) grows.
      if (this.preferredHeight > h) h = Math.min(this.preferredHeight, Math.max(h, 1200));
      if (this.root.style.height !== h + 'px') this.root.style.height = h + 'px';
    }
    return {w: this.root.clientWidth || w, h: this.root.clientHeight || 320};
  };

  Handle.prototype._resize = function () {
    if (!this.id || this.destroyed) return;
    var s = this._measure();
    this.mod._scw_resize(this.id, s.w, s.h, window.devicePixelRatio || 1);
  };

  Handle.prototype._applyTheme = function () {
    if (!this.id) return;
    // "auto" follows the page the widget sits on: its background (data-background, else the effective background
    // behind the element); the reader's OS setting counts only where the page itself follows it.
    var bg = this.opts.background ? cssColour(this.opts.background, this.element) : null;
    var behind = bg === 'transparent' || !bg ? pageBackground(this.element) : bg;
    var system = prefersContrast() ? 'high-contrast' : isDark(behind) ? 'dark' : 'light';
    call(this.mod, '_scw_set_option', this.id, 'systemTheme', system);
    // Forced colours (Windows contrast themes): the widget draws in the reader's system colours.
    var forced = media('(forced-colors: active)');
    call(this.mod, '_scw_set_option', this.id, 'systemColors', forced && forced.matches ? systemColours(this.element) : '');
    // The focus ring: dark on light pages, light on dark ones, each with a halo of the other (≥ 3:1 on either).
    var dark = this.opts.theme === 'dark' || (this.opts.theme !== 'light' && isDark(behind));
    this.lastBackgroundRgb = Array.isArray(behind) ? behind : dark ? [20, 24, 31] : [255, 255, 255];
    this.lastBackground = hexColour(this.lastBackgroundRgb);
    this.root.style.setProperty('--scw-ring', dark ? '#8ab4f8' : '#0b57d0');
    this.root.style.setProperty('--scw-halo', dark ? '#14181f' : '#ffffff');
    if (this.opts.background !== undefined) {
      var colour = bg === 'transparent' ? behind : bg;
      if (!colour) console.warn('[stemcell-widgets] background: "' + this.opts.background + '" is not a CSS colour.');
      call(this.mod, '_scw_set_option', this.id, 'background', colour && colour !== 'os-dark' && colour !== 'os-light' ? hexColour(colour) : '');
    }
    if (!call(this.mod, '_scw_set_option', this.id, 'theme', String(this.opts.theme || 'auto'))) this._showError(lastError(this.mod), '');
    call(this.mod, '_scw_set_option', this.id, 'reducedMotion', reducedMotion() ? '1' : '0');
    if (this.opts.lang) call(this.mod, '_scw_set_option', this.id, 'lang', String(this.opts.lang));
    if (this.opts.textScale !== undefined && !call(this.mod, '_scw_set_option', this.id, 'textScale', String(this.opts.textScale)))
      console.warn('[stemcell-widgets] ' + lastError(this.mod));
  };

  Handle.prototype._start = function () {
    var self = this;
    return this._whenConnected().then(function () {
      // A toolbar is in place before the first frame: the extras come beside the module (a far larger file).
      return Promise.all([loadModule(self.kind), self.wantsToolbar && self._withExtras(function () { self._buildToolbar(); })]);
    }).then(function (loaded) {
      var mod = loaded[0];
      if (self.destroyed) throw destroyedError(self);
      self.mod = mod;
      // The widgets draw text in the page's own font (the browser rasterises the glyphs).
      if (!mod.scwFontFamily) mod.scwFontFamily = fontFamilyOf(self.element);
      self._measure();
      (mod.scwCanvases || (mod.scwCanvases = {}))[self.canvas.id] = self.canvas;
      var id = withCString(mod, self.kind, function (pk) {
        return withCString(mod, self.canvas.id, function (pc) { return mod._scw_create(pk, pc); });
      });
      if (!id) { delete mod.scwCanvases[self.canvas.id]; throw WidgetError(lastError(mod), '', null, self); }
      self.id = id;
      mod.scwById.set(id, self);
      if (!mod.scwGl) {  // no WebGL2 context for this module: the HTML copy is the widget
        HAS_WEBGL2 = false;
        self._showText(true);
      } else if (HAS_WEBGL2 === null) HAS_WEBGL2 = true;
      // The shared WebGL context was lost and not given back: a new canvas would stay blank, so show the text copy.
      if (mod.scwGl && mod.scwGl['lost']) self._showHtmlCopy('The graphics of this page were reset by the browser; the text version is shown instead. Reload the page for the interactive version.');
      self._applyTheme();
      self._resize();
      if (typeof ResizeObserver === 'function') {
        self.resizeObserver = new ResizeObserver(function () { self._resize(); });
        self.resizeObserver.observe(self.root);
      }
      return self._loadData(self.opts);
    }).catch(function (err) {
      // mount() then update() before the first content arrived: the mount follows the later load.
      if (err && err.superseded && self.latest) return self.latest;
      if (!(err && err.name === 'StemCellWidgetsError')) err = WidgetError(String((err && err.message) || err), '', null, self);
      err.handle = self;
      self._report(err);
      throw err;
    });
  };

  // mount() on an element that is not in the page yet waits until it is added (and gives up if destroyed).
  Handle.prototype._whenConnected = function () {
    var self = this, el = this.element;
    if (el.isConnected) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var obs = new MutationObserver(function () {
        if (self.destroyed) { obs.disconnect(); reject(destroyedError(self)); }
        else if (el.isConnected) { obs.disconnect(); self._stopWaiting = null; resolve(); }
      });
      obs.observe(document, {childList: true, subtree: true});
      self._stopWaiting = function () { obs.disconnect(); reject(destroyedError(self)); };
    });
  };

  // No canvas drawing is possible: the hidden HTML copy of the content becomes the widget, with a note.
  Handle.prototype._showHtmlCopy = function (note) {
    this._showText(true);
    if (!this.htmlNote) {
      this.htmlNote = document.createElement('p');
      this.htmlNote.className = 'scw-note';
      this.htmlNote.style.cssText = 'margin:0;padding:8px 16px;font:14px/1.4 system-ui,sans-serif;color:#4e5968';
      this.root.insertBefore(this.htmlNote, this.domBox);
    }
    this.htmlNote.textContent = note;
    this.htmlCopy = true;
  };

  // Shows a failure once: in the widget and as one stemcell:error. Loads that were replaced by a later one, or
  // cut short by destroy(), answer their own promise only.
  Handle.prototype._report = function (err) {
    // One module failure (no wasm, say) is one error object shared by every widget: each shows and sends it once.
    if (!err || err.superseded || err.destroyed || this.destroyed) return;
    if (!err.reportedBy) err.reportedBy = [];
    if (err.reportedBy.indexOf(this) >= 0) return;
    err.reportedBy.push(this);
    this._showError(err.message, err.path, err.problems);
    this._dispatch('error', {message: err.message, path: err.path, problems: err.problems});
  };

  // Resolves the content text: data (object or JSON text) > src URL > inline JSON script > built-in default.
  // Something given but empty is an error with its cause, never a silent switch to the built-in content.
  Handle.prototype._contentText = function (opts, signal) {
    if (opts.data !== undefined && opts.data !== null) {
      var text;
      if (typeof opts.data === 'string') text = opts.data;
      else {
        try { text = JSON.stringify(opts.data); }
        catch (e) { return Promise.reject(WidgetError('The data object cannot be turned into JSON: ' + e.message)); }
      }
      if (!/\S/.test(text)) return Promise.reject(WidgetError('The data given is empty: pass a JSON document (see docs/DATA.md).'));
      return Promise.resolve(text);
    }
    if (opts.src !== undefined && opts.src !== null) {
      var url = String(opts.src).trim();
      if (!url) return Promise.reject(WidgetError('data-src is empty: give the address of a JSON document, or remove the attribute to show the built-in content.'));
      return fetchText(url, signal);
    }
    var inline = this.element.querySelector(':scope > script[type="application/json"]');
    if (inline) {
      if (!/\S/.test(inline.textContent || '')) return Promise.reject(WidgetError('The inline <script type="application/json"> is empty: put the JSON document inside it, or remove it to show the built-in content.'));
      return Promise.resolve(inline.textContent);
    }
    // The offline bundle carries the other languages of the built-in content too (data-lang="es" from file://).
    var lang = String(opts.lang || this.opts.lang || '');
    if (lang && typeof StemCellWidgetsOfflineContent === 'object' && StemCellWidgetsOfflineContent && StemCellWidgetsOfflineContent[lang])
      return Promise.resolve(StemCellWidgetsOfflineContent[lang]);
    // The bundle embeds the English document; the Spanish one ships beside the script (stemcell-explainer.es.json):
    // fetched for data-lang="es" (an embed.html?lang=es iframe too). Not there, the English one shows, with a note.
    var lang2 = lang.split('-')[0].toLowerCase();
    if (lang2 === 'es') {
      var file = besideScript('stemcell-explainer.' + lang2 + '.json');
      return fetchText(file, signal).catch(function (err) {
        if (signal && signal.aborted) throw err;
        console.warn('[stemcell-widgets] The Spanish built-in content could not be loaded from ' + file + ' (' + err.message +
          '); the English one is shown. Upload stemcell-explainer.es.json beside stemcell-widgets.js.');
        return '';
      });
    }
    return Promise.resolve('');  // '' = the default content embedded in the bundle
  };

  // One answer per call: each load gets a number, and only the latest may reach the widget. An earlier load that
  // finishes later rejects with `superseded`; destroy() rejects the load in flight with `destroyed`.
  Handle.prototype._loadData = function (opts) {
    var self = this;
    var seq = this.loadSeq = (this.loadSeq || 0) + 1;
    if (this.loadCtrl) this.loadCtrl.abort();  // an earlier fetch is no longer wanted
    var ctrl = this.loadCtrl = typeof AbortController === 'function' ? new AbortController() : null;
    var p = this._contentText(opts, ctrl && ctrl.signal).then(function (text) {
      if (self.destroyed) throw destroyedError(self);
      if (seq !== self.loadSeq) throw supersededError(self);
      var bytes = self.mod.lengthBytesUTF8(text);
      if (bytes > MAX_CONTENT_BYTES) throw WidgetError(tooLargeMessage('The content', bytes), '', null, self);
      self.pending = {problems: null};
      var errors = call(self.mod, '_scw_set_data', self.id, text);
      var pend = self.pending;
      self.pending = null;
      if (errors > 0 || errors < 0) {
        var first = (pend.problems && pend.problems[0]) || {message: lastError(self.mod), path: ''};
        throw WidgetError(first.message, first.path, pend.problems, self);
      }
      self._clearError();
      self._hideStatus();
      self._applyStrings();  // the chrome's words, and the document's title and language
      return self._afterFirstFrame().then(function () {
        if (self.destroyed) throw destroyedError(self);
        self._renderDom();
        return self;
      });
    }).catch(function (err) {
      if (self.destroyed) throw destroyedError(self);
      if (seq !== self.loadSeq) throw supersededError(self);
      if (!(err && err.name === 'StemCellWidgetsError')) err = WidgetError(String((err && err.message) || err), '', null, self);
      err.handle = self;
      throw err;
    }).then(function (h) {
      if (self.loadCtrl === ctrl) self.loadCtrl = null;
      return h;
    }, function (err) {
      if (self.loadCtrl === ctrl) self.loadCtrl = null;
      throw err;
    });
    this.latest = p;
    return p;
  };

  function destroyedError(h) {
    var e = WidgetError('The widget was destroyed before its content was shown.', '', null, h);
    e.destroyed = true;
    return e;
  }
  function supersededError(h) {
    var e = WidgetError('A later update() replaced this content before it was shown.', '', null, h);
    e.superseded = true;
    return e;
  }
  function tooLargeMessage(what, bytes) {
    return what + ' is ' + (bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.ceil(bytes / 1024) + ' KB') +
      '; the limit is 1 MB (1,048,576 bytes). Split it or remove unused parts.';
  }

  Handle.prototype._onEvent = function (type, detail) {
    if (this.destroyed) return;
    if (type === 'error') {
      this._showError(detail.message, detail.path, detail.problems);
      this._dispatch('error', {message: detail.message, path: detail.path, problems: detail.problems});
    } else if (type === 'warning') {
      (detail.problems || []).forEach(function (p) { console.warn('[stemcell-widgets] ' + (p.path ? p.path + ': ' : '') + p.message); });
      this._dispatch('warning', {problems: detail.problems || []});  // for editors such as the authoring studio
    } else if (type === 'change') {
      var pref = detail.preferredHeight || 0;
      if (pref !== (this.preferredHeight || 0) && !this.fillParent) {
        this.preferredHeight = pref;
        this._resize();
      }
      this._scheduleRefresh(detail.announcement);
      delete detail.announcement;
      this._dispatch('change', detail);
    } else if (type === 'cursor') {
      this._scheduleRefresh(null, detail);
    } else if (type === 'fallback') {
      if (detail.message) console.warn('[stemcell-widgets] ' + detail.message);
      this._showText(!!detail.fallback || !canDraw() || !!this.htmlCopy);
      this._renderDom();
    } else if (type === 'ready') {
      var self = this;
      this._afterFirstFrame().then(function () {
        if (self.readyFired || self.destroyed) return;
        self.readyFired = true;
        self._dispatch('ready', detail);
      });
    }
  };

  // The first content's text copy is built once its first frame is on the screen: the frame does not wait for
  // the copy (~4 ms of DOM for the default timeline), and a screen reader gets it one frame later. 'ready' and
  // mount() follow the copy, so whoever hears of them finds both the drawing and the copy. Resolves at once when
  // the copy is the widget (no WebGL2, right-to-left text) or a frame was drawn before.
  Handle.prototype._afterFirstFrame = function () {
    var self = this;
    if (this.framed || this.textShown) return Promise.resolve();
    if (!this.firstFrame) this.firstFrame = new Promise(function (resolve) {
      var done = false;
      var finish = function () { if (!done) { done = true; self.framed = true; resolve(); } };
      // The module drew the frame inside scw_set_data; the task after the next animation frame runs once the
      // update that shows it is done.
      requestAnimationFrame(function () { setTimeout(finish, 0); });
      setTimeout(finish, 250);  // a tab in the background gets no animation frames
    });
    return this.firstFrame;
  };

  Handle.prototype._dispatch = function (name, detail) {
    this.element.dispatchEvent(new CustomEvent('stemcell:' + name, {bubbles: true, detail: detail}));
  };

  Handle.prototype._hideStatus = function () { if (this.status) this.status.hidden = true; };

  Handle.prototype._showError = function (message, path, problems) {
    this._hideStatus();
    var box = this.errorBox;
    while (box.firstChild) box.removeChild(box.firstChild);
    var title = document.createElement('strong');
    title.textContent = this._t('contentError');
    title.style.display = 'block';
    box.appendChild(title);
    var how = document.createElement('span');
    how.textContent = this._t('errorHowToFix');
    how.style.cssText = 'display:block;margin-top:4px';
    box.appendChild(how);
    var list = problems && problems.length ? problems : [{path: path, message: message}];
    var ul = document.createElement('ul');
    ul.lang = 'en';  // the problems name JSON paths and types, in English
    ul.style.margin = '8px 0 0'; ul.style.paddingLeft = '20px';
    list.slice(0, 20).forEach(function (p) {
      var li = document.createElement('li');
      if (p.path) {
        var code = document.createElement('code');
        code.textContent = p.path;
        li.appendChild(code);
        li.appendChild(document.createTextNode(': '));
      }
      li.appendChild(document.createTextNode(String(p.message || '')));
      ul.appendChild(li);
    });
    if (list.length > 20) { var more = document.createElement('li'); more.textContent = this._t('errorMore', {n: list.length - 20}); ul.appendChild(more); }
    box.appendChild(ul);
    box.hidden = false;
    if (!this.fillParent && this.root.clientHeight < 160) this.root.style.height = '160px';
  };

  Handle.prototype._clearError = function () { this.errorBox.hidden = true; };

  // ---- public handle API --------------------------------------------------------------------------------
  Handle.prototype.update = function (data) {
    if (this.destroyed) return Promise.reject(WidgetError('This widget was destroyed.'));
    if (!this.id) return Promise.reject(WidgetError('The widget has not started yet; wait for mount() to resolve.'));
    var self = this;
    return this._loadData({data: data === undefined ? null : data}).catch(function (err) { self._report(err); throw err; });
  };

  Handle.prototype.state = function () {
    var m = this.mod;
    if (this.id && m && !this.destroyed) {
      try { return JSON.parse(m.UTF8ToString(m._scw_state(this.id))); } catch (e) { /* fall through */ }
    }
    return {widget: this.kind, selected: null};
  };

  Handle.prototype.destroy = function () {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.resizeObserver) this.resizeObserver.disconnect();
    if (this.refreshTimer) { clearTimeout(this.refreshTimer); this.refreshTimer = null; refreshesPending--; }
    clearTimeout(this.noticeTimer);
    if (this.loadCtrl) { this.loadCtrl.abort(); this.loadCtrl = null; }  // the load in flight rejects with "destroyed"
    if (this._stopWaiting) { this._stopWaiting(); this._stopWaiting = null; }
    if (this._onFullscreen) { document.removeEventListener('fullscreenchange', this._onFullscreen); this._onFullscreen = null; }
    if (this._onFullscreenKey) { document.removeEventListener('keydown', this._onFullscreenKey, true); this._onFullscreenKey = null; }
    if (this._onPresentKey) { this.element.removeEventListener('keydown', this._onPresentKey, true); this._onPresentKey = null; }
    if (this._fullscreenOn()) document.exitFullscreen().catch(function () {});
    if (this.help) { if (this.help.open) this.help.close(); if (this.help.parentNode) this.help.parentNode.removeChild(this.help); }
    if (this.printImg && this.printImg.parentNode) this.printImg.parentNode.removeChild(this.printImg);
    var m = this.mod;
    if (this.id && m) {
      m._scw_destroy(this.id);
      m.scwById.delete(this.id);
      if (m.scwCanvases) delete m.scwCanvases[this.canvas.id];
    }
    if (this.root && this.root.parentNode) this.root.parentNode.removeChild(this.root);
    if (this.toolbar && this.toolbar.parentNode) this.toolbar.parentNode.removeChild(this.toolbar);
    if (this.exportBar && this.exportBar.parentNode) this.exportBar.parentNode.removeChild(this.exportBar);
    (this.hiddenChildren || []).forEach(function (c) { c.hidden = false; });
    this.element.removeAttribute('data-scw-mounted');
    if (handles.get(this.element) === this) handles.delete(this.element);
    if (lazyObserver) lazyObserver.unobserve(this.element);
  };


  // ---- setState, toPNG (issue 14; in the extras) ------------------------------------------------------------
  // setState(partial) -> Promise<state>, toPNG({scale}) -> Promise<Blob>: both already answer later, so they
  // wait for the extras; if those cannot be loaded, the promise rejects saying so.
  Handle.prototype.setState = function (partial) {
    var self = this;
    return loadExtras().then(function () { return self._setState(partial); });
  };
  Handle.prototype.toPNG = function (options) {
    var self = this;
    return loadExtras().then(function () { return self._toPNG(options); });
  };

  // The picture for the printed handout: the canvas as drawn now (hidden on screen; the print rules show it).
  Handle.prototype._printPicture = function () {
    if (this.destroyed || this.textShown || !this.canvas.width) return;
    var img = this.printImg;
    if (!img) {
      img = this.printImg = document.createElement('img');
      img.className = 'scw-print-img';
      img.style.display = 'none';  // the print rules show it
      this.root.insertBefore(img, this.domBox);
    }
    try { img.src = this.canvas.toDataURL('image/png'); } catch (e) { return; }
    img.alt = this._kindName() + (this.contentTitle ? ': ' + this.contentTitle : '');
  };

  // ---- presenter steps (issue 13) ---------------------------------------------------------------------------
  // handle.step(1 | -1): the next or previous stop of the widget's tour (timeline phases, the cell diagram's
  // lineages, the risk chart's risks); true when it moved (stemcell:change follows, and the live region says it).
  Handle.prototype.step = function (dir) {
    if (this.destroyed || !this.id || !this.mod || !this.readyFired) return false;
    return !!this.mod._scw_step(this.id, dir < 0 ? -1 : 1);
  };

  // ---- scroll-driven steps (issue 14; in the extras) -------------------------------------------------------
  // A page with <p data-stemcell-for="ID" data-stemcell-state='{…}'> steps fetches the extras at once, which watch
  // them (one IntersectionObserver across the middle of the viewport).
  var STEP_ATTR = 'data-stemcell-for';
  function scanSteps(rootNode) {
    var found = rootNode.nodeType === 1 && rootNode.hasAttribute(STEP_ATTR) || !!(rootNode.querySelector && rootNode.querySelector('[' + STEP_ATTR + ']'));
    if (found) loadExtras().then(function (x) { x.scanSteps(rootNode); }, function (err) { console.warn('[stemcell-widgets] ' + err.message); });
  }

  // Teachers: data-export adds a "Save image" button under the widget.
  Handle.prototype._buildExport = function (el) {
    var self = this;
    var bar = toolbar('marginTop'), btn = this.exportButton = toolbarButton(bar, this._t('saveImage'));
    bar.className = 'scw-export';
    // The image is made by the extras (fetched on the first click); if they cannot be loaded, a note says so.
    btn.addEventListener('click', function () {
      btn.disabled = true;
      self._withExtras(function () {
        return self._saveImage().catch(function (err) {
          self._dispatch('error', {message: err.message, path: '', problems: err.problems});
          console.warn('[stemcell-widgets] ' + err.message);
        });
      }).then(function () { btn.disabled = false; });
    });
    el.appendChild(bar);
    this.exportBar = bar;
  };

  // ---- fetching data ------------------------------------------------------------------------------------
  // Reads the body as a stream and stops at MAX_CONTENT_BYTES of decoded (decompressed) bytes, so neither a huge
  // file nor a small gzip that unpacks to gigabytes is ever held in memory. The timeout covers the whole body.
  // `signal` (from the handle) cancels it when a later load or destroy() makes it unwanted.
  function fetchText(url, signal) {
    var ctrl = typeof AbortController === 'function' ? new AbortController() : null;
    var timedOut = false;
    var timer = setTimeout(function () { timedOut = true; if (ctrl) ctrl.abort(); }, FETCH_TIMEOUT_MS);
    if (signal && ctrl) {
      if (signal.aborted) ctrl.abort();
      else signal.addEventListener('abort', function () { ctrl.abort(); });
    }
    var where = '"' + (url.length > 200 ? url.slice(0, 200) + '…' : url) + '"';
    return fetch(url, {signal: ctrl ? ctrl.signal : undefined, credentials: 'same-origin'}).then(function (res) {
      if (!res.ok) throw WidgetError('Could not load the data from ' + where + ': the server answered ' + res.status +
        (res.statusText ? ' ' + res.statusText : '') + '. Check the data-src address.');
      return readCapped(res, ctrl, where);
    }).then(function (text) {
      clearTimeout(timer);
      if (!/\S/.test(text)) throw WidgetError('The address ' + where + ' returned an empty document (no data). Check the file on the server.');
      if (/^\s*</.test(text)) throw WidgetError('The address ' + where + ' returned a web page (HTML), not JSON data. Check the data-src address.');
      return text;
    }, function (err) {
      clearTimeout(timer);
      if (err && err.name === 'StemCellWidgetsError') throw err;
      if (timedOut) throw WidgetError('Loading the data from ' + where + ' took longer than ' + (FETCH_TIMEOUT_MS / 1000) + ' seconds. Check the address or try again.');
      if (signal && signal.aborted) throw WidgetError('Loading the data from ' + where + ' was cancelled.');
      throw WidgetError('Could not load the data from ' + where + ': the network request failed (offline, a wrong address, or the server does not allow this page to read it).');
    });
  }

  function readCapped(res, ctrl, where) {
    var declared = Number(res.headers.get('content-length'));
    var encoded = res.headers.get('content-encoding');
    if (!encoded && declared > MAX_CONTENT_BYTES) {
      if (ctrl) ctrl.abort();
      return Promise.reject(WidgetError(tooLargeMessage('The data at ' + where, declared)));
    }
    var decoder;
    try { decoder = new TextDecoder('utf-8', {fatal: true}); } catch (e) { decoder = null; }
    function decode(bytes) {
      try { return decoder ? decoder.decode(bytes) : new TextDecoder().decode(bytes); }
      catch (e) { throw WidgetError('The data at ' + where + ' is not UTF-8 text. Save the file as UTF-8.'); }
    }
    if (!res.body || !res.body.getReader) {
      return res.arrayBuffer().then(function (buf) {
        if (buf.byteLength > MAX_CONTENT_BYTES) throw WidgetError(tooLargeMessage('The data at ' + where, buf.byteLength));
        return decode(new Uint8Array(buf));
      });
    }
    var reader = res.body.getReader();
    var chunks = [], total = 0;
    function pump() {
      return reader.read().then(function (r) {
        if (r.done) {
          var all = new Uint8Array(total), at = 0;
          chunks.forEach(function (c) { all.set(c, at); at += c.length; });
          return decode(all);
        }
        total += r.value.length;
        if (total > MAX_CONTENT_BYTES) {
          chunks = null;
          reader.cancel().catch(function () {});
          if (ctrl) ctrl.abort();
          throw WidgetError('The data at ' + where + ' is larger than 1 MB (1,048,576 bytes), the limit; reading stopped there. Split it or remove unused parts.');
        }
        chunks.push(r.value);
        return pump();
      });
    }
    return pump();
  }

  // ---- mounting -----------------------------------------------------------------------------------------
  function optionsFromElement(el) {
    var o = {widget: el.getAttribute(ATTR)};
    if (el.hasAttribute('data-src')) o.src = el.getAttribute('data-src');
    if (el.hasAttribute('data-lang')) o.lang = el.getAttribute('data-lang');
    if (el.hasAttribute('data-theme')) o.theme = el.getAttribute('data-theme');
    if (el.hasAttribute('data-height')) o.height = el.getAttribute('data-height');
    if (el.hasAttribute('data-text-scale')) o.textScale = el.getAttribute('data-text-scale');
    if (el.hasAttribute('data-fullscreen')) o.fullscreen = el.getAttribute('data-fullscreen') !== 'false';
    if (el.hasAttribute('data-background')) o.background = el.getAttribute('data-background');
    if (el.hasAttribute('data-export')) o.export = el.getAttribute('data-export') !== 'false';
    if (el.hasAttribute('data-present')) o.present = el.getAttribute('data-present') !== 'false';
    return o;
  }

  // Options that cannot be used are dropped with a console warning; the widget uses the default instead.
  var THEMES = {auto: 1, light: 1, dark: 1, 'high-contrast': 1};
  function checkOptions(o) {
    function drop(key, why) {
      console.warn('[stemcell-widgets] option ' + key + ': ' + why + '; using the default.');
      delete o[key];
    }
    function shown(v) { v = String(v); return '"' + (v.length > 40 ? v.slice(0, 40) + '…' : v) + '"'; }
    if (o.theme !== undefined && !THEMES[String(o.theme)]) drop('theme', 'expected "auto", "light", "dark" or "high-contrast", got ' + shown(o.theme));
    if (o.lang !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(String(o.lang))) drop('lang', 'expected a language code like "en", "es" or "pt-BR", got ' + shown(o.lang));
    if (o.textScale !== undefined) {
      var t = Number(o.textScale);
      if (!(t >= 0.75 && t <= 2)) drop('textScale', 'expected a number from 0.75 to 2, got ' + shown(o.textScale));
    }
    if (o.height !== undefined) {
      var hv = typeof o.height === 'number' ? o.height + 'px' : String(o.height);
      var probe = document.createElement('div').style;
      probe.height = hv;
      if (!probe.height || (typeof o.height === 'number' && !(o.height > 0))) drop('height', 'expected a CSS height like "480px" or a number of pixels, got ' + shown(o.height));
    }
  }

  function mount(el, options) {
    if (!el || el.nodeType !== 1) return Promise.reject(new TypeError('StemCellWidgets.mount: the first argument must be an element.'));
    var opts = {};
    var fromAttrs = el.hasAttribute(ATTR) ? optionsFromElement(el) : {};
    Object.keys(fromAttrs).forEach(function (k) { opts[k] = fromAttrs[k]; });
    Object.keys(options || {}).forEach(function (k) { if (options[k] !== undefined) opts[k] = options[k]; });
    checkOptions(opts);
    var old = handles.get(el);
    if (old) old.destroy();
    // The module starts loading (fetch and streaming compile, off the main thread) before the handle is built.
    if (opts.widget) loadModule(opts.widget).catch(function () { /* shown by the handle's own start */ });
    var h = new Handle(el, opts);
    handles.set(el, h);
    if (opts.widget && !mod && factory && canDraw()) warmGlyphs(el);
    if (!opts.widget) {
      var err = WidgetError('No widget kind given: set data-stemcell-widget="…" or mount(el, {widget: "…"}).', '', null, h);
      h._showError(err.message, '');
      h._dispatch('error', {message: err.message, path: '', problems: err.problems});
      return Promise.reject(err);
    }
    if (h.strayJson && opts.data === undefined && !opts.src && !el.querySelector(':scope > script[type="application/json"]')) {
      var msg = 'This widget\'s content was pasted into the page as text, but the <script type="application/json"> tag ' +
        'around it is gone: the site (a CMS or its editor) probably removed it. On WordPress use the Stem Cell ' +
        'Widgets plugin ([stemcell] shortcode or block); elsewhere put the JSON in a file and point data-src at it.';
      var stray = WidgetError(msg, '', null, h);
      h._showError(msg, '');
      h._dispatch('error', {message: msg, path: '', problems: stray.problems});
      return Promise.reject(stray);
    }
    h.started = h._start();  // a failure is shown and sent as one stemcell:error by _start (Handle._report)
    h.started.catch(function () {});
    return h.started;
  }

  function autoMount(el) {
    if (handles.has(el)) return;
    mount(el).catch(function () { /* shown in the element and sent as stemcell:error */ });
  }

  // Lazy start: the module loads when the first widget comes within 200px of the viewport.
  function scan(rootNode) {
    var list = [];
    if (rootNode.nodeType === 1 && rootNode.hasAttribute(ATTR)) list.push(rootNode);
    if (rootNode.querySelectorAll) list.push.apply(list, rootNode.querySelectorAll('[' + ATTR + ']'));
    scanSteps(rootNode);
    list.forEach(function (el) {
      if (handles.has(el)) return;
      if (lazyObserver && !modulePromise) lazyObserver.observe(el);
      else autoMount(el);
    });
    // A widget already within 200px of the viewport starts now: the observer reports only after the next
    // rendering update (5-25 ms later), and the module's download would wait for it.
    if (lazyObserver && !modulePromise && list.some(function (el) {
      if (!el.getClientRects().length) return false;  // no box (display: none): the observer would not report it
      var r = el.getBoundingClientRect();
      return r.bottom >= -200 && r.top <= innerHeight + 200 && r.right >= -200 && r.left <= innerWidth + 200;
    })) mountWaiting();
  }
  function mountWaiting() {
    if (!lazyObserver) return;
    lazyObserver.disconnect();
    lazyObserver = null;
    Array.prototype.forEach.call(document.querySelectorAll('[' + ATTR + ']'), autoMount);
  }

  function start() {
    if (typeof IntersectionObserver === 'function') {
      lazyObserver = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) mountWaiting();
      }, {rootMargin: '200px'});
    }
    scan(document);
    if (typeof MutationObserver === 'function') {
      new MutationObserver(function (records) {
        records.forEach(function (r) {
          Array.prototype.forEach.call(r.addedNodes, function (n) { if (n.nodeType === 1) scan(n); });
          Array.prototype.forEach.call(r.removedNodes, function (n) {
            if (n.nodeType !== 1) return;
            handles.forEach(function (h, el) { if (!el.isConnected && (n === el || n.contains(el))) h.destroy(); });
          });
        });
      }).observe(document.documentElement, {childList: true, subtree: true});
    }
    // Printing: each widget prints its current picture (an <img> made from the canvas) and its full HTML copy.
    var printing = function () { handles.forEach(function (h) { h._printPicture(); }); };
    window.addEventListener('beforeprint', printing);
    var pm = media('print');
    if (pm && pm.addEventListener) pm.addEventListener('change', function (e) { if (e.matches) printing(); });
    // Follow the reader's settings: colour scheme, contrast, reduced motion, and zoom / screen changes.
    ['(prefers-color-scheme: dark)', '(prefers-contrast: more)', '(forced-colors: active)', '(prefers-reduced-motion: reduce)'].forEach(function (q) {
      var m = media(q);
      if (m && m.addEventListener) m.addEventListener('change', function () { handles.forEach(function (h) { h._applyTheme(); }); });
    });
    watchPixelRatio();
    window.addEventListener('resize', ratioChanged);
    // A web font that finishes loading after the glyphs were drawn: draw them again in the real font.
    if (document.fonts && document.fonts.addEventListener)
      document.fonts.addEventListener('loadingdone', function () {
        glyphFaces = {};
        modules.forEach(function (e) { e.promise.then(function (m) { m._scw_fonts_changed(); }, function () {}); });
      });
  }

  // Zoom or a move to another screen changes devicePixelRatio: browsers fire a resolution media-query change and,
  // on zoom, a window resize. Either one re-sizes every widget's canvas to the new pixel density.
  var lastRatio = window.devicePixelRatio || 1;
  function ratioChanged() {
    var r = window.devicePixelRatio || 1;
    if (r === lastRatio) return;
    lastRatio = r;
    handles.forEach(function (h) { h._resize(); });
    watchPixelRatio();
  }
  var ratioQuery = null;
  function watchPixelRatio() {
    if (ratioQuery) ratioQuery.removeEventListener('change', ratioChanged);
    ratioQuery = media('(resolution: ' + lastRatio + 'dppx)');
    if (ratioQuery && ratioQuery.addEventListener) ratioQuery.addEventListener('change', ratioChanged);
  }

  window.StemCellWidgets = {
    version: VERSION,
    mount: mount,
    get: function (el) { return handles.get(el) || null; },
    // Settings for the whole page, before the first widget starts: {wasmUrl}. Returns the settings in force.
    config: function (o) {
      if (o && o.wasmUrl !== undefined) {
        if (modules.length) console.warn('[stemcell-widgets] config({wasmUrl}) comes too late: the module is already loading.');
        else settings.wasmUrl = String(o.wasmUrl || '');
      }
      return {wasmUrl: settings.wasmUrl || wasmUrlFor('stemcell-widgets.wasm')};
    },
    // Diagnostics for tests and benchmarks (not part of the stable contract).
    debug: {
      stats: function () { return mod ? JSON.parse(mod.UTF8ToString(mod._scw_stats())) : null; },
      loseContext: function () {
        var gl = mod && mod.scwGl && mod.scwGl.canvas.getContext('webgl2');
        var ext = gl && gl.getExtension('WEBGL_lose_context');
        if (ext) ext.loseContext();
        return ext || null;
      },
      moduleLoaded: function () { return !!mod; },
      // The module's memory in bytes (it grows, never shrinks, up to its maximum): null before the module loads.
      memoryBytes: function () { return mod ? mod._scw_memory_bytes() : null; },
      refreshesPending: function () { return refreshesPending; },
      steps: function () { return extras ? extras.steps() : 0; },
      extrasLoaded: function () { return !!extras; }
    }
  };

  // <stemcell-widget widget="risk-chart" src lang theme height text-scale fullscreen background>: the same widget as
  // the div form; a changed attribute mounts it again with the new options.
  var ELEMENT_ATTRS = {widget: 'widget', src: 'src', lang: 'lang', theme: 'theme', height: 'height',
    'text-scale': 'textScale', fullscreen: 'fullscreen', background: 'background', present: 'present'};
  function optionsFromCustomElement(el) {
    var o = {};
    Object.keys(ELEMENT_ATTRS).forEach(function (a) {
      if (!el.hasAttribute(a)) return;
      var v = el.getAttribute(a);
      o[ELEMENT_ATTRS[a]] = a === 'fullscreen' || a === 'present' ? v !== 'false' : v;
    });
    return o;
  }
  if (window.customElements && typeof Reflect === 'object' && !window.customElements.get('stemcell-widget')) {
    var StemCellElement = function () { return Reflect.construct(HTMLElement, [], StemCellElement); };
    StemCellElement.prototype = Object.create(HTMLElement.prototype);
    StemCellElement.prototype.constructor = StemCellElement;
    Object.setPrototypeOf(StemCellElement, HTMLElement);
    Object.defineProperty(StemCellElement, 'observedAttributes', {get: function () { return Object.keys(ELEMENT_ATTRS); }});
    StemCellElement.prototype._mount = function () {
      var self = this;
      if (!this.style.display) this.style.display = 'block';
      mount(this, optionsFromCustomElement(this)).catch(function () { /* shown in the element and sent as stemcell:error */ });
      self._mounted = true;
    };
    StemCellElement.prototype.connectedCallback = function () {
      var self = this;
      if (handles.has(this)) return;
      // Wait for the parser to finish the element's children (an inline JSON script) before mounting.
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { if (self.isConnected && !handles.has(self)) self._mount(); });
      else Promise.resolve().then(function () { if (self.isConnected && !handles.has(self)) self._mount(); });
    };
    StemCellElement.prototype.disconnectedCallback = function () {
      var h = handles.get(this);
      if (h) h.destroy();
    };
    StemCellElement.prototype.attributeChangedCallback = function (name, before, after) {
      if (before === after || !this.isConnected || !handles.has(this)) return;
      this._mount();
    };
    window.customElements.define('stemcell-widget', StemCellElement);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
