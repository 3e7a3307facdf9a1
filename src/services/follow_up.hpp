#pragma once
/// Follow-up of a movement over a period (issue 7): the figures behind the Office's and
/// leaders' dashboard, a unit head's and a staff member's own, and the review reports drafted
/// from them. One gathering, two readers: the dashboard pages draw it, the review report
/// prints it; so the numbers a leader sees and the numbers the report sends never disagree.
///
/// Scope follows the actor's rights inside the service: those who oversee the agency (Office,
/// leaders, council, admin, the authority above it) see the agency and may narrow it to a unit;
/// a unit head sees their unit; anyone else sees their own records. Achievements count only
/// when verified; money is in đồng.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/award.hpp"
#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/movement.hpp"
#include "domain/record.hpp"
#include "domain/role.hpp"
#include "storage/database.hpp"

namespace thidua::services {

/// Which movement, which days, whose view. Empty dates: the movement's whole period (for a
/// dashboard: from its start to today). `unit_id` narrows an overseer's view to one unit;
/// `person_id` is how a staff member's own view is asked for (the service decides anyway).
struct FollowUpQuery {
  std::int64_t agency_id = 0;
  std::optional<std::int64_t> movement_id;  ///< none: the agency's latest launched movement
  std::string from;                         ///< ISO date, inclusive
  std::string to;                           ///< ISO date, inclusive
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> person_id;
};

enum class FollowUpScope { agency, unit, person };

/// A milestone of the plan (section V, a dated item) or a task: done, due (not yet late) or late.
enum class DueState { done, due, late };

struct Milestone {
  std::optional<std::int64_t> task_id;  ///< a task; none: a milestone item of the plan
  std::optional<std::int64_t> item_id;
  std::string title;
  std::optional<std::int64_t> unit_id;
  std::string unit_name;  ///< empty: the agency's own (the Office follows it)
  std::string due_date;   ///< ISO
  std::string done_at;    ///< ISO, when done
  DueState state = DueState::due;
};

struct UnitTasks {
  std::optional<std::int64_t> unit_id;
  std::string unit_name;
  int done = 0;
  int due = 0;
  int late = 0;
};

/// Money, goods, labour and land mobilised.
struct Mobilised {
  long long cash_vnd = 0;
  long long goods_vnd = 0;
  long long workdays = 0;
  long long land_m2 = 0;
  long long records = 0;  ///< verified records behind these figures
  long long money_vnd() const { return cash_vnd + goods_vnd; }
};

/// One slice of Mobilised: a donor kind, inside/outside the province, or a commune.
struct MobilisedSlice {
  std::string code;   ///< donor_kind / donor_scope code, or the commune id as text
  std::string label;  ///< as shown
  std::optional<std::int64_t> commune_id;
  Mobilised figures;
};

/// What was done under one content item of the plan over the period.
struct ItemFigures {
  std::int64_t item_id = 0;
  int item_number = 0;
  std::string item_text;
  long long records = 0;
  long long sessions = 0;
  long long participants = 0;
  Mobilised mobilised;
  long long visits = 0;
  long long role_models = 0;
  long long initiatives = 0;
  /// Pledged against achieved, per measure, summed over the years of the period.
  struct Target {
    Measure measure = Measure::other;
    long long target = 0;
    long long achieved = 0;
  };
  std::vector<Target> targets;
};

/// Pledged against achieved for one unit over the period.
struct UnitFigures {
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string pledge_status;  ///< of the latest year in the period; empty: none
  long long records = 0;
  int targets = 0;
  int targets_met = 0;
  int average_percent = -1;  ///< mean of min(percent, 100) over targets; -1 without targets
  Mobilised mobilised;
};

/// A commune the agency supports, against the new-rural criteria.
struct CommuneFigures {
  std::int64_t commune_id = 0;
  std::string name;         ///< "Xã Đức Long"
  std::string district;
  std::string criteria_set;  ///< the set its latest assessment in the period used
  int criteria_met = 0;
  int criteria_total = 0;
  int criteria_met_at_start = -1;  ///< at the first assessment in the period; -1: none
  std::string assessed_on;         ///< ISO date of the latest assessment in the period
  std::string recognised;          ///< "ntm 2024" etc.; empty: not recognised
  Mobilised mobilised;             ///< what the agency mobilised for it in the period
};

struct RoleModel {
  std::int64_t achievement_id = 0;
  std::string title;
  std::string model_kind;
  std::string model_name;
  std::string who;  ///< the unit's or the person's name
  std::string occurred_on;
};

struct InitiativeFigure {
  std::int64_t initiative_id = 0;
  std::string title;
  std::string authors;
  std::string level;  ///< base / province / national; empty: not recognised
  std::string recognised_on;
};

/// Awards of one form over the period: given (decided or recorded) and proposed (nominations
/// and higher awards in progress).
struct AwardCount {
  AwardForm form = AwardForm::certificate_of_merit;
  long long persons = 0;
  long long units = 0;
  long long households = 0;
  long long proposed = 0;
};

/// A period that crosses a change of rules says so: the report splits its tables there.
struct PeriodSplit {
  std::string what;  ///< "rule_set" / "criteria_set"
  std::string name;  ///< the rule set's or criteria set's name
  std::string from;  ///< ISO, clipped to the period
  std::string to;
};

struct MovementFigures {
  std::int64_t agency_id = 0;
  std::string agency_name;
  Movement movement;
  std::string from;
  std::string to;
  std::string today;  ///< the clock's date, against which due and late are judged
  FollowUpScope scope = FollowUpScope::agency;
  std::int64_t scope_id = 0;  ///< the agency, unit or person
  std::string scope_name;
  std::vector<std::pair<std::int64_t, std::string>> movements;  ///< the agency's movements to choose from

