#include "app/app.hpp"

#include <filesystem>

#include "assets/resources.hpp"
#include "services/crypto.hpp"
#include "storage/migrate.hpp"

namespace thidua::app {

Result<std::shared_ptr<const text::Catalogue>> load_catalogue() {
  auto vi = find_resource("locales/vi.toml");
  auto en = find_resource("locales/en.toml");
  if (!vi || !en) return fail(ErrorKind::internal, "catalogue.missing", "locales not embedded");
  auto c = text::Catalogue::create(*vi, *en);
  if (!c) return fail(c.error());
  return std::make_shared<const text::Catalogue>(std::move(*c));
}

Result<Services> open_services(const Config& config, bool migrate) {
  if (!services::crypto_init()) return fail(ErrorKind::internal, "internal", "libsodium failed to initialise");
  Services s;
  s.config = config;
  std::size_t pool = config.db_pool ? config.db_pool : config.effective_threads();
  auto db = storage::Database::open(config.db, pool);
  if (!db) return fail(db.error());
  s.db = *db;
  if (migrate) {
    if (auto v = storage::migrate(*s.db); !v) return fail(v.error());
  } else {
    auto v = storage::schema_version(*s.db);
    if (!v) return fail(v.error());
    if (*v != storage::latest_version()) {
      return fail(ErrorKind::internal, "db.needs_migration",
                  "database schema is at version " + std::to_string(*v) + ", this binary needs " +
                      std::to_string(storage::latest_version()) + ": run `thidua migrate`");
    }
  }
  auto cat = load_catalogue();
  if (!cat) return fail(cat.error());
  s.catalogue = *cat;
  s.hasher = std::make_shared<services::PasswordHasher>(config.max_parallel_hashes);
  services::AuthConfig ac;
  ac.idle_timeout = std::chrono::seconds(config.session_idle_seconds);
  ac.absolute_timeout = std::chrono::seconds(config.session_absolute_seconds);
  s.auth = std::make_shared<services::AuthService>(s.db, s.hasher, ac);
  s.users = std::make_shared<services::UserService>(s.db, s.hasher);
  s.people = std::make_shared<services::PeopleService>(s.db);
  s.org = std::make_shared<services::OrgService>(s.db);
  s.import = std::make_shared<services::ImportService>(s.db, s.people);
  return s;
}

}  // namespace thidua::app
