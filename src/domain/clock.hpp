#pragma once
/// Time as the services see it: injectable for tests, UTC ISO-8601 text in storage
/// ("2026-11-28T15:37:06Z" sorts the same as the instant it names, on every database).

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace thidua {

using TimePoint = std::chrono::system_clock::time_point;
using Clock = std::function<TimePoint()>;

inline Clock system_clock() {
  return [] { return std::chrono::system_clock::now(); };
}

std::string to_iso(TimePoint t);
std::optional<TimePoint> parse_iso(std::string_view s);

}  // namespace thidua
