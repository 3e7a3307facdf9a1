#include "domain/clock.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace thidua {
namespace {

using namespace std::chrono_literals;

TEST(ToIso, FormatsUtcWithZ) {
  EXPECT_EQ(to_iso(std::chrono::system_clock::from_time_t(0)), "1970-01-01T00:00:00Z");
  // 2026-11-28T15:37:06Z is 1795880226 seconds after the epoch.
  EXPECT_EQ(to_iso(std::chrono::system_clock::from_time_t(1795880226)), "2026-11-28T15:37:06Z");
  EXPECT_EQ(to_iso(std::chrono::system_clock::from_time_t(951782400)), "2000-02-29T00:00:00Z");
}

TEST(ToIso, DropsFractionsOfASecond) {
  auto t = std::chrono::system_clock::from_time_t(1795880226) + 999ms;
  EXPECT_EQ(to_iso(t), "2026-11-28T15:37:06Z");
}

TEST(ParseIso, RoundTrips) {
  for (std::time_t s : {std::time_t{0}, std::time_t{951782400}, std::time_t{1795880226}, std::time_t{4102444799}}) {
    auto t = std::chrono::system_clock::from_time_t(s);
    auto back = parse_iso(to_iso(t));
    ASSERT_TRUE(back.has_value()) << to_iso(t);
    EXPECT_EQ(*back, t) << to_iso(t);
  }
  auto parsed = parse_iso("2026-11-28T15:37:06Z");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(std::chrono::system_clock::to_time_t(*parsed), 1795880226);
  EXPECT_EQ(to_iso(*parsed), "2026-11-28T15:37:06Z");
}

TEST(ParseIso, OrdersLikeTheText) {
  auto a = parse_iso("2026-11-28T09:59:59Z");
  auto b = parse_iso("2026-11-28T10:00:00Z");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*b - *a, 1s);
}

TEST(ParseIso, RejectsMalformedShapes) {
  for (const char* bad : {"", "2026-11-28", "2026-11-28T15:37:06", "2026-11-28 15:37:06Z", "2026-11-28T15:37:06z",
                          "2026-11-28T15:37:06+07:00", "2026-11-28T15:37:06.123Z", "2026/11/28T15:37:06Z",
                          "26-11-28T15:37:06Z", "2026-11-28T15:37:6Z ", "abcd-ef-ghTij:kl:mnZ",
                          "2026-1a-28T15:37:06Z", "2026-11-28T15:37:06ZZ"}) {
    EXPECT_FALSE(parse_iso(bad).has_value()) << "'" << bad << "'";
  }
}

TEST(ParseIso, RejectsOutOfRangeFields) {
  // timegm() would quietly normalise these to another instant (month 13 → next January).
  for (const char* bad : {"2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-02-30T00:00:00Z",
                          "2026-11-32T00:00:00Z", "2026-11-28T24:00:00Z", "2026-11-28T15:60:00Z",
                          "2026-11-28T15:37:61Z"}) {
    auto r = parse_iso(bad);
    EXPECT_FALSE(r.has_value()) << "'" << bad << "' parsed as " << (r ? to_iso(*r) : "");
  }
}

TEST(ParseIso, RejectsSignsAndSpacesInsideNumbers) {
  // sscanf("%2d") skips spaces and accepts a sign; the format has fixed-width digits only.
  for (const char* bad : {"2026-+1-28T15:37:06Z", "2026- 1-28T15:37:06Z", "+026-11-28T15:37:06Z",
                          "2026-11--1T15:37:06Z"}) {
    auto r = parse_iso(bad);
    EXPECT_FALSE(r.has_value()) << "'" << bad << "' parsed as " << (r ? to_iso(*r) : "");
  }
}

TEST(SystemClock, IsNow) {
  auto before = std::chrono::system_clock::now();
  auto t = system_clock()();
  auto after = std::chrono::system_clock::now();
  EXPECT_LE(before, t);
  EXPECT_LE(t, after);
}

}  // namespace
}  // namespace thidua
