#pragma once
/// In-app notifications in storage.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/notification.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

/// Writes `n` unless the user already has one with its dedupe_key: true when written.
bool insert_notification(Tx& tx, const Notification& n, const std::string& at);
/// The user's notifications, newest first (unread ones only when asked).
std::vector<Notification> list_notifications(Tx& tx, std::int64_t user_id, bool unread_only, int limit, int offset);
std::optional<Notification> find_notification(Tx& tx, std::int64_t id);
long long count_unread(Tx& tx, std::int64_t user_id);
long long count_notifications(Tx& tx, std::int64_t user_id, bool unread_only);
/// Marks one of the user's notifications read: false when it was read already.
bool mark_notification_read(Tx& tx, std::int64_t user_id, std::int64_t id, const std::string& at);
/// Marks every unread notification of the user read; returns how many.
long long mark_all_notifications_read(Tx& tx, std::int64_t user_id, const std::string& at);

}  // namespace thidua::storage
