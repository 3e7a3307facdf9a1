#pragma once
/// Aggregates over several agencies for the statistical forms of Circular 02/2023/TT-BNV and
/// the province-wide totals (issue 7). Only GROUP BY queries: the generated province has 200
/// agencies and a million achievements.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/account.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

struct StatMovementRow {
  std::int64_t agency_id = 0;
  std::string level;  ///< agency / province / national
  std::string kind;   ///< regular / thematic
  std::string period_from;
  std::string period_to;
  long long count = 0;
};

struct StatAwardRow {
  std::int64_t agency_id = 0;
  std::string form;
  std::string subject_kind;  ///< person / unit / household
  long long count = 0;
  long long women = 0;  ///< people who are women (0 for units and households)
};

struct StatAchievementRow {
  std::int64_t agency_id = 0;
  long long records = 0;
  long long cash_vnd = 0;
  long long goods_vnd = 0;
  long long workdays = 0;
  long long land_m2 = 0;
};

struct StatCountRow {
  std::int64_t agency_id = 0;
  long long count = 0;
};

struct StatTemplateRow {
  std::int64_t template_id = 0;
  std::string title;
  std::int64_t agency_id = 0;
};

/// Launched movements overlapping [from, to] (ISO dates).
std::vector<StatMovementRow> stat_movements(Tx& tx, const std::vector<std::int64_t>& agencies,
                                            const std::string& from, const std::string& to);
/// Awards in force decided in [from, to]; an imported award without a date counts in `year`.
std::vector<StatAwardRow> stat_awards(Tx& tx, const std::vector<std::int64_t>& agencies, const std::string& from,
                                      const std::string& to, int year);
/// Verified achievements of `year`.
std::vector<StatAchievementRow> stat_achievements(Tx& tx, const std::vector<std::int64_t>& agencies, int year);
/// Initiatives recognised in [from, to].
std::vector<StatCountRow> stat_initiatives(Tx& tx, const std::vector<std::int64_t>& agencies,
                                           const std::string& from, const std::string& to);
/// The agencies whose parent is `authority_id`, by code.
std::vector<Agency> stat_child_agencies(Tx& tx, std::int64_t authority_id);
/// The cluster templates of the year's evaluations of the agencies.
std::vector<StatTemplateRow> stat_cluster_templates(Tx& tx, const std::vector<std::int64_t>& agencies, int year);

}  // namespace thidua::storage
