// Reminders (issue 7): one pass over the deadlines coming and passed, and the e-mail of the
// notifications it wrote.

#include "services/reminder_service.hpp"

#include <chrono>
#include <set>

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include "services/audit_service.hpp"
#include "services/auth_service.hpp"
#include "services/pledge_access.hpp"
#include "services/scope.hpp"
#include "services/user_service.hpp"
#include "text/utf8.hpp"
#include "storage/pledge_repo.hpp"
#include "storage/reminder_repo.hpp"
#include "text/format.hpp"

namespace thidua::services {

namespace json = boost::json;

namespace {

constexpr int kMailBatch = 500;

/// The date `days` after `now` in Vietnam (UTC+7), ISO.
std::string vn_day(TimePoint now, int days) { return pledge_detail::vn_today(now + std::chrono::hours(24) * days); }

std::string vn_date(const std::string& iso) {
  auto d = text::parse_iso_date(iso);
  return d ? text::format_date(*d) : iso;
}

/// Whole days from `from` to `to` (ISO dates).
long long days_between(const std::string& from, const std::string& to) {
  auto a = text::parse_iso_date(from), b = text::parse_iso_date(to);
  if (!a || !b) return 0;
  using namespace std::chrono;
  auto da = sys_days{year{a->year} / a->month / a->day}, db = sys_days{year{b->year} / b->month / b->day};
  return (db - da).count();
}

NotificationDraft task_draft(const storage::TaskReminderRow& t, const std::string& today) {
  const bool late = t.due_date < today;
  NotificationDraft n;
  n.user_id = t.user_id;
  n.agency_id = t.agency_id;
  n.kind = std::string(t.milestone ? "milestone" : "task") + (late ? "_late" : "_due");
  const std::string what = t.milestone ? "Mốc kế hoạch" : "Nhiệm vụ";
  n.title = (late ? what + " quá hạn: " : what + " sắp đến hạn: ") + t.title;
  const std::string owner = t.unit_name.empty() ? "" : " của " + t.unit_name;
  const long long days = late ? days_between(t.due_date, today) : days_between(today, t.due_date);
  n.body = "Phong trào “" + t.movement_title + "”: " + (t.milestone ? "mốc" : "nhiệm vụ") + owner + " có hạn ngày " +
           vn_date(t.due_date) +
           (late ? ", đã quá hạn " + std::to_string(days) + " ngày mà chưa hoàn thành."
                 : days == 0 ? ", hết hạn hôm nay." : ", còn " + std::to_string(days) + " ngày.");
  n.link = "/movements/" + std::to_string(t.movement_id) + "#task-" + std::to_string(t.task_id);
  n.dedupe_key = "task:" + std::to_string(t.task_id) + (late ? ":late" : ":due:" + t.due_date);
  n.due_date = t.due_date;
  return n;
}

/// "Xã Đức Long", "Phường Sông Hiến".
std::string commune_name(const storage::CommuneUnassessed& c) {
  const char* prefix = c.commune_kind == "phuong" ? "Phường " : c.commune_kind == "thi_tran" ? "Thị trấn " : "Xã ";
  return prefix + c.commune_name;
}

NotificationDraft assessment_draft(const storage::CommuneUnassessed& c, int year, bool late) {
  NotificationDraft n;
  n.agency_id = c.agency_id;
  n.kind = late ? "assessment_late" : "assessment_due";
  const std::string y = std::to_string(year);
  n.title = (late ? "Quá hạn đánh giá tiêu chí năm " : "Sắp đến hạn đánh giá tiêu chí năm ") + y + ": " + commune_name(c);
  n.body = commune_name(c) + " do cơ quan phụ trách chưa có kết quả đánh giá tiêu chí nào trong năm " + y +
           " (hạn 31/12/" + y + ").";
  n.link = "/communes/" + std::to_string(c.commune_id) + "/assessments/new";
  n.dedupe_key = "assessment:" + std::to_string(c.assignment_id) + ":" + y + (late ? ":late" : ":due");
  n.due_date = y + "-12-31";
  return n;
}

}  // namespace

ReminderService::ReminderService(std::shared_ptr<storage::Database> db, std::shared_ptr<PledgeService> pledges,
                                 ReminderOptions options, Clock clock)
    : db_(std::move(db)), pledges_(std::move(pledges)), options_(std::move(options)), clock_(std::move(clock)) {}

Result<ReminderRun> ReminderService::run(TimePoint now, bool dry_run) {
  const auto actor = operator_principal("reminders");
  ReminderRun out;
  out.today = vn_day(now, 0);
  const std::string horizon = vn_day(now, options_.lead_days), closed_since = vn_day(now, -options_.lead_days);
  // Pledge windows: who has not registered is the pledge follow-up's own list (its read).
  auto windows = db_->read([&](storage::Tx& tx) -> Result<std::vector<storage::PledgeWindowDue>> {
    return storage::pledge_windows_between(tx, closed_since, horizon);
  });
  if (!windows) return fail(windows.error());
  std::vector<PledgeOverview> overviews;
  for (const auto& w : *windows) {
    auto o = pledges_->overview(actor, w.movement_id, w.year);
    if (o) overviews.push_back(std::move(*o));
  }
  // Dossiers: the nomination's own checklist says what is missing (its read).
  std::vector<std::pair<storage::DossierDue, std::vector<std::string>>> dossiers;
  if (nominations_) {
    auto due = db_->read([&](storage::Tx& tx) -> Result<std::vector<storage::DossierDue>> {
      return storage::dossiers_due(tx, out.today, horizon);
    });
    if (!due) return fail(due.error());
    for (const auto& d : *due) {
      auto v = nominations_->get(actor, d.nomination_id);
      if (!v) continue;
      std::vector<std::string> missing;
      for (const auto& e : v->dossier) {
        if (e.item.required && !e.complete) missing.push_back(e.item.name);
      }
      if (!missing.empty()) dossiers.emplace_back(d, std::move(missing));
    }
  }
  // Communes: this year's assessment is due by 31/12; last year's is late for a month after.
  const int this_year = std::stoi(out.today.substr(0, 4));
  const std::string year_end = std::to_string(this_year) + "-12-31";
  const bool assessments_due = horizon >= year_end;
  const bool assessments_late = vn_day(now, -31) <= std::to_string(this_year - 1) + "-12-31";
  auto collect = [&](storage::Tx& tx) {
    std::vector<NotificationDraft> drafts;
    for (const auto& t : storage::task_reminders(tx, out.today, horizon)) drafts.push_back(task_draft(t, out.today));
    std::map<std::int64_t, std::map<std::int64_t, std::vector<std::int64_t>>> heads;  // agency → unit → users
    for (const auto& o : overviews) {
      const std::int64_t agency = o.movement.agency_id;
      if (!heads.count(agency)) {
        auto& h = heads[agency];
        for (const auto& [unit, user] : storage::unit_heads(tx, agency)) h[unit].push_back(user);
      }
      const std::string& deadline = o.window ? o.window->deadline : out.today;
      const std::string suffix = (deadline < out.today ? "late-" : "due-") + deadline;
      std::map<std::string, std::set<std::int64_t>> had;  // dedupe key → users who have it
      for (auto& d : pledge_reminder_drafts(o, heads[agency], suffix, out.no_account)) {
        auto it = had.find(d.dedupe_key);
        if (it == had.end()) it = had.emplace(d.dedupe_key, storage::users_with_key(tx, d.dedupe_key)).first;
        if (it->second.count(d.user_id)) continue;
        if (deadline < out.today) {
          d.title = "Đã hết hạn đăng ký thi đua năm " + std::to_string(o.year);
          d.kind += "_late";
        }
        drafts.push_back(std::move(d));
      }
    }
    // Recipients of a unit's matter: its heads, else the agency's Office.
    auto heads_or_office = [&](std::int64_t agency, std::int64_t unit) {
      if (!heads.count(agency)) {
        auto& h = heads[agency];
        for (const auto& [u, user] : storage::unit_heads(tx, agency)) h[u].push_back(user);
      }
      if (unit) {
        if (auto it = heads[agency].find(unit); it != heads[agency].end() && !it->second.empty()) return it->second;
      }
      return storage::office_users(tx, agency);
    };
    auto add_new = [&](NotificationDraft d, const std::vector<std::int64_t>& users) {
      auto had = storage::users_with_key(tx, d.dedupe_key);
      for (auto user : users) {
        if (had.count(user)) continue;
        d.user_id = user;
        drafts.push_back(d);
      }
    };
    for (const auto& [d, missing] : dossiers) {
      NotificationDraft n;
      n.agency_id = d.agency_id;
      n.kind = "dossier_due";
      n.title = "Hồ sơ đề nghị khen thưởng chưa đủ: " + d.subject_name;
      std::string list;
      for (const auto& m : missing) list += (list.empty() ? "" : "; ") + m;
      n.body = "Phiên họp “" + d.session_title + "” ngày " + vn_date(d.held_on) +
               " sẽ xét đề nghị này; hồ sơ còn thiếu: " + list + ".";
      n.link = "/nominations/" + std::to_string(d.nomination_id);
      n.dedupe_key = "dossier:" + std::to_string(d.nomination_id) + ":session:" + d.held_on;
      n.due_date = d.held_on;
      add_new(std::move(n), heads_or_office(d.agency_id, d.unit_id));
    }
    for (auto [year, late] : {std::pair{this_year, false}, std::pair{this_year - 1, true}}) {
      if (late ? !assessments_late : !assessments_due) continue;
      std::map<std::int64_t, std::vector<storage::CommuneUnassessed>> by_assignment;
      for (auto& c : storage::communes_unassessed(tx, year)) by_assignment[c.assignment_id].push_back(std::move(c));
      for (const auto& [id, rows] : by_assignment) {
        std::vector<std::int64_t> users;
        for (const auto& c : rows) {
          if (c.user_id) users.push_back(c.user_id);
        }
        if (users.empty()) users = storage::office_users(tx, rows.front().agency_id);
        add_new(assessment_draft(rows.front(), year, late), users);
      }
    }
    return drafts;
  };
  auto record = [&](const NotificationDraft& d) {
    ++out.written;
    ++out.by_kind[d.kind];
    out.items.push_back(d);
  };
  if (dry_run) {
    return db_->read([&](storage::Tx& tx) -> Result<ReminderRun> {
      for (const auto& d : collect(tx)) record(d);
      return out;
    });
  }
  return db_->write([&](storage::Tx& tx) -> Result<ReminderRun> {
    for (const auto& d : collect(tx)) {
      if (NotificationService::create(tx, actor, d, now)) record(d);
    }
    if (out.written > 0) {
      json::object kinds;
      for (const auto& [k, n] : out.by_kind) kinds[k] = n;
      json::object after{{"today", out.today}, {"lead_days", options_.lead_days}, {"written", out.written},
                         {"by_kind", kinds}};
      record_audit(tx, actor, {"reminder.run", "notification", "", "", json::serialize(after)}, now);
    }
    return out;
  });
}

MailMessage reminder_mail(const std::string& to, const std::string& to_name, const std::string& title,
                          const std::string& body, const std::string& due_date, const std::string& link,
                          const std::string& base_url) {
  MailMessage m;
  m.to = to;
  m.to_name = to_name;
  m.subject = "[Thi đua] " + title;
  m.body = "Kính gửi đồng chí " + to_name + ",\r\n\r\n" + title + "\r\n";
  if (!body.empty()) m.body += body + "\r\n";
  if (!due_date.empty()) m.body += "Hạn: " + vn_date(due_date) + "\r\n";
  if (!link.empty()) m.body += "\r\nXem chi tiết: " + base_url + link + "\r\n";
  m.body += "\r\n-- \r\nThư tự động của phần mềm quản lý thi đua, khen thưởng; xin không trả lời thư này.\r\n";
  return m;
}

Result<MailRun> ReminderService::email_pending(Mailer& mailer, const std::atomic<bool>* stop) {
  const auto now = clock_();
  const auto actor = operator_principal("reminders");
  auto due = db_->read([&](storage::Tx& tx) -> Result<std::vector<storage::MailDue>> {
    return storage::notifications_to_email(tx, to_iso(now - std::chrono::hours(48)), kMailBatch);
  });
  if (!due) return fail(due.error());
  MailRun r;
  std::vector<std::int64_t> sent;
  for (const auto& m : *due) {
    if (stop && stop->load()) break;
    auto ok = mailer.send(reminder_mail(m.email, m.display_name, m.title, m.body, m.due_date, m.link, options_.base_url));
    if (ok) {
      sent.push_back(m.id);
      ++r.sent;
    } else {
      ++r.failed;
      spdlog::warn("reminders: e-mail of notification {} failed: {}", m.id, ok.error().detail);
    }
  }
  if (sent.empty()) return r;
  auto marked = db_->write([&](storage::Tx& tx) -> Result<void> {
    for (auto id : sent) storage::mark_emailed(tx, id, to_iso(now));
    json::object after{{"emailed", r.sent}, {"failed", r.failed}};
    record_audit(tx, actor, {"reminder.email", "notification", "", "", json::serialize(after)}, now);
    return {};
  });
  if (!marked) return fail(marked.error());
  return r;
}

bool valid_email(const std::string& e) {
  if (e.size() > 254) return false;
  auto at = e.find('@');
  if (at == std::string::npos || at == 0 || e.find('@', at + 1) != std::string::npos) return false;
  auto dot = e.find('.', at);
  if (dot == std::string::npos || dot == at + 1 || dot + 1 >= e.size()) return false;
  for (unsigned char c : e) {
    if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == ',' || c == ';') return false;
  }
  return true;
}

