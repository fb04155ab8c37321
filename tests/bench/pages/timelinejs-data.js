// A 7-event timeline, the comparison IMGUI-ON-THE-WEB.md names. Marks the first render for the benchmark.
(function () {
  var phases = ['Mobilisation', 'Collection', 'Conditioning', 'Day 0: cells given back', 'Low blood counts',
                'Engraftment', 'Recovery'];
  var events = phases.map(function (p, i) {
    return { start_date: { year: 2024, month: 1 + i, day: 1 }, text: { headline: p, text: 'Phase ' + (i + 1) + ' of a transplant.' } };
  });
  var tl = new TL.Timeline('tl', { title: { text: { headline: 'A transplant', text: 'Seven steps' } }, events: events },
    { script_path: '/tljs/js/', language: 'en', font: null });
  tl.on('loaded', function () { requestAnimationFrame(function () { window.__firstFrame = performance.now(); }); });
})();
