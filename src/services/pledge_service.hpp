#pragma once
/// Pledges (đăng ký thi đua): each unit and each person registers, for a launched movement and
/// a year of its period, the content items they will work on with measurable targets and the
/// titles they aim for. draft → submitted → returned (with a comment) ↔ resubmitted →
/// approved; withdrawn. A person's pledge is approved by the head of their unit, a unit's by
/// the Office, which may act on any pledge of its agency. Every change is one transaction
/// with a pledge_event row and an audit entry; edits are version-checked.
///
/// The Office follows up per movement and year: the deadline, each unit's pledge and the
/// people who have not registered (none, or still a draft), and in-app reminders to them.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/movement.hpp"
#include "domain/pledge.hpp"
#include "domain/role.hpp"
#include "services/notification_service.hpp"
#include "storage/database.hpp"

namespace thidua::services {

/// One target as typed: the content item, the measure, the number, the commune (optional).
struct PledgeTargetInput {
  std::string item_id;
  std::string measure;
  std::string target;  ///< digits; dots, commas and spaces between groups are allowed
  std::string commune_id;
  std::string note;
};

/// A pledge as typed. For a new pledge: the subject ("person" or "unit"), the unit (a unit's
/// pledge) or the person (a person's; empty: the actor's own), the movement and the year.
/// An edit uses the note, targets and titles only.
struct PledgeInput {
  std::string subject = "person";
  std::string unit_id;
  std::string person_id;
  std::string movement_id;
  std::string year;
  std::string note;
  std::vector<PledgeTargetInput> targets;
  std::vector<std::string> titles;
};

/// What the actor may do to a pledge now.
struct PledgeRights {
  bool can_edit = false;
  bool can_submit = false;
  bool can_return = false;
  bool can_approve = false;
  bool can_withdraw = false;
};

struct PledgeDetail {
  Pledge pledge;
  std::vector<PledgeEvent> events;  ///< oldest first
  /// For each event, what an edit replaced (note, targets with their items numbered, titles).
  std::vector<std::optional<Pledge>> before;
  std::optional<PledgeWindow> window;
  PledgeRights rights;
};

/// The choices a pledge form offers the actor for a movement and year.
struct PledgeChoice {
  std::int64_t id = 0;
  std::string label;
};
struct PledgeForm {
  Movement movement;
  std::vector<int> years;                  ///< the years of the movement's period
  std::vector<PledgeChoice> items;         ///< content items, numbered as in the plan
  std::vector<PledgeChoice> communes;      ///< communes assigned to the agency in the year
  std::optional<PledgeChoice> own_person;  ///< the actor's person record, if any
  std::vector<PledgeChoice> units;         ///< units whose pledge the actor may draft
  /// The live pledges of the year already there: the actor's own, and of those units.
  std::optional<std::int64_t> own_pledge;
  std::map<std::int64_t, std::int64_t> unit_pledges;  ///< unit → pledge
};

struct PledgeFilter {
  std::int64_t agency_id = 0;
  std::optional<std::int64_t> movement_id;
  std::optional<int> year;
  std::optional<std::int64_t> unit_id;
  std::optional<PledgeStatus> status;
  bool include_withdrawn = false;
  bool with_targets = false;
};

/// Where a person stands for a movement's year.
struct PersonStanding {
  std::int64_t person_id = 0;
  std::string full_name;
  std::string position;
  bool has_account = false;
  std::optional<std::int64_t> user_id;  ///< the person's account (issue 7 reminders)
  std::optional<std::int64_t> pledge_id;
  std::optional<PledgeStatus> status;  ///< empty: no pledge
  bool missing = false;                ///< no pledge, or still a draft
};
struct UnitStanding {
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::optional<std::int64_t> pledge_id;
  std::optional<PledgeStatus> status;
  bool unit_missing = false;  ///< the unit's own pledge: none, or still a draft
  std::vector<PersonStanding> people;
  long long registered = 0;
  long long missing = 0;
};
struct PledgeOverview {
  Movement movement;
  int year = 0;
  std::optional<PledgeWindow> window;
  bool past_deadline = false;
  std::vector<UnitStanding> units;  ///< the units the actor follows, in the agency's order
  long long people = 0;
  long long registered = 0;
  long long missing = 0;
  long long units_missing = 0;
  bool can_remind = false;  ///< the Office
  bool can_set_deadline = false;
};

struct ReminderReport {
  long long sent = 0;        ///< notifications written now
  long long already = 0;     ///< already reminded today
  long long no_account = 0;  ///< people missing who have no account to remind
};

/// What waits for the actor about pledges, for their home page: their own pledge of the year,
/// pledges waiting for their decision, and for the Office who has not registered.
struct PledgeTodo {
  std::optional<Movement> movement;  ///< the agency's current movement; none: nothing to show
  int year = 0;
  std::optional<PledgeWindow> window;
  bool has_person = false;
  std::optional<std::int64_t> own_pledge;
  std::optional<PledgeStatus> own_status;
  long long to_decide = 0;  ///< submitted pledges the actor may approve or return
  bool office = false;
  long long people_missing = 0;
  long long units_missing = 0;
  bool past_deadline = false;
};

class PledgeService {
 public:
  explicit PledgeService(std::shared_ptr<storage::Database> db, Clock clock = system_clock());

