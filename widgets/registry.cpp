// registry.cpp — KIND string -> widget. The one place that knows every widget.
#include "hsct_timeline.h"
#include "test_pattern.h"
#include "widget.h"

namespace scw {

std::unique_ptr<Widget> CreateWidget(const std::string& kind) {
  if (kind == "test-pattern") return std::make_unique<TestPatternWidget>();
  if (kind == "hsct-timeline") return std::make_unique<HsctTimelineWidget>();
  return nullptr;
}

std::vector<std::string> WidgetKinds() { return {"test-pattern", "hsct-timeline"}; }

}  // namespace scw
