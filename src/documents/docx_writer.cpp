#include "documents/docx_writer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <numeric>

#include "documents/docx_parts.hpp"
#include "documents/layout.hpp"
#include "documents/ooxml.hpp"
#include "documents/pango_text.hpp"
#include "documents/zip_writer.hpp"

namespace thidua::documents {
namespace {

using layout::kPointsPerMm;
using ooxml::ParagraphProps;

/// A cell of a table as XML: its paragraphs already written, and how many columns it spans.
struct XmlCell {
  std::string content;
  int span = 1;
  std::string fill;  ///< a shading colour ("4A6FA5"); empty: none
};
struct XmlRow {
  std::vector<XmlCell> cells;
  bool header = false;
};

/// The tiny paragraph size used where a paragraph must exist but should take no room.
constexpr double kTinyPt = 1;

void write_table(std::string& out, const std::vector<long>& grid, const std::vector<XmlRow>& rows, bool borders,
                 long cell_margin) {
  const long total = std::accumulate(grid.begin(), grid.end(), 0L);
  const std::string margin = std::to_string(cell_margin);
  out += "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(total) + "\" w:type=\"dxa\"/>";
  out += "<w:tblBorders>";
  for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
    out += std::string("<w:") + side +
           (borders ? " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>" : " w:val=\"nil\"/>");
  }
  out += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"" + margin +
         "\" w:type=\"dxa\"/><w:left w:w=\"" + margin + "\" w:type=\"dxa\"/><w:bottom w:w=\"" + margin +
         "\" w:type=\"dxa\"/><w:right w:w=\"" + margin + "\" w:type=\"dxa\"/></w:tblCellMar>";
  out += "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
         "w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>\n<w:tblGrid>";
  for (long w : grid) out += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  out += "</w:tblGrid>\n";
  for (const XmlRow& row : rows) {
    // Rows never break across pages, as in the PDF; header rows repeat on each page.
    out += "<w:tr><w:trPr><w:cantSplit/>";
    if (row.header) out += "<w:tblHeader/>";
    out += "</w:trPr>\n";
    std::size_t column = 0;
    for (const XmlCell& c : row.cells) {
      if (column >= grid.size()) break;
      const std::size_t span = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, c.span)), grid.size() - column);
      const long width = std::accumulate(grid.begin() + static_cast<long>(column),
                                         grid.begin() + static_cast<long>(column + span), 0L);
      out += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
      if (span > 1) out += "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>";
      if (!c.fill.empty()) out += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" + c.fill + "\"/>";
      out += "</w:tcPr>\n";
      // A cell must end with a paragraph.
      out += c.content.empty() ? "<w:p/>\n" : c.content;
      out += "</w:tc>\n";
      column += span;
    }
    out += "</w:tr>\n";
  }
  out += "</w:tbl>\n";
}

/// One line of the header or closing block: single spacing, no space unless asked.
void line(std::string& out, const std::string& text, double size, bool bold, bool italic = false,
          Align align = Align::center, double before_pt = 0) {
  if (text.empty()) return;
  ParagraphProps props;
  props.align = align;
  props.before_pt = before_pt;
  ooxml::write_paragraph(out, props, {Run{text, bold, italic}}, size);
}

/// A rule `length_pt` long centred in a column `column_pt` wide: the top border of an empty
/// paragraph whose indents leave that length.
void rule(std::string& out, double length_pt, double column_pt, double after_pt) {
  ParagraphProps props;
  props.top_rule = true;
  props.align = Align::center;
  props.mark_size_pt = kTinyPt;
  props.line_spacing = 1.0;
  props.left_mm = props.right_mm = std::max(0.0, (column_pt - length_pt) / 2) / kPointsPerMm;
  // Word and LibreOffice draw the border below the space before: the gap under the text.
  props.before_pt = layout::kRuleGapPt;
  props.after_pt = after_pt;
  ooxml::write_paragraph(out, props, {}, kTinyPt);
}

/// An empty paragraph that only makes `after_pt` of vertical space.
void gap(std::string& out, double after_pt) {
  ParagraphProps props;
  props.mark_size_pt = kTinyPt;
  props.line_spacing = 1.0;
  props.after_pt = after_pt;
  ooxml::write_paragraph(out, props, {}, kTinyPt);
}

