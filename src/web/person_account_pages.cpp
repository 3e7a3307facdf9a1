// The account card of a person's page: the linked account and its roles; for the agency's
// administrator and Office, a new account for the person (the generated password shown once),
// an existing unlinked account of the agency to link, and the roles to give.

#include <algorithm>

#include "web/pages.hpp"

namespace thidua::web {

namespace {

std::string role_label(http::Context& ctx, Role r) { return ctx.t("role." + std::string(to_string(r))); }

/// Checkboxes for the roles the caller may give, ticked as `ticked` says.
mustache::list role_boxes(http::Context& ctx, const std::vector<Role>& grantable, const std::string& prefix,
                          const std::vector<std::string>& ticked) {
  mustache::list out;
  for (auto r : grantable) {
    mustache::data b;
    std::string name(to_string(r));
    b.set("value", name);
    b.set("id", prefix + "-" + name);
    b.set("label", role_label(ctx, r));
    if (std::find(ticked.begin(), ticked.end(), name) != ticked.end()) b.set("checked", true);
    out.push_back(b);
  }
  return out;
}

std::vector<std::string> names_of(const std::vector<Role>& roles) {
  std::vector<std::string> out;
  for (auto r : roles) out.emplace_back(to_string(r));
  return out;
}

std::vector<std::string> roles_in(const http::FormData& f) {
  std::vector<std::string> out;
  for (auto v : f.all("roles")) out.emplace_back(v);
  return out;
}

/// After a change: the person's page, or the same page with the refused form shown again.
template <class T>
Result<http::Response> after(const WebDeps& deps, http::Context& ctx, std::int64_t id, const char* form_name,
                             const http::FormData& form, const Result<T>& r, const char* flash) {
  if (r) {
    ctx.set_flash(flash);
    return http::Response::redirect("/people/" + std::to_string(id));
  }
  if (!shows_again(r.error())) return fail(r.error());
  Refused refused{form_name, &form, &r.error()};
  return render_person(deps, ctx, id, &refused, http::status_for(r.error()));
}

}  // namespace

Result<mustache::data> account_card(const WebDeps& deps, http::Context& ctx, std::int64_t person_id,
                                    const Refused* refused) {
  auto view = deps.users->person_account(*ctx.principal, person_id);
  if (!view) return fail(view.error());
  mustache::data d;
  if (view->account) {
    const auto& a = *view->account;
    d.set("linked", true);
    d.set("login", a.login);
    std::string roles;
    for (auto r : a.roles) roles += (roles.empty() ? "" : ", ") + role_label(ctx, r);
    d.set("roles_text", roles.empty() ? ctx.t("account_link.no_roles") : roles);
    if (!a.active) d.set("disabled", true);
  }
  if (!view->can_edit) return d;
  d.set("can_edit", true);
  // A form refused because the account changed meanwhile (linked by somebody else) is no
  // longer on the card: its message goes to the top of the card.
  const bool shown = refused && ((view->account && refused->form == "roles") ||
                                 (!view->account && (refused->form == "create" || refused->form == "link")));
  if (refused && refused->error && !shown) d.set("error", ctx.message(*refused->error));
  if (view->account && view->account->id == ctx.principal->user_id) {
    d.set("own", true);  // one's own roles are changed by somebody else
    return d;
  }
  if (view->account) {
    auto roles = form_echo(ctx, refused, "roles", {"roles"});
    bool again = refused && refused->form == "roles";
    roles.set("boxes", role_boxes(ctx, view->grantable, "ar",
                                  again ? checked(refused, "roles", "roles") : names_of(view->account->roles)));
    d.set("roles", roles);
    return d;
  }
  auto create = form_echo(ctx, refused, "create", {"login", "password", "roles"});
  bool again = refused && refused->form == "create";
  create.set("boxes", role_boxes(ctx, view->grantable, "ac",
                                 again ? checked(refused, "create", "roles") : std::vector<std::string>{"staff"}));
  d.set("create", create);
  auto link = form_echo(ctx, refused, "link", {"login"});
  const std::string chosen = link.get("login")->string_value();
  mustache::list accounts;
  for (const auto& u : view->unlinked) {
    mustache::data o;
    o.set("login", u.login);
    o.set("label", u.login + " — " + u.display_name);
    if (u.login == chosen) o.set("selected", true);
    accounts.push_back(o);
  }
  if (!view->unlinked.empty()) link.set("has_accounts", true);
  link.set("accounts", accounts);
  d.set("link", link);
  return d;
}

Result<http::Response> person_account_create(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  services::PersonAccountInput in;
  in.login = form->value("login");
  in.password = form->value("password");
  in.roles = roles_in(*form);
  in.lang = ctx.lang == text::Lang::en ? "en" : "vi";
  auto created = deps.users->create_person_account(*ctx.principal, *id, in);
  if (created && !created->generated_password.empty()) {
    // The password is shown on this answer only: it is stored nowhere in clear.
    Notice notice{ctx.catalogue().format(ctx.lang, "account_link.created_with_password",
                                         {{"login", created->account.login}}),
                  created->generated_password};
    return render_person(deps, ctx, *id, nullptr, 200, &notice);
  }
  return after(deps, ctx, *id, "create", *form, created, "flash.registry.account_created");
}

Result<http::Response> person_account_link(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto linked = deps.people->link_account(*ctx.principal, *id, form->value("login"));
  return after(deps, ctx, *id, "link", *form, linked, "flash.registry.account_linked");
}

Result<http::Response> person_account_roles(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto saved = deps.users->set_person_roles(*ctx.principal, *id, roles_in(*form));
  return after(deps, ctx, *id, "roles", *form, saved, "flash.registry.roles_saved");
}

}  // namespace thidua::web
