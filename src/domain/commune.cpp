#include "domain/commune.hpp"

#include "domain/enum_names.hpp"

namespace thidua {

namespace {

using detail::EnumNames;
using detail::name_of;
using detail::parse_from;

constexpr EnumNames<CommuneKind, 3> kKinds{
    {{CommuneKind::xa, "xa"}, {CommuneKind::phuong, "phuong"}, {CommuneKind::thi_tran, "thi_tran"}}};
constexpr EnumNames<CommuneStatus, 3> kStatuses{
    {{CommuneStatus::active, "active"}, {CommuneStatus::merged, "merged"}, {CommuneStatus::dissolved, "dissolved"}}};
constexpr EnumNames<TargetLevel, 3> kLevels{{{TargetLevel::ntm, "ntm"},
                                             {TargetLevel::ntm_advanced, "ntm_advanced"},
                                             {TargetLevel::ntm_model, "ntm_model"}}};
constexpr EnumNames<LineageEvent, 4> kEvents{{{LineageEvent::renamed, "renamed"},
                                              {LineageEvent::merged, "merged"},
                                              {LineageEvent::split, "split"},
                                              {LineageEvent::dissolved, "dissolved"}}};
constexpr EnumNames<AssessmentKind, 3> kAssessmentKindNames{{{AssessmentKind::half_year, "half_year"},
                                                             {AssessmentKind::annual, "annual"},
                                                             {AssessmentKind::ad_hoc, "ad_hoc"}}};
constexpr EnumNames<RecognitionEvent, 2> kRecognitionEvents{
    {{RecognitionEvent::recognised, "recognised"}, {RecognitionEvent::revoked, "revoked"}}};

}  // namespace

std::string_view to_string(CommuneKind k) { return name_of(kKinds, k); }
std::optional<CommuneKind> parse_commune_kind(std::string_view s) { return parse_from(kKinds, s); }
std::string_view to_string(CommuneStatus s) { return name_of(kStatuses, s); }
std::optional<CommuneStatus> parse_commune_status(std::string_view s) { return parse_from(kStatuses, s); }
std::string_view to_string(TargetLevel l) { return name_of(kLevels, l); }
std::optional<TargetLevel> parse_target_level(std::string_view s) { return parse_from(kLevels, s); }
std::string_view to_string(LineageEvent e) { return name_of(kEvents, e); }
std::optional<LineageEvent> parse_lineage_event(std::string_view s) { return parse_from(kEvents, s); }
std::string_view to_string(AssessmentKind k) { return name_of(kAssessmentKindNames, k); }
std::optional<AssessmentKind> parse_assessment_kind(std::string_view s) { return parse_from(kAssessmentKindNames, s); }
std::string_view to_string(RecognitionEvent e) { return name_of(kRecognitionEvents, e); }
std::optional<RecognitionEvent> parse_recognition_event(std::string_view s) {
  return parse_from(kRecognitionEvents, s);
}

bool holds_on(const std::string& valid_from, const std::string& valid_to, const std::string& date) {
  return valid_from <= date && (valid_to.empty() || date < valid_to);
}

const CriteriaSet* set_in_force(const std::vector<CriteriaSet>& sets, TargetLevel level, const std::string& date) {
  auto find = [&](std::string_view wanted) -> const CriteriaSet* {
    const CriteriaSet* best = nullptr;
    for (const auto& s : sets) {
      if (s.level != wanted || !holds_on(s.valid_from, s.valid_to, date)) continue;
      // Two sets of one level over the same day: the one that came into force last.
      if (!best || s.valid_from > best->valid_from) best = &s;
    }
    return best;
  };
  if (const auto* s = find(to_string(level))) return s;
  if (level == TargetLevel::ntm_model) {
    if (const auto* s = find(to_string(TargetLevel::ntm_advanced))) return s;
  }
  return find("commune");
}

}  // namespace thidua
