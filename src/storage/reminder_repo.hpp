#pragma once
/// Reminders in storage (issue 7): deadlines coming and passed with whom to remind, and the
/// notifications waiting to be e-mailed.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace thidua::storage {

/// An open task due by the horizon and one user to remind of it (not yet reminded).
struct TaskReminderRow {
  std::int64_t user_id = 0;
  std::int64_t agency_id = 0;
  std::int64_t task_id = 0;
  std::string title;
  std::string due_date;
  std::int64_t movement_id = 0;
  std::string movement_title;
  std::string unit_name;  ///< empty for an agency's task
  bool milestone = false;
};
std::vector<TaskReminderRow> task_reminders(Tx& tx, const std::string& today, const std::string& horizon);

struct PledgeWindowDue {
  std::int64_t movement_id = 0;
  int year = 0;
  std::string deadline;
};
std::vector<PledgeWindowDue> pledge_windows_between(Tx& tx, const std::string& from, const std::string& horizon);

/// A nomination on the agenda of a council session coming soon.
struct DossierDue {
  std::int64_t nomination_id = 0;
  std::int64_t agency_id = 0;
  std::string subject_name;
  std::int64_t unit_id = 0;  ///< 0: none (a household)
  std::string held_on;
  std::string session_title;
};
std::vector<DossierDue> dossiers_due(Tx& tx, const std::string& from, const std::string& horizon);

/// A supported commune with no assessment in a year, and one contact's account (0: none).
struct CommuneUnassessed {
  std::int64_t assignment_id = 0;
  std::int64_t agency_id = 0;
  std::int64_t commune_id = 0;
  std::string commune_name;
  std::string commune_kind;
  std::int64_t user_id = 0;
};
std::vector<CommuneUnassessed> communes_unassessed(Tx& tx, int year);

std::vector<std::int64_t> office_users(Tx& tx, std::int64_t agency_id);

/// The users who already have a notification with `dedupe_key`.
std::set<std::int64_t> users_with_key(Tx& tx, const std::string& dedupe_key);

/// A notification to e-mail.
struct MailDue {
  std::int64_t id = 0;
  std::string email;
  std::string display_name;
  std::string kind;
  std::string title;
  std::string body;
  std::string link;
  std::string due_date;
};
std::vector<MailDue> notifications_to_email(Tx& tx, const std::string& since, int limit);
bool mark_emailed(Tx& tx, std::int64_t id, const std::string& at);

/// An account's id, e-mail address and agency, by login.
struct UserEmail {
  std::int64_t id = 0;
  std::string email;
  std::optional<std::int64_t> agency_id;
};
std::optional<UserEmail> user_email(Tx& tx, const std::string& login);
/// user id → address, for the accounts that have one.
std::map<std::int64_t, std::string> user_emails(Tx& tx);
void set_user_email(Tx& tx, std::int64_t user_id, const std::string& email, const std::string& at);

}  // namespace thidua::storage
