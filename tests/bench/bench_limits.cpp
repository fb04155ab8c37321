// bench_limits — documents at the limits the format allows (200 items a list, 120-character names, long texts,
// under the 1 MB size limit): the time to check one (parse + check + take it) and the frame CPU time drawing
// it, per widget kind, at 1920×1080 headless. Targets (issue 10): check ≤ 100 ms, frame ≤ 50 ms. A benchmark:
// it prints figures and never fails on time.   build/.../tests/bench_limits [frames]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "host.h"
#include "null_backends.h"
#include "scripted.h"

using namespace scw;
using json = nlohmann::json;

namespace {
std::string Word(const char* stem, int i, size_t len) {
  std::string s = std::string(stem) + " " + std::to_string(i) + " ";
  while (s.size() < len) s += "longword ";
  return s.substr(0, len);
}

json Limits(const std::string& kind) {
  json d = {{"version", 1}, {"sources", json::array({{{"id", "s"}, {"citation", Word("A citation", 0, 300)}}})}};
  if (kind == "cell-diagram") {
    json cells = json::array(), th = json::array();
    for (int i = 0; i < 200; ++i) {
      json c = {{"id", "c" + std::to_string(i)}, {"name", Word("Cell", i, 120)}, {"category", i < 20 ? "adult" : "mature"},
                {"short", Word("Short", i, 600)}, {"long", Word("Long", i, 2000)}, {"sources", {"s"}}};
      if (i >= 20) c["becomes"] = json::array();
      if (i < 20) { json b = json::array(); for (int k = 20 + i * 9; k < 29 + i * 9 && k < 200; ++k) b.push_back("c" + std::to_string(k)); c["becomes"] = b; }
      cells.push_back(c);
    }
    for (int i = 0; i < 200; ++i) th.push_back({{"id", "t" + std::to_string(i)}, {"name", Word("Therapy", i, 120)}, {"cells", {"c" + std::to_string(i % 20)}}});
    d["cellTypes"] = cells;
    d["therapies"] = th;
  } else if (kind == "hsct-timeline") {
    json ph = json::array(), ms = json::array(), risks = json::array();
    for (int i = 0; i < 30; ++i)
      risks.push_back({{"id", "r" + std::to_string(i)}, {"name", Word("Risk", i, 120)}, {"short", Word("Short", i, 300)}, {"levels", json::array()},
                       {"sources", {"s"}}, {"window", json::array({{{"variant", "v"}, {"days", {i * 10 - 100, i * 10 + 200}}}})}});
    for (int i = 0; i < 200; ++i) {
      json rs = json::array();
      for (int k = 0; k < 10; ++k) rs.push_back("r" + std::to_string((i + k) % 30));
      ph.push_back({{"id", "p" + std::to_string(i)}, {"name", Word("Phase", i, 120)}, {"days", {i * 15 - 300, i * 15 - 286}},
                    {"text", Word("Text", i, 1500)}, {"risks", rs}, {"sources", {"s"}}});
      ms.push_back({{"id", "m" + std::to_string(i)}, {"name", Word("Milestone", i, 120)}, {"days", {i * 15 - 300, i * 15 - 300}}, {"sources", {"s"}}});
    }
    d["risks"] = risks;
    d["timeline"] = {{"variants", json::array({{{"id", "v"}, {"name", Word("Variant", 0, 120)}, {"phases", ph}, {"milestones", ms}}})}};
  } else {
    json th = json::array(), risks = json::array();
    for (int i = 0; i < 40; ++i) th.push_back({{"id", "t" + std::to_string(i)}, {"name", Word("Therapy", i, 120)}});
    for (int i = 0; i < 60; ++i) {
      json lv = json::array();
      for (int k = 0; k < 40; ++k) {
        json l = {{"therapy", "t" + std::to_string(k)}, {"level", (i + k) % 3 ? "moderate" : "high"}};
        if ((i + k) % 5 == 0)
          l["figures"] = json::array({{{"label", "Deaths"}, {"value", 2.5}, {"unit", "%"}, {"interval", {1.0, 4.0}}, {"population", "P"}, {"source", "s"}}});
        lv.push_back(l);
      }
      risks.push_back({{"id", "r" + std::to_string(i)}, {"name", Word("Risk", i, 120)}, {"short", Word("Short", i, 300)}, {"levels", lv}, {"sources", {"s"}}});
    }
    d["therapies"] = th;
    d["risks"] = risks;
    d["strings"] = {{"levelModerate", Word("A very long translated level label", 0, 400)}};
  }
  return d;
}
}  // namespace

int main(int argc, char** argv) {
  const int frames = argc > 1 ? std::atoi(argv[1]) : 120;
  std::printf("%-16s %9s %9s %9s %9s\n", "widget", "KB", "check ms", "median", "p95 ms");
  for (const std::string kind : {"cell-diagram", "hsct-timeline", "risk-chart"}) {
    auto p = std::make_unique<NullPlatform>();
    auto r = std::make_unique<NullRenderer>();
    NullPlatform* platform = p.get();
    Host host(std::move(p), std::move(r));
    std::string err;
    const int id = host.Create(kind, "bench", &err);
    host.Resize(id, 1920, 1080, 1);
    const std::string text = Limits(kind).dump();
    const auto c0 = std::chrono::steady_clock::now();
    const int errors = host.SetData(id, text, &err);
    const double check = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - c0).count();
    if (errors) { std::printf("%-16s refused: %s\n", kind.c_str(), err.c_str()); continue; }
    host.Focus(id, true);
    std::vector<double> ms = bench::ScriptedFrames(host, *platform, id, frames);
    std::sort(ms.begin(), ms.end());
    std::printf("%-16s %9zu %9.1f %9.2f %9.2f\n", kind.c_str(), text.size() / 1024, check, ms[ms.size() / 2], ms[(size_t)(ms.size() * 0.95)]);
  }
  return 0;
}
