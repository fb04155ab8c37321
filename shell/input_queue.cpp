// input_queue.cpp — see input_queue.h.
#include "input_queue.h"

#include <cfloat>


namespace scw {

void InputQueue::Push(const InputEvent& e) {
  // Consecutive moves coalesce: only the latest position matters.
  if (e.type == InputType::MouseMove && !q_.empty() && q_.back().type == InputType::MouseMove) {
    q_.back() = e;
    return;
  }
  if (q_.size() >= kMaxEvents) {
    for (auto it = q_.begin(); it != q_.end(); ++it)
      if (it->type == InputType::MouseMove || it->type == InputType::Wheel) { q_.erase(it); break; }
    if (q_.size() >= kMaxEvents) return;  // a flood of transitions: drop the newest rather than grow forever
  }
  q_.push_back(e);
}

int InputQueue::ApplyFrame(InputState& in) {
  in.BeginFrame();
  // Applies events from the front; the applied ones are erased together when the frame's share is done.
  size_t applied = 0;
  auto done = [&] {
    q_.erase(q_.begin(), q_.begin() + applied);
    return static_cast<int>(applied);
  };
  while (applied < q_.size()) {
    const InputEvent e = q_[applied];
    ++applied;
    switch (e.type) {
      case InputType::MouseMove:
        in.pos = ImVec2(e.x, e.y);
        break;
      case InputType::PointerLeave:
        in.pos = ImVec2(-FLT_MAX, -FLT_MAX);  // no hover left behind (touch, or the mouse left)
        break;
      case InputType::Wheel:
        in.wheel += e.wheel_y;
        in.wheel_h += e.wheel_x;
        break;
      case InputType::MouseButton:
        in.pos = ImVec2(e.x, e.y);
        if (e.button == 0 && e.down != in.down) {
          in.down = e.down;
          if (e.down) { in.clicked = true; in.press_pos = in.pos; }
          else in.released = true;
        }
        return done();  // one transition per frame
      case InputType::Key: {
        const int k = (int)e.key;
        in.shift = e.shift;
        if (k > 0 && k < (int)Key::Count) {
          if (e.down && !in.key_down[k]) in.key_pressed[k] = true;
          in.key_down[k] = e.down;
        }
        return done();
      }
    }
  }
  return done();
}

}  // namespace scw
