#include "services/commune_rules.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "services/scope.hpp"
#include "services/validation.hpp"
#include "storage/assessment_repo.hpp"
#include "storage/commune_repo.hpp"
#include "storage/people_repo.hpp"
#include "text/utf8.hpp"

namespace thidua::services::commune_rules {

namespace json = boost::json;

std::optional<std::int64_t> account_of(const Principal& p) {
  return p.user_id > 0 ? std::optional<std::int64_t>(p.user_id) : std::nullopt;
}

bool edits_catalogue(const Principal& p) { return is_installation_admin(p) || p.has_role(Role::authority); }

bool manages_assignments(storage::Tx& tx, const Principal& p, std::int64_t agency_id) {
  if (can_manage_agency(p, agency_id)) return true;
  // The authority above the agency (its grants name the parent; readable_agencies its children).
  if (!p.has_role(Role::authority)) return false;
  for (const auto& g : p.grants) {
    if (g.role != Role::authority || !g.agency_id) continue;
    if (*g.agency_id == agency_id) return true;
  }
  auto ids = readable_agencies(tx, p);
  return std::find(ids.begin(), ids.end(), agency_id) != ids.end();
}

bool may_assess(storage::Tx& tx, const Principal& p, const CommuneAssignment& a) {
  if (can_manage_agency(p, a.agency_id)) return true;
  if (p.user_id <= 0 || a.contacts.empty()) return false;
  auto person = storage::find_person_by_user(tx, p.user_id);
  if (!person) return false;
  return std::any_of(a.contacts.begin(), a.contacts.end(),
                     [&](const AssignmentContact& c) { return c.person_id == *person; });
}

Result<ReaderView> reader_view(storage::Tx& tx, const Principal& p, std::int64_t commune_id) {
  auto commune = storage::find_commune(tx, commune_id);
  if (!commune) return fail(ErrorKind::not_found, "commune.not_found");
  ReaderView v;
  v.commune = std::move(*commune);
  v.agencies = readable_agencies(tx, p);
  std::sort(v.agencies.begin(), v.agencies.end());
  for (auto& a : storage::commune_assignments(tx, commune_id)) {
    if (std::binary_search(v.agencies.begin(), v.agencies.end(), a.agency_id)) v.assignments.push_back(std::move(a));
  }
  if (v.assignments.empty() && !is_installation_admin(p)) return fail(ErrorKind::not_found, "commune.not_found");
  return v;
}

bool can_read_assessment(storage::Tx& tx, const Principal& p, std::int64_t id) {
  auto a = storage::find_assessment(tx, id);
  if (!a) return false;
  auto view = reader_view(tx, p, a->commune_id);
  return view && std::binary_search(view->agencies.begin(), view->agencies.end(), a->agency_id);
}

std::string group_on(const std::vector<CommuneClass>& classes, const std::string& date) {
  std::string out;
  for (const auto& c : classes) {
    if (c.scheme == "ntm2026_group" && holds_on(c.valid_from, c.valid_to, date)) out = c.value;
  }
  return out;
}

json::object to_audit(const CommuneAssignment& a) {
  json::array contacts;
  for (const auto& c : a.contacts) contacts.push_back(json::object{{"person_id", c.person_id}, {"role", c.role}});
  json::object o{{"agency_id", a.agency_id},
                 {"commune_id", a.commune_id},
                 {"decision_ref", a.decision_ref},
                 {"decision_date", a.decision_date},
                 {"target_level", std::string(to_string(a.target_level))},
                 {"valid_from", a.valid_from},
                 {"valid_to", a.valid_to},
                 {"note", a.note},
                 {"contacts", contacts}};
  o["target_year"] = a.target_year ? json::value(*a.target_year) : json::value(nullptr);
  return o;
}

json::object to_audit(const Assessment& a) {
  json::array items;
  for (const auto& i : a.items) {
    items.push_back(json::object{{"criterion_id", i.criterion_id}, {"met", i.met}, {"value", i.value}, {"note", i.note}});
  }
  return {{"commune_id", a.commune_id},   {"set_id", a.set_id},
          {"agency_id", a.agency_id},     {"assessed_on", a.assessed_on},
          {"kind", std::string(to_string(a.kind))}, {"criteria_met", a.criteria_met},
          {"criteria_total", a.criteria_total}, {"note", a.note},
          {"items", items}};
}

json::object to_audit(const Recognition& r) {
  return {{"commune_id", r.commune_id},
          {"level", std::string(to_string(r.level))},
          {"event", std::string(to_string(r.event))},
          {"year", r.year},
          {"decision_ref", r.decision_ref},
          {"decision_date", r.decision_date},
          {"issuer", r.issuer},
          {"note", r.note}};
}

json::object to_audit(const Commune& c, const std::string& since) {
  return {{"code", c.code},
          {"name", c.name},
          {"kind", std::string(to_string(c.kind))},
          {"district", c.district},
          {"province", c.province},
          {"status", std::string(to_string(c.status))},
          {"since", since}};
}

void decision_ref_field(Error& e, const std::string& field, const std::string& value, bool required,
                        std::string& out) {
  if (required) {
    required_text(e, field, value, 60, out);
  } else {
    optional_text(e, field, value, 60, out);
  }
}

std::optional<int> year_field(Error& e, const std::string& field, const std::string& value) {
  auto t = text::trim(value);
  if (t.empty()) return std::nullopt;
  bool digits = t.size() == 4 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  int y = digits ? std::stoi(std::string(t)) : 0;
  if (!digits || y < 1990 || y > 2100) {
    e.field(field, "commune.year_invalid");
    return std::nullopt;
  }
  return y;
}

}  // namespace thidua::services::commune_rules
