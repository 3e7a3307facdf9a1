// thidua-evaluation-bench --db sqlite:PATH [--year 2024] [--repeat 3] [--json FILE]
//
// Every unit and person template of every agency's evaluation of the year, ranked through
// EvaluationService::ranking (sheets, their newest entries and the verified achievements per
// subject; computed criteria, totals, the tie rule and bands), timed as one pass over all
// agencies; then the same three queries per template (storage/evaluation_sql.hpp) run bare and
// read row by row into plain variables, with nothing computed: what the database costs alone.
// Each pass runs --repeat times; the best is reported with the ratio of the two.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <soci/soci.h>

#include "services/auth_service.hpp"
#include "services/evaluation_service.hpp"
#include "storage/evaluation_sql.hpp"

namespace {

using namespace thidua;
using Clock = std::chrono::steady_clock;

struct TemplateRef {
  long long id = 0;
  std::string subject;
  long long movement = 0;
};

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

/// The service's ranking of every template: sheets seen (ranked + not submitted), time in ms.
std::pair<long long, double> service_pass(services::EvaluationService& svc, const Principal& actor,
                                          const std::vector<TemplateRef>& templates, long long& ranked) {
  long long sheets = 0;
  ranked = 0;
  const auto t = Clock::now();
  for (const auto& tr : templates) {
    auto r = svc.ranking(actor, tr.id);
    if (!r) throw std::runtime_error("ranking of template " + std::to_string(tr.id) + ": " + r.error().code);
    sheets += static_cast<long long>(r->ranked.size() + r->not_submitted.size());
    ranked += static_cast<long long>(r->ranked.size());
  }
  return {sheets, ms_since(t)};
}

/// Time per query kind of the raw pass, in ms.
struct RawSplit {
  double sheets = 0, entries = 0, measures = 0;
};

/// The three queries behind a ranking (prepared once per connection, as the service's are),
/// read and discarded: rows seen, time in ms.
std::pair<long long, double> raw_pass(storage::Database& db, const std::vector<TemplateRef>& templates, int year,
                                      RawSplit& split) {
  long long rows = 0;
  split = {};
  const auto t = Clock::now();
  auto r = db.read([&](storage::Tx& tx) -> Result<void> {
    for (const auto& tr : templates) {
      long long tid = tr.id, movement = tr.movement;
      int y = year;
      auto lap = Clock::now();
      {
        long long id = 0, ev = 0, tp = 0, agency = 0, unit = 0, person = 0, version = 0;
        std::string subject, status, submitted, name, sort_key, unit_name;
        auto st = tx.prepared(std::string(storage::sql::kSheetColumns) + "WHERE s.template_id = :t ORDER BY s.id");
        for (auto* v : {&id, &ev, &tp, &agency}) st->exchange(soci::into(*v));
        st->exchange(soci::into(subject));
        st->exchange(soci::into(unit));
        st->exchange(soci::into(person));
        st->exchange(soci::into(status));
        st->exchange(soci::into(submitted));
        st->exchange(soci::into(version));
        st->exchange(soci::into(name));
        st->exchange(soci::into(sort_key));
        st->exchange(soci::into(unit_name));
        st->exchange(soci::use(tid));
        st->define_and_bind();
        if (st->execute(true)) {
          do ++rows;
          while (st->fetch());
        }
      }
      split.sheets += ms_since(lap);
      lap = Clock::now();
      {
        long long sheet = 0, criterion = 0, points = 0;
        auto st = tx.prepared(storage::sql::kTemplateEntries);
        st->exchange(soci::into(sheet));
        st->exchange(soci::into(criterion));
        st->exchange(soci::into(points));
        st->exchange(soci::use(tid));
        st->define_and_bind();
        if (st->execute(true)) {
          do ++rows;
          while (st->fetch());
        }
      }
      split.entries += ms_since(lap);
      lap = Clock::now();
      {
        const bool units = tr.subject == "unit";
        long long key = 0;
        std::vector<long long> v(17);
        auto st = tx.prepared(std::string("SELECT ") + (units ? "a.unit_id" : "a.person_id") + ", " +
                              storage::sql::kMeasureSelect +
                              (units ? storage::sql::kMeasuresByUnit : storage::sql::kMeasuresByPerson));
        st->exchange(soci::into(key));
        for (auto& x : v) st->exchange(soci::into(x));
        st->exchange(soci::use(movement));
        st->exchange(soci::use(y));
        st->define_and_bind();
        if (st->execute(true)) {
          do ++rows;
          while (st->fetch());
        }
      }
      split.measures += ms_since(lap);
    }
    return {};
  });
  if (!r) throw std::runtime_error("raw queries: " + r.error().detail);
  return {rows, ms_since(t)};
}

}  // namespace

