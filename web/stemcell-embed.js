/* stemcell-embed.js — iframe embeds of the stem-cell widgets (no wasm here; small).
 *
 * On a host page (a blog, an LMS page that allows one script):
 *   <iframe data-stemcell-embed src="https://your.site/widgets/embed.html?widget=risk-chart" style="width:100%;border:0" height="500"
 *           title="Risks of stem-cell therapies"></iframe>
 *   <script src="https://your.site/widgets/stemcell-embed.js" defer></script>
 * resizes every iframe[data-stemcell-embed] to the height its widget reports ({type: 'stemcell:resize', height}),
 * accepting a message only from that iframe's own window. Without this script the iframe keeps its given height
 * and the widget fills it.
 *
 * Inside embed.html (<html data-stemcell-embed-page>) the same file builds the page's one widget from the query
 * string (widget, src, lang, theme, textScale, height, fullscreen, present, background) and reports its height.
 */
(function () {
  'use strict';
  if (typeof window === 'undefined' || typeof document === 'undefined') return;
  var RESIZE = 'stemcell:resize', SIZED = 'stemcell:embed-sized';

  // ---- inside the iframe: the embed page --------------------------------------------------------------------
  if (document.documentElement.hasAttribute('data-stemcell-embed-page')) {
    var q = new URLSearchParams(location.search);
    var el = document.getElementById('scw-embed');
    var param = function (a, b) { return q.get(a) !== null ? q.get(a) : b ? q.get(b) : null; };
    el.setAttribute('data-stemcell-widget', param('widget') || '');
    var map = {src: 'data-src', lang: 'data-lang', theme: 'data-theme', height: 'data-height', background: 'data-background'};
    Object.keys(map).forEach(function (k) { if (param(k) !== null) el.setAttribute(map[k], param(k)); });
    if (param('textScale', 'text-scale') !== null) el.setAttribute('data-text-scale', param('textScale', 'text-scale'));
    ['fullscreen', 'present'].forEach(function (k) {  // ?fullscreen, ?present=1: on; absent or =false: off
      if (param(k) !== null && param(k) !== 'false' && param(k) !== '0') el.setAttribute('data-' + k, '');
    });
    if (param('lang')) document.documentElement.lang = param('lang');
    var hs = document.documentElement.style, bs = document.body.style;
    hs.margin = bs.margin = '0';
    bs.overflow = 'hidden';  // the frame is sized to the content (with the helper) or the widget fills it
    // Without the helper the widget fills the frame; once the parent's helper answers, the frame follows the widget.
    var fill = function (on) {
      hs.height = bs.height = on ? '100%' : '';
      el.style.height = on && !param('height') ? '100%' : '';
    };
    fill(true);
    var last = -1;
    var report = function () {
      var h = Math.ceil(el.getBoundingClientRect().height);
      if (h === last || h <= 0 || window.parent === window) return;
      last = h;
      window.parent.postMessage({type: RESIZE, height: h}, '*');
    };
    window.addEventListener('message', function (e) {
      if (e.source !== window.parent || !e.data || e.data.type !== SIZED || !hs.height) return;
      fill(false);
      // The widget measured its element when it started: mount it again to take its height from its width.
      if (window.StemCellWidgets && StemCellWidgets.get(el)) StemCellWidgets.mount(el).catch(function () {});
      report();
    });
    if (typeof ResizeObserver === 'function') new ResizeObserver(report).observe(el);
    window.addEventListener('load', report);
    return;
  }

  // ---- on the host page: the helper -------------------------------------------------------------------------
  var frames = [];
  function adopt(f) {
    if (frames.indexOf(f) >= 0) return;
    frames.push(f);
    var hello = function () { if (f.contentWindow) f.contentWindow.postMessage({type: SIZED}, '*'); };
    f.addEventListener('load', hello);
    hello();
  }
  function scan() { Array.prototype.forEach.call(document.querySelectorAll('iframe[data-stemcell-embed]'), adopt); }
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || d.type !== RESIZE || typeof d.height !== 'number' || !isFinite(d.height)) return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (!f.isConnected || f.contentWindow !== e.source) continue;  // only the iframe's own window
      f.style.height = Math.max(50, Math.min(5000, Math.round(d.height))) + 'px';
      if (!f.hasAttribute('data-stemcell-sized')) { f.setAttribute('data-stemcell-sized', ''); f.contentWindow.postMessage({type: SIZED}, '*'); }
    }
  });
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  if (typeof MutationObserver === 'function')
    new MutationObserver(scan).observe(document.documentElement, {childList: true, subtree: true});
})();
