// The read side of AchievementService: lists (mine, my unit, all), the Office's queue, the
// list as XLSX, and what the record form offers.

#include <algorithm>

#include "documents/xlsx_writer.hpp"
#include "services/achievement_service.hpp"
#include "services/evidence_service.hpp"
#include "storage/movement_repo.hpp"
#include "storage/org_repo.hpp"
#include "storage/people_repo.hpp"
#include "text/collation.hpp"

namespace thidua::services {

namespace {

constexpr int kMaxPageSize = 200;
constexpr int kMaxExportRows = 100000;

/// The repository query for `f` as `r` may see it; field errors for values that name nothing.
Result<storage::AchievementQuery> query_for(const RecordRights& r, const AchievementFilter& f, std::string& scope) {
  Error e = Error{ErrorKind::validation, "validation.invalid", {}, {}, ""};
  storage::AchievementQuery q;
  q.agency_id = r.agency_id;
  scope = f.scope;
  if (scope.empty()) scope = r.oversees ? "all" : (!r.headed_units.empty() ? "unit" : "mine");
  if (scope == "mine") {
    q.restricted = true;
    if (r.user_id > 0) q.own_user = r.user_id;
    q.own_person = r.person_id;
  } else if (scope == "unit") {
    q.restricted = true;
    q.units = r.headed_units;
    // Someone who heads no unit sees their own under "my unit".
    if (q.units.empty()) {
      if (r.user_id > 0) q.own_user = r.user_id;
      q.own_person = r.person_id;
    }
  } else if (scope == "all") {
    q.restricted = r.restricted();
    if (q.restricted) {
      if (r.user_id > 0) q.own_user = r.user_id;
      q.own_person = r.person_id;
      q.units = r.headed_units;
    }
  } else {
    e.field("scope", "validation.invalid");
  }
  q.movement_id = f.movement_id;
  q.year = f.year;
  q.unit_id = f.unit_id;
  q.person_id = f.person_id;
  q.item_id = f.item_id;
  q.commune_id = f.commune_id;
  if (!f.kind.empty()) {
    if (parse_achievement_kind(f.kind)) q.kind = f.kind;
    else e.field("kind", "validation.invalid");
  }
  if (!f.status.empty()) {
    if (parse_achievement_status(f.status)) q.status = f.status;
    else e.field("status", "validation.invalid");
  }
  if (f.year && (*f.year < 1900 || *f.year > 2200)) e.field("year", "validation.invalid");
  if (f.page < 1) e.field("page", "validation.invalid");
  int size = std::clamp(f.page_size, 1, kMaxPageSize);
  q.limit = size;
  q.offset = (std::max(f.page, 1) - 1) * size;
  if (!e.fields.empty()) return fail(e);
  return q;
}

const char* kind_vi(AchievementKind k) {
  switch (k) {
    case AchievementKind::propaganda: return "Tuyên truyền";
    case AchievementKind::resource: return "Huy động nguồn lực";
    case AchievementKind::support_visit: return "Thăm, hỗ trợ xã";
    case AchievementKind::role_model: return "Điển hình tiên tiến";
    case AchievementKind::initiative: return "Sáng kiến";
    case AchievementKind::other: return "Khác";
  }
  return "";
}

const char* status_vi(AchievementStatus s) {
  switch (s) {
    case AchievementStatus::draft: return "Nháp";
    case AchievementStatus::submitted: return "Chờ xác nhận";
    case AchievementStatus::verified: return "Đã xác nhận";
    case AchievementStatus::returned: return "Trả lại";
    case AchievementStatus::withdrawn: return "Đã rút";
  }
  return "";
}

const char* donor_vi(const std::optional<DonorKind>& d) {
  if (!d) return "";
  switch (*d) {
    case DonorKind::enterprise: return "Doanh nghiệp";
    case DonorKind::organisation: return "Tổ chức";
    case DonorKind::person: return "Cá nhân";
    case DonorKind::agency: return "Cơ quan, đơn vị";
  }
  return "";
}

std::string num(const std::optional<long long>& v) { return v ? std::to_string(*v) : std::string(); }

}  // namespace

Result<AchievementList> AchievementService::list(const Principal& actor, const AchievementFilter& f) {
  return db_->read([&](storage::Tx& tx) -> Result<AchievementList> {
    auto r = record_rights(tx, actor, f.agency_id);
    if (!r.readable) return fail(ErrorKind::not_found, "agency.not_found");
    AchievementList out;
    auto q = query_for(r, f, out.scope);
    if (!q) return fail(q.error());
    auto page = storage::list_achievements(tx, *q);
    out.items = std::move(page.items);
    out.total = page.total;
    out.page = f.page;
    out.page_size = q->limit;
    out.rights = std::move(r);
    if (evidence_ && !out.items.empty()) {
      std::vector<std::int64_t> ids;
      for (const auto& a : out.items) ids.push_back(a.id);
      out.evidence_counts = evidence_->counts(tx, "achievement", ids);
    }
    return out;
  });
}

Result<AchievementList> AchievementService::queue(const Principal& actor, const AchievementFilter& f) {
  return db_->read([&](storage::Tx& tx) -> Result<AchievementList> {
    auto r = record_rights(tx, actor, f.agency_id);
    if (!r.readable) return fail(ErrorKind::not_found, "agency.not_found");
    if (!r.manages) return fail(ErrorKind::forbidden, "achievement.office_only");
    AchievementFilter g = f;
    g.scope = "all";
    g.status.clear();
    AchievementList out;
    auto q = query_for(r, g, out.scope);
    if (!q) return fail(q.error());
    q->status = std::string(to_string(AchievementStatus::submitted));
    q->order = storage::AchievementQuery::Order::queue;
    auto page = storage::list_achievements(tx, *q);
    out.items = std::move(page.items);
    out.total = page.total;
    out.page = f.page;
    out.page_size = q->limit;
    out.rights = std::move(r);
    if (evidence_) {
      for (const auto& a : out.items) {
        auto files = evidence_->list(tx, "achievement", a.id);
        std::erase_if(files, [](const EvidenceRow& e) { return !e.active(); });
        out.evidence_counts[a.id] = static_cast<long long>(files.size());
        out.evidence[a.id] = std::move(files);
      }
    }
    return out;
  });
}

Result<std::string> AchievementService::export_xlsx(const Principal& actor, const AchievementFilter& f) {
  std::vector<Achievement> rows;
  auto read = db_->read([&](storage::Tx& tx) -> Result<void> {
    auto r = record_rights(tx, actor, f.agency_id);
    if (!r.readable) return fail(ErrorKind::not_found, "agency.not_found");
    std::string scope;
    auto q = query_for(r, f, scope);
    if (!q) return fail(q.error());
    q->limit = kMaxExportRows;
    q->offset = 0;
    rows = storage::list_achievements(tx, *q).items;
    return {};
  });
  if (!read) return fail(read.error());
  using documents::Column;
  documents::Table t;
  t.sheet_name = "Kết quả thực hiện";
  t.columns = {{"Ngày", 12, Column::date},          {"Phong trào", 30},
               {"Nội dung số", 10, Column::integer}, {"Đơn vị", 30},
               {"Cá nhân", 24},                      {"Loại", 18},
               {"Tiêu đề", 40},                      {"Địa điểm", 24},
               {"Xã", 20},                           {"Đối tượng", 20},
               {"Số buổi", 10, Column::integer},     {"Số người", 10, Column::integer},
               {"Tiền mặt (đồng)", 16, Column::money}, {"Hiện vật quy đổi (đồng)", 18, Column::money},
               {"Hiện vật", 24},                     {"Ngày công", 10, Column::integer},
               {"Đất (m²)", 12, Column::integer},    {"Nhà tài trợ", 28},
               {"Loại nhà tài trợ", 16},             {"Trong/ngoài tỉnh", 14},
               {"Điển hình", 24},                    {"Sáng kiến", 30},
               {"Mô tả", 40},                        {"Trạng thái", 14},
               {"Người ghi", 20},                    {"Ý kiến của Văn phòng", 30}};
  for (const auto& a : rows) {
    std::string scope = !a.donor_scope ? "" : *a.donor_scope == DonorScope::inside ? "Trong tỉnh" : "Ngoài tỉnh";
    std::string model = a.model_name.empty()
                            ? ""
                            : a.model_name + (a.model_kind == ModelKind::collective ? " (tập thể)" : " (cá nhân)");
    t.rows.push_back({a.occurred_on, a.movement_title, std::to_string(a.item_number), a.unit_name, a.person_name,
                      kind_vi(a.kind), a.title, a.place, a.commune_name, a.audience, num(a.sessions),
                      num(a.participants), num(a.cash_vnd), num(a.goods_vnd), a.goods_note, num(a.workdays),
                      num(a.land_m2), a.donor_name, donor_vi(a.donor_kind), scope, model, a.initiative_title,
                      a.description, status_vi(a.status), a.created_by_name,
                      a.status == AchievementStatus::returned ? a.last_comment : ""});
  }
  return documents::write_xlsx({t});
}

Result<AchievementChoices> AchievementService::choices(const Principal& actor, std::int64_t agency_id) {
  const auto now = clock_();
  return db_->read([&](storage::Tx& tx) -> Result<AchievementChoices> {
    auto r = record_rights(tx, actor, agency_id);
    if (!r.readable) return fail(ErrorKind::not_found, "agency.not_found");
    AchievementChoices c;
    c.today = today_vn(now);
    for (auto& row : storage::list_movements(tx, {agency_id})) {
      if (row.movement.status == MovementStatus::draft) continue;
      AchievementChoices::MovementChoice m;
      m.movement = std::move(row.movement);
      for (const auto& i : storage::plan_items(tx, m.movement.id)) {
        if (i.section == PlanSection::content) m.contents.push_back({i.id, i.position, i.body});
      }
      c.movements.push_back(std::move(m));
    }
    for (const auto& u : storage::list_units(tx, agency_id, false)) {
      if (r.may_record(RecordSubject::unit, u.id, std::nullopt)) c.units.emplace_back(u.id, u.name);
    }
    auto add_person = [&](const Person& p) {
      if (p.agency_id != agency_id || p.status != PersonStatus::active) return;
      c.people.push_back({p.id, p.full_name, p.unit_id, p.unit_name});
    };
    if (r.manages) {
      storage::PeopleQuery pq;
      pq.agency_ids = {agency_id};
      pq.limit = 5000;
      for (const auto& p : storage::search_people(tx, pq).items) add_person(p);
    } else {
      std::vector<std::int64_t> ids;
      for (auto u : r.headed_units) {
        for (const auto& [pid, position] : storage::people_in_unit(tx, u)) ids.push_back(pid);
      }
      if (r.person_id) ids.push_back(*r.person_id);
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      for (auto id : ids) {
        if (auto p = storage::find_person(tx, id)) add_person(*p);
      }
      std::sort(c.people.begin(), c.people.end(), [](const auto& a, const auto& b) {
        return text::person_sort_key(a.name) < text::person_sort_key(b.name);
      });
    }
    c.communes = storage::assigned_communes(tx, agency_id);
    c.initiatives = storage::active_initiatives(tx, agency_id);
    c.rights = std::move(r);
    return c;
  });
}

}  // namespace thidua::services
