// Loads the widget bundle for the studio: from disk (file://) the offline bundle with the wasm inlined, since
// browsers fetch no separate .wasm there; from a web server the normal one. Written by the parser so it runs
// before the deferred studio.js, with its own URL as document.currentScript (the .wasm is found beside it).
(function () {
  var offline = location.protocol === 'file:';
  document.write('<script src="' + (offline ? 'stemcell-widgets.offline.js' : 'stemcell-widgets.js') + '"><\/script>');
})();
