#include "services/eligibility_import.hpp"

#include <algorithm>
#include <map>

#include "documents/xlsx_reader.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace {

/// The folded header → column index.
std::map<std::string, std::size_t> header_map(const documents::Sheet& sheet) {
  std::map<std::string, std::size_t> out;
  if (sheet.rows.empty()) return out;
  for (std::size_t c = 0; c < sheet.rows[0].size(); ++c) out[text::fold(text::trim(sheet.rows[0][c]))] = c;
  return out;
}

/// A form typed as its code or (a prefix of) its Vietnamese name.
std::optional<AwardForm> form_of(std::string_view typed) {
  const std::string t(text::trim(typed));
  if (auto f = parse_award_form(t)) return f;
  const std::string k = text::fold(t);
  static const std::pair<const char*, AwardForm> kNames[] = {
      {"lao dong tien tien", AwardForm::advanced_worker},
      {"chien si thi dua co so", AwardForm::grassroots_fighter},
      {"chien si thi dua cap tinh", AwardForm::provincial_fighter},
      {"chien si thi dua toan quoc", AwardForm::national_fighter},
      {"tap the lao dong tien tien", AwardForm::advanced_collective},
      {"tap the lao dong xuat sac", AwardForm::excellent_collective},
      {"giay khen", AwardForm::certificate_of_merit},
      {"bang khen cua thu tuong", AwardForm::pm_diploma},
      {"bang khen", AwardForm::diploma_of_merit},
      {"co thi dua cua chinh phu", AwardForm::government_flag},
      {"co thi dua", AwardForm::flag},
  };
  for (const auto& [name, form] : kNames) {
    if (k.rfind(name, 0) == 0) return form;
  }
  return std::nullopt;
}

Error missing_column(const char* name) {
  Error e{ErrorKind::validation, "eligibility.column_missing", {}, {}, {}};
  e.with("column", name);
  return e;
}

}  // namespace

Result<InputImportResult> import_inputs(EligibilityService& svc, const Principal& actor, std::int64_t agency_id,
                                        InputImportKind kind, int year, std::string_view xlsx, bool dry_run) {
  auto sheet = documents::read_xlsx(xlsx);
  if (!sheet) return fail(sheet.error());
  auto headers = header_map(*sheet);
  auto column = [&](std::initializer_list<const char*> names) -> std::optional<std::size_t> {
    for (const char* n : names) {
      if (auto it = headers.find(n); it != headers.end()) return it->second;
    }
    return std::nullopt;
  };
  InputImportResult out;
  auto code_col = column({"ma", "ma can bo", "ma don vi", "code"});
  if (!code_col) return fail(missing_column("Mã"));
  auto blank = [&](const std::vector<std::string>& row) {
    return std::all_of(row.begin(), row.end(), [](const std::string& c) { return text::trim(c).empty(); });
  };
  if (kind == InputImportKind::ratings) {
    auto rating_col = column({"xep loai", "muc do hoan thanh nhiem vu", "rating"});
    if (!rating_col) return fail(missing_column("Xếp loại"));
    auto reason_col = column({"ly do", "reason"});
    std::vector<EligibilityService::RatingLine> lines;
    for (std::size_t r = 1; r < sheet->rows.size(); ++r) {
      if (blank(sheet->rows[r])) continue;
      lines.push_back({static_cast<int>(r + 1), std::string(sheet->cell(r, *code_col)),
                       std::string(sheet->cell(r, *rating_col)),
                       reason_col ? std::string(sheet->cell(r, *reason_col)) : std::string()});
    }
    out.rows = static_cast<int>(lines.size());
    auto done = svc.import_ratings(actor, agency_id, year, lines, dry_run);
    if (!done) return fail(done.error());
    out.written = dry_run ? 0 : done->written;
    out.problems = std::move(done->problems);
    return out;
  }
  auto form_col = column({"danh hieu/hinh thuc", "danh hieu", "hinh thuc", "form"});
  auto year_col = column({"nam", "year"});
  auto ref_col = column({"so quyet dinh", "decision"});
  if (!form_col) return fail(missing_column("Danh hiệu/hình thức"));
  if (!year_col) return fail(missing_column("Năm"));
  if (!ref_col) return fail(missing_column("Số quyết định"));
  auto date_col = column({"ngay quyet dinh", "decision date"});
  auto issuer_col = column({"co quan ban hanh", "issuer"});
  std::vector<EligibilityService::AwardLine> lines;
  for (std::size_t r = 1; r < sheet->rows.size(); ++r) {
    if (blank(sheet->rows[r])) continue;
    EligibilityService::AwardLine l;
    l.row = static_cast<int>(r + 1);
    l.code = std::string(sheet->cell(r, *code_col));
    l.form = form_of(sheet->cell(r, *form_col));
    const std::string y(text::trim(sheet->cell(r, *year_col)));
    l.year = y.size() == 4 && std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; })
                 ? std::stoi(y)
                 : 0;
    l.decision_ref = std::string(sheet->cell(r, *ref_col));
    if (date_col) l.decision_date = std::string(sheet->cell(r, *date_col));
    if (issuer_col) l.issuer = std::string(sheet->cell(r, *issuer_col));
    lines.push_back(std::move(l));
  }
  out.rows = static_cast<int>(lines.size());
  auto done = svc.import_past_awards(actor, agency_id, lines, dry_run);
  if (!done) return fail(done.error());
  out.written = dry_run ? 0 : done->written;
  out.problems = std::move(done->problems);
  return out;
}

}  // namespace thidua::services
