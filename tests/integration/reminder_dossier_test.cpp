// Reminders (issue 7) of nominations' dossiers on a council session's agenda: five days before
// the session, the head of the nominee's unit hears what is still missing, once.

#include <gtest/gtest.h>

#include "nomination_fixture.hpp"
#include "services/pledge_service.hpp"
#include "services/reminder_service.hpp"

namespace thidua::it {
namespace {

class ReminderDossierTest : public NominationTest {};

TEST_F(ReminderDossierTest, AnIncompleteDossierBeforeTheSessionRemindsTheUnitHead) {
  auto n = accepted(head_, person_subject(staff_person_), "grassroots_fighter");
  auto s = session();
  ASSERT_TRUE(council_->add_item(office_, s.session.id, n.nomination.id).has_value());
  auto pledges = std::make_shared<services::PledgeService>(db_, clock_.clock());
  services::ReminderService reminders(db_, pledges, services::ReminderOptions{7, ""}, clock_.clock());
  reminders.set_nominations(nominations_);

  // Three weeks before the session: not yet.
  const auto early = *parse_iso("2025-11-24T03:00:00Z");
  auto r = reminders.run(early);
  ASSERT_TRUE(r.has_value()) << r.error().code << " " << r.error().detail;
  EXPECT_EQ(r->by_kind["dossier_due"], 0);

  const auto before = *parse_iso("2025-12-10T03:00:00Z");
  r = reminders.run(before);
  ASSERT_TRUE(r.has_value()) << r.error().code << " " << r.error().detail;
  EXPECT_EQ(r->by_kind["dossier_due"], 1);
  const std::string key = "dossier:" + std::to_string(n.nomination.id) + ":session:2025-12-15";
  EXPECT_EQ(scalar("SELECT CAST(user_id AS BIGINT) FROM notification WHERE dedupe_key = '" + key + "'"), head_.user_id);
  const auto body = text("SELECT body FROM notification WHERE dedupe_key = '" + key + "'");
  EXPECT_NE(body.find("hồ sơ còn thiếu: "), std::string::npos) << body;
  EXPECT_NE(body.find("15/12/2025"), std::string::npos) << body;
  auto again = reminders.run(before);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->by_kind["dossier_due"], 0);
}

}  // namespace
}  // namespace thidua::it
