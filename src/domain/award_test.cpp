#include "domain/award.hpp"

#include <gtest/gtest.h>

#include "domain/record.hpp"

namespace thidua {
namespace {

TEST(AwardForm, EveryCodeRoundTrips) {
  for (AwardForm f : all_award_forms()) {
    auto back = parse_award_form(to_string(f));
    ASSERT_TRUE(back.has_value()) << to_string(f);
    EXPECT_EQ(*back, f);
  }
  EXPECT_FALSE(parse_award_form("hero").has_value());
}

TEST(AwardForm, PledgeAimsNameForms) {
  for (AwardAim a : all_award_aims()) {
    EXPECT_TRUE(parse_award_form(to_string(a)).has_value()) << to_string(a);
  }
}

TEST(AwardForm, TitlesFitTheirSubjects) {
  EXPECT_TRUE(form_fits(AwardForm::grassroots_fighter, AwardSubject::person));
  EXPECT_FALSE(form_fits(AwardForm::grassroots_fighter, AwardSubject::unit));
  EXPECT_TRUE(form_fits(AwardForm::excellent_collective, AwardSubject::unit));
  EXPECT_FALSE(form_fits(AwardForm::advanced_collective, AwardSubject::household));
  EXPECT_TRUE(form_fits(AwardForm::certificate_of_merit, AwardSubject::household));
  EXPECT_EQ(form_kind(AwardForm::advanced_worker), FormKind::title);
  EXPECT_EQ(form_kind(AwardForm::certificate_of_merit), FormKind::form);
  EXPECT_EQ(form_level(AwardForm::certificate_of_merit), FormLevel::agency);
  EXPECT_EQ(form_level(AwardForm::diploma_of_merit), FormLevel::province);
  EXPECT_EQ(form_level(AwardForm::pm_diploma), FormLevel::national);
}

TEST(AwardBasis, ThematicAndSuddenDoNotFeedMerit) {
  EXPECT_FALSE(basis_counts_for_merit(AwardBasis::thematic));
  EXPECT_FALSE(basis_counts_for_merit(AwardBasis::sudden));
  EXPECT_TRUE(basis_counts_for_merit(AwardBasis::yearly));
  EXPECT_TRUE(basis_counts_for_merit(AwardBasis::movement));
  for (auto s : {"yearly", "movement", "thematic", "sudden", "merit", "service"}) {
    EXPECT_TRUE(parse_award_basis(s).has_value()) << s;
  }
}

}  // namespace
}  // namespace thidua
