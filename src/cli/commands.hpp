#pragma once
/// The operator's command line: `thidua serve|migrate|user|agency|backup|audit|demo|routes`.

#include <optional>
#include <string>

#include "app/app.hpp"
#include "app/config.hpp"

namespace thidua::cli {

/// Parses arguments and runs one subcommand; returns the process exit status.
int run(int argc, char** argv);

/// Options shared by every subcommand.
struct Common {
  std::optional<std::string> config_file;
  std::optional<std::string> db;
};

/// The configuration for a command: file, environment, then --db.
Result<app::Config> resolve_config(const Common& common);
/// Prints an error for an operator (Vietnamese message, English detail) and returns 1.
int report(const Error& e);
/// Reads one line (a password) from standard input, without the newline.
std::string read_secret_line();
/// The operator's name for the audit log ("cli:<user>").
std::string operator_name();

int serve(const Common& common, const std::optional<std::string>& listen, std::size_t threads);
int demo(const Common& common);
int print_routes();

/// `thidua scores`: the rankings of every template of an agency's evaluation (scores.cpp).
struct ScoresOptions {
  std::string movement = "latest";  ///< an id, or "latest"
  int year = 0;
  std::string format = "json";
  std::string out;  ///< empty: JSON to standard output
};
int scores(app::Services& s, std::int64_t agency_id, const ScoresOptions& options);

// Commendation, part 1 (issue 6): `thidua eligibility` (eligibility.cpp).
struct EligibilityOptions {
  int year = 0;
  std::int64_t movement = 0;  ///< 0: none
  std::string format = "json";
  std::string out;
};
int eligibility(app::Services& s, std::int64_t agency_id, const EligibilityOptions& options);

// issue 7 reminders: `thidua remind [--dry-run]` (remind.cpp).
int remind(app::Services& s, bool dry_run);
// issue 7 review reports (h7rr): `thidua report` (report.cpp).
struct ReportOptions {
  std::int64_t movement = 0;
  std::string kind;    ///< annual / midterm / final
  std::string year;    ///< as typed; empty: the kind's default
  std::string format;  ///< docx / pdf / xlsx
  std::string out;
};
int review_report(app::Services& s, std::int64_t agency_id, const ReportOptions& options);

// issue 7 statistics and province (part h7sf): `thidua statistics` (statistics.cpp).
struct StatisticsOptions {
  std::string form;  ///< 0601 / 0602 / 0603
  int year = 0;
  std::string format = "xlsx";
  std::string out;
};
int statistics(app::Services& s, std::int64_t agency_id, const StatisticsOptions& options);

}  // namespace thidua::cli
