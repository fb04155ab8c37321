// registry.cpp — KIND string -> widget. The one place that knows every widget.
#include "risk_chart.h"
#include "test_pattern.h"
#include "widget.h"

namespace scw {

std::unique_ptr<Widget> CreateWidget(const std::string& kind) {
  if (kind == "test-pattern") return std::make_unique<TestPatternWidget>();
  if (kind == "risk-chart") return std::make_unique<RiskChartWidget>();
  return nullptr;
}

std::vector<std::string> WidgetKinds() { return {"test-pattern", "risk-chart"}; }

}  // namespace scw
