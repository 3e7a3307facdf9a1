// Units, the council, agencies and clusters under /api/v1. Each handler parses, calls the
// organisation service (which checks role and agency) and converts the result.

#include <algorithm>
#include <chrono>

#include "api/dto/org_dto.hpp"
#include "api/handlers.hpp"

namespace thidua::api {

namespace json = boost::json;

namespace {

http::Response json_response(const json::object& o, unsigned status = 200) {
  return http::Response::json(json::serialize(o), status);
}

template <class T>
http::Response items_response(const std::vector<T>& list) {
  json::array items;
  for (const auto& x : list) items.push_back(dto::to_json(x));
  return json_response(json::object{{"items", std::move(items)}});
}

/// The agency named by `?agency=`, or the caller's own.
Result<std::int64_t> query_agency(http::Context& ctx) {
  auto requested = query_int(ctx, "agency");
  if (!requested) return fail(requested.error());
  return agency_for(ctx, *requested);
}

/// The agency named by the body's "agency", or the caller's own.
Result<std::int64_t> body_agency(const http::Context& ctx, const json::object& body) {
  auto requested = body_int(body, "agency");
  if (!requested) return fail(requested.error());
  return agency_for(ctx, *requested);
}

/// A year a change needs: given, and within int (out-of-range years are the service's to
/// reject; clamping only keeps the cast defined).
Result<int> required_year(const Result<std::optional<std::int64_t>>& year) {
  if (!year) return fail(year.error());
  if (!*year) return fail(invalid_field("year", "validation.required"));
  return static_cast<int>(std::clamp<std::int64_t>(**year, -1, 100000));
}

int current_year() {
  std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return static_cast<int>(ymd.year());
}

}  // namespace

// ---- Units ----------------------------------------------------------------------------------

Result<http::Response> list_units(const ApiDeps& deps, http::Context& ctx) {
  auto agency = query_agency(ctx);
  if (!agency) return fail(agency.error());
  const auto& q = ctx.query();
  bool closed = q && q->value("closed") == "1";
  auto units = deps.org->list_units(*ctx.principal, *agency, closed);
  if (!units) return fail(units.error());
  return items_response(*units);
}

Result<http::Response> create_unit(const ApiDeps& deps, http::Context& ctx) {
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto agency = body_agency(ctx, *body);
  if (!agency) return fail(agency.error());
  auto created = deps.org->create_unit(*ctx.principal, *agency, dto::unit_input_from_json(*body));
  if (!created) return fail(created.error());
  auto r = json_response(dto::to_json(*created), 201);
  r.header("Location", "/api/v1/units/" + std::to_string(created->id));
  return r;
}

Result<http::Response> get_unit(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto detail = deps.org->get_unit(*ctx.principal, *id);
  if (!detail) return fail(detail.error());
  return json_response(dto::to_json(*detail));
}

namespace {

/// A dated change of one unit: the path id, the body with the version it was based on, the
/// service call, and the unit as it is afterwards (a unit made by the change: 201 at its
/// Location).
template <class Change>
Result<http::Response> unit_change(http::Context& ctx, Change&& change, unsigned status = 200) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto version = body_version(*body);
  if (!version) return fail(version.error());
  Result<Unit> unit = change(*id, *version, *body);
  if (!unit) return fail(unit.error());
  auto r = json_response(dto::to_json(*unit), status);
  if (status == 201) r.header("Location", "/api/v1/units/" + std::to_string(unit->id));
  return r;
}

}  // namespace

Result<http::Response> rename_unit(const ApiDeps& deps, http::Context& ctx) {
  return unit_change(ctx, [&](std::int64_t id, std::int64_t version, const boost::json::object& body) {
    return deps.org->rename_unit(*ctx.principal, id, version, dto::text_field(body, "name"),
                                 dto::text_field(body, "date"));
  });
}

Result<http::Response> merge_unit(const ApiDeps& deps, http::Context& ctx) {
  return unit_change(ctx, [&](std::int64_t id, std::int64_t version, const boost::json::object& body) {
    // A missing or malformed target is "no such unit": the service names the field.
    auto into = dto::int_field(body, "into").value_or(0);
    return deps.org->merge_unit(*ctx.principal, id, version, into, dto::text_field(body, "date"));
  });
}

Result<http::Response> close_unit(const ApiDeps& deps, http::Context& ctx) {
  return unit_change(ctx, [&](std::int64_t id, std::int64_t version, const boost::json::object& body) {
    return deps.org->close_unit(*ctx.principal, id, version, dto::text_field(body, "date"));
  });
}

Result<http::Response> split_unit(const ApiDeps& deps, http::Context& ctx) {
  return unit_change(
      ctx,
      [&](std::int64_t id, std::int64_t version, const boost::json::object& body) -> Result<Unit> {
        std::vector<std::int64_t> people;
        if (auto it = body.find("people"); it != body.end() && !it->value().is_null()) {
          if (!it->value().is_array()) return fail(invalid_field("people", "validation.invalid"));
          for (const auto& v : it->value().get_array()) {
            // Anything but an id is nobody of this unit: the service names the field.
            people.push_back(v.is_int64() ? v.get_int64() : 0);
          }
        }
        auto in = dto::unit_input_from_json(body);
        if (in.from_date.empty()) in.from_date = dto::text_field(body, "date");
        return deps.org->split_unit(*ctx.principal, id, version, in, people);
      },
      201);
}

// ---- The council ----------------------------------------------------------------------------

Result<http::Response> list_council(const ApiDeps& deps, http::Context& ctx) {
  auto agency = query_agency(ctx);
  if (!agency) return fail(agency.error());
  auto terms = deps.org->council_terms(*ctx.principal, *agency);
  if (!terms) return fail(terms.error());
  return items_response(*terms);
}

