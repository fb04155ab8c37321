// null_backends.h — Platform and Renderer with no browser and no GPU, for native tests and tools.
#pragma once
#include <map>
#include <memory>

#include "host.h"

namespace scw {

class NullRenderer final : public Renderer {
 public:
  bool Attach(Instance& inst) override;
  void Detach(Instance& inst) override;
  void PrepareFonts(Instance& inst) override;
  void Draw(Instance& inst, const ImDrawList& draw) override;
  void ContextRestored() override { uploaded_.clear(); }
  int draws = 0, font_uploads = 0, last_id = 0, last_vertices = 0, last_commands = 0;

 private:
  std::map<const FontSet*, std::pair<unsigned, unsigned long>> uploaded_;  // set -> its serial, atlas build
};

class NullPlatform final : public Platform {
 public:
  void Attach(Instance& inst) override;
  void Detach(Instance& inst) override;
  double Now() const override;
  double now = 0;  // tests move the clock
  int attached = 0;
};

}  // namespace scw
