#include "services/list_export.hpp"

#include <map>

#include "documents/xlsx_writer.hpp"

namespace thidua::services {

namespace {

using documents::Column;

/// One sheet: `columns` are (header, width, kind).
documents::Table sheet(std::string name, std::vector<Column> columns) {
  documents::Table t;
  t.sheet_name = std::move(name);
  t.columns = std::move(columns);
  return t;
}

const char* unit_kind_vi(UnitKind k) {
  switch (k) {
    case UnitKind::department: return "Phòng chuyên môn";
    case UnitKind::office: return "Văn phòng";
    case UnitKind::union_: return "Tổ chức đoàn thể";
  }
  return "";
}

const char* seat_vi(CouncilSeatKind s) {
  switch (s) {
    case CouncilSeatKind::chair: return "Chủ tịch Hội đồng";
    case CouncilSeatKind::vice_chair: return "Phó Chủ tịch Hội đồng";
    case CouncilSeatKind::secretary: return "Thư ký Hội đồng";
    case CouncilSeatKind::member: return "Ủy viên";
  }
  return "";
}

const char* role_vi(Role r) {
  switch (r) {
    case Role::admin: return "Quản trị";
    case Role::office: return "Văn phòng";
    case Role::leader: return "Lãnh đạo";
    case Role::council: return "Hội đồng TĐKT";
    case Role::unit_head: return "Trưởng đơn vị";
    case Role::staff: return "Cán bộ";
    case Role::authority: return "Cơ quan cấp trên";
  }
  return "";
}

/// Every name but the current one, oldest first, joined by "; ".
std::string former_names(const std::vector<NameVersion>& history) {
  std::string out;
  for (std::size_t i = 0; i + 1 < history.size(); ++i) {
    if (!out.empty()) out += "; ";
    out += history[i].name;
  }
  return out;
}

}  // namespace

Result<std::string> export_units(OrgService& org, const Principal& actor, std::int64_t agency_id, bool include_closed) {
  auto units = org.list_units(actor, agency_id, include_closed);
  if (!units) return fail(units.error());
  auto t = sheet("Đơn vị", {{"Mã", 12}, {"Tên đơn vị", 40}, {"Loại", 20}, {"Tên dùng từ ngày", 16, Column::date},
                            {"Trạng thái", 14}, {"Ngày giải thể", 16, Column::date}, {"Số cán bộ", 12, Column::integer},
                            {"Tên trước đây", 40}});
  for (const auto& u : *units) {
    auto d = org.get_unit(actor, u.id);
    if (!d) return fail(d.error());
    const auto& h = d->history;
    std::string since = h.empty() ? "" : h.back().valid_from;
    std::string closed = !u.active && !h.empty() ? h.back().valid_to : "";
    t.rows.push_back({u.code, u.name, unit_kind_vi(u.kind), since, u.active ? "Đang hoạt động" : "Đã giải thể", closed,
                      std::to_string(d->people.size()), former_names(h)});
  }
  return documents::write_xlsx({t});
}

Result<std::string> export_council(OrgService& org, const Principal& actor, std::int64_t agency_id) {
  auto terms = org.council_terms(actor, agency_id);
  if (!terms) return fail(terms.error());
  auto t = sheet("Hội đồng TĐKT", {{"Nhiệm kỳ", 44}, {"Quyết định thành lập", 20}, {"Từ ngày", 14, Column::date},
                                    {"Đến ngày", 14, Column::date}, {"Chức danh trong Hội đồng", 26},
                                    {"Họ và tên", 28}});
  for (const auto& term : *terms) {
    if (term.seats.empty()) t.rows.push_back({term.name, term.decision_ref, term.valid_from, term.valid_to, "", ""});
    for (const auto& s : term.seats) {
      t.rows.push_back({term.name, term.decision_ref, term.valid_from, term.valid_to, seat_vi(s.seat), s.person_name});
    }
  }
  return documents::write_xlsx({t});
}

Result<std::string> export_agencies(OrgService& org, const Principal& actor) {
  auto agencies = org.list_agencies(actor);
  if (!agencies) return fail(agencies.error());
  std::map<std::int64_t, std::string> names;
  for (const auto& a : *agencies) names[a.agency.id] = a.agency.name;
  auto t = sheet("Cơ quan", {{"Mã", 12}, {"Tên cơ quan", 44}, {"Loại", 22}, {"Cơ quan cấp trên", 36},
                             {"Địa chỉ", 36}, {"Tên trước đây", 44}});
  for (const auto& a : *agencies) {
    auto history = org.agency_history(actor, a.agency.id);
    if (!history) return fail(history.error());
    auto parent = a.parent_id ? names.find(*a.parent_id) : names.end();
    t.rows.push_back({a.agency.code, a.agency.name, a.kind == "authority" ? "Cơ quan cấp trên" : "Cơ quan, đơn vị",
                      parent == names.end() ? "" : parent->second, a.address, former_names(*history)});
  }
  return documents::write_xlsx({t});
}

Result<std::string> export_users(UserService& users, const Principal& actor) {
  auto list = users.list_users(actor);
  if (!list) return fail(list.error());
  auto t = sheet("Tài khoản", {{"Tên đăng nhập", 18}, {"Họ và tên", 28}, {"Cơ quan", 12}, {"Vai trò", 36},
                               {"Trạng thái", 14}});
  for (const auto& u : *list) {
    std::string roles;
    for (auto r : u.roles) roles += (roles.empty() ? "" : ", ") + std::string(role_vi(r));
    t.rows.push_back({u.login, u.display_name, u.agency_code, roles, u.active ? "Đang dùng" : "Đã khoá"});
  }
  return documents::write_xlsx({t});
}

Result<std::string> export_clusters(OrgService& org, const Principal& actor, int year) {
  auto clusters = org.clusters(actor, year);
  if (!clusters) return fail(clusters.error());
  auto t = sheet("Khối thi đua", {{"Năm", 8, Column::integer}, {"Mã khối", 12}, {"Tên khối thi đua", 40},
                                   {"Mã cơ quan", 12}, {"Tên cơ quan", 44}, {"Trưởng khối", 12}});
  const std::string y = std::to_string(year);
  for (const auto& c : *clusters) {
    if (c.members.empty()) t.rows.push_back({y, c.cluster.code, c.cluster.name, "", "", ""});
    for (const auto& m : c.members) {
      t.rows.push_back({y, c.cluster.code, c.cluster.name, m.code, m.name, m.lead ? "Trưởng khối" : ""});
    }
  }
  return documents::write_xlsx({t});
}

}  // namespace thidua::services
