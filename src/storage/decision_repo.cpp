#include "storage/decision_repo.hpp"

#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/decision_sql.hpp"
#include "storage/nullable_id.hpp"

namespace thidua::storage {

namespace {

std::vector<Awardee> awardees_of(Tx& tx, std::int64_t decision_id) {
  long long d = decision_id, id = 0, subject_id = 0, movement = 0, bonus = 0, nomination = 0;
  int position = 0;
  std::string kind, name, unit, form, basis, achievement, note;
  std::vector<Awardee> out;
  soci::statement st = (tx.sql().prepare << sql::kAwardeesOf, soci::into(id), soci::into(position), soci::into(kind),
                        soci::into(subject_id), soci::into(name), soci::into(unit), soci::into(form),
                        soci::into(basis), soci::into(movement), soci::into(achievement), soci::into(bonus),
                        soci::into(note), soci::into(nomination), soci::use(d));
  st.execute();
  while (st.fetch()) {
    Awardee a;
    a.id = id;
    a.position = position;
    a.subject = parse_award_subject(kind).value_or(AwardSubject::person);
    a.subject_id = subject_id;
    a.subject_name = name;
    a.unit_name = unit;
    a.form = parse_award_form(form).value_or(AwardForm::certificate_of_merit);
    a.basis = parse_award_basis(basis).value_or(AwardBasis::yearly);
    if (movement) a.movement_id = movement;
    a.achievement = achievement;
    a.bonus = bonus;
    a.bonus_note = note;
    if (nomination) a.nomination_id = nomination;
    out.push_back(std::move(a));
  }
  return out;
}

CertificateRow certificate_from(long long id, const std::string& code, long long agency, long long decision,
                                long long awardee, long long award, const std::string& kind, const std::string& name,
                                const std::string& unit, const std::string& form, const std::string& achievement,
                                const std::string& ref, const std::string& date, const std::string& issuer,
                                const std::string& status) {
  CertificateRow c;
  c.id = id;
  c.code = code;
  c.agency_id = agency;
  c.decision_id = decision;
  c.awardee_id = awardee;
  c.award_id = award;
  c.subject = parse_award_subject(kind).value_or(AwardSubject::person);
  c.subject_name = name;
  c.unit_name = unit;
  c.form = parse_award_form(form).value_or(AwardForm::certificate_of_merit);
  c.achievement = achievement;
  c.decision_ref = ref;
  c.decision_date = date;
  c.issuer = issuer;
  c.decision_status = parse_decision_status(status).value_or(DecisionStatus::issued);
  return c;
}

std::vector<CertificateRow> query_certificates(Tx& tx, const std::string& where, auto&& bind) {
  long long id = 0, agency = 0, decision = 0, awardee = 0, award = 0;
  std::string code, kind, name, unit, form, achievement, ref, date, issuer, status;
  std::vector<CertificateRow> out;
  soci::statement st = (tx.sql().prepare << std::string(sql::kCertificateColumns) + where, soci::into(id),
                        soci::into(code), soci::into(agency), soci::into(decision), soci::into(awardee),
                        soci::into(award), soci::into(kind), soci::into(name), soci::into(unit), soci::into(form),
                        soci::into(achievement), soci::into(ref), soci::into(date), soci::into(issuer),
                        soci::into(status), bind);
  st.execute();
  while (st.fetch()) {
    out.push_back(certificate_from(id, code, agency, decision, awardee, award, kind, name, unit, form, achievement, ref,
                                   date, issuer, status));
  }
  return out;
}

}  // namespace

std::int64_t insert_decision(Tx& tx, const Decision& d, std::optional<std::int64_t> user_id, const std::string& at) {
  long long a = d.agency_id;
  NullableId m(d.movement_id);
  NullableId by(user_id);
  tx.sql() << sql::kInsertDecision, soci::use(a), soci::use(d.year), soci::use(d.number), soci::use(d.symbol),
      soci::use(d.decision_date), soci::use(d.place), soci::use(d.header_parent), soci::use(d.header_agency),
      soci::use(d.head_title), soci::use(d.title), soci::use(d.award_year), soci::use(m.id, m.ind),
      soci::use(d.legal_bases), soci::use(d.proposal), soci::use(d.signer_mark), soci::use(d.signer_title),
      soci::use(d.signer_name), soci::use(d.recipients), soci::use(by.id, by.ind), soci::use(at), soci::use(at);
  return last_insert_id(tx, "decision");
}

bool update_decision(Tx& tx, const Decision& d, const std::string& at) {
  long long id = d.id, v = d.version;
  NullableId m(d.movement_id);
  soci::statement st =
      (tx.sql().prepare << sql::kUpdateDecision, soci::use(d.year), soci::use(d.number), soci::use(d.symbol),
       soci::use(d.decision_date), soci::use(d.place), soci::use(d.header_parent), soci::use(d.header_agency),
       soci::use(d.head_title), soci::use(d.title), soci::use(d.award_year), soci::use(m.id, m.ind),
       soci::use(d.legal_bases), soci::use(d.proposal), soci::use(d.signer_mark), soci::use(d.signer_title),
       soci::use(d.signer_name), soci::use(d.recipients), soci::use(at), soci::use(id), soci::use(v));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool touch_decision(Tx& tx, std::int64_t id, std::int64_t version, const std::string& at) {
  long long i = id, v = version;
  soci::statement st = (tx.sql().prepare << sql::kTouchDecision, soci::use(at), soci::use(i), soci::use(v));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool set_decision_status(Tx& tx, std::int64_t id, std::int64_t version, DecisionStatus status,
                         const std::string& issuer, const std::string& issued_at, const std::string& at) {
  long long i = id, v = version;
  std::string s(to_string(status));
  soci::indicator issued_ind = issued_at.empty() ? soci::i_null : soci::i_ok;
  soci::statement st = (tx.sql().prepare << sql::kSetDecisionStatus, soci::use(s), soci::use(issuer),
                        soci::use(issued_at, issued_ind), soci::use(at), soci::use(i), soci::use(v));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Decision> find_decision(Tx& tx, std::int64_t id) {
  long long key = id, did = 0, agency = 0, movement = 0, version = 0;
  int year = 0, number = 0, award_year = 0;
  std::string status;
  Decision d;
  tx.sql() << std::string(sql::kDecisionColumns) + "WHERE id = :id", soci::into(did), soci::into(agency),
      soci::into(year), soci::into(number), soci::into(d.symbol), soci::into(d.decision_date), soci::into(d.place),
      soci::into(d.header_parent), soci::into(d.header_agency), soci::into(d.head_title), soci::into(d.title),
      soci::into(award_year), soci::into(movement), soci::into(d.legal_bases), soci::into(d.proposal),
      soci::into(d.signer_mark), soci::into(d.signer_title), soci::into(d.signer_name), soci::into(d.recipients),
      soci::into(d.issuer), soci::into(status), soci::into(d.issued_at), soci::into(d.created_at),
      soci::into(d.updated_at), soci::into(version), soci::use(key);
  if (!tx.sql().got_data()) return std::nullopt;
  d.id = did;
  d.agency_id = agency;
  d.year = year;
  d.number = number;
  d.award_year = award_year;
  if (movement) d.movement_id = movement;
  d.status = parse_decision_status(status).value_or(DecisionStatus::draft);
  d.version = version;
  d.awardees = awardees_of(tx, did);
  return d;
}

std::optional<std::int64_t> decision_with_number(Tx& tx, std::int64_t agency_id, int year, int number) {
  long long a = agency_id, id = 0;
  tx.sql() << sql::kDecisionByNumber, soci::into(id), soci::use(a), soci::use(year), soci::use(number);
  if (!tx.sql().got_data()) return std::nullopt;
  return id;
}

int next_decision_number(Tx& tx, std::int64_t agency_id, int year) {
  long long a = agency_id, max = 0;
  tx.sql() << sql::kMaxDecisionNumber, soci::into(max), soci::use(a), soci::use(year);
  return static_cast<int>(max) + 1;
}

std::vector<DecisionSummary> decisions_of_year(Tx& tx, std::int64_t agency_id, int year) {
  long long a = agency_id, id = 0, count = 0, total = 0;
  int number = 0;
  std::string symbol, date, title, status;
  std::vector<DecisionSummary> out;
  soci::statement st = (tx.sql().prepare << sql::kDecisionsOfYear, soci::into(id), soci::into(number),
                        soci::into(symbol), soci::into(date), soci::into(title), soci::into(status), soci::into(count),
                        soci::into(total), soci::use(a), soci::use(year));
  st.execute();
  while (st.fetch()) {
    out.push_back({id, number, symbol, date, title, parse_decision_status(status).value_or(DecisionStatus::draft),
                   count, total});
  }
  return out;
}

std::vector<int> decision_years(Tx& tx, std::int64_t agency_id) {
  long long a = agency_id;
  int y = 0;
  std::vector<int> out;
  soci::statement st = (tx.sql().prepare << sql::kDecisionYears, soci::into(y), soci::use(a));
  st.execute();
  while (st.fetch()) out.push_back(y);
  return out;
}

std::int64_t insert_awardee(Tx& tx, std::int64_t decision_id, const Awardee& a) {
  long long d = decision_id, position = 0, subject_id = a.subject_id, bonus = a.bonus;
  tx.sql() << sql::kNextAwardeePosition, soci::into(position), soci::use(d);
  int p = static_cast<int>(position);
  std::string kind(to_string(a.subject)), form(to_string(a.form)), basis(to_string(a.basis));
  NullableId m(a.movement_id), nom(a.nomination_id);
  tx.sql() << sql::kInsertAwardee, soci::use(d), soci::use(p), soci::use(kind), soci::use(subject_id),
      soci::use(a.subject_name), soci::use(a.unit_name), soci::use(form), soci::use(basis), soci::use(m.id, m.ind),
      soci::use(a.achievement), soci::use(bonus), soci::use(a.bonus_note), soci::use(nom.id, nom.ind);
  return last_insert_id(tx, "decision_awardee");
}

std::optional<std::int64_t> awardee_with(Tx& tx, std::int64_t decision_id, AwardSubject subject,
                                         std::int64_t subject_id, AwardForm form) {
  long long d = decision_id, s = subject_id, id = 0;
  std::string kind(to_string(subject)), f(to_string(form));
  tx.sql() << sql::kAwardeeExists, soci::into(id), soci::use(d), soci::use(kind), soci::use(s), soci::use(f);
  if (!tx.sql().got_data()) return std::nullopt;
  return id;
}

bool delete_awardee(Tx& tx, std::int64_t decision_id, std::int64_t awardee_id) {
  long long d = decision_id, a = awardee_id;
  soci::statement st = (tx.sql().prepare << sql::kDeleteAwardee, soci::use(d), soci::use(a));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void insert_decision_event(Tx& tx, std::int64_t decision_id, const std::string& event, const std::string& comment,
                           std::optional<std::int64_t> user_id, const std::string& at) {
  long long d = decision_id;
  NullableId by(user_id);
  tx.sql() << sql::kInsertDecisionEvent, soci::use(d), soci::use(event), soci::use(comment), soci::use(by.id, by.ind),
      soci::use(at);
}

std::vector<DecisionEventRow> decision_events(Tx& tx, std::int64_t decision_id) {
  long long d = decision_id;
  DecisionEventRow r;
  std::vector<DecisionEventRow> out;
  soci::statement st = (tx.sql().prepare << sql::kDecisionEvents, soci::into(r.event), soci::into(r.comment),
                        soci::into(r.actor), soci::into(r.at), soci::use(d));
  st.execute();
  while (st.fetch()) out.push_back(r);
  return out;
}

std::optional<SubjectInfo> subject_info(Tx& tx, AwardSubject subject, std::int64_t subject_id) {
  const char* q = subject == AwardSubject::person ? sql::kPersonSubject
                  : subject == AwardSubject::unit ? sql::kUnitSubject
                                                  : sql::kHouseholdSubject;
  long long id = subject_id, agency = 0;
  SubjectInfo s;
  tx.sql() << q, soci::into(agency), soci::into(s.name), soci::into(s.unit_name), soci::into(s.gender), soci::use(id);
  if (!tx.sql().got_data()) return std::nullopt;
  s.agency_id = agency;
  return s;
}

std::optional<std::pair<std::string, std::string>> agency_code_and_name(Tx& tx, std::int64_t agency_id) {
  long long a = agency_id;
  std::string code, name;
  tx.sql() << sql::kAgencyCodeAndName, soci::into(code), soci::into(name), soci::use(a);
  if (!tx.sql().got_data()) return std::nullopt;
  return std::make_pair(code, name);
}

PlanHeader latest_plan_header(Tx& tx, std::int64_t agency_id) {
  long long a = agency_id;
  PlanHeader h;
  tx.sql() << sql::kLatestPlanHeader, soci::into(h.header_parent), soci::into(h.header_agency), soci::into(h.place),
      soci::into(h.signer_mark), soci::into(h.signer_title), soci::into(h.signer_name), soci::use(a);
  if (!tx.sql().got_data()) return {};
  return h;
}

std::optional<std::int64_t> movement_agency(Tx& tx, std::int64_t movement_id) {
  long long m = movement_id, a = 0;
  tx.sql() << sql::kMovementAgency, soci::into(a), soci::use(m);
  if (!tx.sql().got_data()) return std::nullopt;
  return a;
}

std::vector<Candidate> candidates(Tx& tx, std::int64_t agency_id) {
  std::vector<Candidate> out;
  auto read = [&](const char* q, AwardSubject subject) {
    long long a = agency_id, id = 0;
    std::string name, detail;
    soci::statement st =
        (tx.sql().prepare << q, soci::into(id), soci::into(name), soci::into(detail), soci::use(a));
    st.execute();
    while (st.fetch()) out.push_back({subject, id, name, detail});
  };
  read(sql::kCandidatePeople, AwardSubject::person);
  read(sql::kCandidateUnits, AwardSubject::unit);
  read(sql::kCandidateHouseholds, AwardSubject::household);
  return out;
}

std::int64_t ensure_household(Tx& tx, std::int64_t agency_id, const std::string& head_name,
                              const std::string& name_key, const std::string& address,
                              std::optional<std::int64_t> user_id, const std::string& at) {
  long long a = agency_id, id = 0;
  tx.sql() << sql::kHouseholdNamed, soci::into(id), soci::use(a), soci::use(head_name), soci::use(address);
  if (tx.sql().got_data()) return id;
  NullableId by(user_id);
  tx.sql() << sql::kInsertHousehold, soci::use(a), soci::use(head_name), soci::use(name_key), soci::use(address),
      soci::use(by.id, by.ind), soci::use(at);
  return last_insert_id(tx, "household");
}

std::int64_t insert_award(Tx& tx, const AwardRecord& a, std::optional<std::int64_t> user_id, const std::string& at) {
  long long agency = a.agency_id, subject_id = a.subject_id;
  std::string kind(to_string(a.subject)), form(to_string(a.form)), basis(to_string(a.basis)),
      source(to_string(a.source));
  NullableId m(a.movement_id), d(a.decision_id);
  NullableId by(user_id);
  tx.sql() << sql::kInsertAward, soci::use(agency), soci::use(kind), soci::use(subject_id), soci::use(a.subject_name),
      soci::use(form), soci::use(basis), soci::use(a.year), soci::use(m.id, m.ind), soci::use(a.decision_ref),
      soci::use(a.decision_date), soci::use(a.issuer), soci::use(source), soci::use(d.id, d.ind), soci::use(a.note),
      soci::use(by.id, by.ind), soci::use(at);
  return last_insert_id(tx, "award");
}

void withdraw_awards_of(Tx& tx, std::int64_t decision_id) {
  long long d = decision_id;
  tx.sql() << sql::kWithdrawAwardsOf, soci::use(d);
}

std::vector<AwardHistoryRow> awards_of_subject(Tx& tx, AwardSubject subject, std::int64_t subject_id) {
  long long s = subject_id, id = 0, agency = 0, movement = 0, decision = 0;
  int year = 0, withdrawn = 0;
  std::string kind(to_string(subject)), name, form, basis, ref, date, issuer, source, note;
  std::vector<AwardHistoryRow> out;
  soci::statement st = (tx.sql().prepare << sql::kAwardsOfSubject, soci::into(id), soci::into(agency),
                        soci::into(name), soci::into(form), soci::into(basis), soci::into(year),
                        soci::into(movement), soci::into(ref), soci::into(date), soci::into(issuer),
                        soci::into(source), soci::into(decision), soci::into(note), soci::into(withdrawn),
                        soci::use(kind), soci::use(s));
  st.execute();
  while (st.fetch()) {
    AwardRecord a;
    a.id = id;
    a.agency_id = agency;
    a.subject = subject;
    a.subject_id = subject_id;
    a.subject_name = name;
    a.form = parse_award_form(form).value_or(AwardForm::certificate_of_merit);
    a.basis = parse_award_basis(basis).value_or(AwardBasis::yearly);
    a.year = year;
    if (movement) a.movement_id = movement;
    a.decision_ref = ref;
    a.decision_date = date;
    a.issuer = issuer;
    a.source = parse_award_source(source).value_or(AwardSource::imported);
    if (decision) a.decision_id = decision;
    a.note = note;
    out.push_back({std::move(a), withdrawn != 0});
  }
  return out;
}

void insert_certificate(Tx& tx, const CertificateRow& c, const std::string& at) {
  long long agency = c.agency_id, decision = c.decision_id, awardee = c.awardee_id, award = c.award_id;
  std::string kind(to_string(c.subject)), form(to_string(c.form));
  tx.sql() << sql::kInsertCertificate, soci::use(c.code), soci::use(agency), soci::use(decision), soci::use(awardee),
      soci::use(award), soci::use(kind), soci::use(c.subject_name), soci::use(c.unit_name), soci::use(form),
      soci::use(c.achievement), soci::use(c.decision_ref), soci::use(c.decision_date), soci::use(c.issuer),
      soci::use(at);
}

bool certificate_code_taken(Tx& tx, const std::string& code) {
  long long id = 0;
  tx.sql() << sql::kCodeTaken, soci::into(id), soci::use(code);
  return tx.sql().got_data();
}

std::vector<CertificateRow> certificates_of_decision(Tx& tx, std::int64_t decision_id) {
  long long d = decision_id;
  return query_certificates(tx, "WHERE c.decision_id = :d ORDER BY c.id", soci::use(d));
}

std::optional<CertificateRow> certificate_by_code(Tx& tx, const std::string& code) {
  auto rows = query_certificates(tx, "WHERE c.code = :c", soci::use(code));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<CertificateRow> find_certificate(Tx& tx, std::int64_t id) {
  long long i = id;
  auto rows = query_certificates(tx, "WHERE c.id = :id", soci::use(i));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<CertificateLayout> certificate_layout(Tx& tx, std::int64_t agency_id) {
  long long a = agency_id, version = 0;
  CertificateLayout l;
  tx.sql() << sql::kLayoutOf, soci::into(l.name_x), soci::into(l.name_y), soci::into(l.name_size), soci::into(l.unit_x),
      soci::into(l.unit_y), soci::into(l.achievement_x), soci::into(l.achievement_y), soci::into(l.achievement_width),
      soci::into(l.date_x), soci::into(l.date_y), soci::into(l.decision_x), soci::into(l.decision_y),
      soci::into(l.qr_x), soci::into(l.qr_y), soci::into(l.qr_size), soci::into(l.text_size), soci::into(version),
      soci::use(a);
  if (!tx.sql().got_data()) return std::nullopt;
  l.version = version;
  return l;
}

bool save_certificate_layout(Tx& tx, std::int64_t agency_id, const CertificateLayout& l,
                             std::optional<std::int64_t> user_id, const std::string& at) {
  long long a = agency_id, v = l.version;
  NullableId by(user_id);
  if (l.version == 0) {
    if (certificate_layout(tx, agency_id)) return false;
    tx.sql() << sql::kInsertLayout, soci::use(a), soci::use(l.name_x), soci::use(l.name_y), soci::use(l.name_size),
        soci::use(l.unit_x), soci::use(l.unit_y), soci::use(l.achievement_x), soci::use(l.achievement_y),
        soci::use(l.achievement_width), soci::use(l.date_x), soci::use(l.date_y), soci::use(l.decision_x),
        soci::use(l.decision_y), soci::use(l.qr_x), soci::use(l.qr_y), soci::use(l.qr_size), soci::use(l.text_size),
        soci::use(by.id, by.ind), soci::use(at);
    return true;
  }
  soci::statement st =
      (tx.sql().prepare << sql::kUpdateLayout, soci::use(l.name_x), soci::use(l.name_y), soci::use(l.name_size),
       soci::use(l.unit_x), soci::use(l.unit_y), soci::use(l.achievement_x), soci::use(l.achievement_y),
       soci::use(l.achievement_width), soci::use(l.date_x), soci::use(l.date_y), soci::use(l.decision_x),
       soci::use(l.decision_y), soci::use(l.qr_x), soci::use(l.qr_y), soci::use(l.qr_size), soci::use(l.text_size),
       soci::use(by.id, by.ind), soci::use(at), soci::use(a), soci::use(v));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<EvidenceFileRow> subject_evidence(Tx& tx, AwardSubject subject, std::int64_t subject_id, int year) {
  long long s = subject_id, s2 = subject_id, id = 0;
  std::string k(to_string(subject)), k2 = k, sha, name;
  std::vector<EvidenceFileRow> out;
  soci::statement st = (tx.sql().prepare << sql::kSubjectEvidence, soci::into(id), soci::into(sha), soci::into(name),
                        soci::use(year), soci::use(k), soci::use(s), soci::use(k2), soci::use(s2));
  st.execute();
  while (st.fetch()) out.push_back({id, sha, name});
  return out;
}

}  // namespace thidua::storage
