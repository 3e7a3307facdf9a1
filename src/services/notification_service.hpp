#pragma once
/// In-app notifications: written by other services inside their own transactions (a pledge
/// reminder, a pledge sent back), or in a transaction of their own by a scheduler or the
/// command line (`send`); read by their user, who marks them read.
///
/// Every write moves the audit chain's head, and so the data version the page cache keys on:
/// `send`, `mark_read` and `mark_all_read` record an audit entry; `create` runs inside a
/// caller's transaction whose own audit entry does it (see create()). The unread count in the
/// navigation is therefore kept per data version and costs no query while nothing is written.

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/notification.hpp"
#include "domain/role.hpp"
#include "storage/database.hpp"

namespace thidua::services {

/// A notification to write. `dedupe_key` (optional) stops the same one reaching a user twice.
struct NotificationDraft {
  std::int64_t user_id = 0;
  std::optional<std::int64_t> agency_id;
  std::string kind;
  std::string title;
  std::string body;
  std::string link;
  std::string dedupe_key;
  std::string due_date;  ///< ISO date of the deadline a reminder is about (issue 7), or empty
};

struct SendReport {
  long long sent = 0;
  long long already = 0;  ///< skipped: the user already had one with the same dedupe_key
};

struct NotificationPage {
  std::vector<Notification> items;
  long long total = 0;
  long long unread = 0;
  int page = 1;
  int pages = 1;
};

class NotificationService {
 public:
  static constexpr int kPageSize = 30;

  explicit NotificationService(std::shared_ptr<storage::Database> db, Clock clock = system_clock());

  /// Writes `n` inside the caller's transaction: true when written, false when the user
  /// already has one with the same dedupe_key. The caller records the audit entry of its own
  /// action in the same transaction (that is what moves the data version).
  static bool create(storage::Tx& tx, const Principal& actor, const NotificationDraft& n, TimePoint now);

  /// Writes every draft in one transaction with one audit entry ("notification.send"): for a
  /// scheduler or an operator. Only the installation administrator, an agency's administrator
  /// or Office (for users of their agency) or an operator may send.
  Result<SendReport> send(const Principal& actor, const std::vector<NotificationDraft>& drafts);

  /// The actor's notifications, newest first, 30 a page (page from 1).
  Result<NotificationPage> list(const Principal& actor, bool unread_only, int page);
  Result<long long> unread_count(const Principal& actor);
  /// The unread count for the navigation. With `data_version` (the audit head the handler
  /// already read), a count made at that version is reused without a query.
  long long unread_for_nav(const Principal& actor, std::optional<std::int64_t> data_version);

  /// Marks one of the actor's notifications read (another user's is "not found").
  Result<Notification> mark_read(const Principal& actor, std::int64_t id);
  /// Marks all the actor's notifications read; returns how many were unread.
  Result<long long> mark_all_read(const Principal& actor);

 private:
  std::shared_ptr<storage::Database> db_;
  Clock clock_;
  struct Memo {
    std::int64_t version;
    long long count;
  };
  std::mutex mu_;
  std::unordered_map<std::int64_t, Memo> memo_;  ///< user → count at a data version
};

}  // namespace thidua::services
