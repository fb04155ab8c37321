// The content's changed details as readers meet them, in English and Spanish, at phone, desktop and projector
// sizes: each therapy's status (drawn and in the HTML copy), the corrected islet-replacement risk with its
// sourced figure, and formatted citations. Screenshots go to test-artifacts/content-*.png for review.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startServer, launch, openWidgetPage, widgetState, itemPoint, settle, artifact, resizeTo } from './lib.mjs';

const EN = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'stemcell-explainer.en.json'), 'utf8'));
const ES = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'stemcell-explainer.es.json'), 'utf8'));
const SIZES = [
  { name: 'phone', width: 375, height: 667, dpr: 2 },
  { name: 'desktop', width: 1280, height: 720, dpr: 1 },
  { name: 'projector', width: 1920, height: 1080, dpr: 1 },
];
const WIDGETS = [
  { kind: 'cell-diagram', page: 'cell-diagram.html', sel: '[data-stemcell-widget="cell-diagram"]', select: 'therapy:msc-therapy' },
  { kind: 'risk-chart', page: 'risk-chart.html', sel: '#risk', select: 'low-blood-counts/islet-replacement' },
  { kind: 'hsct-timeline', page: 'hsct-timeline.html', sel: '[data-stemcell-widget="hsct-timeline"]', select: 'variant-allogeneic' },
];

let server, base, browser;
before(async () => { ({ server, base } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const domText = (page, sel) => page.evaluate((s) => document.querySelector(s + ' .scw-dom')?.textContent || '', sel);

// One page per device scale factor (phone at dpr 2; desktop and projector share dpr 1, so one page resized), and
// the other language by the public update() on the same page instead of a fresh load: two page loads per widget
// instead of six, with every size × language still checked and screenshotted.
const SEL_KEYS = ['selected', 'therapy', 'variant', 'risk'];
const selection = (st) => JSON.stringify(SEL_KEYS.map((k) => st[k] ?? null));

async function check(page, errors, w, lang, doc, sz, chosen) {
  const st = await widgetState(page, w.sel);
  const items = st.items || [];
  // Click the item unless the page already holds the selection that click made (a second click would clear it).
  if (items.some((i) => i.id === w.select) && !(chosen.value !== undefined && selection(st) === chosen.value)) {
    const [x, y] = await itemPoint(page, w.sel, w.select);
    await page.mouse.click(x, y);
    await settle(page);
    chosen.value = selection(await widgetState(page, w.sel));
  }
  const text = await domText(page, w.sel);
  const s = doc.strings;
  const label = (t) => `${s.statusLabel}: ${s['status_' + t.status]}`;
  if (w.kind === 'hsct-timeline') {
    for (const t of doc.therapies.filter((t) => t.timelineVariant)) assert.ok(text.includes(label(t)), `${lang} ${sz.name}: ${label(t)}`);
  } else {
    for (const t of doc.therapies) assert.ok(text.includes(s['status_' + t.status]), `${lang} ${sz.name}: status of ${t.id}`);
  }
  if (w.kind === 'risk-chart') {
    const fig = doc.risks.find((r) => r.id === 'low-blood-counts').levels.find((l) => l.therapy === 'islet-replacement').figures[0];
    assert.ok(text.includes(fig.label), `${lang}: the neutropenia figure is in the table`);
    assert.ok(text.includes('Reichman TW, et al. (2025).'), `${lang}: citations are formatted from the fields`);
    assert.ok(!text.includes('keeps immune cells out'));
  }
  await page.screenshot({ path: artifact(`content-${w.kind}-${lang}-${sz.name}.png`) });
  assert.deepEqual(errors, [], `${lang} ${sz.name}`);
}

const switchTo = async (page, w, doc) => {
  await page.evaluate(async ([s, d]) => { await StemCellWidgets.get(document.querySelector(s)).update(d); }, [w.sel, doc]);  // not returning the handle: Playwright would serialise it (seconds)
  await settle(page);
};

for (const w of WIDGETS) {
  test(`${w.kind}: statuses, the corrected details and citations, in English and Spanish`, async () => {
    const [phone, desktop, projector] = SIZES;
    {
      const chosen = {};
      const { page, errors, context } = await openWidgetPage(browser, `${base}/tests/${w.page}`, w.sel, phone);
      await check(page, errors, w, 'en', EN, phone, chosen);
      await switchTo(page, w, ES);
      await check(page, errors, w, 'es', ES, phone, chosen);
      await context.close();
    }
    {
      const chosen = {};
      const { page, errors, context } = await openWidgetPage(browser, `${base}/tests/${w.page}`, w.sel, desktop);
      await check(page, errors, w, 'en', EN, desktop, chosen);
      await switchTo(page, w, ES);
      await check(page, errors, w, 'es', ES, desktop, chosen);
      await resizeTo(page, projector);  // the same page at the projector's size (same dpr)
      await check(page, errors, w, 'es', ES, projector, chosen);
      await switchTo(page, w, EN);
      await check(page, errors, w, 'en', EN, projector, chosen);
      await context.close();
    }
  });
}
