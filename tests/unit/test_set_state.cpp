// setState for every widget (issue 14): the keys a reader can change, validation that names the bad key or id
// and changes nothing, and the "change" event a successful call fires. Uses the embedded default content.
#include <doctest/doctest.h>

#include "content_widget.h"
#include "harness.h"

using scw::test::Harness;

namespace {
struct W {
  Harness h;
  int id = 0;
  explicit W(const std::string& kind, float w = 1000, float hgt = 600) {
    id = h.Make(kind, w, hgt);
    std::string err;
    REQUIRE(h.host->SetData(id, "", &err) == 0);
    h.Settle();
    h.events.clear();
  }
  // Sets the state; returns "" on success (after a frame), else the error.
  std::string Set(const std::string& json) {
    std::string err;
    const bool ok = h.host->SetState(id, json, &err);
    if (ok) { CHECK(err.empty()); h.Settle(); }
    else CHECK_FALSE(err.empty());
    return ok ? std::string() : err;
  }
  nlohmann::json S() { return h.State(id); }
  size_t Changes() { return h.Of("change").size(); }
};
bool Has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("setState: cell diagram selects a cell and a therapy filter, and fires change") {
  W w("cell-diagram");
  CHECK(w.Set(R"({"selected":"hsc","therapy":"allo-hsct"})").empty());
  CHECK(w.S()["selected"] == "hsc");
  CHECK(w.S()["therapy"] == "allo-hsct");
  CHECK(w.Changes() == 1);
  const auto change = nlohmann::json::parse(w.h.Of("change").back().detail);
  CHECK(change["selected"] == "hsc");
  CHECK(w.Set(R"({"selected":null,"therapy":null,"widget":"cell-diagram"})").empty());
  CHECK(w.S()["selected"].is_null());
  CHECK(w.S()["therapy"].is_null());
  CHECK(w.Changes() == 2);
}

TEST_CASE("setState: cell diagram rejects unknown keys and ids, naming them, and changes nothing") {
  W w("cell-diagram");
  REQUIRE(w.Set(R"({"selected":"hsc"})").empty());
  const size_t before = w.Changes();
  std::string e = w.Set(R"({"selected":"t-cell","colour":"red"})");
  CHECK(Has(e, "\"colour\""));
  CHECK(Has(e, "\"selected\""));  // says what it accepts
  e = w.Set(R"({"selected":"unicorn-cell"})");
  CHECK(Has(e, "unicorn-cell"));
  e = w.Set(R"({"therapy":"magic"})");
  CHECK(Has(e, "magic"));
  e = w.Set(R"({"selected":"t-cell","therapy":"magic"})");  // one bad value: nothing changes
  CHECK(Has(e, "magic"));
  CHECK(Has(w.Set(R"({"selected":3})"), "selected"));
  CHECK(Has(w.Set(R"(["hsc"])"), "object"));
  CHECK(Has(w.Set(R"({"widget":"risk-chart"})"), "risk-chart"));
  CHECK(Has(w.Set("{not json"), "JSON"));
  CHECK(w.S()["selected"] == "hsc");
  CHECK(w.S()["therapy"].is_null());
  CHECK(w.Changes() == before);
}

TEST_CASE("setState: risk chart selects a cell by id, by risk and therapy, and switches the view") {
  W w("risk-chart");
  CHECK(w.Set(R"({"selected":"gvhd/allo-hsct"})").empty());
  CHECK(w.S()["risk"] == "gvhd");
  CHECK(w.S()["therapy"] == "allo-hsct");
  CHECK(w.Set(R"({"therapy":"auto-hsct"})").empty());  // keeps the risk
  CHECK(w.S()["selected"] == "gvhd/auto-hsct");
  CHECK(w.Set(R"({"risk":"infection"})").empty());     // keeps the therapy
  CHECK(w.S()["selected"] == "infection/auto-hsct");
  CHECK(w.Set(R"({"view":"by-therapy"})").empty());
  CHECK(w.S()["view"] == "by-therapy");
  CHECK(w.S()["selected"] == "infection/auto-hsct");
  CHECK(w.Set(R"({"risk":null})").empty());
  CHECK(w.S()["selected"].is_null());
  CHECK(w.Set(R"({"risk":"treatment-related-death"})").empty());  // no therapy selected: the risk's first
  CHECK(w.S()["risk"] == "treatment-related-death");
  CHECK_FALSE(w.S()["therapy"].is_null());
  CHECK(w.Changes() == 6);
}

TEST_CASE("setState: risk chart rejects unknown keys, ids and views, and changes nothing") {
  W w("risk-chart");
  REQUIRE(w.Set(R"({"selected":"gvhd/allo-hsct"})").empty());
  const size_t before = w.Changes();
  CHECK(Has(w.Set(R"({"variant":"autologous"})"), "\"variant\""));
  CHECK(Has(w.Set(R"({"risk":"boredom"})"), "boredom"));
  CHECK(Has(w.Set(R"({"therapy":"magic","view":"by-therapy"})"), "magic"));
  CHECK(Has(w.Set(R"({"selected":"gvhd"})"), "riskId/therapyId"));
  CHECK(Has(w.Set(R"({"view":"sideways"})"), "sideways"));
  CHECK(w.S()["selected"] == "gvhd/allo-hsct");
  CHECK(w.S()["view"] == "by-risk");
  CHECK(w.Changes() == before);
}

TEST_CASE("setState: timeline sets the variant, the day, a phase or milestone, and playing") {
  W w("hsct-timeline");
  CHECK(w.Set(R"({"variant":"allogeneic"})").empty());
  CHECK(w.S()["variant"] == "allogeneic");
  CHECK(w.Set(R"({"day":0})").empty());
  CHECK(w.S()["day"] == 0);
  CHECK(w.S()["phase"] == "allo-reinfusion");
  CHECK(w.Set(R"({"variant":"autologous","day":8})").empty());
  CHECK(w.S()["variant"] == "autologous");
  CHECK(w.S()["day"] == 8);
  CHECK(w.S()["phase"] == "auto-low-counts");
  CHECK(w.Set(R"({"selected":"auto-conditioning"})").empty());  // a phase: the day moves to its start
  CHECK(w.S()["selected"] == "auto-conditioning");
  CHECK(w.S()["day"] == -6);
  CHECK(w.Set(R"({"selected":null})").empty());
  CHECK(w.S()["selected"].is_null());
  std::string err;
  REQUIRE(w.h.host->SetState(w.id, R"({"playing":true})", &err));  // playing draws frames until paused
  CHECK(w.S()["playing"] == true);
  CHECK(w.Set(R"({"playing":false})").empty());
  CHECK(w.S()["playing"] == false);
  CHECK(w.Changes() == 6);  // the two "playing" calls came before one frame: one event
}

TEST_CASE("setState: timeline rejects unknown variants, days out of range, foreign phases and unknown keys") {
  W w("hsct-timeline");
  REQUIRE(w.Set(R"({"variant":"autologous","day":8})").empty());
  const size_t before = w.Changes();
  std::string e = w.Set(R"({"variant":"haploidentical"})");
  CHECK(Has(e, "haploidentical"));
  CHECK(Has(e, "autologous"));  // lists the known ones
  CHECK(Has(w.Set(R"({"day":"a week"})"), "day"));
  CHECK(Has(w.Set(R"({"day":100000})"), "day"));
  CHECK(Has(w.Set(R"({"selected":"allo-conditioning"})"), "allo-conditioning"));  // the other variant's phase
  CHECK(Has(w.Set(R"({"playing":"yes"})"), "playing"));
  CHECK(Has(w.Set(R"({"day":3,"tab":"risks"})"), "\"tab\""));
  CHECK(w.S()["day"] == 8);
  CHECK(w.S()["variant"] == "autologous");
  CHECK(w.Changes() == before);
  // The selection is checked against the variant it will show.
  CHECK(w.Set(R"({"variant":"allogeneic","selected":"allo-conditioning"})").empty());
  CHECK(w.S()["selected"] == "allo-conditioning");
}

TEST_CASE("setState: an unknown widget id is refused") {
  Harness h;
  std::string err;
  CHECK_FALSE(h.host->SetState(42, "{}", &err));
  CHECK(Has(err, "42"));
}

TEST_CASE("setState errors show the bad value as JSON: text quoted and escaped, numbers, booleans, null; long text cut") {
  using nlohmann::json;
  CHECK(scw::ShownValue(json("a \"b\"\n")) == R"("a \"b\"\n")");
  CHECK(scw::ShownValue(json("Células")) == "\"Células\"");
  CHECK(scw::ShownValue(json(-42)) == "-42");
  CHECK(scw::ShownValue(json(18446744073709551615ull)) == "18446744073709551615");
  CHECK(scw::ShownValue(json(2.5)) == "2.5");
  CHECK(scw::ShownValue(json(true)) == "true");
  CHECK(scw::ShownValue(json(nullptr)) == "null");
  CHECK(scw::ShownValue(json::object()) == "an object");
  CHECK(scw::ShownValue(json::array()) == "a list");
  const std::string shown = scw::ShownValue(json(std::string(100, 'x')));
  CHECK(shown == "\"" + std::string(59, 'x') + "…");
  // Through the API: the value in the message is the one sent.
  W w("cell-diagram");
  CHECK(Has(w.Set(R"({"selected":2.5})"), "got 2.5."));
  CHECK(Has(w.Set(R"({"widget":"tab\there"})"), "is \"tab\\there\" but"));
}
