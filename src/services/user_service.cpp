#include "services/user_service.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/auth_service.hpp"
#include "storage/account_repo.hpp"
#include "storage/org_repo.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;

namespace {

/// May `actor` manage accounts of `agency_id` (empty: installation-wide accounts)?
bool may_manage(const Principal& actor, std::optional<std::int64_t> agency_id) {
  for (const auto& g : actor.grants) {
    if (g.role != Role::admin) continue;
    if (!g.agency_id) return true;
    if (agency_id && *g.agency_id == *agency_id) return true;
  }
  return false;
}

json::object user_json(const UserSummary& s) {
  json::array roles;
  for (auto r : s.roles) roles.emplace_back(std::string(to_string(r)));
  return {{"login", s.login}, {"display_name", s.display_name}, {"active", s.active},
          {"agency", s.agency_code}, {"roles", roles}};
}

}  // namespace

std::string normalise_login(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

UserSummary summarize(storage::Tx& tx, const User& u) {
  UserSummary s;
  s.id = u.id;
  s.login = u.login;
  s.display_name = u.display_name;
  s.active = u.active;
  if (u.agency_id) {
    if (auto a = storage::find_agency(tx, *u.agency_id)) s.agency_code = a->code;
  }
  for (const auto& g : storage::grants_for(tx, u.id)) {
    if (std::find(s.roles.begin(), s.roles.end(), g.role) == s.roles.end()) s.roles.push_back(g.role);
  }
  std::sort(s.roles.begin(), s.roles.end());  // the order roles are listed everywhere
  return s;
}

UserService::UserService(std::shared_ptr<storage::Database> db, std::shared_ptr<PasswordHasher> hasher, Clock clock)
    : db_(std::move(db)), hasher_(std::move(hasher)), clock_(std::move(clock)) {}

Result<UserSummary> UserService::add_user(const Principal& actor, NewUserInput in) {
  if (!actor.is_admin()) return fail(ErrorKind::forbidden, "auth.forbidden");
  Error invalid{ErrorKind::validation, "validation.invalid", {}, {}, ""};
  in.login = normalise_login(std::string(text::trim(in.login)));
  if (!is_valid_login(in.login)) invalid.field("login", "user.login_invalid");
  if (!text::is_valid_utf8(in.display_name)) {
    invalid.field("display_name", "validation.bad_utf8");
  } else {
    in.display_name = text::clean_input(in.display_name);
    if (in.display_name.empty()) invalid.field("display_name", "validation.required");
    if (in.display_name.size() > 200) invalid.field("display_name", "validation.too_long");
  }
  if (auto p = password_problem(in.password); !p.empty()) invalid.field("password", p);
  std::vector<Role> roles;
  for (const auto& name : in.roles) {
    auto r = parse_role(name);
    if (!r) {
      invalid.field("roles", "user.role_invalid");
      break;
    }
    if (std::find(roles.begin(), roles.end(), *r) == roles.end()) roles.push_back(*r);
  }
  if (in.roles.empty()) invalid.field("roles", "user.role_required");
  if (in.lang != "vi" && in.lang != "en") invalid.field("lang", "validation.invalid");
  if (!invalid.fields.empty()) return fail(invalid);

  auto hash = hasher_->hash(in.password);
  if (!hash) return fail(ErrorKind::internal, "internal", "argon2id could not allocate memory");
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<UserSummary> {
    std::optional<std::int64_t> agency_id;
    if (!in.agency_code.empty()) {
      auto a = storage::find_agency_by_code(tx, in.agency_code);
      if (!a) {
        return fail(Error{ErrorKind::validation, "validation.invalid", {}, {{"agency", "agency.not_found"}}, ""});
      }
      agency_id = a->id;
    }
    if (!may_manage(actor, agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
    for (auto r : roles) {
      if (r != Role::admin && !agency_id) {
        return fail(Error{ErrorKind::validation, "validation.invalid", {}, {{"agency", "user.agency_required"}}, ""});
      }
    }
    if (storage::find_user_by_login(tx, in.login)) {
      return fail(Error{ErrorKind::conflict, "user.login_taken", {{"login", in.login}}, {{"login", "user.login_taken"}}, ""});
    }
    User u;
    u.login = in.login;
    u.display_name = in.display_name;
    u.password_hash = *hash;
    u.agency_id = agency_id;
    u.lang = in.lang;
    u.created_at = u.updated_at = to_iso(now);
    u.id = storage::insert_user(tx, u);
    for (auto r : roles) {
      storage::insert_grant(tx, u.id, RoleGrant{r, agency_id, std::nullopt}, to_iso(now));
    }
    auto summary = summarize(tx, u);
    record_audit(tx, actor, {"user.create", "user_account", std::to_string(u.id), "", json::serialize(user_json(summary))},
                 now);
    return summary;
  });
}

Result<void> UserService::set_password(const Principal& actor, const std::string& login_name,
                                       const std::string& password) {
  const std::string login = normalise_login(login_name);
  if (auto p = password_problem(password); !p.empty()) {
    return fail(Error{ErrorKind::validation, "validation.invalid", {}, {{"password", p}}, ""});
  }
  auto hash = hasher_->hash(password);
  if (!hash) return fail(ErrorKind::internal, "internal", "argon2id could not allocate memory");
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<void> {
    auto u = storage::find_user_by_login(tx, login);
    if (!u) return fail(Error{ErrorKind::not_found, "user.not_found", {{"login", login}}, {}, ""});
    if (!may_manage(actor, u->agency_id) && actor.user_id != u->id) return fail(ErrorKind::forbidden, "auth.forbidden");
    if (!storage::update_password(tx, *u, *hash, to_iso(now))) return fail(ErrorKind::conflict, "edit.stale");
    // A new password ends the sessions opened with the old one.
    storage::delete_user_sessions(tx, u->id);
    invalidate_cached_sessions();
    record_audit(tx, actor, {"user.password", "user_account", std::to_string(u->id), "", ""}, now);
    return {};
  });
}

Result<void> UserService::set_active(const Principal& actor, const std::string& login_name, bool active) {
  const std::string login = normalise_login(login_name);
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<void> {
    auto u = storage::find_user_by_login(tx, login);
    if (!u) return fail(Error{ErrorKind::not_found, "user.not_found", {{"login", login}}, {}, ""});
    if (!may_manage(actor, u->agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
    if (u->active == active) return {};
    if (!storage::update_status(tx, *u, active, to_iso(now))) return fail(ErrorKind::conflict, "edit.stale");
    if (!active) {
      storage::delete_user_sessions(tx, u->id);
      invalidate_cached_sessions();
    }
    json::object before{{"active", u->active}}, after{{"active", active}};
    record_audit(tx, actor,
                 {active ? "user.enable" : "user.disable", "user_account", std::to_string(u->id),
                  json::serialize(before), json::serialize(after)},
                 now);
    return {};
  });
}

Result<std::vector<UserSummary>> UserService::list_users(const Principal& actor) {
  if (!actor.is_admin()) return fail(ErrorKind::forbidden, "auth.forbidden");
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<UserSummary>> {
    std::vector<UserSummary> out;
    for (const auto& u : storage::list_users(tx)) {
      if (may_manage(actor, u.agency_id)) out.push_back(summarize(tx, u));
    }
    return out;
  });
}

Result<UserSummary> UserService::get_user(const Principal& actor, const std::string& login) {
  return db_->read([&](storage::Tx& tx) -> Result<UserSummary> {
    auto u = storage::find_user_by_login(tx, normalise_login(login));
    // Not visible is the same as not there: no probing for other agencies' accounts.
    if (!u || (!may_manage(actor, u->agency_id) && actor.user_id != u->id)) {
      return fail(Error{ErrorKind::not_found, "user.not_found", {{"login", login}}, {}, ""});
    }
    return summarize(tx, *u);
  });
}

Result<long long> UserService::count_admins() {
  return db_->read([](storage::Tx& tx) -> Result<long long> { return storage::count_admins(tx); });
}

Result<Agency> UserService::ensure_agency(const Principal& actor, const std::string& code, const std::string& name) {
  if (!may_manage(actor, std::nullopt)) return fail(ErrorKind::forbidden, "auth.forbidden");
  if (code.empty() || code.size() > 20 || name.empty() || !text::is_valid_utf8(name)) {
    return fail(ErrorKind::validation, "validation.invalid");
  }
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Agency> {
    if (auto a = storage::find_agency_by_code(tx, code)) return *a;
    Agency a{0, code, text::clean_input(name)};
    a.id = storage::insert_agency(tx, a.code, a.name, to_iso(now));
    storage::record_agency_name(tx, a.id, a.name, "1900-01-01");
    json::object after{{"code", a.code}, {"name", a.name}};
    record_audit(tx, actor, {"agency.create", "agency", std::to_string(a.id), "", json::serialize(after)}, now);
    return a;
  });
}

}  // namespace thidua::services
