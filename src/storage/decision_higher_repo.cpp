// Proposals of higher awards to the province (decision_repo.hpp).

#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/decision_repo.hpp"
#include "storage/decision_sql.hpp"

namespace thidua::storage {

namespace {

std::optional<std::int64_t> user_or_null(std::optional<std::int64_t> u) { return u; }

std::vector<ProposedSubject> subjects_of(Tx& tx, std::int64_t higher_award_id) {
  long long h = higher_award_id, id = 0, subject_id = 0;
  std::string kind, name, unit, achievement;
  std::vector<ProposedSubject> out;
  soci::statement st = (tx.sql().prepare << sql::kHigherSubjects, soci::into(id), soci::into(kind),
                        soci::into(subject_id), soci::into(name), soci::into(unit), soci::into(achievement),
                        soci::use(h));
  st.execute();
  while (st.fetch()) {
    out.push_back({id, parse_award_subject(kind).value_or(AwardSubject::person), subject_id, name, unit, achievement});
  }
  return out;
}

std::vector<HigherAward> query_higher(Tx& tx, const std::string& where, auto&& bind) {
  long long id = 0, agency = 0, version = 0;
  int year = 0, award_year = 0;
  std::string form, basis, status;
  HigherAward h;
  std::vector<HigherAward> out;
  soci::statement st =
      (tx.sql().prepare << std::string(sql::kHigherColumns) + where, soci::into(id), soci::into(agency),
       soci::into(year), soci::into(form), soci::into(basis), soci::into(award_year), soci::into(h.number),
       soci::into(h.symbol), soci::into(h.submission_date), soci::into(h.place), soci::into(h.header_parent),
       soci::into(h.header_agency), soci::into(h.addressee), soci::into(h.title), soci::into(h.body),
       soci::into(h.signer_mark), soci::into(h.signer_title), soci::into(h.signer_name), soci::into(h.decider),
       soci::into(status), soci::into(h.province_number), soci::into(h.province_date), soci::into(h.created_at),
       soci::into(h.updated_at), soci::into(version), bind);
  st.execute();
  while (st.fetch()) {
    HigherAward x = h;
    x.id = id;
    x.agency_id = agency;
    x.year = year;
    x.award_year = award_year;
    x.form = parse_award_form(form).value_or(AwardForm::diploma_of_merit);
    x.basis = parse_award_basis(basis).value_or(AwardBasis::yearly);
    x.status = parse_higher_award_status(status).value_or(HigherAwardStatus::draft);
    x.version = version;
    out.push_back(std::move(x));
  }
  for (auto& x : out) x.subjects = subjects_of(tx, x.id);
  return out;
}

}  // namespace

std::int64_t insert_higher_award(Tx& tx, const HigherAward& h, std::optional<std::int64_t> user_id,
                                 const std::string& at) {
  long long a = h.agency_id, by = 0;
  soci::indicator by_ind = soci::i_null;
  if (auto u = user_or_null(user_id)) {
    by = *u;
    by_ind = soci::i_ok;
  }
  std::string form(to_string(h.form)), basis(to_string(h.basis));
  tx.sql() << sql::kInsertHigher, soci::use(a), soci::use(h.year), soci::use(form), soci::use(basis),
      soci::use(h.award_year), soci::use(h.number), soci::use(h.symbol), soci::use(h.submission_date),
      soci::use(h.place), soci::use(h.header_parent), soci::use(h.header_agency), soci::use(h.addressee),
      soci::use(h.title), soci::use(h.body), soci::use(h.signer_mark), soci::use(h.signer_title),
      soci::use(h.signer_name), soci::use(h.decider), soci::use(by, by_ind), soci::use(at), soci::use(at);
  return last_insert_id(tx, "higher_award");
}

bool update_higher_award(Tx& tx, const HigherAward& h, const std::string& at) {
  long long id = h.id, v = h.version;
  std::string form(to_string(h.form)), basis(to_string(h.basis));
  soci::statement st =
      (tx.sql().prepare << sql::kUpdateHigher, soci::use(h.year), soci::use(form), soci::use(basis),
       soci::use(h.award_year), soci::use(h.number), soci::use(h.symbol), soci::use(h.submission_date),
       soci::use(h.place), soci::use(h.header_parent), soci::use(h.header_agency), soci::use(h.addressee),
       soci::use(h.title), soci::use(h.body), soci::use(h.signer_mark), soci::use(h.signer_title),
       soci::use(h.signer_name), soci::use(h.decider), soci::use(at), soci::use(id), soci::use(v));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool touch_higher_award(Tx& tx, std::int64_t id, std::int64_t version, const std::string& at) {
  long long i = id, v = version;
  soci::statement st = (tx.sql().prepare << sql::kTouchHigher, soci::use(at), soci::use(i), soci::use(v));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool set_higher_award_status(Tx& tx, std::int64_t id, std::int64_t version, HigherAwardStatus status,
                             const std::string& province_number, const std::string& province_date,
                             const std::string& at) {
  long long i = id, v = version;
  std::string s(to_string(status));
  soci::statement st = (tx.sql().prepare << sql::kSetHigherStatus, soci::use(s), soci::use(province_number),
                        soci::use(province_date), soci::use(at), soci::use(i), soci::use(v));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<HigherAward> find_higher_award(Tx& tx, std::int64_t id) {
  long long i = id;
  auto rows = query_higher(tx, "WHERE id = :id", soci::use(i));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<HigherAward> higher_awards_of(Tx& tx, std::int64_t agency_id) {
  long long a = agency_id;
  return query_higher(tx, "WHERE agency_id = :a ORDER BY year DESC, id DESC", soci::use(a));
}

std::int64_t insert_proposed_subject(Tx& tx, std::int64_t higher_award_id, const ProposedSubject& s) {
  long long h = higher_award_id, position = 0, subject_id = s.subject_id;
  tx.sql() << sql::kNextHigherPosition, soci::into(position), soci::use(h);
  int p = static_cast<int>(position);
  std::string kind(to_string(s.subject));
  tx.sql() << sql::kInsertHigherSubject, soci::use(h), soci::use(p), soci::use(kind), soci::use(subject_id),
      soci::use(s.subject_name), soci::use(s.unit_name), soci::use(s.achievement);
  return last_insert_id(tx, "higher_award_subject");
}

bool proposed_subject_exists(Tx& tx, std::int64_t higher_award_id, AwardSubject subject, std::int64_t subject_id) {
  long long h = higher_award_id, s = subject_id, id = 0;
  std::string kind(to_string(subject));
  tx.sql() << sql::kHigherSubjectExists, soci::into(id), soci::use(h), soci::use(kind), soci::use(s);
  return tx.sql().got_data();
}

bool delete_proposed_subject(Tx& tx, std::int64_t higher_award_id, std::int64_t id) {
  long long h = higher_award_id, i = id;
  soci::statement st = (tx.sql().prepare << sql::kDeleteHigherSubject, soci::use(h), soci::use(i));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void insert_higher_award_event(Tx& tx, std::int64_t higher_award_id, const std::string& event,
                               const std::string& comment, std::optional<std::int64_t> user_id, const std::string& at) {
  long long h = higher_award_id, by = user_id.value_or(0);
  soci::indicator by_ind = user_id ? soci::i_ok : soci::i_null;
  tx.sql() << sql::kInsertHigherEvent, soci::use(h), soci::use(event), soci::use(comment), soci::use(by, by_ind),
      soci::use(at);
}

std::vector<DecisionEventRow> higher_award_events(Tx& tx, std::int64_t higher_award_id) {
  long long h = higher_award_id;
  DecisionEventRow r;
  std::vector<DecisionEventRow> out;
  soci::statement st = (tx.sql().prepare << sql::kHigherEvents, soci::into(r.event), soci::into(r.comment),
                        soci::into(r.actor), soci::into(r.at), soci::use(h));
  st.execute();
  while (st.fetch()) out.push_back(r);
  return out;
}

}  // namespace thidua::storage
