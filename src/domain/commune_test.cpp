// Which criteria set holds on a date for a target, and the periods' edges.

#include "domain/commune.hpp"

#include <gtest/gtest.h>

namespace thidua {
namespace {

std::vector<CriteriaSet> sets() {
  std::vector<CriteriaSet> out(3);
  out[0].id = 1;
  out[0].level = "ntm";
  out[0].valid_from = "2021-01-01";
  out[0].valid_to = "2026-01-01";
  out[1].id = 2;
  out[1].level = "ntm_advanced";
  out[1].valid_from = "2021-01-01";
  out[1].valid_to = "2026-01-01";
  out[2].id = 3;
  out[2].level = "commune";
  out[2].valid_from = "2026-02-15";
  return out;
}

TEST(CommuneDomain, TheSetInForceFollowsTheTargetAndTheDate) {
  auto s = sets();
  EXPECT_EQ(set_in_force(s, TargetLevel::ntm, "2021-01-01")->id, 1);
  EXPECT_EQ(set_in_force(s, TargetLevel::ntm, "2025-12-31")->id, 1);
  EXPECT_EQ(set_in_force(s, TargetLevel::ntm_advanced, "2024-06-20")->id, 2);
  EXPECT_EQ(set_in_force(s, TargetLevel::ntm_model, "2024-06-20")->id, 2) << "model communes: the advanced set";
  EXPECT_EQ(set_in_force(s, TargetLevel::ntm, "2026-01-01"), nullptr) << "valid_to is the first day it no longer holds";
  EXPECT_EQ(set_in_force(s, TargetLevel::ntm, "2026-02-14"), nullptr);
  EXPECT_EQ(set_in_force(s, TargetLevel::ntm, "2026-02-15")->id, 3);
  EXPECT_EQ(set_in_force(s, TargetLevel::ntm_model, "2030-12-31")->id, 3);
  EXPECT_EQ(set_in_force(s, TargetLevel::ntm, "2020-12-31"), nullptr);
}

TEST(CommuneDomain, NamesRoundTrip) {
  for (auto l : kTargetLevels) EXPECT_EQ(parse_target_level(to_string(l)), l);
  EXPECT_EQ(parse_commune_kind("thi_tran"), CommuneKind::thi_tran);
  EXPECT_FALSE(parse_commune_kind("Thị trấn"));
  EXPECT_TRUE(holds_on("2022-09-12", "", "2030-01-01"));
  EXPECT_FALSE(holds_on("2022-09-12", "2025-07-01", "2025-07-01"));
}

}  // namespace
}  // namespace thidua
