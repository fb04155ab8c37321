// test_reliability.cpp — issue 10: each widget checks only what it reads, and the timeline never claims that a
// day no phase covers belongs to a phase.
#include <doctest/doctest.h>

#include <dirent.h>

#include <fstream>
#include <sstream>

#include "content/json_text.h"
#include "content/model.h"
#include "harness.h"

using json = nlohmann::json;

namespace {
std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
json Default() { return json::parse(ReadFile(std::string(SCW_SOURCE_DIR) + "/data/stemcell-explainer.en.json")); }
}  // namespace

TEST_CASE("a bad value under /risks stops the widgets that read risks, not the cell diagram") {
  json d = Default();
  d["risks"][0]["levels"][0]["level"] = "very high";
  const std::string text = d.dump();
  scw::test::Harness h;
  const int cells = h.Make("cell-diagram"), timeline = h.Make("hsct-timeline"), chart = h.Make("risk-chart");
  std::string err;
  CHECK(h.host->SetData(cells, text, &err) == 0);
  bool warned = false;
  for (const auto& e : h.Of("warning"))
    if (e.id == cells && e.detail.find("/risks/0/levels/0/level") != std::string::npos) warned = true;
  CHECK_MESSAGE(warned, "the cell diagram reports the problem as a warning");
  CHECK(h.host->SetData(timeline, text, &err) > 0);
  CHECK(h.host->SetData(chart, text, &err) > 0);
  CHECK(err.find("very high") != std::string::npos);
  // A problem in the widget's own section still stops it.
  d = Default();
  d["cellTypes"][0]["category"] = "wizard";
  CHECK(h.host->SetData(cells, d.dump(), &err) > 0);
  CHECK(h.host->SetData(chart, d.dump(), &err) == 0);
}

TEST_CASE("hsct-timeline: a day that no phase covers is \"between phases\", with no phase and no risks") {
  json d = Default();
  auto& v = d["timeline"]["variants"][0];
  json gap = json::array();
  for (auto& p : v["phases"])  // keep the phases before day -3 and after day 3 only: day 0 falls in a gap
    if (p["days"][1].get<double>() < -3 || p["days"][0].get<double>() > 3) gap.push_back(p);
  v["phases"] = gap;
  for (auto& m : v["milestones"]) m["days"] = {-30, -30};
  scw::test::Harness h;
  const int id = h.Make("hsct-timeline", 1280, 720);
  std::string err;
  REQUIRE_MESSAGE(h.host->SetData(id, d.dump(), &err) == 0, err);
  h.Settle();
  const json st = h.State(id);
  CHECK(st["day"] == 0);
  CHECK(st["phase"].is_null());
  const std::string dom = h.host->Dom(id);
  CHECK(dom.find("Between phases") != std::string::npos);
}

TEST_CASE("the C++ checks and data/schema.json give the same verdict on the shared corpus (tests/data/agree)") {
  // tests/schema/schema.test.mjs runs the same files through the schema.
  const std::string dir = std::string(SCW_SOURCE_DIR) + "/tests/data/agree/";
  DIR* d = opendir(dir.c_str());
  REQUIRE(d);
  int n = 0;
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name.size() < 6 || name.substr(name.size() - 5) != ".json") continue;
    CAPTURE(name);
    const bool want = name.rfind("valid-", 0) == 0;
    std::vector<scw::Problem> problems;
    json doc;
    bool ok = scw::ParseJsonText(ReadFile(dir + name), &doc, &problems);
    scw::content::Document out;
    std::string dump;
    if (ok) {
      scw::LoadResult r = scw::content::Load(doc, "", &out);
      ok = r.ok;
      for (const auto& p : r.problems) dump += p.path + ": " + p.message + "\n";
    }
    CHECK_MESSAGE(ok == want, dump);
    ++n;
  }
  closedir(d);
  CHECK(n >= 20);
}
