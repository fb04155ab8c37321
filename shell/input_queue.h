// input_queue.h — browser input, queued and applied to a frame's InputState one transition per frame.
//
// Widgets read input as state once per frame (ui/input.h). A fast click (down and up between two frames) would
// be lost, so events wait in a queue and each frame applies them up to and including the first button or key
// transition. Moves and wheel in between coalesce.
#pragma once
#include <cstddef>
#include <vector>

#include "ui/input.h"
#include "widget.h"

namespace scw {

enum class InputType { MouseMove, MouseButton, Wheel, Key, PointerLeave };

struct InputEvent {
  InputType type = InputType::MouseMove;
  float x = 0, y = 0;          // framebuffer pixels (MouseMove, MouseButton)
  int button = 0;              // 0 = primary (MouseButton)
  bool down = false;           // MouseButton, Key
  float wheel_x = 0, wheel_y = 0;
  Key key = Key::None;
  bool shift = false;          // Key: Shift was held
};

class InputQueue {
 public:
  static constexpr size_t kMaxEvents = 256;  // past this, the oldest moves are dropped (never transitions)

  void Push(const InputEvent& e);
  bool Empty() const { return q_.empty(); }
  size_t Size() const { return q_.size(); }
  void Clear() { q_.clear(); }
  // Starts a frame in `in` (clears last frame's presses and wheel) and applies events until one button/key
  // transition has been applied. Returns how many were applied.
  int ApplyFrame(InputState& in);

 private:
  std::vector<InputEvent> q_;   // a vector, not a deque: at most kMaxEvents, and ~4 KB less wasm
};

// Browsers follow a touch with emulated mouse events; a tap must count once. Mouse events that arrive within
// kWindow seconds of a touch are dropped.
class PointerFilter {
 public:
  static constexpr double kWindow = 0.8;
  void OnTouch(double now) { last_touch_ = now; }
  bool AcceptMouse(double now) const { return now - last_touch_ > kWindow; }

 private:
  double last_touch_ = -1e9;
};

}  // namespace scw