/// A paragraph that only holds a section's properties or a page break.
void tiny_paragraph(std::string& out, const std::string& section = {}, bool page_break = false) {
  ParagraphProps props;
  props.mark_size_pt = kTinyPt;
  props.line_spacing = 1.0;
  props.section = section;
  out += "<w:p>";
  ooxml::write_props(out, props);
  if (page_break) out += "<w:r><w:br w:type=\"page\"/></w:r>";
  out += "</w:p>\n";
}

/// Column widths in twips: the header and closing blocks split the text width by a share.
std::vector<long> split(const PageSetup& page, double left_share) {
  const long total = ooxml::twips_from_mm(page.text_width_mm());
  const long left = std::lround(static_cast<double>(total) * left_share);
  return {left, total - left};
}

double text_width_pt(const PageSetup& page) { return page.text_width_mm() * kPointsPerMm; }

void header_block(std::string& out, const Document& doc) {
  const HeaderBlock& h = doc.header;
  const std::vector<long> grid = split(doc.page, layout::kHeaderLeftShare);
  const double left_pt = text_width_pt(doc.page) * layout::kHeaderLeftShare;
  const double right_pt = text_width_pt(doc.page) - left_pt;
  XmlRow names;
  names.cells.resize(2);
  std::string& left = names.cells[0].content;
  line(left, h.parent_body, layout::kParentBodyPt, false);
  line(left, h.agency, layout::kAgencyPt, true);
  if (!h.agency.empty()) {
    const double agency = std::min(pango::text_width_pt(h.agency, layout::kAgencyPt, true), left_pt);
    rule(left, agency * layout::kAgencyRuleShare, left_pt, layout::kHeaderRowGapPt);
  }
  std::string& right = names.cells[1].content;
  line(right, h.national_name, layout::kNationalNamePt, true);
  line(right, h.motto, layout::kMottoPt, true);
  if (!h.motto.empty()) {
    rule(right, pango::text_width_pt(h.motto, layout::kMottoPt, true), right_pt, layout::kHeaderRowGapPt);
  }

  XmlRow number;
  number.cells.resize(2);
  line(number.cells[0].content, number_line(h), layout::kNumberPt, false);
  line(number.cells[0].content, h.letter_summary, layout::kLetterSummaryPt, false);
  line(number.cells[1].content, place_date_line(h), layout::kPlaceDatePt, false, true);
  if (names.cells[0].content.empty() && names.cells[1].content.empty() && number.cells[0].content.empty() &&
      number.cells[1].content.empty()) {
    return;
  }
  write_table(out, grid, {names, number}, false, 0);
}

void title(std::string& out, const Document& doc) {
  const double size = doc.page.font_size_pt;
  ParagraphProps props;
  props.align = Align::center;
  props.keep_next = true;
  props.line_spacing = doc.page.line_spacing;
  props.before_pt = layout::kAfterHeaderPt;
  if (!doc.type.empty()) {
    ooxml::write_paragraph(out, props, {Run{doc.type, true}}, size);
    props.before_pt = 0;
  }
  if (!doc.summary.empty()) {
    ooxml::write_paragraph(out, props, {Run{doc.summary, true}}, size);
    const double width = text_width_pt(doc.page);
    const double summary = std::min(pango::text_width_pt(doc.summary, size, true), width);
    rule(out, summary * layout::kSummaryRuleShare, width, layout::kAfterSummaryPt);
  }
}

ParagraphProps props_of(const Paragraph& p, const PageSetup& page) {
  ParagraphProps props;
  if (p.heading_level > 0) props.style = "Heading" + std::to_string(p.heading_level);
  props.keep_next = p.keep_with_next || p.heading_level > 0;
  props.before_pt = layout::space_before_of(p);
  props.after_pt = layout::space_after_of(p, page);
  props.line_spacing = page.line_spacing;
  props.left_mm = p.left_indent_mm;
  props.right_mm = p.right_indent_mm;
  props.first_line_mm = p.first_line_indent_mm;
  props.align = p.align;
  return props;
}

void paragraph(std::string& out, const Paragraph& p, const PageSetup& page) {
  ooxml::write_paragraph(out, props_of(p, page), p.runs, layout::size_of(p, page));
}

