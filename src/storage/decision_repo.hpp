#pragma once
/// Decisions with their awardees and events; the award history they write; certificates and
/// the layout of an agency's pre-printed blanks (decision_repo.cpp); proposals of higher awards
/// to the province with their subjects and events (decision_higher_repo.cpp).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/award.hpp"
#include "domain/certificate.hpp"
#include "domain/decision.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

/// One line of a decision's or a proposal's history.
struct DecisionEventRow {
  std::string event;
  std::string comment;
  std::string actor;
  std::string at;
};

/// A decision in the register's list.
struct DecisionSummary {
  std::int64_t id = 0;
  int number = 0;
  std::string symbol;
  std::string decision_date;
  std::string title;
  DecisionStatus status = DecisionStatus::draft;
  long long awardees = 0;
  long long total_bonus = 0;
};

/// Who a subject is: its agency, its name, and a person's unit (a household's address).
struct SubjectInfo {
  std::int64_t agency_id = 0;
  std::string name;
  std::string unit_name;
  std::string gender;  ///< a person's: male / female
};

std::int64_t insert_decision(Tx& tx, const Decision& d, std::optional<std::int64_t> user_id, const std::string& at);
/// Replaces a draft's fields on `d.version`; false when it moved on or is no longer a draft.
bool update_decision(Tx& tx, const Decision& d, const std::string& at);
/// Moves the version on (its awardees changed); false when it moved on.
bool touch_decision(Tx& tx, std::int64_t id, std::int64_t version, const std::string& at);
bool set_decision_status(Tx& tx, std::int64_t id, std::int64_t version, DecisionStatus status,
                         const std::string& issuer, const std::string& issued_at, const std::string& at);
/// With its awardees in order.
std::optional<Decision> find_decision(Tx& tx, std::int64_t id);
/// The decision holding that number of the agency's register that year.
std::optional<std::int64_t> decision_with_number(Tx& tx, std::int64_t agency_id, int year, int number);
/// The next number after the highest used that year.
int next_decision_number(Tx& tx, std::int64_t agency_id, int year);
std::vector<DecisionSummary> decisions_of_year(Tx& tx, std::int64_t agency_id, int year);
std::vector<int> decision_years(Tx& tx, std::int64_t agency_id);

std::int64_t insert_awardee(Tx& tx, std::int64_t decision_id, const Awardee& a);
/// The awardee already there for that subject and form.
std::optional<std::int64_t> awardee_with(Tx& tx, std::int64_t decision_id, AwardSubject subject,
                                         std::int64_t subject_id, AwardForm form);
/// False when the decision has no such awardee.
bool delete_awardee(Tx& tx, std::int64_t decision_id, std::int64_t awardee_id);

void insert_decision_event(Tx& tx, std::int64_t decision_id, const std::string& event, const std::string& comment,
                           std::optional<std::int64_t> user_id, const std::string& at);
std::vector<DecisionEventRow> decision_events(Tx& tx, std::int64_t decision_id);

std::optional<SubjectInfo> subject_info(Tx& tx, AwardSubject subject, std::int64_t subject_id);
/// The agency's code and its name in force.
std::optional<std::pair<std::string, std::string>> agency_code_and_name(Tx& tx, std::int64_t agency_id);

/// The header and signer of the agency's newest movement plan (all empty without one).
struct PlanHeader {
  std::string header_parent, header_agency, place, signer_mark, signer_title, signer_name;
};
PlanHeader latest_plan_header(Tx& tx, std::int64_t agency_id);
std::optional<std::int64_t> movement_agency(Tx& tx, std::int64_t movement_id);

/// One subject that can be named in a decision.
struct Candidate {
  AwardSubject subject = AwardSubject::person;
  std::int64_t id = 0;
  std::string name;
  std::string detail;  ///< a person's unit, a household's address
};
std::vector<Candidate> candidates(Tx& tx, std::int64_t agency_id);
/// The household of that head and address, added when there is none.
std::int64_t ensure_household(Tx& tx, std::int64_t agency_id, const std::string& head_name,
                              const std::string& name_key, const std::string& address,
                              std::optional<std::int64_t> user_id, const std::string& at);

