#pragma once
/// The vocabulary shared by pledges, achievements and the progress between them: what a pledge
/// can promise (a measure with a target), what an achievement records (its kind and measures),
/// and how each measure is counted from verified achievements.

#include <optional>
#include <span>
#include <string_view>

namespace thidua {

/// What a pledge target promises, in the unit of the measure.
enum class Measure {
  sessions,       ///< propaganda sessions held (sum of achievement.sessions)
  participants,   ///< people reached by propaganda (sum of achievement.participants)
  cash_vnd,       ///< money mobilised, đồng (sum of cash_vnd)
  goods_vnd,      ///< goods mobilised, valued in đồng (sum of goods_vnd)
  workdays,       ///< labour mobilised, workdays (sum of workdays)
  land_m2,        ///< land donated, m² (sum of land_m2)
  initiatives,    ///< initiatives (count of achievements of kind initiative)
  commune_tasks,  ///< tasks for a supported commune (count of achievements tied to a commune)
  visits,         ///< support visits (count of achievements of kind support_visit)
  role_models,    ///< role models found (count of achievements of kind role_model)
  other,          ///< anything else (count of achievements of kind other)
};

/// What an achievement is.
enum class AchievementKind { propaganda, resource, support_visit, role_model, initiative, other };

/// Statuses of a pledge and of an achievement; only `verified` achievements count downstream.
enum class PledgeStatus { draft, submitted, returned, approved, withdrawn };
enum class AchievementStatus { draft, submitted, verified, returned, withdrawn };

/// Who pledges or achieves.
enum class RecordSubject { unit, person };

/// Emulation titles and award forms a pledge can aim for (glossary codes).
enum class AwardAim {
  advanced_worker,       ///< Lao động tiên tiến
  grassroots_fighter,    ///< Chiến sĩ thi đua cơ sở
  provincial_fighter,    ///< Chiến sĩ thi đua cấp tỉnh
  advanced_collective,   ///< Tập thể lao động tiên tiến
  excellent_collective,  ///< Tập thể lao động xuất sắc
  flag,                  ///< Cờ thi đua
  certificate_of_merit,  ///< Giấy khen
  diploma_of_merit,      ///< Bằng khen
};

std::string_view to_string(Measure m);
std::optional<Measure> parse_measure(std::string_view s);
std::span<const Measure> all_measures();
/// True when the measure is summed from an achievement column, false when achievements are counted.
bool measure_is_sum(Measure m);

std::string_view to_string(AchievementKind k);
std::optional<AchievementKind> parse_achievement_kind(std::string_view s);
std::span<const AchievementKind> all_achievement_kinds();

std::string_view to_string(PledgeStatus s);
std::optional<PledgeStatus> parse_pledge_status(std::string_view s);
std::string_view to_string(AchievementStatus s);
std::optional<AchievementStatus> parse_achievement_status(std::string_view s);
std::string_view to_string(RecordSubject s);
std::optional<RecordSubject> parse_record_subject(std::string_view s);

std::string_view to_string(AwardAim a);
std::optional<AwardAim> parse_award_aim(std::string_view s);
std::span<const AwardAim> all_award_aims();
/// Titles for people (advanced_worker, grassroots_fighter, provincial_fighter, certificate_of_merit,
/// diploma_of_merit) or for units (the collective titles, flag, and the two forms).
bool aim_fits(AwardAim a, RecordSubject s);

}  // namespace thidua
