// The route table. Read it top to bottom: every URL of thidua, who may use it, and the
// handler that serves it. Role checks here are a first gate; services check again.
// Every /api/v1 route must also be described in docs/openapi.yaml (a test checks it).

#include "app/routes.hpp"

namespace thidua::app {

using http::Access;
using http::RouteKind;

namespace {

template <class Deps, class Fn>
http::Handler bind(const Deps& deps, Fn fn) {
  return [deps, fn](http::Context& ctx) { return fn(deps, ctx); };
}

}  // namespace

std::shared_ptr<http::Router> build_routes(const web::WebDeps& w, const api::ApiDeps& a) {
  auto r = std::make_shared<http::Router>();
  auto add = [&](RouteKind kind, const char* method, const char* pattern, Access access, http::Handler h,
                 const char* summary, bool needs_session) {
    http::Route route;
    route.method = method;
    route.pattern = pattern;
    route.kind = kind;
    route.access = std::move(access);
    route.handler = std::move(h);
    route.summary = summary;
    route.needs_session = needs_session;
    r->add(std::move(route));
  };
  auto page = [&](const char* method, const char* pattern, Access access, http::Handler h, const char* summary) {
    add(RouteKind::page, method, pattern, std::move(access), std::move(h), summary, true);
  };
  auto api = [&](const char* method, const char* pattern, Access access, http::Handler h, const char* summary) {
    add(RouteKind::api, method, pattern, std::move(access), std::move(h), summary, true);
  };
  // Routes that never look at who is asking skip the session lookup (health checks).
  auto api_public = [&](const char* method, const char* pattern, http::Handler h, const char* summary) {
    add(RouteKind::api, method, pattern, Access::anyone(), std::move(h), summary, false);
  };
  const auto admin = Access::any_of({Role::admin});

  // ---- Pages ---------------------------------------------------------------------------
  page("GET", "/", Access::signed_in(), bind(w, web::home), "Home page for the user's roles: to-do list first");
  page("GET", "/login", Access::anyone(), bind(w, web::login_form), "Sign-in form");
  page("POST", "/login", Access::anyone(), bind(w, web::login_submit), "Sign in");
  page("POST", "/logout", Access::signed_in(), bind(w, web::logout), "Sign out");
  page("POST", "/lang", Access::anyone(), bind(w, web::switch_language), "Switch language (vi/en)");
  page("GET", "/admin/users", admin, bind(w, web::admin_users), "User accounts");

  // Registry: people, units, council (issue: agencies, departments, people and councils)
  const auto signed_in = Access::signed_in();
  const auto managers = Access::any_of({Role::admin, Role::office});
  page("GET", "/people", signed_in, bind(w, web::people_list), "People: search, filter, paginate");
  page("GET", "/people/new", managers, bind(w, web::person_new), "Form for a new person");
  page("POST", "/people", managers, bind(w, web::person_create), "Register a person");
  page("GET", "/people/{id}", signed_in, bind(w, web::person_page), "A person: details, career path, history");
  page("GET", "/people/{id}/edit", managers, bind(w, web::person_edit), "Form to edit a person");
  page("POST", "/people/{id}", managers, bind(w, web::person_update), "Save a person (version-checked)");
  page("POST", "/people/{id}/move", managers, bind(w, web::person_move), "Move a person to another unit");
  page("GET", "/units", signed_in, bind(w, web::units_page), "Units of the agency");
  page("POST", "/units", managers, bind(w, web::unit_create), "Create a unit");
  page("GET", "/units/{id}", signed_in, bind(w, web::unit_page), "A unit: names over time, people");
  page("POST", "/units/{id}/rename", managers, bind(w, web::unit_rename), "Rename a unit from a date");
  page("POST", "/units/{id}/merge", managers, bind(w, web::unit_merge), "Merge a unit into another");
  page("POST", "/units/{id}/close", managers, bind(w, web::unit_close), "Close an empty unit");
  page("GET", "/council", signed_in, bind(w, web::council_page), "The Emulation and Commendation Council");
  page("POST", "/council", managers, bind(w, web::council_term_create), "Create a council term");
  page("POST", "/council/{id}/seats", managers, bind(w, web::council_seat_set), "Seat a person on the council");
  page("POST", "/council/{id}/seats/{person}/remove", managers, bind(w, web::council_seat_remove),
       "Remove a council member");

  // ---- JSON API ------------------------------------------------------------------------
  api_public("GET", "/api/v1/ping", bind(a, api::ping), "Liveness check");
  api("GET", "/api/v1/me", Access::signed_in(), bind(a, api::me), "The signed-in user");
  api("GET", "/api/v1/users", admin, bind(a, api::list_users), "List user accounts");
  api("POST", "/api/v1/users", admin, bind(a, api::create_user), "Create a user account");
  api("GET", "/api/v1/users/{login}", Access::signed_in(), bind(a, api::get_user), "One user account");
  return r;
}

}  // namespace thidua::app
