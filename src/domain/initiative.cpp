#include "domain/initiative.hpp"

#include <algorithm>
#include <cstdlib>

#include "domain/enum_names.hpp"

namespace thidua {

namespace {

using detail::EnumNames;
using detail::name_of;
using detail::parse_from;

constexpr EnumNames<InitiativeKind, 2> kKinds{
    {{InitiativeKind::initiative, "initiative"}, {InitiativeKind::research_topic, "research_topic"}}};
constexpr EnumNames<RecognitionLevel, 4> kLevels{{{RecognitionLevel::none, "none"},
                                                  {RecognitionLevel::base, "base"},
                                                  {RecognitionLevel::province, "province"},
                                                  {RecognitionLevel::national, "national"}}};
constexpr EnumNames<InitiativeStatus, 2> kStatuses{
    {{InitiativeStatus::active, "active"}, {InitiativeStatus::withdrawn, "withdrawn"}}};
constexpr EnumNames<BasisKind, 4> kBases{{{BasisKind::title, "title"},
                                          {BasisKind::form, "form"},
                                          {BasisKind::nomination, "nomination"},
                                          {BasisKind::other, "other"}}};

}  // namespace

std::string_view to_string(InitiativeKind k) { return name_of(kKinds, k); }
std::optional<InitiativeKind> parse_initiative_kind(std::string_view s) { return parse_from(kKinds, s); }
std::string_view to_string(RecognitionLevel l) { return name_of(kLevels, l); }
std::optional<RecognitionLevel> parse_recognition_level(std::string_view s) { return parse_from(kLevels, s); }
std::string_view to_string(InitiativeStatus s) { return name_of(kStatuses, s); }
std::optional<InitiativeStatus> parse_initiative_status(std::string_view s) { return parse_from(kStatuses, s); }
std::string_view to_string(BasisKind k) { return name_of(kBases, k); }
std::optional<BasisKind> parse_basis_kind(std::string_view s) { return parse_from(kBases, s); }

int Initiative::year() const {
  const std::string& d = recognition_date.empty() ? applied_from : recognition_date;
  if (d.size() < 4) return 0;
  return std::atoi(d.substr(0, 4).c_str());
}

bool Initiative::has_author(std::int64_t person_id) const {
  return std::any_of(authors.begin(), authors.end(),
                     [&](const InitiativeAuthor& a) { return a.person_id == person_id; });
}

}  // namespace thidua
