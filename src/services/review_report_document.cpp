// A review report as documents::Document and as XLSX (review_report_document.hpp).

#include "services/review_report_document.hpp"

#include <algorithm>

#include "documents/xlsx_writer.hpp"
#include "services/decision_rules.hpp"
#include "services/measure_names.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace {

using namespace documents;
using decision_rules::vn_date;

constexpr const char* kRoman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
constexpr const char* kBlank = "………………………………………………………………………";

/// A table of the report, the same for the document and the spreadsheet: values are kept raw
/// ("1500000") and formatted for print by their column's kind.
struct ReportTable {
  std::string sheet;
  std::string title;
  std::vector<Column> columns;
  std::vector<double> widths;
  std::vector<std::vector<std::string>> rows;
};

std::string num(long long v) { return std::to_string(v); }

std::string percent(long long achieved, long long target) {
  if (target <= 0) return "";
  return std::to_string(achieved * 100 / target);
}

std::string kind_phrase(ReviewKind k) {
  switch (k) {
    case ReviewKind::annual: return "kết quả thực hiện";
    case ReviewKind::midterm: return "sơ kết";
    case ReviewKind::final_review: return "tổng kết";
  }
  return "";
}

std::string period_years(const Movement& m) {
  std::string a = m.period_from.substr(0, 4), b = m.period_to.substr(0, 4);
  return a == b ? a : a + " - " + b;
}

std::string span_text(const std::string& from, const std::string& to) {
  return "từ ngày " + vn_date(from) + " đến ngày " + vn_date(to);
}

// ---- the tables --------------------------------------------------------------------------------

ReportTable items_table(const MovementFigures& f) {
  ReportTable t{"Noi dung", "Kết quả theo nội dung thi đua",
                {{"STT", 6, Column::integer},
                 {"Nội dung thi đua", 50},
                 {"Kết quả", 10, Column::integer},
                 {"Buổi tuyên truyền", 12, Column::integer},
                 {"Lượt người dự", 12, Column::integer},
                 {"Tiền, hiện vật (đồng)", 18, Column::money},
                 {"Ngày công", 10, Column::integer}},
                {1.6, 6, 1.9, 2.4, 2.2, 3.6, 1.9},
                {}};
  for (const auto& i : f.items) {
    t.rows.push_back({num(i.item_number), i.item_text, num(i.records), num(i.sessions), num(i.participants),
                      num(i.mobilised.money_vnd()), num(i.mobilised.workdays)});
  }
  return t;
}

ReportTable targets_table(const MovementFigures& f) {
  ReportTable t{"Chi tieu", "Chỉ tiêu đăng ký và kết quả đạt được",
                {{"Nội dung", 10, Column::integer},
                 {"Chỉ tiêu", 30},
                 {"Đăng ký", 14, Column::integer},
                 {"Đạt được", 14, Column::integer},
                 {"Tỷ lệ (%)", 10, Column::integer},
                 {"Đơn vị tính", 12}},
                {1.6, 5, 2.4, 2.4, 1.6, 2},
                {}};
  for (const auto& i : f.items) {
    for (const auto& g : i.targets) {
      t.rows.push_back({num(i.item_number), measure_vi(g.measure), num(g.target), num(g.achieved),
                        percent(g.achieved, g.target), unit_vi(g.measure)});
    }
  }
  return t;
}

ReportTable units_table(const MovementFigures& f) {
  ReportTable t{"Don vi", "Kết quả theo đơn vị: đăng ký và thực hiện",
                {{"STT", 6, Column::integer},
                 {"Đơn vị", 34},
                 {"Chỉ tiêu đăng ký", 12, Column::integer},
                 {"Chỉ tiêu đạt", 12, Column::integer},
                 {"Tỷ lệ bình quân (%)", 12, Column::integer},
                 {"Kết quả được ghi nhận", 12, Column::integer},
                 {"Tiền và hiện vật (đồng)", 18, Column::money}},
                {1.6, 5, 2.1, 2, 2.1, 2, 3.4},
                {}};
  int n = 0;
  for (const auto& u : f.units) {
    t.rows.push_back({num(++n), u.unit_name, num(u.targets), num(u.targets_met),
                      u.average_percent < 0 ? "" : num(u.average_percent), num(u.records),
                      num(u.mobilised.money_vnd())});
  }
  return t;
}

