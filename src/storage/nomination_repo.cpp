#include "storage/nomination_repo.hpp"

#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/id_list.hpp"
#include "storage/nomination_sql.hpp"
#include "storage/nullable_id.hpp"

namespace thidua::storage {

namespace {

std::optional<std::int64_t> nonzero(long long v) {
  return v != 0 ? std::optional<std::int64_t>(v) : std::nullopt;
}

/// The columns of kNominationColumns, bound once per statement.
struct NominationBind {
  long long id = 0, agency = 0, subject_id = 0, unit = 0, movement = 0, decision = 0, version = 0;
  int year = 0;
  std::string kind, name, unit_name, form, status, verdict, reasons, justification, created, updated;

  void into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(subject_id));
    st.exchange(soci::into(name));
    st.exchange(soci::into(unit));
    st.exchange(soci::into(unit_name));
    st.exchange(soci::into(form));
    st.exchange(soci::into(year));
    st.exchange(soci::into(movement));
    st.exchange(soci::into(status));
    st.exchange(soci::into(verdict));
    st.exchange(soci::into(reasons));
    st.exchange(soci::into(justification));
    st.exchange(soci::into(decision));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
    st.exchange(soci::into(version));
  }
  NominationRow row() const {
    NominationRow n;
    n.id = id;
    n.agency_id = agency;
    n.subject = parse_award_subject(kind).value_or(AwardSubject::person);
    n.subject_id = subject_id;
    n.subject_name = name;
    n.unit_id = nonzero(unit);
    n.unit_name = unit_name;
    n.form = parse_award_form(form).value_or(AwardForm::advanced_worker);
    n.year = year;
    n.movement_id = nonzero(movement);
    n.status = parse_nomination_status(status).value_or(NominationStatus::draft);
    n.verdict = parse_nomination_verdict(verdict).value_or(NominationVerdict::unknown);
    n.verdict_reasons = reasons;
    n.justification = justification;
    n.decision_id = nonzero(decision);
    n.created_at = created;
    n.updated_at = updated;
    n.version = version;
    return n;
  }
};

template <class F>
std::vector<NominationRow> query_nominations(Tx& tx, const std::string& query, F&& bind) {
  NominationBind b;
  soci::statement st(tx.sql());
  st.alloc();
  st.prepare(query);
  b.into(st);
  bind(st);
  st.define_and_bind();
  std::vector<NominationRow> out;
  if (st.execute(true)) {
    do {
      out.push_back(b.row());
    } while (st.fetch());
  }
  return out;
}

}  // namespace

std::int64_t insert_nomination(Tx& tx, const NominationRow& n, std::optional<std::int64_t> user_id,
                               const std::string& at) {
  std::string kind(to_string(n.subject)), form(to_string(n.form)), verdict(to_string(n.verdict));
  long long agency = n.agency_id, subject = n.subject_id;
  NullableId unit(n.unit_id), movement(n.movement_id), by(user_id);
  tx.sql() << sql::kInsertNomination, soci::use(agency), soci::use(kind), soci::use(subject),
      soci::use(n.subject_name), soci::use(unit.id, unit.ind), soci::use(form), soci::use(n.year),
      soci::use(movement.id, movement.ind), soci::use(verdict), soci::use(n.verdict_reasons),
      soci::use(n.justification), soci::use(by.id, by.ind), soci::use(at), soci::use(at);
  return last_insert_id(tx, "nomination");
}

