#pragma once
/// Pledges (đăng ký thi đua) of units and people for a movement and a year, the deadline the
/// Office sets, and clusters' covenants (giao ước thi đua). The words (measures, statuses,
/// titles aimed for) are record.hpp's; this file holds the records and the status rules.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/record.hpp"

namespace thidua {

/// One measurable promise: a content item of the movement, a measure and its target.
struct PledgeTarget {
  std::int64_t id = 0;
  std::int64_t item_id = 0;
  std::string item_text;  ///< the content item as the plan prints it (filled on reading)
  int item_number = 0;    ///< its number in the plan's section II (filled on reading)
  Measure measure = Measure::sessions;
  long long target = 0;
  std::optional<std::int64_t> commune_id;
  std::string commune_name;  ///< filled on reading
  std::string note;
  int position = 0;
};

struct Pledge {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t movement_id = 0;
  std::string movement_title;  ///< filled on reading
  int year = 0;
  RecordSubject subject = RecordSubject::person;
  std::int64_t unit_id = 0;  ///< the unit; for a person, their unit when the pledge was made
  std::string unit_name;     ///< filled on reading (current name)
  std::optional<std::int64_t> person_id;
  std::string person_name;  ///< filled on reading
  PledgeStatus status = PledgeStatus::draft;
  std::string note;
  std::string last_comment;  ///< the comment of the last return (or withdrawal)
  std::string submitted_at;
  std::optional<std::int64_t> decided_by;
  std::string decided_by_name;
  std::string decided_at;
  std::optional<std::int64_t> created_by;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
  std::vector<PledgeTarget> targets;
  std::vector<AwardAim> titles;
};

/// What happened to a pledge: created / edited / submitted / returned / resubmitted /
/// approved / withdrawn, with who, when, a comment and (for edits) what it was before.
struct PledgeEvent {
  std::int64_t id = 0;
  std::int64_t pledge_id = 0;
  std::string event;
  std::string comment;
  std::string before_json;
  std::optional<std::int64_t> actor_id;
  std::string actor_name;  ///< filled on reading
  std::string at;
};

/// The registration deadline of a movement's year.
struct PledgeWindow {
  std::int64_t movement_id = 0;
  int year = 0;
  std::string deadline;  ///< ISO date
  std::optional<std::int64_t> set_by;
  std::string set_at;
};

/// What may be done to a pledge once it is written.
enum class PledgeAction { submit, send_back, approve, withdraw };
std::string_view to_string(PledgeAction a);
std::optional<PledgeAction> parse_pledge_action(std::string_view s);

/// The status `action` leads to from `from`, or nullopt when it does not apply: draft and
/// returned are submitted; submitted is approved or sent back; an approved pledge is sent back
/// by its approver before anything else happens to it; draft, submitted and returned can be
/// withdrawn. Withdrawn is final.
std::optional<PledgeStatus> pledge_next(PledgeStatus from, PledgeAction action);
/// The event a transition records: a second submission is "resubmitted".
std::string_view pledge_event_name(PledgeStatus from, PledgeAction action);
/// Only drafts and returned pledges are edited; an approved one is sent back first.
bool pledge_editable(PledgeStatus s);
/// Submitted, returned or approved: the subject has registered (a draft has not).
bool pledge_registered(PledgeStatus s);

/// The largest target a measure accepts: money up to 10^13 đồng, people reached up to ten
/// million, counts of sessions, visits or tasks up to ten thousand, and so on. Beyond it the
/// number is a typing mistake, not a plan.
long long pledge_target_max(Measure m);
/// True when the measure is an amount of money (đồng).
bool measure_is_money(Measure m);

/// A covenant (giao ước thi đua) signed by the agencies of a cluster for a year.
struct CovenantParty {
  std::int64_t agency_id = 0;
  std::string code;
  std::string name;
};

struct Covenant {
  std::int64_t id = 0;
  std::int64_t cluster_id = 0;
  std::string cluster_name;  ///< filled on reading
  int year = 0;
  std::string title;
  std::string signed_on;  ///< ISO date
  std::string place;
  std::string note;
  std::int64_t recorded_by_agency = 0;
  std::string recorded_by_name;  ///< filled on reading
  bool active = true;
  std::string withdrawn_at;
  std::string withdraw_reason;
  std::optional<std::int64_t> created_by;
  std::string created_at;
  std::int64_t version = 1;
  std::vector<CovenantParty> parties;
};

}  // namespace thidua