/// A slice as printed: the follow-up's label, or the Vietnamese word for a donor kind or scope
/// code when the label is only the code.
std::string slice_label(const MobilisedSlice& s) {
  static const std::pair<const char*, const char*> kWords[] = {
      {"enterprise", "Doanh nghiệp"}, {"organisation", "Tổ chức"}, {"person", "Cá nhân"},
      {"agency", "Cơ quan, đơn vị"},  {"inside", "Trong tỉnh"},     {"outside", "Ngoài tỉnh"}};
  if (!s.label.empty() && s.label != s.code) return s.label;
  for (const auto& [code, word] : kWords) {
    if (s.code == code) return word;
  }
  return s.label.empty() ? (s.code.empty() ? std::string("Chưa xác định") : s.code) : s.label;
}

ReportTable mobilised_table(const std::string& sheet, const std::string& title, const std::string& first,
                            const std::vector<MobilisedSlice>& slices) {
  ReportTable t{sheet, title,
                {{first, 34},
                 {"Tiền mặt (đồng)", 16, Column::money},
                 {"Hiện vật (đồng)", 16, Column::money},
                 {"Ngày công", 10, Column::integer},
                 {"Đất hiến (m²)", 10, Column::integer}},
                {5, 3.4, 3.4, 2, 2.2},
                {}};
  for (const auto& s : slices) {
    t.rows.push_back({slice_label(s), num(s.figures.cash_vnd), num(s.figures.goods_vnd), num(s.figures.workdays),
                      num(s.figures.land_m2)});
  }
  return t;
}

ReportTable communes_table(const MovementFigures& f) {
  ReportTable t{"Xa NTM", "Tiến độ đạt tiêu chí nông thôn mới của các xã được giúp đỡ",
                {{"STT", 6, Column::integer},
                 {"Xã", 22},
                 {"Huyện", 18},
                 {"Bộ tiêu chí", 22},
                 {"Đầu kỳ", 10},
                 {"Cuối kỳ", 10},
                 {"Ngày đánh giá", 12, Column::date},
                 {"Công nhận", 14}},
                {1.6, 3, 2.8, 3.4, 1.7, 1.7, 2.8, 2.2},
                {}};
  int n = 0;
  for (const auto& c : f.communes) {
    const std::string total = std::to_string(c.criteria_total);
    t.rows.push_back({num(++n), c.name, c.district, c.criteria_set,
                      c.criteria_met_at_start < 0 ? "" : std::to_string(c.criteria_met_at_start) + "/" + total,
                      std::to_string(c.criteria_met) + "/" + total, c.assessed_on, c.recognised});
  }
  return t;
}

ReportTable role_models_table(const MovementFigures& f) {
  ReportTable t{"Dien hinh", "Điển hình tiên tiến, mô hình hay",
                {{"STT", 6, Column::integer}, {"Điển hình, mô hình", 40}, {"Của", 26}, {"Ngày", 12, Column::date}},
                {1.6, 6, 4, 2.8},
                {}};
  int n = 0;
  for (const auto& r : f.role_models) {
    std::string what = r.model_name.empty() ? r.title : r.model_name;
    if (!r.model_kind.empty()) what += " (" + r.model_kind + ")";
    t.rows.push_back({num(++n), what, r.who, r.occurred_on});
  }
  return t;
}

