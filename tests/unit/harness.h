// harness.h — a headless host for tests: null platform and renderer, a movable clock, recorded events.
#pragma once
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "host.h"
#include "null_backends.h"

namespace scw::test {

struct Event {
  int id;
  std::string type;
  std::string detail;
};

struct Harness {
  NullPlatform* platform;
  NullRenderer* renderer;
  std::unique_ptr<Host> host;
  std::vector<Event> events;
  int frame_requests = 0;
  bool frame_pending = false;  // like the browser: at most one animation frame pending

  Harness() {
    auto p = std::make_unique<NullPlatform>();
    auto r = std::make_unique<NullRenderer>();
    platform = p.get();
    renderer = r.get();
    host = std::make_unique<Host>(std::move(p), std::move(r));
    host->SetEventSink([](void* self, int id, const char* type, const std::string& d) {
      static_cast<Harness*>(self)->events.push_back({id, type, d});
    }, this);
    host->SetFrameRequester([](void* self) { static_cast<Harness*>(self)->Requested(); }, this);
  }
  Harness(const Harness&) = delete;  // the host's callbacks hold this address
  Harness& operator=(const Harness&) = delete;
  void Requested() {
    if (frame_pending) return;
    frame_pending = true;
    ++frame_requests;
  }
  // Runs animation frames the way the browser glue does: only when one was requested, and requesting the next
  // only while the host wants one. Advances the clock 1/60 s a frame. Returns frames run.
  int Settle(int max_frames = 600) {
    int n = 0;
    while (frame_pending && n < max_frames) {
      frame_pending = false;
      platform->now += 1.0 / 60.0;
      if (host->Frame()) {
        frame_pending = true;
        ++frame_requests;
      }
      ++n;
    }
    CHECK_FALSE(host->WantsFrame());  // never idle while something still wants a frame (a stuck widget)
    return n;
  }
  int Make(const std::string& kind, float w = 640, float h = 400, float dpr = 1) {
    std::string err;
    const int id = host->Create(kind, "c" + std::to_string(host->stats().instances + 1), &err);
    host->Resize(id, w, h, dpr);
    return id;
  }
  std::vector<Event> Of(const std::string& type) const {
    std::vector<Event> out;
    for (const auto& e : events)
      if (e.type == type) out.push_back(e);
    return out;
  }
  nlohmann::json State(int id) const { return nlohmann::json::parse(host->State(id)); }
};

// The default document in `lang` ("en", "es"): data/stemcell-explainer.<lang>.json.
inline std::string ExplainerData(const std::string& lang) {
  std::ifstream f(std::string(SCW_SOURCE_DIR) + "/data/stemcell-explainer." + lang + ".json", std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace scw::test
