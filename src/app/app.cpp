#include "app/app.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "assets/resources.hpp"
#include "services/crypto.hpp"
#include "services/nomination_rules.hpp"
#include "services/rule_set_files.hpp"  // commendation, part 1 (issue 6)
#include "storage/migrate.hpp"

namespace thidua::app {

namespace {

/// locales/<lang>.toml followed by every locales/<lang>/*.toml in name order: each area of
/// the application keeps its messages in its own file under its own tables.
std::optional<std::string> catalogue_text(std::string_view lang) {
  std::string main_path = "locales/" + std::string(lang) + ".toml";
  auto main = find_resource(main_path);
  if (!main) return std::nullopt;
  std::string out(*main);
  std::string prefix = "locales/" + std::string(lang) + "/";
  std::vector<std::pair<std::string_view, std::string_view>> parts;
  for (const auto& r : embedded_resources()) {
    if (r.path.rfind(prefix, 0) == 0 && r.path.size() > 5 && r.path.substr(r.path.size() - 5) == ".toml") {
      parts.emplace_back(r.path, r.data);
    }
  }
  std::sort(parts.begin(), parts.end());
  for (const auto& [path, data] : parts) {
    out += "\n# ---- ";
    out += path;
    out += "\n";
    out += data;
  }
  return out;
}

}  // namespace

Result<std::shared_ptr<const text::Catalogue>> load_catalogue() {
  auto vi = catalogue_text("vi");
  auto en = catalogue_text("en");
  if (!vi || !en) return fail(ErrorKind::internal, "catalogue.missing", "locales not embedded");
  auto c = text::Catalogue::create(*vi, *en);
  if (!c) return fail(c.error());
  return std::make_shared<const text::Catalogue>(std::move(*c));
}

std::filesystem::path upload_dir(const Config& config) {
  return std::filesystem::path(config.data_dir) / "tmp";
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
  s.files = std::make_shared<services::FileStore>(std::filesystem::path(config.data_dir) / "files");
  s.movements = std::make_shared<services::MovementService>(s.db, s.files);
  s.initiatives = std::make_shared<services::InitiativeService>(s.db);
  s.pledges = std::make_shared<services::PledgeService>(s.db);
  s.notifications = std::make_shared<services::NotificationService>(s.db);
  // Criteria sets ship as files (rules/criteria/): loaded when the schema is brought up to date.
  if (migrate) {
    if (auto loaded = services::load_criteria_sets(*s.db); !loaded) return fail(loaded.error());
  }
  s.evidence = std::make_shared<services::EvidenceService>(
      s.db, s.files, services::EvidenceConfig{static_cast<std::uint64_t>(config.evidence_max_bytes)});
  s.communes = std::make_shared<services::CommuneService>(s.db, s.evidence);
  s.covenants = std::make_shared<services::CovenantService>(s.db, s.evidence);
  s.achievements = std::make_shared<services::AchievementService>(s.db, s.evidence);
  s.progress = std::make_shared<services::ProgressService>(s.db);
  s.evaluations = std::make_shared<services::EvaluationService>(s.db, s.evidence);
  // Commendation, part 1 (issue 6): rule sets from rules/commendation/ (edited copies in
  // <data_dir>/rules/commendation/ replace the shipped file of the same code); a malformed file
  // stops the start-up with its name and key.
  {
    const std::string rules_dir = (std::filesystem::path(config.data_dir) / "rules" / "commendation").string();
    if (auto layers = services::commendation_rule_layers(rules_dir); !layers) return fail(layers.error());
    s.eligibility = std::make_shared<services::EligibilityService>(s.db, system_clock(),
                                                                    std::vector<std::string>{"cao_bang"}, rules_dir);
  }
  // Decisions, certificates, higher awards (issue 6, part D): the certificates' QR codes open
  // <public_base_url>/verify/<code>.
  s.decisions = std::make_shared<services::DecisionService>(s.db);
  s.certificates = std::make_shared<services::CertificateService>(
      s.db, config.public_base_url.empty() ? "http://" + config.listen : config.public_base_url);
  s.higher_awards = std::make_shared<services::HigherAwardService>(s.db, s.files);
  // Nominations and the council (issue 6): eligibility, the council rule and the dossier of a
  // form come from the rule sets through the eligibility service.
  s.nominations = std::make_shared<services::NominationService>(s.db, s.evidence);
  s.nominations->set_rules(services::nomination_rules_from(s.eligibility, s.catalogue));
  s.decisions->set_nominations(s.nominations);
  s.council_sessions = std::make_shared<services::CouncilSessionService>(s.db, s.nominations);
  // issue 7 follow-up: the figures, with the same rule layers as eligibility (where a period splits).
  s.follow_up = std::make_shared<services::FollowUpService>(
      s.db, system_clock(), std::vector<std::string>{"cao_bang"},
      (std::filesystem::path(config.data_dir) / "rules" / "commendation").string());
  // issue 7 reminders
  s.reminders = std::make_shared<services::ReminderService>(
      s.db, s.pledges,
      services::ReminderOptions{config.reminders_lead_days,
                                config.public_base_url.empty() ? "http://" + config.listen : config.public_base_url});
  s.reminders->set_nominations(s.nominations);
  // issue 7 review reports and sending (h7rr): the reports' figures come from the follow-up.
  s.review_reports = std::make_shared<services::ReviewReportService>(s.db, s.follow_up);
  s.report_sendings = std::make_shared<services::ReportSendingService>(s.db, s.files);
  // issue 7 statistics and province (part h7sf)
  s.statistics = std::make_shared<services::StatisticsService>(s.db);
  return s;
}

}  // namespace thidua::app
