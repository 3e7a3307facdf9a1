#include "domain/clock.hpp"
#include "web/achievement_pages.hpp"
#include "web/movement_pages.hpp"
#include "web/page_cache.hpp"
#include "web/pages.hpp"
#include "web/pledge_pages.hpp"

namespace thidua::web {

Result<http::Response> home(const WebDeps& deps, http::Context& ctx) {
  const Principal& p = *ctx.principal;
  // The page is the user's own: their roles and their units' open tasks, which change with
  // a write (the data version) or at midnight (a task falls overdue).
  std::string cache_key;
  std::int64_t version = 0;
  if (deps.page_cache) {
    auto v = deps.movements->data_version();
    if (!v) return fail(v.error());
    version = *v;
    ctx.data_version = version;
    cache_key = "home\x1f" + std::to_string(p.user_id) + "\x1f" + p.login + "\x1f" + std::string(text::to_string(ctx.lang)) +
          "\x1f" + to_iso(std::chrono::system_clock::now()).substr(0, 10);
    if (auto body = deps.page_cache->get(cache_key, version)) {
      return deps.views->page_around(ctx, ctx.t("home.title"), *body);
    }
  }
  mustache::data d;
  d.set("display_name", p.display_name);
  if (!p.agency_name.empty()) d.set("agency_name", p.agency_name);
  mustache::list roles;
  for (Role r : kAllRoles) {
    if (!p.has_role(r)) continue;
    mustache::data item;
    std::string key(to_string(r));
    item.set("label", ctx.t("role." + key));
    item.set("can", ctx.t("can." + key));
    roles.push_back(item);
  }
  d.set("roles", roles);
  // The to-do list: open tasks of launched movements for the user's units (and the agency's
  // own for the Office and the leaders), soonest first.
  mustache::data tasks = home_tasks(deps, ctx);
  if (tasks.get("has_tasks")) put(d, "todos", std::move(tasks));
  // Pledges waiting for the user: their own of the year, those to decide on, who has not pledged.
  mustache::data pledges = home_pledges(deps, ctx);
  if (pledges.get("has_items")) put(d, "pledge_todo", std::move(pledges));
  // Achievements: the Office's queue, returned records and drafts to finish, recording one.
  mustache::data achievements = home_achievements(deps, ctx);
  if (achievements.get("has_items")) put(d, "achievement_todo", std::move(achievements));
  if (!deps.page_cache) return deps.views->page(ctx, "pages/home", ctx.t("home.title"), std::move(d));
  std::string body = deps.views->body_for_cache(ctx, "pages/home", std::move(d));
  deps.page_cache->put(cache_key, version, body);
  return deps.views->page_around(ctx, ctx.t("home.title"), body);
}

}  // namespace thidua::web
