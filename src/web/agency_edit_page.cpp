// One agency: its details, names over time and clusters; for the installation administrator
// and the authority above it, the form to rename it from a date and change its code,
// address, authority and cluster of a year.

#include "services/scope.hpp"
#include "web/pages.hpp"

namespace thidua::web {

namespace {

Result<http::Response> render_agency(const WebDeps& deps, http::Context& ctx, std::int64_t id, const Refused* refused,
                                     unsigned status) {
  auto agency = deps.org->get_agency(*ctx.principal, id);
  if (!agency) return fail(agency.error());
  auto history = deps.org->agency_history(*ctx.principal, id);
  if (!history) return fail(history.error());
  auto all = deps.org->list_agencies(*ctx.principal);
  if (!all) return fail(all.error());
  const auto& a = *agency;
  const bool can_edit = services::can_edit_agency(*ctx.principal, a.parent_id);
  auto edit = form_echo(ctx, refused, "edit", {"code", "name", "date", "address", "parent_code", "cluster", "cluster_year"});
  const bool again = refused && refused->form == "edit";
  auto typed = [&](const char* k) { return edit.get(k)->string_value(); };
  int year = again ? year_param(typed("cluster_year")) : 0;
  if (year < 2000 || year > 2100) year = this_year();
  auto clusters = deps.org->clusters(*ctx.principal, year);
  if (!clusters) return fail(clusters.error());

  mustache::data d;
  d.set("id", std::to_string(a.agency.id));
  d.set("code", a.agency.code);
  d.set("name", a.agency.name);
  d.set("kind", ctx.t("agency_kind." + a.kind));
  if (!a.address.empty()) d.set("address", a.address);
  d.set("version", std::to_string(a.version));
  d.set("year", std::to_string(year));
  std::string parent_code;
  for (const auto& x : *all) {
    if (a.parent_id && x.agency.id == *a.parent_id) {
      d.set("parent", x.agency.name);
      parent_code = x.agency.code;
    }
  }
  mustache::list names;
  for (const auto& h : *history) {
    mustache::data x;
    // The first name has held "since always" (1900-01-01): no start to show.
    const bool since_always = h.valid_from <= "1900-01-01";
    const std::string to = h.valid_to.empty() ? ctx.t("people.until_now") : display_end_date(h.valid_to);
    if (!since_always) x.set("period", display_date(h.valid_from) + " – " + to);
    else if (!h.valid_to.empty()) x.set("period", ctx.t("agency_edit.until") + " " + to);
    else x.set("period", ctx.t("agency_edit.current"));
    x.set("name", h.name);
    names.push_back(x);
  }
  d.set("history", names);
  mustache::list memberships;
  std::string cluster_code;
  for (const auto& c : *clusters) {
    for (const auto& m : c.members) {
      if (m.agency_id != id) continue;
      mustache::data x;
      x.set("name", c.cluster.name);
      if (m.lead) x.set("lead", true);
      memberships.push_back(x);
      if (c.can_edit) cluster_code = c.cluster.code;
    }
  }
  if (!memberships.empty()) d.set("has_clusters", true);
  d.set("clusters", memberships);

  if (can_edit) {
    if (!again) {
      edit.set("code", a.agency.code);
      edit.set("name", a.agency.name);
      edit.set("address", a.address);
      edit.set("parent_code", parent_code);
      edit.set("cluster", cluster_code);
      edit.set("cluster_year", std::to_string(year));
    }
    auto option = [](const std::string& value, const std::string& label, const std::string& chosen) {
      mustache::data o;
      o.set("value", value);
      o.set("label", label);
      if (value == chosen) o.set("selected", true);
      return o;
    };
    mustache::list parents;
    if (services::is_installation_admin(*ctx.principal) || !a.parent_id) {
      parents.push_back(option("", ctx.t("agency_edit.no_parent"), typed("parent_code")));
    }
    for (const auto& x : *all) {
      if (x.kind == "authority" && x.agency.id != id) {
        parents.push_back(option(x.agency.code, x.agency.name, typed("parent_code")));
      }
    }
    edit.set("parents", parents);
    mustache::list cluster_options{option("", ctx.t("agency_edit.no_cluster"), typed("cluster"))};
    for (const auto& c : *clusters) {
      if (c.can_edit) cluster_options.push_back(option(c.cluster.code, c.cluster.name, typed("cluster")));
    }
    edit.set("cluster_options", cluster_options);
    d.set("edit", edit);
  }
  return deps.views->page(ctx, "pages/agency", a.agency.name, std::move(d), status);
}

}  // namespace

Result<http::Response> agency_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  return render_agency(deps, ctx, *id, nullptr, 200);
}

Result<http::Response> agency_update(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  services::AgencyChange in;
  in.name = form->value("name");
  in.address = form->value("address");
  in.effective_date = form->value("date");
  in.code = form->value("code");
  in.parent_code = form->value("parent_code");
  in.cluster_code = form->value("cluster");
  in.cluster_year = year_param(form->value("cluster_year"));
  auto updated = deps.org->update_agency(*ctx.principal, *id, std::atoll(form->value("version").c_str()), in);
  if (!updated) {
    if (!shows_again(updated.error())) return fail(updated.error());
    Refused refused{"edit", &*form, &updated.error()};
    return render_agency(deps, ctx, *id, &refused, http::status_for(updated.error()));
  }
  ctx.set_flash("flash.registry.agency_saved");
  return http::Response::redirect("/agencies/" + std::to_string(*id));
}

}  // namespace thidua::web
