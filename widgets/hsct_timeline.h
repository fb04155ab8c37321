// hsct_timeline.h — KIND "hsct-timeline": a stem cell transplant, day by day, and when each risk peaks.
//
// TimeScale maps days (relative to reinfusion, day 0) to a 0…1 position: linear around day 0, logarithmic before
// and after (marked with break symbols). ComputeLayout() turns (document, view state, canvas size, scale) into
// boxes in framebuffer px: horizontal on wide canvases, vertical (time running down, scrolling inside the widget)
// on narrow ones. ComputeDetail() lays out the detail panel's text.
//
// Frame() = input -> layout -> draw: the input step hit-tests the layout's rectangles (relaying out after each
// change), the draw step only reads the final layout. The code is split by step:
//   hsct_timeline.cpp         content, time scale, state changes, setState, state() and the parallel DOM
//   hsct_timeline_layout.cpp  the pure layout (ComputeLayout, ComputeDetail)
//   hsct_timeline_input.cpp   Frame(), time passing, pointer and keys
//   hsct_timeline_draw.cpp    drawing from the layout
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "content_widget.h"
#include "ui/motion.h"
#include "ui/scroll_view.h"
#include "ui/segmented.h"
#include "ui/text_layout.h"

namespace scw {

// Days -> 0…1 along the time axis. A day d is the interval [d, d+1): a phase [from, to] covers U(from)…U(to+1).
struct TimeScale {
  double dmin = -30, dmax = 31;       // domain (dmax exclusive end)
  double lin0 = -7, lin1 = 31;        // the linear stretch around day 0
  double f_pre = 0, f_lin = 1, f_post = 0;  // share of the axis for each stretch (sums to 1)
  static constexpr double kLogK = 15;  // softness of the logarithmic stretches (days)

  static TimeScale For(double dmin, double dmax);
  double U(double day) const;    // day -> 0…1
  double Day(double u) const;    // 0…1 -> day (inverse of U)
  bool BreakBefore() const { return f_pre > 0; }
  bool BreakAfter() const { return f_post > 0; }
};

class HsctTimelineWidget final : public ContentWidget {
 public:
  struct Label {
    std::string text;
    Rect box;          // where the text goes
    bool shown = true;
  };
  struct Lane {
    std::string risk;            // risk id
    std::string name;            // label text (horizontal: wrapped to the gutter, lines split by '\n')
    Rect lane, label;
    int pattern = 0;
    bool in_variant = false;     // listed by some phase of the shown variant
    std::vector<Rect> active;    // where a phase lists it
    std::vector<Rect> peak;      // risk.windows for the shown variant
  };
  struct Tick {
    double day = 0;
    std::string text;
    Rect box;
  };
  struct Layout {
    bool vertical = false;
    float s = 1;
    Rect canvas;
    SegmentedControl variants;   // the variant switch: one segment per variant
    Rect prev, play, next;
    Rect day_readout;            // "You are here · Day +8"
    Rect status;                 // "Status: Standard care" beside the variant switch where the intro is not drawn
    std::string status_text;
    Rect intro;                  // the variant's short text (may be empty)
    std::vector<std::string> intro_lines;
    Rect plot;                   // the time area (vertical: the scrolling viewport)
    float axis_a = 0, axis_b = 1;  // screen coordinate of U=0 and U=1 (x when horizontal, y when vertical)
    float axis_line = 0;         // vertical: the x of the axis line (the tick labels end left of it)
    float content_h = 0;         // vertical: total content height (scrolls); horizontal: plot height
    float scroll = 0;            // vertical: applied scroll offset (clamped)
    float max_scroll = 0;
    Rect phase_row;              // the band row (horizontal) / column (vertical)
    std::vector<Rect> phases;    // one per phase of the shown variant
    std::vector<Label> phase_labels;
    std::vector<Rect> leaders;   // thin lines label -> band (x0,y0 in x,y; x1,y1 in w,h as end point)
    std::vector<Rect> milestones;  // one per milestone (w = 0 when it could not be placed)
    std::vector<Label> milestone_labels;
    std::vector<Lane> lanes;
    Rect legend;                 // active vs peak key
    std::vector<Label> legend_labels;  // vertical: the risk names with their patterns
    std::vector<Rect> legend_swatches;
    Rect axis;                   // the tick row (horizontal) / column (vertical): the drag strip
    std::vector<Tick> ticks;
    std::vector<float> breaks;   // screen coordinates along the axis of the scale breaks
    Rect panel;
    float panel_pad = 0;         // the detail panel's inner padding (smaller where space is short)
    bool controls_scroll = false;  // vertical, short canvas: the switch and transport scroll with the plot
    // Short wide canvases (1280x360 at text scale 1.5): the horizontal timeline in the left part, scrolling as a
    // whole (scroll_view, content_h high), and the detail panel beside it over the canvas's height.
    bool panel_side = false;
    Rect scroll_view;            // what scrolls: the plot (vertical), the left part (panel_side), else the plot
    Rect footer;
    std::vector<std::string> footer_lines;

