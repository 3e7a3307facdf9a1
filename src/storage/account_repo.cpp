#include "storage/account_repo.hpp"

#include <soci/soci.h>

#include "storage/account_sql.hpp"

namespace thidua::storage {

std::int64_t last_insert_id(Tx& tx, const char* table) {
  long long id = 0;
  if (tx.dialect() == Dialect::sqlite) {
    tx.sql() << "SELECT last_insert_rowid()", soci::into(id);
  } else {
    tx.sql() << "SELECT currval(pg_get_serial_sequence('" << table << "', 'id'))", soci::into(id);
  }
  return id;
}

namespace {

std::optional<Agency> agency_from(soci::session& s, const char* query, auto&& bind) {
  Agency a;
  long long id = 0;
  s << query, soci::into(id), soci::into(a.code), soci::into(a.name), bind;
  if (!s.got_data()) return std::nullopt;
  a.id = id;
  return a;
}

struct UserRow {
  long long id = 0;
  std::string login, name, hash, status;
  long long agency = 0;
  soci::indicator agency_ind = soci::i_null;
  std::string lang, created, updated;
  long long version = 0;

  void into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(login));
    st.exchange(soci::into(name));
    st.exchange(soci::into(hash));
    st.exchange(soci::into(status));
    st.exchange(soci::into(agency, agency_ind));
    st.exchange(soci::into(lang));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
    st.exchange(soci::into(version));
  }
  User to_user() const {
    User u;
    u.id = id;
    u.login = login;
    u.display_name = name;
    u.password_hash = hash;
    u.active = status == "active";
    if (agency_ind == soci::i_ok) u.agency_id = agency;
    u.lang = lang;
    u.created_at = created;
    u.updated_at = updated;
    u.version = version;
    return u;
  }
};

template <class Bind>
std::vector<User> query_users(Tx& tx, const char* query, Bind&& bind, bool has_bind) {
  UserRow row;
  soci::statement st(tx.sql());
  st.alloc();
  st.prepare(query);
  row.into(st);
  if (has_bind) st.exchange(bind);
  st.define_and_bind();
  std::vector<User> out;
  if (st.execute(true)) {
    do {
      out.push_back(row.to_user());
    } while (st.fetch());
  }
  return out;
}

}  // namespace

std::optional<Agency> find_agency(Tx& tx, std::int64_t id) {
  long long v = id;
  return agency_from(tx.sql(), sql::kAgencyById, soci::use(v));
}

std::optional<Agency> find_agency_by_code(Tx& tx, const std::string& code) {
  return agency_from(tx.sql(), sql::kAgencyByCode, soci::use(code));
}

std::int64_t insert_agency(Tx& tx, const std::string& code, const std::string& name, const std::string& at) {
  tx.sql() << sql::kInsertAgency, soci::use(code), soci::use(name), soci::use(at);
  return last_insert_id(tx, "agency");
}

std::optional<User> find_user(Tx& tx, std::int64_t id) {
  long long v = id;
  auto users = query_users(tx, sql::kUserById, soci::use(v), true);
  if (users.empty()) return std::nullopt;
  return users.front();
}

std::optional<User> find_user_by_login(Tx& tx, const std::string& login) {
  auto users = query_users(tx, sql::kUserByLogin, soci::use(login), true);
  if (users.empty()) return std::nullopt;
  return users.front();
}

std::vector<User> list_users(Tx& tx) {
  int unused = 0;
  return query_users(tx, sql::kListUsers, soci::use(unused), false);
}

long long count_admins(Tx& tx) {
  long long n = 0;
  tx.sql() << sql::kCountAdmins, soci::into(n);
  return n;
}

std::int64_t insert_user(Tx& tx, const User& u) {
  long long agency = u.agency_id.value_or(0);
  soci::indicator agency_ind = u.agency_id ? soci::i_ok : soci::i_null;
  tx.sql() << sql::kInsertUser, soci::use(u.login), soci::use(u.display_name), soci::use(u.password_hash),
      soci::use(agency, agency_ind), soci::use(u.lang), soci::use(u.created_at), soci::use(u.updated_at);
  return last_insert_id(tx, "user_account");
}

