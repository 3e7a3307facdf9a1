#pragma once
/// SQL of council_session_repo: sessions, attendance, agenda items, the secret ballot's
/// counters and "has voted" rows, written opinions. Portable between SQLite and PostgreSQL.

namespace thidua::storage::sql {

inline constexpr const char* kCouncilSessionColumns =
    "SELECT s.id, s.agency_id, s.term_id, t.name, s.title, s.held_on, s.place, s.status, s.disclosure, s.version "
    "FROM council_session s JOIN council_term t ON t.id = s.term_id ";
inline constexpr const char* kInsertCouncilSession =
    "INSERT INTO council_session (agency_id, term_id, title, held_on, place, status, disclosure, created_by, "
    "created_at, version) VALUES (:a, :t, :title, :d, :p, 'planned', :disc, :by, :at, 1)";
inline constexpr const char* kSetCouncilSessionStatus =
    "UPDATE council_session SET status = :s, version = version + 1 WHERE id = :id AND version = :v";
inline constexpr const char* kSetCouncilSessionDisclosure =
    "UPDATE council_session SET disclosure = :d, version = version + 1 WHERE id = :id AND version = :v";
inline constexpr const char* kDeleteCouncilAttendance =
    "DELETE FROM council_attendance WHERE session_id = :s AND person_id = :p";
inline constexpr const char* kInsertCouncilAttendance =
    "INSERT INTO council_attendance (session_id, person_id, presence) VALUES (:s, :p, :x)";
inline constexpr const char* kCouncilAttendance =
    "SELECT person_id, presence FROM council_attendance WHERE session_id = :s ORDER BY person_id";

inline constexpr const char* kCouncilItemColumns =
    "SELECT id, session_id, nomination_id, position, status, ballot_required, threshold_percent, threshold_strict, "
    "quorum_percent, count_written, recuse_unit_head, rule_citation, approvals, disapprovals, "
    "COALESCE(membership, -1), COALESCE(recused, -1), COALESCE(result, ''), version FROM council_item ";
inline constexpr const char* kInsertCouncilItem =
    "INSERT INTO council_item (session_id, nomination_id, position, status, ballot_required, threshold_percent, "
    "threshold_strict, quorum_percent, count_written, recuse_unit_head, rule_citation, approvals, disapprovals, "
    "version) VALUES (:s, :n, :p, 'pending', :b, :t, :ts, :q, :cw, :ru, :c, 0, 0, 1)";
inline constexpr const char* kMaxCouncilItemPosition =
    "SELECT COALESCE(MAX(position), 0) FROM council_item WHERE session_id = :s";
inline constexpr const char* kSetCouncilItemStatus =
    "UPDATE council_item SET status = :s, version = version + 1 WHERE id = :id AND version = :v";
inline constexpr const char* kCloseCouncilItem =
    "UPDATE council_item SET status = 'closed', membership = :m, recused = :r, result = :res, "
    "version = version + 1 WHERE id = :id AND version = :v AND status = 'open'";
// The ballot: the counter moves in the same transaction as the "has voted" row; the item's
// version does not move, so nothing records the order of the votes.
inline constexpr const char* kInsertCouncilVoted = "INSERT INTO council_voted (item_id, person_id) VALUES (:i, :p)";
inline constexpr const char* kCountCouncilApproval =
    "UPDATE council_item SET approvals = approvals + 1 WHERE id = :i AND status = 'open'";
inline constexpr const char* kCountCouncilDisapproval =
    "UPDATE council_item SET disapprovals = disapprovals + 1 WHERE id = :i AND status = 'open'";
inline constexpr const char* kCouncilVoters = "SELECT person_id FROM council_voted WHERE item_id = :i ORDER BY person_id";
inline constexpr const char* kDeleteCouncilOpinion =
    "DELETE FROM council_written_opinion WHERE item_id = :i AND person_id = :p";
inline constexpr const char* kInsertCouncilOpinion =
    "INSERT INTO council_written_opinion (item_id, person_id, opinion) VALUES (:i, :p, :o)";
inline constexpr const char* kCouncilOpinions =
    "SELECT person_id, opinion FROM council_written_opinion WHERE item_id = :i ORDER BY person_id";

}  // namespace thidua::storage::sql
