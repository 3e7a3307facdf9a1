#include "services/import_service.hpp"

#include <boost/json.hpp>
#include <map>

#include "documents/csv.hpp"
#include "documents/xlsx_reader.hpp"
#include "documents/xlsx_writer.hpp"
#include "services/audit_service.hpp"
#include "services/scope.hpp"
#include "storage/org_repo.hpp"
#include "storage/people_repo.hpp"
#include "text/format.hpp"
#include "text/legacy_encoding.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;

namespace {

enum class Col { code, full_name, gender, birth_date, employment, start_date, unit, position, status };

struct ColumnSpec {
  Col col;
  const char* header;                       ///< the template's header
  std::vector<std::string_view> aliases;    ///< folded header texts that mean this column
  bool required;
};

const std::vector<ColumnSpec>& columns() {
  static const std::vector<ColumnSpec> kColumns{
      {Col::code, "Mã cán bộ", {"ma can bo", "ma cb", "ma"}, false},
      {Col::full_name, "Họ và tên", {"ho va ten", "ho ten", "ten"}, true},
      {Col::gender, "Giới tính", {"gioi tinh", "gioi"}, true},
      {Col::birth_date, "Ngày sinh", {"ngay sinh", "ngay thang nam sinh", "sinh ngay"}, false},
      {Col::employment, "Loại cán bộ", {"loai can bo", "loai", "doi tuong", "ngach"}, false},
      {Col::start_date, "Ngày vào cơ quan", {"ngay vao co quan", "ngay bat dau", "ngay vao"}, false},
      {Col::unit, "Phòng, đơn vị", {"phong, don vi", "phong don vi", "don vi", "phong", "phong ban"}, false},
      {Col::position, "Chức vụ", {"chuc vu", "chuc danh"}, false},
      {Col::status, "Trạng thái", {"trang thai"}, false},
  };
  return kColumns;
}

const char* field_of(Col c) {
  switch (c) {
    case Col::code: return "code";
    case Col::full_name: return "full_name";
    case Col::gender: return "gender";
    case Col::birth_date: return "birth_date";
    case Col::employment: return "employment";
    case Col::start_date: return "start_date";
    case Col::unit: return "unit_id";
    case Col::position: return "position";
    case Col::status: return "status";
  }
  return "";
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
  }
  return true;
}

Result<documents::Sheet> read_sheet(std::string_view bytes, std::string_view file_name) {
  if (bytes.empty()) return fail(ErrorKind::validation, "import.empty");
  bool zip = bytes.size() >= 2 && bytes[0] == 'P' && bytes[1] == 'K';
  bool ole = bytes.size() >= 4 && static_cast<unsigned char>(bytes[0]) == 0xD0 &&
             static_cast<unsigned char>(bytes[1]) == 0xCF;
  if (zip || ole || ends_with_ci(file_name, ".xlsx") || ends_with_ci(file_name, ".xls")) {
    return documents::read_xlsx(bytes);
  }
  if (ends_with_ci(file_name, ".csv") || ends_with_ci(file_name, ".txt") || file_name.empty()) {
    return documents::read_csv(bytes);
  }
  return fail(ErrorKind::validation, "import.wrong_type");
}

std::string map_gender(const std::string& v) {
  auto f = text::fold(v);
  if (f == "nam" || f == "male" || f == "m") return "male";
  if (f == "nu" || f == "female" || f == "f") return "female";
  return v;
}

std::string map_employment(const std::string& v) {
  auto f = text::fold(v);
  if (f.empty() || f == "cong chuc" || f == "civil_servant") return "civil_servant";
  if (f == "vien chuc" || f == "public_employee") return "public_employee";
  if (f.find("lao dong") != std::string::npos || f.find("hop dong") != std::string::npos ||
      f == "contract_worker") {
    return "contract_worker";
  }
  return v;
}

std::string map_status(const std::string& v) {
  auto f = text::fold(v);
  if (f.empty() || f == "dang cong tac" || f == "active") return "active";
  if (f.find("chuyen") != std::string::npos || f == "transferred") return "transferred";
  if (f.find("huu") != std::string::npos || f == "retired") return "retired";
  return v;
}

