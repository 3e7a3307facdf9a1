#pragma once
/// The rules engine of commendation: for every person, unit and household of a list, for each
/// title and form of the rule set in force, says eligible / not eligible / cannot tell (a fact
/// is missing, or only the council can judge) and why — every condition with its outcome, its
/// citation and a message (key + params, text in locales/<lang>/eligibility.toml).
///
/// Pure: the caller reads the facts (storage, in bulk) and gives them here. Order of work:
///  1. people, every rule of subject person except list caps;
///  2. list caps (e.g. CSTĐCS ≤ 15% of the LĐTT holders, Decree 91/2017 art. 9.3) across the
///     list: candidates who meet every other condition are ranked — better rating first, then
///     more recognised initiatives, then women first (Law 2022 art. 5: priority when otherwise
///     equal), then name order (sort_key), then id — and those beyond floor(holders × percent /
///     100) fail the cap, which names their rank and the cap;
///  3. units, whose collective conditions read their members' results from steps 1–2 (members:
///     people placed in the unit during the year);
///  4. households.
/// A share of members is "met" when it holds counting only eligible members, "not met" when it
/// fails even counting the members we cannot tell about as eligible, else "cannot tell".

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/award.hpp"
#include "domain/rule_set.hpp"

namespace thidua {

enum class CaseKind { discipline, inspection, investigation, complaint };
std::string_view to_string(CaseKind k);
std::optional<CaseKind> parse_case_kind(std::string_view s);

enum class LeaveKind { maternity, unpaid };
std::string_view to_string(LeaveKind k);
std::optional<LeaveKind> parse_leave_kind(std::string_view s);

enum class Verdict { eligible, not_eligible, cannot_tell };
std::string_view to_string(Verdict v);

/// A condition's outcome.
enum class Outcome { met, not_met, unknown };
std::string_view to_string(Outcome o);

struct SanctionFact {
  SanctionLevel level = SanctionLevel::reprimand;
  std::string decided_on;  ///< ISO
  std::string ended_on;    ///< "" still in force
};
struct CaseFact {
  CaseKind kind = CaseKind::complaint;
  std::string opened_on;
  std::string closed_on;   ///< "" pending
};
struct LeaveFact {
  LeaveKind kind = LeaveKind::maternity;
  std::string from;
  std::string to;          ///< last day
};
/// A placement: from `from` until the day before `until` (as person_placement.valid_to).
struct PeriodFact {
  std::string from;
  std::string until;       ///< exclusive; "" open
};
struct InitiativeFact {
  std::int64_t id = 0;
  InitiativeLevel level = InitiativeLevel::none;
  std::string recognised_on;  ///< ISO; "" not recognised
  /// Live uses of the initiative for this author: (basis code, year). A use for another title
  /// or form, or another year, means it cannot support this one (official letter 5007/BNV-TĐKT).
  std::vector<std::pair<std::string, int>> uses;
};
struct AwardFact {
  AwardForm form = AwardForm::advanced_worker;
  AwardBasis basis = AwardBasis::yearly;
  int year = 0;
  std::optional<std::int64_t> movement_id;
};

struct PersonFacts {
  std::int64_t id = 0;
  std::string name;
  std::string sort_key;
  bool female = false;
  std::int64_t unit_id = 0;        ///< the unit at the end of the year (or of the placements)
  std::optional<Rating> rating;    ///< the newest rating of the year
  std::vector<SanctionFact> sanctions;
  std::vector<CaseFact> cases;
  std::vector<LeaveFact> leaves;
  std::vector<PeriodFact> placements;  ///< placements overlapping the year
  std::vector<InitiativeFact> initiatives;
  std::vector<AwardFact> awards;
  int achievements = 0;            ///< verified achievements of the year (or the movement)
};

struct UnitFacts {
  std::int64_t id = 0;
  std::string name;
  std::optional<Rating> rating;
  std::vector<CaseFact> cases;
  std::vector<AwardFact> awards;
  int achievements = 0;               ///< verified: the unit's own and its people's
  std::vector<std::int64_t> members;  ///< person ids (placed in the unit during the year)
};

struct HouseholdFacts {
  std::int64_t id = 0;
  std::string name;
  /// Verified contributions (labour, land, assets) to the supported communes; empty when the
  /// records cannot say (achievements do not name households yet).
  std::optional<int> contributions;
  std::vector<AwardFact> awards;
};

struct EligibilityInput {
  int year = 0;
  std::optional<std::int64_t> movement_id;
  std::string as_of;  ///< ISO: the day pending cases are judged on
  std::vector<PersonFacts> people;
  std::vector<UnitFacts> units;
  std::vector<HouseholdFacts> households;
};

/// One condition's outcome; `message` is a key under [eligibility.why] with its params.
struct ConditionResult {
  ConditionType type = ConditionType::rating_at_least;
  Outcome outcome = Outcome::unknown;
  std::string message;
  std::vector<std::pair<std::string, std::string>> params;
  std::string citation;
  bool verified = true;
  std::vector<ConditionResult> alternatives;  ///< any_of: each alternative's outcome
};

struct FormVerdict {
  AwardForm form = AwardForm::advanced_worker;
  Verdict verdict = Verdict::cannot_tell;
  std::string citation;
  bool verified = true;
  std::vector<ConditionResult> conditions;
};

struct SubjectVerdicts {
  AwardSubject subject = AwardSubject::person;
  std::int64_t id = 0;
  std::string name;
  std::int64_t unit_id = 0;  ///< people: their unit
  std::vector<FormVerdict> forms;
  const FormVerdict* find(AwardForm f) const;
};

struct EligibilityReport {
  int year = 0;
  std::vector<std::string> rule_layers;
  std::vector<SubjectVerdicts> people;
  std::vector<SubjectVerdicts> units;
  std::vector<SubjectVerdicts> households;
};

EligibilityReport evaluate_eligibility(const RuleSet& rules, const EligibilityInput& input);

/// Days in [from, to] (ISO, inclusive) that fall in `year`; 0 when the period misses it.
int days_in_year(std::string_view from, std::string_view to, int year);

}  // namespace thidua
