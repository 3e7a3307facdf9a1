// thidua-gen: a deterministic province-scale data set (UBND tỉnh Cao Bằng, its agencies, their
// units, people, councils and emulation clusters) for benchmarks and manual testing.
//
//   thidua-gen --db sqlite:/tmp/prov.db [--agencies 200] [--people 30000] [--seed 42]
//
// The same seed and sizes always give the same rows, byte for byte (on an empty database).

#include <chrono>
#include <cstdio>
#include <iostream>
#include <stdexcept>

#include <CLI/CLI.hpp>
#include <sodium.h>

#include "generators.hpp"
#include "loader.hpp"
#include "storage/database.hpp"
#include "storage/migrate.hpp"

namespace thidua::gen {

namespace {

struct Generator {
  const char* name;
  TableGroup (*run)(Context&, Rng&);
};

// In dependency order: each reads what the ones above it put in the DataSet.
constexpr Generator kGenerators[] = {
    {"organisation", generate_organisation},
    {"people", generate_people},
    {"councils", generate_councils},
    {"clusters", generate_clusters},
};

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

  std::size_t total_rows = 0;
  for (const auto& g : kGenerators) {
    t = Clock::now();
    Rng rng(Rng::derive(opt.seed, g.name));
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
