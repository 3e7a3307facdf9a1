#include "services/notification_service.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/scope.hpp"
#include "storage/account_repo.hpp"
#include "storage/audit_repo.hpp"
#include "storage/notification_repo.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;

namespace {

constexpr std::size_t kMemoLimit = 10000;

json::object notification_json(const Notification& n) {
  return {{"user_id", n.user_id}, {"kind", n.kind}, {"title", n.title}, {"link", n.link}, {"dedupe_key", n.dedupe_key}};
}

/// A link is a path on this site, or nothing.
std::string safe_link(const std::string& link) {
  if (link.empty() || link[0] != '/' || (link.size() > 1 && (link[1] == '/' || link[1] == '\\'))) return {};
  return link;
}

}  // namespace

NotificationService::NotificationService(std::shared_ptr<storage::Database> db, Clock clock)
    : db_(std::move(db)), clock_(std::move(clock)) {}

bool NotificationService::create(storage::Tx& tx, const Principal& actor, const NotificationDraft& d, TimePoint now) {
  Notification n;
  n.user_id = d.user_id;
  n.agency_id = d.agency_id;
  n.kind = d.kind;
  n.title = text::to_nfc(d.title);
  n.body = text::to_nfc(d.body);
  n.link = safe_link(d.link);
  n.dedupe_key = d.dedupe_key;
  n.due_date = d.due_date;
  if (actor.user_id > 0) n.created_by = actor.user_id;
  return storage::insert_notification(tx, n, to_iso(now));
}

Result<SendReport> NotificationService::send(const Principal& actor, const std::vector<NotificationDraft>& drafts) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<SendReport> {
    SendReport r;
    for (const auto& d : drafts) {
      auto user = storage::find_user(tx, d.user_id);
      // A user outside the sender's agencies is not found, as for one that does not exist.
      bool allowed = user && (is_installation_admin(actor) ||
                              (user->agency_id && can_manage_agency(actor, *user->agency_id)));
      if (!allowed) return fail(ErrorKind::not_found, "user.not_found");
      if (text::trim(d.title).empty()) {
        return fail(Error{ErrorKind::validation, "validation.required", {}, {{"title", "validation.required"}}, ""});
      }
      if (create(tx, actor, d, now)) ++r.sent;
      else ++r.already;
    }
    if (r.sent > 0) {
      json::array items;
      for (const auto& d : drafts) {
        Notification n;
        n.user_id = d.user_id;
        n.kind = d.kind;
        n.title = d.title;
        n.link = d.link;
        n.dedupe_key = d.dedupe_key;
        items.push_back(notification_json(n));
      }
      json::object after{{"sent", r.sent}, {"already", r.already}, {"notifications", items}};
      record_audit(tx, actor, {"notification.send", "notification", "", "", json::serialize(after)}, now);
    }
    return r;
  });
}

Result<NotificationPage> NotificationService::list(const Principal& actor, bool unread_only, int page) {
  if (actor.user_id <= 0) return fail(ErrorKind::not_found, "notification.not_found");
  return db_->read([&](storage::Tx& tx) -> Result<NotificationPage> {
    NotificationPage out;
    out.total = storage::count_notifications(tx, actor.user_id, unread_only);
    out.unread = unread_only ? out.total : storage::count_unread(tx, actor.user_id);
    out.pages = static_cast<int>(std::max<long long>(1, (out.total + kPageSize - 1) / kPageSize));
    out.page = std::clamp(page, 1, out.pages);
    out.items = storage::list_notifications(tx, actor.user_id, unread_only, kPageSize, (out.page - 1) * kPageSize);
    return out;
  });
}

Result<long long> NotificationService::unread_count(const Principal& actor) {
  if (actor.user_id <= 0) return 0LL;
  return db_->read([&](storage::Tx& tx) -> Result<long long> { return storage::count_unread(tx, actor.user_id); });
}

long long NotificationService::unread_for_nav(const Principal& actor, std::optional<std::int64_t> data_version) {
  if (actor.user_id <= 0) return 0;
  if (data_version) {
    std::lock_guard lock(mu_);
    if (auto it = memo_.find(actor.user_id); it != memo_.end() && it->second.version == *data_version) {
      return it->second.count;
    }
  }
  // One read: the count and the head it was counted at, so the memo is right for that version.
  auto counted = db_->read([&](storage::Tx& tx) -> Result<Memo> {
    return Memo{storage::audit_head(tx).first, storage::count_unread(tx, actor.user_id)};
  });
  if (!counted) return 0;  // the badge is a hint: a failed count shows none
  std::lock_guard lock(mu_);
  if (memo_.size() >= kMemoLimit) memo_.clear();
  memo_[actor.user_id] = *counted;
  return counted->count;
}

Result<Notification> NotificationService::mark_read(const Principal& actor, std::int64_t id) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Notification> {
    auto n = storage::find_notification(tx, id);
    if (!n || actor.user_id <= 0 || n->user_id != actor.user_id) {
      return fail(ErrorKind::not_found, "notification.not_found");
    }
    if (storage::mark_notification_read(tx, actor.user_id, id, to_iso(now))) {
      record_audit(tx, actor, {"notification.read", "notification", std::to_string(id), "", ""}, now);
    }
    return *storage::find_notification(tx, id);
  });
}

Result<long long> NotificationService::mark_all_read(const Principal& actor) {
  const auto now = clock_();
  if (actor.user_id <= 0) return 0LL;
  return db_->write([&](storage::Tx& tx) -> Result<long long> {
    long long n = storage::mark_all_notifications_read(tx, actor.user_id, to_iso(now));
    if (n > 0) {
      json::object after{{"read", n}};
      record_audit(tx, actor, {"notification.read_all", "user_account", std::to_string(actor.user_id), "",
                               json::serialize(after)},
                   now);
    }
    return n;
  });
}

}  // namespace thidua::services
