#pragma once
/// Initiatives with their authors, the register's search, and what each was used as a basis for.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/initiative.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

/// Inserts the initiative and its authors (in order); `title_key` is the folded title.
std::int64_t insert_initiative(Tx& tx, const Initiative& i, const std::string& title_key,
                               std::optional<std::int64_t> user_id, const std::string& at);
/// Optimistic update on i.version of an active initiative, authors replaced; false when the
/// row moved on (or was withdrawn) since.
bool update_initiative(Tx& tx, const Initiative& i, const std::string& title_key, const std::string& at);
bool withdraw_initiative(Tx& tx, std::int64_t id, std::int64_t version, std::optional<std::int64_t> user_id,
                         const std::string& reason, const std::string& at);
/// With its authors and the title of its movement.
std::optional<Initiative> find_initiative(Tx& tx, std::int64_t id);

struct InitiativeQuery {
  std::int64_t agency_id = 0;
  std::string text;  ///< folded; any part of the title or of an author's name
  int year = 0;      ///< 0: any
  std::optional<RecognitionLevel> level;
  std::string field;  ///< exact; empty: any
  std::optional<std::int64_t> author_id;
  std::optional<InitiativeStatus> status;  ///< empty: every status
  int limit = 50;
  int offset = 0;
};
struct InitiativePage {
  std::vector<Initiative> items;  ///< newest first (recognition or application date), authors filled
  long long total = 0;
};
InitiativePage search_initiatives(Tx& tx, const InitiativeQuery& q);
/// The fields the agency's initiatives are in, and the years they are listed under (newest first).
std::vector<std::string> initiative_fields(Tx& tx, std::int64_t agency_id);
std::vector<int> initiative_years(Tx& tx, std::int64_t agency_id);
/// Everyone who is an author of one of the agency's initiatives: (person id, "Name (CODE)"), in
/// the people list's order (Vietnamese collation, given name first).
std::vector<std::pair<std::int64_t, std::string>> initiative_author_people(Tx& tx, std::int64_t agency_id);
/// The initiatives a person is an author of, newest first, authors filled.
std::vector<Initiative> initiatives_of_person(Tx& tx, std::int64_t person_id);

std::int64_t insert_initiative_use(Tx& tx, const InitiativeUse& u, std::optional<std::int64_t> user_id,
                                   const std::string& at);
/// The live use of the initiative for this author (empty: the collective), if any.
std::optional<InitiativeUse> live_initiative_use(Tx& tx, std::int64_t initiative_id,
                                                 std::optional<std::int64_t> person_id);
std::optional<InitiativeUse> find_initiative_use(Tx& tx, std::int64_t use_id);
/// Every use of these initiatives, live and released, oldest first.
std::vector<InitiativeUse> initiative_uses(Tx& tx, const std::vector<std::int64_t>& initiative_ids);
/// Marks a live use released; false when it was released already.
bool release_initiative_use(Tx& tx, std::int64_t use_id, std::optional<std::int64_t> user_id,
                            const std::string& reason, const std::string& at);

}  // namespace thidua::storage
