#include <filesystem>
#include <iostream>

#include <spdlog/async.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "app/reminder_scheduler.hpp"
#include "app/routes.hpp"
#include "cli/commands.hpp"
#include "http/pipeline.hpp"
#include "http/server.hpp"
#include "services/crypto.hpp"
#include "web/page_cache.hpp"
#include "web/views.hpp"

namespace thidua::cli {

namespace {

void setup_logging(const std::string& level) {
  // Asynchronous: the access log must not make request threads wait on the terminal.
  spdlog::init_thread_pool(8192, 1);
  auto logger = std::make_shared<spdlog::async_logger>(
      "thidua", std::make_shared<spdlog::sinks::stdout_color_sink_mt>(), spdlog::thread_pool(),
      spdlog::async_overflow_policy::block);
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(level));
  spdlog::flush_every(std::chrono::seconds(1));
}

/// On first start there is nobody to sign in: create "admin" with THIDUA_ADMIN_PASSWORD or a
/// generated password, printed once.
int bootstrap_admin(app::Services& s) {
  auto n = s.users->count_admins();
  if (!n) return report(n.error());
  if (*n > 0) return 0;
  const char* env = std::getenv("THIDUA_ADMIN_PASSWORD");
  std::string password = env && *env ? env : services::generate_password();
  services::NewUserInput in;
  in.login = "admin";
  in.display_name = "Quản trị hệ thống";
  in.password = password;
  in.roles = {"admin"};
  auto created = s.users->add_user(services::operator_principal("bootstrap"), in);
  if (!created) return report(created.error());
  std::cout << "\n  Đã tạo tài khoản quản trị / administrator account created:\n"
            << "    đăng nhập / login:    admin\n"
            << "    mật khẩu / password:  " << (env && *env ? "(THIDUA_ADMIN_PASSWORD)" : password) << "\n"
            << "  (chỉ hiện một lần / shown once; đổi bằng / change with: thidua user passwd --login admin)\n"
            << std::endl;
  return 0;
}

/// <data_dir>/tmp, created, and cleared of uploads a crash left behind (older than a day,
/// so that another server on the same data folder keeps the ones it is receiving).
std::filesystem::path prepare_upload_dir(const app::Config& config) {
  auto dir = app::upload_dir(config);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) spdlog::warn("cannot create {}: {}", dir.string(), ec.message());
  const auto old = std::filesystem::file_time_type::clock::now() - std::chrono::hours(24);
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    std::error_code e2;
    if (e.path().filename().string().rfind("upload-", 0) == 0 && e.last_write_time(e2) < old && !e2) {
      std::filesystem::remove(e.path(), e2);
    }
  }
  return dir;
}

}  // namespace

