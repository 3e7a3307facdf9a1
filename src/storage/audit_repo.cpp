#include "storage/audit_repo.hpp"

#include <soci/soci.h>

#include "storage/audit_sql.hpp"

namespace thidua::storage {

std::pair<std::int64_t, std::string> lock_audit_head(Tx& tx) {
  if (tx.audit_head) return *tx.audit_head;  // this transaction holds the lock already
  tx.sql() << sql::kLockAuditHead;
  tx.audit_head = audit_head(tx);
  return *tx.audit_head;
}

std::pair<std::int64_t, std::string> audit_head(Tx& tx) {
  long long id = 0;
  std::string hash;
  tx.sql() << sql::kAuditHead, soci::into(id), soci::into(hash);
  return {id, hash};
}

void write_audit_head(Tx& tx) {
  if (!tx.audit_head_dirty || !tx.audit_head) return;
  long long id = tx.audit_head->first;
  tx.sql() << sql::kSetAuditHead, soci::use(id), soci::use(tx.audit_head->second);
  tx.audit_head_dirty = false;
}

void append_audit(Tx& tx, const AuditEntry& e) {
  long long id = e.id;
  long long uid = e.actor_user_id.value_or(0);
  soci::indicator ui = e.actor_user_id ? soci::i_ok : soci::i_null;
  soci::indicator bi = e.before_json.empty() ? soci::i_null : soci::i_ok;
  soci::indicator ai = e.after_json.empty() ? soci::i_null : soci::i_ok;
  tx.sql() << sql::kInsertAudit, soci::use(id), soci::use(e.at), soci::use(uid, ui), soci::use(e.actor),
      soci::use(e.action), soci::use(e.entity), soci::use(e.entity_id), soci::use(e.before_json, bi),
      soci::use(e.after_json, ai), soci::use(e.prev_hash), soci::use(e.hash);
  tx.audit_head = std::make_pair(e.id, e.hash);
  tx.audit_head_dirty = true;  // written once at commit (Database::run → write_audit_head)
}

namespace {

void stream(Tx& tx, soci::statement& st, AuditEntry& e, const std::function<void(const AuditEntry&)>& visit,
            long long& id, long long& uid, soci::indicator& ui, soci::indicator& bi, soci::indicator& ai) {
  (void)tx;
  if (!st.execute(true)) return;
  do {
    e.id = id;
    e.actor_user_id = ui == soci::i_ok ? std::optional<std::int64_t>(uid) : std::nullopt;
    if (bi != soci::i_ok) e.before_json.clear();
    if (ai != soci::i_ok) e.after_json.clear();
    visit(e);
  } while (st.fetch());
}

}  // namespace

void for_each_audit(Tx& tx, const std::function<void(const AuditEntry&)>& visit) {
  AuditEntry e;
  long long id = 0, uid = 0;
  soci::indicator ui = soci::i_null, bi = soci::i_null, ai = soci::i_null;
  soci::statement st = (tx.sql().prepare << sql::kAuditAll, soci::into(id), soci::into(e.at), soci::into(uid, ui),
                        soci::into(e.actor), soci::into(e.action), soci::into(e.entity), soci::into(e.entity_id),
                        soci::into(e.before_json, bi), soci::into(e.after_json, ai), soci::into(e.prev_hash),
                        soci::into(e.hash));
  stream(tx, st, e, visit, id, uid, ui, bi, ai);
}

std::vector<AuditEntry> audit_for(Tx& tx, const std::string& entity, const std::string& entity_id) {
  AuditEntry e;
  long long id = 0, uid = 0;
  soci::indicator ui = soci::i_null, bi = soci::i_null, ai = soci::i_null;
  soci::statement st = (tx.sql().prepare << sql::kAuditForEntity, soci::into(id), soci::into(e.at),
                        soci::into(uid, ui), soci::into(e.actor), soci::into(e.action), soci::into(e.entity),
                        soci::into(e.entity_id), soci::into(e.before_json, bi), soci::into(e.after_json, ai),
                        soci::into(e.prev_hash), soci::into(e.hash), soci::into(e.actor_name), soci::use(entity),
                        soci::use(entity_id));
  std::vector<AuditEntry> out;
  stream(tx, st, e, [&](const AuditEntry& x) { out.push_back(x); }, id, uid, ui, bi, ai);
  return out;
}

}  // namespace thidua::storage
