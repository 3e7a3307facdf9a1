#include "web/commune_views.hpp"

#include <algorithm>
#include <cstdlib>

namespace thidua::web::commune_view {

namespace {

std::string encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                 c == '.' || c == '~';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string title(http::Context& ctx, CommuneKind kind, const std::string& name, bool capital) {
  std::string k = ctx.t(std::string(capital ? "commune.kind_cap." : "commune.kind.") + std::string(to_string(kind)));
  return k + " " + name;
}

std::string level_label(http::Context& ctx, TargetLevel level) {
  return ctx.t("commune.level." + std::string(to_string(level)));
}

mustache::data level_options(http::Context& ctx, const std::string& selected) {
  mustache::list out;
  for (auto l : kTargetLevels) {
    mustache::data o;
    o.set("value", std::string(to_string(l)));
    o.set("label", level_label(ctx, l));
    if (to_string(l) == selected) o.set("selected", true);
    out.push_back(std::move(o));
  }
  return list_data(std::move(out));
}

std::string met_text(int met, int total) { return std::to_string(met) + "/" + std::to_string(total); }

std::optional<std::int64_t> id_of(std::string_view text) {
  std::string s(text);
  char* end = nullptr;
  long long v = std::strtoll(s.c_str(), &end, 10);
  if (s.empty() || !end || *end != '\0' || v <= 0) return std::nullopt;
  return v;
}

std::string with_param(http::Context& ctx, const std::string& path, const std::string& key, const std::string& value) {
  std::string out;
  bool set = false;
  if (const auto& q = ctx.query(); q) {
    for (const auto& [k, v] : q->items()) {
      if (k == "page" && key != "page") continue;  // a new sort or filter starts at page 1
      if (!out.empty()) out += '&';
      if (k == key) {
        out += encode(k) + "=" + encode(value);
        set = true;
      } else {
        out += encode(k) + "=" + encode(v);
      }
    }
  }
  if (!set) out += (out.empty() ? "" : "&") + encode(key) + "=" + encode(value);
  return path + "?" + out;
}

mustache::data contact_picker(const std::vector<std::pair<std::int64_t, std::string>>& people,
                              const std::vector<std::string>& values, const std::string& prefix) {
  mustache::list chosen, typed;
  std::vector<std::string> texts;
  for (const auto& v : values) {
    if (v.empty()) continue;
    auto id = id_of(v);
    auto it = id ? std::find_if(people.begin(), people.end(), [&](const auto& p) { return p.first == *id; }) : people.end();
    if (it == people.end()) {
      texts.push_back(v);
      continue;
    }
    mustache::data o;
    o.set("value", std::to_string(it->first));
    o.set("label", it->second);
    o.set("oid", prefix + "-p" + std::to_string(it->first));
    chosen.push_back(o);
  }
  while (texts.size() < 2) texts.emplace_back();
  for (std::size_t k = 0; k < texts.size(); ++k) {
    mustache::data t;
    text(t, "value", texts[k]);
    t.set("oid", prefix + "-add" + std::to_string(k));
    typed.push_back(t);
  }
  mustache::data d;
  d.set("chosen", chosen);
  d.set("typed", typed);
  return d;
}

mustache::data people_datalist(const std::vector<std::pair<std::int64_t, std::string>>& people) {
  mustache::list out;
  for (const auto& [id, label] : people) {
    mustache::data o;
    o.set("label", label);
    out.push_back(o);
  }
  return mustache::data(out);
}

}  // namespace thidua::web::commune_view
