#pragma once
/// SQL of pledge_repo and covenant_repo: portable between SQLite and PostgreSQL. Names shown
/// with a record are the latest ones (a unit's or a commune's last version).

namespace thidua::storage::sql {

inline constexpr const char* kPledgeColumns =
    "SELECT p.id, p.agency_id, p.movement_id, m.title, p.year, p.subject_kind, p.unit_id, "
    "COALESCE((SELECT uv.name FROM unit_version uv WHERE uv.unit_id = p.unit_id ORDER BY uv.valid_from DESC "
    "LIMIT 1), ''), p.person_id, COALESCE(pe.full_name, ''), p.status, p.note, p.last_comment, "
    "COALESCE(p.submitted_at, ''), p.decided_by, COALESCE(du.display_name, ''), COALESCE(p.decided_at, ''), "
    "p.created_by, p.created_at, p.updated_at, p.version FROM pledge p JOIN movement m ON m.id = p.movement_id "
    "LEFT JOIN person pe ON pe.id = p.person_id LEFT JOIN user_account du ON du.id = p.decided_by ";
inline constexpr const char* kPledgeOrder = " ORDER BY p.subject_kind DESC, p.unit_id, pe.sort_key, p.id";
inline constexpr const char* kInsertPledge =
    "INSERT INTO pledge (agency_id, movement_id, year, subject_kind, unit_id, person_id, subject_key, status, note, "
    "last_comment, created_by, created_at, updated_at, version) "
    "VALUES (:a, :m, :y, :k, :u, :p, :s, 'draft', :note, '', :by, :at, :at2, 1)";
inline constexpr const char* kUpdatePledgeNote =
    "UPDATE pledge SET note = :note, updated_at = :at, version = version + 1 WHERE id = :id AND version = :v";
inline constexpr const char* kSetPledgeStatus =
    "UPDATE pledge SET status = :s, last_comment = :c, submitted_at = COALESCE(:sub, submitted_at), "
    "decided_by = COALESCE(:by, decided_by), decided_at = COALESCE(:dat, decided_at), updated_at = :at, "
    "version = version + 1 WHERE id = :id AND version = :v";
inline constexpr const char* kLivePledge =
    "SELECT id FROM pledge WHERE movement_id = :m AND year = :y AND subject_kind = :k AND subject_key = :s "
    "AND status <> 'withdrawn'";

inline constexpr const char* kTargetColumns =
    "SELECT t.id, t.pledge_id, t.item_id, i.body, t.measure, t.target, t.commune_id, "
    "COALESCE((SELECT cv.name FROM commune_version cv WHERE cv.commune_id = t.commune_id ORDER BY cv.valid_from "
    "DESC LIMIT 1), ''), t.note, t.position FROM pledge_target t JOIN movement_item i ON i.id = t.item_id ";
inline constexpr const char* kInsertTarget =
    "INSERT INTO pledge_target (pledge_id, item_id, measure, target, commune_id, note, position) "
    "VALUES (:p, :i, :m, :t, :c, :n, :pos)";

inline constexpr const char* kEventColumns =
    "SELECT e.id, e.pledge_id, e.event, e.comment, COALESCE(e.before_json, ''), e.actor_id, "
    "COALESCE(u.display_name, ''), e.at FROM pledge_event e LEFT JOIN user_account u ON u.id = e.actor_id ";
inline constexpr const char* kInsertEvent =
    "INSERT INTO pledge_event (pledge_id, event, comment, before_json, actor_id, at) "
    "VALUES (:p, :e, :c, :b, :by, :at)";

inline constexpr const char* kFindWindow =
    "SELECT deadline, set_by, set_at FROM pledge_window WHERE movement_id = :m AND year = :y";
inline constexpr const char* kInsertWindow =
    "INSERT INTO pledge_window (movement_id, year, deadline, set_by, set_at) VALUES (:m, :y, :d, :by, :at)";
inline constexpr const char* kUpdateWindow =
    "UPDATE pledge_window SET deadline = :d, set_by = :by, set_at = :at WHERE movement_id = :m AND year = :y";

/// Active people of an agency in their current unit, by the Vietnamese sort key.
inline constexpr const char* kRoster =
    "SELECT pe.id, pe.full_name, pe.user_id, pl.unit_id, pl.position FROM person pe "
    "JOIN person_placement pl ON pl.person_id = pe.id AND pl.valid_to IS NULL "
    "WHERE pe.agency_id = :a AND pe.status = 'active' ORDER BY pe.sort_key, pe.id";
/// Live pledges of a movement's year in an agency: who, and where they stand.
inline constexpr const char* kPledgeStatuses =
    "SELECT id, subject_kind, subject_key, status, unit_id FROM pledge WHERE agency_id = :a AND movement_id = :m "
    "AND year = :y AND status <> 'withdrawn'";
/// A unit-head grant that names no unit is for the unit its holder's person record is in.
inline constexpr const char* kUnitHeads =
    "SELECT COALESCE(g.unit_id, pl.unit_id), g.user_id FROM role_grant g JOIN user_account u ON u.id = g.user_id "
    "LEFT JOIN person pe ON pe.user_id = g.user_id "
    "LEFT JOIN person_placement pl ON pl.person_id = pe.id AND pl.valid_to IS NULL "
    "WHERE g.role = 'unit_head' AND g.agency_id = :a AND u.status = 'active' "
    "AND COALESCE(g.unit_id, pl.unit_id) IS NOT NULL ORDER BY 1, 2";
/// Communes assigned to an agency at some time in [from, to] (valid_to is exclusive).
inline constexpr const char* kCommunesAssignedBetween =
    "SELECT DISTINCT a.commune_id, COALESCE((SELECT cv.name FROM commune_version cv WHERE cv.commune_id = "
    "a.commune_id ORDER BY cv.valid_from DESC LIMIT 1), ''), COALESCE((SELECT cv.kind FROM commune_version cv "
    "WHERE cv.commune_id = a.commune_id ORDER BY cv.valid_from DESC LIMIT 1), '') FROM commune_assignment a "
    "WHERE a.agency_id = :a AND a.valid_from <= :t AND (a.valid_to IS NULL OR a.valid_to > :f)";

inline constexpr const char* kCovenantColumns =
    "SELECT c.id, c.cluster_id, cl.name, c.year, c.title, c.signed_on, c.place, c.note, c.recorded_by_agency, "
    "COALESCE(ag.name, ''), c.status, COALESCE(c.withdrawn_at, ''), c.withdraw_reason, c.created_by, "
    "c.created_at, c.version FROM covenant c JOIN cluster cl ON cl.id = c.cluster_id "
    "LEFT JOIN agency ag ON ag.id = c.recorded_by_agency ";
inline constexpr const char* kInsertCovenant =
    "INSERT INTO covenant (cluster_id, year, title, signed_on, place, note, recorded_by_agency, status, "
    "created_by, created_at, version) VALUES (:c, :y, :t, :s, :p, :n, :a, 'active', :by, :at, 1)";
inline constexpr const char* kCovenantParties =
    "SELECT cp.covenant_id, cp.agency_id, ag.code, ag.name FROM covenant_party cp JOIN agency ag ON "
    "ag.id = cp.agency_id ";
inline constexpr const char* kWithdrawCovenant =
    "UPDATE covenant SET status = 'withdrawn', withdrawn_by = :by, withdrawn_at = :at, withdraw_reason = :r, "
    "version = version + 1 WHERE id = :id AND version = :v AND status = 'active'";

}  // namespace thidua::storage::sql
