#include "storage/statistics_repo.hpp"

#include <soci/soci.h>

#include "storage/id_list.hpp"
#include "storage/statistics_sql.hpp"

namespace thidua::storage {

namespace {

/// The query text with the agency ids in place of {ids}. The lists vary, so these statements
/// are prepared for the one run, not kept in the connection's cache.
std::string with_ids(const char* text, const std::vector<std::int64_t>& ids) {
  std::string s(text);
  const std::string list = id_list(ids);
  for (auto pos = s.find("{ids}"); pos != std::string::npos; pos = s.find("{ids}", pos + list.size())) {
    s.replace(pos, 5, list);
  }
  return s;
}

}  // namespace

std::vector<StatMovementRow> stat_movements(Tx& tx, const std::vector<std::int64_t>& agencies,
                                            const std::string& from, const std::string& to) {
  std::vector<StatMovementRow> out;
  if (agencies.empty()) return out;
  StatMovementRow r;
  long long agency = 0;
  soci::statement st = (tx.sql().prepare << with_ids(sql::kStatMovements, agencies), soci::into(agency),
                        soci::into(r.level), soci::into(r.kind), soci::into(r.period_from), soci::into(r.period_to),
                        soci::into(r.count), soci::use(to, "to"), soci::use(from, "from"));
  st.execute();
  while (st.fetch()) {
    r.agency_id = agency;
    out.push_back(r);
  }
  return out;
}

std::vector<StatAwardRow> stat_awards(Tx& tx, const std::vector<std::int64_t>& agencies, const std::string& from,
                                      const std::string& to, int year) {
  std::vector<StatAwardRow> out;
  if (agencies.empty()) return out;
  StatAwardRow r;
  long long agency = 0;
  soci::statement st = (tx.sql().prepare << with_ids(sql::kStatAwards, agencies), soci::into(agency),
                        soci::into(r.form), soci::into(r.subject_kind), soci::into(r.count), soci::into(r.women),
                        soci::use(from, "from"), soci::use(to, "to"), soci::use(year, "y"));
  st.execute();
  while (st.fetch()) {
    r.agency_id = agency;
    out.push_back(r);
  }
  return out;
}

std::vector<StatAchievementRow> stat_achievements(Tx& tx, const std::vector<std::int64_t>& agencies, int year) {
  std::vector<StatAchievementRow> out;
  if (agencies.empty()) return out;
  StatAchievementRow r;
  long long agency = 0;
  soci::statement st = (tx.sql().prepare << with_ids(sql::kStatAchievements, agencies), soci::into(agency),
                        soci::into(r.records), soci::into(r.cash_vnd), soci::into(r.goods_vnd), soci::into(r.workdays),
                        soci::into(r.land_m2), soci::use(year, "y"));
  st.execute();
  while (st.fetch()) {
    r.agency_id = agency;
    out.push_back(r);
  }
  return out;
}

std::vector<StatCountRow> stat_initiatives(Tx& tx, const std::vector<std::int64_t>& agencies,
                                           const std::string& from, const std::string& to) {
  std::vector<StatCountRow> out;
  if (agencies.empty()) return out;
  long long agency = 0, count = 0;
  soci::statement st = (tx.sql().prepare << with_ids(sql::kStatInitiatives, agencies), soci::into(agency),
                        soci::into(count), soci::use(from, "from"), soci::use(to, "to"));
  st.execute();
  while (st.fetch()) out.push_back({agency, count});
  return out;
}

std::vector<Agency> stat_child_agencies(Tx& tx, std::int64_t authority_id) {
  std::vector<Agency> out;
  long long id = 0, parent = authority_id;
  std::string code, name;
  soci::statement st = (tx.sql().prepare << sql::kStatChildAgencies, soci::into(id), soci::into(code),
                        soci::into(name), soci::use(parent, "p"));
  st.execute();
  while (st.fetch()) out.push_back({id, code, name});
  return out;
}

std::vector<StatTemplateRow> stat_cluster_templates(Tx& tx, const std::vector<std::int64_t>& agencies, int year) {
  std::vector<StatTemplateRow> out;
  if (agencies.empty()) return out;
  long long id = 0, agency = 0;
  std::string title;
  soci::statement st = (tx.sql().prepare << with_ids(sql::kStatClusterTemplates, agencies), soci::into(id),
                        soci::into(title), soci::into(agency), soci::use(year, "y"));
  st.execute();
  while (st.fetch()) out.push_back({id, title, agency});
  return out;
}

}  // namespace thidua::storage
