#include "documents/html_writer.hpp"

#include <cstdio>

#include "documents/markup.hpp"
#include "documents/svg_chart.hpp"

namespace thidua::documents {
namespace {

const char* align_class(Align a) {
  switch (a) {
    case Align::center:
      return "vb-center";
    case Align::right:
      return "vb-right";
    case Align::justify:
      return "vb-justify";
    case Align::left:
      break;
  }
  return "vb-left";
}

/// Escaped text with line breaks as <br>.
std::string text_html(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n') continue;
    out += escape_markup(text.substr(start, i - start));
    if (i < text.size()) out += "<br>";
    start = i + 1;
  }
  return out;
}

std::string runs_html(const std::vector<Run>& runs) {
  std::string out;
  for (const Run& r : runs) {
    std::string piece = text_html(r.text);
    if (r.underline) piece = "<u>" + piece + "</u>";
    if (r.italic) piece = "<em>" + piece + "</em>";
    if (r.bold) piece = "<strong>" + piece + "</strong>";
    out += piece;
  }
  return out;
}

/// <p class="…">text</p>; nothing for empty text.
void line(std::string& out, const char* cls, const std::string& text, bool span = false) {
  if (text.empty()) return;
  out += "<p class=\"";
  out += cls;
  out += "\">";
  // The span carries the rule drawn under the text's own width (see the stylesheet).
  out += span ? "<span>" + text_html(text) + "</span>" : text_html(text);
  out += "</p>\n";
}

void paragraph(std::string& out, const Paragraph& p) {
  out += "<p class=\"vb-p ";
  out += align_class(p.align);
  if (p.first_line_indent_mm > 0) out += " vb-indent";
  if (p.first_line_indent_mm < 0) out += " vb-hanging";
  if (p.left_indent_mm > 0) out += " vb-left-indent";
  if (p.heading_level > 0) out += " vb-h" + std::to_string(p.heading_level);
  out += "\">";
  out += runs_html(p.runs);
  out += "</p>\n";
}

void table(std::string& out, const TableBlock& t) {
  out += t.borders ? "<table class=\"vb-table\">\n" : "<table class=\"vb-table vb-borderless\">\n";
  // The width attribute, not a style: the pages' CSP forbids inline styles.
  out += "<colgroup>";
  for (double share : t.column_shares()) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "<col width=\"%.1f%%\">", 100.0 * share);
    out += buffer;
  }
  out += "</colgroup>\n";
  bool in_head = false;
  bool in_body = false;
  for (const TableRow& row : t.rows) {
    if (row.header && !in_head && !in_body) {
      out += "<thead>\n";
      in_head = true;
    } else if (!row.header && !in_body) {
      if (in_head) out += "</thead>\n";
      out += "<tbody>\n";
      in_head = false;
      in_body = true;
    }
    out += "<tr>";
    for (const TableCell& c : row.cells) {
      out += row.header ? "<th" : "<td";
      if (c.column_span > 1) out += " colspan=\"" + std::to_string(c.column_span) + "\"";
      out += ">";
      for (const Paragraph& p : c.paragraphs) paragraph(out, p);
      out += row.header ? "</th>" : "</td>";
    }
    out += "</tr>\n";
  }
  if (in_head) out += "</thead>\n";
  if (in_body) out += "</tbody>\n";
  out += "</table>\n";
}

/// A chart as the server's SVG (the same drawing the pages use), numbered on the page.
void chart(std::string& out, const ChartBlock& c) {
  static thread_local int counter = 0;
  BarChart svg;
  svg.id = "vb-chart-" + std::to_string(++counter);
  svg.title = c.title;
  svg.description = c.title;
  svg.x_max = c.scale();
  for (const ChartBar& b : c.bars) svg.bars.push_back({b.label, b.value, ChartBlock::value_text(b), "", false});
  out += "<figure class=\"vb-chart\">\n" + bar_chart_svg(svg) + "\n</figure>\n";
}

void blocks(std::string& out, const std::vector<Block>& body) {
  for (const Block& b : body) {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
      paragraph(out, *p);
    } else if (const auto* t = std::get_if<TableBlock>(&b)) {
      table(out, *t);
    } else if (const auto* c = std::get_if<ChartBlock>(&b)) {
      chart(out, *c);
    } else {
      out += "<hr class=\"vb-page-break\">\n";
    }
  }
}

void header(std::string& out, const HeaderBlock& h) {
  out += "<div class=\"vb-header\">\n<div class=\"vb-header-agency\">\n";
  line(out, "vb-parent", h.parent_body);
  line(out, "vb-agency", h.agency, true);
  out += "</div>\n<div class=\"vb-header-nation\">\n";
  line(out, "vb-national", h.national_name);
  line(out, "vb-motto", h.motto, true);
  out += "</div>\n<div class=\"vb-header-number\">\n";
  line(out, "vb-number", number_line(h));
  line(out, "vb-letter-summary", h.letter_summary);
  out += "</div>\n<div class=\"vb-header-date\">\n";
  line(out, "vb-place-date", place_date_line(h));
  out += "</div>\n</div>\n";
}

void signature(std::string& out, const Signature& s) {
  out += "<div class=\"vb-signature\">\n";
  line(out, "vb-sign-mark", s.mark);
  line(out, "vb-sign-title", s.title);
  if (!s.name.empty()) out += "<div class=\"vb-sign-space\"></div>\n";
  line(out, "vb-sign-name", s.name);
  out += "</div>\n";
}

