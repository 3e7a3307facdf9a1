#include "documents/document.hpp"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace thidua::documents {
namespace {

// A blank date part leaves room for a handwritten figure, as printed forms do.
constexpr const char* kBlankDatePart = "    ";

std::string two_digits(int n) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d", n);
  return buffer;
}

void add_line(std::string& out, const std::string& line) {
  if (line.empty()) return;
  out += line;
  out += '\n';
}

void add_signature(std::string& out, const Signature& s) {
  add_line(out, s.mark);
  add_line(out, s.title);
  add_line(out, s.name);
}

void add_block(std::string& out, const Block& block) {
  if (const auto* p = std::get_if<Paragraph>(&block)) {
    add_line(out, p->text());
  } else if (const auto* t = std::get_if<TableBlock>(&block)) {
    for (const TableRow& row : t->rows) {
      for (const TableCell& c : row.cells) {
        for (const Paragraph& para : c.paragraphs) add_line(out, para.text());
      }
    }
  } else if (const auto* c = std::get_if<ChartBlock>(&block)) {
    add_line(out, c->title);
    for (const ChartBar& b : c->bars) add_line(out, b.label + ": " + ChartBlock::value_text(b));
  }
}

void add_paragraphs(std::string& out, const std::vector<Block>& blocks) {
  for (const Block& b : blocks) add_block(out, b);
}

}  // namespace

double ChartBlock::scale() const {
  double top = std::max(max_value, 1.0);
  for (const ChartBar& b : bars) top = std::max(top, b.value);
  return top;
}

std::string ChartBlock::value_text(const ChartBar& b) {
  if (!b.value_label.empty()) return b.value_label;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.0f", b.value);
  return buffer;
}

std::string Paragraph::text() const {
  std::string out;
  for (const Run& r : runs) out += r.text;
  return out;
}

Paragraph body(std::string text) { return body(std::vector<Run>{Run{std::move(text)}}); }

Paragraph body(std::vector<Run> runs) {
  Paragraph p;
  p.runs = std::move(runs);
  p.first_line_indent_mm = kBodyIndentMm;
  return p;
}

Paragraph heading(int level, std::string text) {
  Paragraph p = body(std::vector<Run>{Run{std::move(text), true, level >= 4}});
  p.heading_level = std::clamp(level, 1, 4);
  p.keep_with_next = true;
  return p;
}

Paragraph centered(std::string text, bool bold, double size_pt) {
  Paragraph p;
  p.runs.push_back(Run{std::move(text), bold});
  p.align = Align::center;
  p.size_pt = size_pt;
  return p;
}

int TableBlock::column_count() const {
  int widest = static_cast<int>(column_widths.size());
  for (const TableRow& row : rows) {
    int n = 0;
    for (const TableCell& c : row.cells) n += std::max(1, c.column_span);
    widest = std::max(widest, n);
  }
  return widest;
}

std::vector<double> TableBlock::column_shares() const {
  std::vector<double> shares(static_cast<std::size_t>(std::max(1, column_count())), 1.0);
  for (std::size_t i = 0; i < column_widths.size() && i < shares.size(); ++i) {
    if (column_widths[i] > 0) shares[i] = column_widths[i];
  }
  const double total = std::accumulate(shares.begin(), shares.end(), 0.0);
  for (double& s : shares) s /= total;
  return shares;
}

TableCell cell(std::string text, bool bold, Align align) {
  Paragraph p;
  p.runs.push_back(Run{std::move(text), bold});
  p.align = align;
  p.space_after_pt = 0;
  return TableCell{{std::move(p)}, 1};
}

std::string number_line(const HeaderBlock& header) {
  if (header.symbol.empty()) return {};
  // Without a number the clerk writes it in by hand at registration: leave room for it.
  const std::string number = header.number.empty() ? std::string("      ") : header.number;
  return "Số: " + number + "/" + header.symbol;
}

std::string place_date_line(const HeaderBlock& header) {
  if (header.place.empty()) return {};
  const auto part = [](int n, bool pad) {
    if (n <= 0) return std::string(kBlankDatePart);
    return pad ? two_digits(n) : std::to_string(n);
  };
  return header.place + ", ngày " + part(header.day, header.day < 10) + " tháng " +
         part(header.month, header.month <= 2) + " năm " +
         (header.year > 0 ? std::to_string(header.year) : std::string(kBlankDatePart));
}

std::vector<std::string> recipient_lines(const std::vector<std::string>& recipients, const std::string& archive) {
  std::vector<std::string> lines;
  lines.reserve(recipients.size() + 1);
  for (const std::string& r : recipients) lines.push_back("- " + r + ";");
  lines.push_back("- Lưu: VT" + (archive.empty() ? std::string() : ", " + archive) + ".");
  return lines;
}

std::string metadata_title(const Document& doc) {
  if (!doc.metadata.title.empty()) return doc.metadata.title;
  if (doc.type.empty()) return doc.summary;
  if (doc.summary.empty()) return doc.type;
  return doc.type + " " + doc.summary;
}

std::string metadata_author(const Document& doc) {
  return doc.metadata.author.empty() ? doc.header.agency : doc.metadata.author;
}

std::string metadata_created(const Document& doc) {
  if (!doc.metadata.created.empty()) return doc.metadata.created;
  const HeaderBlock& h = doc.header;
  if (h.year <= 0) return "2000-01-01T00:00:00";
  return std::to_string(h.year) + "-" + two_digits(std::clamp(h.month, 1, 12)) + "-" +
         two_digits(std::clamp(h.day, 1, 31)) + "T00:00:00";
}

std::string plain_text(const Document& doc) {
  std::string out;
  const HeaderBlock& h = doc.header;
  add_line(out, h.parent_body);
  add_line(out, h.agency);
  add_line(out, number_line(h));
  add_line(out, h.letter_summary);
  add_line(out, h.national_name);
  add_line(out, h.motto);
  add_line(out, place_date_line(h));
  add_line(out, doc.type);
  add_line(out, doc.summary);
  add_paragraphs(out, doc.body);
  add_signature(out, doc.signature);
  if (doc.left_signature) add_signature(out, *doc.left_signature);
  if (!doc.recipients.empty()) {
    add_line(out, kRecipientsLabel);
    for (const std::string& r : doc.recipients) add_line(out, r);
  }
  for (const Annex& a : doc.annexes) {
    add_line(out, a.heading);
    add_line(out, a.title);
    add_line(out, a.subtitle);
    add_paragraphs(out, a.body);
  }
  return out;
}

}  // namespace thidua::documents
