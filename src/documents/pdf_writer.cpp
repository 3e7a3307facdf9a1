#include "documents/pdf_writer.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <memory>

#include "documents/layout.hpp"
#include "documents/pdf_flow.hpp"
#include "documents/pdf_chart.hpp"
#include "documents/pdf_table.hpp"

namespace thidua::documents {
namespace {

using layout::mm_to_pt;
using pdf::Flow;
using pdf::Prepared;

struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

/// A column of the header or closing block.
struct Column {
  double x;
  double width;
};

/// Lines stacked down one column of the header or closing block, each centred (or left
/// aligned) in it and single spaced.
class Stack {
 public:
  /// With `draw` false the stack only measures, to find whether a block fits the page.
  Stack(const Flow& flow, Column column, double y, bool draw = true)
      : flow_(flow), column_(column), y_(y), draw_(draw) {}

  /// Draws `text` (wrapped in the column) and returns its width on the widest line.
  double line(std::string_view text, double size, bool bold, bool italic = false, Align align = Align::center) {
    if (text.empty()) return 0;
    pango::LayoutPtr l =
        pango::make_text(flow_.context(), text, size, bold, italic, pango::Setting{column_.width, align, 0, 1.0});
    if (draw_) flow_.draw(l.get(), column_.x, y_);
    y_ += pango::height_pt(l.get());
    return pango::width_pt(l.get());
  }
  /// A rule of `length` centred in the column, a little below the last line.
  void rule(double length) {
    const double middle = column_.x + column_.width / 2;
    if (draw_) flow_.rule(middle - length / 2, middle + length / 2, y_ + layout::kRuleGapPt);
    y_ += 2 * layout::kRuleGapPt;
  }
  void skip(double dy) { y_ += dy; }
  double y() const { return y_; }

