// The council's session: agenda, attendance and quorum, recusal, the secret ballot with its
// refusals, the count against the threshold on the membership, and a proof that the database
// keeps no link between a voter and their choice.

#include "nomination_fixture.hpp"

#include "documents/document.hpp"
#include "documents/pdf_writer.hpp"

namespace thidua::it {
namespace {

class CouncilSessionTest : public NominationTest {
 protected:
  /// Five members: leader (chair), Office clerk (secretary), head of CSDT, Đàm Văn Đức (CSDT),
  /// Triệu Thị Ánh (KHTH). Everyone present but `absent`.
  void attend(std::int64_t session_id, std::optional<std::int64_t> absent = std::nullopt) {
    for (auto p : {leader_person_, office_person_, head_person_, staff_person_, kh_person_}) {
      auto r = council_->set_attendance(office_, session_id, p, absent && *absent == p ? "absent" : "present");
      ASSERT_TRUE(r.has_value()) << fields_of(r.error());
    }
  }
  const services::CouncilItemView& item_of(const services::CouncilSessionView& v, std::int64_t nomination) {
    for (const auto& i : v.items) {
      if (i.nomination.id == nomination) return i;
    }
    ADD_FAILURE() << "no item";
    return v.items.front();
  }
};

TEST_F(CouncilSessionTest, MembersVoteSecretlyAndTheSecretaryCountsOnTheMembership) {
  // Đàm Văn Đức for CSTĐCS: he and his unit's head are recused; 80% of the other three.
  auto n = accepted(head_, person_subject(staff_person_), "grassroots_fighter");
  auto s = session();
  ASSERT_EQ(s.candidates.size(), 1u);
  auto added = council_->add_item(office_, s.session.id, n.nomination.id);
  ASSERT_TRUE(added.has_value()) << fields_of(added.error());
  auto twice = council_->add_item(office_, s.session.id, n.nomination.id);
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, "council_session.already_on_agenda");
  const auto& item = added->items.at(0);
  EXPECT_EQ(item.item.rule.threshold_percent, 80);
  EXPECT_EQ(item.recused, (std::vector<std::int64_t>{head_person_, staff_person_}));

  // Three present of five: below the 80% quorum, voting does not open.
  for (auto p : {leader_person_, office_person_, head_person_}) {
    ASSERT_TRUE(council_->set_attendance(office_, s.session.id, p, "present").has_value());
  }
  auto no_quorum = council_->open_item(office_, item.item.id, item.item.version);
  ASSERT_FALSE(no_quorum.has_value());
  EXPECT_EQ(no_quorum.error().code, "council_session.no_quorum");
  // Attendance is the secretary's (or the Office's), not a member's.
  EXPECT_EQ(council_->set_attendance(head_, s.session.id, staff_person_, "present").error().kind, ErrorKind::forbidden);
  attend(s.session.id, kh_person_);
  // The absent member's written opinion, recorded by the secretary.
  ASSERT_TRUE(council_->set_written_opinion(office_, item.item.id, kh_person_, "approve").has_value());
  auto present_opinion = council_->set_written_opinion(office_, item.item.id, leader_person_, "approve");
  ASSERT_FALSE(present_opinion.has_value());
  EXPECT_EQ(present_opinion.error().code, "council_session.opinion_not_absent");

  // Not open yet: nobody votes.
  auto early = council_->vote(leader_, s.session.id, item.item.id, true);
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().code, "council_session.item_not_open");
  auto opened = council_->open_item(office_, item.item.id, item.item.version);
  ASSERT_TRUE(opened.has_value()) << fields_of(opened.error());
  EXPECT_TRUE(opened->quorum_met);
  // Attendance is fixed once voting began.
  EXPECT_EQ(council_->set_attendance(office_, s.session.id, kh_person_, "present").error().code,
            "council_session.attendance_locked");

