// Sources and therapy status in the content model, and the proof the default documents keep their promises:
// every rated risk level and every figure cites a defined source, every source can be found again (structured
// bibliographic fields), and the English and Spanish documents carry the same ids, numbers and sources.
#include <doctest/doctest.h>

#include <fstream>
#include <cctype>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "content/json_text.h"
#include "content/model.h"

using namespace scw;
using namespace scw::content;
using nlohmann::json;

namespace {
const std::string kData = std::string(SCW_SOURCE_DIR) + "/data/";

json ReadJson(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  REQUIRE_MESSAGE(f.good(), "cannot read " << path);
  std::stringstream ss;
  ss << f.rdbuf();
  json j;
  std::vector<Problem> problems;
  REQUIRE_MESSAGE(ParseJsonText(ss.str(), &j, &problems), path);
  return j;
}

std::string Dump(const LoadResult& r) {
  std::string s;
  for (const auto& p : r.problems) s += (p.warning ? "  warning " : "  error ") + p.path + ": " + p.message + "\n";
  return s;
}

bool Has(const LoadResult& r, const std::string& path, const std::string& fragment, bool warning) {
  for (const auto& p : r.problems)
    if (p.warning == warning && p.path == path && p.message.find(fragment) != std::string::npos) return true;
  return false;
}

json WithSource(const json& source) {
  return {{"version", 1}, {"sources", json::array({source})}};
}

// What a reader could not use to find a source again: a field that still holds a placeholder ("[… not yet
// recorded]", any text in square brackets, TODO/TBD), or a missing part of the reference issue 9 asks for: who
// (authors, or publisher for an organisation's page), when (year, for authored works), what (title), where
// (journal or publisher) and how to find it (pmid, doi or url). Empty when the source is complete.
std::vector<std::string> SourceGaps(const json& s) {
  std::vector<std::string> gaps;
  for (auto it = s.begin(); it != s.end(); ++it) {
    if (!it.value().is_string()) continue;
    const std::string v = it.value().get<std::string>();
    std::string lower = v;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const size_t open = v.find('[');
    if (open != std::string::npos && v.find(']', open) != std::string::npos)
      gaps.push_back(it.key() + " has text in square brackets: " + v);
    for (const char* word : {"not yet recorded", "todo", "tbd", "placeholder", "unknown author"})
      if (lower.find(word) != std::string::npos) gaps.push_back(it.key() + " holds a placeholder (" + word + "): " + v);
    if (v.find_first_not_of(" \t") == std::string::npos) gaps.push_back(it.key() + " is blank");
  }
  if (!s.contains("title")) gaps.push_back("no title");
  if (!s.contains("authors") && !s.contains("publisher")) gaps.push_back("no authors or publisher");
  if (s.contains("authors") && !s.contains("year")) gaps.push_back("authors but no year");
  if (!s.contains("journal") && !s.contains("publisher")) gaps.push_back("no journal or publisher");
  if (!s.contains("pmid") && !s.contains("doi") && !s.contains("url")) gaps.push_back("no pmid, doi or url");
  return gaps;
}
}  // namespace

