#include "app/reminder_scheduler.hpp"

#include <cstdlib>

#include <spdlog/spdlog.h>

namespace thidua::app {

services::SmtpSettings smtp_settings(const Config& config) {
  services::SmtpSettings s;
  s.host = config.smtp_host;
  s.port = config.smtp_port;
  s.tls = config.smtp_tls;
  s.user = config.smtp_user;
  s.from = config.smtp_from;
  if (const char* p = std::getenv("THIDUA_SMTP_PASSWORD"); p) s.password = p;
  return s;
}

ReminderScheduler::ReminderScheduler(std::shared_ptr<services::ReminderService> reminders, const Config& config)
    : reminders_(std::move(reminders)), interval_seconds_(std::max(1LL, config.reminders_interval_seconds)) {
  if (config.smtp_enabled) mailer_ = std::make_unique<services::SmtpMailer>(smtp_settings(config), &stopping_);
}

ReminderScheduler::~ReminderScheduler() { stop(); }

void ReminderScheduler::start() {
  spdlog::info("reminders: every {} s, e-mail {}", interval_seconds_, mailer_ ? "on" : "off");
  thread_ = std::thread([this] { loop(); });
}

void ReminderScheduler::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ReminderScheduler::loop() {
  while (!stopping_) {
    pass();
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, std::chrono::seconds(interval_seconds_), [this] { return stopping_.load(); });
  }
}

void ReminderScheduler::pass() {
  // A failed pass is logged and tried again at the next interval: reminders never stop the server.
  try {
    const auto started = std::chrono::steady_clock::now();
    auto r = reminders_->run_now();
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    if (!r) {
      spdlog::error("reminders: pass failed: {} {}", r.error().code, r.error().detail);
    } else {
      std::string kinds;
      for (const auto& [k, n] : r->by_kind) kinds += (kinds.empty() ? "" : ", ") + k + "=" + std::to_string(n);
      spdlog::info("reminders: pass for {} wrote {} notification(s){}{} in {} ms", r->today, r->written,
                   kinds.empty() ? "" : ": ", kinds, ms);
    }
    if (mailer_ && !stopping_) {
      auto m = reminders_->email_pending(*mailer_, &stopping_);
      if (!m) spdlog::error("reminders: e-mail failed: {} {}", m.error().code, m.error().detail);
      else if (m->sent || m->failed) spdlog::info("reminders: e-mailed {}, failed {} (retried next pass)", m->sent, m->failed);
    }
  } catch (const std::exception& e) {
    spdlog::error("reminders: pass failed: {}", e.what());
  }
}

}  // namespace thidua::app
