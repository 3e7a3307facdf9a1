#include <pwd.h>
#include <unistd.h>

#include <iostream>

#include <spdlog/spdlog.h>

#include "app/app.hpp"
#include "cli/commands.hpp"

namespace thidua::cli {

Result<app::Config> resolve_config(const Common& common) {
  auto c = app::load_config(common.config_file);
  if (!c) return c;
  if (common.db) c->db = *common.db;
  return c;
}

int report(const Error& e) {
  std::string message = e.code;
  if (auto cat = app::load_catalogue()) message = (*cat)->format(text::Lang::vi, e.code, e.params);
  std::cerr << "lỗi: " << message;
  for (const auto& f : e.fields) {
    std::cerr << "\n  - " << f.field << ": ";
    if (auto cat = app::load_catalogue()) std::cerr << (*cat)->get(text::Lang::vi, f.code);
  }
  if (!e.detail.empty()) std::cerr << "\n  (" << e.detail << ")";
  std::cerr << std::endl;
  return 1;
}

std::string read_secret_line() {
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::string operator_name() {
  if (const auto* pw = getpwuid(getuid())) return pw->pw_name;
  return std::to_string(getuid());
}

}  // namespace thidua::cli
