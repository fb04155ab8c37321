// panel.h — the detail panel's scrolling is the toolkit's ScrollView (ui/scroll_view.h); this name stays for
// code written before it.
#pragma once
#include "ui/scroll_view.h"

namespace scw {
using ScrollPanel = ScrollView;
}  // namespace scw
