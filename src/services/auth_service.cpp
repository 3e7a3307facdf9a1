#include "services/auth_service.hpp"

#include <atomic>

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include "services/audit_service.hpp"
#include "services/crypto.hpp"
#include "storage/account_repo.hpp"

namespace thidua::services {

namespace json = boost::json;

AuthService::AuthService(std::shared_ptr<storage::Database> db, std::shared_ptr<PasswordHasher> hasher,
                         AuthConfig config, Clock clock)
    : db_(std::move(db)),
      hasher_(std::move(hasher)),
      config_(config),
      clock_(std::move(clock)),
      login_throttle_(config.max_failures_per_login, config.failure_window),
      address_throttle_(config.max_failures_per_address, config.failure_window) {}

namespace {
std::atomic<unsigned long long> g_session_generation{0};
}  // namespace

void invalidate_cached_sessions() { ++g_session_generation; }

Result<Principal> load_principal(storage::Tx& tx, std::int64_t user_id) {
  auto user = storage::find_user(tx, user_id);
  if (!user) return fail(ErrorKind::unauthorized, "auth.session_expired");
  if (!user->active) return fail(ErrorKind::unauthorized, "auth.account_disabled");
  Principal p;
  p.user_id = user->id;
  p.login = user->login;
  p.display_name = user->display_name;
  p.agency_id = user->agency_id;
  if (user->agency_id) {
    if (auto a = storage::find_agency(tx, *user->agency_id)) p.agency_name = a->name;
  }
  p.grants = storage::grants_for(tx, user->id);
  return p;
}

Principal operator_principal(const std::string& who) {
  Principal p;
  p.user_id = 0;
  p.login = "cli:" + who;
  p.display_name = p.login;
  p.grants.push_back(RoleGrant{Role::admin, std::nullopt, std::nullopt});
  return p;
}

namespace {

Error throttled(long long seconds) {
  long long minutes = (seconds + 59) / 60;
  return Error{ErrorKind::rate_limited, "auth.throttled", {{"minutes", std::to_string(minutes)}}, {}, ""};
}

}  // namespace

Result<LoginResult> AuthService::login(const std::string& login_name, const std::string& password,
                                       const std::string& remote_addr, const std::string& user_agent) {
  const auto now = clock_();
  std::string login = login_name;
  for (auto& c : login) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (login.empty() || password.empty()) {
    Error e{ErrorKind::validation, "auth.missing_credentials", {}, {}, ""};
    if (login.empty()) e.field("login", "validation.required");
    if (password.empty()) e.field("password", "validation.required");
    return fail(e);
  }
  const std::string login_key = "login:" + login;
  const std::string addr_key = "addr:" + remote_addr;
  // Reserve the attempt before the slow password check, so that parallel guesses count too.
  if (auto s = login_throttle_.begin(login_key, now); s > 0) {
    spdlog::warn("login throttled for {} from {}", login, remote_addr);
    return fail(throttled(s));
  }
  if (auto s = address_throttle_.begin(addr_key, now); s > 0) {
    login_throttle_.finish(login_key, now, false);
    spdlog::warn("login throttled for {} from {}", login, remote_addr);
    return fail(throttled(s));
  }
  bool failed = true;
  struct Finish {
    Throttle& a;
    Throttle& b;
    const std::string& ka;
    const std::string& kb;
    TimePoint now;
    bool& failed;
    ~Finish() {
      a.finish(ka, now, failed);
      b.finish(kb, now, failed);
    }
  } finish{login_throttle_, address_throttle_, login_key, addr_key, now, failed};

  auto user = db_->read([&](storage::Tx& tx) -> Result<std::optional<User>> {
    return storage::find_user_by_login(tx, login);
  });
  if (!user) return fail(user.error());
  bool ok = false;
  if (*user && login.size() <= 64) {
    ok = hasher_->verify((*user)->password_hash, password);
  } else {
    hasher_->verify(hasher_->dummy_hash(), password);  // same cost whether or not the login exists
  }
  if (!ok || !(*user)->active) {
    spdlog::info("failed login for {} from {}", login, remote_addr);
    if (ok) return fail(ErrorKind::unauthorized, "auth.account_disabled");
    return fail(ErrorKind::unauthorized, "auth.bad_credentials");
  }
  failed = false;
  login_throttle_.reset(login_key);

  LoginResult out;
  out.token = random_token(32);
  out.csrf_token = random_token(32);
  auto created = db_->write([&](storage::Tx& tx) -> Result<Principal> {
    auto principal = load_principal(tx, (*user)->id);
    if (!principal) return principal;
    storage::NewSession s;
    s.token_hash = sha256_hex(out.token);
    s.user_id = (*user)->id;
    s.csrf_token = out.csrf_token;
    s.created_at = to_iso(now);
    s.expires_at = to_iso(now + config_.absolute_timeout);
    s.remote_addr = remote_addr.substr(0, 64);
    s.user_agent = user_agent.substr(0, 256);
    auto id = storage::insert_session(tx, s);
    json::object after{{"session_id", id}, {"remote_addr", s.remote_addr}};
    record_audit(tx, *principal, {"auth.login", "user_account", std::to_string((*user)->id), "", json::serialize(after)},
                 now);
    return principal;
  });
  if (!created) return fail(created.error());
  out.principal = std::move(*created);
  return out;
}

Result<SessionContext> AuthService::resolve_session(const std::string& token) {
  if (token.empty() || token.size() > 128) return fail(ErrorKind::unauthorized, "auth.required");
  const auto now = clock_();
  const std::string hash = sha256_hex(token);
  const auto steady = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(cache_mu_);
    if (auto it = cache_.find(hash); it != cache_.end()) {
      const auto& c = it->second;
      // Fresh, same generation, still valid, and not yet due for its once-a-minute touch.
      if (steady < c.fresh_until && c.generation == g_session_generation && c.expires > now &&
          c.last_seen + std::chrono::seconds(60) > now) {
        return c.context;
      }
      cache_.erase(it);
    }
  }
  bool touch = false;
  TimePoint last_seen{}, expires{};
  const auto generation = g_session_generation.load();
  auto ctx = db_->read([&](storage::Tx& tx) -> Result<SessionContext> {
    auto s = storage::find_session_by_hash(tx, hash);
    if (!s) return fail(ErrorKind::unauthorized, "auth.session_expired");
    auto last = parse_iso(s->last_seen_at);
    auto end = parse_iso(s->expires_at);
    if (!last || !end || *end <= now || *last + config_.idle_timeout <= now) {
      return fail(ErrorKind::unauthorized, "auth.session_expired");
    }
    touch = *last + std::chrono::seconds(60) <= now;
    last_seen = touch ? now : *last;
    expires = *end;
    auto p = load_principal(tx, s->user_id);
    if (!p) return fail(p.error());
    return SessionContext{s->id, s->csrf_token, std::move(*p)};
  });
  if (ctx && touch) {
    // Idle expiry only needs minute precision; writing once a minute keeps reads read-only.
    auto id = ctx->session_id;
    auto r = db_->write([&](storage::Tx& tx) -> Result<bool> {
      storage::touch_session(tx, id, to_iso(now));
      return true;
    });
    if (!r) spdlog::warn("could not refresh session {}: {}", id, r.error().detail);
  }
  if (ctx) {
    std::lock_guard lock(cache_mu_);
    if (cache_.size() > 10000) cache_.clear();  // bounded; the next requests refill it
    cache_[hash] = CachedSession{*ctx, last_seen, expires, steady + std::chrono::seconds(2), generation};
  }
  return ctx;
}

