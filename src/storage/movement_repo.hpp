#pragma once
/// Movements, their plan items, tasks, units' sub-plans and the stored-file index.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/movement.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

struct MovementRow {
  Movement movement;
  long long tasks_total = 0;
  long long tasks_done = 0;
};

std::int64_t insert_movement(Tx& tx, const Movement& m, const std::string& at);
/// Optimistic update of the header fields on m.version; false when the row moved on.
bool update_movement(Tx& tx, const Movement& m, const std::string& at);
/// A change to the plan's items: the movement's version moves on, so a page built on the
/// earlier plan is told it is stale. False when `version` is no longer current.
bool bump_movement(Tx& tx, std::int64_t id, std::int64_t version, const std::string& at);
/// Moves the status on (version-checked); a launch also records who launched it (empty: an
/// operator at the command line) and when.
bool set_movement_status(Tx& tx, std::int64_t id, std::int64_t version, MovementStatus status,
                         std::optional<std::int64_t> launched_by, const std::string& at);
std::optional<Movement> find_movement(Tx& tx, std::int64_t id);
/// Whether another movement of the agency (not `except_id`) carries number/symbol in `year`
/// (the year of its date): a number is given once a year in an agency's register.
bool movement_number_taken(Tx& tx, std::int64_t agency_id, const std::string& number, const std::string& symbol,
                           const std::string& year, std::int64_t except_id);
/// The movements of these agencies, newest period first, with their task counts.
std::vector<MovementRow> list_movements(Tx& tx, const std::vector<std::int64_t>& agency_ids);

/// Every item of a plan, by section then position, with the units of each.
std::vector<PlanItem> plan_items(Tx& tx, std::int64_t movement_id);
std::optional<PlanItem> find_plan_item(Tx& tx, std::int64_t id);
std::int64_t insert_plan_item(Tx& tx, const PlanItem& item);
void update_plan_item(Tx& tx, const PlanItem& item);
void delete_plan_item(Tx& tx, std::int64_t id);
void set_item_position(Tx& tx, std::int64_t id, int position);
/// One more than the last position in the section (1 for an empty one).
int next_item_position(Tx& tx, std::int64_t movement_id, PlanSection section);

std::int64_t insert_task(Tx& tx, const MovementTask& t, const std::string& at);
std::vector<MovementTask> movement_tasks(Tx& tx, std::int64_t movement_id);
std::optional<MovementTask> find_task(Tx& tx, std::int64_t id);
/// Open tasks of launched movements for these units (and, when `agency_tasks_of` is set, the
/// agency-wide tasks of that agency), soonest first.
std::vector<MovementTask> open_tasks_for(Tx& tx, const std::vector<std::int64_t>& unit_ids,
                                         std::optional<std::int64_t> agency_tasks_of, int limit);
bool set_task_status(Tx& tx, std::int64_t id, std::int64_t version, TaskStatus status,
                     std::optional<std::int64_t> user_id, const std::string& note, const std::string& at);

/// Records a stored file's index row unless it is already there (same content, same hash).
void ensure_stored_file(Tx& tx, const std::string& sha256, std::int64_t size, const std::string& content_type,
                        const std::string& at);
std::optional<std::string> stored_file_type(Tx& tx, const std::string& sha256);
std::int64_t insert_unit_plan(Tx& tx, const UnitPlan& p, std::optional<std::int64_t> user_id, const std::string& at);
std::vector<UnitPlan> unit_plans(Tx& tx, std::int64_t movement_id);
std::optional<UnitPlan> find_unit_plan(Tx& tx, std::int64_t id);

}  // namespace thidua::storage
