// bench_frames — frame CPU time of each widget kind during a scripted interaction at 1920×1080, headless
// (ImGui + widget + draw lists; no GPU). Prints median and p95 in ms per kind. A benchmark, not a test:
// it prints figures and never fails on time. Target (WIDGET-BAR.md): p95 ≤ 2 ms.
//   build/native/tests/bench_frames [frames-per-kind] [kind]   (kind: only that widget, e.g. for a profiler)
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
  // Also the cold start: the default content's parse and check (SetData) and the first frame (first layout, text
  // measured and wrapped for the first time, the font atlas built), each once, in ms.
  std::printf("%-16s %8s %8s %8s %10s %10s %9s %12s\n", "widget", "frames", "median", "p95", "vertices", "draw calls",
              "set data", "first frame");
  for (const auto& kind : WidgetKinds()) {
    if (argc > 2 && kind != argv[2]) continue;
    auto p = std::make_unique<NullPlatform>();
    auto r = std::make_unique<NullRenderer>();
    NullPlatform* platform = p.get();
    NullRenderer* renderer = r.get();
    Host host(std::move(p), std::move(r));
    std::string err;
    const int id = host.Create(kind, "bench", &err);
    if (!id) { std::printf("%-16s cannot create: %s\n", kind.c_str(), err.c_str()); continue; }
    host.Resize(id, 1920, 1080, 1);
    const auto t0 = std::chrono::steady_clock::now();
    host.SetData(id, "", &err);
    const auto t1 = std::chrono::steady_clock::now();
    host.Frame();
    const auto t2 = std::chrono::steady_clock::now();
    host.Focus(id, true);
    std::vector<double> ms = bench::ScriptedFrames(host, *platform, id, frames, 10);  // skip warm-up (atlas)
    std::sort(ms.begin(), ms.end());
    const double median = ms[ms.size() / 2], p95 = ms[(size_t)(ms.size() * 0.95)];
    std::printf("%-16s %8zu %8.3f %8.3f %10d %10d %9.2f %12.2f\n", kind.c_str(), ms.size(), median, p95,
                renderer->last_vertices, renderer->last_commands,
                std::chrono::duration<double, std::milli>(t1 - t0).count(),
                std::chrono::duration<double, std::milli>(t2 - t1).count());
  }
  return 0;
}
