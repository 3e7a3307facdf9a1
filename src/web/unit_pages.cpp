#include <algorithm>

#include "services/list_export.hpp"
#include "services/scope.hpp"
#include "web/decision_pages.hpp"
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
  if (closed) d.set("export_closed", true);
  if (manages(ctx, agency)) d.set("can_edit", true);
  if (form) {
    d.set("f_code", form->value("code"));
    d.set("f_name", form->value("name"));
    d.set("f_from", form->value("from_date"));
  }
  if (error) {
    std::string msg = ctx.message(*error);
    for (const auto& f : error->fields) msg += " " + ctx.field_message(*error, f);
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

namespace {

/// The unit page; `refused`, when set, is a form of the page shown again with its message.
Result<http::Response> render_unit(const WebDeps& deps, http::Context& ctx, std::int64_t id, const Refused* refused,
                                   unsigned status) {
  auto detail = deps.org->get_unit(*ctx.principal, id);
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
  const auto ticked = checked(refused, "split", "people");
  mustache::list people;
  for (const auto& p : detail->people) {
    mustache::data x;
    x.set("id", std::to_string(p.id));
    x.set("full_name", p.full_name);
    if (!p.position.empty()) x.set("position", p.position);
    if (std::find(ticked.begin(), ticked.end(), std::to_string(p.id)) != ticked.end()) x.set("checked", true);
    people.push_back(x);
  }
  if (!detail->people.empty()) d.set("has_people", true);
  d.set("people", people);
  if (detail->can_edit) {
    d.set("can_edit", true);
    d.set("rename", form_echo(ctx, refused, "rename", {"name", "date"}));
    auto merge = form_echo(ctx, refused, "merge", {"into", "date"});
    d.set("close", form_echo(ctx, refused, "close", {"date"}));
    auto split = form_echo(ctx, refused, "split", {"code", "name", "kind", "date", "people"});
    const std::string kind = refused && refused->form == "split" ? split.get("kind")->string_value()
                                                                   : std::string(to_string(u.kind));
    mustache::list kinds;
    for (auto k : {UnitKind::department, UnitKind::office, UnitKind::union_}) {
      mustache::data o;
      o.set("value", std::string(to_string(k)));
      o.set("label", kind_label(ctx, k));
      if (to_string(k) == kind) o.set("selected", true);
      kinds.push_back(o);
    }
    split.set("kinds", kinds);
    d.set("split", split);
    auto units = deps.org->list_units(*ctx.principal, u.agency_id, false);
    mustache::list others;
    const std::string into = merge.get("into")->string_value();
    if (units) {
      for (const auto& o : *units) {
        if (o.id == u.id) continue;
        mustache::data x;
        x.set("id", std::to_string(o.id));
        x.set("name", o.name);
        if (std::to_string(o.id) == into) x.set("selected", true);
        others.push_back(x);
      }
    }
    merge.set("others", others);
    d.set("merge", merge);
  }
  // Commendation (issue 6, part D): the unit's award history.
  d.set("awards_html", deps.views->render("partials/award_history", ctx.lang,
                                          award_history_data(deps, ctx, AwardSubject::unit, id)));
  return deps.views->page(ctx, "pages/unit", u.name, std::move(d), status);
}

/// A dated change of one unit from its page: the form carries the version it was based on;
/// afterwards the unit's page (`to`, the unit itself unless a split made another) shows the
/// result, or the same page shows the form again with what was typed and the message.
template <class Change>
Result<http::Response> unit_change(const WebDeps& deps, http::Context& ctx, const char* form_name, Change&& change) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  Result<Unit> r = change(*id, form_version(*form), *form);
  if (!r) {
    if (!shows_again(r.error())) return fail(r.error());
    Refused refused{form_name, &*form, &r.error()};
    return render_unit(deps, ctx, *id, &refused, http::status_for(r.error()));
  }
  return http::Response::redirect("/units/" + std::to_string(r->id));
}

}  // namespace

Result<http::Response> unit_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  return render_unit(deps, ctx, *id, nullptr, 200);
}

Result<http::Response> unit_rename(const WebDeps& deps, http::Context& ctx) {
  return unit_change(deps, ctx, "rename", [&](std::int64_t id, std::int64_t version, const http::FormData& f) {
    return deps.org->rename_unit(*ctx.principal, id, version, f.value("name"), f.value("date"));
  });
}

Result<http::Response> unit_merge(const WebDeps& deps, http::Context& ctx) {
  return unit_change(deps, ctx, "merge", [&](std::int64_t id, std::int64_t version, const http::FormData& f) {
    auto into = id_param(f.value("into"));
    return deps.org->merge_unit(*ctx.principal, id, version, into ? *into : 0, f.value("date"));
  });
}

Result<http::Response> unit_close(const WebDeps& deps, http::Context& ctx) {
  return unit_change(deps, ctx, "close", [&](std::int64_t id, std::int64_t version, const http::FormData& f) {
    return deps.org->close_unit(*ctx.principal, id, version, f.value("date"));
  });
}

Result<http::Response> unit_split(const WebDeps& deps, http::Context& ctx) {
  return unit_change(deps, ctx, "split", [&](std::int64_t id, std::int64_t version, const http::FormData& f) {
    std::vector<std::int64_t> people;
    for (auto p : f.all("people")) {
      // An id that is not a number is nobody of this unit: the service names the field.
      auto pid = id_param(p);
      people.push_back(pid ? *pid : 0);
    }
    services::UnitInput in{f.value("code"), f.value("kind"), f.value("name"), f.value("date")};
    return deps.org->split_unit(*ctx.principal, id, version, in, people);
  });
}

Result<http::Response> units_export(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  const auto& q = ctx.query();
  bool closed = q && q->value("closed") == "1";
  auto bytes = services::export_units(*deps.org, *ctx.principal, *agency, closed);
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "danh-sach-don-vi.xlsx");
}

}  // namespace thidua::web