int main(int argc, char** argv) {
  std::string url, json;
  int year = 2024, repeat = 3;
  CLI::App app{"thidua-evaluation-bench — every sheet of every agency's evaluation, ranked, timed"};
  app.add_option("--db", url, "Database (sqlite:PATH of a thidua-gen data set)")->required();
  app.add_option("--year", year, "Year of the evaluations (default 2024)");
  app.add_option("--repeat", repeat, "Passes of each kind; the best counts (default 3)")->check(CLI::Range(1, 100));
  app.add_option("--json", json, "Write the figures to this file as JSON");
  CLI11_PARSE(app, argc, argv);
  try {
    auto db = storage::Database::open(url, 1);
    if (!db) throw std::runtime_error("cannot open " + url + ": " + db.error().detail);
    std::vector<TemplateRef> templates;
    auto listed = (*db)->read([&](storage::Tx& tx) -> Result<void> {
      long long id = 0, movement = 0;
      std::string subject;
      soci::statement st = (tx.sql().prepare << "SELECT t.id, t.subject_kind, e.movement_id FROM score_template t "
                                                "JOIN evaluation e ON e.id = t.evaluation_id WHERE e.year = :y "
                                                "AND t.subject_kind IN ('unit', 'person') ORDER BY t.id",
                            soci::into(id), soci::into(subject), soci::into(movement), soci::use(year));
      st.execute();
      while (st.fetch()) templates.push_back({id, subject, movement});
      return {};
    });
    if (!listed) throw std::runtime_error(listed.error().detail);
    if (templates.empty()) throw std::runtime_error("no evaluation templates of " + std::to_string(year));
    services::EvaluationService svc(*db);
    const auto actor = services::operator_principal("evaluation-bench");
    double best_service = 1e300, best_raw = 1e300;
    long long sheets = 0, ranked = 0, rows = 0;
    for (int i = 0; i < repeat; ++i) {
      auto [n, ms] = service_pass(svc, actor, templates, ranked);
      sheets = n;
      best_service = std::min(best_service, ms);
      std::printf("  service pass %d: %lld sheets (%lld ranked) of %zu templates in %.1f ms\n", i + 1, n, ranked,
                  templates.size(), ms);
    }
    RawSplit best_split;
    for (int i = 0; i < repeat; ++i) {
      RawSplit split;
      auto [n, ms] = raw_pass(**db, templates, year, split);
      rows = n;
      if (ms < best_raw) best_split = split;
      best_raw = std::min(best_raw, ms);
      std::printf("  raw SQL pass %d: %lld rows in %.1f ms (sheets %.1f, entries %.1f, achievements per subject %.1f)\n",
                  i + 1, n, ms, split.sheets, split.entries, split.measures);
    }
    const double ratio = best_raw > 0 ? best_service / best_raw : 0;
    std::printf("evaluation %d: %zu templates, %lld sheets: service %.1f ms, raw SQL %.1f ms (x%.2f); target <= 1000 ms: %s\n",
                year, templates.size(), sheets, best_service, best_raw, ratio, best_service <= 1000 ? "PASS" : "FAIL");
    if (!json.empty()) {
      std::ofstream out(json, std::ios::trunc);
      out << "{\"year\": " << year << ", \"templates\": " << templates.size() << ", \"sheets\": " << sheets
          << ", \"ranked\": " << ranked << ", \"raw_rows\": " << rows << ", \"service_ms\": " << best_service
          << ", \"raw_sql_ms\": " << best_raw << ", \"raw_sheets_ms\": " << best_split.sheets
          << ", \"raw_entries_ms\": " << best_split.entries << ", \"raw_measures_ms\": " << best_split.measures
          << ", \"ratio\": " << ratio << ", \"target_ms\": 1000, \"pass\": "
          << (best_service <= 1000 ? "true" : "false") << "}\n";
    }
    (*db)->close();
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "thidua-evaluation-bench: %s\n", e.what());
    return 1;
  }
}
