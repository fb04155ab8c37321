// test_pattern.cpp — see test_pattern.h. Scaffolding for host tests only.
#include "test_pattern.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "ui/input.h"

namespace scw {
namespace {
const char* kShapeIds[3] = {"circle", "square", "triangle"};
constexpr float kAnimSeconds = 1.0f;
}  // namespace

TestPatternWidget::Layout TestPatternWidget::ComputeLayout(float w, float h, float s) {
  Layout L;
  const float pad = 16 * s;
  const float label_h = 24 * s, button_h = 40 * s;
  const float avail_h = std::max(1.0f, h - 2 * pad - label_h - button_h - 16 * s);
  const float gap = 12 * s;
  const float side = std::max(8.0f, std::min((w - 2 * pad - 2 * gap) / 3.0f, avail_h));
  const float total = 3 * side + 2 * gap;
  const float x0 = (w - total) / 2;
  const float y0 = pad + label_h + 8 * s;
  for (int i = 0; i < 3; ++i) L.shapes[i] = Rect{x0 + i * (side + gap), y0, side, side};
  L.label = Rect{pad, pad, w - 2 * pad, label_h};
  const float bw = std::min(w - 2 * pad, 160 * s);
  L.button = Rect{(w - bw) / 2, y0 + side + 8 * s, bw, button_h};
  return L;
}

LoadResult TestPatternWidget::SetContent(const nlohmann::json& doc, const std::string&) {
  LoadResult r;
  // The scaffold takes {"label": "..."} so host tests can check that update(data) reaches the widget.
  if (doc.is_object() && doc.contains("label")) {
    if (doc["label"].is_string()) {
      label_ = doc["label"].get<std::string>();
    } else {
      r.ok = false;
      r.problems.push_back({"/label", "expected text, got " + std::string(doc["label"].type_name())});
    }
  }
  return r;
}

void TestPatternWidget::Activate(int item, bool reduced_motion) {
  if (item < 3) {
    selected_ = (selected_ == item) ? -1 : item;  // a second tap clears
    ++clicks_;
  } else {
    if (reduced_motion) { ++runs_; anim_t_ = -1; }
    else anim_t_ = 0;
  }
  MarkChanged();
}

bool TestPatternWidget::UsesKey(Key key) const {
  switch (key) {
    case Key::Left: case Key::Right: case Key::Home: case Key::End: case Key::Enter: case Key::Space: return true;
    case Key::Escape: return selected_ >= 0;
    default: return false;
  }
}

void TestPatternWidget::Frame(const FrameContext& ctx) {
  const Theme& th = *ctx.theme;
  const float s = ctx.scale;
  const Layout L = ComputeLayout(ctx.width, ctx.height, s);
  last_layout_ = L;
  last_px_ = ctx.px;
  const InputState& io = *ctx.input;

  // Input: pointer
  if (io.clicked) {
    for (int i = 0; i < 3; ++i)
      if (L.shapes[i].Contains(io.pos.x, io.pos.y)) { cursor_ = i; Activate(i, ctx.reduced_motion); }
    if (L.button.Contains(io.pos.x, io.pos.y)) { cursor_ = 3; Activate(3, ctx.reduced_motion); }
  }
  // Input: keyboard
  auto pressed = [&](Key k) { return io.key_pressed[(int)k]; };
  if (pressed(Key::Right)) cursor_ = std::min(cursor_ + 1, kItems - 1);
  if (pressed(Key::Left)) cursor_ = std::max(cursor_ - 1, 0);
  if (pressed(Key::Home)) cursor_ = 0;
  if (pressed(Key::End)) cursor_ = kItems - 1;
  if (pressed(Key::Enter) || pressed(Key::Space)) Activate(cursor_, ctx.reduced_motion);
  if (pressed(Key::Escape) && selected_ >= 0) { selected_ = -1; MarkChanged(); }

  if (anim_t_ >= 0) {
    anim_t_ += ctx.dt / kAnimSeconds;
    if (anim_t_ >= 1) { anim_t_ = -1; ++runs_; MarkChanged(); }
  }

  // Draw
  ImDrawList* dl = ctx.draw;
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(ctx.width, ctx.height), th.background);
  DrawText(dl, FontRole::Title, L.label.Min(), th.text, label_ + "  ·  clicks " + std::to_string(clicks_));
  for (int i = 0; i < 3; ++i) {
    const Rect& r = L.shapes[i];
    const bool sel = selected_ == i;
    const Color fill = sel ? th.accent : th.series[i];
    const ImVec2 c(r.x + r.w / 2, r.y + r.h / 2);
    if (i == 0) dl->AddCircleFilled(c, r.w / 2, fill, 48);
    if (i == 1) dl->AddRectFilled(r.Min(), r.Max(), fill, 6 * s);
    if (i == 2) dl->AddTriangleFilled(ImVec2(c.x, r.y), ImVec2(r.x + r.w, r.y + r.h), ImVec2(r.x, r.y + r.h), fill);
    if (sel) dl->AddRect(r.Min(), r.Max(), th.text, 6 * s, 0, 3 * s);  // not by colour alone: an outline too
    if (ctx.focus_visible && cursor_ == i) DrawFocusRing(dl, r, 6 * s, th, s);
  }
  const Rect& b = L.button;
  dl->AddRectFilled(b.Min(), b.Max(), th.accent, 8 * s);
  const std::string btn = anim_t_ >= 0 ? "Running…" : "Animate";
  const ImVec2 ts = MeasureText(FontRole::Strong, btn);
  DrawText(dl, FontRole::Strong, ImVec2(b.x + (b.w - ts.x) / 2, b.y + (b.h - ts.y) / 2), th.accent_text, btn);
  if (ctx.focus_visible && cursor_ == 3) DrawFocusRing(dl, b, 8 * s, th, s);
  if (anim_t_ >= 0) {
    const float x = L.label.x + anim_t_ * L.label.w;
    dl->AddCircleFilled(ImVec2(x, b.y + b.h + 12 * s), 6 * s, th.series[1], 24);
  }
}

void TestPatternWidget::State(JsonWriter& j) const {
  j.Field("widget", Kind());
  j.Key("selected");
  if (selected_ >= 0) j.String(kShapeIds[selected_]); else j.Null();
  j.Field("clicks", clicks_);
  j.Field("animating", anim_t_ >= 0);
  j.Field("animationsCompleted", runs_);
  j.Field("cursor", cursor_);
  j.Field("label", label_);
  auto item = [&](const char* id, const Rect& r) {
    j.BeginObject().Field("id", id).Key("box").BeginObject();
    j.Field("x", r.x / last_px_).Field("y", r.y / last_px_).Field("w", r.w / last_px_).Field("h", r.h / last_px_);
    j.EndObject().EndObject();
  };
  j.Key("items").BeginArray();  // scaffolding: where to click, in CSS px from the canvas's top-left
  for (int i = 0; i < 3; ++i) item(kShapeIds[i], last_layout_.shapes[i]);
  item("button", last_layout_.button);
  j.EndArray();
}

std::string TestPatternWidget::Announcement() const {
  return selected_ >= 0 ? std::string("Selected ") + kShapeIds[selected_] : std::string("Nothing selected");
}

}  // namespace scw