ReportTable initiatives_table(const MovementFigures& f) {
  ReportTable t{"Sang kien", "Sáng kiến",
                {{"STT", 6, Column::integer},
                 {"Sáng kiến", 40},
                 {"Tác giả", 26},
                 {"Cấp công nhận", 14},
                 {"Ngày công nhận", 12, Column::date}},
                {1.6, 6, 4, 2.2, 2.8},
                {}};
  int n = 0;
  for (const auto& i : f.initiatives) {
    const std::string level = i.level == "base"       ? "Cơ sở"
                              : i.level == "province" ? "Tỉnh"
                              : i.level == "national" ? "Toàn quốc"
                                                      : i.level;
    t.rows.push_back({num(++n), i.title, i.authors, level, i.recognised_on});
  }
  return t;
}

ReportTable awards_table(const MovementFigures& f) {
  ReportTable t{"Khen thuong", "Khen thưởng đã thực hiện và đề nghị",
                {{"STT", 6, Column::integer},
                 {"Hình thức khen thưởng", 40},
                 {"Cá nhân", 10, Column::integer},
                 {"Tập thể", 10, Column::integer},
                 {"Hộ gia đình", 10, Column::integer},
                 {"Đang đề nghị", 12, Column::integer}},
                {1.6, 6, 1.8, 1.8, 2, 2.2},
                {}};
  int n = 0;
  for (const auto& a : f.awards) {
    t.rows.push_back({num(++n), decision_rules::form_name_vi(a.form), num(a.persons), num(a.units),
                      num(a.households), num(a.proposed)});
  }
  return t;
}

std::string due_state_vi(DueState s) {
  switch (s) {
    case DueState::done: return "Đã hoàn thành";
    case DueState::due: return "Chưa đến hạn";
    case DueState::late: return "Quá hạn";
  }
  return "";
}

ReportTable milestones_table(const MovementFigures& f) {
  ReportTable t{"Tien do", "Tiến độ thực hiện các mốc, nhiệm vụ",
                {{"STT", 6, Column::integer},
                 {"Mốc, nhiệm vụ", 44},
                 {"Đơn vị thực hiện", 22},
                 {"Hạn", 12, Column::date},
                 {"Hoàn thành", 12, Column::date},
                 {"Tình trạng", 14}},
                {1.6, 5.4, 3, 2.8, 2.8, 2.4},
                {}};
  int n = 0;
  for (const auto& m : f.milestones) {
    t.rows.push_back({num(++n), m.title, m.unit_name.empty() ? "Văn phòng" : m.unit_name, m.due_date,
                      m.done_at.substr(0, 10), due_state_vi(m.state)});
  }
  return t;
}

/// The tables a period's figures fill, in the order the report prints them.
std::vector<ReportTable> figure_tables(const MovementFigures& f) {
  return {items_table(f),
          targets_table(f),
          units_table(f),
          mobilised_table("Nguon", "Nguồn lực huy động theo đối tượng", "Đối tượng", f.by_donor_kind),
          mobilised_table("Pham vi", "Nguồn lực huy động trong và ngoài tỉnh", "Phạm vi", f.by_donor_scope),
          mobilised_table("Theo xa", "Nguồn lực huy động theo xã", "Xã", f.by_commune),
          communes_table(f),
          role_models_table(f),
          initiatives_table(f),
          awards_table(f)};
}

std::string printed(const Column& c, const std::string& v) {
  if (v.empty()) return v;
  if (c.kind == Column::money || c.kind == Column::integer) {
    try {
      return text::format_number(std::stoll(v));
    } catch (...) {
      return v;
    }
  }
  if (c.kind == Column::date) return vn_date(v);
  return v;
}

TableBlock table_block(const ReportTable& t) {
  TableBlock b;
  b.column_widths = t.widths;
  TableRow head;
  head.header = true;
  for (const auto& c : t.columns) head.cells.push_back(cell(c.header, true, Align::center));
  b.rows.push_back(std::move(head));
  for (const auto& row : t.rows) {
    TableRow r;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      const Column& c = t.columns[i];
      const bool number = c.kind == Column::money || c.kind == Column::integer;
      r.cells.push_back(cell(printed(c, i < row.size() ? row[i] : ""), false,
                             i == 0 && number ? Align::center : number ? Align::right : Align::left));
    }
    b.rows.push_back(std::move(r));
  }
  return b;
}

