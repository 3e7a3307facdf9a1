// thidua-gen: a deterministic province-scale data set (UBND tỉnh Cao Bằng, its agencies, their
// units, people, councils and emulation clusters; the communes, the movements' work —
// pledges, achievements, initiatives — and the communes' assessments) for benchmarks and
// manual testing.
//
//   thidua-gen --db sqlite:/tmp/prov.db [--agencies 200] [--people 30000] [--seed 42]
//              [--communes 2000] [--achievements 1000000] [--initiatives 3000]
//
// The same seed and sizes always give the same rows, byte for byte (on an empty database).

#include <array>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <stdexcept>

#include <CLI/CLI.hpp>
#include <sodium.h>
#include <soci/soci.h>

#include "domain/clock.hpp"
#include "generators.hpp"
#include "loader.hpp"
#include "services/criteria_files.hpp"
#include "storage/database.hpp"
#include "storage/migrate.hpp"

namespace thidua::gen {

namespace {

struct Generator {
  const char* name;
  TableGroup (*run)(Context&, Rng&);
  Summary (*stream)(Context&, Rng&, const Emit&) = nullptr;  ///< instead of run: rows in groups
  /// A streaming generator's tables: loaded without their indexes, which are built at the end.
  std::array<const char*, 3> tables{};
};

// In dependency order: each reads what the ones above it put in the DataSet.
constexpr Generator kGenerators[] = {
    {"organisation", generate_organisation},
    {"people", generate_people},
    {"councils", generate_councils},
    {"clusters", generate_clusters},
    {"office accounts", generate_office_accounts},
    {"communes", generate_communes},
    {"movements", generate_movements},
    {"assessments", generate_assessments},
    {"pledges", generate_pledges},
    {"initiatives", generate_initiatives},
    {"commendation", generate_commendation},
    {"achievements", nullptr, generate_achievements, {"achievement", "achievement_event"}},
    {"evaluations", nullptr, generate_evaluations, {"score_sheet", "score_entry", "sheet_event"}},
};

/// The 2021–2025 criteria set as the server loads it: by its own loader of rules/criteria/
/// (the same code, the same rows; a server started on the data set later finds it loaded),
/// with a fixed clock so that its audit entry is the same on every run.
Result<void> load_criteria(storage::Database& db, DataSet& data) {
  auto fixed = parse_iso("2025-01-02T08:00:00Z");
  auto loaded = services::load_criteria_sets(db, [fixed] { return *fixed; });
  if (!loaded) return fail(loaded.error());
  return db.read([&](storage::Tx& tx) -> Result<void> {
    long long set = 0, id = 0;
    int number = 0;
    tx.sql() << "SELECT id FROM criteria_set WHERE code = 'ntm-2021-2025'", soci::into(set);
    if (!tx.sql().got_data()) return fail(ErrorKind::internal, "gen.criteria", "no criteria set ntm-2021-2025");
    data.criteria_set = set;
    soci::statement st = (tx.sql().prepare << "SELECT id, number FROM criterion WHERE set_id = :s ORDER BY number",
                          soci::into(id), soci::into(number), soci::use(set));
    if (st.execute(true)) {
      do {
        data.criteria.push_back(id);
      } while (st.fetch());
    }
    return {};
  });
}

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

/// An argon2id hash in libsodium's string format, with a salt drawn from the seed:
/// crypto_pwhash_str would pick a random salt, and the data set would differ on every run.
/// crypto_pwhash_str_verify (what the server calls at sign-in) accepts it like any other.
std::string password_hash(const std::string& password, std::uint64_t seed) {
  Rng rng(Rng::derive(seed, "password"));
  unsigned char salt[crypto_pwhash_SALTBYTES];
  for (auto& b : salt) b = static_cast<unsigned char>(rng.next());
  unsigned char hash[32];
  const auto ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  const auto mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  if (crypto_pwhash(hash, sizeof hash, password.data(), password.size(), salt, ops, mem,
                    crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("argon2id: out of memory");
  }
  auto b64 = [](const unsigned char* bin, std::size_t n) {
    std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), bin, n, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
  };
  std::string encoded = "$argon2id$v=19$m=" + std::to_string(mem / 1024) + ",t=" + std::to_string(ops) + ",p=1$" +
                        b64(salt, sizeof salt) + "$" + b64(hash, sizeof hash);
  if (crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) != 0) {
    throw std::runtime_error("argon2id: the encoded hash does not verify");
  }
  return encoded;
}

int fail_with(const std::string& what) {
  std::cerr << "thidua-gen: " << what << std::endl;
  return 1;
}

int run(const Options& opt) {
  if (sodium_init() < 0) return fail_with("libsodium failed to initialise");
  const auto start = Clock::now();
  auto db = storage::Database::open(opt.db_url, 1);
  if (!db) return fail_with("cannot open " + opt.db_url + ": " + db.error().detail);
  std::printf("thidua-gen: seed %llu, %d agencies, %d people → %s\n", static_cast<unsigned long long>(opt.seed),
              opt.agencies, opt.people,
              (*db)->dialect() == storage::Dialect::sqlite ? "SQLite" : "PostgreSQL");

  auto t = Clock::now();
  auto version = storage::migrate(**db);
  if (!version) return fail_with("migration failed: " + version.error().detail);
  std::printf("  %-34s %8.3f s\n", ("schema at version " + std::to_string(*version)).c_str(), since(t));
  auto existing = count_rows(**db, "agency");
  if (!existing) return fail_with(existing.error().detail);
  if (*existing > 0) {
    return fail_with("the database already has " + std::to_string(*existing) +
                     " agencies; thidua-gen fills an empty organisation (use a new database)");
  }

  t = Clock::now();
  DataSet data;
  Ids ids([&](const std::string& table) {
    auto m = max_id(**db, table);
    if (!m) throw std::runtime_error("reading MAX(id) of " + table + ": " + m.error().detail);
    return *m;
  });
  Context ctx{opt, ids, data, password_hash(opt.password, opt.seed)};
  std::printf("  %-34s %8.3f s\n", "password hash (argon2id)", since(t));
  t = Clock::now();
  if (auto c = load_criteria(**db, data); !c) return fail_with("loading the criteria sets failed: " + c.error().detail);
  std::printf("  %-34s %8.3f s\n", "criteria sets (rules/criteria/)", since(t));

  std::size_t total_rows = 0;
  std::vector<std::string> summary;
  for (const auto& g : kGenerators) {
    t = Clock::now();
    Rng rng(Rng::derive(opt.seed, g.name));
    if (g.stream) {
      // Rows come in groups, each loaded (and committed) as it comes; the time is both.
      std::map<std::string, TableStats> sums;
      std::vector<std::string> order;
      std::string failed;
      auto emit = [&](TableGroup&& group) {
        if (!failed.empty()) return;
        auto stats = load_group(**db, group);
        if (!stats) {
          failed = stats.error().detail;
          return;
        }
        for (const auto& s : *stats) {
          auto [it, fresh] = sums.try_emplace(s.table, TableStats{s.table, 0, 0});
          if (fresh) order.push_back(s.table);
          it->second.rows += s.rows;
          it->second.seconds += s.seconds;
        }
      };
      std::vector<std::string> tables;
      for (const char* name : g.tables) {
        if (name) tables.emplace_back(name);
      }
      auto indexes = drop_indexes(**db, tables);
      if (!indexes) return fail_with("dropping indexes failed: " + indexes.error().detail);
      Summary s = g.stream(ctx, rng, emit);
      if (!failed.empty()) return fail_with(std::string("loading ") + g.name + " failed: " + failed);
      const auto indexing = Clock::now();
      if (auto built = create_indexes(**db, *indexes); !built) return fail_with("indexing failed: " + built.error().detail);
      std::printf("    %-20s %9zu      %8.3f s\n", "indexes built", indexes->size(), since(indexing));
      for (const auto& name : order) {
        std::printf("    %-20s %9zu rows %8.3f s\n", name.c_str(), sums[name].rows, sums[name].seconds);
        total_rows += sums[name].rows;
      }
      std::printf("  %-34s %8.3f s\n", (std::string(g.name) + ": generated, loaded, committed").c_str(), since(t));
      summary.insert(summary.end(), s.lines.begin(), s.lines.end());
      continue;
    }
    TableGroup group = g.run(ctx, rng);
    std::printf("  %-34s %8.3f s\n", (std::string(g.name) + ": generated in memory").c_str(), since(t));
    t = Clock::now();
    auto stats = load_group(**db, group);
    if (!stats) return fail_with("loading " + group.name + " failed: " + stats.error().detail);
    for (const auto& s : *stats) {
      std::printf("    %-20s %9zu rows %8.3f s\n", s.table.c_str(), s.rows, s.seconds);
      total_rows += s.rows;
    }
    std::printf("  %-34s %8.3f s\n", (group.name + ": loaded and committed").c_str(), since(t));
  }
  (*db)->close();
  std::printf("  %-20s %9zu rows %8.3f s\n", "total", total_rows, since(start));
  for (const auto& line : summary) std::printf("  %s\n", line.c_str());
  return 0;
}

}  // namespace

}  // namespace thidua::gen