void closing(std::string& out, const Document& doc) {
  if (doc.signature.empty() && !doc.left_signature && doc.recipients.empty()) return;
  out += "<div class=\"vb-closing\">\n<div class=\"vb-closing-left\">\n";
  if (doc.left_signature) signature(out, *doc.left_signature);
  if (!doc.recipients.empty()) {
    out += "<div class=\"vb-recipients\">\n";
    line(out, "vb-recipients-label", kRecipientsLabel);
    for (const std::string& r : doc.recipients) line(out, "vb-recipient", r);
    out += "</div>\n";
  }
  out += "</div>\n<div class=\"vb-closing-right\">\n";
  signature(out, doc.signature);
  out += "</div>\n</div>\n";
}

}  // namespace

std::string write_html(const Document& doc) {
  std::string out = doc.page.orientation == Orientation::landscape
                        ? "<article class=\"vb-doc vb-landscape\" lang=\"vi\">\n"
                        : "<article class=\"vb-doc\" lang=\"vi\">\n";
  header(out, doc.header);
  line(out, "vb-type", doc.type);
  line(out, "vb-summary", doc.summary, true);
  out += "<div class=\"vb-body\">\n";
  blocks(out, doc.body);
  out += "</div>\n";
  closing(out, doc);
  for (const Annex& a : doc.annexes) {
    const bool landscape = a.orientation.value_or(doc.page.orientation) == Orientation::landscape;
    out += landscape ? "<section class=\"vb-annex vb-landscape\">\n" : "<section class=\"vb-annex\">\n";
    line(out, "vb-annex-heading", a.heading);
    line(out, "vb-annex-title", a.title);
    line(out, "vb-annex-subtitle", a.subtitle);
    blocks(out, a.body);
    out += "</section>\n";
  }
  out += "</article>\n";
  return out;
}

std::string html_preview_css() {
  // Sizes follow layout.hpp (Decree 30): 13 pt agency and national name, 14 pt motto and
  // date, 12/11 pt recipients; the body at 14 pt with 1.15 line spacing and 6 pt after.
  return R"css(.vb-doc{box-sizing:border-box;max-width:210mm;margin:0 auto;padding:20mm 15mm 20mm 30mm;background:#fff;color:#000;
font-family:"Times New Roman","Liberation Serif",serif;font-size:14pt;line-height:1.15;box-shadow:0 0 4px rgba(0,0,0,.3)}
.vb-doc.vb-landscape,.vb-annex.vb-landscape{max-width:297mm}
.vb-doc p{margin:0}
.vb-header{display:grid;grid-template-columns:38% 62%;text-align:center;line-height:1.1}
.vb-parent{font-size:13pt}
.vb-agency,.vb-national{font-size:13pt;font-weight:bold}
.vb-motto{font-size:14pt;font-weight:bold}
.vb-agency span,.vb-motto span,.vb-summary span{display:inline-block;position:relative;padding-bottom:4px}
.vb-agency span::after,.vb-motto span::after,.vb-summary span::after{content:"";position:absolute;bottom:0;border-bottom:1px solid #000}
.vb-agency span::after{left:30%;right:30%}
.vb-motto span::after{left:0;right:0}
.vb-summary span::after{left:33%;right:33%}
.vb-header-number,.vb-header-date{padding-top:6pt}
.vb-number{font-size:13pt;white-space:pre-wrap}
.vb-letter-summary{font-size:12pt}
.vb-place-date{font-style:italic}
.vb-type{margin-top:18pt!important;text-align:center;font-weight:bold}
.vb-summary{text-align:center;font-weight:bold;margin-bottom:12pt!important}
.vb-body .vb-p,.vb-annex .vb-p{margin:0 0 6pt}
.vb-left{text-align:left}.vb-center{text-align:center}.vb-right{text-align:right}.vb-justify{text-align:justify}
.vb-indent{text-indent:10mm}.vb-hanging{text-indent:-10mm;padding-left:10mm}.vb-left-indent{margin-left:10mm!important}
.vb-h1,.vb-h2,.vb-h3,.vb-h4{font-weight:bold;margin-top:6pt!important}
.vb-h4{font-style:italic}
.vb-table{width:100%;border-collapse:collapse;font-size:13pt;line-height:1;margin:0 0 6pt}
.vb-table th,.vb-table td{border:1px solid #000;padding:1.5mm;vertical-align:top;font-weight:normal}
.vb-table.vb-borderless th,.vb-table.vb-borderless td{border:0}
.vb-table .vb-p{margin:0;text-indent:0}
.vb-page-break{border:0;border-top:1px dashed #999;margin:12pt 0}
.vb-closing{display:grid;grid-template-columns:45% 55%;margin-top:6pt;line-height:1.1}
.vb-recipients-label{font-size:12pt;font-weight:bold;font-style:italic}
.vb-recipient{font-size:11pt}
.vb-signature{text-align:center;font-weight:bold}
.vb-closing-left .vb-signature{margin-bottom:14pt}
.vb-sign-space{height:25mm}
.vb-annex{border-top:1px dashed #999;margin-top:18pt;padding-top:18pt}
.vb-annex-heading,.vb-annex-title{text-align:center;font-weight:bold}
.vb-annex-subtitle{text-align:center;font-style:italic;margin-bottom:12pt!important}
)css";
}

}  // namespace thidua::documents
