#include "api/dto/org_dto.hpp"

#include <charconv>

namespace thidua::api::dto {

namespace json = boost::json;

namespace {

/// An ISO date, or null when it is not set.
json::value date_or_null(const std::string& iso) { return iso.empty() ? json::value(nullptr) : json::value(iso); }

json::value id_or_null(const std::optional<std::int64_t>& id) { return id ? json::value(*id) : json::value(nullptr); }

std::string str(std::string_view s) { return std::string(s); }

}  // namespace

json::object to_json(const Person& p) {
  return {{"id", p.id},
          {"agency_id", p.agency_id},
          {"code", p.code},
          {"full_name", p.full_name},
          {"gender", str(to_string(p.gender))},
          {"birth_date", date_or_null(p.birth_date)},
          {"employment", str(to_string(p.employment))},
          {"start_date", date_or_null(p.start_date)},
          {"status", str(to_string(p.status))},
          {"unit_id", p.unit_id ? json::value(p.unit_id) : json::value(nullptr)},
          {"unit_name", p.unit_id ? json::value(p.unit_name) : json::value(nullptr)},
          {"position", p.position},
          {"linked_account", p.user_id.has_value()},
          {"version", p.version}};
}

json::object to_json(const Placement& p) {
  return {{"unit_id", p.unit_id},
          {"unit_name", p.unit_name},
          {"position", p.position},
          {"valid_from", date_or_null(p.valid_from)},
          {"valid_to", date_or_null(p.valid_to)}};
}

json::object to_json(const NameVersion& v) {
  json::object o{{"name", v.name}, {"valid_from", date_or_null(v.valid_from)}, {"valid_to", date_or_null(v.valid_to)}};
  if (v.parent_unit_id) o["parent_unit_id"] = *v.parent_unit_id;
  return o;
}

json::object to_json(const Unit& u) {
  return {{"id", u.id},          {"agency_id", u.agency_id}, {"code", u.code},      {"kind", str(to_string(u.kind))},
          {"name", u.name},      {"active", u.active},       {"version", u.version}};
}

json::object to_json(const CouncilTerm& t) {
  json::array seats;
  for (const auto& s : t.seats) {
    seats.push_back(
        json::object{{"person_id", s.person_id}, {"person_name", s.person_name}, {"seat", str(to_string(s.seat))}});
  }
  return {{"id", t.id},
          {"agency_id", t.agency_id},
          {"name", t.name},
          {"decision_ref", t.decision_ref},
          {"valid_from", date_or_null(t.valid_from)},
          {"valid_to", date_or_null(t.valid_to)},
          {"seats", seats}};
}

json::object to_json(const storage::AgencyRow& a) {
  return {{"id", a.agency.id},     {"code", a.agency.code},
          {"name", a.agency.name}, {"kind", a.kind},
          {"parent_id", id_or_null(a.parent_id)},
          {"address", a.address},  {"active", a.active},
          {"version", a.version}};
}

json::object to_json(const storage::ClusterRow& c) {
  return {{"id", c.id}, {"code", c.code}, {"name", c.name}, {"authority_id", id_or_null(c.authority_id)}};
}

json::object to_json(const services::OrgService::ClusterView& c) {
  json::object o = to_json(c.cluster);
  json::array members;
  for (const auto& m : c.members) {
    members.push_back(json::object{{"agency_id", m.agency_id}, {"code", m.code}, {"name", m.name}, {"lead", m.lead}});
  }
  o["members"] = std::move(members);
  o["can_edit"] = c.can_edit;
  return o;
}

json::object history_json(const AuditEntry& e) { return {{"at", e.at}, {"actor", e.actor}, {"action", e.action}}; }

json::object to_json(const services::PersonDetail& d) {
  json::object o = to_json(d.person);
  o["agency_name"] = d.agency_name;
  json::array path, history;
  for (const auto& p : d.path) path.push_back(to_json(p));
  for (const auto& h : d.history) history.push_back(history_json(h));
  o["path"] = std::move(path);
  o["history"] = std::move(history);
  o["login"] = d.login.empty() ? json::value(nullptr) : json::value(d.login);
  o["can_edit"] = d.can_edit;
  return o;
}

json::object to_json(const services::UnitDetail& d) {
  json::object o = to_json(d.unit);
  json::array history, people;
  for (const auto& v : d.history) history.push_back(to_json(v));
  for (const auto& p : d.people) people.push_back(to_json(p));
  o["history"] = std::move(history);
  o["people"] = std::move(people);
  o["can_edit"] = d.can_edit;
  return o;
}

// ---- Reading request bodies -----------------------------------------------------------------

std::string text_field(const json::object& o, std::string_view name) {
  auto it = o.find(name);
  if (it == o.end()) return {};
  return it->value().is_string() ? std::string(it->value().get_string()) : std::string();
}

std::string id_text_field(const json::object& o, std::string_view name) {
  auto it = o.find(name);
  if (it == o.end()) return {};
  const auto& v = it->value();
  if (v.is_int64()) return std::to_string(v.get_int64());
  if (v.is_uint64()) return std::to_string(v.get_uint64());
  // Anything else that is not text becomes a value no id has, so the service names the field.
  return v.is_string() ? std::string(v.get_string()) : (v.is_null() ? std::string() : std::string("?"));
}

bool has_field(const json::object& o, std::string_view name) {
  auto it = o.find(name);
  return it != o.end() && !it->value().is_null();
}

std::optional<std::int64_t> parse_int(std::string_view text) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc{} || p != text.data() + text.size()) return std::nullopt;
  return v;
}

