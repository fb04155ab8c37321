// bench_frames — frame CPU time of each widget kind during a scripted interaction at 1920×1080, headless
// (ImGui + widget + draw lists; no GPU). Prints median and p95 in ms per kind. A benchmark, not a test:
// it prints figures and never fails on time. Target (WIDGET-BAR.md): p95 ≤ 2 ms.
//   build/native/tests/bench_frames [frames-per-kind]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "host.h"
#include "null_backends.h"
#include "scripted.h"

using namespace scw;

int main(int argc, char** argv) {
  const int frames = argc > 1 ? std::atoi(argv[1]) : 600;
  std::printf("%-16s %8s %8s %8s %10s %10s\n", "widget", "frames", "median", "p95", "vertices", "draw calls");
  for (const auto& kind : WidgetKinds()) {
    auto p = std::make_unique<NullPlatform>();
    auto r = std::make_unique<NullRenderer>();
    NullPlatform* platform = p.get();
    NullRenderer* renderer = r.get();
    Host host(std::move(p), std::move(r));
    std::string err;
    const int id = host.Create(kind, "bench", &err);
    if (!id) { std::printf("%-16s cannot create: %s\n", kind.c_str(), err.c_str()); continue; }
    host.Resize(id, 1920, 1080, 1);
    host.SetData(id, "", &err);
    host.Focus(id, true);
    std::vector<double> ms = bench::ScriptedFrames(host, *platform, id, frames, 10);  // skip warm-up (atlas)
    std::sort(ms.begin(), ms.end());
    const double median = ms[ms.size() / 2], p95 = ms[(size_t)(ms.size() * 0.95)];
    std::printf("%-16s %8zu %8.3f %8.3f %10d %10d\n", kind.c_str(), ms.size(), median, p95, renderer->last_vertices,
                renderer->last_commands);
  }
  return 0;
}
