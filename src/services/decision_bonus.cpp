// The bonus tables of rules/bonus/*.toml (decision_service.hpp).

#include <algorithm>
#include <cmath>
#include <mutex>

#include <toml++/toml.h>

#include "assets/resources.hpp"
#include "services/decision_service.hpp"
#include "text/format.hpp"

namespace thidua::services {

namespace {

constexpr std::string_view kDir = "rules/bonus/";

Error bad(std::string_view name, const std::string& what) {
  return Error{ErrorKind::internal, "internal", {}, {}, "bonus file " + std::string(name) + ": " + what};
}

bool iso_ok(const std::string& s) { return text::parse_iso_date(s).has_value(); }

}  // namespace

Result<void> parse_bonus_file(std::string_view toml_text, std::string_view name, BonusTables& into) {
  toml::table t;
  try {
    t = toml::parse(toml_text, name);
  } catch (const toml::parse_error& e) {
    return fail(bad(name, e.what()));
  }
  const std::string kind = t["kind"].value_or(std::string());
  if (kind == "base_salary") {
    auto* periods = t["period"].as_array();
    if (!periods) return fail(bad(name, "no [[period]]"));
    for (auto& node : *periods) {
      auto* p = node.as_table();
      if (!p) return fail(bad(name, "a period is not a table"));
      BaseSalaryPeriod b;
      b.from = (*p)["from"].value_or(std::string());
      b.to = (*p)["to"].value_or(std::string());
      b.amount = (*p)["amount"].value_or(0LL);
      b.citation = (*p)["citation"].value_or(std::string());
      b.verified = (*p)["verified"].value_or(false);
      if (!iso_ok(b.from) || (!b.to.empty() && !iso_ok(b.to)) || b.amount <= 0) {
        return fail(bad(name, "a period needs from, amount (and a valid to)"));
      }
      into.base_salary.push_back(std::move(b));
    }
    return {};
  }
  if (kind != "bonus_multiples") return fail(bad(name, "kind must be base_salary or bonus_multiples"));
  BonusRules r;
  r.code = t["code"].value_or(std::string());
  r.citation = t["citation"].value_or(std::string());
  r.from = t["from"].value_or(std::string());
  r.to = t["to"].value_or(std::string());
  r.round_up_to = t["round_up_to"].value_or(0LL);
  r.round_verified = t["round_verified"].value_or(false);
  if (r.code.empty() || !iso_ok(r.from) || (!r.to.empty() && !iso_ok(r.to))) {
    return fail(bad(name, "code and from are required"));
  }
  auto* multiples = t["multiple"].as_array();
  if (!multiples) return fail(bad(name, "no [[multiple]]"));
  for (auto& node : *multiples) {
    auto* m = node.as_table();
    if (!m) return fail(bad(name, "a multiple is not a table"));
    auto form = parse_award_form((*m)["form"].value_or(std::string()));
    auto subject = parse_award_subject((*m)["subject"].value_or(std::string()));
    double times = (*m)["times"].value_or(-1.0);
    if (!form || !subject || times < 0) return fail(bad(name, "a multiple needs form, subject and times"));
    r.multiples.push_back({*form, *subject, std::llround(times * 1000), (*m)["verified"].value_or(false)});
  }
  into.rules.push_back(std::move(r));
  return {};
}

Result<std::shared_ptr<const BonusTables>> bonus_tables() {
  static std::mutex mu;
  static std::shared_ptr<const BonusTables> parsed;
  std::lock_guard lock(mu);
  if (parsed) return parsed;
  auto tables = std::make_shared<BonusTables>();
  std::vector<std::pair<std::string_view, std::string_view>> found;
  for (const auto& r : embedded_resources()) {
    if (r.path.rfind(kDir, 0) == 0 && r.path.size() > 5 && r.path.substr(r.path.size() - 5) == ".toml") {
      found.emplace_back(r.path, r.data);
    }
  }
  std::sort(found.begin(), found.end());
  for (const auto& [path, data] : found) {
    if (auto ok = parse_bonus_file(data, path, *tables); !ok) return fail(ok.error());
  }
  auto by_from = [](const auto& a, const auto& b) { return a.from < b.from; };
  std::sort(tables->base_salary.begin(), tables->base_salary.end(), by_from);
  std::sort(tables->rules.begin(), tables->rules.end(), by_from);
  parsed = std::move(tables);
  return parsed;
}

}  // namespace thidua::services
