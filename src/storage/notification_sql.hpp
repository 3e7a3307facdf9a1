#pragma once
/// SQL of notification_repo: portable between SQLite and PostgreSQL (both know
/// INSERT … ON CONFLICT … DO NOTHING on the unique index notification_dedupe).

namespace thidua::storage::sql {

inline constexpr const char* kInsertNotification =
    "INSERT INTO notification (user_id, agency_id, kind, title, body, link, dedupe_key, created_by, created_at, "
    "due_date) VALUES (:u, :a, :k, :t, :b, :l, :d, :by, :at, :due) ON CONFLICT (user_id, dedupe_key) DO NOTHING";
inline constexpr const char* kNotificationColumns =
    "SELECT n.id, n.user_id, n.agency_id, n.kind, n.title, n.body, n.link, COALESCE(n.dedupe_key, ''), "
    "n.created_by, n.created_at, COALESCE(n.read_at, ''), COALESCE(n.due_date, ''), COALESCE(n.emailed_at, '') "
    "FROM notification n ";
inline constexpr const char* kCountUnread =
    "SELECT CAST(COUNT(*) AS BIGINT) FROM notification WHERE user_id = :u AND read_at IS NULL";
inline constexpr const char* kCountAll = "SELECT CAST(COUNT(*) AS BIGINT) FROM notification WHERE user_id = :u";
inline constexpr const char* kMarkRead =
    "UPDATE notification SET read_at = :at WHERE id = :id AND user_id = :u AND read_at IS NULL";
inline constexpr const char* kMarkAllRead =
    "UPDATE notification SET read_at = :at WHERE user_id = :u AND read_at IS NULL";

}  // namespace thidua::storage::sql
