#include "services/password.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "services/crypto.hpp"

namespace thidua::services {
namespace {

class PasswordHasherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(crypto_init()); }
};

TEST_F(PasswordHasherTest, HashVerifies) {
  PasswordHasher h(2);
  auto hash = h.hash("correct horse 42");
  ASSERT_TRUE(hash.has_value());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_EQ(hash->find("correct horse"), std::string::npos);
  EXPECT_TRUE(h.verify(*hash, "correct horse 42"));
}

TEST_F(PasswordHasherTest, WrongPasswordDoesNotVerify) {
  PasswordHasher h(2);
  auto hash = h.hash("correct horse 42");
  ASSERT_TRUE(hash.has_value());
  EXPECT_FALSE(h.verify(*hash, "correct horse 43"));
  EXPECT_FALSE(h.verify(*hash, "Correct horse 42"));
  EXPECT_FALSE(h.verify(*hash, ""));
  EXPECT_FALSE(h.verify(*hash, "correct horse 42 "));
}

TEST_F(PasswordHasherTest, SaltsEachHash) {
  PasswordHasher h(2);
  auto a = h.hash("same password 1");
  auto b = h.hash("same password 1");
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(h.verify(*a, "same password 1"));
  EXPECT_TRUE(h.verify(*b, "same password 1"));
}

TEST_F(PasswordHasherTest, VerifiesNonAsciiPasswords) {
  PasswordHasher h(1);
  auto hash = h.hash("Mật khẩu rất mạnh 2026");
  ASSERT_TRUE(hash.has_value());
  EXPECT_TRUE(h.verify(*hash, "Mật khẩu rất mạnh 2026"));
  // The same text decomposed (NFD) is other bytes, so it does not verify.
  EXPECT_FALSE(h.verify(*hash, "Ma\xCC\xA3\xCC\x82t khẩu rất mạnh 2026"));
}

TEST_F(PasswordHasherTest, GarbageHashDoesNotVerify) {
  PasswordHasher h(1);
  EXPECT_FALSE(h.verify("", "anything 123"));
  EXPECT_FALSE(h.verify("not a hash", "not a hash"));
  EXPECT_FALSE(h.verify("$argon2id$v=19$m=65536,t=2,p=1$garbage", "anything 123"));
}

TEST_F(PasswordHasherTest, DummyHashIsStableAndMatchesNothingTyped) {
  PasswordHasher h(1);
  const std::string& d = h.dummy_hash();
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d.rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(&h.dummy_hash(), &d);
  EXPECT_EQ(h.dummy_hash(), d);
  EXPECT_FALSE(h.verify(d, ""));
  EXPECT_FALSE(h.verify(d, "password123"));
}

TEST_F(PasswordHasherTest, ZeroParallelismStillWorks) {
  PasswordHasher h(0);  // treated as 1, never as "nobody may hash"
  auto hash = h.hash("zero parallel 1");
  ASSERT_TRUE(hash.has_value());
  EXPECT_TRUE(h.verify(*hash, "zero parallel 1"));
}

TEST_F(PasswordHasherTest, ConcurrentCallersBeyondTheLimitAllComplete) {
  // With one slot, four threads must queue, not deadlock or fail; every hash must verify.
  PasswordHasher h(1);
  constexpr int kThreads = 4;
  std::vector<std::optional<std::string>> hashes(kThreads);
  std::vector<int> verified(kThreads, 0);
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      ++ready;
      while (ready.load() < kThreads) std::this_thread::yield();
      std::string pw = "thread password " + std::to_string(i);
      hashes[i] = h.hash(pw);
      if (hashes[i]) verified[i] = h.verify(*hashes[i], pw) && !h.verify(*hashes[i], pw + "x") ? 1 : -1;
    });
  }
  for (auto& t : threads) t.join();
  for (int i = 0; i < kThreads; ++i) {
    ASSERT_TRUE(hashes[i].has_value()) << i;
    EXPECT_EQ(verified[i], 1) << i;
    for (int j = 0; j < i; ++j) EXPECT_NE(*hashes[i], *hashes[j]);
  }
  // The hasher is usable afterwards: every slot was given back.
  auto again = h.hash("after the burst 1");
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(h.verify(*again, "after the burst 1"));
}

// ---- password_problem ----------------------------------------------------------------------

TEST(PasswordProblem, AcceptsGoodPasswords) {
  EXPECT_EQ(password_problem("abcdefghi1"), "");
  EXPECT_EQ(password_problem("correct horse battery"), "");  // letters and spaces
  EXPECT_EQ(password_problem("Mật khẩu 2026"), "");
  EXPECT_EQ(password_problem(std::string(255, 'a') + "1"), "");  // 256: the longest allowed
}

TEST(PasswordProblem, RejectsShortPasswords) {
  EXPECT_EQ(password_problem(""), "password.too_short");
  EXPECT_EQ(password_problem("abc1"), "password.too_short");
  EXPECT_EQ(password_problem("abcdefgh1"), "password.too_short");  // 9
}

TEST(PasswordProblem, RejectsLongPasswords) {
  EXPECT_EQ(password_problem(std::string(256, 'a') + "1"), "password.too_long");
  EXPECT_EQ(password_problem(std::string(5000, 'x')), "password.too_long");
}

TEST(PasswordProblem, RejectsPasswordsOfOneKind) {
  EXPECT_EQ(password_problem("abcdefghij"), "password.too_simple");
  EXPECT_EQ(password_problem("ABCDEFGHIJKL"), "password.too_simple");
  EXPECT_EQ(password_problem("1234567890"), "password.too_simple");
  EXPECT_EQ(password_problem("!!!!!!!!!!!!"), "password.too_simple");
  EXPECT_EQ(password_problem("mậtkhẩuđâyrồi"), "password.too_simple");  // letters only
}

TEST(PasswordProblem, CountsCharactersNotBytes) {
  // "at least 10 characters": 8 characters that take 11 bytes in UTF-8 are too short.
  EXPECT_EQ(password_problem("Hà Nội 1"), "password.too_short");
  EXPECT_EQ(password_problem("ệệệệệ1"), "password.too_short");  // 6 characters, 16 bytes
  // ...and "256 characters at most": 200 characters that take 597 bytes are not too long.
  std::string long_vi;
  for (int i = 0; i < 199; ++i) long_vi += "ệ";
  EXPECT_EQ(password_problem(long_vi + "1"), "");
}

}  // namespace
}  // namespace thidua::services
