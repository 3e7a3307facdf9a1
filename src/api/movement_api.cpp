// Movements under /api/v1/movements: the plan's header, its items, launch, copy, tasks.

#include "api/movement_api.hpp"

#include "api/dto/org_dto.hpp"

namespace thidua::api {

namespace json = boost::json;

namespace {

json::object movement_json(const Movement& m) {
  json::object o = services::movement_fields(m);
  o["id"] = m.id;
  o["agency_id"] = m.agency_id;
  o["launched_at"] = m.launched_at;
  o["version"] = m.version;
  if (m.copied_from) o["copied_from"] = *m.copied_from;
  return o;
}

json::object item_json(const PlanItem& i) {
  json::array units;
  for (auto u : i.unit_ids) units.push_back(u);
  return {{"id", i.id},           {"section", std::string(to_string(i.section))},
          {"position", i.position}, {"label", i.label},
          {"body", i.body},       {"ref_number", i.ref_number},
          {"ref_date", i.ref_date}, {"issuer", i.issuer},
          {"code", i.code},       {"unit_ids", units}};
}

json::object task_json(const MovementTask& t) {
  json::object o{{"id", t.id},         {"title", t.title},   {"due_date", t.due_date},
                 {"status", std::string(to_string(t.status))}, {"done_at", t.done_at},
                 {"note", t.note},     {"version", t.version}};
  o["unit_id"] = t.unit_id ? json::value(*t.unit_id) : json::value(nullptr);
  o["unit_name"] = t.unit_name;
  o["late"] = t.late;
  if (t.item_id) o["item_id"] = *t.item_id;
  return o;
}

services::MovementInput movement_input(const json::object& b) {
  services::MovementInput in;
  in.title = dto::text_field(b, "title");
  if (dto::has_field(b, "kind")) in.kind = dto::text_field(b, "kind");
  if (dto::has_field(b, "level")) in.level = dto::text_field(b, "level");
  // Periods are given as years (2021) or dates (dd/mm/yyyy or yyyy-mm-dd).
  in.period_from = dto::id_text_field(b, "period_from");
  in.period_to = dto::id_text_field(b, "period_to");
  in.summary = dto::text_field(b, "summary");
  in.header_parent = dto::text_field(b, "header_parent");
  in.header_name = dto::text_field(b, "header_name");
  in.doc_number = dto::id_text_field(b, "doc_number");
  in.doc_symbol = dto::text_field(b, "doc_symbol");
  in.place = dto::text_field(b, "place");
  in.doc_date = dto::text_field(b, "doc_date");
  in.preamble = dto::text_field(b, "preamble");
  in.closing = dto::text_field(b, "closing");
  in.signer_mark = dto::text_field(b, "signer_mark");
  in.signer_title = dto::text_field(b, "signer_title");
  in.signer_name = dto::text_field(b, "signer_name");
  return in;
}

services::PlanItemInput item_input(const json::object& b) {
  services::PlanItemInput in;
  in.section = dto::text_field(b, "section");
  in.label = dto::text_field(b, "label");
  in.body = dto::text_field(b, "body");
  in.ref_number = dto::text_field(b, "ref_number");
  in.ref_date = dto::text_field(b, "ref_date");
  in.issuer = dto::text_field(b, "issuer");
  in.code = dto::text_field(b, "code");
  if (auto it = b.find("unit_ids"); it != b.end() && it->value().is_array()) {
    for (const auto& v : it->value().as_array()) {
      if (v.is_int64()) in.unit_ids.push_back(std::to_string(v.as_int64()));
      else in.unit_ids.emplace_back("x");  // not a unit id: the service names the field
    }
  }
  return in;
}

/// A change request: the movement (and item or task) from the path, the JSON body and its version.
struct Change {
  std::int64_t id = 0;
  std::int64_t sub = 0;  ///< the {item} or {task} of the path, when `sub_name` is given
  json::object body;
  std::int64_t version = 0;
};

Result<Change> change_request(http::Context& ctx, const char* sub_name = nullptr) {
  Change c;
  auto id = id_param(ctx, sub_name && std::string_view(sub_name) == "task" ? "task" : "id");
  if (!id) return fail(id.error());
  c.id = *id;
  if (sub_name && std::string_view(sub_name) != "task") {
    auto sub = id_param(ctx, sub_name);
    if (!sub) return fail(sub.error());
    c.sub = *sub;
  }
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto version = body_version(*body);
  if (!version) return fail(version.error());
  c.body = std::move(*body);
  c.version = *version;
  return c;
}

/// The movement after a change to its plan, with its new version.
Result<http::Response> movement_after(const ApiDeps& deps, http::Context& ctx, std::int64_t id) {
  auto d = deps.movements->get(*ctx.principal, id);
  if (!d) return fail(d.error());
  json::array items;
  for (const auto& i : d->items) items.push_back(item_json(i));
  json::array tasks;
  for (const auto& t : d->tasks) tasks.push_back(task_json(t));
  json::array plans;
  for (const auto& p : d->unit_plans) {
    plans.push_back(json::object{{"id", p.id}, {"unit_id", p.unit_id}, {"unit_name", p.unit_name}, {"kind", p.kind},
                                 {"title", p.title}, {"body", p.body}, {"file_name", p.file_name},
                                 {"file_sha256", p.file_sha256}, {"created_at", p.created_at}});
  }
  json::object o = movement_json(d->movement);
  o["agency_name"] = d->agency_name;
  o["items"] = std::move(items);
  o["tasks"] = std::move(tasks);
  o["unit_plans"] = std::move(plans);
  o["can_edit"] = d->can_edit;
  o["can_launch"] = d->can_launch;
  return http::Response::json(json::serialize(o));
}

}  // namespace

Result<http::Response> list_movements(const ApiDeps& deps, http::Context& ctx) {
  auto requested = query_int(ctx, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  auto rows = deps.movements->list(*ctx.principal, *agency);
  if (!rows) return fail(rows.error());
  json::array items;
  for (const auto& r : *rows) {
    json::object o = movement_json(r.movement);
    o["tasks_total"] = r.tasks_total;
    o["tasks_done"] = r.tasks_done;
    items.push_back(std::move(o));
  }
  return http::Response::json(json::serialize(json::object{{"items", std::move(items)}}));
}

Result<http::Response> create_movement(const ApiDeps& deps, http::Context& ctx) {
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto requested = body_int(*body, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  auto m = deps.movements->create(*ctx.principal, *agency, movement_input(*body));
  if (!m) return fail(m.error());
  auto r = http::Response::json(json::serialize(movement_json(*m)), 201);
  r.header("Location", "/api/v1/movements/" + std::to_string(m->id));
  return r;
}

Result<http::Response> get_movement(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  return movement_after(deps, ctx, *id);
}

Result<http::Response> update_movement(const ApiDeps& deps, http::Context& ctx) {
  auto c = change_request(ctx);
  if (!c) return fail(c.error());
  auto m = deps.movements->update(*ctx.principal, c->id, c->version, movement_input(c->body));
  if (!m) return fail(m.error());
  return http::Response::json(json::serialize(movement_json(*m)));
}

Result<http::Response> add_plan_item(const ApiDeps& deps, http::Context& ctx) {
  auto c = change_request(ctx);
  if (!c) return fail(c.error());
  auto v = deps.movements->add_item(*ctx.principal, c->id, c->version, item_input(c->body));
  if (!v) return fail(v.error());
  auto r = movement_after(deps, ctx, c->id);
  if (r) r->status = 201;
  return r;
}

Result<http::Response> update_plan_item(const ApiDeps& deps, http::Context& ctx) {
  auto c = change_request(ctx, "item");
  if (!c) return fail(c.error());
  auto v = deps.movements->update_item(*ctx.principal, c->sub, c->version, item_input(c->body));
  if (!v) return fail(v.error());
  return movement_after(deps, ctx, c->id);
}

Result<http::Response> move_plan_item(const ApiDeps& deps, http::Context& ctx) {
  auto c = change_request(ctx, "item");
  if (!c) return fail(c.error());
  std::string dir = dto::text_field(c->body, "dir");
  if (dir != "up" && dir != "down") return fail(invalid_field("dir", "validation.invalid"));
  auto v = deps.movements->move_item(*ctx.principal, c->sub, c->version,
                                     dir == "up" ? services::ItemMove::up : services::ItemMove::down);
  if (!v) return fail(v.error());
  return movement_after(deps, ctx, c->id);
}

Result<http::Response> delete_plan_item(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto item = id_param(ctx, "item");
  if (!item) return fail(item.error());
  auto version = query_int(ctx, "version");
  if (!version) return fail(version.error());
  // Without ?version= the delete cannot be checked against the plan the caller saw: it is
  // refused as stale (after "not found", so that another agency's ids learn nothing).
  auto v = deps.movements->delete_item(*ctx.principal, *item, version->value_or(0));
  if (!v) return fail(v.error());
  return movement_after(deps, ctx, *id);
}

Result<http::Response> launch_movement(const ApiDeps& deps, http::Context& ctx) {
  auto c = change_request(ctx);
  if (!c) return fail(c.error());
  auto m = deps.movements->launch(*ctx.principal, c->id, c->version);
  if (!m) return fail(m.error());
  return movement_after(deps, ctx, c->id);
}

Result<http::Response> copy_movement(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto m = deps.movements->copy(*ctx.principal, *id);
  if (!m) return fail(m.error());
  auto r = movement_after(deps, ctx, m->id);
  if (r) {
    r->status = 201;
    r->header("Location", "/api/v1/movements/" + std::to_string(m->id));
  }
  return r;
}

Result<http::Response> update_task(const ApiDeps& deps, http::Context& ctx) {
  auto c = change_request(ctx, "task");
  if (!c) return fail(c.error());
  auto t = deps.movements->set_task(*ctx.principal, c->id, c->version, dto::bool_field(c->body, "done"),
                                    dto::text_field(c->body, "note"));
  if (!t) return fail(t.error());
  return http::Response::json(json::serialize(task_json(*t)));
}

}  // namespace thidua::api