    float Along(double u) const { return axis_a + (float)u * (axis_b - axis_a); }
  };

  struct View {
    int variant = 0;
    double day = 0;
    std::string selected;
    float scroll = 0;
  };

  // The detail panel's content for the current day / selection, laid out in the panel (ComputeDetail).
  struct Detail {
    Rect inner;                  // the text area (scrolls when the content is taller)
    bool two_columns = false;    // wide: text and sources left, risks right
    float left_w = 0, right_x = 0, right_w = 0;
    std::vector<TextBlock> left;       // you are here, title, days, text
    std::vector<TextBlock> sources;    // heading and citations
    std::vector<std::pair<int, std::string>> risks;  // the day's active risks: pattern index, name
    std::string risks_heading, no_risks;
    float content_h = 0;         // the scrolled content's height
  };

  const char* Kind() const override { return "hsct-timeline"; }
  void Frame(const FrameContext& ctx) override;
  void State(JsonWriter& out) const override;
  bool SetState(const nlohmann::json& partial, std::string* error) override;
  bool UsesKey(Key key) const override;
  bool UsesShiftKey(Key key) const override;  // Shift+arrows: a day; Shift+PageUp/PageDown: a week
  bool UsesWheel() const override;
  bool UsesWheel(float dx, float dy) const override;
  bool UsesDrag(float x, float y) const override;
  bool Animating() const override;
  std::string Announcement() const override;
  dom::Node Dom() const override;
  // Issue 13, screen readers and presenter mode (defined in widgets/a11y_steps.cpp).
  std::string Cursor() const override;
  std::string CursorText() const override;
  std::string Spoken() const override;
  bool Step(int dir) override;

  // Pure layout: needs the fonts of the current ImGui context (for measuring text).
  static Layout ComputeLayout(const content::Document& doc, const TimeScale& ts, const View& v, float width,
                              float height, float scale, bool vertical);
  // The detail panel's text for the shown day or selected milestone, laid out in L.panel (pure: reads the
  // content and view only).
  Detail ComputeDetail(const Layout& L, const View& v, const Theme& th) const;
  static TimeScale ScaleFor(const content::Document& doc);
  static bool IsVertical(float width, float px) { return width / px < 560.0f; }
  // The detail panel's least height: its padding, the title and two lines of text (it scrolls for the rest).
  static float MinPanelHeight(float pad);

  // For tests.
  const Layout& last_layout() const { return layout_; }
  const Detail& last_detail() const { return detail_; }
  const TimeScale& scale() const { return ts_; }
  const ScrollView& panel_scroll() const { return panel_; }
  const content::Document& doc_for_test() const { return doc_; }
  int PhaseAt(double day) const;  // index in the shown variant, -1 if none
  // "+8", "0", "−6", "+1,825" (in `lang`'s digits: ui/number_format.h).
  static std::string DayText(double day, const std::string& lang = "en");

 protected:
  const char* SectionPath() const override { return "/timeline"; }
  const char* SectionHint() const override { return "a timeline with at least one variant"; }
  bool HasSection(const content::Document& d) const override { return d.has_timeline && !d.variants.empty(); }
  void OnContent() override;

