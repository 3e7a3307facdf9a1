// Initiatives under /api/v1/initiatives: dates go out ISO ("YYYY-MM-DD"), empty when not set;
// authors with their shares in whole percent.

#include "api/initiative_api.hpp"

#include "api/dto/org_dto.hpp"

namespace thidua::api {

namespace json = boost::json;

namespace {

json::object initiative_json(const Initiative& i) {
  json::object o = services::initiative_fields(i);
  json::array authors;
  for (const auto& a : i.authors) {
    authors.push_back(json::object{{"person_id", a.person_id}, {"name", a.full_name}, {"code", a.code},
                                   {"share", a.share_pct}});
  }
  o["authors"] = std::move(authors);
  o["id"] = i.id;
  o["agency_id"] = i.agency_id;
  o["year"] = i.year();
  o["movement_title"] = i.movement_title;
  o["withdrawn_at"] = i.withdrawn_at;
  o["withdrawn_reason"] = i.withdrawn_reason;
  o["created_at"] = i.created_at;
  o["updated_at"] = i.updated_at;
  o["version"] = i.version;
  return o;
}

json::object use_json(const InitiativeUse& u) {
  json::object o = services::initiative_use_fields(u);
  o["id"] = u.id;
  o["person_name"] = u.person_name;
  o["basis_name"] = services::basis_ref_name(u.basis_ref);
  o["used_by"] = u.used_by;
  o["used_at"] = u.used_at;
  o["live"] = u.live();
  o["released_by"] = u.released_by;
  o["released_at"] = u.released_at;
  o["released_reason"] = u.released_reason;
  return o;
}

services::InitiativeInput input_of(const json::object& b) {
  services::InitiativeInput in;
  if (dto::has_field(b, "kind")) in.kind = dto::text_field(b, "kind");
  in.title = dto::text_field(b, "title");
  in.field = dto::text_field(b, "field");
  in.summary = dto::text_field(b, "summary");
  in.applied_from = dto::text_field(b, "applied_from");
  in.scope = dto::text_field(b, "scope");
  in.effect = dto::text_field(b, "effect");
  if (dto::has_field(b, "recognition_level")) in.recognition_level = dto::text_field(b, "recognition_level");
  in.recognition_body = dto::text_field(b, "recognition_body");
  in.recognition_number = dto::id_text_field(b, "recognition_number");
  in.recognition_date = dto::text_field(b, "recognition_date");
  in.movement_id = dto::id_text_field(b, "movement_id");
  if (auto it = b.find("authors"); it != b.end() && it->value().is_array()) {
    for (const auto& v : it->value().as_array()) {
      services::InitiativeAuthorInput a;
      if (v.is_object()) {
        const auto& o = v.as_object();
        a.person_id = dto::id_text_field(o, "person_id");
        a.person = dto::text_field(o, "person");
        a.share = dto::id_text_field(o, "share");
      } else {
        a.person_id = "x";  // not an author object: the service names the row
      }
      in.authors.push_back(std::move(a));
    }
  }
  return in;
}

Result<http::Response> detail_json(const ApiDeps& deps, http::Context& ctx, std::int64_t id, unsigned status = 200) {
  auto d = deps.initiatives->get(*ctx.principal, id);
  if (!d) return fail(d.error());
  json::object o = initiative_json(d->initiative);
  json::array uses, history;
  for (const auto& u : d->uses) uses.push_back(use_json(u));
  for (const auto& h : d->history) history.push_back(dto::history_json(h));
  o["agency_name"] = d->agency_name;
  o["uses"] = std::move(uses);
  o["history"] = std::move(history);
  o["can_edit"] = d->can_edit;
  o["can_edit_recognition"] = d->can_edit_recognition;
  o["can_withdraw"] = d->can_withdraw;
  o["can_record_use"] = d->can_record_use;
  auto r = http::Response::json(json::serialize(o), status);
  if (status == 201) r.header("Location", "/api/v1/initiatives/" + std::to_string(id));
  return r;
}

}  // namespace

Result<http::Response> list_initiatives(const ApiDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  auto requested = query_int(ctx, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  services::InitiativeFilter f;
  f.agency_id = *agency;
  f.text = q->value("q");
  auto year = query_int(ctx, "year");
  if (!year) return fail(year.error());
  f.year = static_cast<int>(year->value_or(0));
  f.level = q->value("level");
  f.field = q->value("field");
  auto author = query_int(ctx, "author");
  if (!author) return fail(author.error());
  f.author_id = *author;
  f.status = q->value("status");
  auto page = query_int(ctx, "page");
  if (!page) return fail(page.error());
  f.page = static_cast<int>(std::max<std::int64_t>(1, page->value_or(1)));
  auto list = deps.initiatives->list(*ctx.principal, f);
  if (!list) return fail(list.error());
  json::array items;
  for (const auto& i : list->items) {
    json::object o = initiative_json(i);
    auto it = list->live_uses.find(i.id);
    o["live_uses"] = it == list->live_uses.end() ? 0 : it->second;
    items.push_back(std::move(o));
  }
  return http::Response::json(json::serialize(json::object{{"items", std::move(items)},
                                                          {"total", list->total},
                                                          {"page", list->page},
                                                          {"per_page", list->per_page}}));
}

Result<http::Response> create_initiative(const ApiDeps& deps, http::Context& ctx) {
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto requested = body_int(*body, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  auto i = deps.initiatives->create(*ctx.principal, *agency, input_of(*body));
  if (!i) return fail(i.error());
  return detail_json(deps, ctx, i->id, 201);
}

Result<http::Response> get_initiative(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  return detail_json(deps, ctx, *id);
}

Result<http::Response> update_initiative(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto version = body_version(*body);
  if (!version) return fail(version.error());
  auto i = deps.initiatives->update(*ctx.principal, *id, *version, input_of(*body));
  if (!i) return fail(i.error());
  return detail_json(deps, ctx, *id);
}

Result<http::Response> withdraw_initiative(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto version = body_version(*body);
  if (!version) return fail(version.error());
  auto i = deps.initiatives->withdraw(*ctx.principal, *id, *version, dto::text_field(*body, "reason"));
  if (!i) return fail(i.error());
  return detail_json(deps, ctx, *id);
}

Result<http::Response> add_initiative_use(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  services::InitiativeUseInput in;
  in.person_id = dto::id_text_field(*body, "person_id");
  in.basis_kind = dto::text_field(*body, "basis_kind");
  in.basis_ref = dto::id_text_field(*body, "basis_ref");
  in.year = dto::id_text_field(*body, "year");
  in.note = dto::text_field(*body, "note");
  auto u = deps.initiatives->record_use_by_hand(*ctx.principal, *id, in);
  if (!u) return fail(u.error());
  auto r = http::Response::json(json::serialize(use_json(*u)), 201);
  r.header("Location", "/api/v1/initiatives/" + std::to_string(*id));
  return r;
}

Result<http::Response> release_initiative_use(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto use = id_param(ctx, "use");
  if (!use) return fail(use.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto u = deps.initiatives->release_use_by_hand(*ctx.principal, *id, *use, dto::text_field(*body, "reason"));
  if (!u) return fail(u.error());
  return http::Response::json(json::serialize(use_json(*u)));
}

}  // namespace thidua::api
