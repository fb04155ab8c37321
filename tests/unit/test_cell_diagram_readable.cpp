// Issue 13 item 5, the cell diagram: readable at every size, text scale and zoom. Over 1920×1080, 1280×720, a
// 650 px column (650×480: the diagram asks for no height of its own) and a 375×640 phone, × textScale 1, 1.5
// and 2, × 100% and 200% zoom (px 2 with half the CSS size), with the English and the Spanish content, with
// nothing selected and with each cell selected (detail panel open): every text (names, chips, the filter label,
// legend, footer, arrow label, panel rows) is inside the widget (or inside its scroll view's content), wrapped
// without cutting a word and never shortened with "…", the text boxes of different elements never overlap, the
// panel is non-empty with its title fully visible, and the close button is inside the panel and the canvas.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "cell_diagram.h"
#include "harness.h"
#include "ui/text_layout.h"

using namespace scw;
using scw::test::Harness;
using Layout = CellDiagramWidget::Layout;

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += (s.empty() ? "" : " ") + l;
  return s;
}

std::string NoSpace(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n') out += c;
  return out;
}

// The lines show the whole text (nothing lost, nothing shortened with "…"), and a word is broken across lines only
// where it is wider than the whole line (a long URL) or after punctuation inside it (the toolkit's wrapping breaks a
// DOI after a "."); `width` is the line width the text was wrapped to.
bool Whole(const std::vector<std::string>& lines, const std::string& text, float width = 0, FontRole role = FontRole::Small) {
  if (NoSpace(Join(lines)) != NoSpace(text)) return false;
  const auto shown = Words(Join(lines));
  for (const auto& w : Words(text)) {
    if (std::find(shown.begin(), shown.end(), w) != shown.end()) continue;
    // Broken inside: only where it is wider than a line, or after punctuation inside it (a DOI: "doi:10.|4252/…").
    const size_t inner = w.find_first_of(".,;:/-", 0);
    if (inner != std::string::npos && inner + 1 < w.size()) continue;
    if (width <= 0 || MeasureText(role, w).x <= width + 0.5f) return false;
  }
  return true;
}

bool Inside(const Rect& r, const Rect& area) {
  return r.x >= area.x - 0.5f && r.y >= area.y - 0.5f && r.x + r.w <= area.x + area.w + 0.5f &&
         r.y + r.h <= area.y + area.h + 0.5f;
}

bool Overlap(const Rect& a, const Rect& b) {  // more than half a pixel of shared area
  return a.x + 0.5f < b.x + b.w && b.x + 0.5f < a.x + a.w && a.y + 0.5f < b.y + b.h && b.y + 0.5f < a.y + a.h;
}

struct Box {
  Rect r;
  std::string owner;
};

