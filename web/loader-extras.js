/* stemcell-widgets extras — what a reader rarely needs on load, split from web/loader.js (issue 11: the download).
 *
 * The keyboard help dialog, the presenter toolbar and full screen (data-present, data-fullscreen), setState and
 * the scroll-driven steps (data-stemcell-for), toPNG and "Save image", and the chrome words only those use. The
 * page's stemcell-widgets.js fetches this file (stemcell-widgets.extras.js, beside it, with its ?ver=…) as a
 * same-origin <script src> on the first use of any of them, or while the module loads when the page asks for one
 * (a toolbar, steps); the offline bundle carries it inside (--extern-pre-js) and never fetches it.
 *
 * It defines one global, StemCellWidgetsExtras(core): the loader calls it once with its internals (the Handle
 * prototype, the handles, helpers) and gets back what it calls itself. No eval, no inline code, no <style>:
 * like the loader, it runs under `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
 */
(function () {
  'use strict';
  if (typeof window === 'undefined' || window.StemCellWidgetsExtras) return;

  window.StemCellWidgetsExtras = function (core) {
    var Handle = core.Handle, handles = core.handles, WidgetError = core.WidgetError, call = core.call;
    var lastError = core.lastError, toolbarButton = core.toolbarButton, styleButton = core.styleButton;
    var isDark = core.isDark;

    // The chrome's words these features show (English fallbacks; the document's `strings` in its language win).
    var words = {
      fullScreen: 'Full screen', exitFullScreen: 'Exit full screen', keyboardTitle: 'Keyboard keys',
      previousStep: 'Previous', nextStep: 'Next', close: 'Close',
      imageSource: 'Source: {page}. Educational content, not medical advice.',
      help_arrows: 'Arrow keys: move between the items',
      help_cells: 'Left and Right arrows: every filter and cell in reading order; Up and Down: the layer above or below',
      help_timeline: 'Up and Down arrows: the controls, the phases, the milestones; Left and Right: the previous or next one (on the phases the day moves)',
      help_homeEnd: 'Home and End: the first and the last item', help_enter: 'Enter or Space: select the item, or press the button',
      help_escape: 'Escape: clear the selection', help_pages: 'Page Down and Page Up: the next or previous step (in full screen, or when presenting)',
      help_help: 'Question mark: this list of keys', help_tab: 'Tab: leave the widget'
    };
    Object.keys(words).forEach(function (k) { core.CHROME_EN[k] = words[k]; });
    var HELP_ROWS = {
      'cell-diagram': ['help_cells', 'help_homeEnd', 'help_enter', 'help_escape', 'help_pages', 'help_help', 'help_tab'],
      'hsct-timeline': ['help_timeline', 'help_homeEnd', 'help_enter', 'help_escape', 'help_pages', 'help_help', 'help_tab'],
      'risk-chart': ['help_arrows', 'help_homeEnd', 'help_enter', 'help_escape', 'help_pages', 'help_help', 'help_tab']
    };
    core.addRules([
      '.scw-bar button:focus-visible,.scw-help button:focus-visible{outline:3px solid var(--scw-ring,#0b57d0);outline-offset:2px}',
      '.scw-help{max-width:min(40rem,92vw);border:1px solid currentColor;border-radius:10px;padding:16px 20px;font:16px/1.5 system-ui,sans-serif}',
      '.scw-help::backdrop{background:rgba(0,0,0,.45)}'
    ]);
    // A widget whose words were read before these keys existed reads them again (the document's translations).
    Handle.prototype._ensureStrings = function () {
      if (this.id && this.stringKeys !== core.chromeKeys()) this._applyStrings();
    };

    // ---- the presenter toolbar and full screen (issue 13) ----------------------------------------------------
    // Teachers: a toolbar above the widget. `fullscreen` adds Full screen; `present` (data-present) adds Previous and
    // Next, which step through the widget (as PageDown / PageUp do); both add Keyboard (the list of keys). In full
    // screen the page's element itself fills the screen, so the toolbar (with Exit full screen, Previous and Next)
    // stays on screen and Tab stays inside it. The widget scales its text up for the projector. Built before the
    // widget's first frame (the loader waits for this file beside the module), above the canvas.
    var FULLSCREEN_TEXT_SCALE = 1.15;
    Handle.prototype._buildToolbar = function () {
      var self = this, el = this.element;
      var canFull = !!(this.opts.fullscreen && document.fullscreenEnabled);
      if (this.toolbar || this.destroyed || (!canFull && !this.opts.present)) return;
      var bar = core.toolbar('marginBottom');
      bar.className = 'scw-bar';
      bar.setAttribute('role', 'toolbar');
      this.prevButton = toolbarButton(bar, this._t('previousStep'));
      this.nextButton = toolbarButton(bar, this._t('nextStep'));
      this.prevButton.addEventListener('click', function () { self.step(-1); });
      this.nextButton.addEventListener('click', function () { self.step(1); });
      this.keysButton = toolbarButton(bar, this._t('keyboardButton'));
      this.keysButton.addEventListener('click', function () { self._openHelp(self.keysButton); });
      if (canFull) {
        var btn = this.fsButton = toolbarButton(bar, this._t('fullScreen'));
        btn.addEventListener('click', function () {
          if (self._fullscreenOn()) document.exitFullscreen();
          else if (el.requestFullscreen) el.requestFullscreen().catch(function () {});
        });
        this._onFullscreen = function () { self._fullscreenChanged(); };
        document.addEventListener('fullscreenchange', this._onFullscreen);  // removed by destroy()
        // In full screen: PageDown / PageUp step (a presentation clicker) wherever the focus is, and Tab cycles
        // through the full-screen element only.
        this._onFullscreenKey = function (e) {
          if (!self._fullscreenOn()) return;
          if (e.key === 'Tab') self._trapTab(e, el);
          else if ((e.key === 'PageDown' || e.key === 'PageUp') && !e.altKey && !e.ctrlKey && !e.metaKey) {
            e.preventDefault(); e.stopPropagation();
            self.step(e.key === 'PageDown' ? 1 : -1);
          }
        };
        document.addEventListener('keydown', this._onFullscreenKey, true);  // removed by destroy()
      }
      if (this.opts.present) {
        // Presenting in the page: PageDown / PageUp from anywhere inside the widget's element step it.
        this._onPresentKey = function (e) {
          if ((e.key === 'PageDown' || e.key === 'PageUp') && !e.altKey && !e.ctrlKey && !e.metaKey && !self._fullscreenOn()) {
            e.preventDefault(); e.stopPropagation();
            self.step(e.key === 'PageDown' ? 1 : -1);
          }
        };
        el.addEventListener('keydown', this._onPresentKey, true);  // removed by destroy()
      } else {
        this.prevButton.hidden = true; this.nextButton.hidden = true;  // shown in full screen only
      }
      el.insertBefore(bar, this.root);
      this.toolbar = bar;
      // The toolbar sits inside the element: the widget takes the rest of the page's height, not all of it.
      if (this.root.style.height === '100%') this.root.style.height = 'calc(100% - ' + (bar.offsetHeight + 4) + 'px)';
      this._applyStrings();
    };
    Handle.prototype._fullscreenChanged = function () {
      var on = this._fullscreenOn(), el = this.element, root = this.root;
      if (on === !!this._fsSaved) return;
      if (on) {
        this._fsSaved = {el: el.getAttribute('style'), root: root.style.height};
        var es = el.style;
        es.display = 'flex'; es.flexDirection = 'column'; es.boxSizing = 'border-box';
        es.background = this.lastBackground || (core.prefersDark() ? '#14181f' : '#ffffff');
        es.color = isDark(this.lastBackgroundRgb) ? '#eef1f5' : '#1d2430';
        root.style.height = 'auto'; root.style.flex = '1 1 auto'; root.style.minHeight = '0';
        if (this.toolbar) this.toolbar.style.padding = '6px 8px 0';
        this._toolbarSize(20);  // readable from the back of the room too
        if (!this.opts.present) { this.prevButton.hidden = false; this.nextButton.hidden = false; }
        this._setTextScale(FULLSCREEN_TEXT_SCALE);
        this.canvas.focus();
      } else {
        if (this._fsSaved.el === null) el.removeAttribute('style'); else el.setAttribute('style', this._fsSaved.el);
        root.style.height = this._fsSaved.root; root.style.flex = ''; root.style.minHeight = '';
        if (this.toolbar) this.toolbar.style.padding = '';
        this._toolbarSize(14);
        if (!this.opts.present) { this.prevButton.hidden = true; this.nextButton.hidden = true; }
        this._fsSaved = null;
        this._setTextScale(1);
      }
      this._applyStrings();
    };
    Handle.prototype._toolbarSize = function (px) {
      if (!this.toolbar) return;
      Array.prototype.forEach.call(this.toolbar.querySelectorAll('button'), function (b) {
        b.style.fontSize = px + 'px'; b.style.padding = Math.round(px * 0.45) + 'px ' + Math.round(px * 0.85) + 'px';
      });
    };
    // The page's textScale times `factor` (full screen raises it for a projected room).
    Handle.prototype._setTextScale = function (factor) {
      if (!this.id || !this.mod) return;
      var base = this.opts.textScale !== undefined ? Number(this.opts.textScale) : 1;
      call(this.mod, '_scw_set_option', this.id, 'textScale', String(Math.min(2, base * factor)));
    };
    // Tab and Shift+Tab cycle through what can take focus inside `box`.
    Handle.prototype._trapTab = function (e, box) {
      var list = Array.prototype.filter.call(box.querySelectorAll('button, canvas[tabindex], a[href], [tabindex="0"]'), function (n) {
        return !n.disabled && !n.hidden && n.tabIndex >= 0 && n.getClientRects().length > 0;
      });
      if (!list.length) return;
      var at = list.indexOf(document.activeElement);
      var next = at < 0 ? 0 : (at + (e.shiftKey ? list.length - 1 : 1)) % list.length;
      e.preventDefault();
      list[next].focus();
    };

    // ---- the keyboard help (issue 13) --------------------------------------------------------------------------
    // A modal <dialog> (focus stays inside, Escape closes) in the widget's language.
    Handle.prototype._showHelp = function (opener) {
      var self = this;
      if (!this.help) {
        var d = this.help = document.createElement('dialog');
        d.className = 'scw-help';
        var title = this.helpTitle = document.createElement('h2');
        title.id = this.canvas.id + '-keys';
        title.style.margin = '0 0 8px'; title.style.fontSize = '1.25em';
        d.setAttribute('aria-labelledby', title.id);
        d.appendChild(title);
        this.helpList = document.createElement('ul');
        this.helpList.style.margin = '0 0 12px'; this.helpList.style.paddingLeft = '1.2em';
        d.appendChild(this.helpList);
        var close = this.helpClose = document.createElement('button');
        close.type = 'button';
        styleButton(close);
        close.addEventListener('click', function () { d.close(); });
        d.appendChild(close);
        d.addEventListener('keydown', function (e) { if (e.key === 'Tab') self._trapTab(e, d); });
        d.addEventListener('close', function () { if (self.helpOpener && self.helpOpener.isConnected) self.helpOpener.focus(); });
        this.element.appendChild(d);
        this._ensureStrings();
        this._fillHelp();
      }
      this.helpOpener = opener || this.canvas;
      this.help.lang = this.root.lang || '';
      if (!this.help.open) {
        if (this.help.showModal) this.help.showModal(); else this.help.setAttribute('open', '');
      }
      this.helpClose.focus();
    };
    Handle.prototype._fillHelp = function () {
      var self = this;
      var kind = this._kindName();
      this.helpTitle.textContent = this._t('keyboardTitle') + ': ' + kind;
      while (this.helpList.firstChild) this.helpList.removeChild(this.helpList.firstChild);
      (HELP_ROWS[this.kind] || ['help_arrows', 'help_homeEnd', 'help_enter', 'help_escape', 'help_help', 'help_tab']).forEach(function (k) {
        var li = document.createElement('li');
        li.textContent = self._t(k);
        self.helpList.appendChild(li);
      });
      this.helpClose.textContent = this._t('close');
    };

    // ---- setState (issue 14) ------------------------------------------------------------------------------
    // Sets the keys of state() a reader can change. Resolves with the new state; rejects with an error naming an
    // unknown key or id (nothing changes then). A widget still loading applies it once its content is in.
    Handle.prototype._setState = function (partial) {
      var self = this;
      if (this.destroyed) return Promise.reject(WidgetError('This widget was destroyed.'));
      if (!partial || typeof partial !== 'object' || Array.isArray(partial))
        return Promise.reject(WidgetError('setState expects an object like {selected: "…"}, got ' + (Array.isArray(partial) ? 'a list' : String(partial)) + '.'));
      var text;
      try { text = JSON.stringify(partial); } catch (e) { return Promise.reject(WidgetError('setState: the state cannot be written as JSON (' + e.message + ').')); }
      var ready = this.id && !this.pending && this.readyFired ? Promise.resolve() : (this.started || Promise.reject(WidgetError('The widget has not started.')));
      return ready.then(function () {
        if (self.destroyed) throw WidgetError('This widget was destroyed.');
        if (!call(self.mod, '_scw_set_state', self.id, text)) throw WidgetError(lastError(self.mod), '', null, self);
        return self.state();
      });
    };

    // ---- scroll-driven steps (issue 14) ---------------------------------------------------------------------
    // <p data-stemcell-for="ID" data-stemcell-state='{"day": 0}'> sets that state on the widget in the element with
    // id ID when the step crosses the middle of the viewport, scrolling down or back up. One IntersectionObserver
    // watches a one-pixel line across the middle (rootMargin -50%): it only reads the scroll, never moves it, and
    // the steps stay ordinary page content for reading order and keyboard. Animation follows the widget's own
    // reduced-motion setting.
    var STEP_ATTR = 'data-stemcell-for';
    var stepObserver = null;
    var stepElements = [];
    function scanSteps(rootNode) {
      if (typeof IntersectionObserver !== 'function') return;
      var list = [];
      if (rootNode.nodeType === 1 && rootNode.hasAttribute(STEP_ATTR)) list.push(rootNode);
      if (rootNode.querySelectorAll) list.push.apply(list, rootNode.querySelectorAll('[' + STEP_ATTR + ']'));
      if (!list.length) return;
      if (!stepObserver) stepObserver = new IntersectionObserver(stepsCrossed, {rootMargin: '-50% 0px -50% 0px', threshold: 0});
      list.forEach(function (el) {
        if (stepElements.indexOf(el) >= 0) return;
        stepElements.push(el);
        stepObserver.observe(el);
      });
    }
    function stepsCrossed(entries) {
      stepElements = stepElements.filter(function (el) {
        if (el.isConnected) return true;
        stepObserver.unobserve(el);
        return false;
      });
      entries.filter(function (e) { return e.isIntersecting && e.target.isConnected; })
        .map(function (e) { return e.target; })
        .sort(function (a, b) { return a.compareDocumentPosition(b) & 4 ? -1 : 1; })  // document order
        .forEach(applyStep);
    }
    function applyStep(step) {
      var id = step.getAttribute(STEP_ATTR) || '';
      var target = id ? document.getElementById(id) : null;
      function problem(message) {
        console.warn('[stemcell-widgets] ' + message);
        (target || step).dispatchEvent(new CustomEvent('stemcell:error', {bubbles: true,
          detail: {message: message, path: '', problems: [{path: '', message: message}], step: step}}));
      }
      if (!target) return problem('A step has data-stemcell-for="' + id.slice(0, 60) + '", but the page has no element with that id.');
      var state;
      try { state = JSON.parse(step.getAttribute('data-stemcell-state') || ''); } catch (e) {
        return problem('The data-stemcell-state of a step for "' + id.slice(0, 60) + '" is not JSON like \'{"day": 0}\' (' + e.message + ').');
      }
      if (!handles.has(target) && target.hasAttribute(core.ATTR)) core.autoMount(target);
      var h = handles.get(target);
      if (!h) return problem('The element "' + id.slice(0, 60) + '" that a step points at is not a widget.');
      stepElements.forEach(function (el) { if (el.getAttribute(STEP_ATTR) === id) el.removeAttribute('data-stemcell-active'); });
      step.setAttribute('data-stemcell-active', '');
      h._setState(state).catch(function (err) { if (!h.destroyed) problem('A step for "' + id.slice(0, 60) + '": ' + err.message); });
    }

    // ---- image export (issue 14) ----------------------------------------------------------------------------
    // handle.toPNG({scale}) -> Promise<Blob>: the current view, drawn again at `scale` image pixels per CSS pixel
    // (1…2; default the screen's, at most 2), with the content's title above it and a source line under it.
    function nextFrame() { return new Promise(function (r) { requestAnimationFrame(function () { r(); }); }); }
    Handle.prototype._toPNG = function (options) {
      var self = this;
      if (this.destroyed) return Promise.reject(WidgetError('This widget was destroyed.'));
      if (!this.id || !this.readyFired) return Promise.reject(WidgetError('toPNG: the widget has not drawn its content yet; wait for mount() to resolve.'));
      var dpr = window.devicePixelRatio || 1;
      var scale = options && options.scale !== undefined ? Number(options.scale) : Math.min(2, dpr);
      if (!(scale > 0 && scale <= 2)) return Promise.reject(WidgetError('toPNG: scale must be a number above 0 and at most 2, got ' + String(options.scale).slice(0, 40) + '.'));
      if (this.textShown) return Promise.reject(WidgetError('toPNG: this widget shows its text version (no graphics), so there is no image to export.'));
      this._ensureStrings();
      var w = this.root.clientWidth, h = this.root.clientHeight;
      // The host's own sizing (shell/viewport.h): no side over 4096 px, keeping the aspect ratio.
      var eff = Math.max(w, h) * scale > 4096 ? 4096 / Math.max(w, h) : scale;
      var pw = Math.max(1, Math.min(4096, Math.round(w * eff))), ph = Math.max(1, Math.min(4096, Math.round(h * eff)));
      var canvas = this.canvas;
      var resized = Math.abs(scale - dpr) > 1e-6;
      if (resized) this.mod._scw_resize(this.id, w, h, scale);
      var tries = 0;
      function drawn() {  // the widget presented a frame at the new size
        if (canvas.width === pw && canvas.height === ph) return Promise.resolve();
        if (++tries > 120) return Promise.reject(WidgetError('toPNG: the widget did not draw at the requested size.'));
        return nextFrame().then(drawn);
      }
      return drawn().then(function () {
        var out = self._composeImage(canvas, scale);
        if (resized) self._resize();
        return new Promise(function (resolve, reject) {
          out.toBlob(function (b) { if (b) resolve(b); else reject(WidgetError('toPNG: the browser could not encode the image.')); }, 'image/png');
        });
      }, function (err) { if (resized) self._resize(); throw err; });
    };
    // Title, the canvas as drawn, source line: a 2D canvas of the canvas's width.
    Handle.prototype._composeImage = function (canvas, scale) {
      var font = core.fontFamilyOf(this.element) || 'system-ui, sans-serif';
      var pad = Math.round(12 * scale), titleSize = Math.round(18 * scale), srcSize = Math.round(12 * scale);
      // The content's title; the built-in content (no text to read it from) is named by the widget's kind, and the
      // source line is the document's `imageSource` (both in the widget's language).
      var kindName = this._kindName();
      var title = this.contentTitle || kindName.charAt(0).toUpperCase() + kindName.slice(1);
      var what = (this.live.textContent || '').trim();
      var page = (document.title ? document.title + ' — ' : '') + location.host + location.pathname;
      var source = this._t('imageSource', {page: page});
      var top = pad + titleSize + (what ? Math.round(6 * scale) + srcSize + Math.round(2 * scale) : 0) + pad;
      var bottom = pad + srcSize + pad;
      var out = document.createElement('canvas');
      out.width = canvas.width; out.height = top + canvas.height + bottom;
      var g = out.getContext('2d');
      g.drawImage(canvas, 0, top);
      var px = g.getImageData(1, top + 1, 1, 1).data;  // the widget's own background, for the bands around it
      var bg = 'rgb(' + px[0] + ',' + px[1] + ',' + px[2] + ')';
      g.fillStyle = bg; g.fillRect(0, 0, out.width, top); g.fillRect(0, top + canvas.height, out.width, bottom);
      g.fillStyle = isDark([px[0], px[1], px[2]]) ? '#eef1f5' : '#1d2430'; g.textBaseline = 'top';
      function fit(text, size, weight) {
        g.font = weight + ' ' + size + 'px ' + font;
        var max = out.width - 2 * pad;
        if (g.measureText(text).width <= max) return text;
        while (text.length > 1 && g.measureText(text + '…').width > max) text = text.slice(0, -1);
        return text + '…';
      }
      g.fillText(fit(title, titleSize, '600'), pad, pad);
      if (what) g.fillText(fit(what, srcSize, '400'), pad, pad + titleSize + Math.round(6 * scale));
      g.fillText(fit(source, srcSize, '400'), pad, top + canvas.height + pad);
      return out;
    };
    // What the image shows, for its file name: "risk-chart-treatment-related-death-allo-hsct.png".
    Handle.prototype.imageName = function () {
      var st = this.state();
      var parts = [this.kind];
      if (st.variant) parts.push(st.variant, 'day', String(st.day));
      else if (st.therapy && !st.selected) parts.push(st.therapy);
      if (st.selected) parts.push(st.selected);
      if (st.view && !st.selected) parts.push(st.view);
      return parts.join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) + '.png';
    };
    // "Save image" (data-export): the PNG, downloaded under that name.
    Handle.prototype._saveImage = function () {
      var self = this;
      return this._toPNG().then(function (blob) {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = self.imageName();
        document.body.appendChild(a);
        a.click();
        a.parentNode.removeChild(a);
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
      });
    };

    return {scanSteps: scanSteps, steps: function () { return stepElements.length; }};
  };
})();
