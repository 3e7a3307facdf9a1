#pragma once
/// Agencies, user accounts, role grants, sessions and API tokens in storage.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/account.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

std::optional<Agency> find_agency(Tx& tx, std::int64_t id);
std::optional<Agency> find_agency_by_code(Tx& tx, const std::string& code);
std::int64_t insert_agency(Tx& tx, const std::string& code, const std::string& name, const std::string& at);

std::optional<User> find_user(Tx& tx, std::int64_t id);
std::optional<User> find_user_by_login(Tx& tx, const std::string& login);
std::vector<User> list_users(Tx& tx);
long long count_admins(Tx& tx);
std::int64_t insert_user(Tx& tx, const User& user);
/// Optimistic update: false when the row's version is no longer `user.version`.
bool update_password(Tx& tx, const User& user, const std::string& new_hash, const std::string& at);
bool update_status(Tx& tx, const User& user, bool active, const std::string& at);
void update_lang(Tx& tx, std::int64_t user_id, const std::string& lang);

std::vector<RoleGrant> grants_for(Tx& tx, std::int64_t user_id);
void insert_grant(Tx& tx, std::int64_t user_id, const RoleGrant& grant, const std::string& at);
/// Removes the user's grants of `role` in `agency_id`.
void delete_grant(Tx& tx, std::int64_t user_id, Role role, std::int64_t agency_id);
/// Accounts of `agency_id` that no person is linked to, by login.
std::vector<User> unlinked_users(Tx& tx, std::int64_t agency_id);

struct NewSession {
  std::string token_hash;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::string created_at;
  std::string expires_at;
  std::string remote_addr;
  std::string user_agent;
};
std::int64_t insert_session(Tx& tx, const NewSession& s);
std::optional<Session> find_session_by_hash(Tx& tx, const std::string& token_hash);
void touch_session(Tx& tx, std::int64_t id, const std::string& at);
void delete_session(Tx& tx, std::int64_t id);
void delete_user_sessions(Tx& tx, std::int64_t user_id);
void delete_expired_sessions(Tx& tx, const std::string& now, const std::string& idle_cutoff);

std::int64_t insert_api_token(Tx& tx, std::int64_t user_id, const std::string& name,
                              const std::string& token_hash, const std::string& at);
/// The user id owning a live token with this hash.
std::optional<std::int64_t> find_api_token_user(Tx& tx, const std::string& token_hash);

/// The id of the row just inserted by this session.
std::int64_t last_insert_id(Tx& tx, const char* table);

}  // namespace thidua::storage
