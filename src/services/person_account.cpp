// A person's user account, from the person's page: which roles the caller may give, a new
// account linked to the person in one transaction, and the roles of the linked account.

#include <algorithm>

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/auth_service.hpp"
#include "services/scope.hpp"
#include "services/user_service.hpp"
#include "storage/account_repo.hpp"
#include "storage/people_repo.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;

std::vector<Role> grantable_roles(const Principal& actor, std::int64_t agency_id) {
  if (is_installation_admin(actor)) {
    return {Role::admin, Role::office, Role::leader, Role::council, Role::unit_head, Role::staff, Role::authority};
  }
  if (actor.has_role_in(Role::admin, agency_id)) {
    return {Role::admin, Role::office, Role::leader, Role::council, Role::unit_head, Role::staff};
  }
  if (actor.has_role_in(Role::office, agency_id)) {
    return {Role::office, Role::leader, Role::council, Role::unit_head, Role::staff};
  }
  return {};
}

namespace {

Error invalid() { return Error{ErrorKind::validation, "validation.invalid", {}, {}, ""}; }

/// The roles named in `names`, each one the caller may give; field errors on "roles" otherwise.
std::vector<Role> chosen_roles(Error& e, const std::vector<std::string>& names, const std::vector<Role>& grantable) {
  std::vector<Role> out;
  for (const auto& name : names) {
    auto r = parse_role(name);
    if (!r || std::find(grantable.begin(), grantable.end(), *r) == grantable.end()) {
      e.field("roles", r ? "account_link.role_not_grantable" : "user.role_invalid");
      return {};
    }
    if (std::find(out.begin(), out.end(), *r) == out.end()) out.push_back(*r);
  }
  if (names.empty()) e.field("roles", "user.role_required");
  return out;
}

/// A grant of `role` in the person's agency; unit heads and staff on the person's unit.
RoleGrant grant_for(Role role, const Person& p) {
  RoleGrant g{role, p.agency_id, std::nullopt};
  if ((role == Role::unit_head || role == Role::staff) && p.unit_id) g.unit_id = p.unit_id;
  return g;
}

json::array role_names(const std::vector<Role>& roles) {
  json::array out;
  for (auto r : roles) out.emplace_back(std::string(to_string(r)));
  return out;
}

/// The person `id` for an account change by `actor`: "not found" unless readable, forbidden
/// unless the actor may give roles in the person's agency.
Result<Person> person_for_accounts(storage::Tx& tx, const Principal& actor, std::int64_t id) {
  auto p = storage::find_person(tx, id);
  if (!p || !can_read_agency(tx, actor, p->agency_id)) return fail(ErrorKind::not_found, "person.not_found");
  if (!can_manage_agency(actor, p->agency_id) || grantable_roles(actor, p->agency_id).empty()) {
    return fail(ErrorKind::forbidden, "auth.forbidden");
  }
  return *p;
}

}  // namespace

Result<PersonAccountView> UserService::person_account(const Principal& actor, std::int64_t person_id) {
  return db_->read([&](storage::Tx& tx) -> Result<PersonAccountView> {
    auto p = storage::find_person(tx, person_id);
    if (!p || !can_read_agency(tx, actor, p->agency_id)) return fail(ErrorKind::not_found, "person.not_found");
    PersonAccountView v;
    if (p->user_id) {
      if (auto u = storage::find_user(tx, *p->user_id)) v.account = summarize(tx, *u);
    }
    if (can_manage_agency(actor, p->agency_id)) v.grantable = grantable_roles(actor, p->agency_id);
    v.can_edit = !v.grantable.empty();
    if (v.can_edit && !v.account) {
      for (const auto& u : storage::unlinked_users(tx, p->agency_id)) v.unlinked.push_back(summarize(tx, u));
    }
    return v;
  });
}

