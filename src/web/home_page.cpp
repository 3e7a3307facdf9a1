#include "web/movement_pages.hpp"
#include "web/pages.hpp"

namespace thidua::web {

Result<http::Response> home(const WebDeps& deps, http::Context& ctx) {
  const Principal& p = *ctx.principal;
  mustache::data d;
  d.set("display_name", p.display_name);
  if (!p.agency_name.empty()) d.set("agency_name", p.agency_name);
  mustache::list roles;
  for (Role r : kAllRoles) {
    if (!p.has_role(r)) continue;
    mustache::data item;
    std::string key(to_string(r));
    item.set("label", ctx.t("role." + key));
    item.set("can", ctx.t("can." + key));
    roles.push_back(item);
  }
  d.set("roles", roles);
  // The to-do list: open tasks of launched movements for the user's units (and the agency's
  // own for the Office and the leaders), soonest first.
  mustache::data tasks = home_tasks(deps, ctx);
  if (tasks.get("has_tasks")) put(d, "todos", std::move(tasks));
  return deps.views->page(ctx, "pages/home", ctx.t("home.title"), std::move(d));
}

}  // namespace thidua::web