std::optional<std::int64_t> int_field(const json::object& o, std::string_view name) {
  auto it = o.find(name);
  if (it == o.end()) return std::nullopt;
  const auto& v = it->value();
  if (v.is_int64()) return v.get_int64();
  if (v.is_string()) return parse_int(v.get_string());
  return std::nullopt;
}

bool bool_field(const json::object& o, std::string_view name) {
  auto it = o.find(name);
  if (it == o.end()) return false;
  const auto& v = it->value();
  if (v.is_bool()) return v.get_bool();
  if (v.is_int64()) return v.get_int64() == 1;
  if (v.is_string()) return v.get_string() == "1" || v.get_string() == "true";
  return false;
}

services::PersonInput person_input_from_json(const json::object& body) {
  services::PersonInput in;
  in.full_name = text_field(body, "full_name");
  in.code = text_field(body, "code");
  in.gender = text_field(body, "gender");
  in.birth_date = text_field(body, "birth_date");
  in.employment = text_field(body, "employment");
  in.start_date = text_field(body, "start_date");
  if (auto s = text_field(body, "status"); !s.empty()) in.status = s;
  in.unit_id = id_text_field(body, "unit_id");
  in.position = text_field(body, "position");
  return in;
}

services::UnitInput unit_input_from_json(const json::object& body) {
  return {text_field(body, "code"), text_field(body, "kind"), text_field(body, "name"), text_field(body, "from_date")};
}

services::CouncilTermInput council_term_input_from_json(const json::object& body) {
  return {text_field(body, "name"), text_field(body, "decision_ref"), text_field(body, "valid_from"),
          text_field(body, "valid_to")};
}

services::AgencyInput agency_input_from_json(const json::object& body) {
  services::AgencyInput in;
  in.code = text_field(body, "code");
  in.name = text_field(body, "name");
  if (auto k = text_field(body, "kind"); !k.empty()) in.kind = k;
  in.parent_code = text_field(body, "parent_code");
  in.address = text_field(body, "address");
  in.effective_date = text_field(body, "effective_date");
  return in;
}

services::AgencyChange agency_change_from_json(const json::object& body) {
  services::AgencyChange in;
  auto given = [&](std::string_view name) -> std::optional<std::string> {
    if (body.find(name) == body.end()) return std::nullopt;
    return text_field(body, name);  // null: empty, as for "no parent" and "no cluster"
  };
  in.name = text_field(body, "name");
  in.address = given("address");
  in.effective_date = text_field(body, "effective_date");
  in.code = given("code");
  in.parent_code = given("parent_code");
  in.cluster_code = given("cluster");
  if (has_field(body, "cluster_year")) {
    // Not a whole number, or one no int holds: a year the service refuses, naming the field.
    auto y = int_field(body, "cluster_year");
    in.cluster_year = y && *y > 0 && *y < 100000 ? static_cast<int>(*y) : -1;
  }
  return in;
}

}  // namespace thidua::api::dto
