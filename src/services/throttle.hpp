#pragma once
/// Login throttling: at most N failures per key within a window. Keys are "login:<name>" and
/// "addr:<ip>". Kept in memory: a restart forgives, which is acceptable for one process.

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "domain/clock.hpp"

namespace thidua::services {

class Throttle {
 public:
  Throttle(std::size_t max_failures, std::chrono::seconds window) : max_(max_failures), window_(window) {}

  /// Seconds until `key` may try again; 0 when it may try now.
  long long wait_seconds(const std::string& key, TimePoint now);
  void record_failure(const std::string& key, TimePoint now);
  void reset(const std::string& key);

 private:
  void prune(std::deque<TimePoint>& q, TimePoint now) const;
  std::size_t max_;
  std::chrono::seconds window_;
  std::mutex mu_;
  std::unordered_map<std::string, std::deque<TimePoint>> failures_;
};

}  // namespace thidua::services