int main(int argc, char** argv) {
  thidua::gen::Options opt;
  CLI::App app{"thidua-gen — a deterministic province-scale data set for benchmarks"};
  app.add_option("--db", opt.db_url, "Database: sqlite:PATH or postgresql://… (migrated first)")->required();
  app.add_option("--agencies", opt.agencies, "Agencies under UBND tỉnh (default 200)")->check(CLI::Range(1, 100000));
  app.add_option("--people", opt.people, "People over all agencies (default 30000; at least --agencies)")
      ->check(CLI::Range(1, 10000000));
  app.add_option("--seed", opt.seed, "Random seed (default 42): the same seed gives the same data");
  app.add_option("--password", opt.password, "Password of every generated account (default bench-Password-1)");
  app.add_option("--communes", opt.communes, "Communes of the province (default 2000)")->check(CLI::Range(10, 100000));
  app.add_option("--achievements", opt.achievements, "Achievements 2021–2025 (default 1000000)")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{100'000'000}));
  app.add_option("--initiatives", opt.initiatives, "Initiatives (default 3000)")->check(CLI::Range(0, 10'000'000));
  CLI11_PARSE(app, argc, argv);
  if (opt.people < opt.agencies) {
    std::cerr << "thidua-gen: --people must be at least --agencies (every agency needs a head)" << std::endl;
    return 2;
  }
  try {
    return thidua::gen::run(opt);
  } catch (const std::exception& e) {
    return thidua::gen::fail_with(e.what());
  }
}
