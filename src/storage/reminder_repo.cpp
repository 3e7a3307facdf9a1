#include "storage/reminder_repo.hpp"

#include <soci/soci.h>

#include "storage/reminder_sql.hpp"

namespace thidua::storage {

std::vector<TaskReminderRow> task_reminders(Tx& tx, const std::string& today, const std::string& horizon) {
  long long user = 0, agency = 0, task = 0, movement = 0;
  int milestone = 0;
  std::string title, due, mtitle, unit;
  auto st = tx.prepared(sql::kReminderTasks);
  st->exchange(soci::into(user));
  st->exchange(soci::into(agency));
  st->exchange(soci::into(task));
  st->exchange(soci::into(title));
  st->exchange(soci::into(due));
  st->exchange(soci::into(movement));
  st->exchange(soci::into(mtitle));
  st->exchange(soci::into(unit));
  st->exchange(soci::into(milestone));
  st->exchange(soci::use(horizon));
  st->exchange(soci::use(today));
  st->define_and_bind();
  std::vector<TaskReminderRow> out;
  if (st->execute(true)) {
    do {
      out.push_back({user, agency, task, title, due, movement, mtitle, unit, milestone != 0});
    } while (st->fetch());
  }
  return out;
}

std::vector<PledgeWindowDue> pledge_windows_between(Tx& tx, const std::string& from, const std::string& horizon) {
  long long movement = 0;
  int year = 0;
  std::string deadline;
  soci::statement st = (tx.sql().prepare << sql::kReminderPledgeWindows, soci::into(movement), soci::into(year),
                        soci::into(deadline), soci::use(from), soci::use(horizon));
  std::vector<PledgeWindowDue> out;
  if (st.execute(true)) {
    do {
      out.push_back({movement, year, deadline});
    } while (st.fetch());
  }
  return out;
}

std::vector<DossierDue> dossiers_due(Tx& tx, const std::string& from, const std::string& horizon) {
  long long id = 0, agency = 0, unit = 0;
  DossierDue d;
  soci::statement st = (tx.sql().prepare << sql::kReminderDossiers, soci::into(id), soci::into(agency),
                        soci::into(d.subject_name), soci::into(unit), soci::into(d.held_on), soci::into(d.session_title),
                        soci::use(from), soci::use(horizon));
  std::vector<DossierDue> out;
  if (st.execute(true)) {
    do {
      d.nomination_id = id;
      d.agency_id = agency;
      d.unit_id = unit;
      out.push_back(d);
    } while (st.fetch());
  }
  return out;
}

std::vector<CommuneUnassessed> communes_unassessed(Tx& tx, int year) {
  const std::string ys = std::to_string(year) + "-01-01", ye = std::to_string(year) + "-12-31";
  long long assignment = 0, agency = 0, commune = 0, user = 0;
  CommuneUnassessed c;
  soci::statement st = (tx.sql().prepare << sql::kReminderCommunes, soci::into(assignment), soci::into(agency),
                        soci::into(commune), soci::into(c.commune_name), soci::into(c.commune_kind), soci::into(user), soci::use(ye),
                        soci::use(ys), soci::use(ys), soci::use(ye));
  std::vector<CommuneUnassessed> out;
  if (st.execute(true)) {
    do {
      c.assignment_id = assignment;
      c.agency_id = agency;
      c.commune_id = commune;
      c.user_id = user;
      out.push_back(c);
    } while (st.fetch());
  }
  return out;
}

std::vector<std::int64_t> office_users(Tx& tx, std::int64_t agency_id) {
  long long a = agency_id, user = 0;
  soci::statement st = (tx.sql().prepare << sql::kOfficeUsers, soci::into(user), soci::use(a));
  std::vector<std::int64_t> out;
  if (st.execute(true)) {
    do {
      out.push_back(user);
    } while (st.fetch());
  }
  return out;
}

std::set<std::int64_t> users_with_key(Tx& tx, const std::string& dedupe_key) {
  long long user = 0;
  soci::statement st = (tx.sql().prepare << sql::kUsersWithKey, soci::into(user), soci::use(dedupe_key));
  std::set<std::int64_t> out;
  if (st.execute(true)) {
    do {
      out.insert(user);
    } while (st.fetch());
  }
  return out;
}

std::vector<MailDue> notifications_to_email(Tx& tx, const std::string& since, int limit) {
  long long id = 0, lim = limit;
  MailDue m;
  soci::statement st = (tx.sql().prepare << sql::kToEmail, soci::into(id), soci::into(m.email),
                        soci::into(m.display_name), soci::into(m.kind), soci::into(m.title), soci::into(m.body),
                        soci::into(m.link), soci::into(m.due_date), soci::use(since), soci::use(lim));
  std::vector<MailDue> out;
  if (st.execute(true)) {
    do {
      m.id = id;
      out.push_back(m);
    } while (st.fetch());
  }
  return out;
}

bool mark_emailed(Tx& tx, std::int64_t id_in, const std::string& at) {
  long long id = id_in;
  soci::statement st = (tx.sql().prepare << sql::kMarkEmailed, soci::use(at), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<UserEmail> user_email(Tx& tx, const std::string& login) {
  long long id = 0, agency = 0;
  soci::indicator ai = soci::i_null;
  UserEmail u;
  tx.sql() << sql::kUserEmail, soci::into(id), soci::into(u.email), soci::into(agency, ai), soci::use(login);
  if (!tx.sql().got_data()) return std::nullopt;
  u.id = id;
  if (ai == soci::i_ok) u.agency_id = agency;
  return u;
}

std::map<std::int64_t, std::string> user_emails(Tx& tx) {
  long long id = 0;
  std::string email;
  soci::statement st = (tx.sql().prepare << sql::kUserEmails, soci::into(id), soci::into(email));
  std::map<std::int64_t, std::string> out;
  if (st.execute(true)) {
    do {
      out[id] = email;
    } while (st.fetch());
  }
  return out;
}

void set_user_email(Tx& tx, std::int64_t user_id, const std::string& email, const std::string& at) {
  long long id = user_id;
  tx.sql() << sql::kSetUserEmail, soci::use(email), soci::use(at), soci::use(id);
}

}  // namespace thidua::storage
