#include "services/scope.hpp"
#include "web/pages.hpp"

namespace thidua::web {

namespace {

std::string kind_label(http::Context& ctx, UnitKind k) { return ctx.t("unit_kind." + std::string(to_string(k))); }

bool manages(http::Context& ctx, std::int64_t agency) {
  return services::can_manage_agency(*ctx.principal, agency);
}

Result<http::Response> render_units(const WebDeps& deps, http::Context& ctx, std::int64_t agency, bool closed,
                                    const http::FormData* form, const Error* error, unsigned status) {
  auto units = deps.org->list_units(*ctx.principal, agency, closed);
  if (!units) return fail(units.error());
  mustache::data d;
  mustache::list rows;
  for (const auto& u : *units) {
    mustache::data r;
    r.set("id", std::to_string(u.id));
    r.set("code", u.code);
    r.set("name", u.name);
    r.set("kind", kind_label(ctx, u.kind));
    if (u.active) r.set("active", true);
    rows.push_back(r);
  }
  d.set("units", rows);
  if (!units->empty()) d.set("has_units", true);
  d.set("toggle_closed", closed ? "" : "closed=1");
  if (manages(ctx, agency)) d.set("can_edit", true);
  if (form) {
    d.set("f_code", form->value("code"));
    d.set("f_name", form->value("name"));
    d.set("f_from", form->value("from_date"));
  }
  if (error) {
    std::string msg = ctx.message(*error);
    for (const auto& f : error->fields) msg += " " + ctx.t(f.code);
    d.set("error", msg);
  }
  return deps.views->page(ctx, "pages/units", ctx.t("units.title"), std::move(d), status);
}

std::int64_t form_version(const http::FormData& f) { return std::atoll(f.value("version").c_str()); }

}  // namespace

Result<http::Response> units_page(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  const auto& q = ctx.query();
  bool closed = q && q->value("closed") == "1";
  return render_units(deps, ctx, *agency, closed, nullptr, nullptr, 200);
}

Result<http::Response> unit_create(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  services::UnitInput in{form->value("code"), form->value("kind"), form->value("name"), form->value("from_date")};
  auto created = deps.org->create_unit(*ctx.principal, *agency, in);
  if (!created) {
    const auto& e = created.error();
    if (e.kind != ErrorKind::validation && e.kind != ErrorKind::conflict) return fail(e);
    return render_units(deps, ctx, *agency, false, &*form, &e, http::status_for(e));
  }
  return http::Response::redirect("/units/" + std::to_string(created->id));
}

Result<http::Response> unit_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto detail = deps.org->get_unit(*ctx.principal, *id);
  if (!detail) return fail(detail.error());
  const Unit& u = detail->unit;
  mustache::data d;
  d.set("id", std::to_string(u.id));
  d.set("name", u.name);
  d.set("code", u.code);
  d.set("kind", kind_label(ctx, u.kind));
  d.set("version", std::to_string(u.version));
  if (u.active) d.set("active", true);
  mustache::list history;
  for (const auto& h : detail->history) {
    mustache::data x;
    x.set("from", display_date(h.valid_from));
    x.set("to", h.valid_to.empty() ? (u.active ? ctx.t("people.until_now") : "") : display_end_date(h.valid_to));
    x.set("name", h.name);
    history.push_back(x);
  }
  d.set("history", history);
  mustache::list people;
  for (const auto& p : detail->people) {
    mustache::data x;
    x.set("id", std::to_string(p.id));
    x.set("full_name", p.full_name);
    if (!p.position.empty()) x.set("position", p.position);
    people.push_back(x);
  }
  d.set("people", people);
  if (detail->can_edit) {
    d.set("can_edit", true);
    auto units = deps.org->list_units(*ctx.principal, u.agency_id, false);
    mustache::list others;
    if (units) {
      for (const auto& o : *units) {
        if (o.id == u.id) continue;
        mustache::data x;
        x.set("id", std::to_string(o.id));
        x.set("name", o.name);
        others.push_back(x);
      }
    }
    d.set("others", others);
  }
  return deps.views->page(ctx, "pages/unit", u.name, std::move(d));
}

namespace {

/// A dated change of one unit from its page: the form carries the version it was based on;
/// afterwards the unit's page shows the result.
template <class Change>
Result<http::Response> unit_change(http::Context& ctx, Change&& change) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  Result<Unit> r = change(*id, form_version(*form), *form);
  if (!r) return fail(r.error());
  return http::Response::redirect("/units/" + std::to_string(*id));
}

}  // namespace

Result<http::Response> unit_rename(const WebDeps& deps, http::Context& ctx) {
  return unit_change(ctx, [&](std::int64_t id, std::int64_t version, const http::FormData& f) {
    return deps.org->rename_unit(*ctx.principal, id, version, f.value("name"), f.value("date"));
  });
}

Result<http::Response> unit_merge(const WebDeps& deps, http::Context& ctx) {
  return unit_change(ctx, [&](std::int64_t id, std::int64_t version, const http::FormData& f) {
    auto into = id_param(f.value("into"));
    return deps.org->merge_unit(*ctx.principal, id, version, into ? *into : 0, f.value("date"));
  });
}

Result<http::Response> unit_close(const WebDeps& deps, http::Context& ctx) {
  return unit_change(ctx, [&](std::int64_t id, std::int64_t version, const http::FormData& f) {
    return deps.org->close_unit(*ctx.principal, id, version, f.value("date"));
  });
}

}  // namespace thidua::web