  std::vector<Milestone> milestones;  ///< by due date
  std::vector<UnitTasks> tasks_by_unit;
  std::vector<ItemFigures> items;  ///< by content item number
  std::vector<UnitFigures> units;  ///< the agency's units in its order (a unit scope: one row)
  Mobilised mobilised;
  std::vector<MobilisedSlice> by_donor_kind;
  std::vector<MobilisedSlice> by_donor_scope;  ///< inside / outside the province
  std::vector<MobilisedSlice> by_commune;
  std::vector<CommuneFigures> communes;
  std::vector<RoleModel> role_models;
  std::vector<InitiativeFigure> initiatives;
  std::vector<AwardCount> awards;  ///< forms with any count, in the order of all_award_forms()
  std::vector<PeriodSplit> splits;  ///< empty when one rule set and one criteria set cover it
  long long records = 0;            ///< verified records in the period
  bool empty() const { return records == 0 && milestones.empty() && awards.empty() && communes.empty(); }
};

class FollowUpService {
 public:
  /// `scopes` and `rules_dir` as for EligibilityService: which commendation rule layers apply
  /// (to say where a period crosses from one rule set to the next).
  FollowUpService(std::shared_ptr<storage::Database> db, Clock clock = system_clock(),
                  std::vector<std::string> scopes = {"cao_bang"}, std::string rules_dir = {});

  /// Everything above for the query, in one read transaction. not_found for a movement or
  /// agency the actor cannot read; forbidden for a unit or person outside their rights.
  Result<MovementFigures> figures(const Principal& actor, const FollowUpQuery& q);

  /// The data version (audit head) once the actor's right to the query is checked: what the
  /// dashboard's page cache keys on, with the scope the actor gets.
  Result<std::pair<std::int64_t, FollowUpScope>> stamp(const Principal& actor, const FollowUpQuery& q);

 private:
  std::shared_ptr<storage::Database> db_;
  Clock clock_;
  std::vector<std::string> scopes_;
  std::string rules_dir_;
};

}  // namespace thidua::services
