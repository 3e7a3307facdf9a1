// Emulation clusters (khối/cụm thi đua) of a year: the installation administrator and
// authorities create clusters, add agencies for the year and mark the year's lead agency; an
// agency's own users see the clusters it belongs to.

#include <algorithm>

#include "services/list_export.hpp"
#include "services/scope.hpp"
#include "web/pages.hpp"

namespace thidua::web {

namespace {

/// The year a page or form is about: ?year= or the form's year, else this year.
int chosen_year(http::Context& ctx) {
  int y = 0;
  if (ctx.req.method == "POST") {
    if (const auto& f = ctx.form()) y = year_param(f->value("year"));
  } else if (const auto& q = ctx.query()) {
    y = year_param(q->value("year"));
  }
  return y >= 2000 && y <= 2100 ? y : this_year();
}

bool may_create(const Principal& p) { return services::is_installation_admin(p) || p.has_role(Role::authority); }

Result<http::Response> render_clusters(const WebDeps& deps, http::Context& ctx, int year, const Refused* refused,
                                       unsigned status) {
  auto clusters = deps.org->clusters(*ctx.principal, year);
  if (!clusters) return fail(clusters.error());
  const bool creator = may_create(*ctx.principal);
  std::vector<storage::AgencyRow> agencies;
  if (creator) {
    auto all = deps.org->list_agencies(*ctx.principal);
    if (!all) return fail(all.error());
    agencies = std::move(*all);
  }
  mustache::data d;
  d.set("year", std::to_string(year));
  d.set("prev_year", std::to_string(year - 1));
  d.set("next_year", std::to_string(year + 1));
  mustache::list list;
  for (const auto& c : *clusters) {
    const std::string id = std::to_string(c.cluster.id);
    mustache::data x;
    x.set("id", id);
    x.set("code", c.cluster.code);
    x.set("name", c.cluster.name);
    mustache::list members;
    for (const auto& m : c.members) {
      mustache::data y;
      y.set("cluster_id", id);
      y.set("agency_code", m.code);
      y.set("agency_name", m.name);
      if (m.lead) y.set("lead", true);
      if (c.can_edit) y.set("editable", true);
      members.push_back(y);
    }
    if (!c.members.empty()) x.set("has_members", true);
    x.set("members", members);
    if (c.can_edit) {
      auto add = form_echo(ctx, refused, "add-" + id, {"agency", "lead"});
      const std::string chosen = add.get("agency")->string_value();
      mustache::list options;
      for (const auto& a : agencies) {
        bool member = std::any_of(c.members.begin(), c.members.end(),
                                  [&](const auto& m) { return m.agency_id == a.agency.id; });
        if (member) continue;
        mustache::data o;
        o.set("code", a.agency.code);
        o.set("name", a.agency.name);
        if (a.agency.code == chosen) o.set("selected", true);
        options.push_back(o);
      }
      if (!options.empty()) add.set("has_options", true);
      add.set("options", options);
      if (!add.get("lead")->string_value().empty()) add.set("lead_checked", true);
      x.set("add", add);
      auto member_error = form_echo(ctx, refused, "member-" + id, {});
      if (member_error.get("error")) x.set("member_error", member_error.get("error")->string_value());
    }
    list.push_back(x);
  }
  if (!clusters->empty()) d.set("has_clusters", true);
  d.set("clusters", list);
  if (creator) {
    d.set("can_create", true);
    d.set("create", form_echo(ctx, refused, "create", {"code", "name"}));
  }
  return deps.views->page(ctx, "pages/clusters", ctx.t("clusters.title"), std::move(d), status);
}

/// After a change: the clusters of the form's year, or the page with the form shown again.
Result<http::Response> after(const WebDeps& deps, http::Context& ctx, const std::string& form_name,
                             const Result<void>& r) {
  const int year = chosen_year(ctx);
  if (r) return http::Response::redirect("/clusters?year=" + std::to_string(year));
  if (!shows_again(r.error())) return fail(r.error());
  Refused refused{form_name, &*ctx.form(), &r.error()};
  return render_clusters(deps, ctx, year, &refused, http::status_for(r.error()));
}

/// The cluster of the route, the form and its year, for a change to the cluster's members.
template <class Change>
Result<http::Response> member_change(const WebDeps& deps, http::Context& ctx, const std::string& form_prefix,
                                     Change&& change) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  const int year = year_param(form->value("year"));
  return after(deps, ctx, form_prefix + std::to_string(*id), change(*id, *form, year));
}

}  // namespace

Result<http::Response> clusters_page(const WebDeps& deps, http::Context& ctx) {
  return render_clusters(deps, ctx, chosen_year(ctx), nullptr, 200);
}

Result<http::Response> clusters_export(const WebDeps& deps, http::Context& ctx) {
  const int year = chosen_year(ctx);
  auto bytes = services::export_clusters(*deps.org, *ctx.principal, year);
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "khoi-thi-dua-" + std::to_string(year) + ".xlsx");
}

Result<http::Response> cluster_create(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto created = deps.org->create_cluster(*ctx.principal, form->value("code"), form->value("name"));
  return after(deps, ctx, "create", created ? Result<void>() : Result<void>(tl::unexpect, created.error()));
}

Result<http::Response> cluster_member_add(const WebDeps& deps, http::Context& ctx) {
  return member_change(deps, ctx, "add-", [&](std::int64_t id, const http::FormData& f, int year) {
    return deps.org->add_cluster_member(*ctx.principal, id, f.value("agency"), year, !f.value("lead").empty());
  });
}

Result<http::Response> cluster_lead_set(const WebDeps& deps, http::Context& ctx) {
  return member_change(deps, ctx, "member-", [&](std::int64_t id, const http::FormData& f, int year) {
    return deps.org->set_cluster_lead(*ctx.principal, id, f.value("agency"), year);
  });
}

Result<http::Response> cluster_member_remove(const WebDeps& deps, http::Context& ctx) {
  return member_change(deps, ctx, "member-", [&](std::int64_t id, const http::FormData& f, int year) {
    return deps.org->remove_cluster_member(*ctx.principal, id, f.value("agency"), year);
  });
}

}  // namespace thidua::web
