#pragma once
/// The yearly evaluation (bình xét thi đua) of a movement:
///  - the Office defines scoring templates per subject kind (version-checked edits until the
///    template is applied), copies last year's in one call, and applies a template to every
///    unit or every person of the agency in one transaction;
///  - each subject scores itself (a person their own sheet, a unit its head) and submits;
///  - the head of a person's unit, or the Office, reviews people; the Office reviews units; a
///    reviewer never scores their own sheet (their person, or a unit they head); every score is
///    a new entry beside the earlier ones, a changed score with its reason;
///  - the Office closes and reopens the evaluation with a reason (both kept); closed, nothing
///    is scored;
///  - ranked lists per template (and unit) with bands and who has not submitted; clusters'
///    cross-scores ranked without an agency's score of itself.
/// Every call checks the actor's role and agency; another agency's ids are "not found".
/// evaluation_templates.cpp, evaluation_sheets.cpp and evaluation_ranking.cpp implement it.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/achievement.hpp"
#include "domain/error.hpp"
#include "domain/evaluation.hpp"
#include "domain/evidence.hpp"
#include "domain/role.hpp"
#include "domain/score_sheet.hpp"
#include "storage/database.hpp"
#include "storage/evaluation_lists_repo.hpp"
#include "storage/evaluation_repo.hpp"
#include "services/evidence_service.hpp"