Result<http::Response> create_council_term(const ApiDeps& deps, http::Context& ctx) {
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto agency = body_agency(ctx, *body);
  if (!agency) return fail(agency.error());
  auto term = deps.org->create_council_term(*ctx.principal, *agency, dto::council_term_input_from_json(*body));
  if (!term) return fail(term.error());
  return json_response(dto::to_json(*term), 201);
}

Result<http::Response> set_council_seat(const ApiDeps& deps, http::Context& ctx) {
  auto term_id = id_param(ctx);
  if (!term_id) return fail(term_id.error());
  auto person_id = id_param(ctx, "person_id");
  if (!person_id) return fail(person_id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto term = deps.org->set_council_seat(*ctx.principal, *term_id, *person_id, dto::text_field(*body, "seat"));
  if (!term) return fail(term.error());
  return json_response(dto::to_json(*term));
}

Result<http::Response> remove_council_seat(const ApiDeps& deps, http::Context& ctx) {
  auto term_id = id_param(ctx);
  if (!term_id) return fail(term_id.error());
  auto person_id = id_param(ctx, "person_id");
  if (!person_id) return fail(person_id.error());
  auto term = deps.org->remove_council_seat(*ctx.principal, *term_id, *person_id);
  if (!term) return fail(term.error());
  return json_response(dto::to_json(*term));
}

// ---- Agencies -------------------------------------------------------------------------------

Result<http::Response> list_agencies(const ApiDeps& deps, http::Context& ctx) {
  auto agencies = deps.org->list_agencies(*ctx.principal);
  if (!agencies) return fail(agencies.error());
  return items_response(*agencies);
}

Result<http::Response> get_agency(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto agency = deps.org->get_agency(*ctx.principal, *id);
  if (!agency) return fail(agency.error());
  auto history = deps.org->agency_history(*ctx.principal, *id);
  if (!history) return fail(history.error());
  auto o = dto::to_json(*agency);
  json::array names;
  for (const auto& v : *history) names.push_back(dto::to_json(v));
  o["history"] = std::move(names);
  return json_response(o);
}

Result<http::Response> create_agency(const ApiDeps& deps, http::Context& ctx) {
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto created = deps.org->create_agency(*ctx.principal, dto::agency_input_from_json(*body));
  if (!created) return fail(created.error());
  auto r = json_response(dto::to_json(*created), 201);
  r.header("Location", "/api/v1/agencies/" + std::to_string(created->agency.id));
  return r;
}

Result<http::Response> update_agency(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto version = body_version(*body);
  if (!version) return fail(version.error());
  auto updated = deps.org->update_agency(*ctx.principal, *id, *version, dto::agency_change_from_json(*body));
  if (!updated) return fail(updated.error());
  return json_response(dto::to_json(*updated));
}

// ---- Clusters -------------------------------------------------------------------------------

namespace {

/// The cluster as the caller now sees it for `year`; 204 when the change left it out of sight.
Result<http::Response> cluster_answer(const ApiDeps& deps, http::Context& ctx, std::int64_t id, int year) {
  auto clusters = deps.org->clusters(*ctx.principal, year);
  if (!clusters) return fail(clusters.error());
  for (const auto& c : *clusters) {
    if (c.cluster.id == id) return json_response(dto::to_json(c));
  }
  http::Response done;
  done.status = 204;
  return done;
}

}  // namespace

Result<http::Response> list_clusters(const ApiDeps& deps, http::Context& ctx) {
  auto year = query_int(ctx, "year");
  if (!year) return fail(year.error());
  if (*year && (**year < 2000 || **year > 2100)) return fail(invalid_field("year", "validation.invalid"));
  const int y = year->has_value() ? static_cast<int>(**year) : current_year();
  auto clusters = deps.org->clusters(*ctx.principal, y);
  if (!clusters) return fail(clusters.error());
  json::array items;
  for (const auto& c : *clusters) items.push_back(dto::to_json(c));
  return json_response(json::object{{"year", y}, {"items", std::move(items)}});
}

Result<http::Response> create_cluster(const ApiDeps& deps, http::Context& ctx) {
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto cluster =
      deps.org->create_cluster(*ctx.principal, dto::text_field(*body, "code"), dto::text_field(*body, "name"));
  if (!cluster) return fail(cluster.error());
  return json_response(dto::to_json(*cluster), 201);
}

Result<http::Response> add_cluster_member(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto year = required_year(body_int(*body, "year"));
  if (!year) return fail(year.error());
  const int y = *year;
  auto added = deps.org->add_cluster_member(*ctx.principal, *id, dto::text_field(*body, "agency"), y,
                                            dto::bool_field(*body, "lead"));
  if (!added) return fail(added.error());
  return cluster_answer(deps, ctx, *id, y);
}

Result<http::Response> set_cluster_lead(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto year = required_year(body_int(*body, "year"));
  if (!year) return fail(year.error());
  auto done = deps.org->set_cluster_lead(*ctx.principal, *id, dto::text_field(*body, "agency"), *year);
  if (!done) return fail(done.error());
  return cluster_answer(deps, ctx, *id, *year);
}

Result<http::Response> remove_cluster_member(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto agency = ctx.params.find(std::string_view("agency"));
  auto year = query_int(ctx, "year");
  if (!year) return fail(year.error());
  // A missing year is the service's to name, after it has made sure the cluster is the caller's.
  const int y = static_cast<int>(std::clamp<std::int64_t>(year->value_or(0), -1, 100000));
  auto done = deps.org->remove_cluster_member(*ctx.principal, *id, agency == ctx.params.end() ? "" : agency->second, y);
  if (!done) return fail(done.error());
  return cluster_answer(deps, ctx, *id, y);
}

}  // namespace thidua::api
