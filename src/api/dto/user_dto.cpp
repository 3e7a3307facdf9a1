#include "api/dto/user_dto.hpp"

namespace thidua::api::dto {

namespace json = boost::json;

json::object to_json(const services::UserSummary& u) {
  json::array roles;
  for (auto r : u.roles) roles.emplace_back(std::string(to_string(r)));
  json::object o{{"login", u.login}, {"display_name", u.display_name}, {"active", u.active}, {"roles", roles}};
  o["agency"] = u.agency_code.empty() ? json::value(nullptr) : json::value(u.agency_code);
  return o;
}

json::object to_json(const Principal& p) {
  json::array roles, grants;
  for (Role r : kAllRoles) {
    if (p.has_role(r)) roles.emplace_back(std::string(to_string(r)));
  }
  for (const auto& g : p.grants) {
    json::object grant{{"role", std::string(to_string(g.role))}};
    grant["agency_id"] = g.agency_id ? json::value(*g.agency_id) : json::value(nullptr);
    grant["unit_id"] = g.unit_id ? json::value(*g.unit_id) : json::value(nullptr);
    grants.push_back(grant);
  }
  json::object o{{"login", p.login}, {"display_name", p.display_name}, {"roles", roles}, {"grants", grants}};
  if (p.agency_id) {
    o["agency"] = json::object{{"id", *p.agency_id}, {"name", p.agency_name}};
  } else {
    o["agency"] = nullptr;
  }
  return o;
}

namespace {
std::string string_field(const json::object& o, const char* name) {
  auto it = o.find(name);
  if (it == o.end() || !it->value().is_string()) return {};
  return std::string(it->value().get_string());
}
}  // namespace

Result<services::NewUserInput> new_user_from_json(const json::object& body) {
  services::NewUserInput in;
  in.login = string_field(body, "login");
  in.display_name = string_field(body, "display_name");
  in.password = string_field(body, "password");
  in.agency_code = string_field(body, "agency");
  if (auto l = string_field(body, "lang"); !l.empty()) in.lang = l;
  in.roles = role_names(body);
  return in;
}

std::vector<std::string> role_names(const json::object& body) {
  std::vector<std::string> out;
  if (auto it = body.find("roles"); it != body.end() && it->value().is_array()) {
    for (const auto& v : it->value().get_array()) {
      // A non-string role becomes a name no role has, so the service reports it as invalid.
      out.push_back(v.is_string() ? std::string(v.get_string()) : std::string("?"));
    }
  }
  return out;
}

services::PersonAccountInput person_account_from_json(const json::object& body) {
  services::PersonAccountInput in;
  in.login = string_field(body, "login");
  in.password = string_field(body, "password");
  if (auto l = string_field(body, "lang"); !l.empty()) in.lang = l;
  in.roles = role_names(body);
  return in;
}

json::object to_json(const services::PersonAccount& a) {
  json::object o = to_json(a.account);
  if (!a.generated_password.empty()) o["password"] = a.generated_password;
  return o;
}

}  // namespace thidua::api::dto
