// Nominations and the council's ballot under /api/v1 (see nomination_api.hpp).

#include "api/nomination_api.hpp"

namespace thidua::api {

namespace json = boost::json;

namespace {

json::object nomination_json(const storage::NominationRow& n) {
  json::object o{{"id", n.id},
                 {"agency_id", n.agency_id},
                 {"subject", std::string(to_string(n.subject))},
                 {"subject_id", n.subject_id},
                 {"subject_name", n.subject_name},
                 {"form", std::string(to_string(n.form))},
                 {"year", n.year},
                 {"status", std::string(to_string(n.status))},
                 {"verdict", std::string(to_string(n.verdict))},
                 {"version", n.version}};
  o["unit_id"] = n.unit_id ? json::value(*n.unit_id) : json::value(nullptr);
  o["unit_name"] = n.unit_name;
  o["movement_id"] = n.movement_id ? json::value(*n.movement_id) : json::value(nullptr);
  o["decision_id"] = n.decision_id ? json::value(*n.decision_id) : json::value(nullptr);
  return o;
}

std::string query_text(http::Context& ctx, const char* name) {
  const auto& q = ctx.query();
  return q ? q->value(name) : std::string();
}

}  // namespace

Result<http::Response> list_nominations(const ApiDeps& deps, http::Context& ctx) {
  auto requested = query_int(ctx, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  auto year = query_int(ctx, "year");
  if (!year) return fail(year.error());
  services::NominationFilter f;
  if (*year) f.year = static_cast<int>(**year);
  f.status = query_text(ctx, "status");
  f.form = query_text(ctx, "form");
  auto l = deps.nominations->list(*ctx.principal, *agency, f);
  if (!l) return fail(l.error());
  json::array items;
  for (const auto& n : l->items) items.push_back(nomination_json(n));
  return http::Response::json(json::serialize(json::object{{"items", items}, {"total", items.size()}}));
}

Result<http::Response> get_nomination(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto v = deps.nominations->get(*ctx.principal, *id);
  if (!v) return fail(v.error());
  json::object o = nomination_json(v->nomination);
  o["verdict_reasons"] = v->nomination.verdict_reasons;
  o["justification"] = v->nomination.justification;
  json::array dossier;
  for (const auto& d : v->dossier) {
    json::array files;
    for (const auto& f : d.files) files.push_back(json::object{{"evidence_id", f.id}, {"file_name", f.file_name}});
    dossier.push_back(json::object{{"code", d.item.code},
                                   {"name", d.item.name},
                                   {"required", d.item.required},
                                   {"complete", d.complete},
                                   {"files", files}});
  }
  o["dossier"] = dossier;
  o["achievement_report"] = v->reports.empty() ? json::value(nullptr) : json::value(v->reports.back().body);
  json::array history;
  for (const auto& h : v->history) {
    history.push_back(json::object{{"event", h.event},
                                   {"from", h.from_status},
                                   {"to", h.to_status},
                                   {"reason", h.reason},
                                   {"actor", h.actor},
                                   {"at", h.at}});
  }
  o["history"] = history;
  o["session_id"] = v->session_id ? json::value(*v->session_id) : json::value(nullptr);
  o["council_item_id"] = v->item_id ? json::value(*v->item_id) : json::value(nullptr);
  o["council_item_status"] = v->item_status;
  o["council_result"] = v->item_result;
  return http::Response::json(json::serialize(o));
}

Result<http::Response> cast_council_vote(const ApiDeps& deps, http::Context& ctx) {
  auto session = id_param(ctx, "id");
  if (!session) return fail(session.error());
  auto item = id_param(ctx, "item");
  if (!item) return fail(item.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  const auto* choice = body->if_contains("choice");
  const bool approve = choice && choice->is_string() && choice->as_string() == "approve";
  const bool disapprove = choice && choice->is_string() && choice->as_string() == "disapprove";
  if (!approve && !disapprove) {
    Error e{ErrorKind::validation, "council_session.choice_invalid", {}, {}, {}};
    e.field("choice", "council_session.choice_invalid");
    return fail(e);
  }
  auto r = deps.council_sessions->vote(*ctx.principal, *session, *item, approve);
  if (!r) return fail(r.error());
  http::Response out;
  out.status = 204;
  return out;
}

}  // namespace thidua::api
