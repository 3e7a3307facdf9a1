// `thidua remind [--dry-run]` (issue 7): one reminder pass, as the scheduler inside `serve`
// runs it, with what it wrote (or would write) printed one line each.

#include <iostream>

#include "app/reminder_scheduler.hpp"
#include "cli/commands.hpp"

namespace thidua::cli {

int remind(app::Services& s, bool dry_run) {
  auto r = s.reminders->run_now(dry_run);
  if (!r) return report(r.error());
  for (const auto& n : r->items) {
    std::cout << n.user_id << "\t" << n.kind << "\t" << n.due_date << "\t" << n.title << "\n";
  }
  std::cout << (dry_run ? "Sẽ ghi / would write: " : "Đã ghi / written: ") << r->written << " thông báo ("
            << r->today << ")";
  for (const auto& [k, n] : r->by_kind) std::cout << ", " << k << "=" << n;
  if (r->no_account > 0) std::cout << "; " << r->no_account << " người chưa có tài khoản";
  std::cout << std::endl;
  if (!dry_run && s.config.smtp_enabled) {  // new ones, and those a failure left unsent
    services::SmtpMailer mailer(app::smtp_settings(s.config));
    auto m = s.reminders->email_pending(mailer);
    if (!m) return report(m.error());
    std::cout << "E-mail: " << m->sent << " đã gửi / sent, " << m->failed << " lỗi / failed" << std::endl;
  }
  return 0;
}

}  // namespace thidua::cli
