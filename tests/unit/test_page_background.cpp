// The page's background option (data-background on the page; "transparent" is resolved by the loader to the
// colour behind the element): used as the widget's background where the theme's text stays legible on it.
#include <doctest/doctest.h>

#include "harness.h"
#include "ui/theme.h"

using scw::test::Harness;

TEST_CASE("background option: a page colour becomes the widget's background; bad values are refused; '' resets") {
  Harness h;
  const int id = h.Make("risk-chart", 650, 403);
  std::string err;
  REQUIRE(h.host->SetData(id, "", &err) == 0);
  const scw::Color white = h.host->Find(id)->theme.background;
  scw::Color green = 0;
  REQUIRE(scw::ParseColor("#d1e4dd", &green));
  CHECK(h.host->SetOption(id, "background", "#d1e4dd", &err));
  CHECK(h.host->Find(id)->theme.background == green);
  // Too dark for the light theme's text: the theme keeps its own background (the loader picks "dark" for such
  // a page in auto mode, where it fits).
  CHECK(h.host->SetOption(id, "background", "#101418", &err));
  CHECK(h.host->Find(id)->theme.background == white);
  CHECK(h.host->SetOption(id, "systemTheme", "dark", &err));
  scw::Color dark = 0;
  REQUIRE(scw::ParseColor("#101418", &dark));
  CHECK(h.host->Find(id)->theme.background == dark);
  CHECK_FALSE(h.host->SetOption(id, "background", "green; }", &err));
  CHECK(err.find("background") != std::string::npos);
  CHECK(h.host->SetOption(id, "background", "", &err));
  CHECK(h.host->Find(id)->theme.background != dark);
}
