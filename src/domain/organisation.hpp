#pragma once
/// Units, people, councils and clusters. History is kept as dated versions: a unit's name
/// or a person's placement on any date is a lookup, never an overwritten column.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace thidua {

enum class UnitKind { department, office, union_ };
std::string_view to_string(UnitKind k);
std::optional<UnitKind> parse_unit_kind(std::string_view s);

enum class Gender { male, female };
std::string_view to_string(Gender g);
std::optional<Gender> parse_gender(std::string_view s);

enum class EmploymentKind { civil_servant, public_employee, contract_worker };
std::string_view to_string(EmploymentKind k);
std::optional<EmploymentKind> parse_employment_kind(std::string_view s);

enum class PersonStatus { active, transferred, retired };
std::string_view to_string(PersonStatus s);
std::optional<PersonStatus> parse_person_status(std::string_view s);

enum class CouncilSeatKind { chair, vice_chair, secretary, member };
std::string_view to_string(CouncilSeatKind s);
std::optional<CouncilSeatKind> parse_seat(std::string_view s);

/// A name (or parent) that held over a period. `valid_to` empty: still holds.
struct NameVersion {
  std::string name;
  std::optional<std::int64_t> parent_unit_id;
  std::string valid_from;  ///< "YYYY-MM-DD"
  std::string valid_to;    ///< exclusive; empty while current
};

struct Unit {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::string code;
  UnitKind kind = UnitKind::department;
  bool active = true;
  std::string name;  ///< the current name
  std::int64_t version = 1;
  std::vector<NameVersion> history;  ///< filled on request, oldest first
};

struct Placement {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string unit_name;  ///< the unit's name on valid_from: the name that was true then
  std::string position;
  std::string valid_from;
  std::string valid_to;
};

struct Person {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::string code;
  std::string full_name;
  Gender gender = Gender::male;
  std::string birth_date;  ///< "YYYY-MM-DD" or empty
  EmploymentKind employment = EmploymentKind::civil_servant;
  std::string start_date;
  PersonStatus status = PersonStatus::active;
  std::optional<std::int64_t> user_id;
  std::int64_t version = 1;
  // Current placement (empty unit_id 0 when none).
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string position;
};

struct CouncilSeat {
  std::int64_t person_id = 0;
  std::string person_name;
  CouncilSeatKind seat = CouncilSeatKind::member;
};

struct CouncilTerm {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::string name;
  std::string decision_ref;
  std::string valid_from;
  std::string valid_to;
  std::vector<CouncilSeat> seats;
};

/// The given name: the last word of a Vietnamese full name ("Hà Văn Vui" → "Vui").
std::string_view given_name(std::string_view full_name);

}  // namespace thidua
