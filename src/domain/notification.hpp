#pragma once
/// In-app notifications: a reminder or a piece of news for one user, with a link to what it is
/// about. `dedupe_key` names what a notification is for ("the pledge reminder of movement 1,
/// year 2025, on 2025-03-10"), so the same reminder never reaches a user twice.

#include <cstdint>
#include <optional>
#include <string>

namespace thidua {

struct Notification {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::optional<std::int64_t> agency_id;
  std::string kind;  ///< pledge_reminder / pledge_returned / pledge_approved / …
  std::string title;
  std::string body;
  std::string link;  ///< a path on this site, or empty
  std::string dedupe_key;
  std::optional<std::int64_t> created_by;
  std::string created_at;
  std::string read_at;  ///< empty while unread
  std::string due_date;    ///< ISO date of the deadline a reminder is about, or empty (issue 7)
  std::string emailed_at;  ///< when it was e-mailed, or empty (issue 7)
};

}  // namespace thidua
