#include "domain/nomination.hpp"

#include <gtest/gtest.h>

namespace thidua {
namespace {

TEST(Nomination, StepsFollowTheWorkflow) {
  using S = NominationStatus;
  using A = NominationAction;
  EXPECT_EQ(nomination_next(S::draft, A::submit), S::submitted);
  EXPECT_EQ(nomination_next(S::submitted, A::return_back), S::returned);
  EXPECT_EQ(nomination_next(S::returned, A::resubmit), S::resubmitted);
  EXPECT_EQ(nomination_next(S::resubmitted, A::return_back), S::returned);
  EXPECT_EQ(nomination_next(S::resubmitted, A::accept), S::accepted);
  EXPECT_EQ(nomination_next(S::accepted, A::approve), S::approved);
  EXPECT_EQ(nomination_next(S::accepted, A::reject), S::rejected);
  EXPECT_EQ(nomination_next(S::approved, A::decide), S::decided);
  EXPECT_FALSE(nomination_next(S::draft, A::accept));
  EXPECT_FALSE(nomination_next(S::rejected, A::decide));
  EXPECT_FALSE(nomination_next(S::submitted, A::edit));
  EXPECT_EQ(nomination_next(S::returned, A::edit), S::returned);
  EXPECT_TRUE(nomination_action_needs_reason(A::return_back));
  EXPECT_FALSE(nomination_action_needs_reason(A::accept));
  for (auto s : {S::draft, S::submitted, S::returned, S::resubmitted, S::accepted, S::approved, S::rejected, S::decided}) {
    EXPECT_EQ(parse_nomination_status(to_string(s)), s);
  }
}

TEST(Ballot, ThresholdsAreCountedOnTheMembership) {
  // CSTĐCS: at least 80% of the membership. 9 members: 7 approvals are 77,7%, 8 are 88,8%.
  const BallotRule cstdcs = default_ballot_rule(AwardForm::grassroots_fighter);
  EXPECT_TRUE(cstdcs.ballot_required);
  EXPECT_FALSE(ballot_tally(cstdcs, 7, 0, 0, 0, 9).passed);
  EXPECT_EQ(ballot_tally(cstdcs, 7, 0, 0, 0, 9).permille, 777);
  EXPECT_TRUE(ballot_tally(cstdcs, 8, 1, 0, 0, 9).passed);
  // Exactly 80% passes (at least).
  EXPECT_TRUE(ballot_tally(cstdcs, 4, 1, 0, 0, 5).passed);
  // Written opinions of absent members count when the rule says so.
  EXPECT_TRUE(ballot_tally(cstdcs, 3, 0, 1, 0, 5).passed);
  BallotRule no_written = cstdcs;
  no_written.count_written = false;
  EXPECT_FALSE(ballot_tally(no_written, 3, 0, 1, 0, 5).passed);
  // Province-level fighter: 90%.
  const BallotRule provincial = default_ballot_rule(AwardForm::provincial_fighter);
  EXPECT_EQ(provincial.threshold_percent, 90);
  EXPECT_FALSE(ballot_tally(provincial, 8, 1, 0, 0, 9).passed);
  EXPECT_TRUE(ballot_tally(provincial, 9, 0, 0, 0, 10).passed);
  // LĐTT: a majority (more than half); half is not enough.
  const BallotRule ldtt = default_ballot_rule(AwardForm::advanced_worker);
  EXPECT_FALSE(ldtt.ballot_required);
  EXPECT_FALSE(ballot_tally(ldtt, 5, 5, 0, 0, 10).passed);
  EXPECT_TRUE(ballot_tally(ldtt, 6, 4, 0, 0, 10).passed);
  EXPECT_FALSE(ballot_tally(ldtt, 0, 0, 0, 0, 0).passed);
}

TEST(Ballot, QuorumRoundsUp) {
  EXPECT_EQ(quorum_needed(9, 80), 8);   // 7,2 → 8
  EXPECT_EQ(quorum_needed(5, 80), 4);
  EXPECT_EQ(quorum_needed(9, 67), 7);   // 6,03 → 7
  EXPECT_EQ(quorum_needed(0, 80), 0);
}

TEST(Nomination, DefaultDossierFollowsTheForm) {
  EXPECT_EQ(default_dossier(AwardForm::advanced_worker).size(), 3u);
  const auto cstdcs = default_dossier(AwardForm::grassroots_fighter);
  ASSERT_EQ(cstdcs.size(), 5u);
  EXPECT_EQ(cstdcs[3].code, "ballot_result");
  EXPECT_EQ(cstdcs[4].code, "initiative_certificate");
  EXPECT_FALSE(cstdcs[4].required);
  EXPECT_TRUE(cstdcs[1].drafted);
}

}  // namespace
}  // namespace thidua