namespace thidua::services {

/// A template as typed: points as people type them ("9,5"), enums by their codes.
struct ThresholdInput {
  std::string at_least;
  std::string points;
};
struct CriterionInput {
  std::string title;
  std::string guidance;
  std::string evidence_expected;
  std::string kind = "normal";  ///< normal / bonus / penalty
  std::string max_points;
  std::string measure;          ///< a Measure code; empty: scored by hand
  std::string aggregate = "sum";
  std::string mapping = "linear";
  std::string per_unit = "1";   ///< linear: points per unit
  std::vector<ThresholdInput> thresholds;
};
struct GroupInput {
  std::string title;
  std::vector<CriterionInput> criteria;
};
struct BandInput {
  std::string code;
  std::string name;
  std::string at_least;
};
struct TemplateInput {
  std::string movement_id;
  std::string year;
  std::string subject;  ///< unit / person / cluster_agency
  std::string title;
  std::vector<GroupInput> groups;
  std::vector<BandInput> bands;
};

/// One criterion's points as typed on a sheet.
struct EntryInput {
  std::int64_t criterion_id = 0;
  std::string points;
  std::string comment;
  std::string reason;  ///< a review that changes the points says why
  std::vector<EvidenceUpload> files;  ///< evidence for this score (subject "score_entry")
};

/// A sheet with everything its page shows.
struct SheetView {
  storage::SheetRow sheet;
  ScoreTemplate tmpl;
  storage::EvaluationRow evaluation;
  std::vector<storage::EntryRow> entries;      ///< every score, oldest first
  std::map<std::int64_t, Points> current;      ///< criterion → the points that count now
  std::map<std::int64_t, long long> computed_values;  ///< computed criterion → the value behind it (frozen when final)
  std::map<std::int64_t, std::vector<EvidenceRow>> evidence;  ///< entry → its files
  /// The verified records of the subject (a unit: its own and its people's) for the movement
  /// and year, newest first, that the computed criteria are counted from (at most 200 listed;
  /// empty when the template has no computed criterion).
  std::vector<Achievement> records;
  long long records_total = 0;
  SheetTotal total;
  std::optional<std::size_t> band;
  std::vector<storage::SheetEventRow> history;
  bool can_self_assess = false;
  bool can_review = false;
  bool can_finalise = false;
};

struct RankingRow {
  storage::SheetRow sheet;
  SheetTotal total;
  int rank = 0;
  std::optional<std::size_t> band;
  std::vector<Points> group_points;  ///< each group's normal points, in the template's group order
};
struct RankingView {
  ScoreTemplate tmpl;
  storage::EvaluationRow evaluation;
  std::vector<RankingRow> ranked;           ///< submitted, reviewed or final sheets, by the tie rule
  std::vector<storage::SheetRow> not_submitted;  ///< drafts and returned sheets, by name
};

struct ClusterRankingView {
  ScoreTemplate tmpl;
  std::int64_t cluster_id = 0;
  std::vector<ClusterRankedRow> rows;
  std::map<std::int64_t, std::string> agency_names;
};

// ---- what the evaluation pages list (evaluation_lists.cpp) ---------------------------------------

/// One movement of the agency to choose from.
struct EvaluationMovement {
  std::int64_t id = 0;
  std::string title;
  int first_year = 0;  ///< of its period
  int last_year = 0;
};
/// The evaluation page of an agency for a movement and year: its status and history, its
/// templates, the actor's own sheets and the sheets they review.
struct EvaluationOverview {
  std::int64_t agency_id = 0;
  std::vector<EvaluationMovement> movements;
  std::int64_t movement_id = 0;  ///< 0: the agency has no movement
  int year = 0;
  std::vector<int> years;        ///< the years of the movement's period, newest first
  std::optional<storage::EvaluationRow> evaluation;  ///< none until a template is made
  std::vector<storage::EvaluationEventRow> history;
  std::vector<storage::TemplateSummary> templates;
  std::vector<storage::SheetRow> own;        ///< the actor's person sheet and the sheets of units they head
  std::vector<storage::SheetRow> to_review;  ///< people's sheets of the units they head
  /// The Office's queue: units' sheets submitted (the Office reviews units) and every reviewed
  /// sheet (the Office makes it final), the first kOfficeQueueShown of them.
  std::vector<storage::SheetRow> office_queue;
  long long office_queue_total = 0;
  static constexpr std::size_t kOfficeQueueShown = 100;
  bool manages = false;                      ///< the Office: create, copy, apply, close, reopen
  bool oversees = false;                     ///< sees the rankings of every template
  std::vector<std::int64_t> headed_units;    ///< a unit head sees the ranking of these units
};

/// What a ranking page's cache needs before reading the ranking.
struct RankingStamp {
  std::int64_t version = 0;  ///< the audit chain's head
  bool cluster = false;      ///< a cluster's template: not cached
};

class EvaluationService {
 public:
  /// `evidence` may be empty: scores then carry no files (typed files are refused). With it,
  /// the subject "score_entry" is registered: an entry's files are read by the sheet's readers.
  EvaluationService(std::shared_ptr<storage::Database> db, std::shared_ptr<EvidenceService> evidence = nullptr,
                    Clock clock = system_clock());

  // ---- templates (evaluation_templates.cpp) -------------------------------------------------
  /// The Office of `agency_id`: a template for a movement of the agency, a year of its period
  /// and a subject kind (one per evaluation and kind; the evaluation is opened on first use).
  Result<ScoreTemplate> create_template(const Principal& actor, std::int64_t agency_id, const TemplateInput& input);
  /// Version-checked ("edit.stale"); refused once applied or scored against ("evaluation.template_in_use").
  Result<ScoreTemplate> update_template(const Principal& actor, std::int64_t template_id, std::int64_t version,
                                        const TemplateInput& input);
  /// A copy of the same movement's template of `year` − 1 for `year` (new rows; the original stays).
  Result<ScoreTemplate> copy_last_year(const Principal& actor, std::int64_t agency_id, std::int64_t movement_id,
                                       int year, EvalSubject subject);
  Result<ScoreTemplate> get_template(const Principal& actor, std::int64_t template_id);
  /// How many sheets (or cluster scores) use the template: one or more and it is not edited any more.
  Result<long long> template_uses(const Principal& actor, std::int64_t template_id);
  /// One sheet for every active unit or person of the agency that has none yet, in one
  /// transaction; returns how many were made.
  Result<long long> apply_template(const Principal& actor, std::int64_t template_id);

