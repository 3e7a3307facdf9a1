#include "web/views.hpp"

#include "web/page_cache.hpp"

#include "assets/resources.hpp"

namespace thidua::web {

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

Result<std::string> expand_messages(std::string_view src, const text::Catalogue& cat, text::Lang lang,
                                    std::string_view name) {
  std::string out;
  out.reserve(src.size());
  std::size_t pos = 0;
  while (true) {
    auto open = src.find("[[", pos);
    if (open == std::string_view::npos) break;
    auto close = src.find("]]", open);
    if (close == std::string_view::npos) break;
    out.append(src.substr(pos, open - pos));
    std::string key(src.substr(open + 2, close - open - 2));
    if (!cat.all(lang).count(key)) {
      return fail(ErrorKind::internal, "template.unknown_message", std::string(name) + ": unknown message " + key);
    }
    out += html_escape(cat.get(lang, key));
    pos = close + 2;
  }
  out.append(src.substr(pos));
  return out;
}

}  // namespace

Result<std::shared_ptr<Views>> Views::create(std::shared_ptr<const text::Catalogue> catalogue,
                                            std::shared_ptr<const http::StaticFiles> static_files) {
  std::shared_ptr<Views> v(new Views());
  v->catalogue_ = std::move(catalogue);
  v->static_ = std::move(static_files);
  constexpr std::string_view kDir = "templates/";
  constexpr std::string_view kExt = ".mustache";
  for (const auto& r : embedded_resources()) {
    if (r.path.rfind(kDir, 0) != 0 || r.path.size() <= kDir.size() + kExt.size()) continue;
    std::string name(r.path.substr(kDir.size(), r.path.size() - kDir.size() - kExt.size()));
    v->index_[name] = v->names_.size();
    v->names_.push_back(name);
    for (auto lang : {text::Lang::vi, text::Lang::en}) {
      auto src = expand_messages(r.data, *v->catalogue_, lang, name);
      if (!src) return fail(src.error());
      mustache::mustache m(*src);
      if (!m.is_valid()) {
        return fail(ErrorKind::internal, "template.invalid", name + ": " + m.error_message());
      }
      v->parsed_.push_back(std::move(m));
    }
  }
  return v;
}

std::string Views::render(const std::string& name, text::Lang lang, const mustache::data& data) const {
  auto it = index_.find(name);
  if (it == index_.end()) return "<!-- missing template " + html_escape(name) + " -->";
  std::size_t i = it->second * 2 + (lang == text::Lang::en ? 1 : 0);
  // kainjow's render is not const; each thread renders its own copy of the parsed template.
  thread_local std::vector<std::unique_ptr<mustache::mustache>> copies;
  thread_local const Views* owner = nullptr;
  if (owner != this) {
    copies.clear();
    owner = this;
  }
  if (copies.size() < parsed_.size()) copies.resize(parsed_.size());
  if (!copies[i]) copies[i] = std::make_unique<mustache::mustache>(parsed_[i]);
  return copies[i]->render(data);
}