  ASSERT_TRUE(council_->vote(leader_, s.session.id, item.item.id, true).has_value());
  // A second vote, a recused member, an absent member, someone outside the council: refused.
  auto again = council_->vote(leader_, s.session.id, item.item.id, false);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, "council_session.already_voted");
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(council_->vote(head_, s.session.id, item.item.id, true).error().code, "council_session.recused");
  EXPECT_EQ(council_->vote(staff_, s.session.id, item.item.id, true).error().code, "council_session.recused");
  EXPECT_EQ(council_->vote(kh_staff_, s.session.id, item.item.id, true).error().code, "council_session.absent");
  auto outsider = council_->vote(staff2_, s.session.id, item.item.id, true);
  ASSERT_FALSE(outsider.has_value());
  EXPECT_EQ(outsider.error().kind, ErrorKind::not_found);  // not a member: the session is not theirs to see
  EXPECT_FALSE(council_->vote(stranger_, s.session.id, item.item.id, true).has_value());

  // Before closing, nobody sees the counts: only how many have voted.
  auto during = council_->get(leader_, s.session.id);
  ASSERT_TRUE(during.has_value());
  EXPECT_EQ(during->items[0].voted, 1);
  EXPECT_EQ(during->items[0].may_vote, 2);
  EXPECT_EQ(during->items[0].item.approvals, 0);
  EXPECT_FALSE(during->items[0].tally.has_value());
  EXPECT_TRUE(during->items[0].i_have_voted);
  auto office_view = council_->get(office_, s.session.id);
  EXPECT_TRUE(office_view->items[0].i_may_vote);

  ASSERT_TRUE(council_->vote(office_, s.session.id, item.item.id, true).has_value());
  // Only the secretary (or the Office) closes.
  auto by_member = council_->close_item(leader_, item.item.id, opened->items[0].item.version);
  ASSERT_FALSE(by_member.has_value());
  EXPECT_EQ(by_member.error().kind, ErrorKind::forbidden);
  auto closed = council_->close_item(office_, item.item.id, opened->items[0].item.version);
  ASSERT_TRUE(closed.has_value()) << fields_of(closed.error());
  const auto& counted = closed->items[0];
  ASSERT_TRUE(counted.tally.has_value());
  // Two ballots and one written opinion of the three who may vote (5 members, 2 recused).
  EXPECT_EQ(counted.tally->approvals, 3);
  EXPECT_EQ(counted.tally->base, 3);
  EXPECT_TRUE(counted.tally->passed);
  EXPECT_EQ(counted.item.result, "passed");
  auto after = council_->vote(kh_staff_, s.session.id, item.item.id, true);
  ASSERT_FALSE(after.has_value());
  EXPECT_EQ(after.error().code, "council_session.item_closed");

  auto approved = nominations_->get(office_, n.nomination.id);
  ASSERT_TRUE(approved.has_value());
  EXPECT_EQ(approved->nomination.status, NominationStatus::approved);
  EXPECT_EQ(approved->item_result, "passed");
  EXPECT_NE(approved->history.back().reason.find("3/3 phiếu đồng ý (100,0%)"), std::string::npos)
      << approved->history.back().reason;
  // The decisions then decide it.
  ASSERT_TRUE(nominations_->mark_decided(office_, {n.nomination.id}, 42).has_value());
  EXPECT_EQ(nominations_->get(office_, n.nomination.id)->nomination.status, NominationStatus::decided);

  // The session closes once every item is; the minutes carry the result.
  auto done = council_->close(office_, s.session.id, closed->session.version);
  ASSERT_TRUE(done.has_value()) << fields_of(done.error());
  auto minutes = council_->minutes(leader_, s.session.id);
  ASSERT_TRUE(minutes.has_value());
  const auto text = documents::plain_text(*minutes);
  EXPECT_NE(text.find("BIÊN BẢN"), std::string::npos);
  EXPECT_NE(text.find("3/3"), std::string::npos);
  EXPECT_NE(text.find("100,0%"), std::string::npos);
  EXPECT_NE(text.find("Triệu Thị Ánh: đồng ý"), std::string::npos);
  EXPECT_NE(text.find("Không tham gia biểu quyết"), std::string::npos);
  auto pdf = documents::write_pdf(*minutes);
  ASSERT_TRUE(pdf.has_value());
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
}

TEST_F(CouncilSessionTest, ANominationShortOfTheThresholdIsRejected) {
  // Triệu Thị Ánh (KHTH) for CSTĐCS: she is recused; of the four others 3 approve: 75% < 80%.
  auto n = accepted(office_, person_subject(kh_person_), "grassroots_fighter");
  auto s = session();
  auto added = council_->add_item(office_, s.session.id, n.nomination.id);
  ASSERT_TRUE(added.has_value());
  attend(s.session.id);
  const auto id = added->items[0].item.id;
  auto opened = council_->open_item(office_, id, added->items[0].item.version);
  ASSERT_TRUE(opened.has_value());
  EXPECT_EQ(opened->items[0].recused, (std::vector<std::int64_t>{kh_person_}));
  ASSERT_TRUE(council_->vote(leader_, s.session.id, id, true).has_value());
  ASSERT_TRUE(council_->vote(office_, s.session.id, id, true).has_value());
  ASSERT_TRUE(council_->vote(head_, s.session.id, id, true).has_value());
  ASSERT_TRUE(council_->vote(staff_, s.session.id, id, false).has_value());
  auto closed = council_->close_item(office_, id, opened->items[0].item.version);
  ASSERT_TRUE(closed.has_value());
  EXPECT_EQ(closed->items[0].tally->approvals, 3);
  EXPECT_EQ(closed->items[0].tally->disapprovals, 1);
  EXPECT_EQ(closed->items[0].tally->base, 4);
  EXPECT_EQ(closed->items[0].tally->permille, 750);
  EXPECT_FALSE(closed->items[0].tally->passed);
  EXPECT_EQ(nominations_->get(office_, n.nomination.id)->nomination.status, NominationStatus::rejected);
}

