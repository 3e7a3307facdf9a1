#pragma once
// SQL for agencies, accounts, role grants, sessions and API tokens. Portable across SQLite and
// PostgreSQL; counts and sums are cast to BIGINT so both read into long long.

namespace thidua::storage::sql {

inline constexpr const char* kAgencyByCode = "SELECT id, code, name FROM agency WHERE code = :code";
inline constexpr const char* kAgencyById = "SELECT id, code, name FROM agency WHERE id = :id";
inline constexpr const char* kInsertAgency =
    "INSERT INTO agency (code, name, created_at) VALUES (:code, :name, :at)";
inline constexpr const char* kAgencyIdByCode = "SELECT id FROM agency WHERE code = :code";

inline constexpr const char* kUserColumns =
    "id, login, display_name, password_hash, status, agency_id, lang, created_at, updated_at, version";
inline constexpr const char* kUserByLogin =
    "SELECT id, login, display_name, password_hash, status, agency_id, lang, created_at, updated_at, version "
    "FROM user_account WHERE login = :login";
inline constexpr const char* kUserById =
    "SELECT id, login, display_name, password_hash, status, agency_id, lang, created_at, updated_at, version "
    "FROM user_account WHERE id = :id";
inline constexpr const char* kInsertUser =
    "INSERT INTO user_account (login, display_name, password_hash, status, agency_id, lang, created_at, "
    "updated_at, version) VALUES (:login, :name, :hash, 'active', :agency, :lang, :at, :at2, 1)";
inline constexpr const char* kUserIdByLogin = "SELECT id FROM user_account WHERE login = :login";
inline constexpr const char* kUpdatePassword =
    "UPDATE user_account SET password_hash = :hash, updated_at = :at, version = version + 1 "
    "WHERE id = :id AND version = :version";
inline constexpr const char* kUpdateStatus =
    "UPDATE user_account SET status = :status, updated_at = :at, version = version + 1 "
    "WHERE id = :id AND version = :version";
inline constexpr const char* kUpdateLang =
    "UPDATE user_account SET lang = :lang WHERE id = :id";
inline constexpr const char* kCountAdmins =
    "SELECT CAST(COUNT(*) AS BIGINT) FROM user_account u WHERE u.status = 'active' AND EXISTS "
    "(SELECT 1 FROM role_grant g WHERE g.user_id = u.id AND g.role = 'admin')";
inline constexpr const char* kListUsers =
    "SELECT id, login, display_name, password_hash, status, agency_id, lang, created_at, updated_at, version "
    "FROM user_account ORDER BY login";

inline constexpr const char* kGrantsForUser =
    "SELECT role, agency_id, unit_id FROM role_grant WHERE user_id = :uid ORDER BY id";
inline constexpr const char* kInsertGrant =
    "INSERT INTO role_grant (user_id, role, agency_id, unit_id, created_at) "
    "VALUES (:uid, :role, :agency, :unit, :at)";

inline constexpr const char* kDeleteGrant =
    "DELETE FROM role_grant WHERE user_id = :uid AND role = :role AND agency_id = :agency";
// Accounts of an agency that no person's record points to yet.
inline constexpr const char* kUnlinkedUsers =
    "SELECT id, login, display_name, password_hash, status, agency_id, lang, created_at, updated_at, version "
    "FROM user_account u WHERE u.agency_id = :agency AND NOT EXISTS "
    "(SELECT 1 FROM person p WHERE p.user_id = u.id) ORDER BY u.login";

inline constexpr const char* kInsertSession =
    "INSERT INTO auth_session (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, "
    "remote_addr, user_agent) VALUES (:th, :uid, :csrf, :at, :at2, :exp, :addr, :ua)";
inline constexpr const char* kSessionByHash =
    "SELECT id, user_id, csrf_token, created_at, last_seen_at, expires_at FROM auth_session "
    "WHERE token_hash = :th";
inline constexpr const char* kTouchSession = "UPDATE auth_session SET last_seen_at = :at WHERE id = :id";
inline constexpr const char* kDeleteSession = "DELETE FROM auth_session WHERE id = :id";
inline constexpr const char* kDeleteUserSessions = "DELETE FROM auth_session WHERE user_id = :uid";
inline constexpr const char* kDeleteExpiredSessions =
    "DELETE FROM auth_session WHERE expires_at < :now OR last_seen_at < :idle";

inline constexpr const char* kInsertApiToken =
    "INSERT INTO api_token (user_id, name, token_hash, created_at) VALUES (:uid, :name, :th, :at)";
inline constexpr const char* kApiTokenByHash =
    "SELECT id, user_id FROM api_token WHERE token_hash = :th AND revoked_at IS NULL";

}  // namespace thidua::storage::sql
