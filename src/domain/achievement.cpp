#include "domain/achievement.hpp"

#include "domain/enum_names.hpp"

namespace thidua {

namespace {

using detail::EnumNames;
using detail::name_of;
using detail::parse_from;

constexpr EnumNames<DonorKind, 4> kDonors{{{DonorKind::enterprise, "enterprise"},
                                           {DonorKind::organisation, "organisation"},
                                           {DonorKind::person, "person"},
                                           {DonorKind::agency, "agency"}}};
constexpr EnumNames<DonorScope, 2> kScopes{{{DonorScope::inside, "inside"}, {DonorScope::outside, "outside"}}};
constexpr EnumNames<ModelKind, 2> kModels{{{ModelKind::person, "person"}, {ModelKind::collective, "collective"}}};

}  // namespace

std::string_view to_string(DonorKind k) { return name_of(kDonors, k); }
std::optional<DonorKind> parse_donor_kind(std::string_view s) { return parse_from(kDonors, s); }
std::string_view to_string(DonorScope s) { return name_of(kScopes, s); }
std::optional<DonorScope> parse_donor_scope(std::string_view s) { return parse_from(kScopes, s); }
std::string_view to_string(ModelKind k) { return name_of(kModels, k); }
std::optional<ModelKind> parse_model_kind(std::string_view s) { return parse_from(kModels, s); }

long long measure_value(const Achievement& a, Measure m) {
  switch (m) {
    case Measure::sessions: return a.sessions.value_or(0);
    case Measure::participants: return a.participants.value_or(0);
    case Measure::cash_vnd: return a.cash_vnd.value_or(0);
    case Measure::goods_vnd: return a.goods_vnd.value_or(0);
    case Measure::workdays: return a.workdays.value_or(0);
    case Measure::land_m2: return a.land_m2.value_or(0);
    case Measure::initiatives: return a.kind == AchievementKind::initiative ? 1 : 0;
    case Measure::commune_tasks: return a.commune_id ? 1 : 0;
    case Measure::visits: return a.kind == AchievementKind::support_visit ? 1 : 0;
    case Measure::role_models: return a.kind == AchievementKind::role_model ? 1 : 0;
    case Measure::other: return a.kind == AchievementKind::other ? 1 : 0;
  }
  return 0;
}

}  // namespace thidua
