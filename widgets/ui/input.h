// input.h — one frame's input as a widget reads it: pointer, primary button, wheel and keys, in framebuffer px.
//
// The host fills it from its input queue (shell/input_queue.h) before each frame and hands it to the widget in
// its FrameContext. ImGui's own input state (ImGuiIO) is not used: the widgets draw into a plain ImDrawList.
#pragma once
#include <cfloat>

#include <imgui.h>

#include "widget.h"

namespace scw {

struct InputState {
  ImVec2 pos = ImVec2(-FLT_MAX, -FLT_MAX);  // the pointer; far away when there is none (touch ended, mouse left)
  bool down = false;                        // the primary button (or a touch) is held
  bool clicked = false;                     // it went down this frame
  bool released = false;                    // it went up this frame
  ImVec2 press_pos = ImVec2(-FLT_MAX, -FLT_MAX);  // where it last went down
  float wheel = 0, wheel_h = 0;             // wheel notches this frame (+ = up / left)
  bool key_down[(int)Key::Count] = {};
  bool key_pressed[(int)Key::Count] = {};   // went down this frame (the platform sends repeats as presses)
  bool shift = false;                       // Shift was held at the latest key event (Shift+arrow: finer steps)

  bool HasPointer() const { return pos.x > -FLT_MAX / 2 && pos.y > -FLT_MAX / 2; }
  // Forgets what happened during the last frame; what is held stays held.
  void BeginFrame() {
    clicked = released = false;
    wheel = wheel_h = 0;
    for (bool& k : key_pressed) k = false;
  }
};

// The input of the frame being drawn (the host sets it around Widget::Frame, as it does the fonts).
const InputState& CurrentInput();
void SetCurrentInput(const InputState* input);

}  // namespace scw
