#include "documents/pdf_chart.hpp"

#include <algorithm>

#include "documents/layout.hpp"

namespace thidua::documents::pdf {
namespace {

constexpr double kLabelShare = 0.30;
constexpr double kValueShare = 0.16;
constexpr double kGapPt = 4;
constexpr double kBarInsetPt = 2.5;

Paragraph plain(const std::string& text, Align align) {
  Paragraph p = body(text);
  p.first_line_indent_mm = 0;
  p.align = align;
  p.space_after_pt = 0;
  return p;
}

Prepared title_of(const Flow& flow, const ChartBlock& chart) {
  const PageSetup setup = layout::cell_page(flow.setup());
  Paragraph title = centered(chart.title, true, setup.font_size_pt);
  title.space_after_pt = 4;
  return prepare(flow.context(), title, setup, flow.left(), flow.width());
}

struct BarRow {
  Prepared label;
  Prepared value;
  double height = 0;
};

BarRow row_of(const Flow& flow, const ChartBar& bar) {
  const PageSetup setup = layout::cell_page(flow.setup());
  const double label_width = flow.width() * kLabelShare - kGapPt;
  const double value_x = flow.left() + flow.width() * (1 - kValueShare) + kGapPt;
  BarRow row{prepare(flow.context(), plain(bar.label, Align::right), setup, flow.left(), label_width),
             prepare(flow.context(), plain(ChartBlock::value_text(bar), Align::left), setup, value_x,
                     flow.width() * kValueShare - kGapPt),
             0};
  row.height = std::max(pango::height_pt(row.label.layout.get()), pango::height_pt(row.value.layout.get())) + 4;
  return row;
}

}  // namespace

double chart_min_height(const Flow& flow, const ChartBlock& chart) {
  Prepared title = title_of(flow, chart);
  double h = pango::height_pt(title.layout.get()) + title.space_after;
  if (!chart.bars.empty()) h += row_of(flow, chart.bars.front()).height;
  return h;
}

void place_chart(Flow& flow, const ChartBlock& chart) {
  flow.ensure(chart_min_height(flow, chart));
  flow.place(title_of(flow, chart), false);
  const double scale = chart.scale();
  const double bar_x = flow.left() + flow.width() * kLabelShare;
  const double bar_width = flow.width() * (1 - kLabelShare - kValueShare);
  cairo_t* cr = flow.cr();
  double axis_top = flow.y();
  for (const ChartBar& bar : chart.bars) {
    BarRow row = row_of(flow, bar);
    if (flow.remaining() < row.height) {
      flow.new_page();
      axis_top = flow.y();
    }
    const double y = flow.y();
    flow.draw(row.label.layout.get(), row.label.x, y + 2);
    const double w = bar_width * std::clamp(bar.value / scale, 0.0, 1.0);
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0.29, 0.44, 0.65);
    cairo_rectangle(cr, bar_x, y + kBarInsetPt, w, row.height - 2 * kBarInsetPt);
    cairo_fill(cr);
    cairo_restore(cr);
    // The value sits right after its bar.
    flow.draw(row.value.layout.get(), bar_x + w + kGapPt, y + 2);
    flow.advance(row.height);
    cairo_save(cr);
    cairo_set_line_width(cr, layout::kRuleWidthPt);
    cairo_move_to(cr, bar_x, axis_top);
    cairo_line_to(cr, bar_x, flow.y());
    cairo_stroke(cr);
    cairo_restore(cr);
  }
  flow.advance(flow.setup().paragraph_spacing_pt);
}

}  // namespace thidua::documents::pdf
