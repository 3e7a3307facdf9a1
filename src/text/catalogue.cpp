#include "text/catalogue.hpp"

#include <toml++/toml.h>

namespace thidua::text {

std::string_view to_string(Lang lang) { return lang == Lang::en ? "en" : "vi"; }
Lang parse_lang(std::string_view code) { return code == "en" ? Lang::en : Lang::vi; }

namespace {

void flatten(const toml::table& table, const std::string& prefix,
             std::map<std::string, std::string, std::less<>>& out) {
  for (const auto& [k, v] : table) {
    std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
    if (const auto* sub = v.as_table()) {
      flatten(*sub, key, out);
    } else if (const auto* s = v.as_string()) {
      out[key] = s->get();
    }
  }
}

Result<std::map<std::string, std::string, std::less<>>> parse(std::string_view src, const char* name) {
  try {
    toml::table t = toml::parse(src, std::string_view(name));
    std::map<std::string, std::string, std::less<>> out;
    flatten(t, "", out);
    return out;
  } catch (const toml::parse_error& e) {
    return fail(ErrorKind::internal, "catalogue.invalid", std::string(name) + ": " + std::string(e.description()));
  }
}

}  // namespace

Result<Catalogue> Catalogue::create(std::string_view vi_toml, std::string_view en_toml) {
  auto vi = parse(vi_toml, "vi.toml");
  if (!vi) return fail(vi.error());
  auto en = parse(en_toml, "en.toml");
  if (!en) return fail(en.error());
  for (const auto& [k, _] : *vi) {
    if (!en->count(k)) return fail(ErrorKind::internal, "catalogue.missing", "en.toml lacks " + k);
  }
  for (const auto& [k, _] : *en) {
    if (!vi->count(k)) return fail(ErrorKind::internal, "catalogue.missing", "vi.toml lacks " + k);
  }
  Catalogue c;
  c.vi_ = std::move(*vi);
  c.en_ = std::move(*en);
  return c;
}

std::string Catalogue::get(Lang lang, std::string_view key) const {
  const auto& m = lang == Lang::en ? en_ : vi_;
  auto it = m.find(key);
  return it != m.end() ? it->second : std::string(key);
}

std::string Catalogue::format(Lang lang, std::string_view key,
                              const std::vector<std::pair<std::string, std::string>>& params) const {
  std::string out = get(lang, key);
  for (const auto& [name, value] : params) {
    std::string ph = "{" + name + "}";
    for (auto pos = out.find(ph); pos != std::string::npos; pos = out.find(ph, pos + value.size())) {
      out.replace(pos, ph.size(), value);
    }
  }
  return out;
}

const std::map<std::string, std::string, std::less<>>& Catalogue::all(Lang lang) const {
  return lang == Lang::en ? en_ : vi_;
}

}  // namespace thidua::text
