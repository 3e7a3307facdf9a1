#pragma once
/// Evaluations (one per agency, movement and year) with their close/reopen history; scoring
/// templates with their groups, criteria, thresholds and bands; sheets, their entries (never
/// updated: each score is a row) and events; what verified achievements add up to per subject;
/// clusters' cross-scores. evaluation_repo.cpp holds evaluations and templates,
/// score_sheet_repo.cpp the rest.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/evaluation.hpp"
#include "domain/score_sheet.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

struct EvaluationRow {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t movement_id = 0;
  int year = 0;
  EvaluationStatus status = EvaluationStatus::open;
  std::int64_t version = 1;
};
/// One close or reopen: who, when, why.
struct EvaluationEventRow {
  std::string event;
  std::string reason;
  std::string actor;
  std::string at;
};

std::optional<EvaluationRow> find_evaluation(Tx& tx, std::int64_t id);
std::optional<EvaluationRow> find_evaluation_for(Tx& tx, std::int64_t agency_id, std::int64_t movement_id, int year);
std::int64_t insert_evaluation(Tx& tx, std::int64_t agency_id, std::int64_t movement_id, int year,
                               std::optional<std::int64_t> user_id, const std::string& at);
/// Version-checked; false when the evaluation moved on since.
bool set_evaluation_status(Tx& tx, std::int64_t id, std::int64_t version, EvaluationStatus status);
void insert_evaluation_event(Tx& tx, std::int64_t evaluation_id, const std::string& event, const std::string& reason,
                             std::optional<std::int64_t> user_id, const std::string& at);
std::vector<EvaluationEventRow> evaluation_events(Tx& tx, std::int64_t evaluation_id);

/// Inserts the template with its groups, criteria, thresholds and bands (ids of `t` ignored).
std::int64_t insert_template(Tx& tx, const ScoreTemplate& t, std::int64_t evaluation_id,
                             std::optional<std::int64_t> user_id, const std::string& at);
/// Replaces the title and content of a template on `t.version`; false when it moved on.
bool replace_template(Tx& tx, const ScoreTemplate& t, const std::string& at);
/// With its groups, criteria (ids filled) and bands.
std::optional<ScoreTemplate> find_template(Tx& tx, std::int64_t id);
/// The template's own row only (no groups, criteria or bands): who it belongs to and what it scores.
std::optional<ScoreTemplate> find_template_header(Tx& tx, std::int64_t id);
std::optional<std::int64_t> template_id_for(Tx& tx, std::int64_t evaluation_id, EvalSubject subject);
/// The evaluation a template belongs to.
std::optional<std::int64_t> template_evaluation(Tx& tx, std::int64_t template_id);
/// Its sheets and cluster scores: a template in use is no longer edited.
long long template_uses(Tx& tx, std::int64_t template_id);

// ---- sheets (score_sheet_repo.cpp) ------------------------------------------------------------

struct SheetRow {
  std::int64_t id = 0;
  std::int64_t evaluation_id = 0;
  std::int64_t template_id = 0;
  std::int64_t agency_id = 0;
  RecordSubject subject = RecordSubject::person;
  std::int64_t unit_id = 0;
  std::optional<std::int64_t> person_id;
  SheetStatus status = SheetStatus::draft;
  std::string submitted_at;
  std::int64_t version = 1;
  std::string subject_name;  ///< the person's full name, or the unit's current name
  std::string sort_key;      ///< the person's sort key (empty for units)
  std::string unit_name;
};
struct EntryRow {
  std::int64_t id = 0;
  std::int64_t criterion_id = 0;
  ScoreRound round = ScoreRound::self;
  Points points = 0;
  std::optional<long long> value;  ///< a computed criterion frozen on the final sheet: the measure's value
  std::string comment;
  std::string reason;
  std::string scored_by;  ///< display name
  std::string scored_at;
};
struct NewEntry {
  std::int64_t criterion_id = 0;
  ScoreRound round = ScoreRound::self;
  Points points = 0;
  std::optional<long long> value;
  std::string comment;
  std::string reason;
};
struct SheetEventRow {
  std::string event;
  std::string round;
  std::string comment;
  std::string actor;
  std::string at;
};

std::optional<SheetRow> find_sheet(Tx& tx, std::int64_t id);
/// Every sheet of a template, in id order.
std::vector<SheetRow> sheets_of_template(Tx& tx, std::int64_t template_id);
/// The units (unit, unit) or people (person, current unit) of the agency with no sheet of the
/// template yet.
std::vector<std::pair<std::int64_t, std::int64_t>> subjects_without_sheet(Tx& tx, std::int64_t agency_id,
                                                                          std::int64_t template_id,
                                                                          RecordSubject subject);
/// One sheet per (subject, unit), in multi-row inserts, with an "applied" event each. Returns
/// how many sheets were made.
long long insert_sheets(Tx& tx, const ScoreTemplate& t, std::int64_t evaluation_id, RecordSubject subject,
                        const std::vector<std::pair<std::int64_t, std::int64_t>>& subjects,
                        std::optional<std::int64_t> user_id, const std::string& at);
/// Version-checked; `submitted_at` empty keeps NULL. False when the sheet moved on.
bool set_sheet_status(Tx& tx, std::int64_t id, std::int64_t version, SheetStatus status,
                      const std::string& submitted_at, const std::string& at);
/// Appends the entries; their ids in the same order.
std::vector<std::int64_t> insert_entries(Tx& tx, std::int64_t sheet_id, const std::vector<NewEntry>& entries,
                                         std::optional<std::int64_t> user_id, const std::string& at);
/// The sheet an entry belongs to (the evidence read check).
std::optional<std::int64_t> sheet_of_entry(Tx& tx, std::int64_t entry_id);
/// Every entry of the sheet, oldest first.
std::vector<EntryRow> entries_of_sheet(Tx& tx, std::int64_t sheet_id);
/// sheet → criterion → its newest points, for every sheet of the template (one query).
std::unordered_map<std::int64_t, std::map<std::int64_t, Points>> current_points(Tx& tx, std::int64_t template_id);
void insert_sheet_event(Tx& tx, std::int64_t sheet_id, const std::string& event, std::optional<ScoreRound> round,
                        const std::string& comment, std::optional<std::int64_t> user_id, const std::string& at);
std::vector<SheetEventRow> sheet_events(Tx& tx, std::int64_t sheet_id);

/// What the verified achievements of the movement and year add up to, per person / per unit
/// (its own and its people's records), in one grouped query each.
std::unordered_map<std::int64_t, MeasureTotals> measures_by_person(Tx& tx, std::int64_t movement_id, int year);
std::unordered_map<std::int64_t, MeasureTotals> measures_by_unit(Tx& tx, std::int64_t movement_id, int year);
/// The same for one subject (a sheet's page).
MeasureTotals measures_of(Tx& tx, RecordSubject subject, std::int64_t subject_id, std::int64_t movement_id, int year);

// ---- clusters ------------------------------------------------------------------------------------

void insert_cluster_score(Tx& tx, std::int64_t template_id, std::int64_t cluster_id, const ClusterScore& s,
                          const std::string& comment, std::optional<std::int64_t> user_id, const std::string& at);
/// The newest score of each scorer for each scored agency. (Clusters and their members:
/// org_repo's agency_cluster_ids and cluster_members.)
std::vector<ClusterScore> cluster_scores(Tx& tx, std::int64_t template_id);

}  // namespace thidua::storage
