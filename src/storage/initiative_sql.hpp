#pragma once
/// SQL of initiative_repo: portable between SQLite and PostgreSQL.

namespace thidua::storage::sql {

inline constexpr const char* kInitiativeColumns =
    "SELECT i.id, i.agency_id, i.kind, i.title, i.field, i.summary, COALESCE(i.applied_from, ''), i.scope, i.effect, "
    "i.recognition_level, i.recognition_body, i.recognition_number, COALESCE(i.recognition_date, ''), i.movement_id, "
    "COALESCE(m.title, ''), i.status, COALESCE(i.withdrawn_at, ''), i.withdrawn_reason, i.created_by, i.created_at, "
    "i.updated_at, i.version FROM initiative i LEFT JOIN movement m ON m.id = i.movement_id ";
inline constexpr const char* kInsertInitiative =
    "INSERT INTO initiative (agency_id, kind, title, title_key, field, summary, applied_from, scope, effect, "
    "recognition_level, recognition_body, recognition_number, recognition_date, movement_id, status, created_by, "
    "created_at, updated_at, version) VALUES (:a, :kind, :title, :tk, :field, :summary, :af, :scope, :effect, :rl, "
    ":rb, :rn, :rd, :m, 'active', :by, :at, :at2, 1)";
inline constexpr const char* kUpdateInitiative =
    "UPDATE initiative SET kind = :kind, title = :title, title_key = :tk, field = :field, summary = :summary, "
    "applied_from = :af, scope = :scope, effect = :effect, recognition_level = :rl, recognition_body = :rb, "
    "recognition_number = :rn, recognition_date = :rd, movement_id = :m, updated_at = :at, version = version + 1 "
    "WHERE id = :id AND version = :version AND status = 'active'";
inline constexpr const char* kWithdrawInitiative =
    "UPDATE initiative SET status = 'withdrawn', withdrawn_by = :by, withdrawn_at = :at, withdrawn_reason = :why, "
    "updated_at = :at2, version = version + 1 WHERE id = :id AND version = :version AND status = 'active'";

inline constexpr const char* kAuthorColumns =
    "SELECT ia.initiative_id, ia.person_id, p.full_name, COALESCE(p.code, ''), ia.share_pct FROM initiative_author ia "
    "JOIN person p ON p.id = ia.person_id ";
inline constexpr const char* kInsertAuthor =
    "INSERT INTO initiative_author (initiative_id, person_id, share_pct, position) VALUES (:i, :p, :s, :pos)";

/// The year an initiative is listed under: its recognition's, else the year it was applied.
inline constexpr const char* kInitiativeYear = "substr(COALESCE(i.recognition_date, i.applied_from, ''), 1, 4)";

inline constexpr const char* kUseColumns =
    "SELECT x.id, x.initiative_id, x.person_id, COALESCE(p.full_name, ''), x.basis_kind, x.basis_ref, x.year, x.note, "
    "COALESCE(ub.display_name, ''), x.used_at, COALESCE(rb.display_name, ''), COALESCE(x.released_at, ''), "
    "x.released_reason FROM initiative_use x LEFT JOIN person p ON p.id = x.person_id "
    "LEFT JOIN user_account ub ON ub.id = x.used_by LEFT JOIN user_account rb ON rb.id = x.released_by ";
inline constexpr const char* kInsertUse =
    "INSERT INTO initiative_use (initiative_id, person_id, basis_kind, basis_ref, year, note, used_by, used_at) "
    "VALUES (:i, :p, :k, :r, :y, :n, :by, :at)";
inline constexpr const char* kReleaseUse =
    "UPDATE initiative_use SET released_by = :by, released_at = :at, released_reason = :why "
    "WHERE id = :id AND released_at IS NULL";

}  // namespace thidua::storage::sql