void table(std::string& out, const TableBlock& t, const PageSetup& page) {
  const std::vector<double> shares = t.column_shares();
  const long total = ooxml::twips_from_mm(page.text_width_mm());
  std::vector<long> grid;
  long used = 0;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    // The last column takes the rounding, so the table is exactly the text width.
    const long w = i + 1 == shares.size() ? total - used : std::lround(static_cast<double>(total) * shares[i]);
    grid.push_back(w);
    used += w;
  }
  const PageSetup cells = layout::cell_page(page);
  std::vector<XmlRow> rows;
  for (const TableRow& r : t.rows) {
    XmlRow row;
    row.header = r.header;
    for (const TableCell& c : r.cells) {
      XmlCell xml;
      xml.span = c.column_span;
      for (const Paragraph& p : c.paragraphs) paragraph(xml.content, p, cells);
      row.cells.push_back(std::move(xml));
    }
    rows.push_back(std::move(row));
  }
  write_table(out, grid, rows, t.borders, ooxml::twips_from_mm(layout::kCellPaddingMm));
  // The space after a table, as after a paragraph (the PDF leaves the same).
  gap(out, page.paragraph_spacing_pt);
}

/// A chart as a borderless table: the label, the bar as shaded cells of a grid of
/// kChartSteps columns (so it stays a drawing Word lays out itself), the value after it.
void chart(std::string& out, const ChartBlock& c, const PageSetup& page) {
  constexpr int kChartSteps = 40;
  const PageSetup cells = layout::cell_page(page);
  Paragraph title = centered(c.title, true, cells.font_size_pt);
  title.keep_with_next = true;
  title.space_after_pt = 3;
  paragraph(out, title, page);
  const long total = ooxml::twips_from_mm(page.text_width_mm());
  const long label = total * 30 / 100, value = total * 16 / 100;
  const long step = (total - label - value) / kChartSteps;
  std::vector<long> grid{label};
  for (int i = 0; i < kChartSteps; ++i) grid.push_back(step);
  grid.push_back(total - label - step * kChartSteps);
  std::vector<XmlRow> rows;
  const double scale = c.scale();
  for (const ChartBar& b : c.bars) {
    XmlRow row;
    Paragraph name = body(b.label);
    name.first_line_indent_mm = 0;
    name.align = Align::right;
    name.space_after_pt = 0;
    row.cells.push_back({});
    paragraph(row.cells.back().content, name, cells);
    const int filled = std::clamp(static_cast<int>(std::lround(b.value / scale * kChartSteps)), 0, kChartSteps);
    if (filled > 0) row.cells.push_back({"", filled, "4A6FA5"});
    if (filled < kChartSteps) row.cells.push_back({"", kChartSteps - filled, ""});
    Paragraph v = body(ChartBlock::value_text(b));
    v.first_line_indent_mm = 0;
    v.align = Align::left;
    v.space_after_pt = 0;
    row.cells.push_back({});
    paragraph(row.cells.back().content, v, cells);
    rows.push_back(std::move(row));
  }
  write_table(out, grid, rows, false, ooxml::twips_from_mm(0.8));
  gap(out, page.paragraph_spacing_pt);
}

void blocks(std::string& out, const std::vector<Block>& body, const PageSetup& page) {
  for (const Block& b : body) {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
      paragraph(out, *p, page);
    } else if (const auto* t = std::get_if<TableBlock>(&b)) {
      table(out, *t, page);
    } else if (const auto* c = std::get_if<ChartBlock>(&b)) {
      chart(out, *c, page);
    } else {
      tiny_paragraph(out, {}, true);
    }
  }
}

void signature(std::string& out, const Signature& s, double size) {
  line(out, s.mark, size, true);
  line(out, s.title, size, true);
  line(out, s.name, size, true, false, Align::center, s.name.empty() ? 0 : s.space_mm * kPointsPerMm);
}

void closing(std::string& out, const Document& doc) {
  if (doc.signature.empty() && !doc.left_signature && doc.recipients.empty()) return;
  const double size = doc.page.font_size_pt;
  XmlRow row;
  row.cells.resize(2);
  std::string& left = row.cells[0].content;
  if (doc.left_signature) signature(left, *doc.left_signature, size);
  if (!doc.recipients.empty()) {
    line(left, kRecipientsLabel, layout::kRecipientsLabelPt, true, true, Align::left, doc.left_signature ? size : 0);
    for (const std::string& r : doc.recipients) line(left, r, layout::kRecipientsPt, false, false, Align::left);
  }
  signature(row.cells[1].content, doc.signature, size);
  gap(out, layout::kBeforeClosingPt);
  write_table(out, split(doc.page, layout::kClosingLeftShare), {row}, false, 0);
}

