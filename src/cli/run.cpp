#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "services/crypto.hpp"
#include "services/audit_service.hpp"
#include "services/criteria_files.hpp"
#include "storage/backup.hpp"
#include "storage/migrate.hpp"

namespace thidua::cli {

namespace {

int with_services(const Common& common, bool migrate, const std::function<int(app::Services&)>& fn) {
  auto config = resolve_config(common);
  if (!config) return report(config.error());
  config->threads = 1;
  config->db_pool = 1;
  auto s = app::open_services(*config, migrate);
  if (!s) return report(s.error());
  int rc = fn(*s);
  s->db->close();
  return rc;
}

int migrate_cmd(const Common& common, int target) {
  auto config = resolve_config(common);
  if (!config) return report(config.error());
  auto db = storage::Database::open(config->db, 1);
  if (!db) return report(db.error());
  auto before = storage::schema_version(**db);
  if (!before) return report(before.error());
  auto after = storage::migrate(**db, target);
  if (!after) return report(after.error());
  std::cout << "Cơ sở dữ liệu ở phiên bản " << *after << " (trước: " << *before << ", mới nhất: "
            << storage::latest_version() << ")." << std::endl;
  // The criteria sets shipped in rules/criteria/ go in with the schema they need.
  if (*after == storage::latest_version()) {
    if (!services::crypto_init()) return report(Error{ErrorKind::internal, "internal", {}, {}, "libsodium"});
    auto loaded = services::load_criteria_sets(**db);
    if (!loaded) return report(loaded.error());
    if (loaded->created + loaded->updated > 0) {
      std::cout << "Bộ tiêu chí: " << loaded->created << " nạp mới, " << loaded->updated << " cập nhật." << std::endl;
    }
  }
  return 0;
}

std::string password_from(bool from_stdin, bool& generated) {
  if (from_stdin) return read_secret_line();
  generated = true;
  return services::generate_password();
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"thidua — quản lý thi đua, khen thưởng (emulation and commendation management)"};
  app.require_subcommand(1);
  app.fallthrough();
  Common common;
  app.add_option("--config", common.config_file, "TOML configuration file (also THIDUA_CONFIG)");
  app.add_option("--db", common.db, "Database: sqlite:PATH or postgresql://… (also THIDUA_DB)");
  int rc = 0;

  auto* serve_cmd = app.add_subcommand("serve", "Serve the web application");
  std::optional<std::string> listen;
  std::size_t threads = 0;
  serve_cmd->add_option("--listen", listen, "HOST:PORT to listen on (default 127.0.0.1:8080; also THIDUA_LISTEN)");
  serve_cmd->add_option("--threads", threads, "Worker threads (default: 4 per core)");
  serve_cmd->callback([&] { rc = serve(common, listen, threads); });

  auto* migrate = app.add_subcommand("migrate", "Create or upgrade the database schema (safe to rerun)");
  int target = -1;
  migrate->add_option("--to", target, "Stop at this version (default: latest)");
  migrate->callback([&] { rc = migrate_cmd(common, target); });

  auto* user = app.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Create an account");
  services::NewUserInput in;
  std::vector<std::string> roles;
  bool pw_stdin = false;
  user_add->add_option("--login", in.login, "Login name (a-z, 0-9, . _ -)")->required();
  user_add->add_option("--name", in.display_name, "Full name, e.g. \"Hà Văn Vui\"")->required();
  user_add->add_option("--role", roles, "Role (repeatable): admin, office, leader, council, unit_head, staff, authority")
      ->required();
  user_add->add_option("--agency", in.agency_code, "Agency code, e.g. BDT");
  user_add->add_option("--lang", in.lang, "vi or en");
  user_add->add_flag("--password-stdin", pw_stdin, "Read the password from standard input (else one is generated)");
  std::string user_email;  // issue 7 reminders
  user_add->add_option("--email", user_email, "E-mail address for reminders (optional)");
  user_add->callback([&] {
    rc = with_services(common, true, [&](app::Services& s) {
      if (!user_email.empty() && !services::valid_email(user_email)) {  // issue 7 reminders
        return report(Error{ErrorKind::validation, "reminder.email_invalid", {}, {}, user_email});
      }
      in.roles = roles;
      bool generated = false;
      in.password = password_from(pw_stdin, generated);
      std::string password = in.password;
      auto created = s.users->add_user(services::operator_principal(operator_name()), in);
      if (!created) return report(created.error());
      std::cout << "Đã tạo tài khoản " << created->login << " (" << created->display_name << ")." << std::endl;
      if (!user_email.empty()) {  // issue 7 reminders
        auto e = s.reminders->set_email(services::operator_principal(operator_name()), created->login, user_email);
        if (!e) return report(e.error());
      }
      if (generated) std::cout << "Mật khẩu: " << password << std::endl;
      return 0;
    });
  });

