#include "documents/ooxml.hpp"

#include <cmath>

#include "documents/markup.hpp"

namespace thidua::documents::ooxml {
namespace {

const char* justification(Align a) {
  switch (a) {
    case Align::center:
      return "center";
    case Align::right:
      return "right";
    case Align::justify:
      return "both";
    case Align::left:
      break;
  }
  return "left";
}

void attr(std::string& out, const char* name, long value) {
  out += ' ';
  out += name;
  out += "=\"";
  out += std::to_string(value);
  out += '"';
}

void run_props(std::string& out, const Run& run, double size_pt) {
  const long size = half_points(run.size_pt > 0 ? run.size_pt : size_pt);
  out += "<w:rPr>";
  if (run.bold) out += "<w:b/><w:bCs/>";
  if (run.italic) out += "<w:i/><w:iCs/>";
  out += "<w:sz";
  attr(out, "w:val", size);
  out += "/><w:szCs";
  attr(out, "w:val", size);
  out += "/>";
  if (run.underline) out += "<w:u w:val=\"single\"/>";
  out += "</w:rPr>";
}

void text_run(std::string& out, const Run& run, double size_pt, std::string_view text) {
  out += "<w:r>";
  run_props(out, run, size_pt);
  out += "<w:t xml:space=\"preserve\">";
  out += escape_markup(text);
  out += "</w:t></w:r>";
}

void mark_run(std::string& out, const Run& run, double size_pt, const char* element) {
  out += "<w:r>";
  run_props(out, run, size_pt);
  out += element;
  out += "</w:r>";
}

}  // namespace

long twips_from_mm(double mm) { return std::lround(mm / 25.4 * 1440.0); }
long twips_from_pt(double pt) { return std::lround(pt * 20.0); }
long half_points(double pt) { return std::lround(pt * 2.0); }

void write_props(std::string& out, const ParagraphProps& p) {
  out += "<w:pPr>";
  if (!p.style.empty()) out += "<w:pStyle w:val=\"" + escape_markup(p.style) + "\"/>";
  if (p.keep_next) out += "<w:keepNext/>";
  if (p.keep_lines) out += "<w:keepLines/>";
  if (p.top_rule) out += "<w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>";
  out += "<w:spacing";
  attr(out, "w:before", twips_from_pt(p.before_pt));
  attr(out, "w:after", twips_from_pt(p.after_pt));
  // "auto": w:line is in 240ths of single spacing.
  attr(out, "w:line", std::lround(p.line_spacing * 240.0));
  out += " w:lineRule=\"auto\"/>";
  if (p.left_mm != 0 || p.right_mm != 0 || p.first_line_mm != 0) {
    out += "<w:ind";
    attr(out, "w:left", twips_from_mm(p.left_mm));
    attr(out, "w:right", twips_from_mm(p.right_mm));
    if (p.first_line_mm >= 0) {
      attr(out, "w:firstLine", twips_from_mm(p.first_line_mm));
    } else {
      attr(out, "w:hanging", twips_from_mm(-p.first_line_mm));
    }
    out += "/>";
  }
  out += "<w:jc w:val=\"";
  out += justification(p.align);
  out += "\"/>";
  if (p.outline_level >= 0) {
    out += "<w:outlineLvl";
    attr(out, "w:val", p.outline_level);
    out += "/>";
  }
  if (p.mark_size_pt > 0) {
    out += "<w:rPr><w:sz";
    attr(out, "w:val", half_points(p.mark_size_pt));
    out += "/><w:szCs";
    attr(out, "w:val", half_points(p.mark_size_pt));
    out += "/></w:rPr>";
  }
  out += p.section;
  out += "</w:pPr>";
}

void write_run(std::string& out, const Run& run, double size_pt) {
  // Line breaks and tabs are elements of their own between pieces of text.
  std::size_t start = 0;
  for (std::size_t i = 0; i <= run.text.size(); ++i) {
    const bool end = i == run.text.size();
    if (!end && run.text[i] != '\n' && run.text[i] != '\t') continue;
    if (i > start) text_run(out, run, size_pt, std::string_view(run.text).substr(start, i - start));
    if (!end) mark_run(out, run, size_pt, run.text[i] == '\n' ? "<w:br/>" : "<w:tab/>");
    start = i + 1;
  }
}

void write_paragraph(std::string& out, const ParagraphProps& props, const std::vector<Run>& runs, double size_pt) {
  out += "<w:p>";
  write_props(out, props);
  for (const Run& r : runs) write_run(out, r, size_pt);
  out += "</w:p>\n";
}

}  // namespace thidua::documents::ooxml
