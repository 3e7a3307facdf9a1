#include "storage/pledge_repo.hpp"

#include <algorithm>
#include <map>

#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/id_list.hpp"
#include "storage/pledge_sql.hpp"

namespace thidua::storage {

namespace {

struct PledgeBind {
  long long id = 0, agency = 0, movement = 0, unit = 0, person = 0, decided_by = 0, created_by = 0, version = 0;
  int year = 0;
  soci::indicator person_ind = soci::i_null, decided_ind = soci::i_null, created_ind = soci::i_null;
  std::string movement_title, subject, unit_name, person_name, status, note, comment, submitted_at, decided_name,
      decided_at, created_at, updated_at;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency));
    st.exchange(soci::into(movement));
    st.exchange(soci::into(movement_title));
    st.exchange(soci::into(year));
    st.exchange(soci::into(subject));
    st.exchange(soci::into(unit));
    st.exchange(soci::into(unit_name));
    st.exchange(soci::into(person, person_ind));
    st.exchange(soci::into(person_name));
    st.exchange(soci::into(status));
    st.exchange(soci::into(note));
    st.exchange(soci::into(comment));
    st.exchange(soci::into(submitted_at));
    st.exchange(soci::into(decided_by, decided_ind));
    st.exchange(soci::into(decided_name));
    st.exchange(soci::into(decided_at));
    st.exchange(soci::into(created_by, created_ind));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(updated_at));
    st.exchange(soci::into(version));
  }
  Pledge get() const {
    Pledge p;
    p.id = id;
    p.agency_id = agency;
    p.movement_id = movement;
    p.movement_title = movement_title;
    p.year = year;
    p.subject = parse_record_subject(subject).value_or(RecordSubject::person);
    p.unit_id = unit;
    p.unit_name = unit_name;
    if (person_ind == soci::i_ok) p.person_id = person;
    p.person_name = person_name;
    p.status = parse_pledge_status(status).value_or(PledgeStatus::draft);
    p.note = note;
    p.last_comment = comment;
    p.submitted_at = submitted_at;
    if (decided_ind == soci::i_ok) p.decided_by = decided_by;
    p.decided_by_name = decided_name;
    p.decided_at = decided_at;
    if (created_ind == soci::i_ok) p.created_by = created_by;
    p.created_at = created_at;
    p.updated_at = updated_at;
    p.version = version;
    return p;
  }
};

/// Targets and titles of the pledges in `out`, in one query each.
void fill_details(Tx& tx, std::vector<Pledge>& out) {
  if (out.empty()) return;
  std::map<long long, Pledge*> by_id;
  std::vector<std::int64_t> ids;
  for (auto& p : out) {
    by_id[p.id] = &p;
    ids.push_back(p.id);
  }
  const std::string in = id_list(ids);
  {
    long long id = 0, pledge = 0, item = 0, target = 0, commune = 0;
    int position = 0;
    soci::indicator commune_ind = soci::i_null;
    std::string item_text, measure, commune_name, note;
    soci::statement st = (tx.sql().prepare << std::string(sql::kTargetColumns) + "WHERE t.pledge_id IN (" + in +
                                                  ") ORDER BY t.pledge_id, t.position, t.id",
                          soci::into(id), soci::into(pledge), soci::into(item), soci::into(item_text),
                          soci::into(measure), soci::into(target), soci::into(commune, commune_ind),
                          soci::into(commune_name), soci::into(note), soci::into(position));
    if (st.execute(true)) {
      do {
        PledgeTarget t;
        t.id = id;
        t.item_id = item;
        t.item_text = item_text;
        t.measure = parse_measure(measure).value_or(Measure::other);
        t.target = target;
        if (commune_ind == soci::i_ok) t.commune_id = commune;
        t.commune_name = commune_name;
        t.note = note;
        t.position = position;
        by_id[pledge]->targets.push_back(std::move(t));
      } while (st.fetch());
    }
  }
  {
    long long pledge = 0;
    std::string title;
    soci::statement st = (tx.sql().prepare << "SELECT pledge_id, title FROM pledge_title WHERE pledge_id IN (" + in +
                                                  ") ORDER BY pledge_id, title",
                          soci::into(pledge), soci::into(title));
    if (st.execute(true)) {
      do {
        if (auto a = parse_award_aim(title)) by_id[pledge]->titles.push_back(*a);
      } while (st.fetch());
    }
  }
  // The titles in the catalogue's order (individual titles, collective ones, then the forms).
  for (auto& p : out) {
    std::sort(p.titles.begin(), p.titles.end());
  }
}

