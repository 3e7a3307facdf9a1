#include "storage/notification_repo.hpp"

#include <soci/soci.h>

#include "storage/notification_sql.hpp"

namespace thidua::storage {

namespace {

struct NotificationBind {
  long long id = 0, user = 0, agency = 0, by = 0;
  soci::indicator agency_ind = soci::i_null, by_ind = soci::i_null;
  std::string kind, title, body, link, dedupe, created_at, read_at, due_date, emailed_at;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(user));
    st.exchange(soci::into(agency, agency_ind));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(title));
    st.exchange(soci::into(body));
    st.exchange(soci::into(link));
    st.exchange(soci::into(dedupe));
    st.exchange(soci::into(by, by_ind));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(read_at));
    st.exchange(soci::into(due_date));
    st.exchange(soci::into(emailed_at));
  }
  Notification get() const {
    Notification n;
    n.id = id;
    n.user_id = user;
    if (agency_ind == soci::i_ok) n.agency_id = agency;
    n.kind = kind;
    n.title = title;
    n.body = body;
    n.link = link;
    n.dedupe_key = dedupe;
    if (by_ind == soci::i_ok) n.created_by = by;
    n.created_at = created_at;
    n.read_at = read_at;
    n.due_date = due_date;
    n.emailed_at = emailed_at;
    return n;
  }
};

}  // namespace

bool insert_notification(Tx& tx, const Notification& n, const std::string& at) {
  long long user = n.user_id, agency = n.agency_id.value_or(0), by = n.created_by.value_or(0);
  soci::indicator ai = n.agency_id ? soci::i_ok : soci::i_null, bi = n.created_by ? soci::i_ok : soci::i_null;
  soci::indicator di = n.dedupe_key.empty() ? soci::i_null : soci::i_ok;
  soci::indicator dd = n.due_date.empty() ? soci::i_null : soci::i_ok;
  soci::statement st = (tx.sql().prepare << sql::kInsertNotification, soci::use(user), soci::use(agency, ai),
                        soci::use(n.kind), soci::use(n.title), soci::use(n.body), soci::use(n.link),
                        soci::use(n.dedupe_key, di), soci::use(by, bi), soci::use(at), soci::use(n.due_date, dd));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<Notification> list_notifications(Tx& tx, std::int64_t user_id, bool unread_only, int limit, int offset) {
  long long user = user_id, lim = limit, off = offset;
  NotificationBind b;
  std::string where = unread_only ? "WHERE n.user_id = :u AND n.read_at IS NULL " : "WHERE n.user_id = :u ";
  auto st = tx.prepared(std::string(sql::kNotificationColumns) + where +
                        "ORDER BY n.created_at DESC, n.id DESC LIMIT :lim OFFSET :off");
  b.bind(*st);
  st->exchange(soci::use(user));
  st->exchange(soci::use(lim));
  st->exchange(soci::use(off));
  st->define_and_bind();
  std::vector<Notification> out;
  if (st->execute(true)) {
    do {
      out.push_back(b.get());
    } while (st->fetch());
  }
  return out;
}

std::optional<Notification> find_notification(Tx& tx, std::int64_t id_in) {
  long long id = id_in;
  NotificationBind b;
  auto st = tx.prepared(std::string(sql::kNotificationColumns) + "WHERE n.id = :id");
  b.bind(*st);
  st->exchange(soci::use(id));
  st->define_and_bind();
  if (!st->execute(true)) return std::nullopt;
  return b.get();
}

long long count_unread(Tx& tx, std::int64_t user_id) { return count_notifications(tx, user_id, true); }

long long count_notifications(Tx& tx, std::int64_t user_id, bool unread_only) {
  long long user = user_id, n = 0;
  auto st = tx.prepared(unread_only ? sql::kCountUnread : sql::kCountAll);
  st->exchange(soci::into(n));
  st->exchange(soci::use(user));
  st->define_and_bind();
  st->execute(true);
  return n;
}

bool mark_notification_read(Tx& tx, std::int64_t user_id, std::int64_t id_in, const std::string& at) {
  long long user = user_id, id = id_in;
  soci::statement st = (tx.sql().prepare << sql::kMarkRead, soci::use(at), soci::use(id), soci::use(user));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

long long mark_all_notifications_read(Tx& tx, std::int64_t user_id, const std::string& at) {
  long long user = user_id;
  soci::statement st = (tx.sql().prepare << sql::kMarkAllRead, soci::use(at), soci::use(user));
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace thidua::storage
