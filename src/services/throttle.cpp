#include "services/throttle.hpp"

namespace thidua::services {

void Throttle::prune(std::deque<TimePoint>& q, TimePoint now) const {
  while (!q.empty() && q.front() + window_ <= now) q.pop_front();
}

long long Throttle::wait_locked(const std::string& key, TimePoint now) {
  std::size_t pending = 0;
  if (auto f = in_flight_.find(key); f != in_flight_.end()) pending = f->second;
  auto it = failures_.find(key);
  std::size_t failed = 0;
  if (it != failures_.end()) {
    prune(it->second, now);
    failed = it->second.size();
  }
  if (failed + pending < max_) return 0;
  if (failed < max_) return std::chrono::duration_cast<std::chrono::seconds>(window_).count();
  auto until = it->second[failed - max_] + window_;
  return std::chrono::duration_cast<std::chrono::seconds>(until - now).count() + 1;
}

long long Throttle::wait_seconds(const std::string& key, TimePoint now) {
  std::lock_guard lock(mu_);
  return wait_locked(key, now);
}

long long Throttle::begin(const std::string& key, TimePoint now) {
  std::lock_guard lock(mu_);
  if (auto w = wait_locked(key, now); w > 0) return w;
  ++in_flight_[key];
  return 0;
}

void Throttle::finish(const std::string& key, TimePoint now, bool failed) {
  {
    std::lock_guard lock(mu_);
    if (auto f = in_flight_.find(key); f != in_flight_.end() && --f->second == 0) in_flight_.erase(f);
  }
  if (failed) record_failure(key, now);
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
