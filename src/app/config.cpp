#include "app/config.hpp"

#include <charconv>
#include <cstdlib>
#include <thread>

#include <toml++/toml.h>

namespace thidua::app {

std::size_t Config::effective_threads() const {
  if (threads > 0) return threads;
  // Handlers block on the database and on password hashing, so run a few threads per core.
  std::size_t hw = std::max(1u, std::thread::hardware_concurrency());
  return std::max<std::size_t>(4, hw * 4);
}

namespace {

bool parse_bool(std::string_view v) { return v == "1" || v == "true" || v == "yes" || v == "on"; }

template <class T>
bool parse_num(std::string_view v, T& out) {
  T x{};
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc{} || p != v.data() + v.size()) return false;
  out = x;
  return true;
}

Error invalid(const std::string& detail) {
  return Error{ErrorKind::validation, "config.invalid", {{"detail", detail}}, {}, detail};
}

}  // namespace

Result<Config> load_config(const std::optional<std::string>& file_arg) {
  Config c;
  std::optional<std::string> file = file_arg;
  if (!file) {
    if (const char* e = std::getenv("THIDUA_CONFIG"); e && *e) file = e;
  }
  if (file) {
    try {
      toml::table t = toml::parse_file(*file);
      c.db = t["db"].value_or(c.db);
      c.listen = t["listen"].value_or(c.listen);
      c.threads = static_cast<std::size_t>(t["threads"].value_or(static_cast<long long>(c.threads)));
      c.db_pool = static_cast<std::size_t>(t["db_pool"].value_or(static_cast<long long>(c.db_pool)));
      c.cookie_secure = t["cookie_secure"].value_or(c.cookie_secure);
      c.trust_proxy = t["trust_proxy"].value_or(c.trust_proxy);
      c.access_log = t["access_log"].value_or(c.access_log);
      c.page_cache = t["page_cache"].value_or(c.page_cache);
      c.log_level = t["log_level"].value_or(c.log_level);
      c.session_idle_seconds = t["session"]["idle_seconds"].value_or(c.session_idle_seconds);
      c.session_absolute_seconds = t["session"]["absolute_seconds"].value_or(c.session_absolute_seconds);
      c.max_parallel_hashes =
          static_cast<std::size_t>(t["max_parallel_hashes"].value_or(static_cast<long long>(c.max_parallel_hashes)));
      c.data_dir = t["data_dir"].value_or(c.data_dir);
      c.evidence_max_bytes =
          static_cast<std::size_t>(t["evidence_max_bytes"].value_or(static_cast<long long>(c.evidence_max_bytes)));
      c.public_base_url = t["public_base_url"].value_or(c.public_base_url);
      // issue 7 reminders
      c.reminders_enabled = t["reminders"]["enabled"].value_or(c.reminders_enabled);
      c.reminders_interval_seconds = t["reminders"]["interval_seconds"].value_or(c.reminders_interval_seconds);
      c.reminders_lead_days = t["reminders"]["lead_days"].value_or(c.reminders_lead_days);
      c.smtp_enabled = t["smtp"]["enabled"].value_or(c.smtp_enabled);
      c.smtp_host = t["smtp"]["host"].value_or(c.smtp_host);
      c.smtp_port = t["smtp"]["port"].value_or(c.smtp_port);
      c.smtp_tls = t["smtp"]["tls"].value_or(c.smtp_tls);
      c.smtp_user = t["smtp"]["user"].value_or(c.smtp_user);
      c.smtp_from = t["smtp"]["from"].value_or(c.smtp_from);
      if (t["smtp"]["password"]) return fail(invalid("smtp.password: give it in THIDUA_SMTP_PASSWORD, not in the file"));
    } catch (const toml::parse_error& e) {
      return fail(invalid(*file + ": " + std::string(e.description())));
    }
  }
  auto env = [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    if (!v || !*v) return std::nullopt;
    return std::string(v);
  };
  if (auto v = env("THIDUA_DB")) c.db = *v;
  if (auto v = env("THIDUA_LISTEN")) c.listen = *v;
  if (auto v = env("THIDUA_THREADS"); v && !parse_num(*v, c.threads)) return fail(invalid("THIDUA_THREADS=" + *v));
  if (auto v = env("THIDUA_DB_POOL"); v && !parse_num(*v, c.db_pool)) return fail(invalid("THIDUA_DB_POOL=" + *v));
  if (auto v = env("THIDUA_COOKIE_SECURE")) c.cookie_secure = parse_bool(*v);
  if (auto v = env("THIDUA_TRUST_PROXY")) c.trust_proxy = parse_bool(*v);
  if (auto v = env("THIDUA_ACCESS_LOG")) c.access_log = parse_bool(*v);
  if (auto v = env("THIDUA_PAGE_CACHE")) c.page_cache = parse_bool(*v);
  if (auto v = env("THIDUA_LOG_LEVEL")) c.log_level = *v;
  if (auto v = env("THIDUA_SESSION_IDLE_SECONDS"); v && !parse_num(*v, c.session_idle_seconds)) {
    return fail(invalid("THIDUA_SESSION_IDLE_SECONDS=" + *v));
  }
  if (auto v = env("THIDUA_SESSION_ABSOLUTE_SECONDS"); v && !parse_num(*v, c.session_absolute_seconds)) {
    return fail(invalid("THIDUA_SESSION_ABSOLUTE_SECONDS=" + *v));
  }
  if (auto v = env("THIDUA_DATA_DIR")) c.data_dir = *v;
  if (auto v = env("THIDUA_EVIDENCE_MAX_BYTES"); v && !parse_num(*v, c.evidence_max_bytes)) {
    return fail(invalid("THIDUA_EVIDENCE_MAX_BYTES=" + *v));
  }
  if (auto v = env("THIDUA_PUBLIC_BASE_URL")) c.public_base_url = *v;
  // issue 7 reminders
  if (auto v = env("THIDUA_REMINDERS_ENABLED")) c.reminders_enabled = parse_bool(*v);
  if (auto v = env("THIDUA_REMINDERS_INTERVAL_SECONDS"); v && !parse_num(*v, c.reminders_interval_seconds)) {
    return fail(invalid("THIDUA_REMINDERS_INTERVAL_SECONDS=" + *v));
  }
  if (auto v = env("THIDUA_REMINDERS_LEAD_DAYS"); v && !parse_num(*v, c.reminders_lead_days)) {
    return fail(invalid("THIDUA_REMINDERS_LEAD_DAYS=" + *v));
  }
  if (auto v = env("THIDUA_SMTP_ENABLED")) c.smtp_enabled = parse_bool(*v);
  if (auto v = env("THIDUA_SMTP_HOST")) c.smtp_host = *v;
  if (auto v = env("THIDUA_SMTP_PORT"); v && !parse_num(*v, c.smtp_port)) return fail(invalid("THIDUA_SMTP_PORT=" + *v));
  if (auto v = env("THIDUA_SMTP_TLS")) c.smtp_tls = *v;
  if (auto v = env("THIDUA_SMTP_USER")) c.smtp_user = *v;
  if (auto v = env("THIDUA_SMTP_FROM")) c.smtp_from = *v;
  if (c.reminders_interval_seconds <= 0) return fail(invalid("reminders.interval_seconds must be > 0"));
  if (c.reminders_lead_days < 0 || c.reminders_lead_days > 366) return fail(invalid("reminders.lead_days must be 0–366"));
  if (c.smtp_tls != "starttls" && c.smtp_tls != "implicit" && c.smtp_tls != "none") {
    return fail(invalid("smtp.tls must be starttls, implicit or none"));
  }
  if (c.smtp_enabled && (c.smtp_host.empty() || c.smtp_from.empty())) {
    return fail(invalid("smtp.enabled needs smtp.host and smtp.from"));
  }
  if (c.session_idle_seconds <= 0 || c.session_absolute_seconds <= 0) return fail(invalid("session timeouts must be > 0"));
  return c;
}

Result<std::pair<std::string, unsigned short>> parse_listen(const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return fail(Error{ErrorKind::validation, "config.bad_listen", {{"value", listen}}, {}, ""});
  }
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned short port = 0;
  if (!parse_num(std::string_view(listen).substr(colon + 1), port)) {
    return fail(Error{ErrorKind::validation, "config.bad_listen", {{"value", listen}}, {}, ""});
  }
  return std::make_pair(host, port);
}

}  // namespace thidua::app
