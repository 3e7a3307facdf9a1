#include "app/config.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace thidua::app {
namespace {

// ---- parse_listen --------------------------------------------------------------------------

TEST(ParseListen, SplitsIpv4HostAndPort) {
  auto r = parse_listen("127.0.0.1:8080");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->first, "127.0.0.1");
  EXPECT_EQ(r->second, 8080);
}

TEST(ParseListen, SplitsBracketedIpv6) {
  auto r = parse_listen("[::1]:80");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->first, "::1");
  EXPECT_EQ(r->second, 80);

  auto any = parse_listen("[::]:65535");
  ASSERT_TRUE(any.has_value());
  EXPECT_EQ(any->first, "::");
  EXPECT_EQ(any->second, 65535);
}

TEST(ParseListen, AcceptsHostNames) {
  auto r = parse_listen("localhost:3000");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->first, "localhost");
  EXPECT_EQ(r->second, 3000);
}

TEST(ParseListen, RejectsBadInput) {
  for (const char* bad : {"", "8080", ":8080", "127.0.0.1", "127.0.0.1:", "127.0.0.1:http", "127.0.0.1:80x",
                          "127.0.0.1:-1", "127.0.0.1:65536", "127.0.0.1:99999999999", "[::1]", "127.0.0.1: 80"}) {
    auto r = parse_listen(bad);
    EXPECT_FALSE(r.has_value()) << "'" << bad << "' parsed as " << (r ? r->first + " " + std::to_string(r->second) : "");
    if (!r) EXPECT_EQ(r.error().code, "config.bad_listen") << bad;
  }
}

// ---- load_config ---------------------------------------------------------------------------

const char* const kEnvNames[] = {
    "THIDUA_CONFIG",       "THIDUA_DB",         "THIDUA_LISTEN",       "THIDUA_THREADS",
    "THIDUA_DB_POOL",      "THIDUA_COOKIE_SECURE", "THIDUA_TRUST_PROXY", "THIDUA_ACCESS_LOG",
    "THIDUA_LOG_LEVEL",    "THIDUA_SESSION_IDLE_SECONDS", "THIDUA_SESSION_ABSOLUTE_SECONDS", "THIDUA_DATA_DIR",
};

/// Clears every THIDUA_* variable for the test and restores the previous values afterwards.
class LoadConfig : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : kEnvNames) {
      if (const char* v = std::getenv(name)) saved_[name] = v;
      unsetenv(name);
    }
    dir_ = std::filesystem::temp_directory_path() /
           ("thidua-config-test-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    for (const char* name : kEnvNames) unsetenv(name);
    for (const auto& [name, value] : saved_) setenv(name.c_str(), value.c_str(), 1);
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string write_file(const std::string& name, const std::string& content) {
    auto p = dir_ / name;
    std::ofstream(p) << content;
    return p.string();
  }

  std::map<std::string, std::string> saved_;
  std::filesystem::path dir_;
};

TEST_F(LoadConfig, DefaultsWithoutFileOrEnvironment) {
  auto c = load_config(std::nullopt);
  ASSERT_TRUE(c.has_value()) << c.error().detail;
  const Config d;
  EXPECT_EQ(c->db, "sqlite:data/thidua.db");
  EXPECT_EQ(c->listen, "127.0.0.1:8080");
  EXPECT_EQ(c->session_idle_seconds, 8 * 3600);
  EXPECT_EQ(c->session_absolute_seconds, 7 * 24 * 3600);
  EXPECT_EQ(c->threads, d.threads);
  EXPECT_EQ(c->max_parallel_hashes, 2u);
  EXPECT_FALSE(c->cookie_secure);
}

TEST_F(LoadConfig, EnvironmentSetsDatabaseAndIdleTimeout) {
  setenv("THIDUA_DB", "postgresql://u@db.example/thidua", 1);
  setenv("THIDUA_SESSION_IDLE_SECONDS", "900", 1);
  setenv("THIDUA_COOKIE_SECURE", "true", 1);
  setenv("THIDUA_THREADS", "6", 1);
  auto c = load_config(std::nullopt);
  ASSERT_TRUE(c.has_value()) << c.error().detail;
  EXPECT_EQ(c->db, "postgresql://u@db.example/thidua");
  EXPECT_EQ(c->session_idle_seconds, 900);
  EXPECT_TRUE(c->cookie_secure);
  EXPECT_EQ(c->threads, 6u);
  EXPECT_EQ(c->effective_threads(), 6u);
}

TEST_F(LoadConfig, EmptyEnvironmentValuesAreIgnored) {
  setenv("THIDUA_DB", "", 1);
  setenv("THIDUA_SESSION_IDLE_SECONDS", "", 1);
  auto c = load_config(std::nullopt);
  ASSERT_TRUE(c.has_value()) << c.error().detail;
  EXPECT_EQ(c->db, "sqlite:data/thidua.db");
  EXPECT_EQ(c->session_idle_seconds, 8 * 3600);
}

