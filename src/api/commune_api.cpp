// The communes the agency supports under /api/v1. Dates go out ISO; a period's `valid_to` is
// the first day it no longer holds (null: still holds).

#include "api/commune_api.hpp"
#include "api/dto/evidence_dto.hpp"

#include "api/dto/org_dto.hpp"

namespace thidua::api {

namespace json = boost::json;

namespace {

json::value opt_text(const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); }

json::object commune_json(const Commune& c) {
  return {{"id", c.id},
          {"code", c.code},
          {"name", c.name},
          {"kind", std::string(to_string(c.kind))},
          {"district", c.district},
          {"province", c.province},
          {"status", std::string(to_string(c.status))},
          {"version", c.version}};
}

json::object assignment_json(const CommuneAssignment& a) {
  json::array contacts;
  for (const auto& c : a.contacts) {
    contacts.push_back(json::object{{"person_id", c.person_id}, {"name", c.person_name}, {"role", c.role}});
  }
  json::object o{{"id", a.id},
                 {"agency_id", a.agency_id},
                 {"agency_name", a.agency_name},
                 {"commune_id", a.commune_id},
                 {"decision_ref", a.decision_ref},
                 {"decision_date", opt_text(a.decision_date)},
                 {"target_level", std::string(to_string(a.target_level))},
                 {"valid_from", a.valid_from},
                 {"valid_to", opt_text(a.valid_to)},
                 {"note", a.note},
                 {"version", a.version},
                 {"contacts", contacts}};
  o["target_year"] = a.target_year ? json::value(*a.target_year) : json::value(nullptr);
  return o;
}

json::object assessment_json(const Assessment& a) {
  json::array items;
  for (const auto& i : a.items) {
    items.push_back(json::object{{"criterion_id", i.criterion_id}, {"number", i.number}, {"name", i.criterion_name},
                                 {"met", i.met}, {"value", i.value}, {"note", i.note}});
  }
  return {{"id", a.id},
          {"commune_id", a.commune_id},
          {"set_id", a.set_id},
          {"set_name", a.set_name},
          {"agency_id", a.agency_id},
          {"agency_name", a.agency_name},
          {"assessed_on", a.assessed_on},
          {"kind", std::string(to_string(a.kind))},
          {"criteria_met", a.criteria_met},
          {"criteria_total", a.criteria_total},
          {"note", a.note},
          {"status", a.withdrawn ? "withdrawn" : "recorded"},
          {"assessed_by", a.assessed_by},
          {"created_at", a.created_at},
          {"withdrawn_by", opt_text(a.withdrawn_by)},
          {"withdrawn_at", opt_text(a.withdrawn_at)},
          {"withdrawn_reason", a.withdrawn_reason},
          {"items", items}};
}

json::object recognition_json(const Recognition& r) {
  return {{"id", r.id},
          {"commune_id", r.commune_id},
          {"level", std::string(to_string(r.level))},
          {"event", std::string(to_string(r.event))},
          {"year", r.year},
          {"decision_ref", r.decision_ref},
          {"decision_date", opt_text(r.decision_date)},
          {"issuer", r.issuer},
          {"note", r.note},
          {"status", r.withdrawn ? "withdrawn" : "recorded"},
          {"withdrawn_reason", r.withdrawn_reason}};
}

json::object evidence_row_json(const EvidenceRow& e) {
  return {{"id", e.id},
          {"file_name", e.file_name},
          {"content_type", e.content_type},
          {"size", e.size},
          {"sha256", e.file_sha256},
          {"caption", e.caption},
          {"status", e.status},
          {"added_by", e.added_by_name},
          {"added_at", e.added_at},
          {"withdrawn_by", opt_text(e.withdrawn_by_name)},
          {"withdrawn_at", opt_text(e.withdrawn_at)},
          {"withdrawn_reason", e.withdrawn_reason},
          {"url", "/evidence/" + std::to_string(e.id)}};
}

json::object totals_json(const SupportTotals& t) {
  return {{"records", t.records}, {"cash_vnd", t.cash_vnd}, {"goods_vnd", t.goods_vnd}, {"workdays", t.workdays},
          {"land_m2", t.land_m2}};
}

json::value opt_int(const std::optional<long long>& v) { return v ? json::value(*v) : json::value(nullptr); }

json::object set_json(const services::CriteriaSetView& v) {
  json::array criteria;
  for (const auto& c : v.set.criteria) {
    json::array indicators;
    for (const auto& i : c.indicators) {
      indicators.push_back(json::object{{"id", i.id}, {"code", i.code}, {"name", i.name}, {"measure_unit", i.measure_unit},
                                        {"target", i.target}, {"commune_group", i.commune_group},
                                        {"status", i.active ? "active" : "retired"}});
    }
    criteria.push_back(json::object{{"id", c.id}, {"number", c.number}, {"name", c.name}, {"group", c.group},
                                    {"indicators", indicators}});
  }
  json::array groups;
  for (const auto& g : v.groups) {
    groups.push_back(json::object{{"code", g.code}, {"name", g.name}, {"description", g.description}});
  }
  return {{"id", v.set.id},           {"code", v.set.code},
          {"name", v.set.name},       {"level", v.set.level},
          {"valid_from", v.set.valid_from}, {"valid_to", opt_text(v.set.valid_to)},
          {"citation", v.set.citation}, {"note", v.note},
          {"unverified", v.unverified}, {"commune_groups", groups},
          {"criteria", criteria}};
}

services::AssignmentInput assignment_input(const json::object& b) {
  services::AssignmentInput in;
  in.commune_code = dto::id_text_field(b, "commune_code");
  in.decision_ref = dto::text_field(b, "decision_ref");
  in.decision_date = dto::text_field(b, "decision_date");
  in.target_level = dto::text_field(b, "target_level");
  in.target_year = dto::id_text_field(b, "target_year");
  in.valid_from = dto::text_field(b, "valid_from");
  in.note = dto::text_field(b, "note");
  in.contact_role = dto::text_field(b, "contact_role");
  if (auto it = b.find("contact_ids"); it != b.end() && it->value().is_array()) {
    for (const auto& v : it->value().as_array()) {
      in.contact_ids.push_back(v.is_int64() ? std::to_string(v.as_int64()) : std::string("x"));
    }
  }
  return in;
}

/// The route's {id}, then the JSON body.
Result<std::pair<std::int64_t, json::object>> id_and_body(http::Context& ctx, const char* name = "id") {
  auto id = id_param(ctx, name);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  return std::make_pair(*id, std::move(*body));
}

}  // namespace