Paragraph plain(const std::string& s) {
  Paragraph p = body(s);
  return p;
}

Paragraph italic(const std::string& s) {
  Paragraph p = body(s);
  for (auto& r : p.runs) r.italic = true;
  return p;
}

/// A table with its caption, or the sentence that there is nothing to show.
void add_table(std::vector<Block>& out, const ReportTable& t, const std::string& caption) {
  Paragraph cap = body(std::vector<Run>{{caption, false, true}});
  cap.keep_with_next = true;
  cap.space_after_pt = 3;
  out.push_back(cap);
  if (t.rows.empty()) {
    out.push_back(italic("Không có số liệu trong kỳ."));
    return;
  }
  out.push_back(table_block(t));
}

/// A long list (role models, initiatives) prints its first rows in the document and says how
/// many more the report's spreadsheet lists: a report of a large agency stays readable.
void add_long_table(std::vector<Block>& out, ReportTable t, const std::string& caption) {
  constexpr std::size_t kRowsPrinted = 30;
  const std::size_t more = t.rows.size() > kRowsPrinted ? t.rows.size() - kRowsPrinted : 0;
  t.rows.resize(std::min(t.rows.size(), kRowsPrinted));
  add_table(out, t, caption);
  if (more > 0) {
    out.push_back(italic("… và " + text::format_number(static_cast<long long>(more)) +
                         " mục khác; danh sách đầy đủ tại bảng tính (XLSX) kèm theo báo cáo."));
  }
}

void add_text(std::vector<Block>& out, const std::string& text) {
  auto lines = text::nonblank_lines(text);
  if (lines.empty()) {
    out.push_back(plain(kBlank));
    return;
  }
  for (const auto& l : lines) out.push_back(plain(l));
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out;
}

/// What was done under one content item, in a sentence of figures.
std::string item_sentence(const ItemFigures& i) {
  if (i.records == 0) return "Trong kỳ chưa có kết quả được ghi nhận.";
  std::vector<std::string> parts;
  parts.push_back("ghi nhận " + text::format_number(i.records) + " kết quả đã được xác nhận");
  if (i.sessions) {
    parts.push_back("tổ chức " + text::format_number(i.sessions) + " buổi tuyên truyền với " +
                    text::format_number(i.participants) + " lượt người tham dự");
  }
  if (i.mobilised.money_vnd()) {
    parts.push_back("vận động được " + text::format_number(i.mobilised.money_vnd()) + " đồng (tiền mặt " +
                    text::format_number(i.mobilised.cash_vnd) + " đồng, hiện vật quy ra tiền " +
                    text::format_number(i.mobilised.goods_vnd) + " đồng)");
  }
  if (i.mobilised.workdays) parts.push_back(text::format_number(i.mobilised.workdays) + " ngày công");
  if (i.mobilised.land_m2) parts.push_back(text::format_number(i.mobilised.land_m2) + " m² đất được hiến");
  if (i.visits) parts.push_back(text::format_number(i.visits) + " chuyến công tác hỗ trợ cơ sở");
  if (i.role_models) parts.push_back(text::format_number(i.role_models) + " điển hình tiên tiến, mô hình hay");
  if (i.initiatives) parts.push_back(text::format_number(i.initiatives) + " sáng kiến");
  std::string s = join(parts);
  s[0] = 'G';  // "ghi nhận" opens the sentence
  return s + ".";
}

std::string mobilised_sentence(const Mobilised& m) {
  return "Tổng nguồn lực huy động được trong kỳ: " + text::format_number(m.money_vnd()) + " đồng (tiền mặt " +
         text::format_number(m.cash_vnd) + " đồng, hiện vật quy ra tiền " + text::format_number(m.goods_vnd) +
         " đồng), " + text::format_number(m.workdays) + " ngày công, " + text::format_number(m.land_m2) +
         " m² đất được hiến.";
}