// One combination, checked for the widget's last frame.
void CheckReadable(const CellDiagramWidget& w, const content::Document& doc, bool selected) {
  const Layout& L = w.last_layout();
  const auto& D = w.last_detail();
  const Rect canvas{0, 0, L.width, L.height};
  const float small_lh = CurrentFonts().Size(FontRole::Small) * 1.35f;
  // What scrolls with the diagram's view is inside the canvas across and inside the view's content down.
  const Rect content{0, L.view.y, L.width, std::max(L.view.h, L.content_h)};
  std::vector<Box> scrolled, fixed;

  REQUIRE(L.nodes.size() == doc.cell_types.size());
  for (size_t i = 0; i < L.nodes.size(); ++i) {
    const auto& n = L.nodes[i];
    const std::string& name = doc.cell_types[n.cell].name;
    CHECK_MESSAGE(Whole(n.lines, name, n.box.w - 4 * L.scale), "node name cut: \"" << name << "\" shown as \"" << Join(n.lines) << "\"");
    REQUIRE(n.lines.size() == n.line_boxes.size());
    for (size_t k = 0; k < n.lines.size(); ++k) {
      CHECK_MESSAGE(MeasureText(FontRole::Small, n.lines[k]).x <= n.line_boxes[k].w + 0.5f, name);
      CHECK_MESSAGE(Inside(n.line_boxes[k], n.box), "a line of \"" << name << "\" is outside its node");
    }
    CHECK_MESSAGE(Inside(n.box, content), "node \"" << name << "\" is outside the widget");
    if (!L.narrow) CHECK_MESSAGE(Inside(Rect{n.box.x, L.view.y, n.box.w, 1}, L.view), "node \"" << name << "\" beside the view");
    scrolled.push_back({n.box, "node " + name});
  }
  if (L.reprog_label.w > 0) {
    CHECK(Inside(L.reprog_label, content));
    scrolled.push_back({L.reprog_label, "arrow label"});
  }
  // The chips and the filter label: whole texts (wrapped, never "…"), inside the canvas.
  auto& chips = L.ChipsScroll() ? scrolled : fixed;
  const Rect chip_area = L.ChipsScroll() ? content : canvas;
  if (!doc.therapies.empty()) {
    CHECK_MESSAGE(Whole(L.chip_label_lines, doc.String("therapyFilter"), L.width * 0.8f), Join(L.chip_label_lines));
    CHECK(Inside(L.chip_label, chip_area));
    chips.push_back({L.chip_label, "filter label"});
  }
  for (const auto& c : L.chips) {
    const std::string want = c.therapy.empty() ? doc.String("allTherapies") : doc.FindTherapy(c.therapy)->name;
    CHECK_MESSAGE(Whole(c.lines, want, L.width * 0.5f), "chip cut: \"" << want << "\" shown as \"" << Join(c.lines) << "\"");
    for (const auto& line : c.lines) CHECK(MeasureText(FontRole::Small, line).x <= c.box.w + 0.5f);
    CHECK(c.lines.size() * small_lh <= c.box.h + 0.5f);
    CHECK_MESSAGE(Inside(c.box, chip_area), "chip \"" << want << "\" outside the widget");
    chips.push_back({c.box, "chip " + c.id});
  }
  // The legend: whole entries; on a phone after the diagram in the scrolled content, else in the side panel.
  for (size_t i = 0; i < L.legend.size(); ++i) {
    const auto& e = L.legend[i];
    CHECK_MESSAGE(Whole(e.lines, e.label, L.narrow ? L.width * 0.7f : D.view.w * 0.6f), "legend cut: \"" << e.label << "\" shown as \"" << Join(e.lines) << "\"");
    for (const auto& line : e.lines) CHECK(MeasureText(FontRole::Small, line).x <= e.text.w + 0.5f);
    if (L.narrow) {
      CHECK(Inside(e.swatch, content));
      CHECK(Inside(e.text, content));
      CHECK(e.lines.size() * small_lh <= e.text.h + 0.5f);
      scrolled.push_back({e.swatch, "legend " + e.label});
      scrolled.push_back({e.text, "legend " + e.label});
    } else {
      CHECK(e.text.x + e.text.w <= D.view.w + 0.5f);  // relative to the panel's rows
    }
  }
  if (L.narrow) {
    CHECK(Inside(L.legend_heading, content));
    scrolled.push_back({L.legend_heading, "legend heading"});
  }
  // The disclaimer: all of it, inside.
  CHECK(Whole(L.footer_lines, doc.String("disclaimer")));
  for (const auto& line : L.footer_lines) CHECK(MeasureText(FontRole::Small, line).x <= L.footer.w + 0.5f);
  CHECK(Inside(L.footer, L.narrow ? content : canvas));
  (L.narrow ? scrolled : fixed).push_back({L.footer, "footer"});

  // No two elements' text boxes overlap (within the scrolled content, and among the fixed ones).
  for (auto* set : {&scrolled, &fixed})
    for (size_t i = 0; i < set->size(); ++i)
      for (size_t j = i + 1; j < set->size(); ++j)
        if ((*set)[i].owner != (*set)[j].owner)
          CHECK_MESSAGE(!Overlap((*set)[i].r, (*set)[j].r), (*set)[i].owner << " overlaps " << (*set)[j].owner);
  // The view, and the fixed texts beside it, never overlap; the view and the panel neither.
  CHECK(Inside(L.view, Rect{-8 * L.scale, 0, L.width + 16 * L.scale, L.height}));
  // The diagram stays in view (on a tiny canvas a phone's sheet may cover it while a cell is selected; see below).
  if (!(L.narrow && selected)) CHECK(L.view.h >= 2 * small_lh);
  for (const auto& b : fixed) {
    CHECK_MESSAGE(Inside(b.r, canvas), b.owner << " outside the canvas");
    CHECK_MESSAGE(!Overlap(b.r, L.view), b.owner << " overlaps the diagram's view");
    if (L.panel.w > 0) CHECK_MESSAGE(!Overlap(b.r, L.panel), b.owner << " overlaps the panel");
  }

  // The panel: inside, not overlapping the view, non-empty; its title fully visible under the close button.
  if (selected || !L.narrow) {
    REQUIRE(L.panel.w > 0);
    CHECK(Inside(L.panel, canvas));
    CHECK_FALSE(Overlap(L.panel, L.view));
    REQUIRE_FALSE(D.rows.empty());
    CHECK(Inside(D.view, L.panel));
    for (const auto& r : D.rows) {
      if (r.legend >= 0 || r.block.text.empty()) continue;
      const auto lines = WrapLines(r.block.role, r.block.text, D.text_w);
      CHECK_MESSAGE(Whole(lines, r.block.text, D.text_w, r.block.role), "panel text cut: " << r.block.text.substr(0, 40) << " | " << [&] {
        std::string j;
        for (const auto& l : lines) j += "[" + l + "]";
        return j;
      }());
    }
    const auto& first = D.rows[0].block;
    const float title_h = WrappedHeight(first.role, first.text, D.text_w);
    // The title is fully visible; only where even the whole canvas is too small for it (a 375 px phone at 200% zoom
    // and text scale 2 is 94 design px wide) does the sheet take all of the canvas and scroll to the rest.
    const bool whole_canvas = L.narrow && L.panel.h >= L.height - 0.5f && D.content_h > D.view.h;
    CHECK_MESSAGE((title_h <= D.view.h + 0.5f || whole_canvas),
                  "the panel's first row (\"" << first.text << "\") does not fit its view");
    if (L.narrow && selected && L.view.h < 2 * small_lh) CHECK(L.panel.h >= L.height - 0.5f);  // covered: by the sheet alone
    if (selected) {
      CHECK(first.role == FontRole::Title);
      REQUIRE(L.close.w > 0);
      CHECK(Inside(L.close, L.panel));
      CHECK(Inside(L.close, canvas));
      CHECK_FALSE(Overlap(L.close, D.view));  // the close button never covers the panel's text
    }
  }
}

}  // namespace

