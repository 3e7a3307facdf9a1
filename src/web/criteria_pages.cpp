// The criteria sets in force over periods (loaded from rules/criteria/), each with its
// citation, criteria and indicators; the installation administrator adds indicators and
// retires them (never deletes).

#include "web/commune_pages.hpp"
#include "web/commune_views.hpp"

namespace thidua::web {

namespace cv = commune_view;

namespace {

std::string period(const CriteriaSet& s) {
  std::string from = display_date(s.valid_from);
  return s.valid_to.empty() ? from + " –" : from + " – " + display_end_date(s.valid_to);
}

Result<http::Response> render_set(const WebDeps& deps, http::Context& ctx, std::int64_t id, const Refused* refused,
                                  unsigned status) {
  auto v = deps.communes->criteria_set(*ctx.principal, id);
  if (!v) return fail(v.error());
  mustache::data d;
  d.set("id", std::to_string(v->set.id));
  d.set("name", v->set.name);
  d.set("code", v->set.code);
  d.set("citation", v->set.citation);
  d.set("period", period(v->set));
  d.set("level", v->set.level == "commune" ? ctx.t("commune.every_commune")
                                            : commune_view::level_label(ctx, *parse_target_level(v->set.level)));
  cv::text(d, "note", v->note);
  if (v->unverified) d.set("unverified", true);
  if (v->can_edit) d.set("can_edit", true);
  mustache::list groups;
  for (const auto& g : v->groups) {
    mustache::data x;
    x.set("name", g.name);
    x.set("description", g.description);
    groups.push_back(x);
  }
  if (!groups.empty()) d.set("has_groups", true);
  put(d, "groups", list_data(std::move(groups)));
  mustache::list criteria;
  std::string group;
  for (const auto& c : v->set.criteria) {
    mustache::data x;
    std::string form = "indicator-" + std::to_string(c.id);
    x.set("id", std::to_string(c.id));
    x.set("set_id", std::to_string(v->set.id));
    x.set("number", std::to_string(c.number));
    x.set("name", c.name);
    if (!c.group.empty() && c.group != group) {
      x.set("group_heading", c.group);
      group = c.group;
    }
    mustache::list indicators;
    for (const auto& i : c.indicators) {
      mustache::data y;
      y.set("id", std::to_string(i.id));
      y.set("set_id", std::to_string(v->set.id));
      y.set("code", i.code);
      y.set("name", i.name);
      cv::text(y, "unit", i.measure_unit);
      cv::text(y, "target", i.target);
      cv::text(y, "group", i.commune_group);
      if (!i.active) y.set("retired", true);
      if (v->can_edit && i.active) y.set("can_retire", true);
      indicators.push_back(y);
    }
    if (!indicators.empty()) x.set("has_indicators", true);
    put(x, "indicators", list_data(std::move(indicators)));
    if (v->can_edit) {
      x.set("can_edit", true);
      put(x, "form", form_echo(ctx, refused, form, {"code", "name", "measure_unit", "target", "commune_group"}));
      if (refused && refused->form == form) x.set("open", true);
      if (!v->groups.empty()) x.set("has_groups", true);
    }
    criteria.push_back(x);
  }
  put(d, "criteria", list_data(std::move(criteria)));
  return deps.views->page(ctx, "pages/criteria_set", v->set.name, std::move(d), status);
}

}  // namespace

Result<http::Response> criteria_sets_page(const WebDeps& deps, http::Context& ctx) {
  auto sets = deps.communes->criteria_sets(*ctx.principal);
  if (!sets) return fail(sets.error());
  mustache::data d;
  mustache::list rows;
  for (const auto& v : *sets) {
    mustache::data x;
    x.set("id", std::to_string(v.set.id));
    x.set("name", v.set.name);
    x.set("citation", v.set.citation);
    x.set("period", period(v.set));
    x.set("count", std::to_string(v.set.criteria.size()));
    std::size_t indicators = 0;
    for (const auto& c : v.set.criteria) {
      for (const auto& i : c.indicators) indicators += i.active ? 1 : 0;
    }
    x.set("indicators", std::to_string(indicators));
    if (v.unverified) x.set("unverified", true);
    rows.push_back(x);
  }
  put(d, "sets", list_data(std::move(rows)));
  return deps.views->page(ctx, "pages/criteria_sets", ctx.t("commune.criteria_sets"), std::move(d));
}

Result<http::Response> criteria_set_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  return render_set(deps, ctx, *id, nullptr, 200);
}

Result<http::Response> criteria_indicator_add(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto criterion = id_param(ctx.params["criterion"]);
  if (!criterion) return fail(criterion.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  services::IndicatorInput in{form->value("code"), form->value("name"), form->value("measure_unit"),
                              form->value("target"), form->value("commune_group")};
  auto r = deps.communes->add_indicator(*ctx.principal, *criterion, in);
  if (!r) {
    if (!shows_again(r.error())) return fail(r.error());
    Refused refused{"indicator-" + std::to_string(*criterion), &*form, &r.error()};
    return render_set(deps, ctx, *id, &refused, http::status_for(r.error()));
  }
  ctx.set_flash("flash.communes.saved");
  return http::Response::redirect("/criteria/" + std::to_string(*id) + "#criterion-" + std::to_string(*criterion));
}

Result<http::Response> criteria_indicator_retire(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto indicator = id_param(ctx.params["indicator"]);
  if (!indicator) return fail(indicator.error());
  auto r = deps.communes->retire_indicator(*ctx.principal, *indicator);
  if (!r) return fail(r.error());
  ctx.set_flash("flash.communes.retired");
  return http::Response::redirect("/criteria/" + std::to_string(*id) + "#criterion-" + std::to_string(r->criterion_id));
}

}  // namespace thidua::web
