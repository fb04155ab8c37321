// input_queue.cpp — see input_queue.h.
#include "input_queue.h"

#include <cfloat>

#include <imgui.h>

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

int InputQueue::ApplyFrame(ImGuiIO& io) {
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
        io.MousePos = ImVec2(e.x, e.y);
        break;
      case InputType::PointerLeave:
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no hover left behind (touch, or the mouse left)
        break;
      case InputType::Wheel:
        io.MouseWheel += e.wheel_y;
        io.MouseWheelH += e.wheel_x;
        break;
      case InputType::MouseButton:
        io.MousePos = ImVec2(e.x, e.y);
        if (e.button >= 0 && e.button < 5) io.MouseDown[e.button] = e.down;
        return done();  // one transition per frame
      case InputType::Key:
        io.KeysDown[(int)e.key] = e.down;
        return done();
    }
  }
  return done();
}

void InstallKeyMap(ImGuiIO& io) {
  io.KeyMap[ImGuiKey_Tab] = (int)Key::Tab;
  io.KeyMap[ImGuiKey_LeftArrow] = (int)Key::Left;
  io.KeyMap[ImGuiKey_RightArrow] = (int)Key::Right;
  io.KeyMap[ImGuiKey_UpArrow] = (int)Key::Up;
  io.KeyMap[ImGuiKey_DownArrow] = (int)Key::Down;
  io.KeyMap[ImGuiKey_Home] = (int)Key::Home;
  io.KeyMap[ImGuiKey_End] = (int)Key::End;
  io.KeyMap[ImGuiKey_PageUp] = (int)Key::PageUp;
  io.KeyMap[ImGuiKey_PageDown] = (int)Key::PageDown;
  io.KeyMap[ImGuiKey_Enter] = (int)Key::Enter;
  io.KeyMap[ImGuiKey_Space] = (int)Key::Space;
  io.KeyMap[ImGuiKey_Escape] = (int)Key::Escape;
}

}  // namespace scw
