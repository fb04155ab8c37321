// The input queue: one transition per frame, coalesced moves, no lost clicks, touch counted once.
#include <doctest/doctest.h>

#include "input_queue.h"

using namespace scw;

namespace {
InputEvent Button(bool down, float x = 10, float y = 10) {
  InputEvent e;
  e.type = InputType::MouseButton;
  e.down = down;
  e.x = x;
  e.y = y;
  return e;
}
InputEvent Move(float x, float y) {
  InputEvent e;
  e.type = InputType::MouseMove;
  e.x = x;
  e.y = y;
  return e;
}
}  // namespace

TEST_CASE("a press and release between two frames land in separate frames") {
  InputState io;
  InputQueue q;
  q.Push(Button(true));
  q.Push(Button(false));
  CHECK(q.ApplyFrame(io) == 1);
  CHECK(io.down);
  CHECK(io.clicked);
  CHECK_FALSE(io.released);
  CHECK(q.ApplyFrame(io) == 1);
  CHECK_FALSE(io.down);
  CHECK_FALSE(io.clicked);
  CHECK(io.released);
  CHECK(q.Empty());
  q.ApplyFrame(io);
  CHECK_FALSE(io.released);  // a press or release counts in its own frame only
}

TEST_CASE("moves coalesce and apply together with the next transition") {
  InputState io;
  InputQueue q;
  q.Push(Move(1, 1));
  q.Push(Move(2, 2));
  q.Push(Move(30, 40));
  CHECK(q.Size() == 1);
  q.Push(Button(true, 30, 40));
  CHECK(q.ApplyFrame(io) == 2);
  CHECK(io.pos.x == 30);
  CHECK(io.pos.y == 40);
  CHECK(io.down);
}

TEST_CASE("keys: down and up of a fast tap are one frame apart") {
  InputState io;
  InputQueue q;
  InputEvent k;
  k.type = InputType::Key;
  k.key = Key::Right;
  k.down = true;
  q.Push(k);
  k.down = false;
  q.Push(k);
  q.ApplyFrame(io);
  CHECK(io.key_down[(int)Key::Right]);
  CHECK(io.key_pressed[(int)Key::Right]);
  q.ApplyFrame(io);
  CHECK_FALSE(io.key_down[(int)Key::Right]);
  CHECK_FALSE(io.key_pressed[(int)Key::Right]);
}

TEST_CASE("a flood of moves is bounded and never drops a transition") {
  InputQueue q;
  for (int i = 0; i < 1000; ++i) {
    q.Push(Move((float)i, 0));
    InputEvent w;
    w.type = InputType::Wheel;
    w.wheel_y = 1;
    q.Push(w);
  }
  CHECK(q.Size() <= InputQueue::kMaxEvents);
  q.Push(Button(true));
  q.Push(Button(false));
  int downs = 0, ups = 0;
  InputState io;
  bool was = false;
  while (!q.Empty()) {
    q.ApplyFrame(io);
    if (io.down && !was) ++downs;
    if (!io.down && was) ++ups;
    was = io.down;
  }
  CHECK(downs == 1);
  CHECK(ups == 1);
}

TEST_CASE("pointer filter drops the emulated mouse events that follow a touch") {
  PointerFilter f;
  CHECK(f.AcceptMouse(10.0));
  f.OnTouch(10.0);
  CHECK_FALSE(f.AcceptMouse(10.1));
  CHECK_FALSE(f.AcceptMouse(10.0 + PointerFilter::kWindow - 0.01));
  CHECK(f.AcceptMouse(10.0 + PointerFilter::kWindow + 0.01));
}
