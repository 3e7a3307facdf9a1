#include "web/page_cache.hpp"

namespace thidua::web {

std::shared_ptr<const std::string> PageCache::get(const std::string& key, std::int64_t version) {
  std::lock_guard lock(mu_);
  auto it = map_.find(key);
  if (it == map_.end()) return nullptr;
  if (it->second.version != version) {
    lru_.erase(it->second.lru);
    map_.erase(it);
    return nullptr;
  }
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  ++hits_;
  return it->second.body;
}

void PageCache::put(const std::string& key, std::int64_t version, std::string body) {
  if (body.size() > max_body_ || capacity_ == 0) return;
  std::lock_guard lock(mu_);
  if (auto it = map_.find(key); it != map_.end()) {
    // A reader that started before a write may bring an older body: keep the newer one.
    if (it->second.version > version) return;
    it->second.version = version;
    it->second.body = std::make_shared<const std::string>(std::move(body));
    lru_.splice(lru_.begin(), lru_, it->second.lru);
    return;
  }
  while (map_.size() >= capacity_ && !lru_.empty()) {
    map_.erase(lru_.back());
    lru_.pop_back();
  }
  lru_.push_front(key);
  map_.emplace(key, Entry{version, std::make_shared<const std::string>(std::move(body)), lru_.begin()});
}

std::size_t PageCache::size() const {
  std::lock_guard lock(mu_);
  return map_.size();
}

std::string with_csrf(std::string body, const std::string& token) {
  const std::string marker = PageCache::kCsrfPlaceholder;
  for (auto at = body.find(marker); at != std::string::npos; at = body.find(marker, at + token.size())) {
    body.replace(at, marker.size(), token);
  }
  return body;
}

}  // namespace thidua::web
