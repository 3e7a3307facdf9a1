#pragma once
/// SQL of evaluation_lists_repo: what the evaluation pages list (an agency's evaluations, a
/// template's summary, the sheets a person owns or reviews). Portable between SQLite and PostgreSQL.

namespace thidua::storage::sql {

inline constexpr const char* kEvaluationsOfAgency =
    "SELECT id, agency_id, movement_id, year, status, version FROM evaluation WHERE agency_id = :a "
    "ORDER BY year DESC, id DESC";
/// Each template of an evaluation with how many sheets it has and how many of them were submitted.
inline constexpr const char* kTemplatesOfEvaluation =
    "SELECT t.id, t.subject_kind, t.title, t.version, "
    "CAST((SELECT COUNT(*) FROM score_sheet s WHERE s.template_id = t.id) AS BIGINT), "
    "CAST((SELECT COUNT(*) FROM score_sheet s WHERE s.template_id = t.id AND s.status IN "
    "('submitted', 'reviewed', 'final')) AS BIGINT) "
    "FROM score_template t WHERE t.evaluation_id = :e ORDER BY t.id";
/// Appended to kSheetColumns.
inline constexpr const char* kSheetsOfPerson = "WHERE s.evaluation_id = :e AND s.person_id = :p ORDER BY s.id";
inline constexpr const char* kSheetsOfUnit =
    "WHERE s.evaluation_id = :e AND s.unit_id = :u ORDER BY CASE WHEN s.person_id IS NULL THEN 0 ELSE 1 END, "
    "p.sort_key, s.id";

}  // namespace thidua::storage::sql