  /// The pledges the actor may see (the Office and leaders: all of the agency; a unit head:
  /// the unit's and its people's; anyone: their own).
  Result<std::vector<Pledge>> list(const Principal& actor, const PledgeFilter& filter);
  Result<PledgeDetail> get(const Principal& actor, std::int64_t id);
  /// The form's choices for a movement and year (year 0: the current year within the period).
  Result<PledgeForm> form(const Principal& actor, std::int64_t agency_id, std::int64_t movement_id, int year);

  Result<Pledge> create(const Principal& actor, std::int64_t agency_id, const PledgeInput& input);
  /// Note, targets and titles of a draft or returned pledge (version-checked).
  Result<Pledge> update(const Principal& actor, std::int64_t id, std::int64_t version, const PledgeInput& input);
  /// submit / return (comment required) / approve / withdraw, version-checked.
  Result<Pledge> act(const Principal& actor, std::int64_t id, std::int64_t version, PledgeAction action,
                     const std::string& comment);

  /// The deadline of a movement's year (the Office); `deadline` dd/mm/yyyy.
  Result<PledgeWindow> set_deadline(const Principal& actor, std::int64_t movement_id, int year,
                                    const std::string& deadline);
  /// Per unit the actor follows: the unit's pledge and who has not registered.
  Result<PledgeOverview> overview(const Principal& actor, std::int64_t movement_id, int year);
  /// In-app reminders to the people missing (who have an account) and to the heads of units
  /// without a pledge; at most once a day each (the Office).
  Result<ReminderReport> remind(const Principal& actor, std::int64_t movement_id, int year);

  /// The home page's to-do about pledges (this year, within the current movement's period).
  Result<PledgeTodo> todo(const Principal& actor);

  /// The latest launched movement of the agency the actor may read, if any (the pages' default).
  Result<std::optional<Movement>> default_movement(const Principal& actor, std::int64_t agency_id);

 private:
  std::shared_ptr<storage::Database> db_;
  Clock clock_;
};

/// "2. Đẩy mạnh công tác tuyên truyền…": a content item numbered as in the plan, cut to a
/// readable length.
std::string content_item_label(int number, const std::string& body);

/// The reminders to those of `o` who have not registered (issue 7 reminders): people missing
/// who have an account, and the heads of units without a pledge (`heads_of`: unit → users).
/// Dedupe keys end with `key_suffix` (a day for the Office's reminder, "due-<deadline>" for
/// the scheduler's); `no_account` counts the people missing who have no account.
std::vector<NotificationDraft> pledge_reminder_drafts(const PledgeOverview& o,
                                                      const std::map<std::int64_t, std::vector<std::int64_t>>& heads_of,
                                                      const std::string& key_suffix, long long& no_account);

/// The pledges the actor sees (as list()), one row per target, as XLSX with Vietnamese headers.
Result<std::string> export_pledges(PledgeService& pledges, const Principal& actor, PledgeFilter filter);

}  // namespace thidua::services
