// "Engineered from" (issue 9): a CAR-MSC is engineered in a lab from an MSC, it is not something an MSC becomes.
// The content model reads and checks cellTypes[].engineeredFrom; the diagram draws it as its own dashed arrow with a
// legend entry, and names it in the detail panel, the announcement and the hidden HTML copy.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "cell_diagram.h"
#include "content/model.h"
#include "harness.h"

using namespace scw;
using scw::test::Harness;
using Layout = CellDiagramWidget::Layout;
using nlohmann::json;

namespace {

std::string ReadData(const std::string& lang) {
  std::ifstream f(std::string(SCW_SOURCE_DIR) + "/data/stemcell-explainer." + lang + ".json", std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

json TwoCells() {
  return json::parse(R"({"version":1,"lang":"en","cellTypes":[
    {"id":"msc","name":"MSC","category":"stromal","short":"x","becomes":["bone-cell"]},
    {"id":"bone-cell","name":"Bone cell","category":"mature","short":"x"},
    {"id":"car-msc","name":"CAR-MSC","category":"derived","short":"x","engineeredFrom":["msc"]}]})");
}

}  // namespace

TEST_CASE("content: cellTypes[].engineeredFrom is read; an unknown id is an error at its path with a did-you-mean") {
  content::Document doc;
  LoadResult r = content::Load(TwoCells(), "en", &doc);
  REQUIRE(r.ok);
  REQUIRE(doc.cell_types.size() == 3);
  CHECK(doc.cell_types[2].engineered_from == std::vector<std::string>{"msc"});
  CHECK(doc.cell_types[0].engineered_from.empty());

  json bad = TwoCells();
  bad["cellTypes"][2]["engineeredFrom"] = {"mcs"};
  content::Document d2;
  r = content::Load(bad, "en", &d2);
  CHECK_FALSE(r.ok);
  bool found = false;
  for (const auto& p : r.problems)
    if (!p.warning && p.path == "/cellTypes/2/engineeredFrom/0") {
      found = true;
      CHECK_MESSAGE(p.message.find("did you mean \"msc\"") != std::string::npos, p.message);
    }
  CHECK(found);

  bad["cellTypes"][2]["engineeredFrom"] = "msc";  // a list, not one id
  content::Document d3;
  r = content::Load(bad, "en", &d3);
  CHECK_FALSE(r.ok);
  found = false;
  for (const auto& p : r.problems) found |= !p.warning && p.path == "/cellTypes/2/engineeredFrom";
  CHECK(found);

  const auto& keys = content::KnownStringKeys();
  CHECK(std::find(keys.begin(), keys.end(), "engineeredFrom") != keys.end());
}

TEST_CASE("cell diagram: CAR-MSC hangs from MSC by an 'engineered from' arrow, not a 'can become' one (en and es)") {
  for (const char* lang : {"en", "es"}) {
    CAPTURE(lang);
    const std::string text = ReadData(lang);
    content::Document doc;
    REQUIRE(content::Load(json::parse(text), lang, &doc).ok);
    const content::CellType* msc = doc.FindCell("msc");
    const content::CellType* car = doc.FindCell("car-msc");
    REQUIRE(msc);
    REQUIRE(car);
    CHECK(std::find(msc->becomes.begin(), msc->becomes.end(), "car-msc") == msc->becomes.end());
    CHECK(car->engineered_from == std::vector<std::string>{"msc"});

    Harness h;
    const int id = h.Make("cell-diagram", 1280, 720, 1);
    std::string err;
    REQUIRE(h.host->SetOption(id, "lang", lang, &err));
    REQUIRE(h.host->SetData(id, text, &err) == 0);
    h.Settle();
    const auto& w = *static_cast<const CellDiagramWidget*>(h.host->Find(id)->widget.get());
    const Layout& L = w.last_layout();
    auto cell_of = [&](int node) { return doc.cell_types[L.nodes[node].cell].id; };
    int engineered = 0;
    for (const auto& e : L.edges) {
      const bool msc_car = cell_of(e.from) == "msc" && cell_of(e.to) == "car-msc";
      if (e.engineered) {
        ++engineered;
        CHECK(msc_car);
        CHECK_FALSE(e.reprogramming);
        CHECK(L.nodes[e.to].layer > L.nodes[e.from].layer);  // still drawn under the MSC
      } else {
        CHECK_MESSAGE(!msc_car, "MSC -> CAR-MSC is drawn as a 'can become' arrow");
      }
    }
    CHECK(engineered == 1);
    int legend = 0;
    for (const auto& e : L.legend)
      if (e.kind == 3) {
        ++legend;
        CHECK(e.label == doc.String("engineeredFrom"));
      }
    CHECK(legend == 1);
    CHECK(doc.String("engineeredFrom") ==
          (std::string(lang) == "en" ? "Engineered in a lab from" : "Modificada en el laboratorio a partir de"));

    // Selected: the panel names it, the announcement too, and the hidden HTML copy.
    REQUIRE(h.host->SetState(id, R"({"selected":"car-msc"})", &err));
    h.Settle();
    const auto& rows = w.last_detail().rows;
    bool heading = false, names = false, made_from = false;
    for (size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].block.text == doc.String("engineeredFrom")) {
        heading = true;
        names = i + 1 < rows.size() && rows[i + 1].block.text == msc->name;
      }
      made_from |= rows[i].block.text == doc.String("madeFrom");
    }
    CHECK(heading);
    CHECK(names);
    CHECK_FALSE(made_from);  // nothing "becomes" a CAR-MSC any more
    CHECK(w.Announcement().find(doc.String("engineeredFrom") + ": " + msc->name) != std::string::npos);
    const std::string dom = h.host->Dom(id);
    CHECK_MESSAGE(dom.find(json(doc.String("engineeredFrom")).dump()) != std::string::npos, dom.substr(0, 300));
    CHECK(dom.find(json(msc->name).dump()) != std::string::npos);
    CHECK(dom.find(json(car->name).dump()) != std::string::npos);
  }
}