Result<std::map<std::int64_t, std::string>> ReminderService::emails(const Principal& actor) {
  if (!actor.is_admin()) return fail(ErrorKind::forbidden, "auth.forbidden");
  return db_->read([&](storage::Tx& tx) -> Result<std::map<std::int64_t, std::string>> { return storage::user_emails(tx); });
}

Result<void> ReminderService::set_email(const Principal& actor, const std::string& login, const std::string& email_in) {
  const auto now = clock_();
  const std::string email(text::trim(email_in));
  if (!email.empty() && !valid_email(email)) {
    return fail(Error{ErrorKind::validation, "reminder.email_invalid", {}, {{"email", "reminder.email_invalid"}}, ""});
  }
  return db_->write([&](storage::Tx& tx) -> Result<void> {
    auto u = storage::user_email(tx, normalise_login(login));
    bool allowed = u && (is_installation_admin(actor) || (u->agency_id && can_manage_agency(actor, *u->agency_id)));
    if (!allowed) return fail(ErrorKind::not_found, "user.not_found");
    if (u->email == email) return {};
    storage::set_user_email(tx, u->id, email, to_iso(now));
    json::object before{{"email", u->email}}, after{{"email", email}};
    record_audit(tx, actor,
                 {"user.email", "user_account", std::to_string(u->id), json::serialize(before), json::serialize(after)},
                 now);
    return {};
  });
}

}  // namespace thidua::services
