// test_frame_cache.cpp — issue 11 (frame CPU): a frame whose layout inputs did not change keeps the layout and the
// wrapped texts it has, and a cached layout is the one a fresh widget computes for the same size, text scale,
// language and selection.
#include <string>

#include <doctest/doctest.h>

#include "cell_diagram.h"
#include "harness.h"
#include "risk_chart.h"
#include "ui/text_layout.h"

using namespace scw;
using namespace scw::test;

namespace {
const char* kKinds[] = {"cell-diagram", "hsct-timeline", "risk-chart", "explainer"};

std::string Selection(const std::string& kind) {
  if (kind == "hsct-timeline") return R"({"selected":"auto-conditioning"})";
  if (kind == "risk-chart") return R"({"selected":"gvhd/allo-hsct"})";
  return R"({"selected":"hsc"})";
}

// What a reader set on the widget (its setState keys), read from its state.
std::string SetStateOf(const std::string& kind, const nlohmann::json& s) {
  nlohmann::json p;
  if (kind == "cell-diagram") { p["selected"] = s["selected"]; p["therapy"] = s["therapy"]; }
  if (kind == "risk-chart") { p["selected"] = s["selected"]; p["view"] = s["view"]; }
  if (kind == "hsct-timeline") { p["variant"] = s["variant"]; p["day"] = s["day"]; p["selected"] = s["selected"]; }
  return p.dump();
}

// The items (ids and boxes: the layout) of a widget made fresh with these settings and state: no layout kept from
// before.
nlohmann::json FreshItems(const std::string& kind, float w, float h, const char* lang, const char* scale,
                          const nlohmann::json& state) {
  Harness f;
  const int id = f.Make(kind, w, h);
  std::string err;
  REQUIRE(f.host->SetOption(id, "lang", lang, &err));
  REQUIRE(f.host->SetOption(id, "textScale", scale, &err));
  REQUIRE(f.host->SetData(id, lang == std::string("es") ? ExplainerData("es") : "", &err) == 0);
  f.Settle();
  REQUIRE_MESSAGE(f.host->SetState(id, SetStateOf(kind, state), &err), err);
  f.Settle();
  return f.State(id)["items"];
}
}  // namespace

TEST_CASE("frame cache: pointer moves lay out no text again") {
  for (const char* kind : kKinds) {
    CAPTURE(std::string(kind));
    Harness h;
    const int id = h.Make(kind, 1920, 1080);
    std::string err;
    REQUIRE(h.host->SetData(id, "", &err) == 0);
    h.Settle();
    const auto items = h.State(id)["items"];
    const size_t measured = WrapsMeasured();
    const uint64_t frames = h.host->stats().frames;
    for (int i = 0; i < 12; ++i) {  // hover over the canvas: each move is a frame
      h.host->MouseMove(id, 80.0f + 150 * i, 90.0f + 80 * i);
      h.Settle();
    }
    CHECK(h.host->stats().frames >= frames + 12);
    CHECK(WrapsMeasured() == measured);
    CHECK(h.State(id)["items"] == items);
  }
}

TEST_CASE("frame cache: a kept layout is the one a fresh widget lays out (selection, size, text scale, language)") {
  for (const char* kind : {"cell-diagram", "hsct-timeline", "risk-chart"}) {
    CAPTURE(std::string(kind));
    Harness h;
    const int id = h.Make(kind, 1920, 1080);
    std::string err;
    REQUIRE(h.host->SetData(id, "", &err) == 0);
    h.Settle();
    const nlohmann::json first_day = h.State(id)["day"];
    auto same = [&](float w, float ht, const char* lang, const char* scale) {
      const nlohmann::json s = h.State(id);
      CHECK(s["items"] == FreshItems(kind, w, ht, lang, scale, s));
    };
    // Select, clear, select again: the second time both layouts are kept ones.
    const std::string sel = Selection(kind), none = R"({"selected":null})";
    for (const std::string& st : {sel, none, sel, none}) {
      REQUIRE_MESSAGE(h.host->SetState(id, st, &err), err);
      h.Settle();
      same(1920, 1080, "en", "1");
    }
    // The timeline back on its first day: a day set on the fresh widget would scroll its marker into view.
    if (std::string(kind) == "hsct-timeline")
      REQUIRE(h.host->SetState(id, R"({"selected":null,"day":)" + first_day.dump() + "}", &err));
    h.Settle();
    h.host->Resize(id, 1280, 720, 1);
    h.Settle();
    same(1280, 720, "en", "1");
    REQUIRE(h.host->SetOption(id, "textScale", "1.5", &err));
    h.Settle();
    same(1280, 720, "en", "1.5");
    REQUIRE(h.host->SetOption(id, "lang", "es", &err));
    REQUIRE(h.host->SetData(id, ExplainerData("es"), &err) == 0);
    h.Settle();
    same(1280, 720, "es", "1.5");
  }
}

