// scheduler.h — when a widget needs a frame. The rule: draw after input, resize, new data or options, and
// while an animation runs; otherwise draw nothing (an idle page draws 0 frames and requests 0 animation frames).
#pragma once

namespace scw {

class FrameScheduler {
 public:
  // ImGui lays out from the previous frame's input state; one extra frame lets hover and clicks settle.
  static constexpr int kSettleFrames = 2;

  void Invalidate() { owed_ = kSettleFrames; }
  bool WantsFrame(bool animating, bool input_pending) const { return owed_ > 0 || animating || input_pending; }
  // Called after a frame was drawn, with what the frame left behind.
  void FrameDrawn(bool animating, bool input_pending) {
    (void)animating;  // an animation keeps asking through WantsFrame; it owes nothing once it stops
    if (input_pending) owed_ = kSettleFrames;
    else if (owed_ > 0) --owed_;
  }
  int owed() const { return owed_; }

 private:
  int owed_ = 0;
};

}  // namespace scw