// ---- the award history ----------------------------------------------------------------------------
std::int64_t insert_award(Tx& tx, const AwardRecord& a, std::optional<std::int64_t> user_id, const std::string& at);
/// Marks the awards a decision wrote as withdrawn (the rows stay).
void withdraw_awards_of(Tx& tx, std::int64_t decision_id);
struct AwardHistoryRow {
  AwardRecord award;
  bool withdrawn = false;
};
std::vector<AwardHistoryRow> awards_of_subject(Tx& tx, AwardSubject subject, std::int64_t subject_id);

// ---- certificates ----------------------------------------------------------------------------------
struct CertificateRow {
  std::int64_t id = 0;
  std::string code;
  std::int64_t agency_id = 0;
  std::int64_t decision_id = 0;
  std::int64_t awardee_id = 0;
  std::int64_t award_id = 0;
  AwardSubject subject = AwardSubject::person;
  std::string subject_name;
  std::string unit_name;
  AwardForm form = AwardForm::certificate_of_merit;
  std::string achievement;
  std::string decision_ref;
  std::string decision_date;
  std::string issuer;
  DecisionStatus decision_status = DecisionStatus::issued;
};
void insert_certificate(Tx& tx, const CertificateRow& c, const std::string& at);
bool certificate_code_taken(Tx& tx, const std::string& code);
std::vector<CertificateRow> certificates_of_decision(Tx& tx, std::int64_t decision_id);
std::optional<CertificateRow> certificate_by_code(Tx& tx, const std::string& code);
std::optional<CertificateRow> find_certificate(Tx& tx, std::int64_t id);

/// The agency's layout, or none (the defaults apply).
std::optional<CertificateLayout> certificate_layout(Tx& tx, std::int64_t agency_id);
/// Saves the layout (insert when `l.version` is 0); false when it moved on.
bool save_certificate_layout(Tx& tx, std::int64_t agency_id, const CertificateLayout& l,
                             std::optional<std::int64_t> user_id, const std::string& at);

// ---- higher awards (decision_higher_repo.cpp) --------------------------------------------------------
std::int64_t insert_higher_award(Tx& tx, const HigherAward& h, std::optional<std::int64_t> user_id,
                                 const std::string& at);
bool update_higher_award(Tx& tx, const HigherAward& h, const std::string& at);
bool touch_higher_award(Tx& tx, std::int64_t id, std::int64_t version, const std::string& at);
bool set_higher_award_status(Tx& tx, std::int64_t id, std::int64_t version, HigherAwardStatus status,
                             const std::string& province_number, const std::string& province_date,
                             const std::string& at);
/// With its subjects in order.
std::optional<HigherAward> find_higher_award(Tx& tx, std::int64_t id);
std::vector<HigherAward> higher_awards_of(Tx& tx, std::int64_t agency_id);
std::int64_t insert_proposed_subject(Tx& tx, std::int64_t higher_award_id, const ProposedSubject& s);
bool proposed_subject_exists(Tx& tx, std::int64_t higher_award_id, AwardSubject subject, std::int64_t subject_id);
bool delete_proposed_subject(Tx& tx, std::int64_t higher_award_id, std::int64_t id);
void insert_higher_award_event(Tx& tx, std::int64_t higher_award_id, const std::string& event,
                               const std::string& comment, std::optional<std::int64_t> user_id, const std::string& at);
std::vector<DecisionEventRow> higher_award_events(Tx& tx, std::int64_t higher_award_id);
/// The verified achievements' evidence files of a person (or a unit's own records) in a year:
/// (evidence id, file sha256, file name).
struct EvidenceFileRow {
  std::int64_t id = 0;
  std::string sha256;
  std::string file_name;
};
std::vector<EvidenceFileRow> subject_evidence(Tx& tx, AwardSubject subject, std::int64_t subject_id, int year);

}  // namespace thidua::storage
