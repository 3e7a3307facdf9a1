// issue 7 reminders: the [reminders] and [smtp] configuration, from the file and THIDUA_* variables.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "app/config.hpp"

namespace thidua::app {
namespace {

const char* const kNames[] = {"THIDUA_CONFIG",         "THIDUA_REMINDERS_ENABLED", "THIDUA_REMINDERS_INTERVAL_SECONDS",
                              "THIDUA_REMINDERS_LEAD_DAYS", "THIDUA_SMTP_ENABLED",   "THIDUA_SMTP_HOST",
                              "THIDUA_SMTP_PORT",      "THIDUA_SMTP_TLS",          "THIDUA_SMTP_USER",
                              "THIDUA_SMTP_FROM"};

class ReminderConfig : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : kNames) {
      if (const char* v = std::getenv(name)) saved_[name] = v;
      unsetenv(name);
    }
  }
  void TearDown() override {
    for (const char* name : kNames) unsetenv(name);
    for (const auto& [name, value] : saved_) setenv(name.c_str(), value.c_str(), 1);
    if (!file_.empty()) std::filesystem::remove(file_);
  }
  std::string write_file(const std::string& content) {
    file_ = (std::filesystem::temp_directory_path() / ("thidua-reminders-" + std::to_string(getpid()) + ".toml")).string();
    std::ofstream(file_) << content;
    return file_;
  }
  std::map<std::string, std::string> saved_;
  std::string file_;
};

TEST_F(ReminderConfig, DefaultsRemindHourlyAndSendNoMail) {
  auto c = load_config(std::nullopt);
  ASSERT_TRUE(c.has_value());
  EXPECT_TRUE(c->reminders_enabled);
  EXPECT_EQ(c->reminders_interval_seconds, 3600);
  EXPECT_EQ(c->reminders_lead_days, 7);
  EXPECT_FALSE(c->smtp_enabled);
  EXPECT_EQ(c->smtp_port, 587);
  EXPECT_EQ(c->smtp_tls, "starttls");
}

TEST_F(ReminderConfig, FileThenEnvironment) {
  auto path = write_file(R"(
[reminders]
enabled = false
interval_seconds = 600
lead_days = 10

[smtp]
enabled = true
host = "mail.caobang.gov.vn"
port = 465
tls = "implicit"
user = "thidua"
from = "thidua@caobang.gov.vn"
)");
  auto c = load_config(path);
  ASSERT_TRUE(c.has_value()) << c.error().detail;
  EXPECT_FALSE(c->reminders_enabled);
  EXPECT_EQ(c->reminders_interval_seconds, 600);
  EXPECT_EQ(c->reminders_lead_days, 10);
  EXPECT_TRUE(c->smtp_enabled);
  EXPECT_EQ(c->smtp_host, "mail.caobang.gov.vn");
  EXPECT_EQ(c->smtp_port, 465);
  EXPECT_EQ(c->smtp_tls, "implicit");
  EXPECT_EQ(c->smtp_user, "thidua");
  EXPECT_EQ(c->smtp_from, "thidua@caobang.gov.vn");
  setenv("THIDUA_REMINDERS_ENABLED", "1", 1);
  setenv("THIDUA_REMINDERS_INTERVAL_SECONDS", "5", 1);
  setenv("THIDUA_SMTP_TLS", "none", 1);
  setenv("THIDUA_SMTP_PORT", "25", 1);
  c = load_config(path);
  ASSERT_TRUE(c.has_value());
  EXPECT_TRUE(c->reminders_enabled);
  EXPECT_EQ(c->reminders_interval_seconds, 5);
  EXPECT_EQ(c->smtp_tls, "none");
  EXPECT_EQ(c->smtp_port, 25);
}

TEST_F(ReminderConfig, RefusesAPasswordInTheFile) {
  auto c = load_config(write_file("[smtp]\npassword = \"secret\"\n"));
  ASSERT_FALSE(c.has_value());
  EXPECT_NE(c.error().detail.find("THIDUA_SMTP_PASSWORD"), std::string::npos);
  EXPECT_EQ(c.error().detail.find("secret"), std::string::npos);
}

TEST_F(ReminderConfig, RejectsBadValues) {
  setenv("THIDUA_REMINDERS_INTERVAL_SECONDS", "0", 1);
  EXPECT_FALSE(load_config(std::nullopt).has_value());
  unsetenv("THIDUA_REMINDERS_INTERVAL_SECONDS");
  setenv("THIDUA_REMINDERS_LEAD_DAYS", "often", 1);
  EXPECT_FALSE(load_config(std::nullopt).has_value());
  unsetenv("THIDUA_REMINDERS_LEAD_DAYS");
  setenv("THIDUA_SMTP_TLS", "ssl", 1);
  EXPECT_FALSE(load_config(std::nullopt).has_value());
  unsetenv("THIDUA_SMTP_TLS");
  setenv("THIDUA_SMTP_ENABLED", "true", 1);  // without a host and a sender
  auto c = load_config(std::nullopt);
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().code, "config.invalid");
}

}  // namespace
}  // namespace thidua::app
