#pragma once
/// SQL of the follow-up figures (issue 7). Every figure is an aggregate over one scope: the
/// agency, a unit (its own records and its people's) or a person. Each scope's WHERE binds the
/// same values in the same order — the scope's id, then those of the query — so one reader
/// serves the three.

namespace thidua::storage::sql {

/// Verified achievements of the movement in the period, per scope: binds (id, movement, first
/// year, last year, from, to). The year bounds let the indexes on (…, year, …) narrow the read.
inline constexpr const char* kFollowUpAgencyWhere =
    "WHERE a.agency_id = :a AND a.movement_id = :m AND a.year BETWEEN :y1 AND :y2 "
    "AND a.occurred_on BETWEEN :f AND :t AND a.status = 'verified' ";
inline constexpr const char* kFollowUpUnitWhere =
    "WHERE a.unit_id = :u AND a.movement_id = :m AND a.year BETWEEN :y1 AND :y2 "
    "AND a.occurred_on BETWEEN :f AND :t AND a.status = 'verified' ";
inline constexpr const char* kFollowUpPersonWhere =
    "WHERE a.person_id = :p AND a.movement_id = :m AND a.year BETWEEN :y1 AND :y2 "
    "AND a.occurred_on BETWEEN :f AND :t AND a.status = 'verified' ";
inline constexpr const char* kFollowUpAchievedGroup = "GROUP BY a.unit_id, a.item_id, a.commune_id";

/// Money, goods, labour and land, per unit, content item, commune and donor.
inline constexpr const char* kFollowUpMobilisedSelect =
    "SELECT a.unit_id, a.item_id, COALESCE(a.commune_id, 0), COALESCE(a.donor_kind, ''), "
    "COALESCE(a.donor_scope, ''), CAST(SUM(COALESCE(a.cash_vnd, 0)) AS BIGINT), "
    "CAST(SUM(COALESCE(a.goods_vnd, 0)) AS BIGINT), CAST(SUM(COALESCE(a.workdays, 0)) AS BIGINT), "
    "CAST(SUM(COALESCE(a.land_m2, 0)) AS BIGINT), CAST(COUNT(*) AS BIGINT) FROM achievement a ";
inline constexpr const char* kFollowUpMobilisedTail =
    "AND (a.cash_vnd IS NOT NULL OR a.goods_vnd IS NOT NULL OR a.workdays IS NOT NULL OR a.land_m2 IS NOT NULL) "
    "GROUP BY a.unit_id, a.item_id, a.commune_id, a.donor_kind, a.donor_scope";

/// Role models found in the period: the record, and whose it is.
inline constexpr const char* kFollowUpRoleModelSelect =
    "SELECT a.id, a.title, COALESCE(a.model_kind, ''), a.model_name, COALESCE(p.full_name, uv.name, ''), "
    "a.occurred_on FROM achievement a LEFT JOIN person p ON p.id = a.person_id "
    "LEFT JOIN unit_version uv ON uv.unit_id = a.unit_id AND uv.valid_to IS NULL ";
inline constexpr const char* kFollowUpRoleModelTail = "AND a.kind = 'role_model' ORDER BY a.occurred_on, a.id";

/// Pledged targets summed per subject's unit, year, content item and measure (a pledge without
/// targets still gives its status): binds (id, movement, first year, last year).
inline constexpr const char* kFollowUpPledgedSelect =
    "SELECT p.unit_id, p.year, p.status, COALESCE(t.item_id, 0), COALESCE(t.measure, ''), "
    "CAST(COALESCE(SUM(t.target), 0) AS BIGINT) FROM pledge p LEFT JOIN pledge_target t ON t.pledge_id = p.id ";
inline constexpr const char* kFollowUpPledgedAgency =
    "WHERE p.agency_id = :a AND p.movement_id = :m AND p.year BETWEEN :y1 AND :y2 AND p.subject_kind = 'unit' "
    "AND p.status <> 'withdrawn' GROUP BY p.unit_id, p.year, p.status, t.item_id, t.measure ORDER BY p.unit_id, p.year";
inline constexpr const char* kFollowUpPledgedUnit =
    "WHERE p.unit_id = :u AND p.movement_id = :m AND p.year BETWEEN :y1 AND :y2 AND p.subject_kind = 'unit' "
    "AND p.status <> 'withdrawn' GROUP BY p.unit_id, p.year, p.status, t.item_id, t.measure ORDER BY p.unit_id, p.year";
inline constexpr const char* kFollowUpPledgedPerson =
    "WHERE p.person_id = :p AND p.movement_id = :m AND p.year BETWEEN :y1 AND :y2 AND p.subject_kind = 'person' "
    "AND p.status <> 'withdrawn' GROUP BY p.unit_id, p.year, p.status, t.item_id, t.measure ORDER BY p.unit_id, p.year";

/// Assessments of the communes the agency has been assigned, up to the end of the period,
/// with the criteria set each used: binds (to, agency).
inline constexpr const char* kFollowUpAssessments =
    "SELECT a.commune_id, a.assessed_on, a.criteria_met, a.criteria_total, s.id, s.name, s.level, s.valid_from, "
    "COALESCE(s.valid_to, '') FROM assessment a JOIN criteria_set s ON s.id = a.set_id "
    "WHERE a.status = 'recorded' AND a.assessed_on <= :t AND a.commune_id IN "
    "(SELECT ca.commune_id FROM commune_assignment ca WHERE ca.agency_id = :a) "
    "ORDER BY a.commune_id, a.assessed_on, a.id";
/// Recognitions (and revocations) of those communes up to the period's last year: binds (year, agency).
inline constexpr const char* kFollowUpRecognitions =
    "SELECT r.commune_id, r.level, r.event, r.year FROM commune_recognition r WHERE r.status = 'recorded' "
    "AND r.year <= :y AND r.commune_id IN (SELECT ca.commune_id FROM commune_assignment ca WHERE ca.agency_id = :a) "
    "ORDER BY r.commune_id, r.year, r.id";

/// Initiatives of the movement (named by it, or by a verified record of it) dated in the
/// period, with their authors in order: binds (agency, movement, movement, from, to[, id]).
inline constexpr const char* kFollowUpInitiatives =
    "SELECT i.id, i.title, i.recognition_level, COALESCE(i.recognition_date, ''), COALESCE(p.full_name, '') "
    "FROM initiative i LEFT JOIN initiative_author ia ON ia.initiative_id = i.id "
    "LEFT JOIN person p ON p.id = ia.person_id WHERE i.agency_id = :a AND i.status = 'active' "
    "AND (i.movement_id = :m OR i.id IN (SELECT x.initiative_id FROM achievement x WHERE x.movement_id = :m2 "
    "AND x.status = 'verified' AND x.initiative_id IS NOT NULL)) "
    "AND COALESCE(i.recognition_date, i.applied_from, SUBSTR(i.created_at, 1, 10)) BETWEEN :f AND :t ";
inline constexpr const char* kFollowUpInitiativesOfUnit =
    "AND i.id IN (SELECT ia2.initiative_id FROM initiative_author ia2 JOIN person_placement pp "
    "ON pp.person_id = ia2.person_id AND pp.valid_to IS NULL WHERE pp.unit_id = :u) ";
inline constexpr const char* kFollowUpInitiativesOfPerson =
    "AND i.id IN (SELECT ia2.initiative_id FROM initiative_author ia2 WHERE ia2.person_id = :p) ";
inline constexpr const char* kFollowUpInitiativesOrder = "ORDER BY i.id, ia.position, ia.person_id";

/// Awards given (the register: decided or imported, not withdrawn) per form and subject kind
/// over the period's years, of the movement or of no movement: binds (agency, first year,
/// last year, movement[, scope id twice / once]).
inline constexpr const char* kFollowUpAwardsGiven =
    "SELECT w.form, w.subject_kind, CAST(COUNT(*) AS BIGINT) FROM award w WHERE w.agency_id = :a "
    "AND w.withdrawn = 0 AND w.year BETWEEN :y1 AND :y2 AND (w.movement_id = :m OR w.movement_id IS NULL) ";
inline constexpr const char* kFollowUpAwardsGivenUnit =
    "AND ((w.subject_kind = 'unit' AND w.subject_id = :u) OR (w.subject_kind = 'person' AND w.subject_id IN "
    "(SELECT pp.person_id FROM person_placement pp WHERE pp.unit_id = :u2 AND pp.valid_to IS NULL))) ";
inline constexpr const char* kFollowUpAwardsGivenPerson = "AND w.subject_kind = 'person' AND w.subject_id = :p ";
inline constexpr const char* kFollowUpAwardsGivenGroup = "GROUP BY w.form, w.subject_kind";
/// Proposed: nominations in progress (submitted to approved, not yet decided) and higher
/// awards not yet decided, per form. Same binds as above (a higher award names no movement:
/// no movement bind).
inline constexpr const char* kFollowUpNominated =
    "SELECT n.form, CAST(COUNT(*) AS BIGINT) FROM nomination n WHERE n.agency_id = :a AND n.year BETWEEN :y1 AND :y2 "
    "AND n.status IN ('submitted', 'returned', 'resubmitted', 'accepted', 'approved') "
    "AND (n.movement_id = :m OR n.movement_id IS NULL) ";
inline constexpr const char* kFollowUpNominatedUnit = "AND n.unit_id = :u ";
inline constexpr const char* kFollowUpNominatedPerson = "AND n.subject_kind = 'person' AND n.subject_id = :p ";
inline constexpr const char* kFollowUpNominatedGroup = "GROUP BY n.form";
inline constexpr const char* kFollowUpHigher =
    "SELECT h.form, CAST(COUNT(*) AS BIGINT) FROM higher_award h JOIN higher_award_subject s "
    "ON s.higher_award_id = h.id WHERE h.agency_id = :a AND h.award_year BETWEEN :y1 AND :y2 "
    "AND h.status IN ('draft', 'sent', 'returned') ";
inline constexpr const char* kFollowUpHigherUnit =
    "AND ((s.subject_kind = 'unit' AND s.subject_id = :u) OR (s.subject_kind = 'person' AND s.subject_id IN "
    "(SELECT pp.person_id FROM person_placement pp WHERE pp.unit_id = :u2 AND pp.valid_to IS NULL))) ";
inline constexpr const char* kFollowUpHigherPerson = "AND s.subject_kind = 'person' AND s.subject_id = :p ";
inline constexpr const char* kFollowUpHigherGroup = "GROUP BY h.form";

}  // namespace thidua::storage::sql