bool update_password(Tx& tx, const User& u, const std::string& new_hash, const std::string& at) {
  long long id = u.id, version = u.version;
  soci::statement st = (tx.sql().prepare << sql::kUpdatePassword, soci::use(new_hash), soci::use(at),
                        soci::use(id), soci::use(version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool update_status(Tx& tx, const User& u, bool active, const std::string& at) {
  long long id = u.id, version = u.version;
  std::string status = active ? "active" : "disabled";
  soci::statement st = (tx.sql().prepare << sql::kUpdateStatus, soci::use(status), soci::use(at),
                        soci::use(id), soci::use(version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void update_lang(Tx& tx, std::int64_t user_id, const std::string& lang) {
  long long id = user_id;
  tx.sql() << sql::kUpdateLang, soci::use(lang), soci::use(id);
}

std::vector<RoleGrant> grants_for(Tx& tx, std::int64_t user_id) {
  long long uid = user_id;
  std::string role;
  long long agency = 0, unit = 0;
  soci::indicator ai = soci::i_null, ui = soci::i_null;
  soci::statement st = (tx.sql().prepare << sql::kGrantsForUser, soci::into(role), soci::into(agency, ai),
                        soci::into(unit, ui), soci::use(uid));
  std::vector<RoleGrant> out;
  if (st.execute(true)) {
    do {
      if (auto r = parse_role(role)) {
        RoleGrant g;
        g.role = *r;
        if (ai == soci::i_ok) g.agency_id = agency;
        if (ui == soci::i_ok) g.unit_id = unit;
        out.push_back(g);
      }
    } while (st.fetch());
  }
  return out;
}

void insert_grant(Tx& tx, std::int64_t user_id, const RoleGrant& g, const std::string& at) {
  long long uid = user_id;
  std::string role(to_string(g.role));
  long long agency = g.agency_id.value_or(0), unit = g.unit_id.value_or(0);
  soci::indicator ai = g.agency_id ? soci::i_ok : soci::i_null;
  soci::indicator ui = g.unit_id ? soci::i_ok : soci::i_null;
  tx.sql() << sql::kInsertGrant, soci::use(uid), soci::use(role), soci::use(agency, ai), soci::use(unit, ui),
      soci::use(at);
}

void delete_grant(Tx& tx, std::int64_t user_id, Role role, std::int64_t agency_id) {
  long long uid = user_id, agency = agency_id;
  std::string r(to_string(role));
  tx.sql() << sql::kDeleteGrant, soci::use(uid), soci::use(r), soci::use(agency);
}

std::vector<User> unlinked_users(Tx& tx, std::int64_t agency_id) {
  long long a = agency_id;
  return query_users(tx, sql::kUnlinkedUsers, soci::use(a), true);
}

std::int64_t insert_session(Tx& tx, const NewSession& s) {
  long long uid = s.user_id;
  tx.sql() << sql::kInsertSession, soci::use(s.token_hash), soci::use(uid), soci::use(s.csrf_token),
      soci::use(s.created_at), soci::use(s.created_at), soci::use(s.expires_at), soci::use(s.remote_addr),
      soci::use(s.user_agent);
  return last_insert_id(tx, "auth_session");
}

std::optional<Session> find_session_by_hash(Tx& tx, const std::string& token_hash) {
  Session s;
  long long id = 0, uid = 0;
  tx.sql() << sql::kSessionByHash, soci::into(id), soci::into(uid), soci::into(s.csrf_token),
      soci::into(s.created_at), soci::into(s.last_seen_at), soci::into(s.expires_at), soci::use(token_hash);
  if (!tx.sql().got_data()) return std::nullopt;
  s.id = id;
  s.user_id = uid;
  return s;
}

void touch_session(Tx& tx, std::int64_t id, const std::string& at) {
  long long v = id;
  tx.sql() << sql::kTouchSession, soci::use(at), soci::use(v);
}

void delete_session(Tx& tx, std::int64_t id) {
  long long v = id;
  tx.sql() << sql::kDeleteSession, soci::use(v);
}

void delete_user_sessions(Tx& tx, std::int64_t user_id) {
  long long v = user_id;
  tx.sql() << sql::kDeleteUserSessions, soci::use(v);
}

void delete_expired_sessions(Tx& tx, const std::string& now, const std::string& idle_cutoff) {
  tx.sql() << sql::kDeleteExpiredSessions, soci::use(now), soci::use(idle_cutoff);
}

std::int64_t insert_api_token(Tx& tx, std::int64_t user_id, const std::string& name,
                              const std::string& token_hash, const std::string& at) {
  long long uid = user_id;
  tx.sql() << sql::kInsertApiToken, soci::use(uid), soci::use(name), soci::use(token_hash), soci::use(at);
  return last_insert_id(tx, "api_token");
}

std::optional<std::int64_t> find_api_token_user(Tx& tx, const std::string& token_hash) {
  long long id = 0, uid = 0;
  tx.sql() << sql::kApiTokenByHash, soci::into(id), soci::into(uid), soci::use(token_hash);
  if (!tx.sql().got_data()) return std::nullopt;
  return uid;
}

}  // namespace thidua::storage
