#pragma once
/// People and placements in storage, and the people search.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/organisation.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

struct PersonKeys {
  std::string name_key;  ///< folded name for search
  std::string sort_key;  ///< given name first, Vietnamese collation
};

std::int64_t insert_person(Tx& tx, const Person& p, const PersonKeys& keys, const std::string& at);
/// Optimistic update on p.version; false when someone else changed the row first.
bool update_person(Tx& tx, const Person& p, const PersonKeys& keys, const std::string& at);
/// Marks a person changed (a move changes what an edit form was based on).
void bump_person(Tx& tx, std::int64_t person_id, const std::string& at);
void link_person_user(Tx& tx, std::int64_t person_id, std::optional<std::int64_t> user_id);
/// The person whose record is linked to the account `user_id`, if any.
std::optional<std::int64_t> find_person_by_user(Tx& tx, std::int64_t user_id);
std::optional<Person> find_person(Tx& tx, std::int64_t id);
std::optional<std::int64_t> find_person_by_code(Tx& tx, std::int64_t agency_id, const std::string& code);
std::optional<std::int64_t> find_person_by_natural_key(Tx& tx, std::int64_t agency_id, const std::string& name_key,
                                                        const std::string& birth_date);

/// Ends the current placement on `date` and starts one in `unit_id` from it.
void place_person(Tx& tx, std::int64_t person_id, std::int64_t unit_id, const std::string& position,
                  const std::string& date, bool first = false);
void end_placement(Tx& tx, std::int64_t person_id, const std::string& date);
/// Every placement, oldest first, each with the unit's name as it was on its start date.
std::vector<Placement> placements(Tx& tx, std::int64_t person_id);
/// People currently placed in a unit: (person id, position).
std::vector<std::pair<std::int64_t, std::string>> people_in_unit(Tx& tx, std::int64_t unit_id);

struct PersonKeyRow {
  std::int64_t id = 0;
  std::string code;
  std::string name_key;
  std::string birth_date;
};
/// Every person of an agency with the keys an import matches on (one query).
std::vector<PersonKeyRow> person_keys(Tx& tx, std::int64_t agency_id);

struct PeopleQuery {
  std::vector<std::int64_t> agency_ids;  ///< which agencies the caller may see
  std::string text;                      ///< folded search text; matches any part of the name or code
  std::optional<std::int64_t> unit_id;
  std::optional<std::string> status;
  std::optional<std::string> role;
  int limit = 50;
  int offset = 0;
};
struct PeoplePage {
  std::vector<Person> items;
  long long total = 0;
};
PeoplePage search_people(Tx& tx, const PeopleQuery& q);

}  // namespace thidua::storage
