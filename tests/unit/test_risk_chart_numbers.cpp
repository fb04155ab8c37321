// The risk chart writes its numbers the language's way (ui/number_format.h): in the detail panel and the
// parallel DOM, Spanish "20,8 %" and "1.480", English "20.8%" and "1,480".
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "harness.h"
#include "risk_chart.h"

using namespace scw;
using scw::test::Harness;

namespace {

std::string ReadData(const std::string& lang) {
  std::ifstream f(std::string(SCW_SOURCE_DIR) + "/data/stemcell-explainer." + lang + ".json", std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void AllText(const dom::Node& n, std::string& out) {
  out += n.text + "\n";
  for (const auto& c : n.children) AllText(c, out);
}

struct Chart {
  Harness h;
  int id = 0;
  explicit Chart(const std::string& lang) {
    id = h.Make("risk-chart", 1280, 720, 1);
    std::string err;
    REQUIRE(h.host->SetOption(id, "lang", lang, &err));
    REQUIRE_MESSAGE(h.host->SetData(id, ReadData(lang), &err) == 0, err);
    h.Settle();
  }
  RiskChartWidget& w() { return static_cast<RiskChartWidget&>(*h.host->Find(id)->widget); }
  std::string Detail(const std::string& cell) {
    std::string err;
    REQUIRE_MESSAGE(h.host->SetState(id, "{\"selected\":\"" + cell + "\"}", &err), err);
    h.Settle();
    std::string all;
    for (const auto& t : w().last_detail().texts) all += t + "\n";
    return all;
  }
  std::string Dom() {
    std::string all;
    AllText(w().Dom(), all);
    return all;
  }
};

const std::string kNbsp = "\xC2\xA0";
bool Has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

}  // namespace

TEST_CASE("risk chart: Spanish figures use a decimal comma, a space before %, and dots between thousands") {
  Chart c("es");
  const std::string gvhd = c.Detail("gvhd/allo-hsct");
  CHECK_MESSAGE(Has(gvhd, "20,8" + kNbsp + "%"), gvhd);
  CHECK_MESSAGE(Has(gvhd, "27,8" + kNbsp + "%"), gvhd);
  CHECK_FALSE(Has(gvhd, "20.8"));
  const std::string trd = c.Detail("treatment-related-death/auto-hsct");
  CHECK_MESSAGE(Has(trd, "2,1" + kNbsp + "%"), trd);
  CHECK_MESSAGE(Has(trd, "1,3–3,4" + kNbsp + "%"), trd);  // the interval: "1,3–3,4 %"
  CHECK_MESSAGE(Has(trd, "0,19" + kNbsp + "%"), trd);
  const std::string clinics = c.Detail("unproven-clinics/msc-therapy");
  CHECK_MESSAGE(Has(clinics, "1.480" + kNbsp + "empresas"), clinics);  // the figure 1480 (the note's prose is the author's)
  const std::string dom = c.Dom();
  CHECK(Has(dom, "20,8" + kNbsp + "%"));
  CHECK(Has(dom, "1.480" + kNbsp + "empresas"));
  CHECK(Has(dom, "1,3–3,4" + kNbsp + "%"));
  CHECK_FALSE(Has(dom, "20.8%"));
}

TEST_CASE("risk chart: English figures use a decimal point, no space before %, and commas between thousands") {
  Chart c("en");
  const std::string gvhd = c.Detail("gvhd/allo-hsct");
  CHECK_MESSAGE(Has(gvhd, "20.8%"), gvhd);
  const std::string trd = c.Detail("treatment-related-death/auto-hsct");
  CHECK_MESSAGE(Has(trd, "95% CI 1.3–3.4%"), trd);
  const std::string clinics = c.Detail("unproven-clinics/msc-therapy");
  CHECK_MESSAGE(Has(clinics, "1,480" + kNbsp + "businesses"), clinics);
  const std::string dom = c.Dom();
  CHECK(Has(dom, "20.8%"));
  CHECK(Has(dom, "1,480" + kNbsp + "businesses"));
  CHECK_FALSE(Has(dom, "20,8"));
}