  /// The Office or the agency's administrator; the reason is required and kept.
  Result<storage::EvaluationRow> close(const Principal& actor, std::int64_t evaluation_id, std::int64_t version,
                                       const std::string& reason);
  Result<storage::EvaluationRow> reopen(const Principal& actor, std::int64_t evaluation_id, std::int64_t version,
                                        const std::string& reason);
  Result<std::vector<storage::EvaluationEventRow>> evaluation_history(const Principal& actor,
                                                                      std::int64_t evaluation_id);

  // ---- sheets (evaluation_sheets.cpp) ---------------------------------------------------------
  Result<SheetView> sheet(const Principal& actor, std::int64_t sheet_id);
  /// The subject scores criteria typed by hand (computed ones fill themselves).
  Result<SheetView> self_assess(const Principal& actor, std::int64_t sheet_id, std::int64_t version,
                                const std::vector<EntryInput>& entries);
  Result<SheetView> submit(const Principal& actor, std::int64_t sheet_id, std::int64_t version);
  /// A reviewer's scores beside the subject's; a score that changes the current points needs a reason.
  Result<SheetView> review(const Principal& actor, std::int64_t sheet_id, std::int64_t version,
                           const std::vector<EntryInput>& entries);
  /// Back to the subject, with the reason.
  Result<SheetView> return_sheet(const Principal& actor, std::int64_t sheet_id, std::int64_t version,
                                 const std::string& reason);
  /// The Office makes a reviewed sheet final: what the council sees. The computed criteria's
  /// points and values are kept as entries then, so records verified later do not move it.
  Result<SheetView> finalise(const Principal& actor, std::int64_t sheet_id, std::int64_t version);

  // ---- ranking (evaluation_ranking.cpp) ---------------------------------------------------------
  /// Overseers (Office, leaders, council) see every sheet; a unit head their unit's (`unit_id`).
  Result<RankingView> ranking(const Principal& actor, std::int64_t template_id,
                              std::optional<std::int64_t> unit_id = std::nullopt);
  /// The data version a ranking page is made from (the audit chain's head), after the same
  /// rights check as `ranking`: a page rendered at that version is right while it holds. A
  /// cluster's template (ranked by `cluster_ranking`, with its own check) is only said to be one.
  Result<RankingStamp> ranking_stamp(const Principal& actor, std::int64_t template_id,
                                     std::optional<std::int64_t> unit_id = std::nullopt);
  /// The Office of a member agency scores a member of the cluster the template's agency is in.
  Result<void> score_cluster_member(const Principal& actor, std::int64_t template_id, std::int64_t scored_agency,
                                    const std::string& points, const std::string& comment);
  Result<ClusterRankingView> cluster_ranking(const Principal& actor, std::int64_t template_id);
  /// The evaluation a template belongs to (its id, status and version for close and reopen).
  Result<storage::EvaluationRow> template_evaluation(const Principal& actor, std::int64_t template_id);
  /// Every template of the agency's evaluation of a movement and year (units, people, cluster),
  /// in that order; none when the evaluation has not been opened.
  Result<std::vector<ScoreTemplate>> templates_of(const Principal& actor, std::int64_t agency_id,
                                                  std::int64_t movement_id, int year);

  // ---- lists for the pages (evaluation_lists.cpp) -------------------------------------------------
  /// Anyone of the agency. `movement_id` / `year` none or 0: the newest evaluation's, else the
  /// agency's newest movement and the last year of its period that has begun.
  Result<EvaluationOverview> overview(const Principal& actor, std::int64_t agency_id,
                                      std::optional<std::int64_t> movement_id, int year);

 private:
  std::shared_ptr<storage::Database> db_;
  std::shared_ptr<EvidenceService> evidence_;
  Clock clock_;
};

}  // namespace thidua::services