 private:
  enum Row { kControls = 0, kPhases = 1, kMilestones = 2 };
  const content::Variant& Var() const { return doc_.variants[view_.variant]; }
  int RowSize(int row) const;
  int RowCount() const;
  void SetVariant(int v, bool animate);
  void GoToPhase(int i, bool select);
  void SetDay(double day, bool from_drag);
  void TogglePlay();
  void Activate(int row, int idx);
  void StartDayAnim(double from);
  void EnsureMarkerVisible();
  std::string PhaseAnnouncement() const;
  void Pause();                  // stops playing and says so
  void ClearSelection();         // Escape / a second tap
  double DayAt(float coord) const;  // the day under a screen coordinate along the axis
  // Frame steps (hsct_timeline_input.cpp): time, layout, pointer, keys, the detail panel.
  void Advance(float dt);
  void Relayout();
  void LayoutNow(bool vertical);
  void KeepMarkerVisible();
  void KeepCursorRowVisible();  // short wide canvases (panel_side): the keyboard's row scrolled into view
  void HandleScroll(const FrameContext& ctx);
  void HandlePress(const FrameContext& ctx);
  bool HitTest(ImVec2 tap);
  void HandleKeys();
  bool HandleShiftKeys();        // Shift+arrow / Shift+PageUp/PageDown step the day; true if one did
  void StepDay(double days);     // the marker by whole days (clamped to the scale), announced
  void UpdateDetail(const FrameContext& ctx);
  // Draw steps (hsct_timeline_draw.cpp), reading layout_ and detail_ only.
  void Draw(const FrameContext& ctx) const;
  void DrawControls(const FrameContext& ctx) const;
  void DrawLanes(const FrameContext& ctx) const;
  void DrawPhases(const FrameContext& ctx) const;
  void DrawMilestones(const FrameContext& ctx) const;
  void DrawAxis(const FrameContext& ctx) const;
  void DrawLegend(const FrameContext& ctx) const;
  void DrawMarker(const FrameContext& ctx) const;
  void DrawDetail(const FrameContext& ctx) const;

  View view_;
  TimeScale ts_;
  // layout_ for these inputs: Relayout() runs after every input step, and a frame (a hover, a key that moves the
  // cursor only) mostly asks again for the layout it has; the last other one (wide against vertical, before a
  // selection) is kept beside it.
  struct LayoutKey {
    FontsKey fonts;
    unsigned content = 0;
    double dmin = 0, dmax = 0, day = 0;
    int variant = -1;
    std::string selected;
    float scroll = 0, w = -1, h = -1, scale = 0;
    bool vertical = false;
    bool operator==(const LayoutKey& o) const {
      return fonts == o.fonts && content == o.content && dmin == o.dmin && dmax == o.dmax && day == o.day &&
             variant == o.variant && selected == o.selected && scroll == o.scroll && w == o.w && h == o.h &&
             scale == o.scale && vertical == o.vertical;
    }
  };
  Layout layout_;
  Layout other_layout_;
  LayoutKey layout_key_, other_key_;
  unsigned content_rev_ = 0;  // counts OnContent(): a new document (or language) lays out again
  Detail detail_;
  float px_ = 1;
  float width_ = 0, height_ = 0, scale_ = 1;  // this frame's canvas and UI scale (for relayouts)
  bool vertical_ = false;                     // this frame's layout
  bool reduced_motion_ = false;
  bool playing_ = false;
  double play_timer_ = 0;
  // animations (ui/motion.h timings)
  Tween variant_anim_;                   // bands moving between variants
  std::vector<Rect> from_phases_;        // band boxes when the switch began
  Tween day_anim_;                       // the marker moving to a new day
  double day_from_ = 0;
  // input
  int cursor_row_ = kPhases, cursor_idx_ = 0;
  bool press_active_ = false, scrubbing_ = false;
  bool hover_panel_ = false;
  ScrollView plot_scroll_;               // the vertical (phone) timeline
  ScrollView panel_;                     // the detail panel
  bool want_marker_visible_ = false;
  std::string announcement_;
};

}  // namespace scw
