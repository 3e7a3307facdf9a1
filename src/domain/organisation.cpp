#include "domain/organisation.hpp"

#include "domain/enum_names.hpp"

#include <array>
#include <utility>

namespace thidua {

namespace {

using detail::name_of;
using detail::parse_from;

constexpr std::array<std::pair<UnitKind, std::string_view>, 3> kUnitKinds{
    {{UnitKind::department, "department"}, {UnitKind::office, "office"}, {UnitKind::union_, "union"}}};
constexpr std::array<std::pair<Gender, std::string_view>, 2> kGenders{
    {{Gender::male, "male"}, {Gender::female, "female"}}};
constexpr std::array<std::pair<EmploymentKind, std::string_view>, 3> kEmployment{
    {{EmploymentKind::civil_servant, "civil_servant"},
     {EmploymentKind::public_employee, "public_employee"},
     {EmploymentKind::contract_worker, "contract_worker"}}};
constexpr std::array<std::pair<PersonStatus, std::string_view>, 3> kStatuses{
    {{PersonStatus::active, "active"}, {PersonStatus::transferred, "transferred"}, {PersonStatus::retired, "retired"}}};
constexpr std::array<std::pair<CouncilSeatKind, std::string_view>, 4> kSeats{
    {{CouncilSeatKind::chair, "chair"},
     {CouncilSeatKind::vice_chair, "vice_chair"},
     {CouncilSeatKind::secretary, "secretary"},
     {CouncilSeatKind::member, "member"}}};

}  // namespace

std::string_view to_string(UnitKind k) { return name_of(kUnitKinds, k); }
std::optional<UnitKind> parse_unit_kind(std::string_view s) { return parse_from(kUnitKinds, s); }
std::string_view to_string(Gender g) { return name_of(kGenders, g); }
std::optional<Gender> parse_gender(std::string_view s) { return parse_from(kGenders, s); }
std::string_view to_string(EmploymentKind k) { return name_of(kEmployment, k); }
std::optional<EmploymentKind> parse_employment_kind(std::string_view s) { return parse_from(kEmployment, s); }
std::string_view to_string(PersonStatus s) { return name_of(kStatuses, s); }
std::optional<PersonStatus> parse_person_status(std::string_view s) { return parse_from(kStatuses, s); }
std::string_view to_string(CouncilSeatKind s) { return name_of(kSeats, s); }
std::optional<CouncilSeatKind> parse_seat(std::string_view s) { return parse_from(kSeats, s); }

std::string_view given_name(std::string_view full_name) {
  auto end = full_name.find_last_not_of(' ');
  if (end == std::string_view::npos) return {};
  auto start = full_name.find_last_of(' ', end);
  start = start == std::string_view::npos ? 0 : start + 1;
  return full_name.substr(start, end - start + 1);
}

}  // namespace thidua
