/* The stemcell/widget block in the editor: a placeholder naming the widget, and its options in the block sidebar.
 * The page shows the real widget (rendered on the server by stemcell_widgets_render_block). No build step. */
(function (wp) {
  'use strict';
  var el = wp.element.createElement;
  var __ = wp.i18n.__;
  var C = wp.components;
  var InspectorControls = wp.blockEditor.InspectorControls;
  var useBlockProps = wp.blockEditor.useBlockProps;

  var KINDS = [
    {label: __('Risk chart', 'stemcell-widgets'), value: 'risk-chart'},
    {label: __('Transplant timeline', 'stemcell-widgets'), value: 'hsct-timeline'},
    {label: __('Cell diagram', 'stemcell-widgets'), value: 'cell-diagram'},
    {label: __('All three, linked (explainer)', 'stemcell-widgets'), value: 'explainer'}
  ];
  var THEMES = [
    {label: __('Follow the page', 'stemcell-widgets'), value: ''},
    {label: __('Light', 'stemcell-widgets'), value: 'light'},
    {label: __('Dark', 'stemcell-widgets'), value: 'dark'},
    {label: __('High contrast', 'stemcell-widgets'), value: 'high-contrast'}
  ];

  wp.blocks.registerBlockType('stemcell/widget', {
    edit: function (props) {
      var a = props.attributes;
      var set = function (key) { return function (v) { var o = {}; o[key] = v; props.setAttributes(o); }; };
      var name = (KINDS.filter(function (k) { return k.value === a.widget; })[0] || {label: a.widget}).label;
      return el('div', useBlockProps({style: {border: '1px dashed #8c8f94', padding: '24px', minHeight: '120px'}}),
        el(InspectorControls, null,
          el(C.PanelBody, {title: __('Widget', 'stemcell-widgets'), initialOpen: true},
            el(C.SelectControl, {label: __('Kind', 'stemcell-widgets'), value: a.widget, options: KINDS, onChange: set('widget')}),
            el(C.TextControl, {label: __('Content URL (data-src, a .json file)', 'stemcell-widgets'), value: a.src, onChange: set('src'),
              help: __('Upload the .json file to the Media Library and paste its address. Empty: the built-in content.', 'stemcell-widgets')}),
            el(C.TextControl, {label: __('Language (e.g. es)', 'stemcell-widgets'), value: a.lang, onChange: set('lang')}),
            el(C.SelectControl, {label: __('Theme', 'stemcell-widgets'), value: a.theme, options: THEMES, onChange: set('theme')}),
            el(C.TextControl, {label: __('Background (a colour, or transparent)', 'stemcell-widgets'), value: a.background, onChange: set('background')}),
            el(C.TextControl, {label: __('Height (e.g. 600px; empty: from the width)', 'stemcell-widgets'), value: a.height, onChange: set('height')}),
            el(C.TextControl, {label: __('Text size (0.75 to 2)', 'stemcell-widgets'), value: a.textScale, onChange: set('textScale')}),
            el(C.ToggleControl, {label: __('Full-screen button', 'stemcell-widgets'), checked: !!a.fullscreen, onChange: set('fullscreen')}),
            el(C.ToggleControl, {label: __('Presenter mode (Previous and Next; Page Down and Page Up step)', 'stemcell-widgets'), checked: !!a.present, onChange: set('present')})),
          el(C.PanelBody, {title: __('Inline content (JSON)', 'stemcell-widgets'), initialOpen: false},
            el(C.TextareaControl, {label: __('JSON document (instead of a URL)', 'stemcell-widgets'), value: a.data, rows: 8, onChange: set('data')}))),
        el('strong', null, __('Stem cell widget: ', 'stemcell-widgets') + name),
        el('p', null, a.src ? a.src : a.data ? __('Inline content', 'stemcell-widgets') : __('Built-in content', 'stemcell-widgets')),
        el('p', null, __('The interactive widget shows on the published page and in Preview.', 'stemcell-widgets')));
    },
    save: function () { return null; }  // rendered on the server
  });
})(window.wp);
