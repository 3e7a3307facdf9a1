#pragma once
/// SQL of eligibility_repo: the commendation inputs (task_rating, sanction, pending_case,
/// leave_period, imported awards) and the bulk reads the rules engine needs for one agency and
/// year — one query per kind of fact, whatever the number of people. Portable between SQLite
/// and PostgreSQL; nullable columns come back through COALESCE.

namespace thidua::storage::sql {

inline constexpr const char* kInsertRating =
    "INSERT INTO task_rating (agency_id, subject_kind, subject_id, year, rating, reason, source, created_by, "
    "created_at) VALUES (:a, :k, :s, :y, :r, :why, :src, :by, :at)";
inline constexpr const char* kRatingHistory =
    "SELECT t.id, t.rating, t.reason, t.source, t.created_at, COALESCE(u.display_name, '') FROM task_rating t "
    "LEFT JOIN user_account u ON u.id = t.created_by "
    "WHERE t.subject_kind = :k AND t.subject_id = :s AND t.year = :y ORDER BY t.id DESC";
inline constexpr const char* kInsertSanction =
    "INSERT INTO sanction (agency_id, person_id, level, decided_on, ended_on, decision_ref, note, created_by, "
    "created_at) VALUES (:a, :p, :l, :d, :e, :ref, :note, :by, :at)";
inline constexpr const char* kInsertCase =
    "INSERT INTO pending_case (agency_id, subject_kind, subject_id, kind, opened_on, closed_on, note, created_by, "
    "created_at) VALUES (:a, :k, :s, :kind, :o, :c, :note, :by, :at)";
/// Cases of an agency still pending, oldest first.
inline constexpr const char* kOpenCases =
    "SELECT id, subject_kind, subject_id, kind, opened_on, note FROM pending_case "
    "WHERE agency_id = :a AND closed_on IS NULL ORDER BY opened_on, id";
/// Closing a pending case (once): the day it was settled.
inline constexpr const char* kCloseCase =
    "UPDATE pending_case SET closed_on = :c WHERE id = :id AND agency_id = :a AND closed_on IS NULL AND opened_on <= :c2";
inline constexpr const char* kInsertLeave =
    "INSERT INTO leave_period (agency_id, person_id, kind, from_date, to_date, note, created_by, created_at) "
    "VALUES (:a, :p, :k, :f, :t, :note, :by, :at)";
inline constexpr const char* kInsertImportedAward =
    "INSERT INTO award (agency_id, subject_kind, subject_id, subject_name, form, basis, year, decision_ref, "
    "decision_date, issuer, source, note, created_by, created_at) "
    "VALUES (:a, :k, :s, :n, :f, :b, :y, :ref, :d, :iss, 'imported', :note, :by, :at)";

/// People placed in the agency's units during the year, one row per placement, oldest first.
inline constexpr const char* kPlacementsInYear =
    "SELECT p.id, p.full_name, p.sort_key, p.gender, pp.unit_id, pp.valid_from, COALESCE(pp.valid_to, '') "
    "FROM person p JOIN person_placement pp ON pp.person_id = p.id "
    "WHERE p.agency_id = :a AND pp.valid_from <= :end AND (pp.valid_to IS NULL OR pp.valid_to > :start) "
    "ORDER BY p.id, pp.valid_from, pp.id";
/// Every rating of the year; the newest (highest id) of a subject counts.
inline constexpr const char* kRatingsOfYear =
    "SELECT subject_kind, subject_id, rating FROM task_rating WHERE agency_id = :a AND year = :y "
    "ORDER BY subject_kind, subject_id, id";
inline constexpr const char* kSanctionsOfYear =
    "SELECT person_id, level, decided_on, COALESCE(ended_on, '') FROM sanction "
    "WHERE agency_id = :a AND withdrawn_reason IS NULL AND decided_on <= :end "
    "AND (ended_on IS NULL OR ended_on >= :start)";
inline constexpr const char* kCasesOpenBy =
    "SELECT subject_kind, subject_id, kind, opened_on, COALESCE(closed_on, '') FROM pending_case "
    "WHERE agency_id = :a AND opened_on <= :asof AND (closed_on IS NULL OR closed_on > :start)";
inline constexpr const char* kLeavesOfYear =
    "SELECT person_id, kind, from_date, to_date FROM leave_period "
    "WHERE agency_id = :a AND from_date <= :end AND to_date >= :start";
/// Recognised initiatives of the agency's people, with each live use for that author (or the
/// collective): one row per initiative, author and use.
inline constexpr const char* kInitiativesOfAuthors =
    "SELECT a.person_id, i.id, i.recognition_level, COALESCE(i.recognition_date, ''), "
    "COALESCE(u.basis_ref, ''), COALESCE(u.year, 0) "
    "FROM initiative i JOIN initiative_author a ON a.initiative_id = i.id "
    "LEFT JOIN initiative_use u ON u.initiative_id = i.id AND u.released_at IS NULL "
    "AND (u.person_id = a.person_id OR u.person_id IS NULL) "
    "WHERE i.agency_id = :a AND i.status = 'active' AND i.recognition_level <> 'none' "
    "AND i.recognition_date IS NOT NULL AND i.recognition_date <= :end "
    "ORDER BY a.person_id, i.id";
inline constexpr const char* kAwardsSince =
    "SELECT subject_kind, subject_id, form, basis, year, COALESCE(movement_id, 0) FROM award "
    "WHERE agency_id = :a AND withdrawn = 0 AND year >= :from AND year <= :y";
/// Verified achievements of the year per person, and per unit (its own and its people's, as
/// progress counts them); read from the indexes achievement_person and achievement_unit alone.
/// The *OfMovement forms keep one movement's.
inline constexpr const char* kPersonAchievements =
    "SELECT a.person_id, CAST(COUNT(*) AS BIGINT) FROM person p JOIN achievement a ON a.person_id = p.id "
    "AND a.year = :y WHERE p.agency_id = :a AND a.status = 'verified' GROUP BY a.person_id";
inline constexpr const char* kPersonAchievementsOfMovement =
    "SELECT a.person_id, CAST(COUNT(*) AS BIGINT) FROM person p JOIN achievement a ON a.person_id = p.id "
    "AND a.year = :y AND a.movement_id = :m WHERE p.agency_id = :a AND a.status = 'verified' GROUP BY a.person_id";
inline constexpr const char* kUnitAchievements =
    "SELECT a.unit_id, CAST(COUNT(*) AS BIGINT) FROM unit u JOIN achievement a ON a.unit_id = u.id "
    "AND a.year = :y WHERE u.agency_id = :a AND a.status = 'verified' GROUP BY a.unit_id";
inline constexpr const char* kUnitAchievementsOfMovement =
    "SELECT a.unit_id, CAST(COUNT(*) AS BIGINT) FROM unit u JOIN achievement a ON a.unit_id = u.id "
    "AND a.year = :y AND a.movement_id = :m WHERE u.agency_id = :a AND a.status = 'verified' GROUP BY a.unit_id";
inline constexpr const char* kHouseholdsOfAgency =
    "SELECT id, head_name FROM household WHERE agency_id = :a ORDER BY name_key, id";

}  // namespace thidua::storage::sql