TEST_CASE("sources: structured fields are formatted into the citation readers see, with a link") {
  Document d;
  LoadResult r = Load(WithSource({{"id", "s"},
                                  {"authors", "Sormani MP, et al."},
                                  {"year", 2017},
                                  {"title", "Autologous HSCT in multiple sclerosis: a meta-analysis"},
                                  {"journal", "Neurology"},
                                  {"volume", "88"},
                                  {"pages", "2115"},
                                  {"note", "Figure 2"},
                                  {"doi", "10.1212/WNL.0000000000003987"}}),
                      "", &d);
  REQUIRE_MESSAGE(r.ok, Dump(r));
  CHECK_MESSAGE(r.problems.empty(), Dump(r));
  REQUIRE(d.sources.size() == 1);
  CHECK(d.sources[0].citation ==
        "Sormani MP, et al. (2017). Autologous HSCT in multiple sclerosis: a meta-analysis. Neurology 88:2115. Figure 2. "
        "doi:10.1212/WNL.0000000000003987.");
  CHECK(d.sources[0].url == "https://doi.org/10.1212/WNL.0000000000003987");

  // An organisation's page: publisher instead of authors, no year needed; the url is the link.
  r = Load(WithSource({{"id", "s"}, {"publisher", "BMJ Best Practice"}, {"title", "Graft-versus-host disease"},
                       {"url", "https://bestpractice.bmj.com/"}}),
           "", &d);
  REQUIRE_MESSAGE(r.ok, Dump(r));
  CHECK(d.sources[0].citation == "BMJ Best Practice. Graft-versus-host disease.");
  CHECK(d.sources[0].url == "https://bestpractice.bmj.com/");

  // Only a PubMed id: the link is the PubMed record.
  r = Load(WithSource({{"id", "s"}, {"authors", "A B"}, {"year", 2021}, {"title", "T?"}, {"pmid", "33808928"}}), "", &d);
  REQUIRE_MESSAGE(r.ok, Dump(r));
  CHECK(d.sources[0].citation == "A B (2021). T? PMID 33808928.");
  CHECK(d.sources[0].url == "https://pubmed.ncbi.nlm.nih.gov/33808928/");
}

TEST_CASE("sources: missing or malformed bibliographic fields are errors that name the path; old citations warn") {
  Document d;
  LoadResult r = Load(WithSource({{"id", "s"}, {"title", "T"}}), "", &d);
  CHECK_FALSE(r.ok);
  CHECK_MESSAGE(Has(r, "/sources/0", "\"authors\" (or \"publisher\"", false), Dump(r));
  CHECK_MESSAGE(Has(r, "/sources/0", "one of \"pmid\", \"doi\" or \"url\"", false), Dump(r));

  r = Load(WithSource({{"id", "s"}, {"authors", "A"}, {"title", "T"}, {"url", "https://example.org/"}}), "", &d);
  CHECK_FALSE(r.ok);
  CHECK_MESSAGE(Has(r, "/sources/0", "\"year\"", false), Dump(r));

  r = Load(WithSource({{"id", "s"}, {"authors", "A"}, {"year", 20}, {"title", "T"}, {"pmid", "PMC123"}, {"doi", "doi:10.1/x"}}), "", &d);
  CHECK_FALSE(r.ok);
  CHECK_MESSAGE(Has(r, "/sources/0/year", "expected a year", false), Dump(r));
  CHECK_MESSAGE(Has(r, "/sources/0/pmid", "digits only", false), Dump(r));
  CHECK_MESSAGE(Has(r, "/sources/0/doi", "expected a DOI", false), Dump(r));
  CHECK(d.sources.empty() == false);

  // A document written before structured sources still loads, shows its text, and says what to add.
  r = Load(WithSource({{"id", "s"}, {"citation", "Smith (2020). A paper."}}), "", &d);
  CHECK_MESSAGE(r.ok, Dump(r));
  CHECK_MESSAGE(Has(r, "/sources/0", "should have structured fields", true), Dump(r));
  CHECK(d.sources[0].citation == "Smith (2020). A paper.");
}

TEST_CASE("therapies: status is read, checked against its four words, and shown by its label") {
  Document d;
  json doc = {{"version", 1},
              {"therapies", json::array({{{"id", "a"}, {"name", "A"}, {"status", "in-trials"}}, {{"id", "b"}, {"name", "B"}}})}};
  LoadResult r = Load(doc, "", &d);
  REQUIRE_MESSAGE(r.ok, Dump(r));
  CHECK(d.therapies[0].status == "in-trials");
  CHECK(d.therapies[1].status.empty());
  CHECK(d.String("status_in-trials") == "In clinical trials");
  doc["therapies"][0]["status"] = "maybe";
  r = Load(doc, "", &d);
  CHECK_FALSE(r.ok);
  CHECK_MESSAGE(Has(r, "/therapies/0/status", "expected one of \"approved\", \"standard-care\", \"in-trials\" or \"experimental\"", false), Dump(r));
}

