// The frame scheduler's decisions: frames after a change, none when idle, continuous during animation.
#include <doctest/doctest.h>

#include "scheduler.h"

using scw::FrameScheduler;

TEST_CASE("idle scheduler wants no frame") {
  FrameScheduler s;
  CHECK_FALSE(s.WantsFrame(false, false));
}

TEST_CASE("an invalidation is paid with a bounded number of frames, then idle") {
  FrameScheduler s;
  s.Invalidate();
  int frames = 0;
  while (s.WantsFrame(false, false) && frames < 100) {
    s.FrameDrawn(false, false);
    ++frames;
  }
  CHECK(frames == FrameScheduler::kSettleFrames);
  CHECK_FALSE(s.WantsFrame(false, false));
}

TEST_CASE("pending input keeps frames coming until the queue drains, then settles") {
  FrameScheduler s;
  s.Invalidate();
  s.FrameDrawn(false, true);
  s.FrameDrawn(false, true);
  s.FrameDrawn(false, true);
  CHECK(s.WantsFrame(false, false));
  CHECK(s.owed() == FrameScheduler::kSettleFrames);
}

TEST_CASE("an animation wants frames for as long as it runs and nothing after") {
  FrameScheduler s;
  CHECK(s.WantsFrame(true, false));
  for (int i = 0; i < 50; ++i) s.FrameDrawn(true, false);
  CHECK_FALSE(s.WantsFrame(false, false));
}
