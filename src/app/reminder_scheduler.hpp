#pragma once
/// The reminder scheduler inside `thidua serve` (issue 7): a thread that runs a reminder pass
/// at start-up and then every `reminders.interval_seconds`, and after each pass e-mails the new
/// notifications when SMTP is on. It waits on a condition variable, so stop() (called when the
/// server stops on SIGTERM) ends it at once, aborting an e-mail in progress.

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "app/config.hpp"
#include "services/reminder_service.hpp"
#include "services/smtp_mailer.hpp"

namespace thidua::app {

class ReminderScheduler {
 public:
  ReminderScheduler(std::shared_ptr<services::ReminderService> reminders, const Config& config);
  ~ReminderScheduler();
  ReminderScheduler(const ReminderScheduler&) = delete;
  ReminderScheduler& operator=(const ReminderScheduler&) = delete;

  void start();
  void stop();

 private:
  void loop();
  void pass();

  std::shared_ptr<services::ReminderService> reminders_;
  long long interval_seconds_;
  std::unique_ptr<services::SmtpMailer> mailer_;  ///< null: SMTP off
  std::mutex mu_;
  std::condition_variable cv_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

/// The SMTP settings of `config`, the password from THIDUA_SMTP_PASSWORD.
services::SmtpSettings smtp_settings(const Config& config);

}  // namespace thidua::app
