#include "services/throttle.hpp"

namespace thidua::services {

void Throttle::prune(std::deque<TimePoint>& q, TimePoint now) const {
  while (!q.empty() && q.front() + window_ <= now) q.pop_front();
}

long long Throttle::wait_seconds(const std::string& key, TimePoint now) {
  std::lock_guard lock(mu_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  prune(it->second, now);
  if (it->second.size() < max_) {
    if (it->second.empty()) failures_.erase(it);
    return 0;
  }
  auto until = it->second[it->second.size() - max_] + window_;
  return std::chrono::duration_cast<std::chrono::seconds>(until - now).count() + 1;
}

void Throttle::record_failure(const std::string& key, TimePoint now) {
  std::lock_guard lock(mu_);
  auto& q = failures_[key];
  prune(q, now);
  q.push_back(now);
  if (failures_.size() > 100000) {  // bound memory under a spray of addresses
    for (auto it = failures_.begin(); it != failures_.end();) {
      prune(it->second, now);
      it = it->second.empty() ? failures_.erase(it) : std::next(it);
    }
  }
}

void Throttle::reset(const std::string& key) {
  std::lock_guard lock(mu_);
  failures_.erase(key);
}

}  // namespace thidua::services
