#pragma once
/// Achievements and their history; the lookups recording one needs (a person's unit on a
/// date, the communes the agency is assigned to, its active initiatives).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/achievement.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

std::int64_t insert_achievement(Tx& tx, const Achievement& a, const std::string& at);
/// The fields a user edits, version-checked on a.version; false when the row moved on.
bool update_achievement(Tx& tx, const Achievement& a, const std::string& at);
/// A status change, version-checked: the comment, who verified and when, when submitted.
bool set_achievement_status(Tx& tx, const Achievement& a, const std::string& at);
std::optional<Achievement> find_achievement(Tx& tx, std::int64_t id);

void insert_achievement_event(Tx& tx, const AchievementEvent& e);
/// The record's history, oldest first, with the actors' names.
std::vector<AchievementEvent> achievement_events(Tx& tx, std::int64_t achievement_id);

struct AchievementQuery {
  std::int64_t agency_id = 0;
  /// When set, only the records the reader answers for: written by `own_user`, about
  /// `own_person`, or of one of `units`.
  bool restricted = false;
  std::optional<std::int64_t> own_user;
  std::optional<std::int64_t> own_person;
  std::vector<std::int64_t> units;
  std::optional<std::int64_t> movement_id;
  std::optional<int> year;
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> person_id;
  std::optional<std::int64_t> item_id;
  std::optional<std::int64_t> commune_id;
  std::optional<std::string> kind;
  std::optional<std::string> status;
  /// newest: by date, newest first; queue: oldest submission first.
  enum class Order { newest, queue } order = Order::newest;
  int limit = 50;
  int offset = 0;
};
struct AchievementPage {
  std::vector<Achievement> items;
  long long total = 0;
};
AchievementPage list_achievements(Tx& tx, const AchievementQuery& q);

/// The unit a person was placed in on `date`, if any.
std::optional<std::int64_t> person_unit_on(Tx& tx, std::int64_t person_id, const std::string& date);
bool commune_assigned_on(Tx& tx, std::int64_t agency_id, std::int64_t commune_id, const std::string& date);

struct AssignedCommune {
  std::int64_t commune_id = 0;
  std::string name;
  std::string district;
  std::string valid_from;
  std::string valid_to;  ///< empty while assigned
};
/// Every assignment of a commune to the agency, oldest first.
std::vector<AssignedCommune> assigned_communes(Tx& tx, std::int64_t agency_id);

/// The agency's active initiatives: (id, title).
std::vector<std::pair<std::int64_t, std::string>> active_initiatives(Tx& tx, std::int64_t agency_id);
bool initiative_active(Tx& tx, std::int64_t agency_id, std::int64_t initiative_id);

}  // namespace thidua::storage