/// Zero-based (first row, last row) of an "A1:C3" range.
std::pair<long, long> range_rows(const std::string& range) {
  auto row_of = [](std::string_view ref) {
    long r = 0;
    for (char c : ref) {
      if (c >= '0' && c <= '9') r = r * 10 + (c - '0');
    }
    return r - 1;
  };
  auto colon = range.find(':');
  std::string_view a(range), b(range);
  if (colon != std::string::npos) {
    a = std::string_view(range).substr(0, colon);
    b = std::string_view(range).substr(colon + 1);
  }
  return {row_of(a), row_of(b)};
}

bool same(const Person& a, const Person& b) {
  return a.full_name == b.full_name && a.code == b.code && a.gender == b.gender && a.birth_date == b.birth_date &&
         a.employment == b.employment && a.start_date == b.start_date && a.status == b.status &&
         a.unit_id == b.unit_id && a.position == b.position;
}

}  // namespace

ImportService::ImportService(std::shared_ptr<storage::Database> db, std::shared_ptr<PeopleService> people,
                             Clock clock)
    : db_(std::move(db)), people_(std::move(people)), clock_(std::move(clock)) {}

Result<ImportPreview> ImportService::preview_people(const Principal& actor, std::int64_t agency_id,
                                                    std::string_view bytes, std::string_view file_name) {
  return run(actor, agency_id, bytes, file_name, false, nullptr);
}

Result<ImportPreview> ImportService::import_people(const Principal& actor, std::int64_t agency_id,
                                                   std::string_view bytes, std::string_view file_name,
                                                   ImportPreview* problems) {
  return run(actor, agency_id, bytes, file_name, true, problems);
}