TEST_F(CouncilSessionTest, TheThresholdKeptOnTheItemOutlivesARuleChange) {
  auto n = accepted(office_, person_subject(kh_person_), "grassroots_fighter");
  auto s = session();
  auto added = council_->add_item(office_, s.session.id, n.nomination.id);
  ASSERT_TRUE(added.has_value());
  services::NominationRules stricter;
  stricter.council = [](AwardForm, const std::string&) {
    BallotRule r;
    r.ballot_required = true;
    r.threshold_percent = 100;
    r.threshold_strict = false;
    return r;
  };
  nominations_->set_rules(stricter);
  auto again = council_->get(office_, s.session.id);
  EXPECT_EQ(again->items[0].item.rule.threshold_percent, 80);
}

TEST_F(CouncilSessionTest, TheDisclosureShowsNamesUnitsAndFormsOnlyWhenAllowed) {
  auto n = accepted(office_, person_subject(kh_person_), "advanced_worker");
  auto s = session(false);
  ASSERT_TRUE(council_->add_item(office_, s.session.id, n.nomination.id).has_value());
  EXPECT_FALSE(council_->disclosure(s.session.id).has_value());
  auto on = council_->set_disclosure(office_, s.session.id, s.session.version, true);
  ASSERT_TRUE(on.has_value());
  auto d = council_->disclosure(s.session.id);
  ASSERT_TRUE(d.has_value());
  ASSERT_EQ(d->candidates.size(), 1u);
  EXPECT_EQ(d->candidates[0].name, "Triệu Thị Ánh");
  EXPECT_EQ(d->candidates[0].unit, "Phòng Kế hoạch - Tổng hợp");
  EXPECT_EQ(d->candidates[0].form, AwardForm::advanced_worker);
}

TEST_F(CouncilSessionTest, NothingInTheDatabaseLinksAVoterToTheirChoice) {
  // Three known votes on Triệu Thị Ánh's CSTĐCS: the chair approves, the secretary disapproves,
  // the head of CSDT approves.
  auto n = accepted(office_, person_subject(kh_person_), "grassroots_fighter");
  auto s = session();
  auto added = council_->add_item(office_, s.session.id, n.nomination.id);
  ASSERT_TRUE(added.has_value());
  attend(s.session.id);
  const auto id = added->items[0].item.id;
  ASSERT_TRUE(council_->open_item(office_, id, added->items[0].item.version).has_value());
  const auto before = dump();
  ASSERT_TRUE(council_->vote(leader_, s.session.id, id, true).has_value());
  ASSERT_TRUE(council_->vote(office_, s.session.id, id, false).has_value());
  ASSERT_TRUE(council_->vote(head_, s.session.id, id, true).has_value());
  const auto after = dump();

  // What the three votes changed, table by table.
  std::map<std::string, std::vector<std::string>> added_rows;
  for (const auto& [table, rows] : after) {
    const auto& old = before.count(table) ? before.at(table) : std::multiset<std::string>{};
    std::multiset<std::string> rest = old;
    for (const auto& r : rows) {
      auto it = rest.find(r);
      if (it != rest.end()) rest.erase(it);
      else added_rows[table].push_back(r);
    }
  }
  std::set<std::string> changed;
  for (const auto& [table, rows] : added_rows) changed.insert(table);
  // Nothing else moved: no ballot table, no log of choices.
  EXPECT_EQ(changed, (std::set<std::string>{"audit_head", "audit_log", "council_item", "council_voted"}));
  // "Has voted" rows name the item and the member, nothing else.
  ASSERT_EQ(added_rows["council_voted"].size(), 3u);
  for (const auto& r : added_rows["council_voted"]) {
    EXPECT_EQ(r.rfind("item_id=", 0), 0u) << r;
    EXPECT_EQ(std::count(r.begin(), r.end(), ';'), 2) << r;  // two columns
  }
  // The item keeps only the counts: 2 approve, 1 disapprove, whoever cast them.
  ASSERT_EQ(added_rows["council_item"].size(), 1u);
  EXPECT_NE(added_rows["council_item"][0].find("approvals=2;disapprovals=1;"), std::string::npos)
      << added_rows["council_item"][0];
  // The audit says that each member voted, never how.
  ASSERT_EQ(added_rows["audit_log"].size(), 3u);
  for (const auto& r : added_rows["audit_log"]) {
    EXPECT_NE(r.find("council_item.vote"), std::string::npos) << r;
    for (const char* choice : {"approve", "disapprove", "true", "false", "đồng ý"}) {
      EXPECT_EQ(r.find(choice), std::string::npos) << choice << " in " << r;
    }
  }
  // And the rows about each voter are the same whatever they chose: the chair's (approve) and
  // the secretary's (disapprove) "has voted" rows differ only in the person.
  auto voted_of = [&](std::int64_t person) {
    for (const auto& r : added_rows["council_voted"]) {
      if (r.find("person_id=" + std::to_string(person) + ";") != std::string::npos) return r;
    }
    return std::string();
  };
  auto strip = [](std::string r, std::int64_t person) {
    const auto key = "person_id=" + std::to_string(person) + ";";
    return r.replace(r.find(key), key.size(), "person_id=?;");
  };
  EXPECT_EQ(strip(voted_of(leader_person_), leader_person_), strip(voted_of(office_person_), office_person_));
}

}  // namespace
}  // namespace thidua::it