TEST_CASE("default content: every rated level and every figure cites a defined source; every source can be found") {
  for (const char* name : {"stemcell-explainer.en.json", "stemcell-explainer.es.json"}) {
    CAPTURE(name);
    const json j = ReadJson(kData + name);
    Document d;
    LoadResult r = Load(j, "", &d);
    REQUIRE_MESSAGE(r.ok, Dump(r));
    CHECK_MESSAGE(r.problems.empty(), Dump(r));
    for (const auto& t : d.therapies) CHECK_MESSAGE(!t.status.empty(), t.id << " has no status");
    for (const auto& risk : d.risks)
      for (const auto& l : risk.levels) {
        CAPTURE(risk.id + "/" + l.therapy);
        if (l.level != Level::Unknown) CHECK_MESSAGE(!(l.sources.empty() && l.figures.empty()), "a rated level cites no source");
        for (const auto& id : l.sources) CHECK(d.FindSource(id));
        for (const auto& f : l.figures) {
          CHECK(d.FindSource(f.source));
          CHECK(!f.population.empty());
        }
      }
    // Every source cited anywhere is defined (the loader's cross-reference check, asserted on the raw JSON too).
    std::set<std::string> defined;
    for (const auto& s : j["sources"]) defined.insert(s["id"].get<std::string>());
    std::function<void(const json&, const std::string&)> walk = [&](const json& n, const std::string& key) {
      if (n.is_object()) {
        for (auto it = n.begin(); it != n.end(); ++it) walk(*it, it.key());
      } else if (n.is_array()) {
        for (const auto& x : n) walk(x, key);
      } else if (n.is_string() && (key == "sources" || key == "source")) {
        CHECK_MESSAGE(defined.count(n.get<std::string>()), "undefined source " << n.get<std::string>());
      }
    };
    for (auto it = j.begin(); it != j.end(); ++it)
      if (it.key() != "sources" && it.key() != "strings") walk(*it, it.key());
    // Every source has the bibliographic fields the schema requires.
    for (const auto& s : j["sources"]) {
      CAPTURE(s["id"].get<std::string>());
      CHECK_FALSE(s.contains("citation"));
      CHECK(s.contains("title"));
      CHECK((s.contains("authors") || s.contains("publisher")));
      if (s.contains("authors")) CHECK(s.contains("year"));
      CHECK((s.contains("pmid") || s.contains("doi") || s.contains("url")));
    }
  }
}

TEST_CASE("default content: no source keeps a placeholder; each names who, when, what, where and how to find it") {
  // The check itself catches the placeholders issue 9 found in the data, and passes a complete reference.
  CHECK_FALSE(SourceGaps({{"id", "x"}, {"authors", "[Authors not yet recorded]"}, {"year", 2020}, {"title", "T"},
                          {"journal", "J"}, {"doi", "10.1/x"}})
                  .empty());
  CHECK_FALSE(SourceGaps({{"id", "x"}, {"publisher", "P"}, {"year", 2015},
                          {"title", "[Review of adult stem cells; title not yet recorded]"}, {"doi", "10.1/x"}})
                  .empty());
  CHECK_FALSE(SourceGaps({{"id", "x"}, {"authors", "A, et al."}, {"year", 2019}, {"title", "T"}, {"pmid", "1"}}).empty());
  CHECK(SourceGaps({{"id", "x"}, {"authors", "Dominici M, et al."}, {"year", 2006}, {"title", "Minimal criteria"},
                    {"journal", "Cytotherapy"}, {"volume", "8(4)"}, {"pages", "315–317"}, {"doi", "10.1080/14653240600855905"}})
            .empty());
  for (const char* name : {"stemcell-explainer.en.json", "stemcell-explainer.es.json"}) {
    CAPTURE(name);
    const json j = ReadJson(kData + name);
    REQUIRE(j["sources"].is_array());
    for (const auto& s : j["sources"]) {
      CAPTURE(s["id"].get<std::string>());
      std::string gaps;
      for (const auto& g : SourceGaps(s)) gaps += "\n  " + g;
      CHECK_MESSAGE(gaps.empty(), "incomplete source:" << gaps);
    }
  }
}

