// registry.cpp — KIND string -> widget. The one place that knows every widget.
#include "cell_diagram.h"
#include "hsct_timeline.h"
#include "risk_chart.h"
#include "test_pattern.h"
#include "widget.h"

namespace scw {

std::unique_ptr<Widget> CreateWidget(const std::string& kind) {
  if (kind == "cell-diagram") return std::make_unique<CellDiagramWidget>();
  if (kind == "hsct-timeline") return std::make_unique<HsctTimelineWidget>();
  if (kind == "risk-chart") return std::make_unique<RiskChartWidget>();
  if (kind == "test-pattern") return std::make_unique<TestPatternWidget>();  // host test scaffolding
  return nullptr;
}

std::vector<std::string> WidgetKinds() { return {"cell-diagram", "hsct-timeline", "risk-chart", "test-pattern"}; }

}  // namespace scw