std::optional<NominationRow> find_nomination(Tx& tx, std::int64_t id) {
  long long key = id;
  auto rows = query_nominations(tx, std::string(sql::kNominationColumns) + "WHERE n.id = :id",
                                [&](soci::statement& st) { st.exchange(soci::use(key)); });
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::optional<std::int64_t> find_nomination_for(Tx& tx, std::int64_t agency_id, AwardSubject subject,
                                                std::int64_t subject_id, AwardForm form, int year) {
  long long id = 0, a = agency_id, s = subject_id;
  std::string k(to_string(subject)), f(to_string(form));
  tx.sql() << sql::kNominationFor, soci::into(id), soci::use(a), soci::use(k), soci::use(s), soci::use(f),
      soci::use(year);
  if (!tx.sql().got_data()) return std::nullopt;
  return id;
}

std::vector<NominationRow> list_nominations(Tx& tx, const NominationQuery& q) {
  // Filters are bound; only ids read from the database are inlined (id_list).
  long long agency = q.agency_id, own = q.own_user.value_or(-1);
  int year = q.year.value_or(0);
  std::string status = q.status ? std::string(to_string(*q.status)) : "";
  std::string form = q.form ? std::string(to_string(*q.form)) : "";
  std::string where = "WHERE n.agency_id = :a ";
  if (q.year) where += "AND n.year = :y ";
  if (q.status) where += "AND n.status = :s ";
  if (q.form) where += "AND n.form = :f ";
  if (q.restricted) {
    where += "AND (n.unit_id IN (" + id_list(q.units) + ") OR n.created_by = " + std::to_string(own) + ") ";
  }
  if (!q.ids.empty()) where += "AND n.id IN (" + id_list(q.ids) + ") ";
  const std::string query = std::string(sql::kNominationColumns) + where +
                            "ORDER BY n.year DESC, n.form, n.subject_name, n.id LIMIT " + std::to_string(q.limit) +
                            " OFFSET " + std::to_string(q.offset);
  return query_nominations(tx, query, [&](soci::statement& st) {
    st.exchange(soci::use(agency));
    if (q.year) st.exchange(soci::use(year));
    if (q.status) st.exchange(soci::use(status));
    if (q.form) st.exchange(soci::use(form));
  });
}

bool set_nomination_status(Tx& tx, std::int64_t id, std::int64_t version, NominationStatus status,
                           const std::string& at) {
  std::string s(to_string(status));
  long long key = id, v = version;
  soci::statement st = (tx.sql().prepare << sql::kSetNominationStatus, soci::use(s), soci::use(at), soci::use(key),
                        soci::use(v));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool edit_nomination(Tx& tx, std::int64_t id, std::int64_t version, const std::string& justification,
                     std::optional<std::int64_t> movement_id, const std::string& at) {
  NullableId m(movement_id);
  long long key = id, v = version;
  soci::statement st = (tx.sql().prepare << sql::kEditNomination, soci::use(justification), soci::use(m.id, m.ind),
                        soci::use(at), soci::use(key), soci::use(v));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool set_nomination_decided(Tx& tx, std::int64_t id, std::int64_t decision_id, const std::string& at) {
  long long key = id, d = decision_id;
  soci::statement st =
      (tx.sql().prepare << sql::kSetNominationDecided, soci::use(d), soci::use(at), soci::use(key));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void insert_nomination_event(Tx& tx, std::int64_t nomination_id, const std::string& event, const std::string& from,
                             const std::string& to, const std::string& reason, std::optional<std::int64_t> user_id,
                             const std::string& at) {
  long long n = nomination_id;
  NullableId by(user_id);
  tx.sql() << sql::kInsertNominationEvent, soci::use(n), soci::use(event), soci::use(from), soci::use(to),
      soci::use(reason), soci::use(by.id, by.ind), soci::use(at);
}

std::vector<NominationEventRow> nomination_events(Tx& tx, std::int64_t nomination_id) {
  long long n = nomination_id;
  NominationEventRow r;
  soci::statement st = (tx.sql().prepare << sql::kNominationEvents, soci::into(r.event), soci::into(r.from_status),
                        soci::into(r.to_status), soci::into(r.reason), soci::into(r.actor), soci::into(r.at),
                        soci::use(n));
  st.execute();
  std::vector<NominationEventRow> out;
  while (st.fetch()) out.push_back(r);
  return out;
}

void insert_nomination_report(Tx& tx, std::int64_t nomination_id, const std::string& body, const std::string& source,
                              std::optional<std::int64_t> user_id, const std::string& at) {
  long long n = nomination_id;
  NullableId by(user_id);
  tx.sql() << sql::kInsertNominationReport, soci::use(n), soci::use(body), soci::use(source),
      soci::use(by.id, by.ind), soci::use(at);
}

std::vector<NominationReportRow> nomination_reports(Tx& tx, std::int64_t nomination_id) {
  long long n = nomination_id, id = 0;
  NominationReportRow r;
  soci::statement st = (tx.sql().prepare << sql::kNominationReports, soci::into(id), soci::into(r.body),
                        soci::into(r.source), soci::into(r.author), soci::into(r.at), soci::use(n));
  st.execute();
  std::vector<NominationReportRow> out;
  while (st.fetch()) {
    r.id = id;
    out.push_back(r);
  }
  return out;
}

std::int64_t nomination_created_by(Tx& tx, std::int64_t id) {
  long long key = id, by = 0;
  tx.sql() << sql::kNominationCreator, soci::into(by), soci::use(key);
  return by;
}

std::optional<std::pair<std::int64_t, std::string>> find_household(Tx& tx, std::int64_t id) {
  long long key = id, agency = 0;
  std::string name;
  tx.sql() << sql::kNominationHousehold, soci::into(agency), soci::into(name), soci::use(key);
  if (!tx.sql().got_data()) return std::nullopt;
  return std::make_pair(static_cast<std::int64_t>(agency), name);
}

std::int64_t insert_nomination_household(Tx& tx, std::int64_t agency_id, const std::string& head_name,
                                         const std::string& name_key, const std::string& address,
                                         std::optional<std::int64_t> user_id, const std::string& at) {
  long long a = agency_id;
  NullableId by(user_id);
  tx.sql() << sql::kInsertNominationHousehold, soci::use(a), soci::use(head_name), soci::use(name_key),
      soci::use(address), soci::use(by.id, by.ind), soci::use(at);
  return last_insert_id(tx, "household");
}

std::vector<std::int64_t> unit_head_people(Tx& tx, std::int64_t agency_id, std::int64_t unit_id) {
  long long a = agency_id, u = unit_id, id = 0;
  soci::statement st =
      (tx.sql().prepare << sql::kNominationUnitHeads, soci::into(id), soci::use(a), soci::use(u), soci::use(u));
  st.execute();
  std::vector<std::int64_t> out;
  while (st.fetch()) out.push_back(id);
  return out;
}

}  // namespace thidua::storage
