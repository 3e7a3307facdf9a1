#pragma once
/// Configuration: defaults, then a TOML file (--config or THIDUA_CONFIG), then THIDUA_*
/// environment variables, then command-line flags — each later source wins.

#include <cstddef>
#include <optional>
#include <string>

#include "domain/error.hpp"

namespace thidua::app {

struct Config {
  std::string db = "sqlite:data/thidua.db";
  std::string listen = "127.0.0.1:8080";
  std::size_t threads = 0;  ///< 0: four per core, at least 4
  std::size_t db_pool = 0;  ///< 0: one connection per thread
  bool cookie_secure = false;
  bool trust_proxy = false;
  bool access_log = true;
  /// Keep rendered list and movement pages, keyed by the data version (the audit chain's
  /// head), so a page nobody has changed since is not rebuilt. Off: every page is rebuilt.
  bool page_cache = true;
  std::string log_level = "info";
  long long session_idle_seconds = 8 * 3600;
  long long session_absolute_seconds = 7 * 24 * 3600;
  std::size_t max_parallel_hashes = 2;
  std::string data_dir = "data";
  /// Largest evidence file accepted (bytes); upload routes allow a little more for the form.
  std::size_t evidence_max_bytes = 20u << 20;
  /// The address people reach the server at ("https://thidua.caobang.gov.vn"): certificates'
  /// QR codes open <public_base_url>/verify/<code>. Empty: "http://" + listen.
  std::string public_base_url;
  // issue 7 reminders: the scheduler inside `serve` and optional e-mail over SMTP (off by
  // default). The SMTP password is read from THIDUA_SMTP_PASSWORD only, never from the file.
  bool reminders_enabled = true;
  long long reminders_interval_seconds = 3600;
  int reminders_lead_days = 7;
  bool smtp_enabled = false;
  std::string smtp_host;
  int smtp_port = 587;
  std::string smtp_tls = "starttls";  ///< starttls / implicit / none
  std::string smtp_user;
  std::string smtp_from;

  std::size_t effective_threads() const;
};

/// Reads the file (when given) and the environment over the defaults.
Result<Config> load_config(const std::optional<std::string>& file);

/// Splits "HOST:PORT" ("[::1]:8080" for IPv6).
Result<std::pair<std::string, unsigned short>> parse_listen(const std::string& listen);

}  // namespace thidua::app