Result<PersonAccount> UserService::create_person_account(const Principal& actor, std::int64_t person_id,
                                                         PersonAccountInput in) {
  in.login = normalise_login(std::string(text::trim(in.login)));
  PersonAccount out;
  if (in.password.empty()) {
    out.generated_password = generate_password();
    in.password = out.generated_password;
  }
  // Check what needs no database first, so that a wrong form costs no password hash.
  Error e = invalid();
  if (!is_valid_login(in.login)) e.field("login", in.login.empty() ? "validation.required" : "user.login_invalid");
  if (auto problem = password_problem(in.password); !problem.empty()) e.field("password", problem);
  if (in.lang != "vi" && in.lang != "en") e.field("lang", "validation.invalid");
  auto checked = db_->read([&](storage::Tx& tx) -> Result<void> {
    auto p = person_for_accounts(tx, actor, person_id);
    if (!p) return fail(p.error());
    chosen_roles(e, in.roles, grantable_roles(actor, p->agency_id));
    return {};
  });
  if (!checked) return fail(checked.error());
  if (!e.fields.empty()) return fail(e);

  auto hash = hasher_->hash(in.password);
  if (!hash) return fail(ErrorKind::internal, "internal", "argon2id could not allocate memory");
  const auto now = clock_();
  auto done = db_->write([&](storage::Tx& tx) -> Result<UserSummary> {
    auto p = person_for_accounts(tx, actor, person_id);
    if (!p) return fail(p.error());
    if (p->user_id) return fail(ErrorKind::conflict, "account_link.person_linked");
    Error again = invalid();
    auto roles = chosen_roles(again, in.roles, grantable_roles(actor, p->agency_id));
    if (!again.fields.empty()) return fail(again);
    if (storage::find_user_by_login(tx, in.login)) {
      return fail(Error{ErrorKind::conflict, "user.login_taken", {{"login", in.login}}, {{"login", "user.login_taken"}}, ""});
    }
    User u;
    u.login = in.login;
    u.display_name = p->full_name;
    u.password_hash = *hash;
    u.agency_id = p->agency_id;
    u.lang = in.lang;
    u.created_at = u.updated_at = to_iso(now);
    u.id = storage::insert_user(tx, u);
    for (auto r : roles) storage::insert_grant(tx, u.id, grant_for(r, *p), to_iso(now));
    storage::link_person_user(tx, person_id, u.id);
    json::object account{{"login", u.login}, {"display_name", u.display_name}, {"roles", role_names(roles)}};
    record_audit(tx, actor, {"user.create", "user_account", std::to_string(u.id), "", json::serialize(account)}, now);
    json::object linked{{"login", u.login}};
    record_audit(tx, actor, {"person.link_account", "person", std::to_string(person_id), "", json::serialize(linked)},
                 now);
    return summarize(tx, u);
  });
  if (!done) return fail(done.error());
  out.account = std::move(*done);
  return out;
}

Result<UserSummary> UserService::set_person_roles(const Principal& actor, std::int64_t person_id,
                                                  const std::vector<std::string>& names) {
  const auto now = clock_();
  auto done = db_->write([&](storage::Tx& tx) -> Result<UserSummary> {
    auto p = person_for_accounts(tx, actor, person_id);
    if (!p) return fail(p.error());
    if (!p->user_id) return fail(ErrorKind::validation, "account_link.not_linked");
    auto u = storage::find_user(tx, *p->user_id);
    if (!u) return fail(ErrorKind::validation, "account_link.not_linked");
    // Nobody changes their own roles: an Office clerk could otherwise lock themselves out.
    if (u->id == actor.user_id) {
      return fail(Error{ErrorKind::validation, "validation.invalid", {}, {{"roles", "account_link.own_roles"}}, ""});
    }
    const auto grantable = grantable_roles(actor, p->agency_id);
    Error e = invalid();
    auto roles = chosen_roles(e, names, grantable);
    if (!e.fields.empty()) return fail(e);
    auto before = summarize(tx, *u);
    // Only the roles the caller may give change; the account's other grants stay as they are.
    for (auto r : grantable) {
      bool had = std::find(before.roles.begin(), before.roles.end(), r) != before.roles.end();
      bool wants = std::find(roles.begin(), roles.end(), r) != roles.end();
      if (had && !wants) storage::delete_grant(tx, u->id, r, p->agency_id);
      if (!had && wants) storage::insert_grant(tx, u->id, grant_for(r, *p), to_iso(now));
    }
    auto after = summarize(tx, *u);
    json::object b{{"roles", role_names(before.roles)}}, a{{"roles", role_names(after.roles)}};
    record_audit(tx, actor,
                 {"user.roles", "user_account", std::to_string(u->id), json::serialize(b), json::serialize(a)}, now);
    return after;
  });
  // Signed-in sessions of the account pick up the new roles at once.
  if (done) invalidate_cached_sessions();
  return done;
}

}  // namespace thidua::services
