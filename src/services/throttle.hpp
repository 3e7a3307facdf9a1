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

  /// Seconds until `key` may try again; 0 when it may try now. Attempts still being checked
  /// count as failures until they finish, so parallel guesses cannot pass the limit.
  long long wait_seconds(const std::string& key, TimePoint now);
  /// Reserves an attempt: 0 when it may go ahead (then call finish), else seconds to wait.
  long long begin(const std::string& key, TimePoint now);
  /// Ends an attempt begun with begin(); a failure is remembered for the window.
  void finish(const std::string& key, TimePoint now, bool failed);
  void record_failure(const std::string& key, TimePoint now);
  void reset(const std::string& key);

 private:
  void prune(std::deque<TimePoint>& q, TimePoint now) const;
  long long wait_locked(const std::string& key, TimePoint now);
  std::size_t max_;
  std::chrono::seconds window_;
  std::mutex mu_;
  std::unordered_map<std::string, std::deque<TimePoint>> failures_;
  std::unordered_map<std::string, std::size_t> in_flight_;
};

}  // namespace thidua::services