/// The units' mean fulfilment of their targets, or the items' results when no unit pledged.
std::optional<ChartBlock> chart_of(const MovementFigures& f) {
  ChartBlock c;
  c.title = "Biểu đồ: tỷ lệ thực hiện chỉ tiêu bình quân của các đơn vị (%)";
  c.max_value = 100;
  for (const auto& u : f.units) {
    if (u.average_percent >= 0) c.bars.push_back({u.unit_name, static_cast<double>(u.average_percent), num(u.average_percent) + "%"});
  }
  if (!c.bars.empty()) return c;
  c.title = "Biểu đồ: số kết quả được ghi nhận theo nội dung thi đua";
  c.max_value = 0;
  for (const auto& i : f.items) {
    c.bars.push_back({"Nội dung " + num(i.item_number), static_cast<double>(i.records), text::format_number(i.records)});
  }
  if (f.records == 0) return std::nullopt;
  return c;
}

/// Section II's figures for one period, its sub-headings at `level`.
/// A table of the whole period, or one per sub-period when the period is split.
void add_split(std::vector<Block>& out, const ReviewContent& c, ReportTable (*table)(const MovementFigures&),
               const std::string& caption) {
  if (c.parts.empty()) {
    add_table(out, table(c.figures), "Bảng: " + caption);
    return;
  }
  for (std::size_t k = 0; k < c.parts.size(); ++k) {
    std::string label = caption + ", giai đoạn " + std::to_string(k + 1) + ": " + span_text(c.parts[k].from, c.parts[k].to);
    if (k < c.part_labels.size() && !c.part_labels[k].empty()) label += " (" + c.part_labels[k] + ")";
    add_table(out, table(c.parts[k]), "Bảng: " + label);
  }
}

void figure_sections(std::vector<Block>& out, const ReviewContent& c, int level) {
  const MovementFigures& f = c.figures;
  int sub = 0;
  auto head = [&](const std::string& title) { out.push_back(heading(level, std::to_string(++sub) + ". " + title)); };
  const auto tables = figure_tables(f);
  head("Kết quả thực hiện các nội dung thi đua");
  for (const auto& i : f.items) {
    out.push_back(body(std::vector<Run>{{"Nội dung " + num(i.item_number) + ": ", true}, {i.item_text, false, true}}));
    out.push_back(plain(item_sentence(i)));
  }
  add_table(out, tables[0], "Bảng: " + tables[0].title);
  add_table(out, tables[1], "Bảng: " + tables[1].title);
  head("Kết quả thực hiện của các đơn vị");
  add_table(out, tables[2], "Bảng: " + tables[2].title);
  if (auto chart = chart_of(f)) out.push_back(*chart);
  head("Huy động nguồn lực");
  out.push_back(plain(mobilised_sentence(f.mobilised)));
  add_table(out, tables[3], "Bảng: " + tables[3].title);
  add_table(out, tables[4], "Bảng: " + tables[4].title);
  add_table(out, tables[5], "Bảng: " + tables[5].title);
  head("Tiến độ xây dựng nông thôn mới ở các xã được giúp đỡ");
  add_split(out, c, communes_table, tables[6].title);
  head("Điển hình tiên tiến, mô hình hay và sáng kiến");
  add_long_table(out, tables[7], "Bảng: " + tables[7].title);
  add_long_table(out, tables[8], "Bảng: " + tables[8].title);
}

std::string splits_sentence(const MovementFigures& f) {
  std::vector<std::string> parts;
  for (const auto& s : f.splits) {
    const std::string what = s.what == "criteria_set" ? "bộ tiêu chí" : "quy định khen thưởng";
    parts.push_back(what + " “" + s.name + "” áp dụng " + span_text(s.from, s.to));
  }
  return "Kỳ báo cáo có thay đổi về căn cứ đánh giá: " + join(parts) +
         ". Vì vậy, các bảng khen thưởng và tiến độ xây dựng nông thôn mới của các xã dưới đây được tách theo "
         "từng giai đoạn.";
}

}  // namespace