std::string section(const PageSetup& page, bool first) {
  const long width = ooxml::twips_from_mm(page.page_width_mm());
  const long height = ooxml::twips_from_mm(page.page_height_mm());
  std::string s = "<w:sectPr>";
  if (page.page_numbers) {
    s += std::string("<w:headerReference w:type=\"default\" r:id=\"") + docx::kHeaderDefaultId + "\"/>";
    if (first) s += std::string("<w:headerReference w:type=\"first\" r:id=\"") + docx::kHeaderFirstId + "\"/>";
  }
  s += "<w:pgSz w:w=\"" + std::to_string(width) + "\" w:h=\"" + std::to_string(height) + "\"";
  if (page.orientation == Orientation::landscape) s += " w:orient=\"landscape\"";
  s += "/><w:pgMar w:top=\"" + std::to_string(ooxml::twips_from_mm(page.margin_top_mm)) + "\" w:right=\"" +
       std::to_string(ooxml::twips_from_mm(page.margin_right_mm)) + "\" w:bottom=\"" +
       std::to_string(ooxml::twips_from_mm(page.margin_bottom_mm)) + "\" w:left=\"" +
       std::to_string(ooxml::twips_from_mm(page.margin_left_mm)) + "\" w:header=\"" +
       std::to_string(ooxml::twips_from_mm(10)) + "\" w:footer=\"" + std::to_string(ooxml::twips_from_mm(10)) +
       "\" w:gutter=\"0\"/><w:cols w:space=\"720\"/>";
  // Page 1 takes the empty first-page header: no number on it.
  if (first && page.page_numbers) s += "<w:titlePg/>";
  return s + "<w:docGrid w:linePitch=\"360\"/></w:sectPr>";
}

void annex(std::string& out, const Annex& a, const PageSetup& page) {
  const double size = page.font_size_pt;
  ParagraphProps props;
  props.align = Align::center;
  props.keep_next = true;
  props.outline_level = 0;
  if (!a.heading.empty()) ooxml::write_paragraph(out, props, {Run{a.heading, true}}, size);
  props.outline_level = -1;
  if (!a.title.empty()) ooxml::write_paragraph(out, props, {Run{a.title, true}}, size);
  if (!a.subtitle.empty()) ooxml::write_paragraph(out, props, {Run{a.subtitle, false, true}}, size);
  gap(out, layout::kAfterAnnexTitlePt);
  blocks(out, a.body, page);
}

std::time_t zip_time(const Document& doc) {
  std::tm tm{};
  const std::string created = metadata_created(doc);
  if (std::sscanf(created.c_str(), "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                  &tm.tm_min, &tm.tm_sec) < 3 ||
      tm.tm_year < 1980) {
    tm = std::tm{};
    tm.tm_year = 2000;
    tm.tm_mday = 1;
  } else {
    tm.tm_mon -= 1;
  }
  tm.tm_year -= 1900;
  return timegm(&tm);
}

}  // namespace

std::string docx_document_xml(const Document& doc) {
  std::string out = ooxml::kXmlDeclaration;
  out += std::string("<w:document xmlns:w=\"") + ooxml::kWordNamespace + "\" xmlns:r=\"" + ooxml::kRelNamespace +
         "\">\n<w:body>\n";
  header_block(out, doc);
  title(out, doc);
  blocks(out, doc.body, doc.page);
  closing(out, doc);
  // Each section ends at a paragraph carrying its properties, except the last, whose
  // properties close the body.
  PageSetup current = doc.page;
  bool first = true;
  for (const Annex& a : doc.annexes) {
    tiny_paragraph(out, section(current, first));
    first = false;
    current = layout::annex_page(doc, a);
    annex(out, a, current);
  }
  // Word wants a paragraph after a table that ends the body.
  tiny_paragraph(out);
  out += section(current, first);
  out += "\n</w:body>\n</w:document>\n";
  return out;
}

Result<std::string> write_docx(const Document& doc) {
  std::vector<ZipEntry> entries;
  entries.push_back({"[Content_Types].xml", docx::content_types()});
  entries.push_back({"_rels/.rels", docx::package_relationships()});
  entries.push_back({"docProps/core.xml", docx::core_properties(doc)});
  entries.push_back({"docProps/app.xml", docx::app_properties(doc)});
  entries.push_back({"word/document.xml", docx_document_xml(doc)});
  entries.push_back({"word/_rels/document.xml.rels", docx::document_relationships()});
  entries.push_back({"word/styles.xml", docx::styles(doc.page)});
  entries.push_back({"word/settings.xml", docx::settings()});
  entries.push_back({"word/header1.xml", docx::page_number_header(doc.page)});
  entries.push_back({"word/header2.xml", docx::empty_header()});
  return write_zip(entries, zip_time(doc));
}

}  // namespace thidua::documents
