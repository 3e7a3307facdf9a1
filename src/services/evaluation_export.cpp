// The ranking as XLSX and as the annex of the evaluation minutes (see evaluation_export.hpp).

#include "services/evaluation_export.hpp"

#include "documents/xlsx_writer.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace {

const char* status_vi(SheetStatus s) {
  switch (s) {
    case SheetStatus::draft: return "Chưa nộp";
    case SheetStatus::submitted: return "Đã nộp";
    case SheetStatus::reviewed: return "Đã thẩm định";
    case SheetStatus::returned: return "Trả lại";
    case SheetStatus::final: return "Chính thức";
  }
  return "";
}

const char* subject_vi(EvalSubject s) {
  switch (s) {
    case EvalSubject::unit: return "Tập thể";
    case EvalSubject::person: return "Cá nhân";
    case EvalSubject::cluster_agency: return "Cơ quan trong cụm";
  }
  return "";
}

std::string band_name(const RankingView& v, const std::optional<std::size_t>& band) {
  return band && *band < v.tmpl.bands.size() ? v.tmpl.bands[*band].name : std::string("Không xếp loại");
}

/// Points as a spreadsheet number: "9.5" (a dot, so that the cell is a number in any locale).
std::string number(Points p) {
  std::string s = format_points(p);
  for (auto& c : s) {
    if (c == ',') c = '.';
  }
  return s;
}

std::vector<documents::Table> ranking_tables(const RankingView& v) {
  using documents::Column;
  const bool people = v.tmpl.subject == EvalSubject::person;
  documents::Table ranked;
  ranked.sheet_name = "Xếp hạng";
  ranked.title = v.tmpl.title;
  ranked.columns = {{"Xếp hạng", 10, Column::integer},
                    {people ? "Họ và tên" : "Tập thể", 32},
                    {"Đơn vị", 32}};
  for (const auto& g : v.tmpl.groups) ranked.columns.push_back({g.title, 18});
  for (const char* h : {"Điểm thưởng", "Điểm trừ", "Tổng điểm"}) ranked.columns.push_back({h, 12});
  ranked.columns.push_back({"Xếp loại", 30});
  ranked.columns.push_back({"Trạng thái", 16});
  for (const auto& r : v.ranked) {
    std::vector<std::string> row{std::to_string(r.rank), r.sheet.subject_name, r.sheet.unit_name};
    for (std::size_t g = 0; g < v.tmpl.groups.size(); ++g) {
      row.push_back(g < r.group_points.size() ? number(r.group_points[g]) : "0");
    }
    row.push_back(number(r.total.bonus));
    row.push_back(number(r.total.penalty));
    row.push_back(number(r.total.total));
    row.push_back(band_name(v, r.band));
    row.push_back(status_vi(r.sheet.status));
    ranked.rows.push_back(std::move(row));
  }
  documents::Table waiting;
  waiting.sheet_name = "Chưa nộp";
  waiting.title = "Chưa nộp bảng tự chấm điểm";
  waiting.columns = {{people ? "Họ và tên" : "Tập thể", 32}, {"Đơn vị", 32}, {"Trạng thái", 16}};
  for (const auto& s : v.not_submitted) waiting.rows.push_back({s.subject_name, s.unit_name, status_vi(s.status)});
  return {std::move(ranked), std::move(waiting)};
}

}  // namespace

Result<std::string> ranking_xlsx(const RankingView& v) { return documents::write_xlsx(ranking_tables(v)); }

Result<std::string> ranking_xlsx(const std::vector<RankingView>& all) {
  std::vector<documents::Table> tables;
  for (const auto& v : all) {
    for (auto& t : ranking_tables(v)) {
      t.sheet_name += std::string(" - ") + subject_vi(v.tmpl.subject);
      tables.push_back(std::move(t));
    }
  }
  return documents::write_xlsx(tables);
}

