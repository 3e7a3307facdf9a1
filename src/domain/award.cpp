#include "domain/award.hpp"

#include "domain/enum_names.hpp"

namespace thidua {

namespace {

constexpr detail::EnumNames<AwardSubject, 3> kSubjects{{
    {AwardSubject::person, "person"},
    {AwardSubject::unit, "unit"},
    {AwardSubject::household, "household"},
}};

constexpr detail::EnumNames<AwardForm, 11> kForms{{
    {AwardForm::advanced_worker, "advanced_worker"},
    {AwardForm::grassroots_fighter, "grassroots_fighter"},
    {AwardForm::provincial_fighter, "provincial_fighter"},
    {AwardForm::advanced_collective, "advanced_collective"},
    {AwardForm::excellent_collective, "excellent_collective"},
    {AwardForm::flag, "flag"},
    {AwardForm::certificate_of_merit, "certificate_of_merit"},
    {AwardForm::diploma_of_merit, "diploma_of_merit"},
    {AwardForm::national_fighter, "national_fighter"},
    {AwardForm::government_flag, "government_flag"},
    {AwardForm::pm_diploma, "pm_diploma"},
}};

constexpr AwardForm kFormList[] = {
    AwardForm::advanced_worker,      AwardForm::grassroots_fighter,   AwardForm::provincial_fighter,
    AwardForm::advanced_collective,  AwardForm::excellent_collective, AwardForm::flag,
    AwardForm::certificate_of_merit, AwardForm::diploma_of_merit,     AwardForm::national_fighter,
    AwardForm::government_flag,      AwardForm::pm_diploma,
};

constexpr detail::EnumNames<AwardBasis, 6> kBases{{
    {AwardBasis::yearly, "yearly"},
    {AwardBasis::movement, "movement"},
    {AwardBasis::thematic, "thematic"},
    {AwardBasis::sudden, "sudden"},
    {AwardBasis::merit, "merit"},
    {AwardBasis::service, "service"},
}};

constexpr detail::EnumNames<AwardSource, 2> kSources{{
    {AwardSource::imported, "imported"},
    {AwardSource::decided, "decided"},
}};

}  // namespace

std::string_view to_string(AwardSubject s) { return detail::name_of(kSubjects, s); }
std::optional<AwardSubject> parse_award_subject(std::string_view s) { return detail::parse_from(kSubjects, s); }

std::string_view to_string(AwardForm f) { return detail::name_of(kForms, f); }
std::optional<AwardForm> parse_award_form(std::string_view s) { return detail::parse_from(kForms, s); }
std::span<const AwardForm> all_award_forms() { return kFormList; }

FormKind form_kind(AwardForm f) {
  switch (f) {
    case AwardForm::advanced_worker:
    case AwardForm::grassroots_fighter:
    case AwardForm::provincial_fighter:
    case AwardForm::national_fighter:
    case AwardForm::advanced_collective:
    case AwardForm::excellent_collective:
    case AwardForm::flag:
    case AwardForm::government_flag:
      return FormKind::title;
    case AwardForm::certificate_of_merit:
    case AwardForm::diploma_of_merit:
    case AwardForm::pm_diploma:
      return FormKind::form;
  }
  return FormKind::form;
}

FormLevel form_level(AwardForm f) {
  switch (f) {
    case AwardForm::advanced_worker:
    case AwardForm::grassroots_fighter:
    case AwardForm::advanced_collective:
    case AwardForm::certificate_of_merit:
      return FormLevel::agency;
    case AwardForm::excellent_collective:  // decided by the province (Law 2022 art. 80)
    case AwardForm::provincial_fighter:
    case AwardForm::flag:
    case AwardForm::diploma_of_merit:
      return FormLevel::province;
    case AwardForm::national_fighter:
    case AwardForm::government_flag:
    case AwardForm::pm_diploma:
      return FormLevel::national;
  }
  return FormLevel::national;
}

bool form_fits(AwardForm f, AwardSubject s) {
  switch (f) {
    case AwardForm::advanced_worker:
    case AwardForm::grassroots_fighter:
    case AwardForm::provincial_fighter:
    case AwardForm::national_fighter:
      return s == AwardSubject::person;
    case AwardForm::advanced_collective:
    case AwardForm::excellent_collective:
    case AwardForm::flag:
    case AwardForm::government_flag:
      return s == AwardSubject::unit;
    case AwardForm::certificate_of_merit:
    case AwardForm::diploma_of_merit:
    case AwardForm::pm_diploma:
      return true;
  }
  return false;
}

std::string_view to_string(AwardBasis b) { return detail::name_of(kBases, b); }
std::optional<AwardBasis> parse_award_basis(std::string_view s) { return detail::parse_from(kBases, s); }
bool basis_counts_for_merit(AwardBasis b) { return b != AwardBasis::thematic && b != AwardBasis::sudden; }

std::string_view to_string(AwardSource s) { return detail::name_of(kSources, s); }
std::optional<AwardSource> parse_award_source(std::string_view s) { return detail::parse_from(kSources, s); }

}  // namespace thidua
