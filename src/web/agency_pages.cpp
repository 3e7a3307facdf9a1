#include "services/list_export.hpp"
#include "services/scope.hpp"
#include "web/pages.hpp"

namespace thidua::web {

namespace {

Result<http::Response> render_agencies(const WebDeps& deps, http::Context& ctx, const http::FormData* form,
                                       const Error* error, unsigned status) {
  auto agencies = deps.org->list_agencies(*ctx.principal);
  if (!agencies) return fail(agencies.error());
  std::map<std::int64_t, std::string> names;
  for (const auto& a : *agencies) names[a.agency.id] = a.agency.name;
  mustache::data d;
  mustache::list rows, authorities;
  for (const auto& a : *agencies) {
    mustache::data r;
    r.set("id", std::to_string(a.agency.id));
    r.set("code", a.agency.code);
    r.set("name", a.agency.name);
    if (services::can_edit_agency(*ctx.principal, a.parent_id)) r.set("can_edit", true);
    r.set("kind", ctx.t("agency_kind." + a.kind));
    r.set("parent", a.parent_id && names.count(*a.parent_id) ? names[*a.parent_id] : "");
    r.set("address", a.address);
    auto history = deps.org->agency_history(*ctx.principal, a.agency.id);
    if (history && history->size() > 1) {
      std::string former;
      for (std::size_t i = 0; i + 1 < history->size(); ++i) {
        if (!former.empty()) former += "; ";
        former += (*history)[i].name + " (" + display_date((*history)[i].valid_to) + ")";
      }
      r.set("renamed", ctx.catalogue().format(ctx.lang, "agencies.renamed", {{"names", former}}));
    }
    rows.push_back(r);
    if (a.kind == "authority") {
      mustache::data o;
      o.set("code", a.agency.code);
      o.set("name", a.agency.name);
      authorities.push_back(o);
    }
  }
  d.set("agencies", rows);
  d.set("authorities", authorities);
  if (services::is_installation_admin(*ctx.principal)) d.set("can_create", true);
  if (form) {
    d.set("f_code", form->value("code"));
    d.set("f_name", form->value("name"));
    d.set("f_address", form->value("address"));
  }
  if (error) {
    std::string msg = ctx.message(*error);
    for (const auto& f : error->fields) msg += " " + ctx.field_message(*error, f);
    d.set("error", msg);
  }
  return deps.views->page(ctx, "pages/agencies", ctx.t("agencies.title"), std::move(d), status);
}

}  // namespace

Result<http::Response> agencies_page(const WebDeps& deps, http::Context& ctx) {
  return render_agencies(deps, ctx, nullptr, nullptr, 200);
}

Result<http::Response> agencies_export(const WebDeps& deps, http::Context& ctx) {
  auto bytes = services::export_agencies(*deps.org, *ctx.principal);
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "danh-sach-co-quan.xlsx");
}

Result<http::Response> agency_create(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  services::AgencyInput in;
  in.code = form->value("code");
  in.name = form->value("name");
  in.kind = form->value("kind");
  in.parent_code = form->value("parent_code");
  in.address = form->value("address");
  auto created = deps.org->create_agency(*ctx.principal, in);
  if (!created) {
    const auto& e = created.error();
    if (e.kind != ErrorKind::validation && e.kind != ErrorKind::conflict) return fail(e);
    return render_agencies(deps, ctx, &*form, &e, http::status_for(e));
  }
  return http::Response::redirect("/agencies");
}

}  // namespace thidua::web
