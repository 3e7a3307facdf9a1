#include "domain/record.hpp"

#include "domain/enum_names.hpp"

namespace thidua {

namespace {

using detail::EnumNames;
using detail::name_of;
using detail::parse_from;

constexpr EnumNames<Measure, 11> kMeasures{{{Measure::sessions, "sessions"},
                                            {Measure::participants, "participants"},
                                            {Measure::cash_vnd, "cash_vnd"},
                                            {Measure::goods_vnd, "goods_vnd"},
                                            {Measure::workdays, "workdays"},
                                            {Measure::land_m2, "land_m2"},
                                            {Measure::initiatives, "initiatives"},
                                            {Measure::commune_tasks, "commune_tasks"},
                                            {Measure::visits, "visits"},
                                            {Measure::role_models, "role_models"},
                                            {Measure::other, "other"}}};
constexpr Measure kMeasureList[] = {Measure::sessions,    Measure::participants,  Measure::cash_vnd,
                                    Measure::goods_vnd,   Measure::workdays,      Measure::land_m2,
                                    Measure::initiatives, Measure::commune_tasks, Measure::visits,
                                    Measure::role_models, Measure::other};

constexpr EnumNames<AchievementKind, 6> kKinds{{{AchievementKind::propaganda, "propaganda"},
                                                {AchievementKind::resource, "resource"},
                                                {AchievementKind::support_visit, "support_visit"},
                                                {AchievementKind::role_model, "role_model"},
                                                {AchievementKind::initiative, "initiative"},
                                                {AchievementKind::other, "other"}}};
constexpr AchievementKind kKindList[] = {AchievementKind::propaganda,  AchievementKind::resource,
                                         AchievementKind::support_visit, AchievementKind::role_model,
                                         AchievementKind::initiative,  AchievementKind::other};

constexpr EnumNames<PledgeStatus, 5> kPledgeStatuses{{{PledgeStatus::draft, "draft"},
                                                      {PledgeStatus::submitted, "submitted"},
                                                      {PledgeStatus::returned, "returned"},
                                                      {PledgeStatus::approved, "approved"},
                                                      {PledgeStatus::withdrawn, "withdrawn"}}};
constexpr EnumNames<AchievementStatus, 5> kAchievementStatuses{{{AchievementStatus::draft, "draft"},
                                                                {AchievementStatus::submitted, "submitted"},
                                                                {AchievementStatus::verified, "verified"},
                                                                {AchievementStatus::returned, "returned"},
                                                                {AchievementStatus::withdrawn, "withdrawn"}}};
constexpr EnumNames<RecordSubject, 2> kSubjects{{{RecordSubject::unit, "unit"}, {RecordSubject::person, "person"}}};

constexpr EnumNames<AwardAim, 8> kAims{{{AwardAim::advanced_worker, "advanced_worker"},
                                        {AwardAim::grassroots_fighter, "grassroots_fighter"},
                                        {AwardAim::provincial_fighter, "provincial_fighter"},
                                        {AwardAim::advanced_collective, "advanced_collective"},
                                        {AwardAim::excellent_collective, "excellent_collective"},
                                        {AwardAim::flag, "flag"},
                                        {AwardAim::certificate_of_merit, "certificate_of_merit"},
                                        {AwardAim::diploma_of_merit, "diploma_of_merit"}}};
constexpr AwardAim kAimList[] = {AwardAim::advanced_worker,      AwardAim::grassroots_fighter,
                                 AwardAim::provincial_fighter,   AwardAim::advanced_collective,
                                 AwardAim::excellent_collective, AwardAim::flag,
                                 AwardAim::certificate_of_merit, AwardAim::diploma_of_merit};

}  // namespace

std::string_view to_string(Measure m) { return name_of(kMeasures, m); }
std::optional<Measure> parse_measure(std::string_view s) { return parse_from(kMeasures, s); }
std::span<const Measure> all_measures() { return kMeasureList; }
bool measure_is_sum(Measure m) {
  switch (m) {
    case Measure::sessions:
    case Measure::participants:
    case Measure::cash_vnd:
    case Measure::goods_vnd:
    case Measure::workdays:
    case Measure::land_m2:
      return true;
    default:
      return false;
  }
}

std::string_view to_string(AchievementKind k) { return name_of(kKinds, k); }
std::optional<AchievementKind> parse_achievement_kind(std::string_view s) { return parse_from(kKinds, s); }
std::span<const AchievementKind> all_achievement_kinds() { return kKindList; }

std::string_view to_string(PledgeStatus s) { return name_of(kPledgeStatuses, s); }
std::optional<PledgeStatus> parse_pledge_status(std::string_view s) { return parse_from(kPledgeStatuses, s); }
std::string_view to_string(AchievementStatus s) { return name_of(kAchievementStatuses, s); }
std::optional<AchievementStatus> parse_achievement_status(std::string_view s) {
  return parse_from(kAchievementStatuses, s);
}
std::string_view to_string(RecordSubject s) { return name_of(kSubjects, s); }
std::optional<RecordSubject> parse_record_subject(std::string_view s) { return parse_from(kSubjects, s); }

std::string_view to_string(AwardAim a) { return name_of(kAims, a); }
std::optional<AwardAim> parse_award_aim(std::string_view s) { return parse_from(kAims, s); }
std::span<const AwardAim> all_award_aims() { return kAimList; }
bool aim_fits(AwardAim a, RecordSubject s) {
  switch (a) {
    case AwardAim::advanced_worker:
    case AwardAim::grassroots_fighter:
    case AwardAim::provincial_fighter:
      return s == RecordSubject::person;
    case AwardAim::advanced_collective:
    case AwardAim::excellent_collective:
    case AwardAim::flag:
      return s == RecordSubject::unit;
    case AwardAim::certificate_of_merit:
    case AwardAim::diploma_of_merit:
      return true;
  }
  return false;
}

}  // namespace thidua
