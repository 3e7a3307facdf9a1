// The catalogue of communes: read by every signed-in user, kept by the installation
// administrator and authorities (create, correct, rename, merge, dissolve, the 2026–2030 group,
// import from a spreadsheet). History is kept as versions and lineage: nothing is overwritten
// except a correction of a typo, whose earlier text stays in the audit log.

#include <algorithm>
#include <map>
#include <set>

#include <boost/json.hpp>

#include "documents/csv.hpp"
#include "documents/xlsx_reader.hpp"
#include "documents/xlsx_writer.hpp"
#include "services/audit_service.hpp"
#include "services/commune_rules.hpp"
#include "services/commune_service.hpp"
#include "services/scope.hpp"
#include "services/validation.hpp"
#include "storage/assessment_repo.hpp"
#include "storage/commune_repo.hpp"
#include "text/collation.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;
using namespace commune_rules;

namespace {

/// "Xã", "xa", "Phường", "phuong", "Thị trấn", "thi_tran" → the kind.
std::optional<CommuneKind> kind_of(const std::string& text) {
  auto f = text::fold(text::clean_input(text));
  if (f == "xa" || f.empty()) return CommuneKind::xa;
  if (f == "phuong") return CommuneKind::phuong;
  if (f == "thi tran" || f == "thi_tran" || f == "tt") return CommuneKind::thi_tran;
  return std::nullopt;
}

/// The catalogue's fields of a new commune, validated.
struct NewCommune {
  std::string code, province;
  CommuneVersion version;
};

NewCommune new_commune_fields(const CommuneInput& in, Error& e) {
  NewCommune n;
  required_text(e, "code", in.code, 10, n.code);
  if (!n.code.empty() && !std::all_of(n.code.begin(), n.code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    e.field("code", "commune.code_invalid");
  }
  required_text(e, "name", in.name, 100, n.version.name);
  if (auto k = kind_of(in.kind)) {
    n.version.kind = *k;
  } else {
    e.field("kind", "validation.invalid");
  }
  optional_text(e, "district", in.district, 100, n.version.district);
  required_text(e, "province", in.province, 100, n.province);
  n.version.valid_from = date_field(e, "since", in.since, false);
  if (n.version.valid_from.empty()) n.version.valid_from = kUnknownSince;
  return n;
}

Result<documents::Sheet> read_sheet(std::string_view bytes, std::string_view name) {
  if (bytes.empty()) return fail(ErrorKind::validation, "import.empty");
  bool zip = bytes.size() >= 2 && bytes[0] == 'P' && bytes[1] == 'K';
  auto lower = text::fold(name);
  bool csv = lower.size() >= 4 && (lower.substr(lower.size() - 4) == ".csv" || lower.substr(lower.size() - 4) == ".txt");
  if (zip || !csv) return documents::read_xlsx(bytes);
  return documents::read_csv(bytes);
}

enum class Col { code, name, kind, district, province, since };
struct ColumnSpec {
  Col col;
  const char* header;
  std::vector<std::string_view> aliases;
  bool required;
};
const std::vector<ColumnSpec>& columns() {
  static const std::vector<ColumnSpec> k{
      {Col::code, "Mã xã", {"ma xa", "ma", "ma don vi hanh chinh", "ma dvhc", "code"}, true},
      {Col::name, "Tên xã", {"ten xa", "ten", "ten don vi hanh chinh", "name"}, true},
      {Col::kind, "Loại", {"loai", "cap", "kind"}, false},
      {Col::district, "Huyện", {"huyen", "quan/huyen", "quan, huyen", "huyen/thanh pho", "district"}, false},
      {Col::province, "Tỉnh", {"tinh", "tinh/thanh pho", "province"}, true},
      {Col::since, "Tên dùng từ ngày", {"ten dung tu ngay", "tu ngay", "since"}, false},
  };
  return k;
}

}  // namespace

Result<CataloguePage> CommuneService::catalogue(const Principal& actor, const CatalogueFilter& f) {
  return db_->read([&](storage::Tx& tx) -> Result<CataloguePage> {
    CataloguePage page;
    page.page = std::max(1, f.page);
    page.per_page = std::clamp(f.per_page, 1, 500);
    page.can_edit = edits_catalogue(actor);
    page.can_assign = actor.agency_id && manages_assignments(tx, actor, *actor.agency_id);
    auto all = storage::list_communes(tx);
    std::set<std::string> districts;
    const std::string q = text::fold(text::clean_input(f.q));
    std::vector<Commune> rows;
    for (auto& c : all) {
      if (!c.district.empty()) districts.insert(c.district);
      if (!q.empty() && text::fold(c.name).find(q) == std::string::npos && c.code.find(q) == std::string::npos) continue;
      if (!f.district.empty() && c.district != f.district) continue;
      if (!f.status.empty() && to_string(c.status) != f.status) continue;
      rows.push_back(std::move(c));
    }
    std::sort(rows.begin(), rows.end(), [](const Commune& a, const Commune& b) {
      if (int c = text::compare_vi(a.province, b.province)) return c < 0;
      if (int c = text::compare_vi(a.district, b.district)) return c < 0;
      if (int c = text::compare_vi(a.name, b.name)) return c < 0;
      return a.code < b.code;
    });
    page.total = static_cast<long long>(rows.size());
    page.districts.assign(districts.begin(), districts.end());
    std::sort(page.districts.begin(), page.districts.end(),
              [](const std::string& a, const std::string& b) { return text::compare_vi(a, b) < 0; });
    std::size_t start = static_cast<std::size_t>(page.page - 1) * static_cast<std::size_t>(page.per_page);
    for (std::size_t i = start; i < rows.size() && i < start + static_cast<std::size_t>(page.per_page); ++i) {
      CatalogueRow r;
      r.commune = rows[i];
      auto versions = storage::commune_versions(tx, r.commune.id);
      if (!versions.empty() && versions.back().valid_from != kUnknownSince) r.since = versions.back().valid_from;
      if (r.commune.status == CommuneStatus::merged) {
        for (const auto& l : storage::commune_lineage(tx, r.commune.id)) {
          if (l.from_id == r.commune.id && l.event == LineageEvent::merged) {
            r.merged_into = l.to_name;
            r.merged_on = l.effective_date;
          }
        }
      }
      page.items.push_back(std::move(r));
    }
    return page;
  });
}

Result<CatalogueEntry> CommuneService::catalogue_entry(const Principal& actor, std::int64_t id) {
  return db_->read([&](storage::Tx& tx) -> Result<CatalogueEntry> {
    auto c = storage::find_commune(tx, id);
    if (!c) return fail(ErrorKind::not_found, "commune.not_found");
    CatalogueEntry e;
    e.commune = *c;
    e.versions = storage::commune_versions(tx, id);
    e.lineage = storage::commune_lineage(tx, id);
    e.classes = storage::commune_classes(tx, id);
    e.can_edit = edits_catalogue(actor);
    e.can_assign = actor.agency_id && manages_assignments(tx, actor, *actor.agency_id) && c->status == CommuneStatus::active;
    e.has_page = static_cast<bool>(reader_view(tx, actor, id));
    return e;
  });
}

Result<CatalogueEntry> CommuneService::catalogue_entry_by_code(const Principal& actor, const std::string& code) {
  auto id = db_->read([&](storage::Tx& tx) -> Result<std::int64_t> {
    auto c = storage::find_commune_by_code(tx, std::string(text::trim(code)));
    if (!c) return fail(ErrorKind::not_found, "commune.not_found");
    return c->id;
  });
  if (!id) return fail(id.error());
  return catalogue_entry(actor, *id);
}

Result<Commune> CommuneService::create_commune(const Principal& actor, const CommuneInput& in) {
  const auto now = clock_();
  if (!edits_catalogue(actor)) return fail(ErrorKind::forbidden, "auth.forbidden");
  return db_->write([&](storage::Tx& tx) -> Result<Commune> {
    Error e = invalid();
    auto n = new_commune_fields(in, e);
    if (!e.fields.empty()) return fail(e);
    if (storage::find_commune_by_code(tx, n.code)) {
      return fail(Error{ErrorKind::conflict, "commune.code_taken", {}, {{"code", "commune.code_taken"}}, ""});
    }
    auto id = storage::insert_commune(tx, n.code, n.province, n.version, to_iso(now));
    auto c = *storage::find_commune(tx, id);
    record_audit(tx, actor,
                 {"commune.create", "commune", std::to_string(id), "", json::serialize(to_audit(c, n.version.valid_from))},
                 now);
    return c;
  });
}

Result<Commune> CommuneService::change_commune(const Principal& actor, std::int64_t id, std::int64_t version,
                                               const CommuneChangeInput& in) {
  const auto now = clock_();
  if (!edits_catalogue(actor)) return fail(ErrorKind::forbidden, "auth.forbidden");
  return db_->write([&](storage::Tx& tx) -> Result<Commune> {
    auto c = storage::find_commune(tx, id);
    if (!c) return fail(ErrorKind::not_found, "commune.not_found");
    if (c->version != version) return fail(ErrorKind::conflict, "edit.stale");
    auto versions = storage::commune_versions(tx, id);
    const CommuneVersion current = versions.back();
    Error e = invalid();
    const std::string& change = in.change;
    if (change != "correct" && change != "rename" && change != "merge" && change != "dissolve" && change != "group") {
      e.field("change", "validation.invalid");
      return fail(e);
    }
    if (change != "correct" && change != "group" && c->status != CommuneStatus::active) {
      return fail(ErrorKind::conflict, "commune.not_active");
    }
    std::string date;
    if (change != "correct") {
      date = date_field(e, "effective_date", in.effective_date, true);
      if (!date.empty() && change != "group" && date <= current.valid_from) {
        e.field("effective_date", "commune.date_before_name");
      }
    }
    std::string ref, note;
    decision_ref_field(e, "decision_ref", in.decision_ref, change == "merge" || change == "dissolve", ref);
    optional_text(e, "note", in.note, kText, note);
    CommuneVersion next = current;
    std::string province = c->province;
    CommuneStatus status = c->status;
    std::optional<Commune> into;
    if (change == "correct" || change == "rename") {
      required_text(e, "name", in.name, 100, next.name);
      if (auto k = kind_of(in.kind)) {
        next.kind = *k;
      } else {
        e.field("kind", "validation.invalid");
      }
      optional_text(e, "district", in.district, 100, next.district);
      if (change == "correct") required_text(e, "province", in.province, 100, province);
      if (change == "rename" && next.name == current.name && next.kind == current.kind && next.district == current.district) {
        e.field("name", "commune.same_name");
      }
    } else if (change == "merge") {
      std::string code(text::trim(in.into_code));
      if (code.empty()) {
        e.field("into_code", "validation.required");
      } else {
        into = storage::find_commune_by_code(tx, code);
        if (!into) e.field("into_code", "commune.code_unknown");
        else if (into->id == id) e.field("into_code", "commune.merge_self");
        else if (into->status != CommuneStatus::active) e.field("into_code", "commune.not_active");
      }
      status = CommuneStatus::merged;
    } else if (change == "dissolve") {
      status = CommuneStatus::dissolved;
    } else {
      if (in.group != "1" && in.group != "2" && in.group != "3") e.field("group", "validation.invalid");
    }
    if (!e.fields.empty()) return fail(e);
    const auto at = to_iso(now);
    json::object before = to_audit(*c, current.valid_from), after;
    if (change == "correct") {
      storage::correct_commune_version(tx, next);
    } else if (change == "rename") {
      storage::close_commune_version(tx, current.id, date);
      next.valid_from = date;
      next.valid_to.clear();
      storage::insert_commune_version(tx, id, next);
      storage::insert_lineage(tx, {0, id, id, LineageEvent::renamed, date, ref, note, "", "", {}, {}}, at);
    } else if (change == "merge" || change == "dissolve") {
      storage::close_commune_version(tx, current.id, date);
      std::optional<std::int64_t> to;
      if (into) to = into->id;
      storage::insert_lineage(
          tx, {0, id, to, change == "merge" ? LineageEvent::merged : LineageEvent::dissolved, date, ref, note, "", "", {}, {}},
          at);
      // Assignments in force end on the date; on a merger they carry on with the new commune.
      for (auto a : storage::commune_assignments(tx, id)) {
        if (!a.valid_to.empty() && a.valid_to <= date) continue;
        CommuneAssignment old = a;
        if (a.valid_from >= date) continue;  // starts after the change: left for its agency to sort out
        a.valid_to = date;
        storage::update_assignment(tx, a);
        record_audit(tx, actor,
                     {"commune_assignment.end", "commune_assignment", std::to_string(a.id),
                      json::serialize(to_audit(old)), json::serialize(to_audit(a))},
                     now);
        if (into && in.carry_assignments) {
          CommuneAssignment next_a = old;
          next_a.id = 0;
          next_a.commune_id = into->id;
          next_a.valid_from = date;
          next_a.note = "Tiếp nối phân công xã " + current.name + " (sáp nhập từ " +
                        text::format_date(*text::parse_iso_date(date)) + ")";
          auto there = storage::commune_assignments(tx, into->id);
          bool taken = std::any_of(there.begin(), there.end(), [&](const CommuneAssignment& x) {
            return x.agency_id == old.agency_id && (x.valid_to.empty() || x.valid_to > date);
          });
          if (!taken) {
            next_a.id = storage::insert_assignment(tx, next_a, account_of(actor), at);
            record_audit(tx, actor,
                         {"commune_assignment.create", "commune_assignment", std::to_string(next_a.id), "",
                          json::serialize(to_audit(next_a))},
                         now);
          }
        }
      }
    } else {
      for (const auto& k : storage::commune_classes(tx, id)) {
        if (k.scheme == "ntm2026_group" && k.valid_to.empty()) storage::close_commune_class(tx, k.id, date);
      }
      storage::insert_commune_class(tx, id, {0, "ntm2026_group", in.group, date, "", note});
    }
    if (!storage::bump_commune(tx, id, version, status, province)) return fail(ErrorKind::conflict, "edit.stale");
    auto out = *storage::find_commune(tx, id);
    after = to_audit(out, change == "rename" ? date : current.valid_from);
    after["change"] = change;
    after["effective_date"] = date;
    after["decision_ref"] = ref;
    after["note"] = note;
    if (into) after["into"] = into->code;
    if (change == "group") after["group"] = in.group;
    record_audit(tx, actor,
                 {"commune." + change, "commune", std::to_string(id), json::serialize(before), json::serialize(after)},
                 now);
    return out;
  });
}

Result<ImportPreview> CommuneService::import_catalogue(const Principal& actor, std::string_view bytes,
                                                       std::string_view file_name, bool write,
                                                       ImportPreview* problems) {
  if (!edits_catalogue(actor)) return fail(ErrorKind::forbidden, "auth.forbidden");
  auto sheet = read_sheet(bytes, file_name);
  if (!sheet) return fail(sheet.error());
  if (sheet->rows.empty()) return fail(ErrorKind::validation, "import.empty");
  // The header: the first row (of the first ten) naming the code and name columns.
  long header = -1;
  std::map<Col, std::size_t> where;
  for (std::size_t r = 0; r < sheet->rows.size() && r < 10 && header < 0; ++r) {
    std::map<Col, std::size_t> found;
    for (std::size_t c = 0; c < sheet->rows[r].size(); ++c) {
      if (!text::is_valid_utf8(sheet->rows[r][c])) continue;
      auto f = text::fold(text::clean_input(sheet->rows[r][c]));
      for (const auto& spec : columns()) {
        if (std::find(spec.aliases.begin(), spec.aliases.end(), f) != spec.aliases.end() && !found.count(spec.col)) {
          found[spec.col] = c;
        }
      }
    }
    if (found.count(Col::code) && found.count(Col::name)) {
      header = static_cast<long>(r);
      where = std::move(found);
    }
  }
  if (header < 0) return fail(Error{ErrorKind::validation, "import.no_header", {{"column", "Mã xã"}}, {}, ""});
  ImportPreview out;
  for (const auto& spec : columns()) {
    if (spec.required && !where.count(spec.col)) {
      out.problems.push_back({static_cast<int>(header + 1), spec.header, "import.missing_column", {{"column", spec.header}}});
    }
  }
  auto body = [&](storage::Tx& tx) -> Result<ImportPreview> {
    std::map<std::string, int> seen;
    const auto now = clock_();
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
        if (!text::is_valid_utf8(sheet->cell(r, i))) bad_text = true;
      }
      if (bad_text) {
        out.problems.push_back({row_no, "", "import.bad_encoding", {}});
        continue;
      }
      CommuneInput in{cell(Col::code), cell(Col::name), cell(Col::kind), cell(Col::district), cell(Col::province),
                      cell(Col::since)};
      Error e = invalid();
      auto n = new_commune_fields(in, e);
      if (!e.fields.empty()) {
        for (const auto& fe : e.fields) {
          std::string header_text;
          for (const auto& spec : columns()) {
            const char* names[] = {"code", "name", "kind", "district", "province", "since"};
            if (fe.field == names[static_cast<int>(spec.col)]) header_text = spec.header;
          }
          out.problems.push_back({row_no, header_text, fe.code, {}});
        }
        continue;
      }
      if (auto it = seen.find(n.code); it != seen.end()) {
        out.problems.push_back({row_no, "", "import.duplicate_row", {{"other", std::to_string(it->second)}}});
        continue;
      }
      seen[n.code] = row_no;
      auto existing = storage::find_commune_by_code(tx, n.code);
      std::string action = "new";
      if (existing) {
        bool same = existing->name == n.version.name && existing->kind == n.version.kind &&
                    existing->district == n.version.district && existing->province == n.province;
        action = same ? "unchanged" : "update";
      }
      if (action == "new") ++out.new_people;
      if (action == "update") ++out.updated_people;
      if (action == "unchanged") ++out.unchanged_people;
      if (out.sample.size() < 200) out.sample.push_back({row_no, n.code + " — " + n.version.name, n.version.district, action});
      if (!write || !out.problems.empty() || action == "unchanged") continue;
      if (action == "new") {
        storage::insert_commune(tx, n.code, n.province, n.version, to_iso(now));
      } else {
        auto versions = storage::commune_versions(tx, existing->id);
        CommuneVersion v = versions.back();
        json::object before = to_audit(*existing, v.valid_from);
        v.name = n.version.name;
        v.kind = n.version.kind;
        v.district = n.version.district;
        storage::correct_commune_version(tx, v);
        storage::bump_commune(tx, existing->id, existing->version, existing->status, n.province);
        record_audit(tx, actor,
                     {"commune.correct", "commune", std::to_string(existing->id), json::serialize(before),
                      json::serialize(to_audit(*storage::find_commune(tx, existing->id), v.valid_from))},
                     now);
      }
    }
    if (out.rows == 0 && out.problems.empty()) return fail(ErrorKind::validation, "import.no_rows");
    if (write) {
      if (!out.problems.empty()) {
        if (problems) *problems = out;
        return fail(Error{ErrorKind::validation, "import.has_problems", {}, {}, ""});
      }
      json::object after{{"file", std::string(file_name)}, {"rows", out.rows}, {"new", out.new_people},
                         {"updated", out.updated_people}};
      record_audit(tx, actor, {"commune.import", "commune", "", "", json::serialize(after)}, now);
    }
    return out;
  };
  if (!out.problems.empty()) {
    if (write && problems) *problems = out;
    if (write) return fail(Error{ErrorKind::validation, "import.has_problems", {}, {}, ""});
    return out;
  }
  if (write) return db_->write(body);
  return db_->read(body);
}