void write_details(Tx& tx, const Pledge& p) {
  long long id = p.id;
  tx.sql() << "DELETE FROM pledge_target WHERE pledge_id = :p", soci::use(id);
  tx.sql() << "DELETE FROM pledge_title WHERE pledge_id = :p", soci::use(id);
  int position = 0;
  for (const auto& t : p.targets) {
    long long item = t.item_id, target = t.target, commune = t.commune_id.value_or(0);
    soci::indicator ci = t.commune_id ? soci::i_ok : soci::i_null;
    std::string measure(to_string(t.measure));
    ++position;
    tx.sql() << sql::kInsertTarget, soci::use(id), soci::use(item), soci::use(measure), soci::use(target),
        soci::use(commune, ci), soci::use(t.note), soci::use(position);
  }
  for (auto a : p.titles) {
    std::string title(to_string(a));
    tx.sql() << "INSERT INTO pledge_title (pledge_id, title) VALUES (:p, :t)", soci::use(id), soci::use(title);
  }
}

}  // namespace

std::int64_t insert_pledge(Tx& tx, const Pledge& p, const std::string& at) {
  long long agency = p.agency_id, movement = p.movement_id, unit = p.unit_id, person = p.person_id.value_or(0),
            by = p.created_by.value_or(0);
  long long key = p.subject == RecordSubject::unit ? p.unit_id : p.person_id.value_or(0);
  soci::indicator pi = p.person_id ? soci::i_ok : soci::i_null, bi = p.created_by ? soci::i_ok : soci::i_null;
  std::string kind(to_string(p.subject));
  tx.sql() << sql::kInsertPledge, soci::use(agency), soci::use(movement), soci::use(p.year), soci::use(kind),
      soci::use(unit), soci::use(person, pi), soci::use(key), soci::use(p.note), soci::use(by, bi), soci::use(at),
      soci::use(at);
  Pledge written = p;
  written.id = last_insert_id(tx, "pledge");
  write_details(tx, written);
  return written.id;
}

bool update_pledge(Tx& tx, const Pledge& p, const std::string& at) {
  long long id = p.id, version = p.version;
  soci::statement st =
      (tx.sql().prepare << sql::kUpdatePledgeNote, soci::use(p.note), soci::use(at), soci::use(id), soci::use(version));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  write_details(tx, p);
  return true;
}