std::string review_sending_title(const ReviewReport& r) {
  std::string t = r.text.title;
  if (t.empty()) t = "Báo cáo " + kind_phrase(r.kind) + " phong trào thi đua";
  std::string rest(text::trim(t.rfind("Báo cáo", 0) == 0 ? t.substr(std::string("Báo cáo").size()) : t));
  // "Tổng kết …" reads "Báo cáo tổng kết …" (the kinds' titles start with an ASCII capital).
  if (!rest.empty() && rest[0] >= 'A' && rest[0] <= 'Z') rest[0] = static_cast<char>(rest[0] - 'A' + 'a');
  return "Báo cáo " + rest;
}

ReviewText default_review_text(const Movement& m, const std::string& agency_name, ReviewKind kind, int year) {
  ReviewText t;
  const std::string movement = "phong trào thi đua “" + m.title + "”";
  switch (kind) {
    case ReviewKind::annual:
      t.title = "Kết quả thực hiện " + movement + " năm " + std::to_string(year);
      break;
    case ReviewKind::midterm:
      t.title = "Sơ kết giữa kỳ " + movement + " giai đoạn " + period_years(m);
      break;
    case ReviewKind::final_review:
      t.title = "Tổng kết " + movement + " giai đoạn " + period_years(m);
      break;
  }
  std::string symbol = m.doc_symbol;
  if (auto dash = symbol.find('-'); dash != std::string::npos) symbol = "BC" + symbol.substr(dash);
  else symbol = "BC";
  t.doc_symbol = symbol;
  t.place = m.place;
  t.header_parent = m.header_parent;
  t.header_agency = m.header_name;
  std::string plan = "Kế hoạch";
  if (!m.doc_number.empty()) plan += " số " + m.doc_number + "/" + m.doc_symbol;
  if (!m.doc_date.empty()) plan += " ngày " + vn_date(m.doc_date);
  t.opening = "Thực hiện " + plan + " về " + movement + " giai đoạn " + period_years(m) + ", " +
              (agency_name.empty() ? std::string("cơ quan") : agency_name) +
              " báo cáo " + kind_phrase(kind) + " như sau:";
  t.signer_mark = m.signer_mark;
  t.signer_title = m.signer_title;
  t.signer_name = m.signer_name;
  return t;
}

