#include "services/list_export.hpp"
#include "web/pages.hpp"

namespace thidua::web {

namespace {

/// The users page; `typed` (issue 7 reminders): the address just typed for one login that was
/// refused, shown back with its message.
struct TypedEmail {
  std::string login;
  std::string email;
  std::string error;
};

Result<http::Response> users_page(const WebDeps& deps, http::Context& ctx, const TypedEmail* typed, unsigned status) {
  auto users = deps.users->list_users(*ctx.principal);
  if (!users) return fail(users.error());
  std::map<std::int64_t, std::string> emails;
  if (deps.reminders) {
    auto e = deps.reminders->emails(*ctx.principal);
    if (!e) return fail(e.error());
    emails = std::move(*e);
  }
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
    const bool refused = typed && typed->login == u.login;
    auto it = emails.find(u.id);
    row.set("email", refused ? typed->email : it == emails.end() ? "" : it->second);
    row.set("email_error", refused ? mustache::data(ctx.t(typed->error)) : mustache::data(false));
    rows.push_back(row);
  }
  mustache::data d;
  if (!users->empty()) d.set("has_users", true);
  d.set("users", rows);
  return deps.views->page(ctx, "pages/admin_users", ctx.t("admin.users_title"), std::move(d), status);
}

}  // namespace

Result<http::Response> admin_users(const WebDeps& deps, http::Context& ctx) {
  return users_page(deps, ctx, nullptr, 200);
}

Result<http::Response> admin_user_email(const WebDeps& deps, http::Context& ctx) {
  const auto& f = ctx.form();
  if (!f) return fail(f.error());
  const std::string login = ctx.params["login"];
  const std::string email = f->value("email");
  auto r = deps.reminders->set_email(*ctx.principal, login, email);
  if (!r) {
    if (r.error().kind != ErrorKind::validation) return fail(r.error());
    TypedEmail typed{login, email, r.error().code};
    return users_page(deps, ctx, &typed, 422);
  }
  ctx.set_flash("flash.reminder.email_saved");
  return http::Response::redirect("/admin/users");
}

Result<http::Response> admin_users_export(const WebDeps& deps, http::Context& ctx) {
  auto bytes = services::export_users(*deps.users, *ctx.principal);
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "danh-sach-tai-khoan.xlsx");
}

}  // namespace thidua::web