// The detail panels are kept between frames too (their rows, texts and colours): a kept panel must follow every
// input it is built from — the selection, the therapy filter, the theme, the language — and a hover keeps it.
TEST_CASE("frame cache: the kept detail panels follow the selection, the therapy, the theme and the language") {
  Harness h;
  std::string err;
  const int cd = h.Make("cell-diagram", 1920, 1080);
  const int rc = h.Make("risk-chart", 1920, 1080);
  for (int id : {cd, rc}) REQUIRE(h.host->SetData(id, "", &err) == 0);
  h.Settle();
  const auto& cell = *static_cast<const CellDiagramWidget*>(h.host->Find(cd)->widget.get());
  const auto& risk = *static_cast<const RiskChartWidget*>(h.host->Find(rc)->widget.get());
  auto rows = [&] {
    std::vector<std::pair<std::string, Color>> r;
    for (const auto& row : cell.last_detail().rows) r.emplace_back(row.block.text, row.block.color);
    return r;
  };
  content::Document doc, doc_es;
  REQUIRE(content::Load(nlohmann::json::parse(ExplainerData("en")), "en", &doc).ok);
  REQUIRE(content::Load(nlohmann::json::parse(ExplainerData("es")), "es", &doc_es).ok);

  // Selection: the panel shows the selected cell, then another one.
  REQUIRE(h.host->SetState(cd, R"({"selected":"hsc"})", &err));
  REQUIRE(h.host->SetState(rc, R"({"selected":"gvhd/allo-hsct"})", &err));
  h.Settle();
  REQUIRE(!rows().empty());
  CHECK(rows()[0].first == doc.FindCell("hsc")->name);
  CHECK(risk.last_detail().texts.at(0) == doc.FindRisk("gvhd")->name);
  const auto light = rows();
  const Color light_text = rows()[0].second;
  for (int i = 0; i < 6; ++i) {  // hovers keep both panels as they were
    h.host->MouseMove(cd, 100.0f + 200 * i, 500);
    h.host->MouseMove(rc, 100.0f + 200 * i, 500);
    h.Settle();
  }
  CHECK(rows() == light);
  REQUIRE(h.host->SetState(cd, R"({"selected":"msc"})", &err));
  REQUIRE(h.host->SetState(rc, R"({"selected":"infection/allo-hsct"})", &err));
  h.Settle();
  CHECK(rows()[0].first == doc.FindCell("msc")->name);
  CHECK(risk.last_detail().texts.at(0) == doc.FindRisk("infection")->name);

  // The therapy filter (nothing selected): the panel names the therapy.
  REQUIRE(h.host->SetState(cd, R"({"selected":null,"therapy":"allo-hsct"})", &err));
  h.Settle();
  bool therapy_named = false;
  for (const auto& r : rows()) therapy_named |= r.first == doc.FindTherapy("allo-hsct")->name;
  CHECK(therapy_named);

  // The theme: the same rows in the new theme's colours.
  REQUIRE(h.host->SetState(cd, R"({"selected":"hsc","therapy":null})", &err));
  h.Settle();
  CHECK(rows() == light);
  REQUIRE(h.host->SetOption(cd, "theme", "dark", &err));
  h.Settle();
  CHECK(rows()[0].first == doc.FindCell("hsc")->name);
  CHECK(rows()[0].second != light_text);

  // The language: the panels in Spanish.
  for (int id : {cd, rc}) {
    REQUIRE(h.host->SetOption(id, "lang", "es", &err));
    REQUIRE(h.host->SetData(id, ExplainerData("es"), &err) == 0);
  }
  h.Settle();
  CHECK(rows()[0].first == doc_es.FindCell("hsc")->name);
  CHECK(risk.last_detail().texts.at(0) == doc_es.FindRisk("infection")->name);
}