bool set_pledge_status(Tx& tx, std::int64_t id_in, std::int64_t version_in, PledgeStatus status,
                       const std::string& comment, bool submitted, std::optional<std::int64_t> decided_by,
                       const std::string& at) {
  long long id = id_in, version = version_in, by = decided_by.value_or(0);
  std::string s(to_string(status));
  std::string sub = at, dat = at;
  soci::indicator si = submitted ? soci::i_ok : soci::i_null;
  soci::indicator bi = decided_by ? soci::i_ok : soci::i_null;
  soci::indicator di = decided_by ? soci::i_ok : soci::i_null;
  soci::statement st = (tx.sql().prepare << sql::kSetPledgeStatus, soci::use(s), soci::use(comment), soci::use(sub, si),
                        soci::use(by, bi), soci::use(dat, di), soci::use(at), soci::use(id), soci::use(version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Pledge> find_pledge(Tx& tx, std::int64_t id_in) {
  long long id = id_in;
  PledgeBind b;
  std::vector<Pledge> out;
  {
    auto st = tx.prepared(std::string(sql::kPledgeColumns) + "WHERE p.id = :id");
    b.bind(*st);
    st->exchange(soci::use(id));
    st->define_and_bind();
    if (st->execute(true)) out.push_back(b.get());
  }
  if (out.empty()) return std::nullopt;
  fill_details(tx, out);
  return out.front();
}

std::optional<std::int64_t> find_live_pledge(Tx& tx, std::int64_t movement_id, int year, RecordSubject subject,
                                             std::int64_t subject_key) {
  long long m = movement_id, key = subject_key, id = 0;
  std::string kind(to_string(subject));
  tx.sql() << sql::kLivePledge, soci::into(id), soci::use(m), soci::use(year), soci::use(kind), soci::use(key);
  if (!tx.sql().got_data()) return std::nullopt;
  return id;
}

std::vector<Pledge> list_pledges(Tx& tx, const PledgeQuery& q) {
  long long agency = q.agency_id, movement = q.movement_id.value_or(0), unit = q.unit_id.value_or(0),
            person = q.person_id.value_or(0);
  int year = q.year.value_or(0);
  std::string status = q.status ? std::string(to_string(*q.status)) : "";
  std::string where = "WHERE p.agency_id = :a";
  if (q.movement_id) where += " AND p.movement_id = :m";
  if (q.year) where += " AND p.year = :y";
  if (q.unit_id) where += " AND p.unit_id = :u";
  if (q.person_id) where += " AND p.person_id = :pe";
  if (q.status) where += " AND p.status = :s";
  else if (!q.include_withdrawn) where += " AND p.status <> 'withdrawn'";
  PledgeBind b;
  std::vector<Pledge> out;
  {
    auto st = tx.prepared(std::string(sql::kPledgeColumns) + where + sql::kPledgeOrder);
    b.bind(*st);
    st->exchange(soci::use(agency));
    if (q.movement_id) st->exchange(soci::use(movement));
    if (q.year) st->exchange(soci::use(year));
    if (q.unit_id) st->exchange(soci::use(unit));
    if (q.person_id) st->exchange(soci::use(person));
    if (q.status) st->exchange(soci::use(status));
    st->define_and_bind();
    if (st->execute(true)) {
      do {
        out.push_back(b.get());
      } while (st->fetch());
    }
  }
  if (q.with_targets) fill_details(tx, out);
  return out;
}

void insert_pledge_event(Tx& tx, const PledgeEvent& e) {
  long long pledge = e.pledge_id, by = e.actor_id.value_or(0);
  soci::indicator bi = e.actor_id ? soci::i_ok : soci::i_null;
  soci::indicator ji = e.before_json.empty() ? soci::i_null : soci::i_ok;
  tx.sql() << sql::kInsertEvent, soci::use(pledge), soci::use(e.event), soci::use(e.comment),
      soci::use(e.before_json, ji), soci::use(by, bi), soci::use(e.at);
}

std::vector<PledgeEvent> pledge_events(Tx& tx, std::int64_t pledge_id) {
  long long p = pledge_id, id = 0, pledge = 0, actor = 0;
  soci::indicator actor_ind = soci::i_null;
  std::string event, comment, before, actor_name, at;
  auto st = tx.prepared(std::string(sql::kEventColumns) + "WHERE e.pledge_id = :p ORDER BY e.id");
  st->exchange(soci::into(id));
  st->exchange(soci::into(pledge));
  st->exchange(soci::into(event));
  st->exchange(soci::into(comment));
  st->exchange(soci::into(before));
  st->exchange(soci::into(actor, actor_ind));
  st->exchange(soci::into(actor_name));
  st->exchange(soci::into(at));
  st->exchange(soci::use(p));
  st->define_and_bind();
  std::vector<PledgeEvent> out;
  if (st->execute(true)) {
    do {
      PledgeEvent e;
      e.id = id;
      e.pledge_id = pledge;
      e.event = event;
      e.comment = comment;
      e.before_json = before;
      if (actor_ind == soci::i_ok) e.actor_id = actor;
      e.actor_name = actor_name;
      e.at = at;
      out.push_back(std::move(e));
    } while (st->fetch());
  }
  return out;
}

std::optional<PledgeWindow> find_pledge_window(Tx& tx, std::int64_t movement_id, int year) {
  long long m = movement_id, by = 0;
  soci::indicator by_ind = soci::i_null;
  PledgeWindow w;
  tx.sql() << sql::kFindWindow, soci::into(w.deadline), soci::into(by, by_ind), soci::into(w.set_at), soci::use(m),
      soci::use(year);
  if (!tx.sql().got_data()) return std::nullopt;
  w.movement_id = movement_id;
  w.year = year;
  if (by_ind == soci::i_ok) w.set_by = by;
  return w;
}

void save_pledge_window(Tx& tx, const PledgeWindow& w) {
  long long m = w.movement_id, by = w.set_by.value_or(0);
  soci::indicator bi = w.set_by ? soci::i_ok : soci::i_null;
  int year = w.year;
  if (find_pledge_window(tx, w.movement_id, w.year)) {
    tx.sql() << sql::kUpdateWindow, soci::use(w.deadline), soci::use(by, bi), soci::use(w.set_at), soci::use(m),
        soci::use(year);
  } else {
    tx.sql() << sql::kInsertWindow, soci::use(m), soci::use(year), soci::use(w.deadline), soci::use(by, bi),
        soci::use(w.set_at);
  }
}

std::vector<RosterEntry> agency_roster(Tx& tx, std::int64_t agency_id) {
  long long a = agency_id, person = 0, user = 0, unit = 0;
  soci::indicator user_ind = soci::i_null;
  std::string name, position;
  auto st = tx.prepared(sql::kRoster);
  st->exchange(soci::into(person));
  st->exchange(soci::into(name));
  st->exchange(soci::into(user, user_ind));
  st->exchange(soci::into(unit));
  st->exchange(soci::into(position));
  st->exchange(soci::use(a));
  st->define_and_bind();
  std::vector<RosterEntry> out;
  if (st->execute(true)) {
    do {
      RosterEntry r;
      r.person_id = person;
      r.full_name = name;
      if (user_ind == soci::i_ok) r.user_id = user;
      r.unit_id = unit;
      r.position = position;
      out.push_back(std::move(r));
    } while (st->fetch());
  }
  return out;
}

std::vector<PledgeStanding> pledge_standings(Tx& tx, std::int64_t agency_id, std::int64_t movement_id, int year) {
  long long a = agency_id, m = movement_id, id = 0, key = 0, unit = 0;
  std::string kind, status;
  auto st = tx.prepared(sql::kPledgeStatuses);
  st->exchange(soci::into(id));
  st->exchange(soci::into(kind));
  st->exchange(soci::into(key));
  st->exchange(soci::into(status));
  st->exchange(soci::into(unit));
  st->exchange(soci::use(a));
  st->exchange(soci::use(m));
  st->exchange(soci::use(year));
  st->define_and_bind();
  std::vector<PledgeStanding> out;
  if (st->execute(true)) {
    do {
      out.push_back({id, parse_record_subject(kind).value_or(RecordSubject::person), key,
                     parse_pledge_status(status).value_or(PledgeStatus::draft), unit});
    } while (st->fetch());
  }
  return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> unit_heads(Tx& tx, std::int64_t agency_id) {
  long long a = agency_id, unit = 0, user = 0;
  auto st = tx.prepared(sql::kUnitHeads);
  st->exchange(soci::into(unit));
  st->exchange(soci::into(user));
  st->exchange(soci::use(a));
  st->define_and_bind();
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  if (st->execute(true)) {
    do {
      out.emplace_back(unit, user);
    } while (st->fetch());
  }
  return out;
}

std::vector<CommuneInPeriod> communes_assigned_between(Tx& tx, std::int64_t agency_id, const std::string& from,
                                               const std::string& to) {
  long long a = agency_id, id = 0;
  std::string name, kind;
  soci::statement st = (tx.sql().prepare << sql::kCommunesAssignedBetween, soci::into(id), soci::into(name), soci::into(kind),
                        soci::use(a), soci::use(to), soci::use(from));
  std::vector<CommuneInPeriod> out;
  if (st.execute(true)) {
    do {
      out.push_back({id, name, kind});
    } while (st.fetch());
  }
  return out;
}

}  // namespace thidua::storage
