#include "documents/pdf_flow.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <cstdio>

#include "documents/layout.hpp"

namespace thidua::documents::pdf {
namespace {

using layout::mm_to_pt;

/// Where the page number stands: its top 10 mm from the page's edge, as Word's default
/// header distance puts it in the DOCX.
constexpr double kPageNumberTopMm = 10;
/// Lines kept together at a page break (Word's widow and orphan control).
constexpr std::size_t kMinLinesAtBreak = 2;
/// Rounding slack when comparing heights.
constexpr double kEpsilon = 0.01;

struct Line {
  PangoLayoutLine* line;
  double top;
  double bottom;
  double baseline;
  double x;
};

std::vector<Line> lines_of(PangoLayout* layout) {
  std::vector<Line> lines;
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  do {
    int y0 = 0;
    int y1 = 0;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    const double scale = PANGO_SCALE;
    lines.push_back(Line{pango_layout_iter_get_line_readonly(it), y0 / scale, y1 / scale,
                         pango_layout_iter_get_baseline(it) / scale, logical.x / scale});
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  return lines;
}

}  // namespace

Prepared prepare(PangoContext* context, const Paragraph& p, const PageSetup& page, double x, double width) {
  // Word hangs the first line out to the left of the indent; Pango gives the first line
  // the full width and indents the others. Start the layout where the first line starts.
  const double first = mm_to_pt(p.first_line_indent_mm);
  const double left = mm_to_pt(p.left_indent_mm) + std::min(0.0, first);
  const double right = mm_to_pt(p.right_indent_mm);
  pango::Setting setting;
  setting.width_pt = std::max(1.0, width - left - right);
  setting.align = p.align;
  setting.first_line_indent_pt = first;
  setting.line_spacing = page.line_spacing;
  Prepared out;
  out.layout = pango::make_layout(context, p.runs, layout::size_of(p, page), setting);
  out.x = x + left;
  out.space_before = layout::space_before_of(p);
  out.space_after = layout::space_after_of(p, page);
  out.heading_level = p.heading_level;
  out.keep_with_next = p.keep_with_next || p.heading_level > 0;
  out.text = p.text();
  return out;
}

double min_height(const Prepared& p) {
  const std::vector<Line> lines = lines_of(p.layout.get());
  const std::size_t n = std::min(lines.size(), kMinLinesAtBreak);
  return p.space_before + (n == 0 ? 0.0 : lines[n - 1].bottom);
}

Flow::Flow(cairo_t* cr, PangoContext* context, const PageSetup& page) : cr_(cr), context_(context), setup_(page) {
  pango_cairo_update_context(cr_, context_);
  begin_page();
}

void Flow::begin_page() {
  ++page_;
  const double page_width = mm_to_pt(setup_.page_width_mm());
  cairo_pdf_surface_set_size(cairo_get_target(cr_), page_width, mm_to_pt(setup_.page_height_mm()));
  top_ = mm_to_pt(setup_.margin_top_mm);
  bottom_ = mm_to_pt(setup_.page_height_mm() - setup_.margin_bottom_mm);
  left_ = mm_to_pt(setup_.margin_left_mm);
  width_ = mm_to_pt(setup_.text_width_mm());
  y_ = top_;
  if (setup_.page_numbers && page_ >= 2) {
    pango::Setting centred{width_, Align::center, 0, 1.0};
    pango::LayoutPtr number =
        pango::make_text(context_, std::to_string(page_), setup_.font_size_pt, false, false, centred);
    draw(number.get(), left_, mm_to_pt(kPageNumberTopMm));
  }
}

void Flow::new_page(const PageSetup& page) {
  cairo_show_page(cr_);
  setup_ = page;
  begin_page();
}

void Flow::finish() { cairo_show_page(cr_); }

void Flow::ensure(double height) {
  if (!at_top() && height > remaining() + kEpsilon) new_page();
}

void Flow::place(const Prepared& p, bool splittable) {
  const std::vector<Line> lines = lines_of(p.layout.get());
  if (!at_top()) y_ += p.space_before;
  std::size_t i = 0;
  while (i < lines.size()) {
    const double chunk_top = lines[i].top;
    std::size_t fit = 0;
    while (i + fit < lines.size() && lines[i + fit].bottom - chunk_top <= remaining() + kEpsilon) ++fit;
    const std::size_t left_over = lines.size() - i;
    std::size_t k = fit;
    if (fit < left_over) {
      // Too little room: keep at least two lines at the foot of this page and two at the head
      // of the next, or move the whole rest on when that is impossible.
      if (!splittable || fit < std::min(kMinLinesAtBreak, left_over)) {
        k = 0;
      } else if (left_over - fit < kMinLinesAtBreak) {
        k = left_over - kMinLinesAtBreak;
        if (k < kMinLinesAtBreak) k = 0;
      }
      if (k == 0) {
        if (!at_top()) {
          new_page();
          continue;
        }
        // Taller than a whole page: split where it must, or let an unsplittable one run over.
        k = splittable ? std::max<std::size_t>(1, fit) : left_over;
      }
    }
    for (std::size_t j = i; j < i + k; ++j) {
      cairo_move_to(cr_, p.x + lines[j].x, y_ + lines[j].baseline - chunk_top);
      pango_cairo_show_layout_line(cr_, lines[j].line);
    }
    y_ += lines[i + k - 1].bottom - chunk_top;
    i += k;
    if (i < lines.size()) new_page();
  }
  y_ += p.space_after;
}

void Flow::draw(PangoLayout* layout, double x, double y) const {
  cairo_move_to(cr_, x, y);
  pango_cairo_show_layout(cr_, layout);
}

void Flow::rule(double x0, double x1, double y) const {
  cairo_save(cr_);
  cairo_set_line_width(cr_, layout::kRuleWidthPt);
  cairo_move_to(cr_, x0, y);
  cairo_line_to(cr_, x1, y);
  cairo_stroke(cr_);
  cairo_restore(cr_);
}

int Flow::outline(const std::string& text, int parent_id) const {
  char link[96];
  std::snprintf(link, sizeof link, "page=%d pos=[%.2f %.2f]", page_, left_, y_);
  return cairo_pdf_surface_add_outline(cairo_get_target(cr_), parent_id, text.c_str(), link,
                                       static_cast<cairo_pdf_outline_flags_t>(0));
}

}  // namespace thidua::documents::pdf
