#include "domain/certificate.hpp"

#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "domain/decision.hpp"

namespace thidua {
namespace {

TEST(CertificateCode, UsesEveryLetterOfAnAlphabetWithoutLookAlikes) {
  EXPECT_EQ(kCertificateAlphabet.size(), 32u);
  for (char c : std::string_view("01IO")) EXPECT_EQ(kCertificateAlphabet.find(c), std::string_view::npos) << c;
  std::set<char> seen;
  for (int b = 0; b < 256; ++b) {
    std::vector<std::uint8_t> bytes(kCertificateCodeLength, static_cast<std::uint8_t>(b));
    auto code = certificate_code_from(bytes);
    ASSERT_EQ(code.size(), kCertificateCodeLength);
    seen.insert(code[0]);
  }
  EXPECT_EQ(seen.size(), 32u);
}

TEST(CertificateCode, IsReadAsPeopleTypeIt) {
  EXPECT_EQ(normalize_certificate_code("abcde-fghjk").value_or(""), "ABCDEFGHJK");
  EXPECT_EQ(normalize_certificate_code(" ABCDE FGHJK ").value_or(""), "ABCDEFGHJK");
  EXPECT_FALSE(normalize_certificate_code("ABCDE-FGHJ"));
  EXPECT_FALSE(normalize_certificate_code("ABCDE-FGHJKL"));
  EXPECT_FALSE(normalize_certificate_code("ABCDE-FGHJ0"));
  EXPECT_FALSE(normalize_certificate_code("<script>"));
  EXPECT_EQ(display_certificate_code("ABCDEFGHJK"), "ABCDE-FGHJK");
}

TEST(CertificateLayout, DefaultsAreOnThePageAndOutOfPageIsNamed) {
  CertificateLayout l;
  EXPECT_EQ(layout_problem(l), "");
  l.qr_y = 230;
  EXPECT_EQ(layout_problem(l), "qr_y");
}

TEST(Bonus, RoundsUpToTheStepAndPicksThePeriodInForce) {
  EXPECT_EQ(round_up(702000, 10000), 710000);
  EXPECT_EQ(round_up(700000, 10000), 700000);
  EXPECT_EQ(round_up(702000, 0), 702000);
  BonusTables t;
  t.base_salary = {{"2023-07-01", "2024-06-30", 1800000, "a", true}, {"2024-07-01", "", 2340000, "b", true}};
  t.rules = {{"x", "NĐ", "2024-01-01", "", 10000, true, {{AwardForm::advanced_worker, AwardSubject::person, 300, true}}}};
  EXPECT_EQ(compute_bonus(t, AwardForm::advanced_worker, AwardSubject::person, "2024-06-30")->amount, 540000);
  EXPECT_EQ(compute_bonus(t, AwardForm::advanced_worker, AwardSubject::person, "2024-07-01")->amount, 710000);
  EXPECT_FALSE(compute_bonus(t, AwardForm::advanced_worker, AwardSubject::person, "2023-12-31"));
}

TEST(HigherAward, StatusesMoveAsTheProvinceAnswers) {
  EXPECT_EQ(higher_award_next(HigherAwardStatus::draft, HigherAwardEvent::send), HigherAwardStatus::sent);
  EXPECT_EQ(higher_award_next(HigherAwardStatus::sent, HigherAwardEvent::give_back), HigherAwardStatus::returned);
  EXPECT_EQ(higher_award_next(HigherAwardStatus::returned, HigherAwardEvent::send), HigherAwardStatus::sent);
  EXPECT_EQ(higher_award_next(HigherAwardStatus::sent, HigherAwardEvent::decide), HigherAwardStatus::decided);
  EXPECT_FALSE(higher_award_next(HigherAwardStatus::draft, HigherAwardEvent::decide));
  EXPECT_FALSE(higher_award_next(HigherAwardStatus::decided, HigherAwardEvent::send));
}

}  // namespace
}  // namespace thidua