documents::Document review_document(const ReviewContent& c) {
  const ReviewReport& r = c.report;
  const ReviewText& t = r.text;
  Document doc;
  doc.header.parent_body = t.header_parent;
  doc.header.agency = t.header_agency;
  doc.header.number = t.doc_number;
  doc.header.symbol = t.doc_symbol;
  doc.header.place = t.place;
  if (auto d = text::parse_iso_date(t.doc_date)) {
    doc.header.day = d->day;
    doc.header.month = d->month;
    doc.header.year = d->year;
  }
  doc.type = "BÁO CÁO";
  doc.summary = t.title;
  doc.metadata.author = c.agency_name;
  doc.metadata.subject = "Báo cáo " + kind_phrase(r.kind) + " " + span_text(r.period_from, r.period_to);
  doc.metadata.created = (t.doc_date.empty() ? r.period_to : t.doc_date) + "T00:00:00";

  for (const auto& l : text::nonblank_lines(t.opening)) doc.body.push_back(plain(l));
  doc.body.push_back(italic("Kỳ báo cáo: " + span_text(r.period_from, r.period_to) + "."));
  const MovementFigures& f = c.figures;
  const bool empty = f.empty();
  if (empty) {
    doc.body.push_back(plain("Trong kỳ báo cáo chưa có kết quả thực hiện, đánh giá hay khen thưởng nào được ghi nhận "
                             "và xác nhận trên phần mềm; vì vậy báo cáo không có bảng số liệu."));
  } else if (!f.splits.empty()) {
    doc.body.push_back(plain(splits_sentence(f)));
  }

  int section = 0;
  auto next = [&](const std::string& title) { doc.body.push_back(heading(1, std::string(kRoman[section++]) + ". " + title)); };

  next("CÔNG TÁC TRIỂN KHAI, TỔ CHỨC THỰC HIỆN");
  add_text(doc.body, t.work_intro);
  if (!f.milestones.empty()) {
    long long done = 0, due = 0, late = 0;
    for (const auto& m : f.milestones) (m.state == DueState::done ? done : m.state == DueState::due ? due : late)++;
    doc.body.push_back(plain("Trong kỳ có " + num(done) + " mốc, nhiệm vụ đã hoàn thành, " + num(due) +
                             " chưa đến hạn và " + num(late) + " quá hạn (chi tiết tại bảng dưới đây)."));
    add_table(doc.body, milestones_table(f), "Bảng: Tiến độ thực hiện các mốc, nhiệm vụ");
  }

  next("KẾT QUẢ THỰC HIỆN");
  if (empty) {
    doc.body.push_back(italic("Không có số liệu trong kỳ."));
  } else {
    figure_sections(doc.body, c, 2);
  }

  next("CÔNG TÁC KHEN THƯỞNG");
  add_split(doc.body, c, awards_table, "Khen thưởng đã thực hiện và đề nghị");
  next("TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN");
  add_text(doc.body, t.shortcomings);
  next("BÀI HỌC KINH NGHIỆM");
  add_text(doc.body, t.lessons);
  next("PHƯƠNG HƯỚNG, NHIỆM VỤ VÀ ĐỀ XUẤT, KIẾN NGHỊ");
  add_text(doc.body, t.next_steps);
  doc.body.push_back(plain("Trên đây là báo cáo " + kind_phrase(r.kind) + " phong trào thi đua “" + c.movement.title +
                           "” của " + c.agency_name + "./."));

  bool archived = false;
  for (std::size_t k = 0; k < c.recipients.size(); ++k) {
    archived = archived || c.recipients[k].rfind("Lưu", 0) == 0;
    doc.recipients.push_back("- " + c.recipients[k] + (k + 1 == c.recipients.size() && archived ? "." : ";"));
  }
  if (!archived) doc.recipients.push_back("- Lưu: VT.");
  doc.signature.mark = t.signer_mark;
  doc.signature.title = t.signer_title;
  doc.signature.name = t.signer_name;
  return doc;
}

Result<std::string> review_xlsx(const ReviewContent& c) {
  std::vector<Table> sheets;
  auto add = [&](const ReportTable& t, const std::string& suffix) {
    Table x;
    x.sheet_name = t.sheet + suffix;
    x.title = t.title + (suffix.empty() ? "" : " —" + suffix);
    x.columns = t.columns;
    x.rows = t.rows;
    sheets.push_back(std::move(x));
  };
  add(milestones_table(c.figures), "");
  for (const auto& t : figure_tables(c.figures)) add(t, "");
  // A split period: the awards and the communes' criteria again, per sub-period.
  for (std::size_t k = 0; k < c.parts.size(); ++k) {
    add(communes_table(c.parts[k]), " GĐ" + std::to_string(k + 1));
    add(awards_table(c.parts[k]), " GĐ" + std::to_string(k + 1));
  }
  return write_xlsx(sheets);
}

std::string review_file_name(const ReviewReport& r, const std::string& extension) {
  std::string stem;
  switch (r.kind) {
    case ReviewKind::annual: stem = "bao-cao-nam-" + std::to_string(r.year); break;
    case ReviewKind::midterm: stem = "bao-cao-so-ket-" + std::to_string(r.year); break;
    case ReviewKind::final_review:
      stem = "bao-cao-tong-ket-" + r.period_from.substr(0, 4) + "-" + r.period_to.substr(0, 4);
      break;
  }
  return stem + "." + extension;
}

}  // namespace thidua::services
