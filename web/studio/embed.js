// Embed code for the places authors publish. Pure functions (no DOM), used by the studio and its test.
// Formats: the script tag with data-src, the script tag with inline JSON, the WordPress shortcode (with a src or
// enclosing the JSON) and the iframe page. Everything an author typed is escaped for where it lands.

export const FORMATS = [
  { id: 'script-src', label: 'Script tag, content from a URL (data-src)' },
  { id: 'script-inline', label: 'Script tag, content inline (JSON in the page)' },
  { id: 'wp-src', label: 'WordPress shortcode, content from a URL' },
  { id: 'wp-inline', label: 'WordPress shortcode, content inline' },
  { id: 'iframe', label: 'iframe (Moodle, Canvas, Google Sites, Notion)' },
];

export function escapeAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// JSON that can sit inside <script type="application/json">: every "</" becomes "<\/" (so no </script> can end
// the element early) and "<!--" becomes "<\u0021--" (so the HTML parser never enters its escaped-comment state).
// Both only ever occur inside JSON strings, where these escapes mean the same characters.
export function inlineJson(text) {
  const compact = JSON.stringify(JSON.parse(text));
  return compact.replace(/<\//g, '<\\/').replace(/<!--/g, '<\\u0021--');
}

// Shortcode attribute values cannot hold a double quote or square brackets.
function shortcodeAttr(s) { return String(s).replace(/["\[\]]/g, encodeURIComponent); }

export function embedCode(format, { widget, scriptUrl, dataUrl, embedUrl, lang, text }) {
  const langAttr = lang ? ` data-lang="${escapeAttr(lang)}"` : '';
  const script = `<script src="${escapeAttr(scriptUrl)}" defer></script>`;
  switch (format) {
    case 'script-src':
      return `${script}\n<div data-stemcell-widget="${escapeAttr(widget)}" data-src="${escapeAttr(dataUrl)}"${langAttr}></div>`;
    case 'script-inline':
      return `${script}\n<div data-stemcell-widget="${escapeAttr(widget)}"${langAttr}><script type="application/json">${inlineJson(text)}</script></div>`;
    case 'wp-src':
      return `[stemcell widget="${shortcodeAttr(widget)}" src="${shortcodeAttr(dataUrl)}"${lang ? ` lang="${shortcodeAttr(lang)}"` : ''}]`;
    case 'wp-inline':
      return `[stemcell widget="${shortcodeAttr(widget)}"${lang ? ` lang="${shortcodeAttr(lang)}"` : ''}]${inlineJson(text)}[/stemcell]`;
    case 'iframe': {
      const q = `widget=${encodeURIComponent(widget)}&src=${encodeURIComponent(dataUrl)}` + (lang ? `&lang=${encodeURIComponent(lang)}` : '');
      const title = widget.replace(/-/g, ' ');
      return `<iframe src="${escapeAttr(embedUrl + '?' + q)}" data-stemcell-embed title="Interactive ${escapeAttr(title)}" ` +
        `width="100%" height="600" style="border:0" loading="lazy" allow="fullscreen"></iframe>`;
    }
    default:
      throw new Error(`unknown embed format ${format}`);
  }
}
