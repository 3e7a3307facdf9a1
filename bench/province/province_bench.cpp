// thidua-province-bench --db sqlite:PATH [--year 2024] [--repeat 3] [--json FILE]
//
// The province-wide totals of a year (issue 7) as the authority of the generated province asks
// for them: StatisticsService::province_totals (movements by level, verified achievements and
// what they mobilised, initiatives, awards by form, cluster templates) and the three statutory
// forms summed over the province, timed as one pass; then the same aggregate queries
// (storage/statistics_sql.hpp) run bare and read row by row into plain variables, with nothing
// built: what the database costs alone. Each pass runs --repeat times; the best is reported
// with the ratio of the two.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <soci/soci.h>

#include "services/statistics_service.hpp"
#include "storage/id_list.hpp"
#include "storage/statistics_sql.hpp"

namespace {

using namespace thidua;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

std::string with_ids(const char* text, const std::string& ids) {
  std::string s(text);
  for (auto pos = s.find("{ids}"); pos != std::string::npos; pos = s.find("{ids}", pos + ids.size())) {
    s.replace(pos, 5, ids);
  }
  return s;
}

struct Figures {
  long long agencies = 0, movements = 0, achievements = 0, awards = 0, form_rows = 0;
};

Figures service_pass(services::StatisticsService& svc, const Principal& actor, int year, double& ms) {
  Figures f;
  const auto t = Clock::now();
  auto totals = svc.province_totals(actor, year);
  if (!totals) throw std::runtime_error("province_totals: " + totals.error().code + " " + totals.error().detail);
  for (auto code : services::kStatForms) {
    auto form = svc.province_form(actor, code, year);
    if (!form) throw std::runtime_error("province_form: " + form.error().code);
    f.form_rows += static_cast<long long>(form->rows.size());
  }
  ms = ms_since(t);
  f.agencies = static_cast<long long>(totals->agencies.size());
  f.movements = totals->total.movements;
  f.achievements = totals->total.achievements;
  f.awards = totals->total.awards;
  return f;
}

long long raw_pass(storage::Database& db, long long authority, int year, double& ms) {
  long long rows = 0;
  const auto t = Clock::now();
  const std::string from = std::to_string(year) + "-01-01", to = std::to_string(year) + "-12-31";
  const std::string sfrom = std::to_string(year - 1) + "-12-15", sto = std::to_string(year) + "-12-14";
  auto r = db.read([&](storage::Tx& tx) -> Result<void> {
    std::vector<std::int64_t> ids;
    long long id = 0, n = 0, a = 0, b = 0, c = 0, d = 0;
    std::string s1, s2, s3, s4;
    {
      soci::statement st = (tx.sql().prepare << storage::sql::kStatChildAgencies, soci::into(id), soci::into(s1),
                            soci::into(s2), soci::use(authority, "p"));
      st.execute();
      while (st.fetch()) ids.push_back(id), ++rows;
    }
    const std::string list = storage::id_list(ids);
    // The totals (calendar year), then the forms (statistical year): movements twice, awards twice.
    for (const auto& [f, t2] : {std::pair{from, to}, std::pair{sfrom, sto}}) {
      soci::statement st = (tx.sql().prepare << with_ids(storage::sql::kStatMovements, list), soci::into(id),
                            soci::into(s1), soci::into(s2), soci::into(s3), soci::into(s4), soci::into(n),
                            soci::use(t2, "to"), soci::use(f, "from"));
      st.execute();
      while (st.fetch()) ++rows;
    }
    for (const auto& [f, t2] : {std::pair{from, to}, std::pair{sfrom, sto}, std::pair{sfrom, sto}}) {
      soci::statement st = (tx.sql().prepare << with_ids(storage::sql::kStatAwards, list), soci::into(id),
                            soci::into(s1), soci::into(s2), soci::into(n), soci::into(a), soci::use(f, "from"),
                            soci::use(t2, "to"), soci::use(year, "y"));
      st.execute();
      while (st.fetch()) ++rows;
    }
    {
      soci::statement st = (tx.sql().prepare << with_ids(storage::sql::kStatAchievements, list), soci::into(id),
                            soci::into(n), soci::into(a), soci::into(b), soci::into(c), soci::into(d),
                            soci::use(year, "y"));
      st.execute();
      while (st.fetch()) ++rows;
    }
    {
      soci::statement st = (tx.sql().prepare << with_ids(storage::sql::kStatInitiatives, list), soci::into(id),
                            soci::into(n), soci::use(from, "from"), soci::use(to, "to"));
      st.execute();
      while (st.fetch()) ++rows;
    }
    {
      soci::statement st = (tx.sql().prepare << with_ids(storage::sql::kStatClusterTemplates, list), soci::into(id),
                            soci::into(s1), soci::into(a), soci::use(year, "y"));
      st.execute();
      while (st.fetch()) ++rows;
    }
    return {};
  });
  if (!r) throw std::runtime_error("raw queries: " + r.error().detail);
  ms = ms_since(t);
  return rows;
}

}  // namespace

