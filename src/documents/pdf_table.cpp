#include "documents/pdf_table.hpp"

#include <algorithm>

#include "documents/layout.hpp"

namespace thidua::documents::pdf {
namespace {

constexpr double kBorderPt = 0.5;

struct PreparedCell {
  std::vector<Prepared> paragraphs;
  double x = 0;
  double width = 0;
};

struct PreparedRow {
  std::vector<PreparedCell> cells;
  double height = 0;
  bool header = false;
};

/// The x of each grid line, from the left edge to the right one.
std::vector<double> grid(const TableBlock& table, double left, double width) {
  std::vector<double> xs{left};
  for (double share : table.column_shares()) xs.push_back(xs.back() + width * share);
  return xs;
}

PreparedRow prepare_row(const Flow& flow, const TableRow& row, const std::vector<double>& xs) {
  const PageSetup setup = layout::cell_page(flow.setup());
  const double padding = layout::mm_to_pt(layout::kCellPaddingMm);
  const std::size_t columns = xs.size() - 1;
  PreparedRow out;
  out.header = row.header;
  std::size_t column = 0;
  for (const TableCell& c : row.cells) {
    if (column >= columns) break;
    const std::size_t span = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, c.column_span)), columns - column);
    PreparedCell prepared;
    prepared.x = xs[column];
    prepared.width = xs[column + span] - xs[column];
    double height = 0;
    for (const Paragraph& p : c.paragraphs) {
      Prepared para = prepare(flow.context(), p, setup, prepared.x + padding, prepared.width - 2 * padding);
      if (!prepared.paragraphs.empty()) height += prepared.paragraphs.back().space_after + para.space_before;
      height += pango::height_pt(para.layout.get());
      prepared.paragraphs.push_back(std::move(para));
    }
    out.height = std::max(out.height, height + 2 * padding);
    out.cells.push_back(std::move(prepared));
    column += span;
  }
  return out;
}

void draw_row(const Flow& flow, const PreparedRow& row, bool borders) {
  const double padding = layout::mm_to_pt(layout::kCellPaddingMm);
  cairo_t* cr = flow.cr();
  for (const PreparedCell& c : row.cells) {
    double y = flow.y() + padding;
    for (std::size_t i = 0; i < c.paragraphs.size(); ++i) {
      const Prepared& p = c.paragraphs[i];
      if (i > 0) y += c.paragraphs[i - 1].space_after + p.space_before;
      flow.draw(p.layout.get(), p.x, y);
      y += pango::height_pt(p.layout.get());
    }
    if (borders) {
      cairo_save(cr);
      cairo_set_line_width(cr, kBorderPt);
      cairo_rectangle(cr, c.x, flow.y(), c.width, row.height);
      cairo_stroke(cr);
      cairo_restore(cr);
    }
  }
}

}  // namespace

double table_min_height(const Flow& flow, const TableBlock& table) {
  const std::vector<double> xs = grid(table, flow.left(), flow.width());
  double height = 0;
  for (const TableRow& row : table.rows) {
    height += prepare_row(flow, row, xs).height;
    if (!row.header) break;
  }
  return height;
}

void place_table(Flow& flow, const TableBlock& table) {
  const std::vector<double> xs = grid(table, flow.left(), flow.width());
  std::vector<PreparedRow> rows;
  rows.reserve(table.rows.size());
  for (const TableRow& row : table.rows) rows.push_back(prepare_row(flow, row, xs));

  // Header rows come first; they start the table and every page it continues on.
  std::vector<const PreparedRow*> headers;
  for (const PreparedRow& r : rows) {
    if (!r.header) break;
    headers.push_back(&r);
  }
  flow.ensure(table_min_height(flow, table));
  bool body_on_page = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const PreparedRow& row = rows[i];
    const bool is_header = i < headers.size();
    if (!is_header && body_on_page && row.height > flow.remaining()) {
      flow.new_page();
      for (const PreparedRow* h : headers) {
        draw_row(flow, *h, table.borders);
        flow.advance(h->height);
      }
      body_on_page = false;
    }
    // A row taller than a page runs over its foot: rows are never split.
    draw_row(flow, row, table.borders);
    flow.advance(row.height);
    if (!is_header) body_on_page = true;
  }
  flow.advance(flow.setup().paragraph_spacing_pt);
}

}  // namespace thidua::documents::pdf
