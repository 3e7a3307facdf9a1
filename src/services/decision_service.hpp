#pragma once
/// The decision register (sổ quyết định khen thưởng) of an agency:
///  - the Office drafts a decision numbered in the agency's register of its year
///    ("Số: 12/QĐ-BDT"); a number already used that year is refused, naming the decision that
///    holds it and the next free number;
///  - awardees are added from a list (by hand on the page, or from the nominations the council
///    approved), each with the bonus computed from rules/bonus (a multiple of the base salary in
///    force on the decision's date, rounded as the rule set says);
///  - the Office or a leader issues it: one transaction freezes it, writes every award into the
///    subjects' history (`award`, source "decided") and makes each awardee's certificate with a
///    random verification code;
///  - a withdrawn decision is kept with its number; its awards stay in the history, marked
///    withdrawn, and its certificates then verify as withdrawn.
/// Every call checks the actor's role and agency; another agency's ids are "not found".

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/decision.hpp"
#include "domain/error.hpp"
#include "domain/role.hpp"
#include "storage/database.hpp"
#include "storage/decision_repo.hpp"

namespace thidua::services {

/// A decision's fields as typed (dates dd/mm/yyyy or ISO; lists one item a line).
struct DecisionInput {
  std::string number;
  std::string decision_date;
  std::string place;
  std::string header_parent;
  std::string header_agency;
  std::string head_title;
  std::string title;
  std::string award_year;
  std::string movement_id;  ///< empty: none
  std::string legal_bases;
  std::string proposal;
  std::string signer_mark;
  std::string signer_title;
  std::string signer_name;
  std::string recipients;
};

/// One awardee to add: the subject, the form and what it is for; `nomination_id` when the
/// list comes from the council's approved nominations.
struct AwardeeInput {
  std::string subject;  ///< person / unit / household
  std::int64_t subject_id = 0;
  std::string form;     ///< an AwardForm code at the agency's level
  std::string basis = "yearly";
  std::optional<std::int64_t> movement_id;
  std::string achievement;
  std::optional<std::int64_t> nomination_id;
};

struct DecisionView {
  Decision decision;
  std::vector<storage::DecisionEventRow> history;
  std::vector<storage::CertificateRow> certificates;
  bool can_edit = false;      ///< the Office, while a draft
  bool can_issue = false;     ///< the Office or a leader, while a draft
  bool can_withdraw = false;  ///< the Office or a leader, once issued
};

struct DecisionRegister {
  std::int64_t agency_id = 0;
  int year = 0;
  std::vector<int> years;
  std::vector<storage::DecisionSummary> decisions;
  int next_number = 1;
  bool can_create = false;
};

/// The form of a new draft: the next free number, the symbol and the header, place and signer
/// taken from the agency's latest movement plan.
struct DecisionDefaults {
  Decision decision;
};

class NominationService;

class DecisionService {
 public:
  explicit DecisionService(std::shared_ptr<storage::Database> db, Clock clock = system_clock());
  /// The nominations awardees come from: issuing a decision marks them decided (without it, a
  /// decision naming a nomination cannot be issued).
  void set_nominations(std::shared_ptr<const NominationService> nominations) { nominations_ = std::move(nominations); }

  Result<DecisionRegister> register_of(const Principal& actor, std::int64_t agency_id, int year);
  Result<DecisionDefaults> defaults(const Principal& actor, std::int64_t agency_id, int year);
  /// The Office. Errors: validation (fields), conflict "decision.number_taken" on "number".
  Result<Decision> create(const Principal& actor, std::int64_t agency_id, const DecisionInput& input);
  /// A draft only, version-checked ("edit.stale").
  Result<Decision> update(const Principal& actor, std::int64_t decision_id, std::int64_t version,
                          const DecisionInput& input);
  Result<DecisionView> get(const Principal& actor, std::int64_t decision_id);
  /// Adds every awardee or none: each subject of the agency, a form at the agency's level that
  /// fits the subject, not twice in the decision. The draft's version moves on.
  Result<Decision> add_awardees(const Principal& actor, std::int64_t decision_id,
                                const std::vector<AwardeeInput>& awardees);
  Result<Decision> remove_awardee(const Principal& actor, std::int64_t decision_id, std::int64_t awardee_id);
  /// The Office or a leader; version-checked; a decision without awardees is refused.
  Result<DecisionView> issue(const Principal& actor, std::int64_t decision_id, std::int64_t version);
  Result<DecisionView> withdraw(const Principal& actor, std::int64_t decision_id, std::int64_t version,
                                const std::string& reason);
  /// The agency's people, units and households that can be named in a decision.
  Result<std::vector<storage::Candidate>> candidates(const Principal& actor, std::int64_t agency_id);
  /// The Office records a household (a family that gave land, labour or money) to commend it;
  /// the same head and address twice give the same household.
  Result<std::int64_t> add_household(const Principal& actor, std::int64_t agency_id, const std::string& head_name,
                                     const std::string& address);
  /// A subject's award history (imported and decided, withdrawn ones marked), newest first.
  Result<std::vector<storage::AwardHistoryRow>> awards_of(const Principal& actor, AwardSubject subject,
                                                           std::int64_t subject_id);

 private:
  std::shared_ptr<storage::Database> db_;
  Clock clock_;
  std::shared_ptr<const NominationService> nominations_;
};

/// The register of a year as XLSX: sheet 1 the decisions (number, date, title, status, awardees,
/// bonuses), sheet 2 every awardee with form, basis, achievement and bonus (decision_export.cpp).
Result<std::string> decisions_xlsx(DecisionService& service, const Principal& actor, std::int64_t agency_id, int year);

/// The bonus tables of rules/bonus/*.toml (compiled into the binary), parsed once.
Result<std::shared_ptr<const BonusTables>> bonus_tables();
/// Parses one bonus file (for tests); `into` gains its base salary periods or its rule set.
Result<void> parse_bonus_file(std::string_view toml_text, std::string_view name, BonusTables& into);

}  // namespace thidua::services