TEST_CASE("cell diagram readable: every size, text scale 1/1.5/2 and 200% zoom, en and es, with and without a selection") {
  struct Size { float w, h; const char* name; } sizes[] = {
      {1920, 1080, "projector"}, {1280, 720, "desktop"}, {650, 480, "650 column"}, {375, 640, "phone"}};
  const std::string dir = std::string(SCW_SOURCE_DIR) + "/data/";
  for (const std::string lang : {"en", "es"}) {
    const std::string text = ReadFile(dir + "stemcell-explainer." + lang + ".json");
    REQUIRE(!text.empty());
    content::Document doc;
    REQUIRE(content::Load(nlohmann::json::parse(text), lang, &doc).ok);
    for (const auto& sz : sizes)
      for (float ts : {1.0f, 1.5f, 2.0f})
        for (float px : {1.0f, 2.0f}) {
          CAPTURE(lang);
          const std::string size_name = sz.name;
          CAPTURE(size_name);
          CAPTURE(ts);
          CAPTURE(px);
          Harness h;
          const int id = h.Make("cell-diagram", sz.w / px, sz.h / px, px);
          std::string err;
          REQUIRE(h.host->SetOption(id, "reducedMotion", "1", &err));
          REQUIRE(h.host->SetOption(id, "lang", lang, &err));
          std::ostringstream t;
          t << ts;
          REQUIRE(h.host->SetOption(id, "textScale", t.str(), &err));
          REQUIRE(h.host->SetData(id, text, &err) == 0);
          h.Settle();
          const auto& w = *static_cast<const CellDiagramWidget*>(h.host->Find(id)->widget.get());
          SetCurrentFonts(&h.host->Find(id)->fonts->fonts);
          {
            CAPTURE("nothing selected");
            CheckReadable(w, doc, false);
          }
          for (const auto& c : doc.cell_types) {
            CAPTURE(c.id);
            SetCurrentFonts(nullptr);
            REQUIRE(h.host->SetState(id, "{\"selected\":\"" + c.id + "\"}", &err));
            h.Settle();
            SetCurrentFonts(&h.host->Find(id)->fonts->fonts);
            CheckReadable(w, doc, true);
          }
          SetCurrentFonts(nullptr);
        }
  }
}
