#pragma once
/// Eligibility for commendation (step 3 of the yearly evaluation, workflows.md §4): the rule
/// set in force for the year, the facts of every person, unit and household of the agency read
/// in bulk, and the engine's verdicts. Readers: the Office, leaders and council members of the
/// agency see everybody; a unit head their units and their people; anyone else their own row.
/// The Office records the inputs: ratings (a correction is a new row with its reason),
/// sanctions, pending cases, leave periods and past awards (imported). Every write is one
/// transaction with its audit entry.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/eligibility.hpp"
#include "domain/error.hpp"
#include "domain/role.hpp"
#include "domain/rule_set.hpp"
#include "storage/database.hpp"
#include "storage/eligibility_repo.hpp"
#include "text/catalogue.hpp"

namespace thidua::services {

struct EligibilityQuery {
  std::int64_t agency_id = 0;
  int year = 0;
  std::optional<std::int64_t> movement_id;
  std::optional<std::int64_t> unit_id;  ///< only this unit and its people
};

struct EligibilityUnitChoice {
  std::int64_t id = 0;
  std::string name;
};

struct EligibilityView {
  int year = 0;
  std::string as_of;
  RuleSet rules;
  EligibilityReport report;  ///< filtered to what the reader may see (and the unit asked)
  std::vector<EligibilityUnitChoice> units;  ///< units the reader may choose
  bool manages = false;      ///< the Office: may record inputs
};

/// Inputs as typed (dates dd/mm/yyyy or ISO).
struct RatingInput {
  std::string subject = "person";  ///< person / unit
  std::string subject_id;
  std::string year;
  std::string rating;              ///< excellent / good / completed / not_completed
  std::string reason;              ///< required for a correction
};
struct SanctionFormInput {
  std::string person_id;
  std::string level;
  std::string decided_on;
  std::string ended_on;
  std::string decision_ref;
  std::string note;
};
struct CaseFormInput {
  std::string subject = "person";
  std::string subject_id;
  std::string kind;
  std::string opened_on;
  std::string closed_on;
  std::string note;
};
struct LeaveFormInput {
  std::string person_id;
  std::string kind = "maternity";
  std::string from;
  std::string to;
  std::string note;
};

/// A case still pending, as the Office's list shows it.
struct OpenCase {
  storage::OpenCaseRow row;
  std::string subject_name;
};

/// First and last year the engine answers for.
inline constexpr int kEligibilityFirstYear = 2018;

class EligibilityService {
 public:
  /// `scopes`: the province (and sector) codes whose rule layers apply (Cao Bằng's by
  /// default); `rules_dir`: edited rule files replacing the shipped ones of the same code.
  EligibilityService(std::shared_ptr<storage::Database> db, Clock clock = system_clock(),
                     std::vector<std::string> scopes = {"cao_bang"}, std::string rules_dir = {});

  Result<EligibilityView> compute(const Principal& actor, const EligibilityQuery& q) const;
  /// The rule set in force for a year (for the council and nominations parts).
  Result<RuleSet> rule_set(int year) const;
  /// One subject's verdict on one form, the whole agency's list evaluated (caps and members'
  /// shares need it). No rights are checked: for services that have checked their own (a
  /// nomination is made by someone allowed to nominate the subject). A subject or form the
  /// rules do not name is "cannot tell" with no conditions.
  Result<FormVerdict> verdict_for(std::int64_t agency_id, AwardSubject subject, std::int64_t subject_id,
                                  AwardForm form, int year, std::optional<std::int64_t> movement_id) const;

  Result<std::int64_t> record_rating(const Principal& actor, std::int64_t agency_id, const RatingInput& in);
  Result<std::vector<storage::RatingRow>> rating_history(const Principal& actor, std::int64_t agency_id,
                                                         const std::string& subject, std::int64_t subject_id,
                                                         int year) const;
  Result<std::int64_t> record_sanction(const Principal& actor, std::int64_t agency_id, const SanctionFormInput& in);
  Result<std::int64_t> record_case(const Principal& actor, std::int64_t agency_id, const CaseFormInput& in);
  /// The Office: the agency's cases still pending, with the subject's name.
  Result<std::vector<OpenCase>> open_cases(const Principal& actor, std::int64_t agency_id) const;
  /// The Office closes a pending case on the day it was settled (dd/mm/yyyy, not before it was
  /// opened); a case already closed is a conflict. From that day it no longer blocks awards.
  Result<void> close_case(const Principal& actor, std::int64_t agency_id, std::int64_t case_id,
                          const std::string& closed_on);
  Result<std::int64_t> record_leave(const Principal& actor, std::int64_t agency_id, const LeaveFormInput& in);
  /// A past award from a paper record into the history (source 'imported'): the subject must be
  /// the agency's, the form must fit it, the year must be in range.
  Result<std::int64_t> record_past_award(const Principal& actor, std::int64_t agency_id, const AwardRecord& in);

  /// Checks and writes many ratings in one transaction, or none (the XLSX import): the row
  /// numbers of `rows` are the sheet's; every bad row is named.
  struct RatingLine {
    int row = 0;
    std::string code;    ///< the person's code, or the unit's code
    std::string rating;  ///< as typed: a code or its Vietnamese name
    std::string reason;
  };
  struct RatingImport {
    int written = 0;
    std::vector<std::pair<int, Error>> problems;  ///< row → what is wrong (nothing written then)
  };
  /// Past awards from paper records, all or none (the XLSX import).
  struct AwardLine {
    int row = 0;
    std::string code;  ///< the person's code, or the unit's
    std::optional<AwardForm> form;
    int year = 0;
    std::string decision_ref;
    std::string decision_date;
    std::string issuer;
  };
  Result<RatingImport> import_past_awards(const Principal& actor, std::int64_t agency_id,
                                          const std::vector<AwardLine>& rows, bool dry_run);
  Result<RatingImport> import_ratings(const Principal& actor, std::int64_t agency_id, int year,
                                      const std::vector<RatingLine>& rows, bool dry_run);

  Clock clock() const { return clock_; }
  /// The year a list opens on when none is asked for: the year just ended.
  int default_year() const;

 private:
  std::shared_ptr<storage::Database> db_;
  Clock clock_;
  std::vector<std::string> scopes_;
  std::string rules_dir_;
};

/// A condition's sentence in the reader's language: its message under [eligibility.why], with
/// the codes among its params (form, rating, level, case…) turned into their names.
std::string explain(const text::Catalogue& cat, text::Lang lang, const ConditionResult& c);

}  // namespace thidua::services
