#pragma once
/// Rendered page bodies kept for reuse, each under a key that names everything the body
/// depends on — the page and its query, the language, the reader's rights on it — and the
/// data version it was made from: the id of the audit chain's last entry. Every write of the
/// application appends to that chain in its own transaction, so a body made at version V is
/// still right while the head is V, on every process sharing the database; after any write
/// the next reader rebuilds it. Bodies never hold per-session values: a form's CSRF token is
/// a placeholder replaced when the page is served.

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace thidua::web {

class PageCache {
 public:
  /// The text a cached body has where the session's CSRF token goes.
  static constexpr const char* kCsrfPlaceholder = "csrf-placeholder-d41d8cd98f00b204";

  explicit PageCache(std::size_t capacity = 512, std::size_t max_body = 512 * 1024)
      : capacity_(capacity), max_body_(max_body) {}

  /// The body stored under `key` for data version `version`, if any (shared, not copied:
  /// the lock is held only to find it).
  std::shared_ptr<const std::string> get(const std::string& key, std::int64_t version);
  void put(const std::string& key, std::int64_t version, std::string body);

  std::size_t size() const;
  std::size_t hits() const { return hits_; }

 private:
  struct Entry {
    std::int64_t version;
    std::shared_ptr<const std::string> body;
    std::list<std::string>::iterator lru;
  };
  std::size_t capacity_;
  std::size_t max_body_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> map_;
  std::list<std::string> lru_;  ///< most recently used first
  std::size_t hits_ = 0;
};

/// `body` with every CSRF placeholder replaced by `token`.
std::string with_csrf(std::string body, const std::string& token);

}  // namespace thidua::web