Result<ImportPreview> ImportService::run(const Principal& actor, std::int64_t agency_id, std::string_view bytes,
                                         std::string_view file_name, bool write, ImportPreview* problems) {
  if (!can_manage_agency(actor, agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
  auto sheet = read_sheet(bytes, file_name);
  if (!sheet) return fail(sheet.error());

  ImportPreview out;
  // Legacy encodings: judge the whole file's text at once (a single cell says too little).
  std::string sample;
  for (const auto& row : sheet->rows) {
    for (const auto& cell : row) {
      sample += cell;
      sample += ' ';
      if (sample.size() > 200000) break;
    }
  }
  auto enc = text::detect_legacy(sample);
  if (enc != text::LegacyEncoding::none) {
    out.encoding = std::string(text::to_string(enc));
    for (auto& row : sheet->rows) {
      for (auto& cell : row) cell = text::convert_legacy(cell, enc);
    }
  }

  // The header: the first row (of the first ten) that names the full-name column.
  long header = -1;
  std::map<Col, std::size_t> where;
  for (std::size_t r = 0; r < sheet->rows.size() && r < 10 && header < 0; ++r) {
    std::map<Col, std::size_t> found;
    for (std::size_t c = 0; c < sheet->rows[r].size(); ++c) {
      std::string cell = sheet->rows[r][c];
      if (!text::is_valid_utf8(cell)) continue;
      auto f = text::fold(text::clean_input(cell));
      for (const auto& spec : columns()) {
        for (auto alias : spec.aliases) {
          if (f == alias && !found.count(spec.col)) found[spec.col] = c;
        }
      }
    }
    if (found.count(Col::full_name)) {
      header = static_cast<long>(r);
      where = std::move(found);
    }
  }
  if (sheet->rows.empty()) return fail(ErrorKind::validation, "import.empty");
  if (header < 0) {
    return fail(Error{ErrorKind::validation, "import.no_header", {{"column", "Họ và tên"}}, {}, ""});
  }
  for (const auto& spec : columns()) {
    if (spec.required && !where.count(spec.col)) {
      out.problems.push_back({static_cast<int>(header + 1), spec.header, "import.missing_column",
                              {{"column", spec.header}}});
    }
  }
  for (const auto& range : sheet->merged_ranges) {
    auto [first, last] = range_rows(range);
    if (last >= header) out.problems.push_back({static_cast<int>(first + 1), "", "import.merged_cells", {{"range", range}}});
  }
  if (!out.problems.empty()) {
    if (write && problems) *problems = out;
    return write ? Result<ImportPreview>(fail(Error{ErrorKind::validation, "import.has_problems", {}, {}, ""}))
                 : Result<ImportPreview>(out);
  }

  auto header_of = [&](Col c) {
    for (const auto& spec : columns()) {
      if (spec.col == c) return std::string(spec.header);
    }
    return std::string();
  };
  auto body = [&](storage::Tx& tx) -> Result<ImportPreview> {
    auto units = storage::list_units(tx, agency_id, false);
    std::map<std::string, std::int64_t> seen;  // duplicate rows in the file
    // Everyone already registered, by staff code and by name + date of birth (one query).
    std::map<std::string, std::int64_t> by_code;
    std::map<std::string, std::pair<std::int64_t, std::string>> by_name;  // key → (id, code)
    for (const auto& k : storage::person_keys(tx, agency_id)) {
      if (!k.code.empty()) by_code[k.code] = k.id;
      by_name.emplace(k.name_key + "|" + k.birth_date, std::make_pair(k.id, k.code));
    }
    for (std::size_t r = static_cast<std::size_t>(header) + 1; r < sheet->rows.size(); ++r) {
      const int row_no = static_cast<int>(r) + 1;
      auto cell = [&](Col c) -> std::string {
        auto it = where.find(c);
        return it == where.end() ? std::string() : std::string(sheet->cell(r, it->second));
      };
      bool empty = true;
      for (const auto& [c, i] : where) empty = empty && text::trim(sheet->cell(r, i)).empty();
      if (empty) continue;
      ++out.rows;
      bool bad_text = false;
      for (const auto& [c, i] : where) {
        if (!text::is_valid_utf8(sheet->cell(r, i))) {
          out.problems.push_back({row_no, header_of(c), "import.bad_encoding", {}});
          bad_text = true;
        }
      }
      if (bad_text) continue;
      PersonInput in;
      in.code = cell(Col::code);
      in.full_name = cell(Col::full_name);
      in.gender = map_gender(cell(Col::gender));
      in.birth_date = cell(Col::birth_date);
      in.employment = map_employment(cell(Col::employment));
      in.start_date = cell(Col::start_date);
      in.status = map_status(cell(Col::status));
      in.position = cell(Col::position);
      std::string unit_text(text::trim(cell(Col::unit)));
      if (!unit_text.empty()) {
        auto key = text::fold(text::clean_input(unit_text));
        for (const auto& u : units) {
          if (text::fold(u.code) == key || text::fold(u.name) == key) in.unit_id = std::to_string(u.id);
        }
        if (in.unit_id.empty()) {
          out.problems.push_back({row_no, header_of(Col::unit), "import.unknown_unit", {{"value", unit_text}}});
          continue;
        }
      }
      auto person = people_->validate(tx, agency_id, in, &units);
      if (!person) {
        for (const auto& f : person.error().fields) {
          for (const auto& spec : columns()) {
            if (field_of(spec.col) == f.field) out.problems.push_back({row_no, spec.header, f.code, {}});
          }
        }
        continue;
      }
      std::string key = !person->code.empty() ? "code:" + person->code
                                              : "name:" + text::fold(person->full_name) + "|" + person->birth_date;
      if (auto it = seen.find(key); it != seen.end()) {
        out.problems.push_back({row_no, "", "import.duplicate_row", {{"other", std::to_string(it->second)}}});
        continue;
      }
      seen[key] = row_no;
      std::optional<std::int64_t> existing;
      if (!person->code.empty()) {
        if (auto it = by_code.find(person->code); it != by_code.end()) existing = it->second;
      }
      if (!existing) {
        // By name and date of birth only when that person has no other staff code.
        auto it = by_name.find(text::fold(person->full_name) + "|" + person->birth_date);
        if (it != by_name.end() && (it->second.second.empty() || person->code.empty())) existing = it->second.first;
      }
      std::string action = "new";
      std::optional<Person> old;
      if (existing) {
        old = storage::find_person(tx, *existing);
        action = old && same(*old, *person) ? "unchanged" : "update";
      }
      if (action == "new") ++out.new_people;
      if (action == "update") ++out.updated_people;
      if (action == "unchanged") ++out.unchanged_people;
      if (out.sample.size() < 200) out.sample.push_back({row_no, person->full_name, person->unit_name, action});
      if (write && out.problems.empty() && action != "unchanged") {
        if (old) {
          person->id = old->id;
          person->version = old->version;
          person->user_id = old->user_id;
        }
        auto saved =
            people_->save(tx, actor, *person, action == "new" ? "person.import" : "person.import_update", true);
        if (!saved) {
          out.problems.push_back({row_no, "", saved.error().code, {}});
        } else if (action == "new") {
          if (!saved->code.empty()) by_code[saved->code] = saved->id;
          by_name.emplace(text::fold(saved->full_name) + "|" + saved->birth_date,
                          std::make_pair(saved->id, saved->code));
        }
      }
    }
    if (out.rows == 0) return fail(ErrorKind::validation, "import.no_rows");
    if (write) {
      if (!out.problems.empty()) {
        if (problems) *problems = out;
        return fail(Error{ErrorKind::validation, "import.has_problems", {}, {}, ""});
      }
      json::object after{{"file", std::string(file_name)}, {"rows", out.rows}, {"new", out.new_people},
                         {"updated", out.updated_people}, {"encoding", out.encoding}};
      record_audit(tx, actor, {"people.import", "agency", std::to_string(agency_id), "", json::serialize(after)},
                   clock_());
    }
    return out;
  };
  if (write) return db_->write(body);
  return db_->read(body);
}

Result<std::string> ImportService::people_template() {
  std::vector<documents::Column> cols;
  for (const auto& spec : columns()) {
    documents::Column c;
    c.header = spec.header;
    c.width = spec.col == Col::full_name || spec.col == Col::unit ? 28 : 16;
    cols.push_back(c);
  }
  std::vector<std::vector<std::string>> examples{
      {"BDT101", "Hà Thị Mai", "Nữ", "05/09/1990", "Công chức", "01/03/2015", "Văn phòng", "Chuyên viên",
       "Đang công tác"},
      {"BDT102", "Nông Văn Bình", "Nam", "12/11/1985", "Viên chức", "15/08/2010", "Phòng Chính sách Dân tộc",
       "Phó Trưởng phòng", "Đang công tác"},
  };
  return documents::write_template(
      cols, examples,
      "Mỗi dòng là một cán bộ. Bắt buộc: Họ và tên, Giới tính (Nam/Nữ). Ngày ghi dạng dd/mm/yyyy. "
      "Loại cán bộ: Công chức, Viên chức hoặc Người lao động. Phòng, đơn vị: ghi đúng tên hoặc mã đơn vị "
      "đã có trong phần mềm. Trạng thái: Đang công tác, Đã chuyển công tác hoặc Đã nghỉ hưu. "
      "Không dùng công thức và không gộp ô. Nhập lại cùng một tệp không tạo bản ghi trùng: cán bộ được "
      "nhận ra theo Mã cán bộ, hoặc theo Họ và tên cùng Ngày sinh.");
}

Result<std::string> ImportService::export_people(const Principal& actor, const PeopleFilter& filter) {
  documents::Table t;
  t.sheet_name = "Cán bộ";
  for (const auto& spec : columns()) {
    documents::Column c;
    c.header = spec.header;
    c.width = spec.col == Col::full_name || spec.col == Col::unit ? 28 : 16;
    if (spec.col == Col::birth_date || spec.col == Col::start_date) c.kind = documents::Column::date;
    t.columns.push_back(c);
  }
  PeopleFilter f = filter;
  f.per_page = 200;
  for (f.page = 1;; ++f.page) {
    auto page = people_->search(actor, f);
    if (!page) return fail(page.error());
    for (const auto& p : page->items) {
      t.rows.push_back({p.code, p.full_name, p.gender == Gender::female ? "Nữ" : "Nam", p.birth_date,
                        p.employment == EmploymentKind::civil_servant     ? "Công chức"
                        : p.employment == EmploymentKind::public_employee ? "Viên chức"
                                                                          : "Người lao động",
                        p.start_date, p.unit_name, p.position,
                        p.status == PersonStatus::active        ? "Đang công tác"
                        : p.status == PersonStatus::transferred ? "Đã chuyển công tác"
                                                                : "Đã nghỉ hưu"});
    }
    if (static_cast<long long>(f.page) * f.per_page >= page->total) break;
  }
  return documents::write_xlsx({t});
}

}  // namespace thidua::services
