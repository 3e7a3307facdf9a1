#pragma once
/// Signing in and out, sessions and API tokens.
///
/// A session token is 256 random bits; the browser keeps it in an HttpOnly cookie and the
/// database keeps only its SHA-256. Sessions end after `idle_timeout` without use and after
/// `absolute_timeout` in any case. Failed logins are throttled per account and per address.

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/role.hpp"
#include "services/password.hpp"
#include "services/throttle.hpp"
#include "storage/database.hpp"

namespace thidua::services {

struct AuthConfig {
  std::chrono::seconds idle_timeout{std::chrono::hours(8)};
  std::chrono::seconds absolute_timeout{std::chrono::hours(24 * 7)};
  std::size_t max_failures_per_login = 5;
  std::size_t max_failures_per_address = 20;
  std::chrono::seconds failure_window{std::chrono::minutes(15)};
};

struct LoginResult {
  std::string token;  ///< give to the browser once; never stored
  std::string csrf_token;
  Principal principal;
};

struct SessionContext {
  std::int64_t session_id = 0;
  std::string csrf_token;
  Principal principal;
};

class AuthService {
 public:
  AuthService(std::shared_ptr<storage::Database> db, std::shared_ptr<PasswordHasher> hasher, AuthConfig config,
              Clock clock = system_clock());

  Result<LoginResult> login(const std::string& login, const std::string& password, const std::string& remote_addr,
                            const std::string& user_agent);
  /// The session behind a cookie token; unauthorized when unknown, expired or the account
  /// is disabled.
  Result<SessionContext> resolve_session(const std::string& token);
  Result<void> logout(const std::string& token);
  Result<Principal> resolve_api_token(const std::string& token);
  /// Creates an API token for `login`; only an administrator (or the user for themself).
  Result<std::string> create_api_token(const Principal& actor, const std::string& login, const std::string& name);
  /// Remembers the user's language.
  Result<void> set_language(const Principal& actor, const std::string& lang);
  /// Deletes expired sessions; returns nothing of interest.
  Result<void> purge_expired();

 private:
  std::shared_ptr<storage::Database> db_;
  std::shared_ptr<PasswordHasher> hasher_;
  AuthConfig config_;
  Clock clock_;
  Throttle login_throttle_;
  Throttle address_throttle_;

  // Sessions resolved in the last two seconds, by token hash: a page view and the requests it
  // triggers cost one lookup, not one each. Sign-out here forgets the entry at once; a change
  // made by another process (disabling an account at the command line) takes effect within
  // the two seconds.
  struct CachedSession {
    SessionContext context;
    TimePoint last_seen;
    TimePoint expires;
    std::chrono::steady_clock::time_point fresh_until;
    unsigned long long generation;
  };
  std::mutex cache_mu_;
  std::unordered_map<std::string, CachedSession> cache_;
};

/// Drops every cached session of this process (accounts disabled, passwords changed, roles
/// granted): the next request of each session reads the database again.
void invalidate_cached_sessions();

/// Loads the principal (grants, agency name) of a user id inside a transaction.
Result<Principal> load_principal(storage::Tx& tx, std::int64_t user_id);

/// The operator at the command line: an installation-wide administrator named "cli:<who>".
Principal operator_principal(const std::string& who);

}  // namespace thidua::services
