#include "services/rule_set_files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>

#include <toml++/toml.h>

#include "assets/resources.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace {

constexpr std::string_view kDir = "rules/commendation/";

tl::unexpected<Error> bad(std::string_view path, std::string key, std::string why) {
  Error e{ErrorKind::validation, "rule_set.bad_file", {}, {}, {}};
  e.with("file", std::string(path)).with("key", key).with("reason", why);
  e.detail = std::string(path) + ": " + key + ": " + why;
  return fail(std::move(e));
}

using View = toml::node_view<const toml::node>;

/// The keys a table may carry; anything else is a typo the file's author should hear about.
std::optional<std::string> unknown_key(const toml::table& t, std::initializer_list<std::string_view> allowed) {
  for (const auto& [k, v] : t) {
    (void)v;
    if (std::find(allowed.begin(), allowed.end(), k.str()) == allowed.end()) return std::string(k.str());
  }
  return std::nullopt;
}

std::string text_of(View n) { return text::to_nfc(std::string(n.value_or(std::string_view()))); }

/// A TOML date or an ISO string; "" when absent, nullopt when malformed.
std::optional<std::string> date_of(View n) {
  if (!n) return std::string();
  if (auto d = n.as_date()) {
    const auto& v = d->get();
    if (!text::is_valid_date(v.year, v.month, v.day)) return std::nullopt;
    return text::Date{v.year, v.month, v.day}.iso();
  }
  if (auto s = n.value<std::string>()) {
    auto d = text::parse_iso_date(*s);
    if (!d) return std::nullopt;
    return d->iso();
  }
  return std::nullopt;
}

struct Parser {
  std::string_view path;

