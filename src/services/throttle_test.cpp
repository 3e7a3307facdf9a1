#include "services/throttle.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace thidua::services {
namespace {

using namespace std::chrono_literals;

const TimePoint kT0 = std::chrono::system_clock::from_time_t(1795852800);  // 2026-11-28T08:00:00Z

TEST(Throttle, UnknownKeyMayTry) {
  Throttle t(3, 60s);
  EXPECT_EQ(t.wait_seconds("login:lan", kT0), 0);
}

TEST(Throttle, FewerFailuresThanTheLimitMayTry) {
  Throttle t(3, 60s);
  t.record_failure("login:lan", kT0);
  t.record_failure("login:lan", kT0 + 1s);
  EXPECT_EQ(t.wait_seconds("login:lan", kT0 + 2s), 0);
}

TEST(Throttle, ReachingTheLimitMakesTheKeyWait) {
  Throttle t(3, 60s);
  for (int i = 0; i < 3; ++i) t.record_failure("login:lan", kT0);
  auto w = t.wait_seconds("login:lan", kT0);
  EXPECT_GT(w, 0);
  EXPECT_GE(w, 60);
  EXPECT_LE(w, 61);
  // Later in the window the wait shrinks.
  auto later = t.wait_seconds("login:lan", kT0 + 45s);
  EXPECT_GE(later, 15);
  EXPECT_LE(later, 16);
}

TEST(Throttle, WaitEndsWhenTheWindowHasPassed) {
  Throttle t(3, 60s);
  for (int i = 0; i < 3; ++i) t.record_failure("login:lan", kT0);
  EXPECT_GT(t.wait_seconds("login:lan", kT0 + 59s), 0);
  EXPECT_EQ(t.wait_seconds("login:lan", kT0 + 60s), 0);
  EXPECT_EQ(t.wait_seconds("login:lan", kT0 + 3600s), 0);
}

TEST(Throttle, WindowSlides) {
  Throttle t(3, 60s);
  t.record_failure("k", kT0);
  t.record_failure("k", kT0 + 30s);
  t.record_failure("k", kT0 + 40s);
  // Three failures inside the last 60 s: wait until the oldest leaves the window at +60 s.
  auto w = t.wait_seconds("k", kT0 + 40s);
  EXPECT_GE(w, 20);
  EXPECT_LE(w, 21);
  // At +60 s the first failure has aged out; two remain, so the key may try again.
  EXPECT_EQ(t.wait_seconds("k", kT0 + 60s), 0);
  // One more failure brings it back to three within the window.
  t.record_failure("k", kT0 + 61s);
  auto w2 = t.wait_seconds("k", kT0 + 61s);
  EXPECT_GE(w2, 29);  // the oldest counted failure (+30 s) leaves at +90 s
  EXPECT_LE(w2, 30);
}

TEST(Throttle, ResetForgivesTheKey) {
  Throttle t(3, 60s);
  for (int i = 0; i < 5; ++i) t.record_failure("login:lan", kT0);
  ASSERT_GT(t.wait_seconds("login:lan", kT0), 0);
  t.reset("login:lan");
  EXPECT_EQ(t.wait_seconds("login:lan", kT0), 0);
  // After a reset the count starts again from zero.
  t.record_failure("login:lan", kT0);
  EXPECT_EQ(t.wait_seconds("login:lan", kT0), 0);
}

TEST(Throttle, KeysAreIndependent) {
  Throttle t(2, 60s);
  t.record_failure("login:lan", kT0);
  t.record_failure("login:lan", kT0);
  EXPECT_GT(t.wait_seconds("login:lan", kT0), 0);
  EXPECT_EQ(t.wait_seconds("login:hoa", kT0), 0);
  EXPECT_EQ(t.wait_seconds("addr:10.0.0.1", kT0), 0);
  t.reset("login:hoa");
  EXPECT_GT(t.wait_seconds("login:lan", kT0), 0);
}

TEST(Throttle, CountsFailuresFromManyThreads) {
  Throttle t(400, 60s);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      for (int j = 0; j < 100; ++j) t.record_failure("k", kT0);
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_GT(t.wait_seconds("k", kT0), 0);  // exactly 400: at the limit
}

}  // namespace
}  // namespace thidua::services