int main(int argc, char** argv) {
  std::string url, json;
  int year = 2024, repeat = 3;
  CLI::App app{"thidua-province-bench — the province-wide totals of a year, timed"};
  app.add_option("--db", url, "Database (sqlite:PATH or postgresql://… of a thidua-gen data set)")->required();
  app.add_option("--year", year, "Year (default 2024)");
  app.add_option("--repeat", repeat, "Passes of each kind; the best counts (default 3)")->check(CLI::Range(1, 100));
  app.add_option("--json", json, "Write the figures to this file as JSON");
  CLI11_PARSE(app, argc, argv);
  try {
    auto db = storage::Database::open(url, 1);
    if (!db) throw std::runtime_error("cannot open " + url + ": " + db.error().detail);
    long long authority = 0;
    auto found = (*db)->read([&](storage::Tx& tx) -> Result<void> {
      tx.sql() << "SELECT MIN(id) FROM agency WHERE kind = 'authority'", soci::into(authority);
      return {};
    });
    if (!found || authority == 0) throw std::runtime_error("no authority agency in " + url);
    Principal actor;
    actor.login = "province-bench";
    actor.agency_id = authority;
    actor.grants.push_back(RoleGrant{Role::authority, authority, std::nullopt});
    services::StatisticsService svc(*db);
    double best_service = 1e300, best_raw = 1e300;
    Figures f;
    for (int i = 0; i < repeat; ++i) {
      double ms = 0;
      f = service_pass(svc, actor, year, ms);
      best_service = std::min(best_service, ms);
      std::printf("  service pass %d: %lld agencies, %lld movements, %lld verified achievements, %lld awards, "
                  "3 forms (%lld lines) in %.1f ms\n",
                  i + 1, f.agencies, f.movements, f.achievements, f.awards, f.form_rows, ms);
    }
    long long rows = 0;
    for (int i = 0; i < repeat; ++i) {
      double ms = 0;
      rows = raw_pass(**db, authority, year, ms);
      best_raw = std::min(best_raw, ms);
      std::printf("  raw SQL pass %d: %lld rows in %.1f ms\n", i + 1, rows, ms);
    }
    const double ratio = best_raw > 0 ? best_service / best_raw : 0;
    std::printf("best: service %.1f ms, raw SQL %.1f ms (x%.2f)\n", best_service, best_raw, ratio);
    if (!json.empty()) {
      std::ofstream out(json);
      out << "{\"agencies\": " << f.agencies << ", \"movements\": " << f.movements << ", \"achievements\": "
          << f.achievements << ", \"awards\": " << f.awards << ", \"raw_rows\": " << rows
          << ", \"service_ms\": " << best_service << ", \"raw_sql_ms\": " << best_raw << ", \"ratio\": " << ratio
          << "}\n";
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "thidua-province-bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
