// host.cpp — see host.h. The frame path: input queue -> InputState -> widget Frame into an ImDrawList -> Renderer.
#include "host.h"

#include <cfloat>

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdlib>

#include "content/default_content.h"
#include "content/model.h"
#include "content/json_text.h"
#include "ui/draw.h"

namespace scw {
namespace {
Host* g_host = nullptr;

// {"path": first's path, "message": first's message, "problems": [{"path", "message"}, ...]}.
std::string ProblemsJson(const LoadResult& r, bool warnings) {
  JsonWriter d;
  d.BeginObject();
  for (const auto& p : r.problems)
    if (p.warning == warnings) { d.Field("path", p.path).Field("message", p.message); break; }
  d.Key("problems").BeginArray();
  for (const auto& p : r.problems)
    if (p.warning == warnings) d.BeginObject().Field("path", p.path).Field("message", p.message).EndObject();
  d.EndArray().EndObject();
  return d.Take();
}

// The widget's state as a JSON object; with the announcement when `announcement` is set.
std::string StateJson(const Widget& w, bool announcement) {
  JsonWriter j;
  j.BeginObject();
  w.State(j);
  if (announcement) j.Field("announcement", w.Spoken());
  j.EndObject();
  return j.Take();
}

bool ParseThemeMode(const std::string& v, ThemeMode* m) {
  if (v == "light") { *m = ThemeMode::Light; return true; }
  if (v == "dark") { *m = ThemeMode::Dark; return true; }
  if (v == "high-contrast" || v == "contrast") { *m = ThemeMode::HighContrast; return true; }
  return false;
}
}  // namespace

int LeadingBackdrop(const ImDrawList& dl, int w, int h, ImU32* colour) {
  if (dl.CmdBuffer.Size == 0 || dl.IdxBuffer.Size < 6 || dl.VtxBuffer.Size < 4 || !dl._Data) return 0;
  const ImDrawCmd& cmd = dl.CmdBuffer[0];
  if (cmd.UserCallback || cmd.ElemCount < 6 || cmd.IdxOffset != 0 || cmd.VtxOffset != 0) return 0;
  if (cmd.ClipRect.x > 0 || cmd.ClipRect.y > 0 || cmd.ClipRect.z < (float)w || cmd.ClipRect.w < (float)h) return 0;
  static const ImDrawIdx kRect[6] = {0, 1, 2, 0, 2, 3};  // ImDrawList::PrimRect: corners a, b, c, d clockwise
  for (int k = 0; k < 6; ++k)
    if (dl.IdxBuffer.Data[k] != kRect[k]) return 0;
  const ImDrawVert* v = dl.VtxBuffer.Data;
  const ImVec2 white = dl._Data->TexUvWhitePixel;
  for (int k = 0; k < 4; ++k)
    if (v[k].col != v[0].col || v[k].uv.x != white.x || v[k].uv.y != white.y) return 0;
  if (((v[0].col >> IM_COL32_A_SHIFT) & 0xFF) != 0xFF) return 0;
  if (v[0].pos.x > 0 || v[0].pos.y > 0 || v[2].pos.x < (float)w || v[2].pos.y < (float)h) return 0;
  if (v[1].pos.x != v[2].pos.x || v[1].pos.y != v[0].pos.y || v[3].pos.x != v[0].pos.x || v[3].pos.y != v[2].pos.y)
    return 0;
  *colour = v[0].col;
  return 6;
}

Host* GlobalHost() { return g_host; }
void SetGlobalHost(Host* host) { g_host = host; }

Host::Host(std::unique_ptr<Platform> platform, std::unique_ptr<Renderer> renderer)
    : platform_(std::move(platform)), renderer_(std::move(renderer)) {}

Host::~Host() {
  while (!instances_.empty()) Destroy(instances_.begin()->first);
}

Instance* Host::Find(int id) {
  auto it = instances_.find(id);
  return it == instances_.end() ? nullptr : it->second.get();
}
const Instance* Host::Find(int id) const {
  auto it = instances_.find(id);
  return it == instances_.end() ? nullptr : it->second.get();
}

void Host::Emit(int id, const char* type, const std::string& detail) {
  if (sink_) sink_(sink_ctx_, id, type, detail);
}

void Host::EmitProblems(int id, const LoadResult& r) {
  bool any_error = false, any_warning = false;
  for (const auto& p : r.problems) (p.warning ? any_warning : any_error) = true;
  if (any_error) Emit(id, "error", ProblemsJson(r, false));
  if (any_warning) Emit(id, "warning", ProblemsJson(r, true));
}

void Host::Invalidate(Instance& inst) {
  inst.scheduler.Invalidate();
  if (request_frame_) request_frame_(request_ctx_);  // the requester keeps at most one frame pending
}

int Host::Create(const std::string& kind, const std::string& canvas, std::string* error) {
  auto widget = CreateWidget(kind);
  if (!widget) {
    std::string known;
    for (const auto& k : WidgetKinds())  // test-pattern is scaffolding for tests: never offered to authors
      if (k != "test-pattern") known += (known.empty() ? "" : ", ") + k;
    *error = "Unknown widget kind \"" + kind + "\". Use one of: " + known + ".";
    return 0;
  }
  if (canvas.empty()) {
    *error = "No canvas given for the widget.";
    return 0;
  }
  auto inst = std::make_unique<Instance>();
  inst->id = next_id_++;
  inst->canvas = canvas;
  inst->widget = std::move(widget);
  inst->view = ComputeViewport(inst->css_w, inst->css_h, inst->dpr);
  inst->fonts = SharedFonts(inst->view.scale);
  inst->draw = std::make_unique<ImDrawList>(inst->fonts->draw_data);
  // Without a GPU the widget still loads content and answers state() and the parallel DOM; it just draws nothing.
  inst->gpu = renderer_->Attach(*inst);
  if (inst->gpu) platform_->Attach(*inst);
  const int id = inst->id;
  instances_[id] = std::move(inst);
  stats_.instances = (int)instances_.size();
  Invalidate(*instances_[id]);
  return id;
}

bool Host::Destroy(int id) {
  auto it = instances_.find(id);
  if (it == instances_.end()) return false;
  Instance& inst = *it->second;
  if (inst.gpu) platform_->Detach(inst);
  if (inst.gpu) renderer_->Detach(inst);
  instances_.erase(it);
  stats_.instances = (int)instances_.size();
  return true;
}

int Host::SetData(int id, const std::string& json_text, std::string* error) {
  Instance* inst = Find(id);
  if (!inst) { *error = "No widget with id " + std::to_string(id) + "."; return -1; }
  LoadResult r;
  std::string text = json_text;
  if (text.empty()) text = DefaultContentText();  // no data given: the bundle's own English content
  if (text.empty()) text = "{}";
  // The same text as a widget's accepted document (the built-in content in three widgets): its parse is shared.
  // Only widgets hold documents: once none shows one, nothing of it is kept.
  DocRef doc;
  for (const auto& kv : instances_)
    if (kv.second->doc && kv.second->doc->text.size() == text.size() && kv.second->doc->text == text) {
      doc = kv.second->doc;
      break;
    }
  if (!doc) {
    ParsedDocument* fresh = new ParsedDocument;
    DocRef held(fresh);  // freed at the end of this call unless a widget takes it
    ++stats_.parses;
    if (ParseJsonText(text, &fresh->json, &r.problems)) {
      fresh->text = std::move(text);
      doc = std::move(held);
    }
  }
  if (!doc) {
    r.ok = false;
  } else {
    r = inst->widget->SetContent(doc->json, inst->lang);
    if (r.ok) {
      inst->doc = doc;
      ApplyTheme(*inst);
      AfterContent(*inst);
    }
  }
  int errors = 0;
  for (const auto& p : r.problems) errors += p.warning ? 0 : 1;
  if (!r.ok && errors == 0) errors = 1;
  EmitProblems(id, r);
  if (errors == 0) Emit(id, "ready", StateJson(*inst->widget, false));
  if (errors) *error = r.problems.empty() ? "The content could not be used." : r.problems[0].message;
  Invalidate(*inst);
  if (errors == 0 && run_frame_) run_frame_(id);  // drawn now, not at the next display refresh
  return errors;
}

bool Host::SetOption(int id, const std::string& key, const std::string& value, std::string* error) {
  Instance* inst = Find(id);
  if (!inst) { *error = "No widget with id " + std::to_string(id) + "."; return false; }
  if (key == "theme" || key == "systemTheme") {
    ThemeMode m;
    const bool is_auto = key == "theme" && value == "auto";
    if (!is_auto && !ParseThemeMode(value, &m)) {
      *error = key + " must be \"light\", \"dark\", \"high-contrast\"" + (key == "theme" ? " or \"auto\"" : "") +
               ", got \"" + value + "\".";
      return false;
    }
    if (key == "theme") inst->page_theme = value;
    else inst->system_theme = m;
    ApplyTheme(*inst);
  } else if (key == "reducedMotion") {
    inst->reduced_motion = (value == "1" || value == "true");
  } else if (key == "lang") {
    if (value.empty() || value.size() > 16) { *error = "lang must be a language code like \"en\" or \"es\"."; return false; }
    const bool changed = inst->lang != value;
    inst->lang = value;
    if (changed && inst->doc) {
      EmitProblems(id, inst->widget->SetContent(inst->doc->json, inst->lang));
      AfterContent(*inst);
    }
  } else if (key == "textScale") {
    char* end = nullptr;
    const float v = std::strtof(value.c_str(), &end);
    if (end == value.c_str() || !(v >= 0.75f && v <= 2.0f)) {
      *error = "textScale must be a number from 0.75 to 2, got \"" + value + "\".";
      return false;
    }
    inst->option_text_scale = v;
    ApplyTheme(*inst);
  } else if (key == "background") {
    // The page's background behind the widget (data-background: a colour, or "transparent" resolved by the
    // loader to the colour behind the element). "" goes back to the theme's own background.
    Color c = 0;
    if (!value.empty() && !ParseColor(value, &c)) {
      *error = "background must be a colour like \"#f4f1ea\", got \"" + value + "\".";
      return false;
    }
    inst->has_page_background = !value.empty();
    inst->page_background = c;
    ApplyTheme(*inst);
  } else if (key == "systemColors") {
    // Forced-colours mode (issue 13): the reader's system colours "#canvas,#canvastext,#highlight,#highlighttext,
    // #graytext" replace the palette; "" goes back to the themes.
    Color c[5] = {};
    size_t at = 0;
    int n = 0;
    while (!value.empty() && n < 5) {
      const size_t comma = value.find(',', at);
      const std::string part = value.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
      if (!ParseColor(part, &c[n])) break;
      ++n;
      if (comma == std::string::npos) break;
      at = comma + 1;
    }
    if (!value.empty() && n != 5) {
      *error = "systemColors must be five colours \"#canvas,#text,#highlight,#highlighttext,#graytext\", got \"" + value + "\".";
      return false;
    }
    inst->has_system_colours = !value.empty();
    for (int i = 0; i < 5; ++i) inst->system_colours[i] = c[i];
    ApplyTheme(*inst);
  } else {
    *error = "Unknown option \"" + key + "\" (known: theme, systemTheme, reducedMotion, lang, textScale, background, systemColors).";
    return false;
  }
  Invalidate(*inst);
  return true;
}

bool Host::Resize(int id, float css_w, float css_h, float dpr) {
  Instance* inst = Find(id);
  if (!inst) return false;
  inst->css_w = css_w;
  inst->css_h = css_h;
  inst->dpr = dpr;
  ApplyTheme(*inst);
  Invalidate(*inst);
  return true;
}

void Host::ApplyTheme(Instance& inst) {
  const content::Document* loaded = inst.widget->LoadedDocument();
  const content::ThemeSpec* doc = loaded ? &loaded->theme : nullptr;
  ThemeMode mode = inst.system_theme;
  ThemeMode m;
  if (inst.page_theme != "auto" && ParseThemeMode(inst.page_theme, &m)) mode = m;
  else if (doc && doc->mode != "auto" && ParseThemeMode(doc->mode, &m)) mode = m;
  Theme t = MakeTheme(mode);
  if (doc && mode != ThemeMode::HighContrast) {
    // Brand colours: background and text are light-page colours; the accent applies wherever it stays legible.
    if (mode == ThemeMode::Light && doc->has_background) {
      t.background = doc->background;
      t.surface = Mix(doc->background, t.text, 0.04f);
      t.surface_alt = Mix(doc->background, t.text, 0.09f);
    }
    if (mode == ThemeMode::Light && doc->has_text && ContrastRatio(doc->text, t.background) >= 4.5f) {
      t.text = doc->text;
      t.text_muted = Mix(doc->text, t.background, 0.25f);
    }
    if (doc->has_accent && ContrastRatio(doc->accent, t.background) >= 3.0f) {
      t.accent = doc->accent;
      t.focus = doc->accent;
      const Color white = 0xFFFFFFFFu, black = 0xFF000000u;
      t.accent_text = ContrastRatio(white, t.accent) >= ContrastRatio(black, t.accent) ? white : black;
    }
  }
  // The page's background (data-background) wins over the document's, where the theme's text stays legible on it.
  if (inst.has_page_background && mode != ThemeMode::HighContrast && ContrastRatio(t.text, inst.page_background) >= 4.5f) {
    t.background = inst.page_background;
    t.surface = Mix(inst.page_background, t.text, 0.04f);
    t.surface_alt = Mix(inst.page_background, t.text, 0.09f);
  }
  if (inst.has_system_colours) {
    // Forced colours: only the reader's system colours (the high-contrast theme's marks and patterns stay).
    const Color* sc = inst.system_colours;
    t = MakeTheme(ThemeMode::HighContrast);
    t.background = t.surface = t.surface_alt = sc[0];
    t.text = t.border = t.danger = sc[1];
    t.text_muted = ContrastRatio(sc[4], sc[0]) >= 4.5f ? sc[4] : sc[1];
    t.accent = t.focus = sc[2];
    t.accent_text = sc[3];
  }
  t.text_scale = inst.option_text_scale * (doc ? doc->text_scale : 1.0f);
  inst.theme = t;
  inst.view = ComputeViewport(inst.css_w, inst.css_h, inst.dpr, t.text_scale);
}

namespace {
// Notes every string's code points for the atlases; true when any string has right-to-left script.
bool NoteStrings(const nlohmann::json& j) {
  if (j.is_string()) {
    const std::string& s = j.get_ref<const std::string&>();
    NoteText(s);
    return HasRightToLeft(s);
  }
  bool rtl = false;
  if (j.is_object() || j.is_array())
    for (const auto& v : j) rtl = NoteStrings(v) || rtl;
  return rtl;
}
}  // namespace

void Host::AfterContent(Instance& inst) {
  // Every string of the document may be drawn (names, UI strings in its language): the atlases must hold them.
  const bool any_rtl = NoteStrings(inst.doc->json);
  // What the reader sees is the DOM's text in the chosen language; the canvas has no bidirectional layout yet. Only
  // a document with right-to-left text somewhere has its text copy built here to look (not the first frame's work).
  const bool rtl = any_rtl && HasRightToLeft(dom::ToJson(inst.widget->Dom()));
  if (rtl != inst.text_fallback) {
    inst.text_fallback = rtl;
    JsonWriter d;
    d.BeginObject().Field("fallback", rtl);
    if (rtl) d.Field("message", "This content has right-to-left text (such as Arabic or Hebrew), which the drawn "
                                "widget cannot lay out yet: its text version is shown instead.");
    d.EndObject();
    Emit(inst.id, "fallback", d.Take());
  }
}

void Host::DrawPendingGlyphs() {
  if (renderer_->Lost()) return;  // the next frames draw what they use; this is asked again after them
  glyphs_pending_ = false;
  for (auto& kv : instances_) {  // each set once: after the first of its widgets, nothing is pending in it
    Instance& inst = *kv.second;
    if (inst.gpu && inst.fonts && inst.fonts->RasterizeRest()) renderer_->UploadFonts(inst);
  }
}

void Host::FontsChanged() {
  InvalidateGlyphs();
  for (auto& kv : instances_) Invalidate(*kv.second);
}

std::string Host::Dom(int id) const {
  const Instance* inst = Find(id);
  return inst ? dom::ToJson(inst->widget->Dom()) : std::string("null");
}

std::string Host::State(int id) const {
  const Instance* inst = Find(id);
  return inst ? StateJson(*inst->widget, false) : std::string();
}

bool Host::SetState(int id, const std::string& json_text, std::string* error) {
  Instance* inst = Find(id);
  if (!inst) { *error = "No widget with id " + std::to_string(id) + "."; return false; }
  nlohmann::json partial;
  std::vector<Problem> problems;
  if (json_text.size() > 64 * 1024 || !ParseJsonText(json_text, &partial, &problems)) {
    *error = "setState: the state is not valid JSON" + (problems.empty() ? std::string(".") : ": " + problems[0].message);
    return false;
  }
  if (!inst->widget->SetState(partial, error)) return false;
  Invalidate(*inst);
  return true;
}

// ---- input ----------------------------------------------------------------------------------------------

bool Host::MouseMove(int id, float x, float y) {
  Instance* inst = Find(id);
  if (!inst || !inst->pointer_filter.AcceptMouse(platform_->Now())) return false;
  InputEvent e;
  e.type = InputType::MouseMove;
  e.x = x * inst->view.px;
  e.y = y * inst->view.px;
  inst->input.Push(e);
  Invalidate(*inst);
  return false;  // moving never needs the page's default prevented
}

bool Host::MouseButton(int id, int button, bool down, float x, float y) {
  Instance* inst = Find(id);
  if (!inst || !inst->pointer_filter.AcceptMouse(platform_->Now())) return false;
  if (!down && !inst->pointer_captured) return false;  // a release that began elsewhere
  InputEvent e;
  e.type = InputType::MouseButton;
  e.button = button;
  e.down = down;
  e.x = x * inst->view.px;
  e.y = y * inst->view.px;
  inst->input.Push(e);
  if (button == 0) inst->pointer_captured = down;
  if (down) inst->focus_from_pointer = true;
  Invalidate(*inst);
  return false;  // keep default: the canvas takes focus on mousedown
}

bool Host::MouseLeave(int id) {
  Instance* inst = Find(id);
  if (!inst || inst->pointer_captured) return false;  // dragging: keep the position until release
  InputEvent e;
  e.type = InputType::PointerLeave;
  inst->input.Push(e);
  Invalidate(*inst);
  return false;
}

bool Host::Touch(int id, int phase, float x, float y) {
  Instance* inst = Find(id);
  if (!inst) return false;
  inst->pointer_filter.OnTouch(platform_->Now());
  InputEvent e;
  e.x = x * inst->view.px;
  e.y = y * inst->view.px;
  if (phase == 0) {
    e.type = InputType::MouseMove;
    inst->input.Push(e);
    e.type = InputType::MouseButton;
    e.down = true;
    inst->input.Push(e);
    inst->pointer_captured = true;
    inst->focus_from_pointer = true;
    inst->touch_owned = inst->widget->UsesDrag(e.x, e.y);
  } else if (phase == 1) {
    e.type = InputType::MouseMove;
    inst->input.Push(e);
  } else {
    e.type = InputType::MouseButton;
    e.down = false;
    if (phase == 3) { e.x = -FLT_MAX; e.y = -FLT_MAX; }  // cancelled (e.g. the page scrolled): no click
    inst->input.Push(e);
    InputEvent leave;
    leave.type = InputType::PointerLeave;  // touch leaves no hover behind
    inst->input.Push(leave);
    inst->pointer_captured = false;
  }
  Invalidate(*inst);
  const bool owned = inst->touch_owned;
  if (phase >= 2) inst->touch_owned = false;
  return owned;  // the page scrolls unless the drag began on something the widget scrolls or drags
}

bool Host::Wheel(int id, float dx, float dy) {
  Instance* inst = Find(id);
  if (!inst || !inst->widget->UsesWheel(dx, dy)) return false;  // let the page scroll
  InputEvent e;
  e.type = InputType::Wheel;
  e.wheel_x = dx;
  e.wheel_y = dy;
  inst->input.Push(e);
  Invalidate(*inst);
  return true;
}

bool Host::KeyEvent(int id, Key key, bool down, bool shift) {
  Instance* inst = Find(id);
  if (!inst || key == Key::None || key == Key::Count) return false;
  // A release follows its press: once the widget took a key down it gets the key up, even if it no longer uses
  // the key (Escape that cleared the selection): a dropped release would leave the key held, and its next press
  // would not count.
  const bool release_owed = !down && inst->keys_sent_down[(int)key];
  if (!release_owed && !(shift ? inst->widget->UsesShiftKey(key) : inst->widget->UsesKey(key))) {
    return false;  // a key the widget does not use goes to the page
  }
  inst->keys_sent_down[(int)key] = down;
  inst->focus_from_pointer = false;
  InputEvent e;
  e.type = InputType::Key;
  e.key = key;
  e.down = down;
  e.shift = shift;
  inst->input.Push(e);
  Invalidate(*inst);
  return true;
}

void Host::Focus(int id, bool focused) {
  Instance* inst = Find(id);
  if (!inst) return;
  inst->focused = focused;
  if (!focused) {
    inst->focus_from_pointer = false;
    // Release any keys held when focus left, so nothing stays pressed.
    for (int k = 1; k < (int)Key::Count; ++k) {
      InputEvent e;
      e.type = InputType::Key;
      e.key = (Key)k;
      e.down = false;
      if (inst->input_state.key_down[k]) inst->input.Push(e);
      inst->keys_sent_down[k] = false;
    }
  }
  Invalidate(*inst);
}

// ---- frames ---------------------------------------------------------------------------------------------

bool Host::WantsFrame() const {
  for (const auto& kv : instances_) {
    const Instance& i = *kv.second;
    if (!i.gpu || i.text_fallback) continue;
    if (i.scheduler.WantsFrame(i.widget->Animating(), !i.input.Empty())) return true;
  }
  return false;
}

bool Host::Frame(int id) {
  if (renderer_->Lost()) return false;  // nothing can draw; ContextRestored() starts again
  const double now = platform_->Now();
  for (auto& kv : instances_) {
    if (id && kv.first != id) continue;
    Instance& inst = *kv.second;
    if (!inst.gpu || inst.text_fallback) { inst.scheduler = FrameScheduler(); inst.input.Clear(); continue; }
    if (inst.scheduler.WantsFrame(inst.widget->Animating(), !inst.input.Empty())) {
      if (inst.widget->Animating()) ++stats_.animation_frames;
      DrawInstance(inst, now);
    }
  }
  return WantsFrame();
}

void Host::DrawInstance(Instance& inst, double now) {
  if (inst.fonts->scale != Fonts::Quantise(inst.view.scale)) inst.fonts = SharedFonts(inst.view.scale);
  inst.fonts->Ensure();
  renderer_->PrepareFonts(inst);
  float dt = inst.last_frame_time < 0 ? 1.0f / 60.0f : (float)(now - inst.last_frame_time);
  if (!(dt > 0)) dt = 1e-4f;
  if (dt > 0.1f) dt = 0.1f;  // after an idle gap, animations resume from where they were
  inst.last_frame_time = now;
  inst.input.ApplyFrame(inst.input_state);

  // A plain draw list, set up as ImGui::Begin() would set up a window's, without the window.
  ImDrawList& dl = *inst.draw;
  dl._Data = inst.fonts->draw_data;
  dl._ResetForNewFrame();
  dl.PushTextureID(inst.fonts->atlas->TexID);
  dl.PushClipRect(ImVec2(0, 0), ImVec2((float)inst.view.fb_w, (float)inst.view.fb_h));
  FrameContext ctx;
  ctx.width = (float)inst.view.fb_w;
  ctx.height = (float)inst.view.fb_h;
  ctx.px = inst.view.px;
  ctx.scale = Fonts::Quantise(inst.view.scale);
  ctx.time = now;
  ctx.dt = dt;
  ctx.focused = inst.focused;
  ctx.focus_visible = inst.focused && !inst.focus_from_pointer;
  ctx.reduced_motion = inst.reduced_motion;
  ctx.theme = &inst.theme;
  ctx.draw = &dl;
  ctx.input = &inst.input_state;
  SetCurrentFonts(&inst.fonts->fonts);
  SetCurrentInput(&inst.input_state);
  const double t0 = platform_->Now();
  inst.widget->Frame(ctx);
  stats_.widget_s += platform_->Now() - t0;
  SetCurrentInput(nullptr);
  SetCurrentFonts(nullptr);
  dl.PopClipRect();
  dl.PopTextureID();
  dl._PopUnusedDrawCmd();
  inst.fonts->RasterizeDrawn(dl);  // the glyphs this frame is the first to use (the renderer uploads them)
  if (inst.fonts->fonts.GlyphsPending()) glyphs_pending_ = true;
  renderer_->Draw(inst, dl);

  ++inst.frames;
  ++stats_.frames;
  inst.scheduler.FrameDrawn(inst.widget->Animating(), !inst.input.Empty());
  if (inst.widget->TakeChanged()) {
    Emit(inst.id, "change", StateJson(*inst.widget, true));
  }
  EmitCursor(inst);
}

// While the canvas has keyboard focus, every move of the keyboard cursor (or a change of what it is on) is one
// "cursor" event {"id", "text"}: the loader speaks the text in the live region (issue 13). After a click or a tap
// the change's own announcement is what is said, until a key is pressed again.
void Host::EmitCursor(Instance& inst) {
  if (!inst.focused) { inst.cursor_spoken.clear(); inst.cursor_text_spoken.clear(); return; }
  if (inst.focus_from_pointer) return;
  const std::string id = inst.widget->Cursor(), text = inst.widget->CursorText();
  if (id == inst.cursor_spoken && text == inst.cursor_text_spoken) return;
  inst.cursor_spoken = id;
  inst.cursor_text_spoken = text;
  if (id.empty() || text.empty()) return;
  JsonWriter j;
  j.BeginObject().Field("id", id).Field("text", text).EndObject();
  Emit(inst.id, "cursor", j.Take());
}

bool Host::Step(int id, int dir) {
  Instance* inst = Find(id);
  if (!inst || !inst->widget->Step(dir)) return false;
  Invalidate(*inst);
  return true;
}

std::string Host::Strings(int id, const std::vector<std::string>& keys) const {
  const Instance* inst = Find(id);
  JsonWriter j;
  j.BeginObject();
  const content::Document* doc = inst ? inst->widget->LoadedDocument() : nullptr;
  if (doc)
    for (const auto& k : keys) {
      // "documentTitle" and "documentLang" are the document's title and language, not UI strings.
      const std::string v = k == "documentTitle" ? doc->title : k == "documentLang" ? doc->lang : doc->String(k);
      if (!v.empty() && v != k) j.Field(k.c_str(), v);
    }
  j.EndObject();
  return j.Take();
}

void Host::ContextRestored() {
  ++stats_.context_restores;
  renderer_->ContextRestored();
  for (auto& kv : instances_) {
    Instance& inst = *kv.second;
    if (!inst.gpu) continue;
    renderer_->Detach(inst);
    renderer_->Attach(inst);
    Invalidate(inst);
  }
}

}  // namespace scw
