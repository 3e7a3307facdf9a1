#include "domain/pledge.hpp"

#include <gtest/gtest.h>

namespace thidua {
namespace {

TEST(PledgeStatusRules, SubmitFromDraftAndReturnedOnly) {
  EXPECT_EQ(pledge_next(PledgeStatus::draft, PledgeAction::submit), PledgeStatus::submitted);
  EXPECT_EQ(pledge_next(PledgeStatus::returned, PledgeAction::submit), PledgeStatus::submitted);
  EXPECT_FALSE(pledge_next(PledgeStatus::submitted, PledgeAction::submit));
  EXPECT_FALSE(pledge_next(PledgeStatus::approved, PledgeAction::submit));
  EXPECT_FALSE(pledge_next(PledgeStatus::withdrawn, PledgeAction::submit));
  EXPECT_EQ(pledge_event_name(PledgeStatus::draft, PledgeAction::submit), "submitted");
  EXPECT_EQ(pledge_event_name(PledgeStatus::returned, PledgeAction::submit), "resubmitted");
}

TEST(PledgeStatusRules, ApprovedIsSentBackBeforeAnythingElse) {
  EXPECT_EQ(pledge_next(PledgeStatus::submitted, PledgeAction::approve), PledgeStatus::approved);
  EXPECT_FALSE(pledge_next(PledgeStatus::draft, PledgeAction::approve));
  EXPECT_FALSE(pledge_next(PledgeStatus::returned, PledgeAction::approve));
  EXPECT_EQ(pledge_next(PledgeStatus::approved, PledgeAction::send_back), PledgeStatus::returned);
  EXPECT_FALSE(pledge_next(PledgeStatus::approved, PledgeAction::withdraw));
  EXPECT_FALSE(pledge_editable(PledgeStatus::approved));
  EXPECT_FALSE(pledge_editable(PledgeStatus::submitted));
  EXPECT_TRUE(pledge_editable(PledgeStatus::draft));
  EXPECT_TRUE(pledge_editable(PledgeStatus::returned));
}

TEST(PledgeStatusRules, WithdrawnIsFinal) {
  for (auto a : {PledgeAction::submit, PledgeAction::send_back, PledgeAction::approve, PledgeAction::withdraw}) {
    EXPECT_FALSE(pledge_next(PledgeStatus::withdrawn, a)) << to_string(a);
  }
  EXPECT_FALSE(pledge_registered(PledgeStatus::draft));
  EXPECT_FALSE(pledge_registered(PledgeStatus::withdrawn));
  EXPECT_TRUE(pledge_registered(PledgeStatus::returned));
}

TEST(PledgeStatusRules, ActionNamesRoundTrip) {
  for (auto a : {PledgeAction::submit, PledgeAction::send_back, PledgeAction::approve, PledgeAction::withdraw}) {
    EXPECT_EQ(parse_pledge_action(to_string(a)), a);
  }
  EXPECT_EQ(to_string(PledgeAction::send_back), "return");
  EXPECT_FALSE(parse_pledge_action("delete"));
}

TEST(PledgeTargets, BoundsAreSaneForEveryMeasure) {
  EXPECT_EQ(pledge_target_max(Measure::cash_vnd), 10'000'000'000'000LL);
  for (auto m : all_measures()) EXPECT_GT(pledge_target_max(m), 0) << to_string(m);
  EXPECT_LT(pledge_target_max(Measure::sessions), pledge_target_max(Measure::participants));
  EXPECT_TRUE(measure_is_money(Measure::goods_vnd));
  EXPECT_FALSE(measure_is_money(Measure::workdays));
}

}  // namespace
}  // namespace thidua
