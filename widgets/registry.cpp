// registry.cpp — KIND string -> widget. The one place that knows every widget.
#include "cell_diagram.h"
#include "test_pattern.h"
#include "widget.h"

namespace scw {

std::unique_ptr<Widget> CreateWidget(const std::string& kind) {
  if (kind == "test-pattern") return std::make_unique<TestPatternWidget>();
  if (kind == "cell-diagram") return std::make_unique<CellDiagramWidget>();
  return nullptr;
}

std::vector<std::string> WidgetKinds() { return {"test-pattern", "cell-diagram"}; }

}  // namespace scw