TEST_CASE("default content: English and Spanish carry the same ids, numbers, statuses and sources") {
  const json en = ReadJson(kData + "stemcell-explainer.en.json");
  const json es = ReadJson(kData + "stemcell-explainer.es.json");
  // Everything that is not prose must be identical: ids, numbers, levels, units' presence, sources, statuses.
  // Walk both documents together; strings may differ only where they are text for readers.
  static const std::set<std::string> kProse = {"name", "short", "long", "foundIn", "therapyRole", "text", "what", "why",
                                               "when", "managed", "note", "label", "population", "title", "unit"};
  std::function<void(const json&, const json&, const std::string&, const std::string&)> same =
      [&](const json& a, const json& b, const std::string& path, const std::string& key) {
        CAPTURE(path);
        REQUIRE(a.type() == b.type());
        if (a.is_object()) {
          std::set<std::string> ka, kb;
          for (auto it = a.begin(); it != a.end(); ++it) ka.insert(it.key());
          for (auto it = b.begin(); it != b.end(); ++it) kb.insert(it.key());
          CHECK(ka == kb);
          for (const auto& k : ka)
            if (kb.count(k)) same(a[k], b[k], path + "/" + k, k);
        } else if (a.is_array()) {
          REQUIRE(a.size() == b.size());
          for (size_t i = 0; i < a.size(); ++i) same(a[i], b[i], path + "/" + std::to_string(i), key);
        } else if (a.is_string() && kProse.count(key) && path.rfind("/sources", 0) != 0) {
          CHECK_FALSE(b.get<std::string>().empty());
        } else {
          CHECK(a == b);
        }
      };
  for (const char* part : {"cellTypes", "therapies", "timeline", "risks", "sources"}) same(en[part], es[part], std::string("/") + part, part);
}

// The status reaches readers in every widget's parallel DOM (the HTML copy), in both languages, with the
// default content (SetData with "" uses it) and with the Spanish document.
#include "harness.h"

TEST_CASE("every widget shows each therapy's status in its HTML copy, in English and Spanish") {
  std::ifstream f(kData + "stemcell-explainer.es.json", std::ios::binary);
  std::stringstream es;
  es << f.rdbuf();
  for (const std::string& data : {std::string(), es.str()}) {
    const bool spanish = !data.empty();
    for (const char* kind : {"cell-diagram", "risk-chart", "hsct-timeline"}) {
      CAPTURE(kind);
      CAPTURE(spanish);
      scw::test::Harness h;
      const int id = h.Make(kind, 1280, 720);
      std::string err;
      REQUIRE_MESSAGE(h.host->SetData(id, data, &err) == 0, err);
      h.Settle();
      const std::string dom = h.host->Dom(id);
      if (std::string(kind) == "hsct-timeline") {
        // The timeline's variants are the two transplants: standard care.
        CHECK(dom.find(spanish ? "Situación: Tratamiento habitual" : "Status: Standard care") != std::string::npos);
      } else {
        CHECK(dom.find(spanish ? "Experimental" : "Experimental") != std::string::npos);
        CHECK(dom.find(spanish ? "En ensayos clínicos" : "In clinical trials") != std::string::npos);
        CHECK(dom.find(spanish ? "Tratamiento habitual" : "Standard care") != std::string::npos);
      }
    }
  }
}
