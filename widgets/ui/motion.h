// motion.h — one set of animation timings and one tap tolerance for every widget, and the small pieces that
// run an animation so that reduced motion is honoured the same way everywhere.
//
//   motion::kFade  0.20 s  emphasis that fades in or out in place (the cell diagram's lineage highlight)
//   motion::kMove  0.28 s  something that moves to a new place (phase bands, the day marker, chart rows)
//   motion::kStep  2.5  s  autoplay: how long each step stays before the next (the timeline's "Play")
//   kTapSlopCss    8 CSS px  a press that moves further is a drag (scroll, scrub), never a tap
//
// With reduced motion (FrameContext::reduced_motion) nothing animates: a Tween is finished as soon as it starts,
// and Approach() jumps to its target. Autoplay is a user action, not decoration, so kStep still applies.
//
//   Tween move;                                   // t() == 1: at rest
//   move.Start(ctx.reduced_motion);               // when the thing begins to move
//   move.Advance(ctx.dt, ctx.reduced_motion);     // once a frame (kMove unless another length is given)
//   Rect r = LerpRect(from, to, move.Smooth());   // draw; Animating() is move.Running()
#pragma once
#include <algorithm>

#include <imgui.h>

namespace scw {

namespace motion {
constexpr float kFade = 0.20f;
constexpr float kMove = 0.28f;
constexpr double kStep = 2.5;
}  // namespace motion

// The tap tolerance: the pointer may move this far (CSS px) between press and release and still be a tap.
constexpr float kTapSlopCss = 8.0f;
// Whether `to` is further than the tap tolerance from `from` (framebuffer px; `px` = FrameContext::px).
inline bool BeyondTapSlop(ImVec2 from, ImVec2 to, float px) {
  const float dx = to.x - from.x, dy = to.y - from.y, slop = kTapSlopCss * px;
  return dx * dx + dy * dy > slop * slop;
}

// Easing on 0…1 (clamped).
inline float EaseInOut(float t) {  // smoothstep: starts and ends gently
  t = std::min(1.0f, std::max(0.0f, t));
  return t * t * (3 - 2 * t);
}
inline float EaseOut(float t) {  // cubic: starts fast, settles
  t = std::min(1.0f, std::max(0.0f, t));
  const float r = 1 - t;
  return 1 - r * r * r;
}

// Moves `current` towards `target` by dt / seconds (a linear fade); with reduced motion, straight to the target.
inline float Approach(float current, float target, float dt, bool reduced_motion, float seconds = motion::kFade) {
  if (reduced_motion || seconds <= 0) return target;
  const float step = dt / seconds;
  return current < target ? std::min(target, current + step) : std::max(target, current - step);
}

// A 0…1 animation clock. At rest t() == 1.
class Tween {
 public:
  void Start(bool reduced_motion) { t_ = reduced_motion ? 1.0f : 0.0f; }
  void Finish() { t_ = 1; }
  // Advances by dt; returns whether it is still running afterwards.
  bool Advance(float dt, bool reduced_motion, float seconds = motion::kMove) {
    if (reduced_motion || seconds <= 0) t_ = 1;
    if (t_ < 1) t_ = std::min(1.0f, t_ + dt / seconds);
    return t_ < 1;
  }
  bool Running() const { return t_ < 1; }
  float t() const { return t_; }
  float Smooth() const { return EaseInOut(t_); }
  float Out() const { return EaseOut(t_); }

 private:
  float t_ = 1;
};

}  // namespace scw
