#pragma once
/// SQL of evaluation_repo and score_sheet_repo: portable between SQLite and PostgreSQL.

namespace thidua::storage::sql {

// ---- evaluations -----------------------------------------------------------------------------
inline constexpr const char* kEvaluationColumns =
    "SELECT id, agency_id, movement_id, year, status, version FROM evaluation ";
inline constexpr const char* kInsertEvaluation =
    "INSERT INTO evaluation (agency_id, movement_id, year, status, created_by, created_at, version) "
    "VALUES (:a, :m, :y, 'open', :by, :at, 1)";
inline constexpr const char* kSetEvaluationStatus =
    "UPDATE evaluation SET status = :s, version = version + 1 WHERE id = :id AND version = :v";
inline constexpr const char* kInsertEvaluationEvent =
    "INSERT INTO evaluation_event (evaluation_id, event, reason, actor_id, at) VALUES (:e, :ev, :r, :by, :at)";
inline constexpr const char* kEvaluationEvents =
    "SELECT x.event, x.reason, COALESCE(u.display_name, ''), x.at FROM evaluation_event x "
    "LEFT JOIN user_account u ON u.id = x.actor_id WHERE x.evaluation_id = :e ORDER BY x.id";

// ---- templates -------------------------------------------------------------------------------
inline constexpr const char* kTemplateColumns =
    "SELECT t.id, e.agency_id, e.movement_id, e.year, t.subject_kind, t.title, t.version, t.copied_from, "
    "t.evaluation_id FROM score_template t JOIN evaluation e ON e.id = t.evaluation_id ";
inline constexpr const char* kInsertTemplate =
    "INSERT INTO score_template (evaluation_id, subject_kind, title, copied_from, created_by, created_at, "
    "updated_at, version) VALUES (:e, :k, :t, :c, :by, :at, :at2, 1)";
inline constexpr const char* kTouchTemplate =
    "UPDATE score_template SET title = :t, updated_at = :at, version = version + 1 WHERE id = :id AND version = :v";
inline constexpr const char* kInsertGroup =
    "INSERT INTO template_group (template_id, position, title) VALUES (:t, :p, :title)";
inline constexpr const char* kInsertCriterion =
    "INSERT INTO template_criterion (template_id, group_id, position, title, guidance, evidence_expected, kind, "
    "max_points, measure, aggregate, mapping, per_unit) "
    "VALUES (:t, :g, :p, :title, :gd, :ev, :k, :max, :m, :ag, :mp, :pu)";
inline constexpr const char* kInsertThreshold =
    "INSERT INTO template_threshold (criterion_id, position, at_least, points) VALUES (:c, :p, :a, :pts)";
inline constexpr const char* kInsertBand =
    "INSERT INTO template_band (template_id, position, code, name, at_least) VALUES (:t, :p, :c, :n, :a)";
inline constexpr const char* kGroupsOf =
    "SELECT id, title FROM template_group WHERE template_id = :t ORDER BY position";
inline constexpr const char* kCriteriaOf =
    "SELECT id, group_id, title, guidance, evidence_expected, kind, max_points, COALESCE(measure, ''), "
    "COALESCE(aggregate, ''), COALESCE(mapping, ''), per_unit FROM template_criterion WHERE template_id = :t "
    "ORDER BY position";
inline constexpr const char* kThresholdsOf =
    "SELECT h.criterion_id, h.at_least, h.points FROM template_threshold h "
    "JOIN template_criterion c ON c.id = h.criterion_id WHERE c.template_id = :t ORDER BY h.criterion_id, h.position";
inline constexpr const char* kBandsOf =
    "SELECT code, name, at_least FROM template_band WHERE template_id = :t ORDER BY position";
// A template's content is replaced only while no sheet uses it (the service checks), so the
// rows go before the new ones are written.
inline constexpr const char* kDeleteThresholds =
    "DELETE FROM template_threshold WHERE criterion_id IN (SELECT id FROM template_criterion WHERE template_id = :t)";
inline constexpr const char* kDeleteCriteria = "DELETE FROM template_criterion WHERE template_id = :t";
inline constexpr const char* kDeleteGroups = "DELETE FROM template_group WHERE template_id = :t";
inline constexpr const char* kDeleteBands = "DELETE FROM template_band WHERE template_id = :t";
inline constexpr const char* kTemplateFor =
    "SELECT id FROM score_template WHERE evaluation_id = :e AND subject_kind = :k";
inline constexpr const char* kTemplateEvaluation = "SELECT evaluation_id FROM score_template WHERE id = :t";
/// What uses a template: its sheets and, for a cluster's, the scores given against it.
inline constexpr const char* kTemplateUses =
    "SELECT CAST((SELECT COUNT(*) FROM score_sheet WHERE template_id = :t) + "
    "(SELECT COUNT(*) FROM cluster_score WHERE template_id = :t2) AS BIGINT)";

// ---- sheets ----------------------------------------------------------------------------------
inline constexpr const char* kSheetColumns =
    "SELECT s.id, s.evaluation_id, s.template_id, s.agency_id, s.subject_kind, s.unit_id, COALESCE(s.person_id, 0), "
    "s.status, COALESCE(s.submitted_at, ''), s.version, COALESCE(p.full_name, uv.name, ''), "
    "COALESCE(p.sort_key, ''), COALESCE(uv.name, '') FROM score_sheet s LEFT JOIN person p ON p.id = s.person_id "
    "LEFT JOIN unit_version uv ON uv.unit_id = s.unit_id AND uv.valid_to IS NULL ";
inline constexpr const char* kSheetSubjects = "SELECT subject_key FROM score_sheet WHERE template_id = :t";
/// The agency's active units, and its active people with their current unit.
inline constexpr const char* kActiveUnits =
    "SELECT id, id FROM unit WHERE agency_id = :a AND status = 'active' ORDER BY id";
inline constexpr const char* kActivePeople =
    "SELECT p.id, pp.unit_id FROM person p JOIN person_placement pp ON pp.person_id = p.id AND pp.valid_to IS NULL "
    "WHERE p.agency_id = :a AND p.status = 'active' ORDER BY p.id";
inline constexpr const char* kSheetAppliedEvents =
    "INSERT INTO sheet_event (sheet_id, event, comment, actor_id, at) SELECT s.id, 'applied', '', :by, :at "
    "FROM score_sheet s WHERE s.template_id = :t AND NOT EXISTS (SELECT 1 FROM sheet_event x WHERE x.sheet_id = s.id)";
inline constexpr const char* kSetSheetStatus =
    "UPDATE score_sheet SET status = :s, submitted_at = :sub, updated_at = :at, version = version + 1 "
    "WHERE id = :id AND version = :v";
inline constexpr const char* kInsertEntry =
    "INSERT INTO score_entry (sheet_id, criterion_id, round, points, value, comment, reason, scored_by, scored_at) "
    "VALUES (:s, :c, :r, :p, :v, :cm, :why, :by, :at)";
inline constexpr const char* kEntriesOf =
    "SELECT x.id, x.criterion_id, x.round, x.points, x.value, x.comment, x.reason, COALESCE(u.display_name, ''), "
    "x.scored_at "
    "FROM score_entry x LEFT JOIN user_account u ON u.id = x.scored_by WHERE x.sheet_id = :s ORDER BY x.id";
/// Every entry of a template's sheets, oldest first: the newest per sheet and criterion wins.
inline constexpr const char* kTemplateEntries =
    "SELECT x.sheet_id, x.criterion_id, x.points FROM score_entry x JOIN score_sheet s ON s.id = x.sheet_id "
    "WHERE s.template_id = :t ORDER BY x.id";
inline constexpr const char* kSheetOfEntry = "SELECT sheet_id FROM score_entry WHERE id = :e";
inline constexpr const char* kInsertSheetEvent =
    "INSERT INTO sheet_event (sheet_id, event, round, comment, actor_id, at) VALUES (:s, :e, :r, :c, :by, :at)";
inline constexpr const char* kSheetEvents =
    "SELECT x.event, COALESCE(x.round, ''), x.comment, COALESCE(u.display_name, ''), x.at FROM sheet_event x "
    "LEFT JOIN user_account u ON u.id = x.actor_id WHERE x.sheet_id = :s ORDER BY x.id";

// ---- verified achievements per subject, for computed criteria ---------------------------------
/// Each measure's total, then the records carrying each summed measure (counted measures are
/// their records). One grouped query for every subject of the movement and year.
inline constexpr const char* kMeasureSelect =
    "CAST(SUM(COALESCE(a.sessions, 0)) AS BIGINT), CAST(SUM(COALESCE(a.participants, 0)) AS BIGINT), "
    "CAST(SUM(COALESCE(a.cash_vnd, 0)) AS BIGINT), CAST(SUM(COALESCE(a.goods_vnd, 0)) AS BIGINT), "
    "CAST(SUM(COALESCE(a.workdays, 0)) AS BIGINT), CAST(SUM(COALESCE(a.land_m2, 0)) AS BIGINT), "
    "CAST(SUM(CASE WHEN a.kind = 'initiative' THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(SUM(CASE WHEN a.commune_id IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(SUM(CASE WHEN a.kind = 'support_visit' THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(SUM(CASE WHEN a.kind = 'role_model' THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(SUM(CASE WHEN a.kind = 'other' THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(SUM(CASE WHEN a.sessions > 0 THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(SUM(CASE WHEN a.participants > 0 THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(SUM(CASE WHEN a.cash_vnd > 0 THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(SUM(CASE WHEN a.goods_vnd > 0 THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(SUM(CASE WHEN a.workdays > 0 THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(SUM(CASE WHEN a.land_m2 > 0 THEN 1 ELSE 0 END) AS BIGINT) FROM achievement a ";
inline constexpr const char* kMeasuresByPerson =
    "WHERE a.movement_id = :m AND a.year = :y AND a.status = 'verified' AND a.person_id IS NOT NULL "
    "GROUP BY a.person_id";
/// A unit counts its own records and its people's (achievement.unit_id is the person's unit on the day).
inline constexpr const char* kMeasuresByUnit =
    "WHERE a.movement_id = :m AND a.year = :y AND a.status = 'verified' GROUP BY a.unit_id";
inline constexpr const char* kMeasuresOfPerson =
    "WHERE a.movement_id = :m AND a.year = :y AND a.status = 'verified' AND a.person_id = :p GROUP BY a.person_id";
inline constexpr const char* kMeasuresOfUnit =
    "WHERE a.movement_id = :m AND a.year = :y AND a.status = 'verified' AND a.unit_id = :u GROUP BY a.unit_id";

// ---- clusters --------------------------------------------------------------------------------
inline constexpr const char* kInsertClusterScore =
    "INSERT INTO cluster_score (template_id, cluster_id, scorer_agency_id, scored_agency_id, points, comment, "
    "scored_by, scored_at) VALUES (:t, :c, :from, :to, :p, :cm, :by, :at)";
/// Oldest first: the newest per scorer and scored agency wins.
inline constexpr const char* kClusterScores =
    "SELECT scorer_agency_id, scored_agency_id, points FROM cluster_score WHERE template_id = :t ORDER BY id";

}  // namespace thidua::storage::sql
