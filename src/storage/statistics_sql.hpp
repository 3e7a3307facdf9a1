#pragma once
/// The aggregate queries behind the statistical forms and the province-wide totals (issue 7).
/// Each groups by agency over an `IN (…)` list of agency ids (storage/id_list.hpp) spliced in
/// where the text says {ids}; the period's bounds are bound. Sums are cast to BIGINT (PostgreSQL
/// sums BIGINT into NUMERIC).

namespace thidua::storage::sql {

/// Launched movements whose period overlaps [:from, :to], by agency, level, kind and period:
/// one row per distinct combination (the durations are judged by the service).
inline constexpr const char* kStatMovements =
    "SELECT agency_id, level, kind, period_from, period_to, CAST(COUNT(*) AS BIGINT) FROM movement "
    "WHERE agency_id IN ({ids}) AND status <> 'draft' AND period_from <= :to AND period_to >= :from "
    "GROUP BY agency_id, level, kind, period_from, period_to";

/// Awards in force decided in [:from, :to] (an imported award without a date: its year :y), by
/// agency, form and subject kind, with how many of the people are women.
inline constexpr const char* kStatAwards =
    "SELECT a.agency_id, a.form, a.subject_kind, CAST(COUNT(*) AS BIGINT), "
    "CAST(COALESCE(SUM(CASE WHEN p.gender = 'female' THEN 1 ELSE 0 END), 0) AS BIGINT) "
    "FROM award a LEFT JOIN person p ON a.subject_kind = 'person' AND p.id = a.subject_id "
    "WHERE a.agency_id IN ({ids}) AND a.withdrawn = 0 "
    "AND ((a.decision_date >= :from AND a.decision_date <= :to) OR (a.decision_date = '' AND a.year = :y)) "
    "GROUP BY a.agency_id, a.form, a.subject_kind";

/// Verified achievements of the year :y by agency: how many, and what they mobilised.
inline constexpr const char* kStatAchievements =
    "SELECT agency_id, CAST(COUNT(*) AS BIGINT), CAST(COALESCE(SUM(cash_vnd), 0) AS BIGINT), "
    "CAST(COALESCE(SUM(goods_vnd), 0) AS BIGINT), CAST(COALESCE(SUM(workdays), 0) AS BIGINT), "
    "CAST(COALESCE(SUM(land_m2), 0) AS BIGINT) FROM achievement "
    "WHERE year = :y AND status = 'verified' AND agency_id IN ({ids}) GROUP BY agency_id";

/// Initiatives in the register recognised (at any level) in [:from, :to], by agency.
inline constexpr const char* kStatInitiatives =
    "SELECT agency_id, CAST(COUNT(*) AS BIGINT) FROM initiative "
    "WHERE agency_id IN ({ids}) AND status = 'active' AND recognition_level <> 'none' "
    "AND recognition_date >= :from AND recognition_date <= :to GROUP BY agency_id";

/// The agencies under an authority, by code.
inline constexpr const char* kStatChildAgencies =
    "SELECT id, code, name FROM agency WHERE parent_id = :p ORDER BY code, id";

/// The cluster templates (cross-scoring of the agencies of a cluster) of the year's evaluations
/// of the agencies.
inline constexpr const char* kStatClusterTemplates =
    "SELECT t.id, t.title, e.agency_id FROM score_template t JOIN evaluation e ON e.id = t.evaluation_id "
    "WHERE t.subject_kind = 'cluster_agency' AND e.year = :y AND e.agency_id IN ({ids}) ORDER BY t.id";

}  // namespace thidua::storage::sql
