#pragma once
/// SQL of reminder_repo (issue 7 reminders): set-based look-ups of the deadlines coming and
/// passed, each joined to the accounts to remind and stripped of those already reminded.
/// Portable between SQLite and PostgreSQL; each named parameter appears once.

namespace thidua::storage::sql {

/// Open tasks of movements in progress due by :horizon, with their recipients: a unit's task
/// goes to the heads of that unit (the grant's unit, else the head's current placement), an
/// agency's task (unit_id NULL, milestones among them) to the agency's Office. A task due
/// before :today is late. Rows whose dedupe key the user already has are left out.
inline constexpr const char* kReminderTasks =
    "SELECT DISTINCT g.user_id, m.agency_id, t.id, t.title, t.due_date, m.id, m.title, COALESCE(uv.name, ''), "
    "CASE WHEN i.section = 'milestone' THEN 1 ELSE 0 END "
    "FROM movement_task t JOIN movement m ON m.id = t.movement_id "
    "LEFT JOIN movement_item i ON i.id = t.item_id "
    "LEFT JOIN unit_version uv ON uv.unit_id = t.unit_id AND uv.valid_to IS NULL "
    "JOIN role_grant g ON g.agency_id = m.agency_id "
    "AND g.role = CASE WHEN t.unit_id IS NULL THEN 'office' ELSE 'unit_head' END "
    "JOIN user_account u ON u.id = g.user_id AND u.status = 'active' "
    "LEFT JOIN person pe ON pe.user_id = g.user_id "
    "LEFT JOIN person_placement pl ON pl.person_id = pe.id AND pl.valid_to IS NULL "
    "WHERE m.status IN ('launched', 'midterm_reviewed') AND t.status = 'open' AND t.due_date IS NOT NULL "
    "AND t.due_date <= :horizon AND (t.unit_id IS NULL OR COALESCE(g.unit_id, pl.unit_id) = t.unit_id) "
    "AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.user_id = g.user_id AND n.dedupe_key = "
    "CASE WHEN t.due_date < :today THEN 'task:' || CAST(t.id AS TEXT) || ':late' "
    "ELSE 'task:' || CAST(t.id AS TEXT) || ':due:' || t.due_date END) "
    "ORDER BY 5, 3, 1";

/// Pledge windows of movements in progress whose deadline falls in [:from, :horizon].
inline constexpr const char* kReminderPledgeWindows =
    "SELECT pw.movement_id, pw.year, pw.deadline FROM pledge_window pw JOIN movement m ON m.id = pw.movement_id "
    "WHERE m.status IN ('launched', 'midterm_reviewed') AND pw.deadline >= :from AND pw.deadline <= :horizon "
    "ORDER BY pw.deadline, pw.movement_id, pw.year";

/// Nominations on the agenda of a planned council session held in [:from, :horizon] that the
/// council has not taken up yet: their dossier must be complete by the session.
inline constexpr const char* kReminderDossiers =
    "SELECT n.id, n.agency_id, n.subject_name, COALESCE(n.unit_id, 0), s.held_on, s.title "
    "FROM council_item ci JOIN council_session s ON s.id = ci.session_id JOIN nomination n ON n.id = ci.nomination_id "
    "WHERE s.status = 'planned' AND ci.status = 'pending' AND s.held_on >= :from AND s.held_on <= :horizon "
    "ORDER BY s.held_on, n.id";

/// Communes an agency supported during [:ys, :ye] with no recorded assessment of theirs in it,
/// one row per contact person (user 0: a contact without an account, or no contact at all).
inline constexpr const char* kReminderCommunes =
    "SELECT a.id, a.agency_id, a.commune_id, cv.name, cv.kind, COALESCE(u.id, 0) FROM commune_assignment a "
    "JOIN commune_version cv ON cv.commune_id = a.commune_id AND cv.valid_to IS NULL "
    "LEFT JOIN commune_assignment_contact c ON c.assignment_id = a.id "
    "LEFT JOIN person pe ON pe.id = c.person_id "
    "LEFT JOIN user_account u ON u.id = pe.user_id AND u.status = 'active' "
    "WHERE a.valid_from <= :ye AND (a.valid_to IS NULL OR a.valid_to > :ys) "
    "AND NOT EXISTS (SELECT 1 FROM assessment s WHERE s.commune_id = a.commune_id AND s.agency_id = a.agency_id "
    "AND s.status = 'recorded' AND s.assessed_on >= :ys2 AND s.assessed_on <= :ye2) "
    "ORDER BY a.id, 6";

/// The active accounts holding the Office role of an agency.
inline constexpr const char* kOfficeUsers =
    "SELECT DISTINCT g.user_id FROM role_grant g JOIN user_account u ON u.id = g.user_id AND u.status = 'active' "
    "WHERE g.role = 'office' AND g.agency_id = :a ORDER BY 1";

/// The users who already have a notification with this dedupe key.
inline constexpr const char* kUsersWithKey = "SELECT user_id FROM notification WHERE dedupe_key = :k";

/// Notifications not yet e-mailed, created since :since, of active users with an address.
inline constexpr const char* kToEmail =
    "SELECT n.id, u.email, u.display_name, n.kind, n.title, n.body, n.link, COALESCE(n.due_date, '') "
    "FROM notification n JOIN user_account u ON u.id = n.user_id "
    "WHERE n.emailed_at IS NULL AND n.created_at >= :since AND u.email <> '' AND u.status = 'active' "
    "ORDER BY n.id LIMIT :lim";
inline constexpr const char* kMarkEmailed =
    "UPDATE notification SET emailed_at = :at WHERE id = :id AND emailed_at IS NULL";

/// Every account's address that is set.
inline constexpr const char* kUserEmails = "SELECT id, email FROM user_account WHERE email <> ''";
/// An account's e-mail address (for reminders).
inline constexpr const char* kUserEmail = "SELECT id, email, agency_id FROM user_account WHERE login = :l";
inline constexpr const char* kSetUserEmail =
    "UPDATE user_account SET email = :e, updated_at = :at, version = version + 1 WHERE id = :id";

}  // namespace thidua::storage::sql
