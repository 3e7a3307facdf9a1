// thidua-eligibility-bench --db sqlite:PATH [--year 2024] [--repeat 3] [--json FILE]
//
// Eligibility of every person, unit and household of every agency for the year, through
// EligibilityService::compute (the rule set in force, the facts read in bulk, the engine with
// its list caps and members' shares), timed as one pass over all agencies; then the same nine
// queries per agency (storage/eligibility_sql.hpp) run bare and read row by row into plain
// variables, with nothing built or computed: what the database costs alone. Each pass runs
// --repeat times; the best is reported with the ratio of the two.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <soci/soci.h>

#include "services/auth_service.hpp"
#include "services/eligibility_service.hpp"
#include "storage/eligibility_sql.hpp"

namespace {

using namespace thidua;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

struct Counts {
  long long people = 0, units = 0, households = 0, eligible = 0, not_eligible = 0, cannot_tell = 0;
};

Counts service_pass(services::EligibilityService& svc, const Principal& actor, const std::vector<long long>& agencies,
                    int year, double& ms) {
  Counts c;
  const auto t = Clock::now();
  for (auto a : agencies) {
    auto v = svc.compute(actor, {a, year, std::nullopt, std::nullopt});
    if (!v) throw std::runtime_error("agency " + std::to_string(a) + ": " + v.error().code + " " + v.error().detail);
    c.people += static_cast<long long>(v->report.people.size());
    c.units += static_cast<long long>(v->report.units.size());
    c.households += static_cast<long long>(v->report.households.size());
    for (const auto* list : {&v->report.people, &v->report.units, &v->report.households}) {
      for (const auto& s : *list) {
        for (const auto& f : s.forms) {
          if (f.verdict == Verdict::eligible) ++c.eligible;
          else if (f.verdict == Verdict::not_eligible) ++c.not_eligible;
          else ++c.cannot_tell;
        }
      }
    }
  }
  ms = ms_since(t);
  return c;
}

long long raw_pass(storage::Database& db, const std::vector<long long>& agencies, int year, const std::string& as_of,
                   double& ms) {
  long long rows = 0;
  const auto t = Clock::now();
  const std::string start = std::to_string(year) + "-01-01", end = std::to_string(year) + "-12-31";
  auto r = db.read([&](storage::Tx& tx) -> Result<void> {
    for (long long a : agencies) {
      long long l1 = 0, l2 = 0;
      int n1 = 0;
      std::string s1, s2, s3, s4, s5, s6;
      {
        // Units with their current names (what list_units reads).
        auto st = tx.prepared("SELECT u.id, v.name FROM unit u JOIN unit_version v ON v.unit_id = u.id AND "
                              "v.valid_to IS NULL WHERE u.agency_id = :a AND u.status = 'active'");
        st->exchange(soci::into(l1));
        st->exchange(soci::into(s1));
        st->exchange(soci::use(a));
        st->define_and_bind();
        if (st->execute(true)) {
          do ++rows;
          while (st->fetch());
        }
      }
      {
        auto st = tx.prepared(storage::sql::kPlacementsInYear);
        st->exchange(soci::into(l1));
        st->exchange(soci::into(s1));
        st->exchange(soci::into(s2));
        st->exchange(soci::into(s3));
        st->exchange(soci::into(l2));
        st->exchange(soci::into(s4));
        st->exchange(soci::into(s5));
        std::string e = end, s = start;
        st->exchange(soci::use(a));
        st->exchange(soci::use(e));
        st->exchange(soci::use(s));
        st->define_and_bind();
        if (st->execute(true)) {
          do ++rows;
          while (st->fetch());
        }
      }
      {
        auto st = tx.prepared(storage::sql::kRatingsOfYear);
        st->exchange(soci::into(s1));
        st->exchange(soci::into(l1));
        st->exchange(soci::into(s2));
        int y = year;
        st->exchange(soci::use(a));
        st->exchange(soci::use(y));
        st->define_and_bind();
        if (st->execute(true)) {
          do ++rows;
          while (st->fetch());
        }
      }
      auto three = [&](const char* q, const std::string& p1, const std::string& p2, auto&... into) {
        auto st = tx.prepared(q);
        (st->exchange(soci::into(into)), ...);
        std::string x = p1, y = p2;
        st->exchange(soci::use(a));
        st->exchange(soci::use(x));
        st->exchange(soci::use(y));
        st->define_and_bind();
        if (st->execute(true)) {
          do ++rows;
          while (st->fetch());
        }
      };
      three(storage::sql::kSanctionsOfYear, end, start, l1, s1, s2, s3);
      three(storage::sql::kCasesOpenBy, as_of, start, s1, l1, s2, s3, s4);
      three(storage::sql::kLeavesOfYear, end, start, l1, s1, s2, s3);
      {
        auto st = tx.prepared(storage::sql::kInitiativesOfAuthors);
        st->exchange(soci::into(l1));
        st->exchange(soci::into(l2));
        st->exchange(soci::into(s1));
        st->exchange(soci::into(s2));
        st->exchange(soci::into(s3));
        st->exchange(soci::into(n1));
        std::string e = end;
        st->exchange(soci::use(a));
        st->exchange(soci::use(e));
        st->define_and_bind();
        if (st->execute(true)) {
          do ++rows;
          while (st->fetch());
        }
      }
      {
        auto st = tx.prepared(storage::sql::kAwardsSince);
        st->exchange(soci::into(s1));
        st->exchange(soci::into(l1));
        st->exchange(soci::into(s2));
        st->exchange(soci::into(s3));
        st->exchange(soci::into(n1));
        st->exchange(soci::into(l2));
        int from = year - 6, y = year;
        st->exchange(soci::use(a));
        st->exchange(soci::use(from));
        st->exchange(soci::use(y));
        st->define_and_bind();
        if (st->execute(true)) {
          do ++rows;
          while (st->fetch());
        }
      }
      for (const char* q : {storage::sql::kPersonAchievements, storage::sql::kUnitAchievements}) {
        auto st = tx.prepared(q);
        st->exchange(soci::into(l1));
        st->exchange(soci::into(l2));
        int y = year;
        st->exchange(soci::use(y));
        st->exchange(soci::use(a));
        st->define_and_bind();
        if (st->execute(true)) {
          do ++rows;
          while (st->fetch());
        }
      }
      {
        auto st = tx.prepared(storage::sql::kHouseholdsOfAgency);
        st->exchange(soci::into(l1));
        st->exchange(soci::into(s6));
        st->exchange(soci::use(a));
        st->define_and_bind();
        if (st->execute(true)) {
          do ++rows;
          while (st->fetch());
        }
      }
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
  CLI::App app{"thidua-eligibility-bench — eligibility of every person and unit of every agency, timed"};
  app.add_option("--db", url, "Database (sqlite:PATH of a thidua-gen data set)")->required();
  app.add_option("--year", year, "Year (default 2024)");
  app.add_option("--repeat", repeat, "Passes of each kind; the best counts (default 3)")->check(CLI::Range(1, 100));
  app.add_option("--json", json, "Write the figures to this file as JSON");
  CLI11_PARSE(app, argc, argv);
  try {
    auto db = storage::Database::open(url, 1);
    if (!db) throw std::runtime_error("cannot open " + url + ": " + db.error().detail);
    std::vector<long long> agencies;
    auto listed = (*db)->read([&](storage::Tx& tx) -> Result<void> {
      long long id = 0;
      soci::statement st = (tx.sql().prepare << "SELECT id FROM agency WHERE kind = 'agency' ORDER BY id",
                            soci::into(id));
      st.execute();
      while (st.fetch()) agencies.push_back(id);
      return {};
    });
    if (!listed) throw std::runtime_error(listed.error().detail);
    services::EligibilityService svc(*db);
    const auto actor = services::operator_principal("eligibility-bench");
    double best_service = 1e300, best_raw = 1e300;
    Counts counts;
    for (int i = 0; i < repeat; ++i) {
      double ms = 0;
      counts = service_pass(svc, actor, agencies, year, ms);
      best_service = std::min(best_service, ms);
      std::printf("  service pass %d: %lld people, %lld units, %lld households of %zu agencies in %.1f ms "
                  "(verdicts: %lld eligible, %lld not, %lld cannot tell)\n",
                  i + 1, counts.people, counts.units, counts.households, agencies.size(), ms, counts.eligible,
                  counts.not_eligible, counts.cannot_tell);
    }
    const std::string as_of = std::to_string(year + 1) + "-12-31";
    long long rows = 0;
    for (int i = 0; i < repeat; ++i) {
      double ms = 0;
      rows = raw_pass(**db, agencies, year, as_of, ms);
      best_raw = std::min(best_raw, ms);
      std::printf("  raw SQL pass %d: %lld rows in %.1f ms\n", i + 1, rows, ms);
    }
    const double ratio = best_raw > 0 ? best_service / best_raw : 0;
    std::printf("best: service %.1f ms, raw SQL %.1f ms (x%.2f)\n", best_service, best_raw, ratio);
    if (!json.empty()) {
      std::ofstream out(json);
      out << "{\"agencies\": " << agencies.size() << ", \"people\": " << counts.people << ", \"units\": " << counts.units
          << ", \"households\": " << counts.households << ", \"eligible\": " << counts.eligible
          << ", \"not_eligible\": " << counts.not_eligible << ", \"cannot_tell\": " << counts.cannot_tell
          << ", \"raw_rows\": " << rows << ", \"service_ms\": " << best_service << ", \"raw_sql_ms\": " << best_raw
          << ", \"ratio\": " << ratio << "}\n";
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "thidua-eligibility-bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