  auto* user_passwd = user->add_subcommand("passwd", "Set an account's password (ends its sessions)");
  std::string login;
  user_passwd->add_option("--login", login, "Login name")->required();
  user_passwd->add_flag("--password-stdin", pw_stdin, "Read the password from standard input (else one is generated)");
  user_passwd->callback([&] {
    rc = with_services(common, false, [&](app::Services& s) {
      bool generated = false;
      std::string password = password_from(pw_stdin, generated);
      auto r = s.users->set_password(services::operator_principal(operator_name()), login, password);
      if (!r) return report(r.error());
      std::cout << "Đã đặt mật khẩu mới cho " << login << "." << std::endl;
      if (generated) std::cout << "Mật khẩu: " << password << std::endl;
      return 0;
    });
  });

  auto set_active = [&](bool active) {
    rc = with_services(common, false, [&](app::Services& s) {
      auto r = s.users->set_active(services::operator_principal(operator_name()), login, active);
      if (!r) return report(r.error());
      std::cout << (active ? "Đã mở khoá tài khoản " : "Đã khoá tài khoản ") << login << "." << std::endl;
      return 0;
    });
  };
  // issue 7 reminders: the address reminders are e-mailed to.
  auto* user_email_cmd = user->add_subcommand("email", "Set an account's e-mail address for reminders (empty: none)");
  std::string email_login;
  user_email_cmd->add_option("--login", email_login, "Login")->required();
  user_email_cmd->add_option("--email", user_email, "E-mail address (\"\" removes it)")->required();
  user_email_cmd->callback([&] {
    rc = with_services(common, false, [&](app::Services& s) {
      auto e = s.reminders->set_email(services::operator_principal(operator_name()), email_login, user_email);
      if (!e) return report(e.error());
      std::cout << "Đã lưu địa chỉ thư của " << email_login << "." << std::endl;
      return 0;
    });
  });
  auto* user_disable = user->add_subcommand("disable", "Disable an account (ends its sessions)");
  user_disable->add_option("--login", login, "Login name")->required();
  user_disable->callback([&] { set_active(false); });
  auto* user_enable = user->add_subcommand("enable", "Enable a disabled account");
  user_enable->add_option("--login", login, "Login name")->required();
  user_enable->callback([&] { set_active(true); });

  auto* user_token = user->add_subcommand("token", "Create an API token for an account (printed once)");
  std::string token_name;
  user_token->add_option("--login", login, "Login name")->required();
  user_token->add_option("--name", token_name, "What the token is for")->required();
  user_token->callback([&] {
    rc = with_services(common, false, [&](app::Services& s) {
      auto t = s.auth->create_api_token(services::operator_principal(operator_name()), login, token_name);
      if (!t) return report(t.error());
      std::cerr << "Mã truy cập API (chỉ hiện một lần; gửi trong tiêu đề Authorization: Bearer …):" << std::endl;
      std::cout << *t << std::endl;
      return 0;
    });
  });

  auto* agency = app.add_subcommand("agency", "Manage agencies");
  agency->require_subcommand(1);
  auto* agency_add = agency->add_subcommand("add", "Create an agency (no change when the code exists)");
  std::string agency_code, agency_name;
  agency_add->add_option("--code", agency_code, "Short code used in document symbols, e.g. BDT")->required();
  agency_add->add_option("--name", agency_name, "Full name, e.g. \"Ban Dân tộc tỉnh Cao Bằng\"")->required();
  agency_add->callback([&] {
    rc = with_services(common, true, [&](app::Services& s) {
      auto a = s.users->ensure_agency(services::operator_principal(operator_name()), agency_code, agency_name);
      if (!a) return report(a.error());
      std::cout << "Cơ quan " << a->code << ": " << a->name << std::endl;
      return 0;
    });
  });

