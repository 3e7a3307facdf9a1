// Decisions under /api/v1 (see decision_api.hpp). Wire types are written here from the
// service's values: a decision with its reference, status, awardees (bonus in đồng) and, once
// issued, its certificates' verification codes.

#include "api/decision_api.hpp"

#include "domain/certificate.hpp"

namespace thidua::api {

namespace json = boost::json;

namespace {

json::object awardee_json(const Awardee& a) {
  json::object o{{"id", a.id},
                 {"subject", std::string(to_string(a.subject))},
                 {"subject_id", a.subject_id},
                 {"name", a.subject_name},
                 {"unit", a.unit_name},
                 {"form", std::string(to_string(a.form))},
                 {"basis", std::string(to_string(a.basis))},
                 {"achievement", a.achievement},
                 {"bonus", a.bonus},
                 {"bonus_note", a.bonus_note}};
  o["nomination_id"] = a.nomination_id ? json::value(*a.nomination_id) : json::value(nullptr);
  o["movement_id"] = a.movement_id ? json::value(*a.movement_id) : json::value(nullptr);
  return o;
}

json::object decision_json(const services::DecisionView& v) {
  const Decision& d = v.decision;
  json::array awardees, certificates;
  for (const auto& a : d.awardees) awardees.push_back(awardee_json(a));
  for (const auto& c : v.certificates) {
    certificates.push_back(json::object{{"id", c.id},
                                        {"code", display_certificate_code(c.code)},
                                        {"awardee_id", c.awardee_id},
                                        {"name", c.subject_name},
                                        {"verify_path", "/verify/" + c.code}});
  }
  json::object o{{"id", d.id},
                 {"agency_id", d.agency_id},
                 {"year", d.year},
                 {"number", d.number},
                 {"symbol", d.symbol},
                 {"ref", decision_ref(d.number, d.symbol)},
                 {"date", d.decision_date},
                 {"place", d.place},
                 {"title", d.title},
                 {"award_year", d.award_year},
                 {"signer_mark", d.signer_mark},
                 {"signer_title", d.signer_title},
                 {"signer_name", d.signer_name},
                 {"issuer", d.issuer},
                 {"status", std::string(to_string(d.status))},
                 {"version", d.version},
                 {"total_bonus", d.total_bonus()},
                 {"awardees", awardees},
                 {"certificates", certificates}};
  return o;
}

std::string text_field(const json::object& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end()) return {};
  if (it->value().is_string()) return std::string(it->value().as_string());
  if (it->value().is_int64()) return std::to_string(it->value().as_int64());
  return {};
}

Result<http::Response> decision_response(const ApiDeps& deps, http::Context& ctx, std::int64_t id,
                                         unsigned status = 200) {
  auto v = deps.decisions->get(*ctx.principal, id);
  if (!v) return fail(v.error());
  auto r = http::Response::json(json::serialize(decision_json(*v)), status);
  if (status == 201) r.header("Location", "/api/v1/decisions/" + std::to_string(id));
  return r;
}

}  // namespace

Result<http::Response> list_decisions(const ApiDeps& deps, http::Context& ctx) {
  auto requested = query_int(ctx, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  auto year = query_int(ctx, "year");
  if (!year) return fail(year.error());
  auto reg = deps.decisions->register_of(*ctx.principal, *agency, static_cast<int>(year->value_or(0)));
  if (!reg) return fail(reg.error());
  json::array items;
  for (const auto& s : reg->decisions) {
    items.push_back(json::object{{"id", s.id},
                                 {"number", s.number},
                                 {"ref", decision_ref(s.number, s.symbol)},
                                 {"date", s.decision_date},
                                 {"title", s.title},
                                 {"status", std::string(to_string(s.status))},
                                 {"awardees", s.awardees},
                                 {"total_bonus", s.total_bonus}});
  }
  return http::Response::json(json::serialize(json::object{
      {"agency_id", reg->agency_id}, {"year", reg->year}, {"next_number", reg->next_number}, {"items", items}}));
}

Result<http::Response> create_decision(const ApiDeps& deps, http::Context& ctx) {
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto requested = body_int(*body, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  services::DecisionInput in;
  in.number = text_field(*body, "number");
  in.decision_date = text_field(*body, "date");
  in.place = text_field(*body, "place");
  in.header_parent = text_field(*body, "header_parent");
  in.header_agency = text_field(*body, "header_agency");
  in.head_title = text_field(*body, "head_title");
  in.title = text_field(*body, "title");
  in.award_year = text_field(*body, "award_year");
  in.movement_id = text_field(*body, "movement_id");
  in.legal_bases = text_field(*body, "legal_bases");
  in.proposal = text_field(*body, "proposal");
  in.signer_mark = text_field(*body, "signer_mark");
  in.signer_title = text_field(*body, "signer_title");
  in.signer_name = text_field(*body, "signer_name");
  in.recipients = text_field(*body, "recipients");
  auto d = deps.decisions->create(*ctx.principal, *agency, in);
  if (!d) return fail(d.error());
  return decision_response(deps, ctx, d->id, 201);
}

Result<http::Response> get_decision(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  return decision_response(deps, ctx, *id);
}

Result<http::Response> add_decision_awardees(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto it = body->find("awardees");
  if (it == body->end() || !it->value().is_array()) return fail(invalid_field("awardees", "validation.required"));
  std::vector<services::AwardeeInput> list;
  for (const auto& v : it->value().as_array()) {
    if (!v.is_object()) return fail(invalid_field("awardees", "validation.invalid"));
    const auto& o = v.as_object();
    services::AwardeeInput a;
    a.subject = text_field(o, "subject");
    auto subject_id = body_int(o, "subject_id");
    if (!subject_id) return fail(subject_id.error());
    a.subject_id = subject_id->value_or(0);
    a.form = text_field(o, "form");
    if (auto basis = text_field(o, "basis"); !basis.empty()) a.basis = basis;
    a.achievement = text_field(o, "achievement");
    auto movement = body_int(o, "movement_id");
    if (!movement) return fail(movement.error());
    a.movement_id = *movement;
    auto nomination = body_int(o, "nomination_id");
    if (!nomination) return fail(nomination.error());
    a.nomination_id = *nomination;
    list.push_back(std::move(a));
  }
  auto d = deps.decisions->add_awardees(*ctx.principal, *id, list);
  if (!d) return fail(d.error());
  return decision_response(deps, ctx, *id);
}

Result<http::Response> issue_decision(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto version = body_version(*body);
  if (!version) return fail(version.error());
  auto v = deps.decisions->issue(*ctx.principal, *id, *version);
  if (!v) return fail(v.error());
  return http::Response::json(json::serialize(decision_json(*v)));
}

}  // namespace thidua::api
