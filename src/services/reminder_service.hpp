#pragma once
/// Reminders (issue 7): one pass finds the deadlines coming (within `lead_days`) and passed
/// and writes in-app notifications to the people who must act, each at most once (its dedupe
/// key names the deadline: "task:42:due:2025-06-30", "task:42:late"):
///   - open tasks of a movement in progress: a unit's to the head(s) of that unit, the
///     agency's own (plan milestones among them) to the agency's Office;
///   - pledge windows closing (or closed in the last `lead_days`): to the people and the heads
///     of units who have not registered (the pledge follow-up's own list and wording);
///   - nominations on the agenda of a council session held within `lead_days` whose dossier
///     still lacks a required document (the nomination's own checklist): to the heads of the
///     nominee's unit, else the Office;
///   - communes the agency supports with no recorded assessment in the year: due by 31/12
///     (the schema has no other due date for assessments), late once in the month after; to
///     the assignment's contact people who have an account, else the Office.
/// A pass is one transaction with one audit entry ("reminder.run"), and writes nothing at all
/// when there is nothing new. After a pass, new notifications can be e-mailed (SMTP on).

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "services/mailer.hpp"
#include "services/nomination_service.hpp"
#include "services/notification_service.hpp"
#include "services/pledge_service.hpp"
#include "storage/database.hpp"

namespace thidua::services {

struct ReminderOptions {
  int lead_days = 7;    ///< a deadline this many days ahead or fewer is "coming"
  std::string base_url;  ///< where people reach the site, for the links in e-mails
};

struct ReminderRun {
  std::string today;  ///< the pass's date in Vietnam (ISO)
  long long written = 0;
  std::map<std::string, long long> by_kind;
  std::vector<NotificationDraft> items;  ///< written (or, in a dry run, that would be)
  long long no_account = 0;              ///< people to remind of a pledge who have no account
};

struct MailRun {
  long long sent = 0;
  long long failed = 0;
};

class ReminderService {
 public:
  ReminderService(std::shared_ptr<storage::Database> db, std::shared_ptr<PledgeService> pledges,
                  ReminderOptions options = {}, Clock clock = system_clock());

  /// The nominations' dossiers are checked only once this is set (app wiring).
  void set_nominations(std::shared_ptr<NominationService> nominations) { nominations_ = std::move(nominations); }

  /// One pass at `now`. `dry_run`: finds what would be written and writes nothing.
  Result<ReminderRun> run(TimePoint now, bool dry_run = false);
  Result<ReminderRun> run_now(bool dry_run = false) { return run(clock_(), dry_run); }

  /// E-mails the notifications of the last two days not e-mailed yet to users with an address,
  /// marking each one sent (one transaction, audited "reminder.email"). A failure is counted
  /// and left for the next pass; `stop` (when set) ends the loop early.
  Result<MailRun> email_pending(Mailer& mailer, const std::atomic<bool>* stop = nullptr);

  /// Sets the e-mail address of account `login` (empty: none) — the installation administrator,
  /// or the administrator or Office of the account's agency. Audited "user.email".
  Result<void> set_email(const Principal& actor, const std::string& login, const std::string& email);
  /// user id → e-mail address of the accounts that have one (administrators: the users page).
  Result<std::map<std::int64_t, std::string>> emails(const Principal& actor);

 private:
  std::shared_ptr<storage::Database> db_;
  std::shared_ptr<PledgeService> pledges_;
  std::shared_ptr<NominationService> nominations_;
  ReminderOptions options_;
  Clock clock_;
};

/// A plausible address: local@domain.tld, no spaces or line breaks, at most 254 characters.
bool valid_email(const std::string& e);

/// The e-mail of one notification: Vietnamese subject "[Thi đua] <title>" and a plain body
/// with the deadline and the link on `base_url`.
MailMessage reminder_mail(const std::string& to, const std::string& to_name, const std::string& title,
                          const std::string& body, const std::string& due_date, const std::string& link,
                          const std::string& base_url);

}  // namespace thidua::services