documents::Document ranking_annex(const RankingView& v, const AnnexContext& c) {
  using documents::Align;
  using documents::cell;
  const auto& m = c.movement;
  const bool people = v.tmpl.subject == EvalSubject::person;
  const std::string year = std::to_string(v.tmpl.year);
  documents::Document doc;
  // Landscape, as wide annexes are printed: names, units and bands each on one line.
  doc.page.orientation = documents::Orientation::landscape;
  doc.header.parent_body = m.header_parent;
  doc.header.agency = m.header_name.empty() ? text::upper_vi(c.agency_name) : m.header_name;
  doc.header.place = m.place;
  doc.type = "PHỤ LỤC";
  doc.summary = std::string("KẾT QUẢ CHẤM ĐIỂM, XẾP LOẠI THI ĐUA ") + (people ? "CÁ NHÂN" : "TẬP THỂ") + " NĂM " + year;
  doc.metadata.title = "Phụ lục kết quả chấm điểm, xếp loại thi đua năm " + year;
  doc.metadata.author = c.agency_name;
  doc.metadata.created = year + "-12-31T00:00:00";

  auto italic = documents::centered("(Kèm theo Biên bản họp bình xét thi đua năm " + year + " của " + c.agency_name + ")");
  for (auto& r : italic.runs) r.italic = true;
  doc.body.push_back(italic);
  doc.body.push_back(documents::body("Phong trào thi đua: " + m.title + "."));
  std::string scope = "Bảng chấm điểm: " + v.tmpl.title + " (" + subject_vi(v.tmpl.subject) + ")";
  if (!c.unit_name.empty()) scope += "; đơn vị: " + c.unit_name;
  doc.body.push_back(documents::body(scope + "."));

  documents::TableBlock t;
  t.column_widths = people ? std::vector<double>{1.4, 5, 5.6, 1.5, 5.4} : std::vector<double>{1.4, 10, 1.5, 5.4};
  documents::TableRow head;
  head.header = true;
  head.cells.push_back(cell("Hạng", true, Align::center));
  head.cells.push_back(cell(people ? "Họ và tên" : "Tên tập thể", true, Align::center));
  if (people) head.cells.push_back(cell("Đơn vị", true, Align::center));
  head.cells.push_back(cell("Tổng điểm", true, Align::center));
  head.cells.push_back(cell("Xếp loại", true, Align::center));
  t.rows.push_back(std::move(head));
  for (const auto& r : v.ranked) {
    documents::TableRow row;
    row.cells.push_back(cell(std::to_string(r.rank), false, Align::center));
    row.cells.push_back(cell(r.sheet.subject_name));
    if (people) row.cells.push_back(cell(r.sheet.unit_name));
    row.cells.push_back(cell(format_points(r.total.total), false, Align::right));
    row.cells.push_back(cell(band_name(v, r.band)));
    t.rows.push_back(std::move(row));
  }
  if (v.ranked.empty()) {
    documents::TableRow row;
    auto none = cell("Chưa có bảng điểm nào được nộp.", false, Align::center);
    none.column_span = people ? 5 : 4;
    row.cells.push_back(std::move(none));
    t.rows.push_back(std::move(row));
  }
  doc.body.push_back(std::move(t));

  // Bands: how many subjects fall in each.
  std::string bands;
  for (std::size_t b = 0; b < v.tmpl.bands.size(); ++b) {
    long long n = 0;
    for (const auto& r : v.ranked) n += r.band == b ? 1 : 0;
    if (!bands.empty()) bands += "; ";
    bands += v.tmpl.bands[b].name + " (từ " + format_points(v.tmpl.bands[b].at_least) + " điểm): " + std::to_string(n);
  }
  if (!bands.empty()) {
    doc.body.push_back(documents::body("Tổng số được xếp hạng: " + std::to_string(v.ranked.size()) + "; trong đó " +
                                       bands + "."));
  }
  if (!v.not_submitted.empty()) {
    std::string names;
    for (const auto& s : v.not_submitted) {
      if (!names.empty()) names += ", ";
      names += s.subject_name;
    }
    doc.body.push_back(documents::body("Chưa nộp bảng tự chấm điểm (" + std::to_string(v.not_submitted.size()) +
                                       "): " + names + "."));
  }
  doc.left_signature = documents::Signature{"", "THƯ KÝ HỘI ĐỒNG", "", 25};
  doc.signature.mark = "TM. HỘI ĐỒNG";
  doc.signature.title = "CHỦ TỊCH";
  return doc;
}

Result<RankingExport> ranking_export(EvaluationService& evaluations, MovementService& movements,
                                     const Principal& actor, std::int64_t template_id,
                                     std::optional<std::int64_t> unit_id) {
  auto r = evaluations.ranking(actor, template_id, unit_id);
  if (!r) return fail(r.error());
  auto m = movements.get(actor, r->tmpl.movement_id);
  if (!m) return fail(m.error());
  RankingExport out;
  out.context.movement = std::move(m->movement);
  out.context.agency_name = std::move(m->agency_name);
  if (unit_id) {
    if (!r->ranked.empty()) out.context.unit_name = r->ranked.front().sheet.unit_name;
    else if (!r->not_submitted.empty()) out.context.unit_name = r->not_submitted.front().unit_name;
  }
  out.ranking = std::move(*r);
  return out;
}

std::string ranking_file_name(const RankingView& v, const std::string& extension) {
  const char* kind = v.tmpl.subject == EvalSubject::unit ? "tap-the" : "ca-nhan";
  return "BXT_" + std::to_string(v.tmpl.year) + "_" + kind + "_" + std::to_string(v.tmpl.id) + "." + extension;
}

}  // namespace thidua::services