 private:
  const Flow& flow_;
  Column column_;
  double y_;
  bool draw_;
};

bool header_empty(const HeaderBlock& h) {
  return h.parent_body.empty() && h.agency.empty() && h.national_name.empty() && h.motto.empty() &&
         number_line(h).empty() && place_date_line(h).empty();
}

void place_header(Flow& flow, const HeaderBlock& h) {
  if (header_empty(h)) return;
  const double left_width = flow.width() * layout::kHeaderLeftShare;
  Stack left(flow, Column{flow.left(), left_width}, flow.y());
  Stack right(flow, Column{flow.left() + left_width, flow.width() - left_width}, flow.y());

  left.line(h.parent_body, layout::kParentBodyPt, false);
  const double agency = left.line(h.agency, layout::kAgencyPt, true);
  if (agency > 0) left.rule(agency * layout::kAgencyRuleShare);
  right.line(h.national_name, layout::kNationalNamePt, true);
  const double motto = right.line(h.motto, layout::kMottoPt, true);
  if (motto > 0) right.rule(motto);

  // "Số: …" and the date start on one line, below both rules, as in Decree 30's sample.
  const double row = std::max(left.y(), right.y()) - layout::kRuleGapPt + layout::kHeaderRowGapPt;
  left.skip(row - left.y());
  right.skip(row - right.y());
  left.line(number_line(h), layout::kNumberPt, false);
  left.line(h.letter_summary, layout::kLetterSummaryPt, false);
  right.line(place_date_line(h), layout::kPlaceDatePt, false, true);
  flow.advance(std::max(left.y(), right.y()) - flow.y() + layout::kAfterHeaderPt);
}

void place_title(Flow& flow, const Document& doc) {
  const auto centred = [&](const std::string& text) {
    Paragraph p = centered(text, true);
    p.space_after_pt = 0;
    return pdf::prepare(flow.context(), p, flow.setup(), flow.left(), flow.width());
  };
  if (!doc.type.empty()) flow.place(centred(doc.type), false);
  if (!doc.summary.empty()) {
    Prepared summary = centred(doc.summary);
    flow.place(summary, false);
    const double length = pango::width_pt(summary.layout.get()) * layout::kSummaryRuleShare;
    const double middle = flow.left() + flow.width() / 2;
    flow.rule(middle - length / 2, middle + length / 2, flow.y() + layout::kRuleGapPt);
    flow.advance(2 * layout::kRuleGapPt);
  }
  if (!doc.type.empty() || !doc.summary.empty()) flow.advance(layout::kAfterSummaryPt);
}

/// Bookmarks: level-1 headings and annexes at the root, level-2 headings under the last
/// level-1 one.
struct Outline {
  int level1 = CAIRO_PDF_OUTLINE_ROOT;
};

/// The least height block `i` needs on the page where it starts: a chain of headings (and
/// other keep-with-next paragraphs) whole, plus the start of what follows them.
double keep_height(const Flow& flow, const std::vector<Block>& blocks, std::size_t i) {
  double height = 0;
  for (; i < blocks.size(); ++i) {
    if (const auto* p = std::get_if<Paragraph>(&blocks[i])) {
      Prepared prepared = pdf::prepare(flow.context(), *p, flow.setup(), flow.left(), flow.width());
      if (!prepared.keep_with_next) return height + pdf::min_height(prepared);
      height += prepared.space_before + pango::height_pt(prepared.layout.get()) + prepared.space_after;
    } else if (const auto* t = std::get_if<TableBlock>(&blocks[i])) {
      return height + pdf::table_min_height(flow, *t);
    } else if (const auto* c = std::get_if<ChartBlock>(&blocks[i])) {
      return height + pdf::chart_min_height(flow, *c);
    } else {
      return height;
    }
  }
  return height;
}

void place_blocks(Flow& flow, const std::vector<Block>& blocks, Outline& outline) {
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (const auto* p = std::get_if<Paragraph>(&blocks[i])) {
      Prepared prepared = pdf::prepare(flow.context(), *p, flow.setup(), flow.left(), flow.width());
      if (prepared.keep_with_next) flow.ensure(keep_height(flow, blocks, i));
      if (prepared.heading_level == 1) {
        outline.level1 = flow.outline(prepared.text, CAIRO_PDF_OUTLINE_ROOT);
      } else if (prepared.heading_level == 2) {
        flow.outline(prepared.text, outline.level1);
      }
      flow.place(prepared);
    } else if (const auto* t = std::get_if<TableBlock>(&blocks[i])) {
      pdf::place_table(flow, *t);
    } else if (const auto* c = std::get_if<ChartBlock>(&blocks[i])) {
      pdf::place_chart(flow, *c);
    } else {
      flow.new_page();
    }
  }
}

/// Draws a signature (mark, title, room, name) centred in its column.
void signature_lines(Stack& stack, const Signature& s, double size) {
  stack.line(s.mark, size, true);
  stack.line(s.title, size, true);
  if (!s.name.empty()) {
    stack.skip(mm_to_pt(s.space_mm));
    stack.line(s.name, size, true);
  }
}

/// Draws the closing block at height y when `draw`; returns its height either way.
double closing_block(const Flow& flow, const Document& doc, double y, bool draw) {
  const double left_width = flow.width() * layout::kClosingLeftShare;
  Stack left(flow, Column{flow.left(), left_width}, y, draw);
  Stack right(flow, Column{flow.left() + left_width, flow.width() - left_width}, y, draw);
  const double size = flow.setup().font_size_pt;
  signature_lines(right, doc.signature, size);
  if (doc.left_signature) {
    signature_lines(left, *doc.left_signature, size);
    left.skip(size);
  }
  if (!doc.recipients.empty()) {
    left.line(kRecipientsLabel, layout::kRecipientsLabelPt, true, true, Align::left);
    for (const std::string& r : doc.recipients) left.line(r, layout::kRecipientsPt, false, false, Align::left);
  }
  return std::max(left.y(), right.y()) - y;
}

void place_closing(Flow& flow, const Document& doc) {
  if (doc.signature.empty() && !doc.left_signature && doc.recipients.empty()) return;
  flow.advance(layout::kBeforeClosingPt);
  // Measured first, so that the block moves whole to the next page when it does not fit.
  flow.ensure(closing_block(flow, doc, flow.y(), false));
  flow.advance(closing_block(flow, doc, flow.y(), true));
}

void place_annex(Flow& flow, const Document& doc, const Annex& annex, Outline& outline) {
  flow.new_page(layout::annex_page(doc, annex));
  const std::string name = annex.title.empty() ? annex.heading : annex.heading + " " + annex.title;
  outline.level1 = flow.outline(name, CAIRO_PDF_OUTLINE_ROOT);
  const auto line = [&](const std::string& text, bool bold, bool italic) {
    if (text.empty()) return;
    Paragraph p = centered(text, bold);
    p.runs.front().italic = italic;
    p.space_after_pt = 0;
    flow.place(pdf::prepare(flow.context(), p, flow.setup(), flow.left(), flow.width()), false);
  };
  line(annex.heading, true, false);
  line(annex.title, true, false);
  line(annex.subtitle, false, true);
  flow.advance(layout::kAfterAnnexTitlePt);
  place_blocks(flow, annex.body, outline);
}

void set_metadata(cairo_surface_t* surface, const Document& doc) {
  const std::string created = metadata_created(doc);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata_title(doc).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata_author(doc).c_str());
  if (!doc.metadata.subject.empty()) {
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, doc.metadata.subject.c_str());
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "thidua");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, created.c_str());
}

}  // namespace

Result<std::string> write_pdf(const Document& doc) {
  pango::ContextPtr context = pango::make_context();
  if (auto font = pango::check_font(context.get()); !font) return tl::unexpected(std::move(font.error()));

  std::string out;
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(cairo_pdf_surface_create_for_stream(
      append, &out, mm_to_pt(doc.page.page_width_mm()), mm_to_pt(doc.page.page_height_mm())));
  cairo_pdf_surface_restrict_to_version(surface.get(), CAIRO_PDF_VERSION_1_5);
  set_metadata(surface.get(), doc);
  std::unique_ptr<cairo_t, CairoDestroy> cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 0, 0, 0);

  Flow flow(cr.get(), context.get(), doc.page);
  Outline outline;
  place_header(flow, doc.header);
  place_title(flow, doc);
  place_blocks(flow, doc.body, outline);
  place_closing(flow, doc);
  for (const Annex& annex : doc.annexes) place_annex(flow, doc, annex, outline);
  flow.finish();

  cr.reset();
  cairo_surface_finish(surface.get());
  if (const cairo_status_t status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
    return fail(ErrorKind::internal, "internal", std::string("cairo: ") + cairo_status_to_string(status));
  }
  return out;
}

}  // namespace thidua::documents
