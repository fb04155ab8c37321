// scripted.h — the benchmarks' scripted interaction: the pointer sweeps a 1920×1080 canvas, clicking every 10th
// frame, while arrow keys, Enter and Escape walk the items. Every frame has input, so every frame is drawn.
#pragma once
#include <chrono>
#include <vector>

#include "host.h"
#include "null_backends.h"

namespace scw::bench {

// Runs `frames` frames of instance `id` and returns each frame's CPU time in ms, skipping the first `warmup`.
inline std::vector<double> ScriptedFrames(Host& host, NullPlatform& platform, int id, int frames, int warmup = 0) {
  std::vector<double> ms;
  const Key keys[] = {Key::Right, Key::Down, Key::Enter, Key::Left, Key::Up, Key::Enter, Key::Escape};
  for (int i = 0; i < frames; ++i) {
    const float x = (float)((i * 37) % 1920), y = (float)((i * 53) % 1080);
    host.MouseMove(id, x, y);
    if (i % 10 == 0) { host.MouseButton(id, 0, true, x, y); host.MouseButton(id, 0, false, x, y); }
    if (i % 7 == 0) { host.KeyEvent(id, keys[(i / 7) % 7], true); host.KeyEvent(id, keys[(i / 7) % 7], false); }
    platform.now += 1.0 / 60.0;
    const auto t0 = std::chrono::steady_clock::now();
    host.Frame();
    const auto t1 = std::chrono::steady_clock::now();
    if (i >= warmup) ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  return ms;
}

}  // namespace scw::bench
