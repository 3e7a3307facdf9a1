// In-app notifications: the list of the signed-in user's, marked read one by one or all at
// once. Opening one marks it read and follows its link.

#include "text/format.hpp"
#include "web/pledge_pages.hpp"

namespace thidua::web {

Result<http::Response> notifications_page(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  const bool unread_only = q->value("unread") == "1";
  auto page = deps.notifications->list(*ctx.principal, unread_only, std::max(1, year_param(q->value("page"))));
  if (!page) return fail(page.error());
  mustache::data d;
  mustache::list items;
  for (const auto& n : page->items) {
    mustache::data r;
    r.set("id", std::to_string(n.id));
    // issue 7 reminders: the reminders' kinds are named in reminders.toml, the others in pledges.toml;
    // each kind gets a symbol and a colour (late: red, due: amber, pledges: blue).
    const auto& keys = ctx.catalogue().all(ctx.lang);
    const std::string rkind = "reminder_kind." + n.kind, kind = "notification_kind." + n.kind;
    r.set("kind", ctx.t(keys.count(rkind) ? rkind : keys.count(kind) ? kind : "notification_kind.other"));
    const bool late = n.kind.ends_with("_late"), due = n.kind.ends_with("_due");
    r.set("kind_class", late ? "text-bg-danger" : due ? "text-bg-warning" : n.kind.starts_with("pledge") ? "text-bg-info" : "text-bg-secondary");
    r.set("kind_icon", late ? "⚠" : due ? "⏰" : n.kind.starts_with("pledge") ? "✎" : "✉");
    if (auto due_on = text::parse_iso_date(n.due_date)) {
      r.set("due", text::format_date(*due_on));
      if (late) r.set("due_late", true);
    } else {
      r.set("due", false);
    }
    r.set("title", n.title);
    // Sections' keys are set in each row (false when empty), never left to the page's own.
    r.set("body", n.body.empty() ? mustache::data(false) : mustache::data(n.body));
    r.set("at", display_timestamp(n.created_at));
    r.set("link", n.link.empty() ? mustache::data(false) : mustache::data(n.link));
    r.set("unread", n.read_at.empty());
    items.push_back(r);
  }
  if (!items.empty()) d.set("has_items", true);
  put(d, "items", list_data(std::move(items)));
  d.set("unread_count", std::to_string(page->unread));
  if (page->unread > 0) d.set("has_unread", true);
  if (unread_only) d.set("unread_only", true);
  std::string base = unread_only ? "unread=1&" : "";
  if (page->pages > 1) {
    mustache::data p;
    p.set("page", std::to_string(page->page));
    p.set("page_count", std::to_string(page->pages));
    if (page->page > 1) p.set("prev", base + "page=" + std::to_string(page->page - 1));
    if (page->page < page->pages) p.set("next", base + "page=" + std::to_string(page->page + 1));
    d.set("pages", p);
  }
  return deps.views->page(ctx, "pages/notifications", ctx.t("notification.title"), std::move(d));
}

Result<http::Response> notification_read(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(ErrorKind::not_found, "notification.not_found");
  auto n = deps.notifications->mark_read(*ctx.principal, *id);
  if (!n) return fail(n.error());
  const auto& f = ctx.form();
  bool follow = f && f->value("follow") == "1" && !n->link.empty();
  return http::Response::redirect(follow ? safe_next(n->link) : "/notifications");
}

Result<http::Response> notifications_read_all(const WebDeps& deps, http::Context& ctx) {
  auto n = deps.notifications->mark_all_read(*ctx.principal);
  if (!n) return fail(n.error());
  ctx.set_flash("flash.reminder.all_read");  // issue 7: a key under [flash], or it is never shown
  return http::Response::redirect("/notifications");
}

}  // namespace thidua::web