Result<std::string> CommuneService::catalogue_template() {
  std::vector<documents::Column> cols;
  for (const auto& spec : columns()) {
    documents::Column c;
    c.header = spec.header;
    c.width = spec.col == Col::name || spec.col == Col::district ? 26 : 14;
    if (spec.col == Col::since) c.kind = documents::Column::date;
    cols.push_back(c);
  }
  std::vector<std::vector<std::string>> examples{
      {"01234", "Xã Mẫu Một", "Xã", "Huyện Mẫu", "Cao Bằng", ""},
      {"01235", "Thị trấn Mẫu", "Thị trấn", "Huyện Mẫu", "Cao Bằng", "01/01/2020"},
  };
  return documents::write_template(
      cols, examples,
      "Mỗi dòng là một xã, phường hoặc thị trấn. Bắt buộc: Mã xã (mã đơn vị hành chính, chỉ gồm chữ số), Tên xã, "
      "Tỉnh. Loại: Xã, Phường hoặc Thị trấn (để trống là Xã). Huyện: để trống với các xã từ ngày 01/07/2025. "
      "Tên dùng từ ngày: ngày dd/mm/yyyy, có thể để trống. Xã đã có (cùng mã) được cập nhật tên, loại, huyện, tỉnh; "
      "đổi tên theo quyết định hoặc sáp nhập thì dùng trang của từng xã để giữ lịch sử. "
      "Không dùng công thức và không gộp ô.");
}