  // ---- import / export of people ----------------------------------------------------
  auto agency_id_of = [&](app::Services& s, const std::string& code) -> Result<std::int64_t> {
    auto all = s.org->list_agencies(services::operator_principal(operator_name()));
    if (!all) return fail(all.error());
    for (const auto& a : *all) {
      if (a.agency.code == code) return a.agency.id;
    }
    return fail(Error{ErrorKind::not_found, "agency.not_found", {}, {}, code});
  };
  std::string io_agency, io_file;
  auto* import_cmd = app.add_subcommand("import", "Import data from a file");
  import_cmd->require_subcommand(1);
  auto* import_people = import_cmd->add_subcommand("people", "Import people from XLSX or CSV (all rows or none)");
  bool dry_run = false;
  import_people->add_option("--agency", io_agency, "Agency code, e.g. BDT")->required();
  import_people->add_option("--file", io_file, "The .xlsx or .csv file")->required();
  import_people->add_flag("--dry-run", dry_run, "Only check the file and report");
  import_people->callback([&] {
    rc = with_services(common, true, [&](app::Services& s) {
      auto agency_id = agency_id_of(s, io_agency);
      if (!agency_id) return report(agency_id.error());
      std::ifstream file(io_file, std::ios::binary);
      if (!file) return report(Error{ErrorKind::not_found, "import.no_file", {}, {}, io_file});
      std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
      auto actor = services::operator_principal(operator_name());
      services::ImportPreview rejected;
      auto preview = dry_run ? s.import->preview_people(actor, *agency_id, bytes, io_file)
                             : s.import->import_people(actor, *agency_id, bytes, io_file, &rejected);
      if (!preview && preview.error().code != "import.has_problems") return report(preview.error());
      if (!preview) preview = rejected;
      auto cat = app::load_catalogue();
      if (!preview->encoding.empty() && cat) {
        std::cout << (*cat)->get(text::Lang::vi, "import.encoding_" + preview->encoding) << "\n";
      }
      if (!preview->ok()) {
        for (const auto& p : preview->problems) {
          std::cerr << "dòng " << p.row << (p.column.empty() ? "" : ", cột \"" + p.column + "\"") << ": "
                    << (cat ? (*cat)->format(text::Lang::vi, p.code, p.params) : p.code) << "\n";
        }
        std::cerr << preview->problems.size() << " lỗi; chưa có gì được ghi." << std::endl;
        return 1;
      }
      std::cout << (dry_run ? "Kiểm tra xong: " : "Đã nhập: ") << preview->rows << " dòng, " << preview->new_people
                << " thêm mới, " << preview->updated_people << " cập nhật, " << preview->unchanged_people
                << " không đổi." << std::endl;
      return 0;
    });
  });
  auto* export_cmd = app.add_subcommand("export", "Export data to a file");
  export_cmd->require_subcommand(1);
  auto* export_people = export_cmd->add_subcommand("people", "Export an agency's people to XLSX");
  export_people->add_option("--agency", io_agency, "Agency code, e.g. BDT")->required();
  export_people->add_option("--out", io_file, "The .xlsx file to write")->required();
  export_people->callback([&] {
    rc = with_services(common, false, [&](app::Services& s) {
      auto agency_id = agency_id_of(s, io_agency);
      if (!agency_id) return report(agency_id.error());
      services::PeopleFilter f;
      f.agency_id = *agency_id;
      auto bytes = s.import->export_people(services::operator_principal(operator_name()), f);
      if (!bytes) return report(bytes.error());
      std::ofstream out(io_file, std::ios::binary | std::ios::trunc);
      out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
      if (!out) return report(Error{ErrorKind::internal, "internal", {}, {}, "cannot write " + io_file});
      std::cout << "Đã xuất " << io_file << std::endl;
      return 0;
    });
  });

  auto* scores_cmd = app.add_subcommand("scores", "Rankings of every scoring template of an evaluation (JSON or XLSX)");
  ScoresOptions scores_opt;
  scores_cmd->add_option("--agency", io_agency, "Agency code, e.g. BDT")->required();
  scores_cmd->add_option("--movement", scores_opt.movement, "Movement id, or latest (the default)");
  scores_cmd->add_option("--year", scores_opt.year, "Year of the evaluation")->required()->check(CLI::Range(1900, 9999));
  scores_cmd->add_option("--format", scores_opt.format, "json (the default) or xlsx")
      ->check(CLI::IsMember({"json", "xlsx"}));
  scores_cmd->add_option("--out", scores_opt.out, "File to write (JSON: standard output when not given)");
  scores_cmd->callback([&] {
    rc = with_services(common, false, [&](app::Services& s) {
      auto agency_id = agency_id_of(s, io_agency);
      if (!agency_id) return report(agency_id.error());
      return scores(s, *agency_id, scores_opt);
    });
  });

  // Commendation, part 1 (issue 6): eligibility for titles and forms.
  auto* elig_cmd = app.add_subcommand("eligibility", "Eligibility of every person and unit for titles and forms (JSON or XLSX)");
  EligibilityOptions elig_opt;
  elig_cmd->add_option("--agency", io_agency, "Agency code, e.g. BDT")->required();
  elig_cmd->add_option("--year", elig_opt.year, "Year")->required()->check(CLI::Range(1900, 9999));
  elig_cmd->add_option("--movement", elig_opt.movement, "Movement id: achievements of that movement only");
  elig_cmd->add_option("--format", elig_opt.format, "json (the default) or xlsx")->check(CLI::IsMember({"json", "xlsx"}));
  elig_cmd->add_option("--out", elig_opt.out, "File to write (JSON: standard output when not given)");
  elig_cmd->callback([&] {
    rc = with_services(common, false, [&](app::Services& s) {
      auto agency_id = agency_id_of(s, io_agency);
      if (!agency_id) return report(agency_id.error());
      return eligibility(s, *agency_id, elig_opt);
    });
  });

