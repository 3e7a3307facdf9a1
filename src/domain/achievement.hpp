#pragma once
/// An achievement (thành tích, kết quả thực hiện): what a unit or a person did for a content
/// item of a launched movement, with the measures its kind records, its status and its history.
/// The vocabulary shared with pledges (kinds, statuses, measures) is in record.hpp.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/record.hpp"

namespace thidua {

/// Who gave what a resource record counts.
enum class DonorKind { enterprise, organisation, person, agency };
std::string_view to_string(DonorKind k);
std::optional<DonorKind> parse_donor_kind(std::string_view s);
inline constexpr DonorKind kDonorKinds[] = {DonorKind::enterprise, DonorKind::organisation, DonorKind::person,
                                           DonorKind::agency};

/// Whether the donor is inside or outside the province.
enum class DonorScope { inside, outside };
std::string_view to_string(DonorScope s);
std::optional<DonorScope> parse_donor_scope(std::string_view s);

/// A role model found is a person or a collective.
enum class ModelKind { person, collective };
std::string_view to_string(ModelKind k);
std::optional<ModelKind> parse_model_kind(std::string_view s);

/// Upper bounds of the measures: anything above is a typing mistake, not an achievement.
inline constexpr long long kMaxMoneyVnd = 10'000'000'000'000LL;  ///< 10^13 đồng
inline constexpr long long kMaxLandM2 = 100'000'000LL;           ///< 10^8 m² (100 km²)
inline constexpr long long kMaxPeople = 10'000'000LL;            ///< participants
inline constexpr long long kMaxSessions = 100'000LL;
inline constexpr long long kMaxWorkdays = 10'000'000LL;

struct Achievement {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t movement_id = 0;
  std::int64_t item_id = 0;  ///< a content item (section 'content') of the movement's plan
  RecordSubject subject = RecordSubject::unit;
  std::int64_t unit_id = 0;  ///< the unit; for a person, their unit on occurred_on
  std::optional<std::int64_t> person_id;
  AchievementKind kind = AchievementKind::other;
  int year = 0;             ///< the year of occurred_on
  std::string occurred_on;  ///< ISO date
  std::string title;
  std::string description;
  std::string place;
  std::optional<std::int64_t> commune_id;
  std::string audience;
  std::optional<long long> sessions;
  std::optional<long long> participants;
  std::optional<long long> cash_vnd;
  std::optional<long long> goods_vnd;
  std::string goods_note;
  std::optional<long long> workdays;
  std::optional<long long> land_m2;
  std::optional<DonorKind> donor_kind;
  std::string donor_name;
  std::optional<DonorScope> donor_scope;
  std::optional<ModelKind> model_kind;
  std::string model_name;
  std::optional<std::int64_t> initiative_id;
  AchievementStatus status = AchievementStatus::draft;
  std::string last_comment;
  std::optional<std::int64_t> verified_by;
  std::string verified_at;
  std::string submitted_at;
  std::optional<std::int64_t> created_by;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;

  // Names for display, filled by the queries that read a record.
  std::string unit_name;       ///< the unit's name on occurred_on
  std::string person_name;
  std::string commune_name;    ///< the commune's name on occurred_on
  std::string initiative_title;
  std::string movement_title;
  std::string item_text;       ///< the content item's text
  int item_number = 0;         ///< its position among the plan's contents (1, 2, …)
  std::string created_by_name;
  std::string verified_by_name;
};

/// One step of a record's history: created / edited / submitted / resubmitted / verified /
/// returned / withdrawn. `before_json` holds the fields an edit replaced.
struct AchievementEvent {
  std::int64_t id = 0;
  std::int64_t achievement_id = 0;
  std::string event;
  std::string comment;
  std::string before_json;
  std::optional<std::int64_t> actor_id;
  std::string actor_name;
  std::string at;
};

/// How much of a measure a verified achievement contributes: the column for a summed
/// measure, 1 for a counted one that matches it, else 0.
long long measure_value(const Achievement& a, Measure m);

}  // namespace thidua