TEST_F(LoadConfig, RejectsANonNumberIdleTimeout) {
  for (const char* bad : {"abc", "10s", "1e3", " 60", "60 ", "99999999999999999999999"}) {
    setenv("THIDUA_SESSION_IDLE_SECONDS", bad, 1);
    auto c = load_config(std::nullopt);
    ASSERT_FALSE(c.has_value()) << "'" << bad << "' accepted as " << c->session_idle_seconds;
    EXPECT_EQ(c.error().kind, ErrorKind::validation);
    EXPECT_EQ(c.error().code, "config.invalid");
    EXPECT_NE(c.error().detail.find("THIDUA_SESSION_IDLE_SECONDS"), std::string::npos) << c.error().detail;
  }
}

TEST_F(LoadConfig, RejectsNonPositiveTimeouts) {
  setenv("THIDUA_SESSION_IDLE_SECONDS", "0", 1);
  EXPECT_FALSE(load_config(std::nullopt).has_value());
  setenv("THIDUA_SESSION_IDLE_SECONDS", "-5", 1);
  EXPECT_FALSE(load_config(std::nullopt).has_value());
  unsetenv("THIDUA_SESSION_IDLE_SECONDS");
  setenv("THIDUA_SESSION_ABSOLUTE_SECONDS", "0", 1);
  EXPECT_FALSE(load_config(std::nullopt).has_value());
}

TEST_F(LoadConfig, RejectsANonNumberThreadCount) {
  setenv("THIDUA_THREADS", "many", 1);
  auto c = load_config(std::nullopt);
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().code, "config.invalid");
}

TEST_F(LoadConfig, ReadsTomlFileValues) {
  auto path = write_file("thidua.toml", R"(
db = "sqlite:/var/lib/thidua/thidua.db"
listen = "0.0.0.0:9000"
threads = 3
db_pool = 5
cookie_secure = true
trust_proxy = true
access_log = false
log_level = "debug"
max_parallel_hashes = 4
data_dir = "/var/lib/thidua"

[session]
idle_seconds = 1200
absolute_seconds = 36000
)");
  auto c = load_config(path);
  ASSERT_TRUE(c.has_value()) << c.error().detail;
  EXPECT_EQ(c->db, "sqlite:/var/lib/thidua/thidua.db");
  EXPECT_EQ(c->listen, "0.0.0.0:9000");
  EXPECT_EQ(c->threads, 3u);
  EXPECT_EQ(c->db_pool, 5u);
  EXPECT_TRUE(c->cookie_secure);
  EXPECT_TRUE(c->trust_proxy);
  EXPECT_FALSE(c->access_log);
  EXPECT_EQ(c->log_level, "debug");
  EXPECT_EQ(c->max_parallel_hashes, 4u);
  EXPECT_EQ(c->data_dir, "/var/lib/thidua");
  EXPECT_EQ(c->session_idle_seconds, 1200);
  EXPECT_EQ(c->session_absolute_seconds, 36000);
}

TEST_F(LoadConfig, FileNamedByThiduaConfig) {
  auto path = write_file("env.toml", "listen = \"127.0.0.1:7000\"\n");
  setenv("THIDUA_CONFIG", path.c_str(), 1);
  auto c = load_config(std::nullopt);
  ASSERT_TRUE(c.has_value()) << c.error().detail;
  EXPECT_EQ(c->listen, "127.0.0.1:7000");
}

TEST_F(LoadConfig, EnvironmentWinsOverTheFile) {
  auto path = write_file("thidua.toml", "db = \"sqlite:file.db\"\n[session]\nidle_seconds = 1200\n");
  setenv("THIDUA_DB", "sqlite:env.db", 1);
  auto c = load_config(path);
  ASSERT_TRUE(c.has_value()) << c.error().detail;
  EXPECT_EQ(c->db, "sqlite:env.db");
  EXPECT_EQ(c->session_idle_seconds, 1200);  // not overridden: stays from the file
}

TEST_F(LoadConfig, RejectsAMalformedFile) {
  auto path = write_file("bad.toml", "db = \"unterminated\n");
  auto c = load_config(path);
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().code, "config.invalid");
  EXPECT_NE(c.error().detail.find("bad.toml"), std::string::npos) << c.error().detail;
}

TEST_F(LoadConfig, RejectsAMissingFile) {
  auto c = load_config((dir_ / "does-not-exist.toml").string());
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().code, "config.invalid");
}

TEST_F(LoadConfig, RejectsNonPositiveTimeoutsFromTheFile) {
  auto path = write_file("zero.toml", "[session]\nidle_seconds = 0\n");
  EXPECT_FALSE(load_config(path).has_value());
}

TEST(EffectiveThreads, IsAtLeastFourWhenUnset) {
  Config c;
  EXPECT_GE(c.effective_threads(), 4u);
  c.threads = 2;
  EXPECT_EQ(c.effective_threads(), 2u);
}

}  // namespace
}  // namespace thidua::app