  Result<bool> flag(View n, const std::string& key, bool fallback) {
    if (!n) return fallback;
    if (auto b = n.value<bool>(); b && n.is_boolean()) return *b;
    return bad(path, key, "must be true or false");
  }
  Result<int> integer(View n, const std::string& key, int lo, int hi) {
    if (!n) return bad(path, key, "is required");
    auto v = n.value<std::int64_t>();
    if (!v || !n.is_integer() || *v < lo || *v > hi) {
      return bad(path, key, "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    }
    return static_cast<int>(*v);
  }
  Result<AwardForm> form(View n, const std::string& key) {
    auto s = n.value<std::string>();
    if (!s) return bad(path, key, "is required");
    auto f = parse_award_form(*s);
    if (!f) return bad(path, key, "unknown form \"" + *s + "\"");
    return *f;
  }
  Result<Share> share(View n, const std::string& key) {
    auto s = n.value<std::string>();
    if (!s) return bad(path, key, "must be a share such as \"2/3\" or \"80%\"");
    auto v = parse_share(*s);
    if (!v) return bad(path, key, "malformed share \"" + *s + "\"");
    return *v;
  }

  Result<Condition> condition(const toml::table& t, const std::string& key, int depth) {
    if (auto k = unknown_key(t, {"type", "citation", "verified", "rating", "level", "form", "years", "percent",
                                 "strictly_more", "per_unit", "months", "maternity_counts", "count", "note", "any_of"})) {
      return bad(path, key + "." + *k, "unknown key");
    }
    View v(t);
    Condition c;
    auto type = v["type"].value<std::string>();
    if (!type) return bad(path, key + ".type", "is required");
    auto ct = parse_condition_type(*type);
    if (!ct) return bad(path, key + ".type", "unknown condition type \"" + *type + "\"");
    c.type = *ct;
    c.citation = text_of(v["citation"]);
    if (c.citation.empty()) return bad(path, key + ".citation", "is required");
    auto verified = flag(v["verified"], key + ".verified", true);
    if (!verified) return fail(verified.error());
    c.verified = *verified;
    auto need_form = [&]() -> Result<bool> {
      auto f = form(v["form"], key + ".form");
      if (!f) return fail(f.error());
      c.form = *f;
      return true;
    };
    auto need_rating = [&]() -> Result<bool> {
      auto s = v["rating"].value<std::string>();
      if (!s) return bad(path, key + ".rating", "is required");
      c.rating = parse_rating(*s);
      if (!c.rating) return bad(path, key + ".rating", "unknown rating \"" + *s + "\"");
      return true;
    };
    auto need_level = [&]() -> Result<bool> {
      auto s = v["level"].value<std::string>();
      if (!s) return bad(path, key + ".level", "is required");
      c.level = parse_sanction_level(*s);
      if (!c.level) return bad(path, key + ".level", "unknown sanction level \"" + *s + "\"");
      return true;
    };
    Result<bool> ok = true;
    switch (c.type) {
      case ConditionType::meets:
      case ConditionType::members_at_least_one: ok = need_form(); break;
      case ConditionType::rating_at_least:
      case ConditionType::members_all_rating_at_least: ok = need_rating(); break;
      case ConditionType::no_sanction_at_or_above:
      case ConditionType::no_member_sanction_at_or_above: ok = need_level(); break;
      case ConditionType::initiative_recognised: {
        auto s = v["level"].value<std::string>();
        if (!s) return bad(path, key + ".level", "is required");
        c.initiative_level = parse_initiative_level(*s);
        if (!c.initiative_level || *c.initiative_level == InitiativeLevel::none) {
          return bad(path, key + ".level", "unknown initiative level \"" + *s + "\"");
        }
        if (v["years"]) {
          auto y = integer(v["years"], key + ".years", 1, 10);
          if (!y) return fail(y.error());
          c.years = *y;
        }
        break;
      }
      case ConditionType::previous_titles_consecutive: {
        ok = need_form();
        if (!ok) break;
        auto y = integer(v["years"], key + ".years", 1, 10);
        if (!y) return fail(y.error());
        c.years = *y;
        break;
      }
      case ConditionType::members_share_with:
      case ConditionType::list_cap: {
        ok = need_form();
        if (!ok) break;
        auto p = integer(v["percent"], key + ".percent", 1, 100);
        if (!p) return fail(p.error());
        c.percent = *p;
        auto more = flag(v["strictly_more"], key + ".strictly_more", false);
        if (!more) return fail(more.error());
        c.strictly_more = *more;
        auto unit = flag(v["per_unit"], key + ".per_unit", false);
        if (!unit) return fail(unit.error());
        c.per_unit = *unit;
        break;
      }
      case ConditionType::worked_months_at_least: {
        auto m = integer(v["months"], key + ".months", 1, 12);
        if (!m) return fail(m.error());
        c.months = *m;
        auto mat = flag(v["maternity_counts"], key + ".maternity_counts", true);
        if (!mat) return fail(mat.error());
        c.maternity_counts = *mat;
        break;
      }
      case ConditionType::achievements_at_least: {
        auto n = integer(v["count"], key + ".count", 1, 1000);
        if (!n) return fail(n.error());
        c.count = *n;
        break;
      }
      case ConditionType::council_judgement:
        c.note = text_of(v["note"]);
        if (c.note.empty()) return bad(path, key + ".note", "is required");
        break;
      case ConditionType::any_of: {
        const auto* alts = v["any_of"].as_array();
        if (!alts || alts->size() < 2) return bad(path, key + ".any_of", "needs at least two alternatives");
        if (depth > 2) return bad(path, key + ".any_of", "nested too deep");
        int i = 0;
        for (const auto& a : *alts) {
          const auto* at = a.as_table();
          const std::string k = key + ".any_of[" + std::to_string(i++) + "]";
          if (!at) return bad(path, k, "must be a table");
          auto sub = condition(*at, k, depth + 1);
          if (!sub) return fail(sub.error());
          if (sub->type == ConditionType::list_cap) return bad(path, k + ".type", "a list cap cannot be an alternative");
          c.any_of.push_back(std::move(*sub));
        }
        break;
      }
      case ConditionType::no_pending_case:
      case ConditionType::not_awarded_yet:
      case ConditionType::household_contribution: break;
    }
    if (!ok) return fail(ok.error());
    return c;
  }

  Result<RuleSetLayer> file(std::string_view text) {
    toml::table t;
    try {
      t = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
      const auto& at = e.source().begin;
      return bad(path, "line " + std::to_string(at.line), std::string(e.description()));
    }
    if (!text::is_valid_utf8(text)) return bad(path, "(file)", "not UTF-8");
    if (auto k = unknown_key(t, {"code", "name", "layer", "scope", "in_force_from", "in_force_until", "citation",
                                 "verified", "council", "rule"})) {
      return bad(path, *k, "unknown key");
    }
    View v(t);
    RuleSetLayer l;
    l.path = std::string(path);
    l.code = text_of(v["code"]);
    l.name = text_of(v["name"]);
    l.citation = text_of(v["citation"]);
    if (l.code.empty()) return bad(path, "code", "is required");
    if (l.name.empty()) return bad(path, "name", "is required");
    if (l.citation.empty()) return bad(path, "citation", "is required");
    auto layer = v["layer"].value<std::string>();
    if (!layer || !parse_rule_layer(*layer)) return bad(path, "layer", "must be national, sector, province or agency");
    l.layer = *parse_rule_layer(*layer);
    l.scope = text_of(v["scope"]);
    if (l.layer != RuleLayer::national && l.scope.empty()) return bad(path, "scope", "is required below the national layer");
    auto from = date_of(v["in_force_from"]);
    if (!from || from->empty()) return bad(path, "in_force_from", "must be a date");
    auto until = date_of(v["in_force_until"]);
    if (!until) return bad(path, "in_force_until", "must be a date");
    if (!until->empty() && *until < *from) return bad(path, "in_force_until", "is before in_force_from");
    l.valid_from = *from;
    l.valid_to = *until;
    auto verified = flag(v["verified"], "verified", true);
    if (!verified) return fail(verified.error());
    l.verified = *verified;
    if (const auto* council = v["council"].as_table()) {
      if (auto k = unknown_key(*council, {"quorum", "quorum_citation", "quorum_verified"})) {
        return bad(path, "council." + *k, "unknown key");
      }
      View cv(*council);
      auto q = share(cv["quorum"], "council.quorum");
      if (!q) return fail(q.error());
      l.quorum = *q;
      l.quorum_citation = text_of(cv["quorum_citation"]);
      auto qv = flag(cv["quorum_verified"], "council.quorum_verified", l.verified);
      if (!qv) return fail(qv.error());
      l.quorum_verified = *qv;
    } else if (l.layer == RuleLayer::national) {
      return bad(path, "council", "a national layer needs [council] with its quorum");
    }
    const auto* rules = v["rule"].as_array();
    if (!rules || rules->empty()) return bad(path, "rule", "no [[rule]]");
    int i = 0;
    for (const auto& r : *rules) {
      const std::string key = "rule[" + std::to_string(i++) + "]";
      const auto* rt = r.as_table();
      if (!rt) return bad(path, key, "must be a table");
      if (auto k = unknown_key(*rt, {"form", "subject", "mode", "citation", "verified", "ballot", "threshold",
                                     "threshold_citation", "threshold_verified", "dossier", "condition"})) {
        return bad(path, key + "." + *k, "unknown key");
      }
      View rv(*rt);
      Rule rule;
      auto f = form(rv["form"], key + ".form");
      if (!f) return fail(f.error());
      rule.form = *f;
      auto subject = rv["subject"].value<std::string>();
      if (!subject || !parse_award_subject(*subject)) return bad(path, key + ".subject", "must be person, unit or household");
      rule.subject = *parse_award_subject(*subject);
      if (!form_fits(rule.form, rule.subject)) return bad(path, key + ".subject", "the form does not fit this subject");
      rule.citation = text_of(rv["citation"]);
      if (rule.citation.empty()) return bad(path, key + ".citation", "is required");
      auto rverified = flag(rv["verified"], key + ".verified", true);
      if (!rverified) return fail(rverified.error());
      rule.verified = *rverified;
      auto ballot = flag(rv["ballot"], key + ".ballot", false);
      if (!ballot) return fail(ballot.error());
      rule.ballot = *ballot;
      if (rule.ballot) {
        auto th = share(rv["threshold"], key + ".threshold");
        if (!th) return fail(th.error());
        rule.threshold = *th;
      } else if (rv["threshold"]) {
        return bad(path, key + ".threshold", "only with ballot = true");
      }
      rule.threshold_citation = text_of(rv["threshold_citation"]);
      auto tv = flag(rv["threshold_verified"], key + ".threshold_verified", true);
      if (!tv) return fail(tv.error());
      rule.threshold_verified = *tv;
      if (const auto* dossier = rv["dossier"].as_array()) {
        for (const auto& d : *dossier) {
          auto code = d.value<std::string>();
          if (!code || !known_dossier_document(*code)) {
            return bad(path, key + ".dossier", "unknown document \"" + code.value_or("?") + "\"");
          }
          rule.dossier.push_back(*code);
        }
      }
      std::string mode = text_of(rv["mode"]);
      if (mode.empty()) mode = "replace";
      if (mode != "replace" && mode != "extend") return bad(path, key + ".mode", "must be replace or extend");
      const auto* conditions = rv["condition"].as_array();
      if (!conditions || conditions->empty()) return bad(path, key + ".condition", "a rule needs conditions");
      int j = 0;
      for (const auto& c : *conditions) {
        const std::string ck = key + ".condition[" + std::to_string(j++) + "]";
        const auto* cti = c.as_table();
        if (!cti) return bad(path, ck, "must be a table");
        auto cond = condition(*cti, ck, 0);
        if (!cond) return fail(cond.error());
        rule.conditions.push_back(std::move(*cond));
      }
      auto twice = std::find_if(l.rules.begin(), l.rules.end(),
                                [&](const Rule& x) { return x.form == rule.form && x.subject == rule.subject; });
      if (twice != l.rules.end()) return bad(path, key, "a second rule for the same form and subject");
      l.rules.push_back(std::move(rule));
      l.extends.push_back(mode == "extend");
    }
    return l;
  }
};

}  // namespace

Result<RuleSetLayer> parse_rule_file(std::string_view toml_text, std::string_view path) {
  return Parser{path}.file(toml_text);
}

Result<std::shared_ptr<const std::vector<RuleSetLayer>>> commendation_rule_layers(const std::string& override_dir) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const std::vector<RuleSetLayer>>> parsed;
  std::lock_guard lock(mu);
  if (auto it = parsed.find(override_dir); it != parsed.end()) return it->second;
  auto layers = std::make_shared<std::vector<RuleSetLayer>>();
  std::vector<std::pair<std::string_view, std::string_view>> found;
  for (const auto& r : embedded_resources()) {
    if (r.path.rfind(kDir, 0) == 0 && r.path.size() > 5 && r.path.substr(r.path.size() - 5) == ".toml") {
      found.emplace_back(r.path, r.data);
    }
  }
  std::sort(found.begin(), found.end());
  for (const auto& [path, data] : found) {
    auto l = parse_rule_file(data, path);
    if (!l) return fail(l.error());
    if (std::any_of(layers->begin(), layers->end(), [&](const RuleSetLayer& x) { return x.code == l->code; })) {
      return bad(path, "code", "\"" + l->code + "\" is used by another file");
    }
    layers->push_back(std::move(*l));
  }
  std::error_code ec;
  if (!override_dir.empty() && std::filesystem::is_directory(override_dir, ec)) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(override_dir, ec)) {
      if (e.path().extension() == ".toml") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      auto l = parse_rule_file(ss.str(), f.string());
      if (!l) return fail(l.error());
      auto same = std::find_if(layers->begin(), layers->end(), [&](const RuleSetLayer& x) { return x.code == l->code; });
      if (same != layers->end()) *same = std::move(*l);
      else layers->push_back(std::move(*l));
    }
  }
  std::shared_ptr<const std::vector<RuleSetLayer>> out = std::move(layers);
  parsed[override_dir] = out;
  return out;
}

std::string evaluation_date(int year) { return std::to_string(year) + "-12-31"; }

Result<RuleSet> rule_set_for_year(int year, const std::vector<std::string>& scopes, const std::string& override_dir) {
  auto layers = commendation_rule_layers(override_dir);
  if (!layers) return fail(layers.error());
  return rule_set_in_force(**layers, evaluation_date(year), scopes);
}

}  // namespace thidua::services
