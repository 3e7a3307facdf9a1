#pragma once
/// Shared by the commune pages (commune_*.cpp, criteria_pages.cpp): how a commune, a level or
/// an assessment reads on a page. Internal to the web layer.

#include <string>
#include <utility>
#include <vector>

#include "domain/commune.hpp"
#include "web/pages.hpp"

namespace thidua::web::commune_view {

/// "Xã Lý Bôn" (capital) or "xã Lý Bôn" (in a sentence).
std::string title(http::Context& ctx, CommuneKind kind, const std::string& name, bool capital);
std::string level_label(http::Context& ctx, TargetLevel level);
/// The options of a target-level select, `selected` (a level's name) marked.
mustache::data level_options(http::Context& ctx, const std::string& selected);
/// Sets `key` only when `value` is not empty: mustache shows a section for any string, even an
/// empty one, so optional text must be absent rather than "".
inline void text(mustache::data& d, const std::string& key, const std::string& value) {
  if (!value.empty()) d.set(key, value);
}
/// "16/19".
std::string met_text(int met, int total);
/// A form value as a positive id, or nullopt.
std::optional<std::int64_t> id_of(std::string_view text);
/// The contact people of an assignment form, for agencies of any size: the people chosen (each a
/// ticked box, `values` being person ids, or text typed into a box before a refusal), then
/// empty boxes to type a name or code into (completed from the page's list "agency-people", see
/// people_datalist). `prefix` keeps the ids of several forms on one page apart.
mustache::data contact_picker(const std::vector<std::pair<std::int64_t, std::string>>& people,
                              const std::vector<std::string>& values, const std::string& prefix);
/// The options of <datalist id="agency-people">: every person who may be a contact, once a page.
mustache::data people_datalist(const std::vector<std::pair<std::int64_t, std::string>>& people);
/// The page's own query string with `key` set to `value` (for sort links and pagination).
std::string with_param(http::Context& ctx, const std::string& path, const std::string& key, const std::string& value);

}  // namespace thidua::web::commune_view

namespace thidua::web {
/// A commune's page with a refused form (if any) shown again (commune_pages.cpp).
Result<http::Response> render_commune(const WebDeps& deps, http::Context& ctx, std::int64_t id,
                                      const Refused* refused, unsigned status);
}  // namespace thidua::web