  // issue 7 reminders: one pass of the scheduler, by hand.
  auto* remind_cmd = app.add_subcommand("remind", "Run one reminder pass (deadlines coming and passed) and print what it wrote");
  bool remind_dry = false;
  remind_cmd->add_flag("--dry-run", remind_dry, "Print what would be written; write nothing");
  remind_cmd->callback([&] { rc = with_services(common, false, [&](app::Services& s) { return remind(s, remind_dry); }); });
  // issue 7 review reports (h7rr): a movement's review report as DOCX, PDF or XLSX.
  auto* report_cmd = app.add_subcommand("report", "A movement's review report (yearly, mid-term, final) as DOCX, PDF or XLSX");
  ReportOptions report_opt;
  report_cmd->add_option("--agency", io_agency, "Agency code, e.g. BDT")->required();
  report_cmd->add_option("--movement", report_opt.movement, "Movement id")->required();
  report_cmd->add_option("--kind", report_opt.kind, "annual, midterm or final")->required();
  report_cmd->add_option("--year", report_opt.year, "Year (annual: required; final: the last year or none)");
  report_cmd->add_option("--format", report_opt.format, "docx, pdf or xlsx")->required();
  report_cmd->add_option("--out", report_opt.out, "File to write")->required();
  report_cmd->callback([&] {
    rc = with_services(common, false, [&](app::Services& s) {
      auto agency_id = agency_id_of(s, io_agency);
      if (!agency_id) return report(agency_id.error());
      return review_report(s, *agency_id, report_opt);
    });
  });

  // issue 7 statistics and province (part h7sf): a statistical form of Circular 02/2023/TT-BNV.
  auto* stat_cmd = app.add_subcommand("statistics", "A statistical form 0601|0602|0603.N/BNV-TĐKT as XLSX or PDF");
  StatisticsOptions stat_opt;
  stat_cmd->add_option("--agency", io_agency, "Agency code, e.g. BDT")->required();
  stat_cmd->add_option("--form", stat_opt.form, "0601, 0602 or 0603")->required()->check(CLI::IsMember({"0601", "0602", "0603"}));
  stat_cmd->add_option("--year", stat_opt.year, "Statistical year")->required()->check(CLI::Range(2000, 2100));
  stat_cmd->add_option("--format", stat_opt.format, "xlsx (the default) or pdf")->check(CLI::IsMember({"xlsx", "pdf"}));
  stat_cmd->add_option("--out", stat_opt.out, "File to write")->required();
  stat_cmd->callback([&] {
    rc = with_services(common, false, [&](app::Services& s) {
      auto agency_id = agency_id_of(s, io_agency);
      if (!agency_id) return report(agency_id.error());
      return statistics(s, *agency_id, stat_opt);
    });
  });

  auto* backup = app.add_subcommand("backup", "Write a consistent copy of the database while it is in use");
  std::string out;
  backup->add_option("--out", out, "Output file (SQLite file, or pg_dump custom archive)")->required();
  backup->callback([&] {
    auto config = resolve_config(common);
    if (!config) {
      rc = report(config.error());
      return;
    }
    auto url = storage::parse_db_url(config->db);
    if (!url) {
      rc = report(url.error());
      return;
    }
    auto r = storage::backup(*url, out);
    if (!r) {
      rc = report(r.error());
      return;
    }
    std::cout << "Đã sao lưu vào " << *r << std::endl;
  });

  auto* audit = app.add_subcommand("audit", "Audit log");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "Check that no audit row was edited or deleted");
  verify->callback([&] {
    rc = with_services(common, false, [&](app::Services& s) {
      auto r = services::verify_audit(*s.db);
      if (!r) return report(r.error());
      if (r->ok) {
        std::cout << "OK: " << r->rows << " audit rows, chain intact" << std::endl;
        return 0;
      }
      std::cout << "BROKEN at row " << r->first_bad_id << ": " << r->problem << std::endl;
      return 1;
    });
  });

  auto* demo_cmd = app.add_subcommand("demo", "Load the demo data (Ban Dân tộc tỉnh Cao Bằng and its people)");
  demo_cmd->callback([&] { rc = demo(common); });

  auto* routes = app.add_subcommand("routes", "Print the route table");
  routes->callback([&] { rc = print_routes(); });

  auto* version = app.add_subcommand("version", "Print the version");
  version->callback([&] { std::cout << "thidua " << app::kVersion << std::endl; });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return rc;
}

}  // namespace thidua::cli