Result<http::Response> list_communes(const ApiDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  auto requested = query_int(ctx, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  services::OverviewFilter f;
  f.q = q->value("q");
  f.district = q->value("district");
  f.level = q->value("level");
  f.year = q->value("year");
  f.band = q->value("band");
  if (q->has("sort")) f.sort = q->value("sort");
  f.desc = q->value("dir") == "desc";
  f.ended = q->value("ended") == "1" || q->value("ended") == "true";
  auto o = deps.communes->overview(*ctx.principal, *agency, f);
  if (!o) return fail(o.error());
  json::array items;
  for (const auto& r : o->rows) {
    json::object x = commune_json(r.commune);
    x["assignment"] = assignment_json(r.assignment);
    x["current"] = r.current;
    x["latest_assessment"] = r.latest ? json::value(json::object{{"id", r.latest->id},
                                                                 {"assessed_on", r.latest->assessed_on},
                                                                 {"criteria_met", r.latest->criteria_met},
                                                                 {"criteria_total", r.latest->criteria_total}})
                                      : json::value(nullptr);
    x["support"] = totals_json(r.support);
    x["recognition"] = r.recognition ? json::value(recognition_json(*r.recognition)) : json::value(nullptr);
    x["merged_into"] = opt_text(r.merged_into);
    items.push_back(std::move(x));
  }
  json::object yardsticks{{"communes", o->communes},
                          {"assessed", o->assessed},
                          {"reaching_min_criteria", o->reaching_min},
                          {"min_criteria", kMinCriteriaYardstick},
                          {"recognised_ntm", o->recognised_ntm},
                          {"recognised_ntm_advanced", o->recognised_advanced},
                          {"recognised_ntm_model", o->recognised_model}};
  return http::Response::json(json::serialize(
      json::object{{"agency_id", o->agency_id}, {"items", std::move(items)}, {"yardsticks", yardsticks}}));
}

Result<http::Response> get_commune(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto d = deps.communes->get(*ctx.principal, *id);
  if (!d) return fail(d.error());
  json::object o = commune_json(d->commune);
  json::array versions, lineage, assignments, recognitions, ledger;
  for (const auto& v : d->versions) {
    versions.push_back(json::object{{"name", v.name}, {"kind", std::string(to_string(v.kind))}, {"district", v.district},
                                    {"valid_from", v.valid_from == kUnknownSince ? json::value(nullptr) : json::value(v.valid_from)},
                                    {"valid_to", opt_text(v.valid_to)}});
  }
  for (const auto& l : d->lineage) {
    lineage.push_back(json::object{{"event", std::string(to_string(l.event))}, {"from_id", l.from_id},
                                   {"from_name", l.from_name},
                                   {"to_id", l.to_id ? json::value(*l.to_id) : json::value(nullptr)},
                                   {"to_name", l.to_name}, {"effective_date", l.effective_date},
                                   {"decision_ref", l.decision_ref}, {"note", l.note}});
  }
  for (const auto& a : d->assignments) assignments.push_back(assignment_json(a));
  for (const auto& r : d->recognitions) recognitions.push_back(recognition_json(r));
  for (const auto& e : d->ledger) {
    ledger.push_back(json::object{{"achievement_id", e.achievement_id}, {"occurred_on", e.occurred_on},
                                  {"unit_name", e.unit_name}, {"person_name", e.person_name}, {"kind", e.kind},
                                  {"title", e.title}, {"cash_vnd", opt_int(e.cash_vnd)},
                                  {"goods_vnd", opt_int(e.goods_vnd)}, {"workdays", opt_int(e.workdays)},
                                  {"land_m2", opt_int(e.land_m2)}});
  }
  o["versions"] = std::move(versions);
  o["lineage"] = std::move(lineage);
  o["commune_group"] = opt_text(d->group);
  o["assignments"] = std::move(assignments);
  o["latest_assessment"] = d->latest ? json::value(assessment_json(*d->latest)) : json::value(nullptr);
  o["assessments"] = static_cast<std::int64_t>(d->assessments.size());
  o["recognitions"] = std::move(recognitions);
  o["support"] = totals_json(d->support);
  o["support_ledger"] = std::move(ledger);
  o["can_assess"] = d->can_assess;
  o["can_assign"] = d->can_assign;
  return http::Response::json(json::serialize(o));
}

Result<http::Response> list_assessments(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto list = deps.communes->assessments(*ctx.principal, *id);
  if (!list) return fail(list.error());
  json::array items;
  for (const auto& a : *list) items.push_back(assessment_json(a));
  return http::Response::json(json::serialize(json::object{{"items", std::move(items)}}));
}

Result<http::Response> create_assessment(const ApiDeps& deps, http::Context& ctx) {
  auto r = id_and_body(ctx);
  if (!r) return fail(r.error());
  const auto& b = r->second;
  services::AssessmentInput in;
  in.assessed_on = dto::text_field(b, "assessed_on");
  if (dto::has_field(b, "kind")) in.kind = dto::text_field(b, "kind");
  in.note = dto::text_field(b, "note");
  in.agency_id = dto::id_text_field(b, "agency");
  if (auto it = b.find("items"); it != b.end()) {
    if (!it->value().is_array()) return fail(invalid_field("items", "validation.invalid"));
    for (const auto& v : it->value().as_array()) {
      if (!v.is_object()) return fail(invalid_field("items", "validation.invalid"));
      const auto& item = v.as_object();
      services::AssessmentItemInput x;
      x.criterion_id = dto::id_text_field(item, "criterion_id");
      if (auto m = item.find("met"); m != item.end()) {
        if (m->value().is_bool()) x.met = m->value().as_bool() ? "1" : "0";
        else if (m->value().is_int64()) x.met = std::to_string(m->value().as_int64());
        else if (!m->value().is_null()) x.met = "?";
      }
      x.value = dto::text_field(item, "value");
      x.note = dto::text_field(item, "note");
      in.items.push_back(std::move(x));
    }
  }
  auto a = deps.communes->record_assessment(*ctx.principal, r->first, in);
  if (!a) return fail(a.error());
  auto out = http::Response::json(json::serialize(assessment_json(*a)), 201);
  out.header("Location", "/api/v1/communes/" + std::to_string(r->first) + "/assessments/" + std::to_string(a->id));
  return out;
}

Result<http::Response> get_assessment(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto aid = id_param(ctx, "assessment");
  if (!aid) return fail(aid.error());
  auto a = deps.communes->get_assessment(*ctx.principal, *id, *aid);
  if (!a) return fail(a.error());
  auto files = deps.communes->assessment_files(*ctx.principal, *id, *aid);
  if (!files) return fail(files.error());
  json::object o = assessment_json(*a);
  json::array evidence;
  for (const auto& e : *files) evidence.push_back(evidence_row_json(e));
  o["evidence"] = std::move(evidence);
  return http::Response::json(json::serialize(o));
}

Result<http::Response> withdraw_assessment(const ApiDeps& deps, http::Context& ctx) {
  auto r = id_and_body(ctx);
  if (!r) return fail(r.error());
  auto aid = id_param(ctx, "assessment");
  if (!aid) return fail(aid.error());
  auto a = deps.communes->withdraw_assessment(*ctx.principal, r->first, *aid, dto::text_field(r->second, "reason"));
  if (!a) return fail(a.error());
  return http::Response::json(json::serialize(assessment_json(*a)));
}

Result<http::Response> add_assessment_evidence(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto aid = id_param(ctx, "assessment");
  if (!aid) return fail(aid.error());
  // The record first: another agency's ids are "not found" whatever the body is.
  if (auto a = deps.communes->get_assessment(*ctx.principal, *id, *aid); !a) return fail(a.error());
  const auto& up = ctx.upload_form();
  if (!up) return fail(up.error());
  auto files = dto::evidence_uploads(*up);
  auto rows = deps.communes->add_assessment_files(*ctx.principal, *id, *aid, files);
  if (!rows) return fail(rows.error());
  json::array out;
  for (const auto& e : *rows) out.push_back(evidence_row_json(e));
  return http::Response::json(json::serialize(json::object{{"evidence", std::move(out)}}), 201);
}

Result<http::Response> withdraw_assessment_evidence(const ApiDeps& deps, http::Context& ctx) {
  auto r = id_and_body(ctx);
  if (!r) return fail(r.error());
  auto aid = id_param(ctx, "assessment");
  if (!aid) return fail(aid.error());
  auto ev = id_param(ctx, "evidence");
  if (!ev) return fail(ev.error());
  auto row = deps.communes->withdraw_assessment_file(*ctx.principal, r->first, *aid, *ev,
                                                     dto::text_field(r->second, "reason"));
  if (!row) return fail(row.error());
  return http::Response::json(json::serialize(evidence_row_json(*row)));
}

Result<http::Response> create_recognition(const ApiDeps& deps, http::Context& ctx) {
  auto r = id_and_body(ctx);
  if (!r) return fail(r.error());
  const auto& b = r->second;
  services::RecognitionInput in;
  in.level = dto::text_field(b, "level");
  if (dto::has_field(b, "event")) in.event = dto::text_field(b, "event");
  in.year = dto::id_text_field(b, "year");
  in.decision_ref = dto::text_field(b, "decision_ref");
  in.decision_date = dto::text_field(b, "decision_date");
  in.issuer = dto::text_field(b, "issuer");
  in.note = dto::text_field(b, "note");
  auto rec = deps.communes->add_recognition(*ctx.principal, r->first, in);
  if (!rec) return fail(rec.error());
  return http::Response::json(json::serialize(recognition_json(*rec)), 201);
}

Result<http::Response> withdraw_recognition(const ApiDeps& deps, http::Context& ctx) {
  auto r = id_and_body(ctx);
  if (!r) return fail(r.error());
  auto rid = id_param(ctx, "recognition");
  if (!rid) return fail(rid.error());
  auto rec = deps.communes->withdraw_recognition(*ctx.principal, r->first, *rid, dto::text_field(r->second, "reason"));
  if (!rec) return fail(rec.error());
  return http::Response::json(json::serialize(recognition_json(*rec)));
}

Result<http::Response> create_assignment(const ApiDeps& deps, http::Context& ctx) {
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto requested = body_int(*body, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  auto a = deps.communes->assign(*ctx.principal, *agency, assignment_input(*body));
  if (!a) return fail(a.error());
  auto out = http::Response::json(json::serialize(assignment_json(*a)), 201);
  out.header("Location", "/api/v1/commune-assignments/" + std::to_string(a->id));
  return out;
}

Result<http::Response> get_assignment(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto a = deps.communes->assignment(*ctx.principal, *id);
  if (!a) return fail(a.error());
  return http::Response::json(json::serialize(assignment_json(*a)));
}

Result<http::Response> update_assignment(const ApiDeps& deps, http::Context& ctx) {
  auto r = id_and_body(ctx);
  if (!r) return fail(r.error());
  auto version = body_version(r->second);
  if (!version) return fail(version.error());
  auto a = deps.communes->update_assignment(*ctx.principal, r->first, *version, assignment_input(r->second));
  if (!a) return fail(a.error());
  return http::Response::json(json::serialize(assignment_json(*a)));
}

Result<http::Response> end_assignment(const ApiDeps& deps, http::Context& ctx) {
  auto r = id_and_body(ctx);
  if (!r) return fail(r.error());
  auto version = body_version(r->second);
  if (!version) return fail(version.error());
  auto a = deps.communes->end_assignment(*ctx.principal, r->first, *version, dto::text_field(r->second, "end_date"),
                                         dto::text_field(r->second, "note"));
  if (!a) return fail(a.error());
  return http::Response::json(json::serialize(assignment_json(*a)));
}

Result<http::Response> list_criteria_sets(const ApiDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  auto sets = deps.communes->criteria_sets(*ctx.principal);
  if (!sets) return fail(sets.error());
  // ?on=YYYY-MM-DD&level=ntm: only the set in force on that day for that target.
  std::string on = q->value("on"), level = q->value("level");
  std::vector<std::int64_t> keep;
  if (!on.empty()) {
    auto l = parse_target_level(level.empty() ? "ntm" : level);
    if (!l) return fail(invalid_field("level", "validation.invalid"));
    std::vector<CriteriaSet> plain;
    for (const auto& v : *sets) plain.push_back(v.set);
    if (const auto* s = set_in_force(plain, *l, on)) keep.push_back(s->id);
  }
  json::array items;
  for (const auto& v : *sets) {
    if (!on.empty() && std::find(keep.begin(), keep.end(), v.set.id) == keep.end()) continue;
    items.push_back(set_json(v));
  }
  return http::Response::json(json::serialize(json::object{{"items", std::move(items)}}));
}

Result<http::Response> add_indicator(const ApiDeps& deps, http::Context& ctx) {
  auto criterion = id_param(ctx, "criterion");
  if (!criterion) return fail(criterion.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  services::IndicatorInput in{dto::id_text_field(*body, "code"), dto::text_field(*body, "name"),
                              dto::text_field(*body, "measure_unit"), dto::text_field(*body, "target"),
                              dto::id_text_field(*body, "commune_group")};
  auto i = deps.communes->add_indicator(*ctx.principal, *criterion, in);
  if (!i) return fail(i.error());
  return http::Response::json(
      json::serialize(json::object{{"id", i->id}, {"criterion_id", i->criterion_id}, {"code", i->code},
                                   {"name", i->name}, {"measure_unit", i->measure_unit}, {"target", i->target},
                                   {"commune_group", i->commune_group}, {"status", "active"}}),
      201);
}

Result<http::Response> retire_indicator(const ApiDeps& deps, http::Context& ctx) {
  auto indicator = id_param(ctx, "indicator");
  if (!indicator) return fail(indicator.error());
  auto i = deps.communes->retire_indicator(*ctx.principal, *indicator);
  if (!i) return fail(i.error());
  return http::Response::json(json::serialize(json::object{{"id", i->id}, {"status", "retired"}}));
}

Result<http::Response> list_catalogue(const ApiDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  if (q->has("code")) {
    auto e = deps.communes->catalogue_entry_by_code(*ctx.principal, q->value("code"));
    if (!e) return fail(e.error());
    json::object o = commune_json(e->commune);
    json::array versions, lineage;
    for (const auto& v : e->versions) {
      versions.push_back(json::object{{"name", v.name}, {"kind", std::string(to_string(v.kind))},
                                      {"district", v.district},
                                      {"valid_from", v.valid_from == kUnknownSince ? json::value(nullptr) : json::value(v.valid_from)},
                                      {"valid_to", opt_text(v.valid_to)}});
    }
    for (const auto& l : e->lineage) {
      lineage.push_back(json::object{{"event", std::string(to_string(l.event))}, {"from_id", l.from_id},
                                     {"to_id", l.to_id ? json::value(*l.to_id) : json::value(nullptr)},
                                     {"from_name", l.from_name}, {"to_name", l.to_name},
                                     {"effective_date", l.effective_date}, {"decision_ref", l.decision_ref}});
    }
    o["versions"] = std::move(versions);
    o["lineage"] = std::move(lineage);
    return http::Response::json(json::serialize(json::object{{"items", json::array{o}}, {"total", 1}}));
  }
  services::CatalogueFilter f;
  f.q = q->value("q");
  f.district = q->value("district");
  f.status = q->value("status");
  auto page = query_int(ctx, "page");
  if (!page) return fail(page.error());
  f.page = static_cast<int>(page->value_or(1));
  auto per_page = query_int(ctx, "per_page");
  if (!per_page) return fail(per_page.error());
  f.per_page = static_cast<int>(per_page->value_or(100));
  auto p = deps.communes->catalogue(*ctx.principal, f);
  if (!p) return fail(p.error());
  json::array items;
  for (const auto& r : p->items) {
    json::object o = commune_json(r.commune);
    o["since"] = opt_text(r.since);
    o["merged_into"] = opt_text(r.merged_into);
    o["merged_on"] = opt_text(r.merged_on);
    items.push_back(std::move(o));
  }
  return http::Response::json(json::serialize(
      json::object{{"items", std::move(items)}, {"total", p->total}, {"page", p->page}, {"per_page", p->per_page}}));
}

Result<http::Response> create_catalogue_commune(const ApiDeps& deps, http::Context& ctx) {
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  services::CommuneInput in;
  in.code = dto::id_text_field(*body, "code");
  in.name = dto::text_field(*body, "name");
  if (dto::has_field(*body, "kind")) in.kind = dto::text_field(*body, "kind");
  in.district = dto::text_field(*body, "district");
  in.province = dto::text_field(*body, "province");
  in.since = dto::text_field(*body, "since");
  auto c = deps.communes->create_commune(*ctx.principal, in);
  if (!c) return fail(c.error());
  return http::Response::json(json::serialize(commune_json(*c)), 201);
}

Result<http::Response> change_catalogue_commune(const ApiDeps& deps, http::Context& ctx) {
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto version = body_version(*body);
  if (!version) return fail(version.error());
  auto entry = deps.communes->catalogue_entry_by_code(*ctx.principal, dto::id_text_field(*body, "code"));
  if (!entry) return fail(entry.error());
  services::CommuneChangeInput in;
  in.change = dto::text_field(*body, "change");
  in.name = dto::text_field(*body, "name");
  in.kind = dto::has_field(*body, "kind") ? dto::text_field(*body, "kind") : std::string(to_string(entry->commune.kind));
  in.district = dto::text_field(*body, "district");
  in.province = dto::text_field(*body, "province");
  in.effective_date = dto::text_field(*body, "effective_date");
  in.into_code = dto::id_text_field(*body, "into_code");
  in.decision_ref = dto::text_field(*body, "decision_ref");
  in.note = dto::text_field(*body, "note");
  in.group = dto::id_text_field(*body, "group");
  in.carry_assignments = !dto::has_field(*body, "carry_assignments") || dto::bool_field(*body, "carry_assignments");
  auto c = deps.communes->change_commune(*ctx.principal, entry->commune.id, *version, in);
  if (!c) return fail(c.error());
  return http::Response::json(json::serialize(commune_json(*c)));
}

}  // namespace thidua::api