Result<std::string> CommuneService::export_catalogue(const Principal& actor, const CatalogueFilter& filter) {
  CatalogueFilter f = filter;
  f.page = 1;
  f.per_page = 500;
  documents::Table t;
  t.sheet_name = "Danh mục xã";
  t.columns = {{"Mã xã", 10}, {"Tên xã", 28}, {"Loại", 10}, {"Huyện", 24}, {"Tỉnh", 16},
               {"Tên dùng từ ngày", 16, documents::Column::date}, {"Trạng thái", 14}, {"Sáp nhập vào", 28},
               {"Từ ngày", 14, documents::Column::date}};
  for (;; ++f.page) {
    auto page = catalogue(actor, f);
    if (!page) return fail(page.error());
    for (const auto& r : page->items) {
      const auto& c = r.commune;
      const char* kind = c.kind == CommuneKind::phuong ? "Phường" : c.kind == CommuneKind::thi_tran ? "Thị trấn" : "Xã";
      const char* status = c.status == CommuneStatus::active   ? "Đang hoạt động"
                           : c.status == CommuneStatus::merged ? "Đã sáp nhập"
                                                               : "Đã giải thể";
      t.rows.push_back({c.code, c.name, kind, c.district, c.province, r.since, status, r.merged_into, r.merged_on});
    }
    if (static_cast<long long>(f.page) * f.per_page >= page->total) break;
  }
  return documents::write_xlsx({t});
}

}  // namespace thidua::services
