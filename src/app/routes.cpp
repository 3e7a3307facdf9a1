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
                 const char* summary, bool needs_session, std::size_t max_body = 1 << 20) {
    http::Route route;
    route.method = method;
    route.pattern = pattern;
    route.kind = kind;
    route.access = std::move(access);
    route.handler = std::move(h);
    route.summary = summary;
    route.needs_session = needs_session;
    route.max_body = max_body;
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
  page("GET", "/admin/users/export.xlsx", admin, bind(w, web::admin_users_export), "User accounts as XLSX");

  // Registry: people, units, council (issue: agencies, departments, people and councils)
  const auto signed_in = Access::signed_in();
  const auto managers = Access::any_of({Role::admin, Role::office});
  page("GET", "/people", signed_in, bind(w, web::people_list), "People: search, filter, paginate");
  page("GET", "/people/import", managers, bind(w, web::people_import_form), "Import people: upload form");
  page("GET", "/people/import/template.xlsx", managers, bind(w, web::people_import_template),
       "Import template with Vietnamese headers");
  add(RouteKind::page, "POST", "/people/import", managers, bind(w, web::people_import_preview),
      "Import people: check the file, show each row's problems", true, 20 << 20);
  page("POST", "/people/import/commit", managers, bind(w, web::people_import_commit),
       "Import people: write every row in one transaction");
  page("GET", "/people/export.xlsx", signed_in, bind(w, web::people_export), "The filtered people list as XLSX");
  page("GET", "/people/new", managers, bind(w, web::person_new), "Form for a new person");
  page("POST", "/people", managers, bind(w, web::person_create), "Register a person");
  page("GET", "/people/{id}", signed_in, bind(w, web::person_page), "A person: details, career path, history");
  page("GET", "/people/{id}/edit", managers, bind(w, web::person_edit), "Form to edit a person");
  page("POST", "/people/{id}", managers, bind(w, web::person_update), "Save a person (version-checked)");
  page("POST", "/people/{id}/move", managers, bind(w, web::person_move), "Move a person to another unit");
  page("POST", "/people/{id}/account", managers, bind(w, web::person_account_create),
       "Create an account for a person, with roles (the password shown once)");
  page("POST", "/people/{id}/account/link", managers, bind(w, web::person_account_link),
       "Link a person to an unlinked account of the agency");
  page("POST", "/people/{id}/account/roles", managers, bind(w, web::person_account_roles),
       "Set the roles of a person's account");
  page("GET", "/units", signed_in, bind(w, web::units_page), "Units of the agency");
  page("GET", "/units/export.xlsx", signed_in, bind(w, web::units_export), "The units list as XLSX");
  page("POST", "/units", managers, bind(w, web::unit_create), "Create a unit");
  page("GET", "/units/{id}", signed_in, bind(w, web::unit_page), "A unit: names over time, people");
  page("POST", "/units/{id}/rename", managers, bind(w, web::unit_rename), "Rename a unit from a date");
  page("POST", "/units/{id}/merge", managers, bind(w, web::unit_merge), "Merge a unit into another");
  page("POST", "/units/{id}/close", managers, bind(w, web::unit_close), "Close an empty unit");
  page("POST", "/units/{id}/split", managers, bind(w, web::unit_split), "Split a new unit off, with some of its people");
  const auto overseers = Access::any_of({Role::admin, Role::authority});
  page("GET", "/agencies", overseers, bind(w, web::agencies_page), "Agencies the user may see, with former names");
  page("POST", "/agencies", admin, bind(w, web::agency_create), "Create an agency (installation administrator)");
  page("GET", "/agencies/export.xlsx", overseers, bind(w, web::agencies_export), "The agencies list as XLSX");
  page("GET", "/agencies/{id}", overseers, bind(w, web::agency_page), "An agency: names over time, clusters, edit form");
  page("POST", "/agencies/{id}", overseers, bind(w, web::agency_update),
       "Rename an agency from a date; change its code, address, authority, cluster");
  page("GET", "/clusters", signed_in, bind(w, web::clusters_page), "Emulation clusters of a year");
  page("GET", "/clusters/export.xlsx", signed_in, bind(w, web::clusters_export), "The clusters of a year as XLSX");
  page("POST", "/clusters", overseers, bind(w, web::cluster_create), "Create an emulation cluster");
  page("POST", "/clusters/{id}/members", overseers, bind(w, web::cluster_member_add),
       "Add an agency to a cluster for a year");
  page("POST", "/clusters/{id}/lead", overseers, bind(w, web::cluster_lead_set), "Mark the lead agency of a year");
  page("POST", "/clusters/{id}/members/remove", overseers, bind(w, web::cluster_member_remove),
       "Take an agency out of a cluster for a year");
  page("GET", "/council", signed_in, bind(w, web::council_page), "The Emulation and Commendation Council");
  page("GET", "/council/export.xlsx", signed_in, bind(w, web::council_export), "The council's terms and seats as XLSX");
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

  // Registry: people, units, council, agencies, clusters. Reads need sign-in; the services
  // limit them to the agencies the caller may read.
  const auto api_managers = Access::any_of({Role::admin, Role::office});
  const auto api_authority = Access::any_of({Role::admin, Role::authority});
  api("GET", "/api/v1/people", Access::signed_in(), bind(a, api::list_people), "People: search, filter, paginate");
  api("POST", "/api/v1/people", api_managers, bind(a, api::create_person), "Register a person");
  api("GET", "/api/v1/people/{id}", Access::signed_in(), bind(a, api::get_person), "A person, with path and history");
  api("PUT", "/api/v1/people/{id}", api_managers, bind(a, api::update_person), "Update a person (version-checked)");
  api("POST", "/api/v1/people/{id}/move", api_managers, bind(a, api::move_person), "Move a person to another unit");
  api("POST", "/api/v1/people/{id}/account", api_managers, bind(a, api::link_person_account),
      "Link a person to an account of the agency, or create one with roles");
  api("PUT", "/api/v1/people/{id}/account", api_managers, bind(a, api::set_person_account_roles),
      "Set the roles of a person's account");
  api("GET", "/api/v1/units", Access::signed_in(), bind(a, api::list_units), "Units of an agency");
  api("POST", "/api/v1/units", api_managers, bind(a, api::create_unit), "Create a unit");
  api("GET", "/api/v1/units/{id}", Access::signed_in(), bind(a, api::get_unit), "A unit: names over time, people");
  api("POST", "/api/v1/units/{id}/rename", api_managers, bind(a, api::rename_unit), "Rename a unit from a date");
  api("POST", "/api/v1/units/{id}/merge", api_managers, bind(a, api::merge_unit), "Merge a unit into another");
  api("POST", "/api/v1/units/{id}/close", api_managers, bind(a, api::close_unit), "Close an empty unit");
  api("POST", "/api/v1/units/{id}/split", api_managers, bind(a, api::split_unit),
      "Split a new unit off, with some of its people");
  api("GET", "/api/v1/council", Access::signed_in(), bind(a, api::list_council), "Council terms with their seats");
  api("POST", "/api/v1/council", api_managers, bind(a, api::create_council_term), "Create a council term");
  api("PUT", "/api/v1/council/{id}/seats/{person_id}", api_managers, bind(a, api::set_council_seat),
      "Seat a person on a council term");
  api("DELETE", "/api/v1/council/{id}/seats/{person_id}", api_managers, bind(a, api::remove_council_seat),
      "Remove a person from a council term");
  api("GET", "/api/v1/agencies", Access::signed_in(), bind(a, api::list_agencies), "Agencies the caller may read");
  api("POST", "/api/v1/agencies", api_authority, bind(a, api::create_agency), "Create an agency (installation admin)");
  api("GET", "/api/v1/agencies/{id}", Access::signed_in(), bind(a, api::get_agency), "An agency, with its names");
  api("PUT", "/api/v1/agencies/{id}", api_authority, bind(a, api::update_agency), "Rename or re-address an agency");
  api("GET", "/api/v1/clusters", Access::signed_in(), bind(a, api::list_clusters), "Emulation clusters of a year");
  api("POST", "/api/v1/clusters", api_authority, bind(a, api::create_cluster), "Create an emulation cluster");
  api("POST", "/api/v1/clusters/{id}/members", api_authority, bind(a, api::add_cluster_member),
      "Add an agency to a cluster for a year");
  api("POST", "/api/v1/clusters/{id}/lead", api_authority, bind(a, api::set_cluster_lead),
      "Mark the lead agency of a year");
  api("DELETE", "/api/v1/clusters/{id}/members/{agency}", api_authority, bind(a, api::remove_cluster_member),
      "Take an agency out of a cluster for a year");
  return r;
}

}  // namespace thidua::app