mustache::data Views::layout_data(http::Context& ctx, const std::string& title) const {
  mustache::data d;
  d.set("lang", std::string(text::to_string(ctx.lang)));
  d.set("title", title);
  d.set("csrf", ctx.csrf_token);
  d.set("next", ctx.req.path);
  d.set("v_bootstrap", static_->etag("/static/vendor/bootstrap.min.css"));
  d.set("v_htmx", static_->etag("/static/vendor/htmx.min.js"));
  d.set("v_app_css", static_->etag("/static/app.css"));
  d.set("v_app_js", static_->etag("/static/app.js"));
  if (!ctx.flash.empty()) {
    mustache::data f;
    f.set("kind", ctx.flash.rfind("flash.warning.", 0) == 0 ? "warning" : "success");
    f.set("message", ctx.t(ctx.flash));
    d.set("flash", f);
  }
  if (ctx.principal) {
    const auto& p = *ctx.principal;
    mustache::data user;
    user.set("display_name", p.display_name);
    user.set("login", p.login);
    d.set("user", user);
    if (!p.agency_name.empty()) d.set("agency_name", p.agency_name);
    // The navigation: a few direct links and groups that open as menus (<details>, no script
    // needed). Every key is set on every entry: mustache looks a missing key up in the
    // enclosing context, so an item without "active" would take its group's.
    std::string_view path = ctx.req.path;
    auto is_active = [&](std::string_view h) {
      // A whole segment: "/council" is not active on "/council-sessions".
      return h == "/" ? path == "/"
                      : path.rfind(h, 0) == 0 && (path.size() == h.size() || path[h.size()] == '/' ||
                                                  path[h.size()] == '?' || path[h.size()] == '.');
    };
    auto link = [&](const char* href, const char* key) {
      mustache::data n;
      n.set("href", href);
      n.set("label", ctx.t(key));
      n.set("active", is_active(href));
      n.set("group", false);
      return n;
    };
    mustache::list nav;
    auto item = [&](const char* href, const char* key) { nav.push_back(link(href, key)); };
    struct Group {
      mustache::data entry;
      mustache::list items;
      bool active = false;
    };
    auto group = [&](const char* key) {
      Group g;
      g.entry.set("label", ctx.t(key));
      g.entry.set("href", "");
      return g;
    };
    auto add = [&](Group& g, const char* href, const char* key) {
      g.active = g.active || is_active(href);
      g.items.push_back(link(href, key));
    };
    auto finish = [&](Group& g) {
      if (g.items.empty()) return;
      g.entry.set("active", g.active);
      g.entry.set("group", true);
      g.entry.set("items", g.items);
      nav.push_back(g.entry);
    };
    item("/", "nav.home");
    item("/dashboard", "followup.nav");  // the follow-up dashboard, for everyone
    // The movement's work in its order: plan, pledges, what was done, initiatives, communes.
    auto movement = group("nav.group_movement");
    add(movement, "/movements", "nav3.movements");
    add(movement, "/pledges", "pledge.nav");
    add(movement, "/achievements", "nav_ach.achievements");
    add(movement, "/initiatives", "initiative.nav");
    add(movement, "/communes", "nav_com.communes");
    finish(movement);
    // Commendation in the order of its work: scoring, eligibility, nominations, the council's
    // sessions, the decisions and certificates.
    auto commendation = group("nav.group_commendation");
    add(commendation, "/evaluations", "evaluation_page.nav");
    add(commendation, "/eligibility", "eligibility.nav");
    add(commendation, "/nominations", "nominations_page.nav");
    add(commendation, "/council-sessions", "council_page.nav");
    add(commendation, "/decisions", "decision_page.nav");
    finish(commendation);
    // Reports: what was sent, the statistical forms, and for the authority the province.
    auto reports = group("nav.group_reports");
    if (p.is_admin() || p.has_role(Role::office) || p.has_role(Role::leader) || p.has_role(Role::council) ||
        p.has_role(Role::authority)) {
      add(reports, "/reports/sent", "report_sending.title");
      add(reports, "/statistics", "statistics.nav");
    }
    if (p.has_role(Role::authority)) add(reports, "/province", "province.nav");
    finish(reports);
    auto organisation = group("nav.group_organisation");
    add(organisation, "/people", "nav2.people");
    add(organisation, "/units", "nav2.units");
    add(organisation, "/council", "nav2.council");
    add(organisation, "/clusters", "nav2.clusters");
    if (p.is_admin() || p.has_role(Role::authority)) add(organisation, "/agencies", "nav2.agencies");
    if (p.is_admin()) add(organisation, "/admin/users", "nav.admin_users");
    finish(organisation);
    d.set("nav", nav);
    if (unread_) {
      long long unread = unread_(ctx);
      if (unread > 0) d.set("unread", unread > 99 ? std::string("99+") : std::to_string(unread));
    }
  }
  return d;
}

http::Response Views::page(http::Context& ctx, const std::string& name, const std::string& title,
                           mustache::data body, unsigned status) const {
  body.set("csrf", ctx.csrf_token);
  auto layout = layout_data(ctx, title);
  put(layout, "body", render(name, ctx.lang, body));
  return http::Response::html(render("layouts/base", ctx.lang, layout), status);
}

std::string Views::body_for_cache(http::Context& ctx, const std::string& name, mustache::data body) const {
  body.set("csrf", PageCache::kCsrfPlaceholder);
  return render(name, ctx.lang, body);
}

http::Response Views::page_around(http::Context& ctx, const std::string& title, const std::string& body_html,
                                  unsigned status) const {
  auto layout = layout_data(ctx, title);
  put(layout, "body", with_csrf(body_html, ctx.csrf_token));
  return http::Response::html(render("layouts/base", ctx.lang, layout), status);
}

}  // namespace thidua::web
