#include "services/criteria_files.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

#include <boost/json.hpp>
#include <toml++/toml.h>

#include "assets/resources.hpp"
#include "services/audit_service.hpp"
#include "services/auth_service.hpp"
#include "services/crypto.hpp"
#include "storage/assessment_repo.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;

namespace {

constexpr std::string_view kDir = "rules/criteria/";

tl::unexpected<Error> bad(std::string_view path, const std::string& why) {
  return fail(ErrorKind::internal, "criteria_set.bad_file", std::string(path) + ": " + why);
}

/// A date written as a TOML date (2021-01-01) or a string ("2021-01-01"); empty when absent.
template <class View>
std::optional<std::string> date_of(const View& n) {
  if (!n) return std::string();
  if (auto d = n.as_date()) {
    const auto& v = d->get();
    if (!text::is_valid_date(v.year, v.month, v.day)) return std::nullopt;
    return text::Date{v.year, v.month, v.day}.iso();
  }
  if (auto s = n.template value<std::string>()) {
    auto d = text::parse_iso_date(*s);
    if (!d) return std::nullopt;
    return d->iso();
  }
  return std::nullopt;
}

template <class View>
std::string text_of(const View& n) {
  return text::to_nfc(std::string(n.value_or(std::string_view())));
}

/// The day after `iso` (an inclusive last day becomes an exclusive end).
std::string day_after(const std::string& iso) {
  auto d = text::parse_iso_date(iso);
  if (!d) return iso;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int y = d->year, m = d->month, day = d->day + 1;
  int last = kDays[m - 1] + (m == 2 && text::is_valid_date(y, 2, 29) ? 1 : 0);
  if (day > last) {
    day = 1;
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
  return text::Date{y, m, day}.iso();
}

}  // namespace

Result<CriteriaFile> parse_criteria_file(std::string_view toml_text, std::string_view path) {
  toml::table t;
  try {
    t = toml::parse(toml_text, path);
  } catch (const toml::parse_error& e) {
    return bad(path, std::string(e.description()));
  }
  if (!text::is_valid_utf8(toml_text)) return bad(path, "not UTF-8");
  CriteriaFile f;
  f.path = std::string(path);
  f.set.code = text_of(t["code"]);
  f.set.name = text_of(t["name"]);
  f.set.level = text_of(t["level"]);
  f.set.citation = text_of(t["citation"]);
  f.note = text_of(t["note"]);
  f.unverified = t["unverified"].value_or(false);
  if (f.set.code.empty() || f.set.name.empty() || f.set.citation.empty()) return bad(path, "code, name and citation are required");
  if (f.set.level != "commune" && !parse_target_level(f.set.level)) return bad(path, "unknown level " + f.set.level);
  auto from = date_of(t["in_force_from"]);
  auto until = date_of(t["in_force_until"]);
  if (!from || from->empty()) return bad(path, "in_force_from must be a date");
  if (!until) return bad(path, "in_force_until must be a date");
  f.set.valid_from = *from;
  if (!until->empty()) {
    if (*until < *from) return bad(path, "in_force_until before in_force_from");
    f.set.valid_to = day_after(*until);
  }
  if (const auto* groups = t["commune_group"].as_array()) {
    for (const auto& g : *groups) {
      const auto* gt = g.as_table();
      if (!gt) return bad(path, "commune_group must be tables");
      toml::node_view<const toml::node> v(*gt);
      f.groups.push_back({text_of(v["code"]), text_of(v["name"]), text_of(v["description"])});
    }
  }
  const auto* criteria = t["criterion"].as_array();
  if (!criteria || criteria->empty()) return bad(path, "no [[criterion]]");
  std::set<int> numbers;
  for (const auto& c : *criteria) {
    const auto* ct = c.as_table();
    if (!ct) return bad(path, "criterion must be tables");
    toml::node_view<const toml::node> v(*ct);
    Criterion k;
    k.number = static_cast<int>(v["number"].value_or(std::int64_t{0}));
    k.name = text_of(v["name"]);
    k.group = text_of(v["group"]);
    if (k.number <= 0 || k.name.empty()) return bad(path, "a criterion needs a number and a name");
    if (!numbers.insert(k.number).second) return bad(path, "criterion " + std::to_string(k.number) + " twice");
    if (const auto* inds = v["indicator"].as_array()) {
      int position = 0;
      for (const auto& i : *inds) {
        const auto* it = i.as_table();
        if (!it) return bad(path, "indicator must be tables");
        toml::node_view<const toml::node> iv(*it);
        Indicator ind;
        ind.code = text_of(iv["code"]);
        ind.name = text_of(iv["name"]);
        ind.measure_unit = text_of(iv["unit"]);
        ind.target = text_of(iv["target"]);
        ind.commune_group = text_of(iv["commune_group"]);
        ind.position = ++position;
        if (ind.code.empty() || ind.name.empty()) return bad(path, "an indicator needs a code and a name");
        k.indicators.push_back(std::move(ind));
      }
    }
    f.set.criteria.push_back(std::move(k));
  }
  std::sort(f.set.criteria.begin(), f.set.criteria.end(),
            [](const Criterion& a, const Criterion& b) { return a.number < b.number; });
  f.set.source_hash = sha256_hex(toml_text);
  return f;
}

Result<std::shared_ptr<const std::vector<CriteriaFile>>> embedded_criteria_files() {
  static std::mutex mu;
  static std::shared_ptr<const std::vector<CriteriaFile>> parsed;
  std::lock_guard lock(mu);
  if (parsed) return parsed;
  auto files = std::make_shared<std::vector<CriteriaFile>>();
  std::vector<std::pair<std::string_view, std::string_view>> found;
  for (const auto& r : embedded_resources()) {
    if (r.path.rfind(kDir, 0) == 0 && r.path.size() > 5 && r.path.substr(r.path.size() - 5) == ".toml") {
      found.emplace_back(r.path, r.data);
    }
  }
  std::sort(found.begin(), found.end());
  std::set<std::string> codes;
  for (const auto& [path, data] : found) {
    auto f = parse_criteria_file(data, path);
    if (!f) return fail(f.error());
    if (!codes.insert(f->set.code).second) return bad(path, "code " + f->set.code + " used by two files");
    files->push_back(std::move(*f));
  }
  parsed = std::move(files);
  return parsed;
}

Result<CriteriaLoad> load_criteria_sets(storage::Database& db, Clock clock) {
  auto files = embedded_criteria_files();
  if (!files) return fail(files.error());
  const auto now = clock();
  return db.write([&](storage::Tx& tx) -> Result<CriteriaLoad> {
    CriteriaLoad out;
    const auto at = to_iso(now);
    const auto actor = operator_principal("criteria-files");
    for (const auto& f : **files) {
      auto existing = storage::find_criteria_set_by_code(tx, f.set.code);
      if (existing && existing->source_hash == f.set.source_hash) {
        ++out.unchanged;
        continue;
      }
      CriteriaSet s = f.set;
      json::object before;
      if (existing) {
        s.id = existing->id;
        before = {{"name", existing->name}, {"level", existing->level}, {"valid_from", existing->valid_from},
                  {"valid_to", existing->valid_to}, {"citation", existing->citation},
                  {"source_hash", existing->source_hash}};
        storage::update_criteria_set(tx, s);
        ++out.updated;
      } else {
        s.id = storage::insert_criteria_set(tx, s, at);
        ++out.created;
      }
      std::map<int, Criterion> have;
      for (auto& c : storage::set_criteria(tx, s.id)) have[c.number] = std::move(c);
      std::vector<Indicator> indicators = storage::set_indicators(tx, s.id);
      for (const auto& c : f.set.criteria) {
        std::int64_t criterion_id = 0;
        if (auto it = have.find(c.number); it != have.end()) {
          criterion_id = it->second.id;
          if (it->second.name != c.name || it->second.group != c.group) {
            storage::update_criterion(tx, criterion_id, c.name, c.group);
          }
        } else {
          Criterion k = c;
          k.set_id = s.id;
          criterion_id = storage::insert_criterion(tx, k);
        }
        for (const auto& i : c.indicators) {
          bool known = std::any_of(indicators.begin(), indicators.end(), [&](const Indicator& x) {
            return x.criterion_id == criterion_id && x.code == i.code;
          });
          if (known) continue;
          Indicator ind = i;
          ind.criterion_id = criterion_id;
          storage::insert_indicator(tx, ind, std::nullopt, at);
        }
      }
      json::object after{{"code", s.code},           {"name", s.name},         {"level", s.level},
                         {"valid_from", s.valid_from}, {"valid_to", s.valid_to}, {"citation", s.citation},
                         {"source_hash", s.source_hash}, {"file", f.path},      {"criteria", f.set.criteria.size()}};
      record_audit(tx, actor,
                   {existing ? "criteria_set.reload" : "criteria_set.load", "criteria_set", std::to_string(s.id),
                    existing ? json::serialize(before) : "", json::serialize(after)},
                   now);
    }
    return out;
  });
}

}  // namespace thidua::services
