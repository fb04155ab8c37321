// registry.cpp — KIND string -> widget. The one place that knows every widget.
// `test-pattern` (scaffolding for the host's tests) is registered only in test builds (SCW_TEST_WIDGETS): the
// native build and the web bundle the browser tests load, never the bundle pages include.
// `explainer` is left out of the lean web module (SCW_NO_EXPLAINER: stemcell-widgets.lean.wasm, for pages without
// an explainer; the loader picks the module), so its code is not linked there.
#include "cell_diagram.h"
#include "hsct_timeline.h"
#include "risk_chart.h"
#include "widget.h"
#ifndef SCW_NO_EXPLAINER
#include "explainer.h"
#endif
#ifdef SCW_TEST_WIDGETS
#include "test_pattern.h"
#endif

namespace scw {

std::unique_ptr<Widget> CreateWidget(const std::string& kind) {
  if (kind == "cell-diagram") return std::make_unique<CellDiagramWidget>();
  if (kind == "hsct-timeline") return std::make_unique<HsctTimelineWidget>();
  if (kind == "risk-chart") return std::make_unique<RiskChartWidget>();
#ifndef SCW_NO_EXPLAINER
  if (kind == "explainer") return std::make_unique<ExplainerWidget>();  // the three above, linked
#endif
#ifdef SCW_TEST_WIDGETS
  if (kind == "test-pattern") return std::make_unique<TestPatternWidget>();  // host test scaffolding
#endif
  return nullptr;
}

std::vector<std::string> WidgetKinds() {
  return {"cell-diagram", "hsct-timeline", "risk-chart",
#ifndef SCW_NO_EXPLAINER
          "explainer",
#endif
  };
}

}  // namespace scw
