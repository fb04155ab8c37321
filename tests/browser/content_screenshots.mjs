// The content's changed details (issue 9) as pictures in English and Spanish, for a content reviewer:
//   NODE_PATH=/usr/share/nodejs node tests/browser/content_screenshots.mjs   (after tools/build-web.sh) -> test-artifacts/content-*.png
import { startServer, launch, settle, artifact } from './lib.mjs';
const { server, base } = await startServer(); const browser = await launch();
const shots = [
  ['cell-diagram', { selected: 'car-msc' }, 'car-msc'],
  ['cell-diagram', { selected: 'msc' }, 'msc'],
  ['hsct-timeline', { selected: 'auto-t-cell-recovery' }, 'auto-t-cell'],
  ['hsct-timeline', { selected: 'auto-neutrophil-engraftment' }, 'engraftment'],
  ['risk-chart', { selected: 'treatment-related-death/islet-replacement' }, 'islet-deaths'],
  ['risk-chart', { selected: 'low-blood-counts/islet-replacement' }, 'islet-counts'],
  ['risk-chart', { selected: 'secondary-autoimmunity/auto-hsct' }, 'autoimmunity'],
  ['risk-chart', { selected: 'unproven-clinics/msc-therapy' }, 'unproven'],
];
for (const lang of ['en', 'es']) for (const [kind, st, name] of shots) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
  const page = await context.newPage();
  const src = lang === 'es' ? ` data-src="/data/stemcell-explainer.es.json"` : '';
  await page.goto(`${base}/tests/empty.html`);
  await page.evaluate(([kind, src]) => { const d = document.createElement('div'); d.id = 'w'; d.style.cssText = 'width:1280px;height:740px'; document.body.appendChild(d);
    return StemCellWidgets.mount(d, { widget: kind, src: src || undefined }); }, [kind, lang === 'es' ? '/data/stemcell-explainer.es.json' : '']);
  await page.evaluate((s) => StemCellWidgets.get(document.getElementById('w')).setState(s), st);
  await settle(page);
  await page.locator('#w').screenshot({ path: artifact(`content-${name}-${lang}.png`) });
  await context.close();
}
await browser.close(); server.close(); console.log('ok');