int serve(const Common& common, const std::optional<std::string>& listen, std::size_t threads) {
  auto config = resolve_config(common);
  if (!config) return report(config.error());
  if (listen) config->listen = *listen;
  if (threads) config->threads = threads;
  auto addr = app::parse_listen(config->listen);
  if (!addr) return report(addr.error());
  setup_logging(config->log_level);

  auto s = app::open_services(*config, true);
  if (!s) return report(s.error());
  if (int rc = bootstrap_admin(*s); rc != 0) return rc;
  if (auto r = s->auth->purge_expired(); !r) spdlog::warn("could not purge sessions: {}", r.error().detail);

  auto static_files = std::make_shared<const http::StaticFiles>(http::StaticFiles::from_resources("static/"));
  auto views = web::Views::create(s->catalogue, static_files);
  if (!views) return report(views.error());
  web::WebDeps web_deps{*views, s->auth, s->users, s->people, s->org, s->import,
                        std::make_shared<web::UploadStash>(), s->movements,
                        config->page_cache ? std::make_shared<web::PageCache>() : nullptr};
  api::ApiDeps api_deps{s->auth, s->users, app::kVersion, s->people, s->org, s->movements};
  web_deps.initiatives = s->initiatives;
  api_deps.initiatives = s->initiatives;
  web_deps.communes = s->communes;
  api_deps.communes = s->communes;
  web_deps.evidence = s->evidence;
  api_deps.evidence = s->evidence;
  web_deps.achievements = s->achievements;
  web_deps.progress = s->progress;
  api_deps.achievements = s->achievements;
  api_deps.progress = s->progress;
  web_deps.evaluations = s->evaluations;
  api_deps.evaluations = s->evaluations;
  // Commendation, part 1 (issue 6): eligibility.
  web_deps.eligibility = s->eligibility;
  api_deps.eligibility = s->eligibility;
  // Decisions, certificates, higher awards (issue 6, part D).
  web_deps.decisions = s->decisions;
  web_deps.certificates = s->certificates;
  web_deps.higher_awards = s->higher_awards;
  api_deps.decisions = s->decisions;
  // Issue 6, nominations and the council (part h6c).
  web_deps.nominations = s->nominations;
  web_deps.council_sessions = s->council_sessions;
  api_deps.nominations = s->nominations;
  api_deps.council_sessions = s->council_sessions;
  // issue 7 follow-up: the dashboards.
  web_deps.follow_up = s->follow_up;
  api_deps.follow_up = s->follow_up;
  // issue 7 review reports and sending (h7rr).
  web_deps.review_reports = s->review_reports;
  web_deps.report_sendings = s->report_sendings;
  api_deps.review_reports = s->review_reports;
  api_deps.report_sendings = s->report_sendings;
  web_deps.pledges = s->pledges;
  web_deps.notifications = s->notifications;
  web_deps.covenants = s->covenants;
  api_deps.pledges = s->pledges;
  api_deps.notifications = s->notifications;
  api_deps.covenants = s->covenants;
  web_deps.reminders = s->reminders;  // issue 7 reminders
  // issue 7 statistics and province (part h7sf)
  web_deps.statistics = s->statistics;
  api_deps.statistics = s->statistics;
  (*views)->set_unread_counter([n = s->notifications](http::Context& ctx) {
    return ctx.principal ? n->unread_for_nav(*ctx.principal, ctx.data_version) : 0;
  });
  auto router = app::build_routes(web_deps, api_deps);
  http::PipelineOptions po;
  po.cookie_secure = config->cookie_secure;
  po.trust_proxy = config->trust_proxy;
  po.access_log = config->access_log;
  po.upload_dir = prepare_upload_dir(*config);
  auto shared_views = *views;
  auto pipeline = std::make_shared<http::Pipeline>(
      router, s->auth, s->catalogue, static_files,
      [shared_views](http::Context& ctx, const Error& e, unsigned status) {
        return web::error_page(*shared_views, ctx, e, status);
      },
      po);

  http::ServerOptions so;
  so.host = addr->first;
  so.port = addr->second;
  so.threads = config->effective_threads();
  so.upload_dir = po.upload_dir;
  auto server = http::Server::create(so, pipeline);
  if (!server) return report(server.error());
  std::cout << "thidua " << app::kVersion << " đang phục vụ tại / serving on http://" << config->listen << "/ ("
            << so.threads << " threads, " << config->db.substr(0, config->db.find(':')) << ")" << std::endl;
  spdlog::info("listening on {}:{}", so.host, (*server)->port());
  // issue 7 reminders: the scheduler runs beside the server and stops with it.
  std::unique_ptr<app::ReminderScheduler> reminders;
  if (config->reminders_enabled) {
    reminders = std::make_unique<app::ReminderScheduler>(s->reminders, *config);
    reminders->start();
  }
  (*server)->run();
  if (reminders) reminders->stop();
  s->db->close();
  spdlog::info("stopped cleanly");
  spdlog::shutdown();
  return 0;
}

int print_routes() {
  auto router = app::build_routes(web::WebDeps{}, api::ApiDeps{});
  for (const auto& r : router->routes()) {
    std::string access = !r->access.sign_in ? "anyone" : "signed-in";
    if (!r->access.roles.empty()) {
      access.clear();
      for (auto role : r->access.roles) {
        if (!access.empty()) access += ',';
        access += to_string(role);
      }
    }
    std::cout << r->method << "\t" << r->pattern << "\t" << access << "\t" << r->summary << "\n";
  }
  return 0;
}

}  // namespace thidua::cli
