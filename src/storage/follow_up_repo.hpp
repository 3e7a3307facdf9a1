#pragma once
/// The follow-up figures' reads (issue 7): aggregates over one scope — the agency, a unit or
/// a person — for a movement and a period. What the verified achievements add up to per
/// content item and commune is progress_repo's `achieved_in_period`; the rest is here.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/progress_repo.hpp"

namespace thidua::storage {

enum class FollowUpSubject { agency, unit, person };

/// Whose figures, which movement, which days. `first_year`/`last_year` are those of from/to.
struct FollowUpPeriod {
  FollowUpSubject subject = FollowUpSubject::agency;
  std::int64_t subject_id = 0;  ///< the agency, unit or person
  std::int64_t agency_id = 0;
  std::int64_t movement_id = 0;
  std::string from;
  std::string to;
  int first_year = 0;
  int last_year = 0;
};

/// Verified achievements per unit, content item and commune (measures as in progress_repo).
std::vector<AchievedRow> follow_up_achieved(Tx& tx, const FollowUpPeriod& p);

struct MobilisedRow {
  std::int64_t unit_id = 0;
  std::int64_t item_id = 0;
  std::int64_t commune_id = 0;  ///< 0: none
  std::string donor_kind;
  std::string donor_scope;
  long long cash_vnd = 0, goods_vnd = 0, workdays = 0, land_m2 = 0, records = 0;
};
/// Verified records that mobilised anything, per unit, item, commune and donor.
std::vector<MobilisedRow> follow_up_mobilised(Tx& tx, const FollowUpPeriod& p);

struct PledgedRow {
  std::int64_t unit_id = 0;
  int year = 0;
  std::string status;
  std::int64_t item_id = 0;  ///< 0: a pledge without targets
  std::string measure;
  long long target = 0;
};
/// The live pledges' targets per year, item and measure: the agency's units', a unit's, or a person's.
std::vector<PledgedRow> follow_up_pledged(Tx& tx, const FollowUpPeriod& p);

struct RoleModelRow {
  std::int64_t achievement_id = 0;
  std::string title, model_kind, model_name, who, occurred_on;
};
std::vector<RoleModelRow> follow_up_role_models(Tx& tx, const FollowUpPeriod& p);

struct AssessmentPoint {
  std::int64_t commune_id = 0;
  std::string assessed_on;
  int met = 0;
  int total = 0;
  std::int64_t set_id = 0;
  std::string set_name, set_level, set_from, set_to;
};
/// Every recorded assessment of the agency's communes up to `p.to`, by commune then date.
std::vector<AssessmentPoint> follow_up_assessments(Tx& tx, const FollowUpPeriod& p);

struct RecognitionPoint {
  std::int64_t commune_id = 0;
  std::string level, event;
  int year = 0;
};
/// Recognitions and revocations of the agency's communes up to `p.last_year`, oldest first.
std::vector<RecognitionPoint> follow_up_recognitions(Tx& tx, const FollowUpPeriod& p);

struct InitiativeRow {
  std::int64_t id = 0;
  std::string title, level, recognised_on;
  std::vector<std::string> authors;
};
std::vector<InitiativeRow> follow_up_initiatives(Tx& tx, const FollowUpPeriod& p);

/// Awards per form code: [0] persons given, [1] units, [2] households, [3] proposed.
struct AwardFormRow {
  std::string form;
  std::array<long long, 4> counts{};
};
std::vector<AwardFormRow> follow_up_awards(Tx& tx, const FollowUpPeriod& p);

}  // namespace thidua::storage
