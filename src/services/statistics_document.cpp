// The statistical forms as files: an XLSX of one sheet (the form's lines, its units and
// period above, its notes below) and a PDF on A4 landscape laid out as the Home Affairs forms
// print: form number and circular at the left, title and period in the middle, reporting and
// receiving units at the right, the table with its column letters and numbers, the notes,
// the compiler's and the head's signatures.

#include "documents/pdf_writer.hpp"
#include "documents/xlsx_writer.hpp"
#include "services/decision_rules.hpp"
#include "services/statistics_service.hpp"
#include "text/format.hpp"

namespace thidua::services {

namespace {

using documents::Align;
using documents::cell;

std::string display(const std::string& iso) {
  if (iso.size() < 10) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string value_text(const std::optional<long long>& v) { return v ? std::to_string(*v) : ""; }

std::string indent_label(const StatRow& r) { return std::string(static_cast<std::size_t>(r.indent) * 2, ' ') + r.label; }

/// Each value column's heading with its group's ("Cá nhân - Trong đó: nữ") for the flat sheet.
std::vector<std::string> flat_headings(const StatisticalForm& f) {
  std::vector<std::string> out;
  std::size_t c = 0;
  for (const auto& g : f.groups) {
    for (int i = 0; i < g.span && c < f.columns.size(); ++i, ++c) {
      out.push_back(g.text.empty() ? f.columns[c] : g.text + " - " + f.columns[c]);
    }
  }
  for (; c < f.columns.size(); ++c) out.push_back(f.columns[c]);
  return out;
}

std::string period_line(const StatisticalForm& f) {
  return "Kỳ báo cáo: năm " + std::to_string(f.year) + " (từ ngày " + display(f.period_from) + " đến ngày " +
         display(f.period_to) + ")";
}

std::string receiving(const StatisticalForm& f) {
  return f.receiving_unit.empty() ? "……………………………………" : f.receiving_unit;
}

documents::Paragraph line(std::string text, bool bold = false, bool italic = false, Align align = Align::left) {
  documents::Paragraph p;
  documents::Run r;
  r.text = std::move(text);
  r.bold = bold;
  r.italic = italic;
  p.runs.push_back(std::move(r));
  p.align = align;
  p.space_after_pt = 0;
  p.size_pt = 11;
  return p;
}

documents::TableCell block(std::vector<documents::Paragraph> lines) {
  documents::TableCell c;
  c.paragraphs = std::move(lines);
  return c;
}

}  // namespace

Result<std::string> StatisticsService::form_xlsx(const StatisticalForm& f) {
  documents::AnnotatedTable sheet;
  auto& t = sheet.table;
  t.sheet_name = "Biểu " + f.form_code.substr(0, 4);
  sheet.above = {"Biểu số: " + f.form_code, f.circular, "Ngày nhận báo cáo: " + f.due,
                   "Đơn vị báo cáo: " + f.reporting_unit, "Đơn vị nhận báo cáo: " + receiving(f), period_line(f)};
  t.title = f.title + " NĂM " + std::to_string(f.year);
  t.columns.push_back({"Chỉ tiêu", 60, documents::Column::text});
  t.columns.push_back({"Mã số", 8, documents::Column::text});
  for (const auto& h : flat_headings(f)) t.columns.push_back({h, 16, documents::Column::integer});
  for (const auto& r : f.rows) {
    std::vector<std::string> row{indent_label(r), r.code};
    for (const auto& v : r.values) row.push_back(value_text(v));
    t.rows.push_back(std::move(row));
  }
  sheet.below.push_back("Ghi chú:");
  for (const auto& n : f.footnotes) sheet.below.push_back(n);
  for (const auto& n : f.unverified) sheet.below.push_back("Lưu ý: " + n);
  return documents::write_xlsx(std::vector<documents::AnnotatedTable>{std::move(sheet)});
}

Result<std::string> StatisticsService::form_pdf(const StatisticalForm& f) {
  documents::Document doc;
  doc.page.orientation = documents::Orientation::landscape;
  doc.page.margin_left_mm = 15;
  doc.page.margin_right_mm = 15;
  doc.page.margin_top_mm = 15;
  doc.page.margin_bottom_mm = 15;
  doc.page.font_size_pt = 12;
  doc.page.line_spacing = 1.0;
  doc.header.national_name.clear();
  doc.header.motto.clear();
  doc.metadata.title = "Biểu số " + f.form_code + " - " + f.title + " năm " + std::to_string(f.year);
  doc.metadata.author = f.reporting_unit;
  doc.metadata.created = f.period_to + "T00:00:00";

  // The form's head: three columns without borders.
  documents::TableBlock head;
  head.borders = false;
  head.column_widths = {3, 4, 3};
  documents::TableRow hr;
  hr.cells.push_back(block({line("Biểu số: " + f.form_code, true), line(f.circular, false, true),
                            line("Ngày nhận báo cáo: " + f.due)}));
  hr.cells.push_back(block({line(f.title, true, false, Align::center),
                            line("Năm " + std::to_string(f.year), true, false, Align::center),
                            line("(Từ ngày " + display(f.period_from) + " đến ngày " + display(f.period_to) + ")", false,
                                 true, Align::center)}));
  hr.cells.push_back(block({line("Đơn vị báo cáo: " + f.reporting_unit), line("Đơn vị nhận báo cáo: " + receiving(f))}));
  head.rows.push_back(std::move(hr));
  doc.body.push_back(std::move(head));
  doc.body.push_back(line(" "));

  // The table: groups, column headings, then the letters and numbers of the columns.
  documents::TableBlock t;
  t.column_widths = {9, 1.6};
  for (std::size_t i = 0; i < f.columns.size(); ++i) t.column_widths.push_back(2.2);
  documents::TableRow g, c, n;
  g.header = c.header = n.header = true;
  g.cells.push_back(cell("", true, Align::center));
  g.cells.push_back(cell("", true, Align::center));
  for (const auto& h : f.groups) {
    auto x = cell(h.text, true, Align::center);
    x.column_span = h.span;
    g.cells.push_back(std::move(x));
  }
  c.cells.push_back(cell("Chỉ tiêu", true, Align::center));
  c.cells.push_back(cell("Mã số", true, Align::center));
  for (const auto& h : f.columns) c.cells.push_back(cell(h, true, Align::center));
  n.cells.push_back(cell("A", false, Align::center));
  n.cells.push_back(cell("B", false, Align::center));
  for (std::size_t i = 0; i < f.columns.size(); ++i) n.cells.push_back(cell(std::to_string(i + 1), false, Align::center));
  t.rows.push_back(std::move(g));
  t.rows.push_back(std::move(c));
  t.rows.push_back(std::move(n));
  for (const auto& r : f.rows) {
    documents::TableRow row;
    auto label = cell(r.label, r.bold || r.section);
    label.paragraphs.front().left_indent_mm = 4.0 * r.indent;
    if (r.section) label.paragraphs.front().runs.front().italic = true;
    row.cells.push_back(std::move(label));
    row.cells.push_back(cell(r.code, false, Align::center));
    for (std::size_t i = 0; i < f.columns.size(); ++i) {
      std::string v = i < r.values.size() && r.values[i] ? text::format_number(*r.values[i]) : "";
      row.cells.push_back(cell(v, r.bold, Align::right));
    }
    t.rows.push_back(std::move(row));
  }
  doc.body.push_back(std::move(t));

  doc.body.push_back(line(" "));
  doc.body.push_back(line("Ghi chú:", true));
  for (const auto& note : f.footnotes) doc.body.push_back(line(note, false, true, Align::justify));
  for (const auto& note : f.unverified) doc.body.push_back(line("Lưu ý: " + note, false, true, Align::justify));

  doc.left_signature = documents::Signature{"", "NGƯỜI LẬP BIỂU", "", 20};
  doc.signature = documents::Signature{"", "THỦ TRƯỞNG ĐƠN VỊ", "", 20};
  return documents::write_pdf(doc);
}

Result<std::string> StatisticsService::totals_xlsx(const ProvinceTotals& t, const std::vector<StatisticalForm>& forms) {
  std::vector<documents::AnnotatedTable> sheets;
  documents::Table a;
  a.sheet_name = "Theo đơn vị";
  a.title = "Tổng hợp toàn tỉnh năm " + std::to_string(t.year) + " - " + t.authority.name;
  using K = documents::Column;
  a.columns = {{"Mã", 8, K::text},
               {"Cơ quan, đơn vị", 40, K::text},
               {"Phong trào thi đua", 12, K::integer},
               {"Do cơ quan phát động", 12, K::integer},
               {"Do tỉnh phát động", 12, K::integer},
               {"Do Trung ương phát động", 12, K::integer},
               {"Kết quả đã xác nhận", 14, K::integer},
               {"Tiền mặt (đồng)", 18, K::money},
               {"Hiện vật quy đổi (đồng)", 18, K::money},
               {"Ngày công", 12, K::integer},
               {"Đất hiến (m²)", 12, K::integer},
               {"Sáng kiến được công nhận", 12, K::integer},
               {"Khen thưởng", 12, K::integer}};
  auto row_of = [](const AgencyTotals& x) {
    return std::vector<std::string>{x.agency.code,
                                    x.agency.name,
                                    std::to_string(x.movements),
                                    std::to_string(x.movements_agency),
                                    std::to_string(x.movements_province),
                                    std::to_string(x.movements_national),
                                    std::to_string(x.achievements),
                                    std::to_string(x.cash_vnd),
                                    std::to_string(x.goods_vnd),
                                    std::to_string(x.workdays),
                                    std::to_string(x.land_m2),
                                    std::to_string(x.initiatives),
                                    std::to_string(x.awards)};
  };
  for (const auto& x : t.agencies) a.rows.push_back(row_of(x));
  a.rows.push_back(row_of(t.total));
  sheets.push_back({std::move(a), {}, {}});

  documents::Table b;
  b.sheet_name = "Khen thưởng theo hình thức";
  b.title = "Khen thưởng theo hình thức năm " + std::to_string(t.year);
  b.columns = {{"Hình thức", 50, K::text}, {"Số lượng", 12, K::integer}};
  for (const auto& [form, n] : t.awards_by_form) b.rows.push_back({decision_rules::form_name_vi(form), std::to_string(n)});
  sheets.push_back({std::move(b), {}, {}});

  for (const auto& f : forms) {
    documents::AnnotatedTable sheet;
    auto& s = sheet.table;
    s.sheet_name = "Biểu " + f.form_code.substr(0, 4);
    sheet.above = {"Biểu số: " + f.form_code, "Đơn vị báo cáo: " + f.reporting_unit, period_line(f)};
    s.title = f.title + " NĂM " + std::to_string(f.year);
    s.columns.push_back({"Chỉ tiêu", 60, K::text});
    s.columns.push_back({"Mã số", 8, K::text});
    for (const auto& h : flat_headings(f)) s.columns.push_back({h, 16, K::integer});
    for (const auto& r : f.rows) {
      std::vector<std::string> row{indent_label(r), r.code};
      for (const auto& v : r.values) row.push_back(value_text(v));
      s.rows.push_back(std::move(row));
    }
    sheet.below = f.footnotes;
    sheets.push_back(std::move(sheet));
  }
  return documents::write_xlsx(sheets);
}

}  // namespace thidua::services
