#pragma once
/// SQL of nomination_repo: nominations, their events and achievement reports. Portable between
/// SQLite and PostgreSQL.

namespace thidua::storage::sql {

inline constexpr const char* kNominationColumns =
    "SELECT n.id, n.agency_id, n.subject_kind, n.subject_id, n.subject_name, COALESCE(n.unit_id, 0), "
    "COALESCE(uv.name, ''), n.form, n.year, COALESCE(n.movement_id, 0), n.status, n.verdict, n.verdict_reasons, "
    "n.justification, COALESCE(n.decision_id, 0), n.created_at, n.updated_at, n.version "
    "FROM nomination n LEFT JOIN unit_version uv ON uv.unit_id = n.unit_id AND uv.valid_to IS NULL ";
inline constexpr const char* kInsertNomination =
    "INSERT INTO nomination (agency_id, subject_kind, subject_id, subject_name, unit_id, form, year, movement_id, "
    "status, verdict, verdict_reasons, justification, created_by, created_at, updated_at, version) "
    "VALUES (:a, :k, :s, :name, :u, :f, :y, :m, 'draft', :v, :vr, :j, :by, :at, :at2, 1)";
inline constexpr const char* kSetNominationStatus =
    "UPDATE nomination SET status = :s, updated_at = :at, version = version + 1 WHERE id = :id AND version = :v";
inline constexpr const char* kSetNominationDecided =
    "UPDATE nomination SET status = 'decided', decision_id = :d, updated_at = :at, version = version + 1 "
    "WHERE id = :id AND status = 'approved'";
inline constexpr const char* kEditNomination =
    "UPDATE nomination SET justification = :j, movement_id = :m, updated_at = :at, version = version + 1 "
    "WHERE id = :id AND version = :v";
inline constexpr const char* kNominationFor =
    "SELECT id FROM nomination WHERE agency_id = :a AND subject_kind = :k AND subject_id = :s AND form = :f "
    "AND year = :y";
inline constexpr const char* kInsertNominationEvent =
    "INSERT INTO nomination_event (nomination_id, event, from_status, to_status, reason, actor_id, at) "
    "VALUES (:n, :e, :f, :t, :r, :by, :at)";
inline constexpr const char* kNominationEvents =
    "SELECT x.event, x.from_status, x.to_status, x.reason, COALESCE(u.display_name, ''), x.at "
    "FROM nomination_event x LEFT JOIN user_account u ON u.id = x.actor_id WHERE x.nomination_id = :n ORDER BY x.id";
inline constexpr const char* kInsertNominationReport =
    "INSERT INTO nomination_report (nomination_id, body, source, author_id, at) VALUES (:n, :b, :s, :by, :at)";
inline constexpr const char* kNominationReports =
    "SELECT r.id, r.body, r.source, COALESCE(u.display_name, ''), r.at FROM nomination_report r "
    "LEFT JOIN user_account u ON u.id = r.author_id WHERE r.nomination_id = :n ORDER BY r.id";
inline constexpr const char* kNominationHousehold = "SELECT agency_id, head_name FROM household WHERE id = :id";
/// A unit's heads: the people whose account holds unit_head for the unit (or for no unit,
/// placed in it).
inline constexpr const char* kNominationUnitHeads =
    "SELECT DISTINCT p.id FROM role_grant g JOIN person p ON p.user_id = g.user_id "
    "LEFT JOIN person_placement pl ON pl.person_id = p.id AND pl.valid_to IS NULL "
    "WHERE g.role = 'unit_head' AND g.agency_id = :a AND (g.unit_id = :u OR (g.unit_id IS NULL AND pl.unit_id = :u2))";

}  // namespace thidua::storage::sql

namespace thidua::storage::sql {
inline constexpr const char* kInsertNominationHousehold =
    "INSERT INTO household (agency_id, head_name, name_key, address, created_by, created_at, version) "
    "VALUES (:a, :h, :k, :addr, :by, :at, 1)";
inline constexpr const char* kNominationCreator = "SELECT COALESCE(created_by, 0) FROM nomination WHERE id = :id";
}  // namespace thidua::storage::sql
