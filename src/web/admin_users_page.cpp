#include "services/list_export.hpp"
#include "web/pages.hpp"

namespace thidua::web {

Result<http::Response> admin_users(const WebDeps& deps, http::Context& ctx) {
  auto users = deps.users->list_users(*ctx.principal);
  if (!users) return fail(users.error());
  mustache::list rows;
  for (const auto& u : *users) {
    mustache::data row;
    row.set("login", u.login);
    row.set("display_name", u.display_name);
    row.set("agency", u.agency_code);
    std::string roles;
    for (auto r : u.roles) {
      if (!roles.empty()) roles += ", ";
      roles += ctx.t("role." + std::string(to_string(r)));
    }
    row.set("roles", roles);
    if (u.active) row.set("active", true);
    rows.push_back(row);
  }
  mustache::data d;
  if (!users->empty()) d.set("has_users", true);
  d.set("users", rows);
  return deps.views->page(ctx, "pages/admin_users", ctx.t("admin.users_title"), std::move(d));
}

Result<http::Response> admin_users_export(const WebDeps& deps, http::Context& ctx) {
  auto bytes = services::export_users(*deps.users, *ctx.principal);
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "danh-sach-tai-khoan.xlsx");
}

}  // namespace thidua::web