Result<void> AuthService::logout(const std::string& token) {
  const std::string hash = sha256_hex(token);
  const auto now = clock_();
  {
    std::lock_guard lock(cache_mu_);
    cache_.erase(hash);
  }
  return db_->write([&](storage::Tx& tx) -> Result<void> {
    auto s = storage::find_session_by_hash(tx, hash);
    if (!s) return {};
    storage::delete_session(tx, s->id);
    auto p = load_principal(tx, s->user_id);
    Principal actor = p ? *p : Principal{};
    if (!p) actor.login = "user:" + std::to_string(s->user_id);
    record_audit(tx, actor, {"auth.logout", "user_account", std::to_string(s->user_id), "", ""}, now);
    return {};
  });
}

Result<Principal> AuthService::resolve_api_token(const std::string& token) {
  if (token.empty() || token.size() > 128) return fail(ErrorKind::unauthorized, "auth.bad_token");
  const std::string hash = sha256_hex(token);
  return db_->read([&](storage::Tx& tx) -> Result<Principal> {
    auto uid = storage::find_api_token_user(tx, hash);
    if (!uid) return fail(ErrorKind::unauthorized, "auth.bad_token");
    return load_principal(tx, *uid);
  });
}

Result<std::string> AuthService::create_api_token(const Principal& actor, const std::string& login,
                                                  const std::string& name) {
  if (name.empty() || name.size() > 100) {
    return fail(Error{ErrorKind::validation, "validation.invalid", {}, {{"name", "validation.required"}}, ""});
  }
  const auto now = clock_();
  std::string token = random_token(32);
  auto r = db_->write([&](storage::Tx& tx) -> Result<bool> {
    auto user = storage::find_user_by_login(tx, login);
    if (!user) return fail(ErrorKind::not_found, "user.not_found");
    if (!actor.is_admin() && actor.user_id != user->id) return fail(ErrorKind::forbidden, "auth.forbidden");
    auto id = storage::insert_api_token(tx, user->id, name, sha256_hex(token), to_iso(now));
    json::object after{{"user", user->login}, {"name", name}};
    record_audit(tx, actor, {"api_token.create", "api_token", std::to_string(id), "", json::serialize(after)}, now);
    return true;
  });
  if (!r) return fail(r.error());
  return token;
}

Result<void> AuthService::set_language(const Principal& actor, const std::string& lang) {
  if (lang != "vi" && lang != "en") return fail(ErrorKind::validation, "validation.invalid");
  if (actor.user_id <= 0) return {};
  return db_->write([&](storage::Tx& tx) -> Result<void> {
    storage::update_lang(tx, actor.user_id, lang);
    return {};
  });
}

Result<void> AuthService::purge_expired() {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<void> {
    storage::delete_expired_sessions(tx, to_iso(now), to_iso(now - config_.idle_timeout));
    return {};
  });
}

}  // namespace thidua::services
