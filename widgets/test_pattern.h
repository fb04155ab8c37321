// test_pattern.h — TEST SCAFFOLDING, not a feature: KIND "test-pattern".
// A tiny widget the host tests drive: three clickable shapes, a text line, a button that runs a short
// animation. It exercises every host path (input, focus, keys, frames, animation, state, change events)
// without depending on real content.
#pragma once
#include <array>

#include "ui/draw.h"
#include "widget.h"

namespace scw {

class TestPatternWidget final : public Widget {
 public:
  struct Layout {
    std::array<Rect, 3> shapes;
    Rect button;
    Rect label;
  };
  static Layout ComputeLayout(float width, float height, float scale);
  static constexpr int kItems = 4;  // 3 shapes + the button, in keyboard order

  const char* Kind() const override { return "test-pattern"; }
  LoadResult SetContent(const nlohmann::json& doc, const std::string& lang) override;
  void Frame(const FrameContext& ctx) override;
  void State(JsonWriter& out) const override;
  bool UsesKey(Key key) const override;
  bool Animating() const override { return anim_t_ >= 0; }
  std::string Announcement() const override;

 private:
  void Activate(int item, bool reduced_motion);

  int selected_ = -1;  // shape index or -1
  int cursor_ = 0;     // keyboard position (0..kItems-1)
  int clicks_ = 0;
  int runs_ = 0;       // completed animations
  float anim_t_ = -1;  // animation progress 0..1, -1 when idle
  std::string label_ = "Test pattern";
  Layout last_layout_{};  // as drawn last frame, so state() can report hit areas (CSS px) to browser tests
  float last_px_ = 1;
};

}  // namespace scw
