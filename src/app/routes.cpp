// The route table. Read it top to bottom: every URL of thidua, who may use it, and the
// handler that serves it. Role checks here are a first gate; services check again.
// Every /api/v1 route must also be described in docs/openapi.yaml (a test checks it).

#include "app/routes.hpp"

#include "api/commune_api.hpp"
#include "api/achievement_api.hpp"
#include "api/evidence_api.hpp"
#include "api/initiative_api.hpp"
#include "api/evaluation_api.hpp"
#include "api/nomination_api.hpp"  // issue 6, part h6c
#include "api/review_report_api.hpp"  // issue 7 review reports (h7rr)
#include "web/review_report_pages.hpp"  // issue 7 review reports (h7rr)
#include "api/movement_api.hpp"
#include "api/pledge_api.hpp"
#include "web/achievement_pages.hpp"
#include "web/commune_pages.hpp"
#include "web/evidence_view.hpp"
#include "web/evaluation_pages.hpp"
#include "web/nomination_pages.hpp"  // issue 6, part h6c
#include "web/initiative_pages.hpp"
#include "web/evaluation_exports.hpp"
#include "web/movement_pages.hpp"
#include "web/pledge_pages.hpp"
// Commendation, part 1 (issue 6).
#include "api/eligibility_api.hpp"
#include "web/eligibility_pages.hpp"
#include "api/dashboard_api.hpp"   // issue 7 follow-up
#include "web/dashboard_page.hpp"  // issue 7 follow-up
// Decisions, certificates, higher awards (issue 6, part D).
#include "api/decision_api.hpp"
#include "web/decision_pages.hpp"
// issue 7 statistics and province (part h7sf)
#include "api/statistics_api.hpp"
#include "web/statistics_pages.hpp"

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
                 const char* summary, bool needs_session, std::size_t max_body = 1 << 20, bool stream = false) {
    http::Route route;
    route.method = method;
    route.pattern = pattern;
    route.kind = kind;
    route.access = std::move(access);
    route.handler = std::move(h);
    route.summary = summary;
    route.needs_session = needs_session;
    route.max_body = max_body;
    route.stream_upload = stream;
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
  // Forms with files, read as they arrive: files go to disk, never whole into memory; the
  // handler reads ctx.upload_form() (http/upload.hpp). `evidence_form` fits five evidence
  // files of the configured size and the form around them.
  auto upload = [&](const char* pattern, Access access, http::Handler h, const char* summary, std::size_t max_body) {
    add(RouteKind::page, "POST", pattern, std::move(access), std::move(h), summary, true, max_body, true);
  };
  const std::size_t evidence_max = w.evidence ? w.evidence->config().max_bytes : (20u << 20);
  [[maybe_unused]] const std::size_t evidence_form = 5 * evidence_max + (1 << 20);

  // ---- Pages ---------------------------------------------------------------------------
  page("GET", "/", Access::signed_in(), bind(w, web::home), "Home page for the user's roles: to-do list first");
  page("GET", "/login", Access::anyone(), bind(w, web::login_form), "Sign-in form");
  page("POST", "/login", Access::anyone(), bind(w, web::login_submit), "Sign in");
  page("POST", "/logout", Access::signed_in(), bind(w, web::logout), "Sign out");
  page("POST", "/lang", Access::anyone(), bind(w, web::switch_language), "Switch language (vi/en)");
  page("GET", "/admin/users", admin, bind(w, web::admin_users), "User accounts");
  page("GET", "/admin/users/export.xlsx", admin, bind(w, web::admin_users_export), "User accounts as XLSX");
  // issue 7 reminders
  page("POST", "/admin/users/{login}/email", admin, bind(w, web::admin_user_email),
       "Set an account's e-mail address for reminders");

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

  // Movements and their plans (issue: movements and their plans, rendered as official documents)
  const auto leaders = Access::any_of({Role::admin, Role::leader});
  page("GET", "/movements", signed_in, bind(w, web::movements_page), "Movements of the agency, with status and progress");
  page("POST", "/movements", managers, bind(w, web::movement_create), "Draft a new movement");
  page("GET", "/movements/{id}", signed_in, bind(w, web::movement_page), "A movement: its plan, tasks and units' plans");
  page("POST", "/movements/{id}", managers, bind(w, web::movement_update), "Save the plan's document details");
  page("POST", "/movements/{id}/items", managers, bind(w, web::movement_item_add), "Add an item to a section of the plan");
  page("POST", "/movements/{id}/items/{item}", managers, bind(w, web::movement_item_update), "Edit an item of the plan");
  page("POST", "/movements/{id}/items/{item}/move", managers, bind(w, web::movement_item_move),
       "Move an item up or down in its section");
  page("POST", "/movements/{id}/items/{item}/delete", managers, bind(w, web::movement_item_delete),
       "Remove an item from the plan (kept in the audit log)");
  page("POST", "/movements/{id}/launch", leaders, bind(w, web::movement_launch),
       "Approve and launch: milestones and duties become tasks");
  page("POST", "/movements/{id}/copy", managers, bind(w, web::movement_copy), "Copy the plan into next period's draft");
  page("GET", "/movements/{id}/preview", signed_in, bind(w, web::movement_preview), "The plan as a document, in the browser");
  page("GET", "/documents/preview.css", signed_in, bind(w, web::document_preview_css),
       "Stylesheet of document previews");
  page("GET", "/movements/{id}/plan.docx", signed_in, bind(w, web::movement_docx), "The plan as DOCX (Decree 30 layout)");
  page("GET", "/movements/{id}/plan.pdf", signed_in, bind(w, web::movement_pdf), "The plan as PDF (Decree 30 layout)");
  page("POST", "/movements/{id}/tasks/{task}", signed_in, bind(w, web::movement_task_update),
       "Mark a task done or open again (its unit's head, the Office, the leaders)");
  upload("/movements/{id}/unit-plans", signed_in, bind(w, web::movement_unit_plan_add),
         "A unit's own sub-plan (file) or target for the movement", 21 << 20);
  page("GET", "/movements/{id}/unit-plans/{plan}/file", signed_in, bind(w, web::movement_unit_plan_file),
       "The file of a unit's sub-plan");

  // Evidence files of records (achievements, assessments, covenants …): only to those who
  // may read the record.
  page("GET", "/evidence/{id}", signed_in, bind(w, web::evidence_file), "An evidence file, as it was uploaded");
  page("GET", "/evidence/{id}/thumb", signed_in, bind(w, web::evidence_thumb),
       "A thumbnail (at most 320 px) of an image evidence file");

  // Pledges (đăng ký thi đua), in-app notifications, clusters' covenants (issue: pledges,
  // achievements with evidence, initiatives, communes). Literal paths before {id}.
  page("GET", "/pledges", signed_in, bind(w, web::pledges_page),
       "Pledges of a movement's year: each unit's standing, who has not registered, the list");
  page("GET", "/pledges/new", signed_in, bind(w, web::pledge_new), "Form for a new pledge (oneself, or a unit one heads)");
  page("GET", "/pledges/export.xlsx", signed_in, bind(w, web::pledges_export), "The pledge list as XLSX, a row per target");
  page("POST", "/pledges", signed_in, bind(w, web::pledge_create), "Save a new pledge (and submit it when asked)");
  page("POST", "/pledges/deadline", managers, bind(w, web::pledge_deadline), "Set the deadline of a movement's year");
  page("POST", "/pledges/reminders", managers, bind(w, web::pledge_remind),
       "Remind those who have not registered (once a day each)");
  page("GET", "/pledges/{id}", signed_in, bind(w, web::pledge_page), "A pledge: targets, titles, history, actions");
  page("GET", "/pledges/{id}/edit", signed_in, bind(w, web::pledge_edit), "Form to edit a draft or returned pledge");
  page("POST", "/pledges/{id}", signed_in, bind(w, web::pledge_update), "Save a pledge (version-checked)");
  page("POST", "/pledges/{id}/submit", signed_in, bind(w, web::pledge_submit), "Submit a pledge for approval");
  page("POST", "/pledges/{id}/return", signed_in, bind(w, web::pledge_return), "Return a pledge with a comment");
  page("POST", "/pledges/{id}/approve", signed_in, bind(w, web::pledge_approve),
       "Approve a pledge (unit head for people, the Office for units)");
  page("POST", "/pledges/{id}/withdraw", signed_in, bind(w, web::pledge_withdraw), "Withdraw a pledge (kept in history)");
  page("GET", "/notifications", signed_in, bind(w, web::notifications_page), "The signed-in user's notifications");
  page("POST", "/notifications/read-all", signed_in, bind(w, web::notifications_read_all), "Mark every notification read");
  page("POST", "/notifications/{id}/read", signed_in, bind(w, web::notification_read),
       "Mark a notification read (and follow its link)");
  page("GET", "/covenants", signed_in, bind(w, web::covenants_page), "Covenants of the agency's clusters in a year");
  page("GET", "/covenants/export.xlsx", signed_in, bind(w, web::covenants_export), "Covenants as XLSX, a row per party");
  upload("/covenants", managers, bind(w, web::covenant_create), "Record a covenant signed by the cluster, with its file",
         evidence_form);
  page("GET", "/covenants/{id}", signed_in, bind(w, web::covenant_page), "A covenant: parties, signed file");
  page("POST", "/covenants/{id}/withdraw", managers, bind(w, web::covenant_withdraw),
       "Withdraw a covenant recorded by mistake (kept)");
  upload("/covenants/{id}/files", managers, bind(w, web::covenant_files_add), "Attach the signed covenant's files",
         evidence_form);
  page("POST", "/covenants/{id}/files/{evidence}/withdraw", managers, bind(w, web::covenant_file_withdraw),
       "Take a file off a covenant (kept, with why)");

  // Achievements (kết quả thực hiện) and progress against pledges. Literal paths before {id}.
  // A person records their own, a unit head for the unit and its people, the Office for every
  // unit; only the Office verifies; the services check each of these again.
  page("GET", "/achievements", signed_in, bind(w, web::achievements_page),
       "Achievements: mine, my unit's, all; filters by movement, year, unit, kind, status, commune");
  page("GET", "/achievements/export.xlsx", signed_in, bind(w, web::achievements_export),
       "The filtered achievements as XLSX");
  page("GET", "/achievements/new", signed_in, bind(w, web::achievement_new), "Form to record an achievement");
  upload("/achievements/form", signed_in, bind(w, web::achievement_form_switch),
         "The record form again for another kind, keeping what was typed", evidence_form);
  upload("/achievements", signed_in, bind(w, web::achievement_create),
         "Record an achievement with its evidence files (and send it for verification when asked)", evidence_form);
  page("GET", "/achievements/queue", managers, bind(w, web::achievements_queue),
       "The Office's queue: submitted achievements, oldest first, with their evidence");
  page("POST", "/achievements/queue/verify", managers, bind(w, web::achievements_verify_many),
       "Verify the selected achievements (all or none)");
  page("GET", "/achievements/{id}", signed_in, bind(w, web::achievement_page),
       "An achievement: figures, evidence, history");
  page("GET", "/achievements/{id}/edit", signed_in, bind(w, web::achievement_edit), "Form to edit an achievement");
  page("POST", "/achievements/{id}", signed_in, bind(w, web::achievement_update),
       "Save an achievement (version-checked; a verified one by the Office only)");
  page("POST", "/achievements/{id}/submit", signed_in, bind(w, web::achievement_submit),
       "Send an achievement to the Office for verification");
  page("POST", "/achievements/{id}/verify", managers, bind(w, web::achievement_verify), "Verify an achievement");
  page("POST", "/achievements/{id}/return", managers, bind(w, web::achievement_return),
       "Return an achievement with a comment");
  page("POST", "/achievements/{id}/withdraw", signed_in, bind(w, web::achievement_withdraw),
       "Withdraw an achievement (kept in the history)");
  upload("/achievements/{id}/evidence", signed_in, bind(w, web::achievement_evidence_add),
         "Attach more evidence files to an achievement", evidence_form);
  page("POST", "/achievements/{id}/evidence/{evidence}/withdraw", signed_in,
       bind(w, web::achievement_evidence_withdraw), "Take an evidence file off an achievement (kept, with why)");
  // issue 7 follow-up: the dashboard of a movement over a period (the service checks the scope).
  page("GET", "/dashboard", signed_in, bind(w, web::dashboard_page),
       "Follow-up dashboard: a movement's figures over a period, with charts and drill-down links");
  page("GET", "/progress", signed_in, bind(w, web::progress_overview_page),
       "Progress of every unit against its pledge (a unit's own page for heads and staff)");
  page("GET", "/progress/units/{id}", signed_in, bind(w, web::progress_unit_page),
       "A unit's progress: pledged against verified achievements, per content item and measure");
  page("GET", "/progress/people/{id}", signed_in, bind(w, web::progress_person_page),
       "A person's progress: pledged against verified achievements");

  // The communes the agency supports (Xã phụ trách, nông thôn mới). Literal paths come before
  // /communes/{id}. The catalogue is read by everyone signed in and kept by the installation
  // administrator and authorities; a commune's page only by agencies assigned to it.
  const auto keepers = Access::any_of({Role::admin, Role::authority});
  const auto assigners = Access::any_of({Role::admin, Role::office, Role::authority});
  page("GET", "/communes", signed_in, bind(w, web::communes_page),
       "The agency's communes: criteria met, latest assessment, support; chart and yardsticks");
  page("GET", "/communes/export.xlsx", signed_in, bind(w, web::communes_export), "The agency's communes as XLSX");
  page("GET", "/communes/catalogue", signed_in, bind(w, web::commune_catalogue_page),
       "The catalogue of communes with their status (merged, dissolved)");
  page("GET", "/communes/catalogue/export.xlsx", signed_in, bind(w, web::commune_catalogue_export),
       "The filtered catalogue as XLSX");
  page("POST", "/communes/catalogue", keepers, bind(w, web::commune_catalogue_create), "Add a commune to the catalogue");
  page("GET", "/communes/catalogue/import", keepers, bind(w, web::commune_import_form), "Import the catalogue: upload form");
  add(RouteKind::page, "POST", "/communes/catalogue/import", keepers, bind(w, web::commune_import_preview),
      "Import the catalogue: check the file, show each row's problems", true, 20 << 20);
  page("POST", "/communes/catalogue/import/commit", keepers, bind(w, web::commune_import_commit),
       "Import the catalogue: write every row in one transaction");
  page("GET", "/communes/catalogue/template.xlsx", keepers, bind(w, web::commune_import_template),
       "Catalogue import template with Vietnamese headers");
  page("GET", "/communes/catalogue/{id}", signed_in, bind(w, web::commune_entry_page),
       "A catalogue entry: names over time, mergers, group");
  page("POST", "/communes/catalogue/{id}", keepers, bind(w, web::commune_entry_change),
       "Correct, rename, merge, dissolve a commune, or set its 2026-2030 group (version-checked)");
  page("GET", "/communes/assign", assigners, bind(w, web::commune_assign_form), "Form to assign a commune to the agency");
  page("POST", "/communes/assign", assigners, bind(w, web::commune_assign),
       "Assign a commune to the agency (decision, target level and year, contacts)");
  page("GET", "/communes/{id}", signed_in, bind(w, web::commune_page),
       "A commune: history, assignments, criteria met over time, gaps, support ledger, recognitions");
  page("GET", "/communes/{id}/assessments.xlsx", signed_in, bind(w, web::commune_assessments_export),
       "A commune's assessments and their criteria as XLSX");
  page("GET", "/communes/{id}/assessments/new", signed_in, bind(w, web::commune_assessment_new),
       "Assessment form: every criterion of the set in force on the date");
  upload("/communes/{id}/assessments", signed_in, bind(w, web::commune_assessment_create),
         "Record an assessment of every criterion, with evidence files", evidence_form);
  page("GET", "/communes/{id}/assessments/{assessment}", signed_in, bind(w, web::commune_assessment_page),
       "An assessment with its criteria");
  page("POST", "/communes/{id}/assessments/{assessment}/withdraw", signed_in,
       bind(w, web::commune_assessment_withdraw), "Withdraw an assessment with a reason (kept in history)");
  upload("/communes/{id}/assessments/{assessment}/evidence", signed_in, bind(w, web::commune_assessment_files_add),
         "Attach more evidence files to an assessment", evidence_form);
  page("POST", "/communes/{id}/assessments/{assessment}/evidence/{evidence}/withdraw", signed_in,
       bind(w, web::commune_assessment_file_withdraw), "Take an evidence file off an assessment (kept, with why)");
  page("POST", "/communes/{id}/assignments/{assignment}", assigners, bind(w, web::commune_assignment_update),
       "Edit an assignment (version-checked)");
  page("POST", "/communes/{id}/assignments/{assignment}/end", assigners, bind(w, web::commune_assignment_end),
       "End an assignment from a date (kept in history)");
  page("POST", "/communes/{id}/recognitions", signed_in, bind(w, web::commune_recognition_add),
       "Record a recognition (or revocation) of the commune's standard");
  page("POST", "/communes/{id}/recognitions/{recognition}/withdraw", signed_in,
       bind(w, web::commune_recognition_withdraw), "Withdraw a recognition entry typed in error");
  page("GET", "/criteria", signed_in, bind(w, web::criteria_sets_page), "Criteria sets with their periods and citations");
  page("GET", "/criteria/{id}", signed_in, bind(w, web::criteria_set_page), "A criteria set: criteria and indicators");
  page("POST", "/criteria/{id}/criteria/{criterion}/indicators", admin, bind(w, web::criteria_indicator_add),
       "Add an indicator to a criterion (installation administrator)");
  page("POST", "/criteria/{id}/indicators/{indicator}/retire", admin, bind(w, web::criteria_indicator_retire),
       "Retire an indicator (kept, no longer asked)");

  // The register of initiatives (sáng kiến) and what each was used as a basis for. Anyone of
  // the agency reads it; the Office manages it; staff register and edit their own.
  page("GET", "/initiatives", signed_in, bind(w, web::initiatives_page),
       "Initiatives and research topics: search, filter by year, level, field, author");
  page("GET", "/initiatives/export.xlsx", signed_in, bind(w, web::initiatives_export),
       "The filtered initiatives as XLSX (authors joined, uses)");
  page("GET", "/initiatives/new", signed_in, bind(w, web::initiative_new), "Form for a new initiative");
  page("POST", "/initiatives", signed_in, bind(w, web::initiative_create),
       "Register an initiative (the Office; staff as one of its authors)");
  page("GET", "/initiatives/{id}", signed_in, bind(w, web::initiative_page),
       "An initiative: authors, recognition, uses as a basis, history");
  page("GET", "/initiatives/{id}/edit", signed_in, bind(w, web::initiative_edit), "Form to edit an initiative");
  page("POST", "/initiatives/{id}", signed_in, bind(w, web::initiative_update), "Save an initiative (version-checked)");
  page("POST", "/initiatives/{id}/withdraw", signed_in, bind(w, web::initiative_withdraw),
       "Withdraw an initiative from the register (kept, with who and why)");
  page("POST", "/initiatives/{id}/uses", managers, bind(w, web::initiative_use_add),
       "Record a use of the initiative as a basis (imported history, corrections)");
  page("POST", "/initiatives/{id}/uses/{use}/release", managers, bind(w, web::initiative_use_release),
       "Release a use of the initiative (its nomination was not accepted)");

  // The yearly evaluation (bình xét): everyone of the agency sees the page of a movement and
  // year and their own sheets; the service checks every action (the Office manages templates
  // and closes; the subject scores; the unit head and the Office review). Literal paths before {id}.
  page("GET", "/evaluations", signed_in, bind(w, web::evaluations_page),
       "The evaluation of a movement and year: status, history, templates, my sheets");
  page("POST", "/evaluations/copy", managers, bind(w, web::evaluation_copy_last_year),
       "Copy last year's template of a subject kind (one click)");
  page("POST", "/evaluations/{id}/close", managers, bind(w, web::evaluation_close),
       "Close the evaluation with a reason: sheets become read-only");
  page("POST", "/evaluations/{id}/reopen", managers, bind(w, web::evaluation_reopen),
       "Reopen the evaluation with a reason");
  page("GET", "/evaluations/templates/new", managers, bind(w, web::evaluation_template_new),
       "Form for a new scoring template");
  page("POST", "/evaluations/templates", managers, bind(w, web::evaluation_template_create),
       "Create a scoring template");
  page("GET", "/evaluations/templates/{id}", signed_in, bind(w, web::evaluation_template_page),
       "A scoring template: groups, criteria, formulas, bands");
  page("GET", "/evaluations/templates/{id}/edit", managers, bind(w, web::evaluation_template_edit),
       "Form to edit a scoring template");
  page("POST", "/evaluations/templates/{id}", managers, bind(w, web::evaluation_template_update),
       "Save a scoring template (version-checked; refused once applied)");
  page("POST", "/evaluations/templates/{id}/apply", managers, bind(w, web::evaluation_template_apply),
       "Apply a template to every unit or person of the agency (one click)");
  page("GET", "/evaluations/templates/{id}/ranking", signed_in, bind(w, web::evaluation_ranking_page),
       "Ranking of a template (?unit=ID): bands, ties, who has not submitted, chart; a cluster's cross-scores");
  page("POST", "/evaluations/templates/{id}/cluster-scores", managers, bind(w, web::evaluation_cluster_score),
       "An agency of the cluster scores another");
  page("GET", "/evaluations/sheets/{id}", signed_in, bind(w, web::evaluation_sheet_page),
       "A scoring sheet: criteria, rounds side by side, computed records, total, band, history");
  upload("/evaluations/sheets/{id}", signed_in, bind(w, web::evaluation_sheet_save),
         "The subject's own scores with evidence per criterion (and submit with then=submit)", evidence_form);
  page("POST", "/evaluations/sheets/{id}/submit", signed_in, bind(w, web::evaluation_sheet_submit),
       "Submit a sheet for review");
  upload("/evaluations/sheets/{id}/review", signed_in, bind(w, web::evaluation_sheet_review),
         "Review a sheet (a changed score needs its reason), with evidence", evidence_form);
  page("POST", "/evaluations/sheets/{id}/return", signed_in, bind(w, web::evaluation_sheet_return),
       "Return a sheet to its subject with a reason");
  page("POST", "/evaluations/sheets/{id}/final", managers, bind(w, web::evaluation_sheet_finalise),
       "Make a reviewed sheet final (the Office)");

  // The yearly evaluation's ranked lists as files (issue 8): XLSX, and the annex of the
  // evaluation minutes as DOCX and PDF; ?unit=ID for one unit's list. The service checks who
  // may read the list (overseers; a unit head their unit's).
  page("GET", "/evaluations/templates/{id}/ranking.xlsx", signed_in, bind(w, web::evaluation_ranking_xlsx),
       "A template's ranked list as XLSX (groups' points, bonus, penalty, band; who has not submitted)");
  page("GET", "/evaluations/templates/{id}/ranking.docx", signed_in, bind(w, web::evaluation_ranking_docx),
       "The evaluation minutes' annex (ranked list with bands) as DOCX");
  page("GET", "/evaluations/templates/{id}/ranking.pdf", signed_in, bind(w, web::evaluation_ranking_pdf),
       "The evaluation minutes' annex (ranked list with bands) as PDF");

  // Commendation, part 1 (issue 6): eligibility for titles and forms. Everyone of the agency
  // opens the list (the service shows each reader their part: overseers all, a unit head their
  // units, staff their own row); the Office records the inputs. Literal paths before any {id}.
  page("GET", "/eligibility", signed_in, bind(w, web::eligibility_page),
       "Eligibility of a unit and year (?year=&unit=): each person and the unit, verdicts with why and citations");
  page("GET", "/eligibility.xlsx", signed_in, bind(w, web::eligibility_xlsx),
       "The eligibility list as XLSX, with every condition's sentence and citation");
  page("GET", "/eligibility/history", signed_in, bind(w, web::eligibility_rating_history),
       "A person's or unit's task-completion ratings of a year, corrections with their reasons");
  page("POST", "/eligibility/ratings", managers, bind(w, web::eligibility_rating_save),
       "Record a task-completion rating (a correction needs its reason)");
  page("POST", "/eligibility/sanctions", managers, bind(w, web::eligibility_sanction_save), "Record a sanction");
  page("POST", "/eligibility/cases", managers, bind(w, web::eligibility_case_save),
       "Record a pending discipline, inspection, investigation or complaint");
  page("POST", "/eligibility/cases/{id}/close", managers, bind(w, web::eligibility_case_close),
       "Close a pending case on the day it was settled (it no longer blocks awards from then)");
  page("POST", "/eligibility/leaves", managers, bind(w, web::eligibility_leave_save), "Record a maternity leave");
  page("GET", "/eligibility/import", managers, bind(w, web::eligibility_import_form),
       "Import ratings or past awards from XLSX: upload form");
  add(RouteKind::page, "POST", "/eligibility/import", managers, bind(w, web::eligibility_import_preview),
      "Import ratings or past awards: check every row, nothing written", true, 20 << 20);
  page("POST", "/eligibility/import/commit", managers, bind(w, web::eligibility_import_commit),
       "Import ratings or past awards: every row in one transaction");
  // Decisions, certificates and higher awards (issue 6, part D). Everyone of the agency reads
  // the register; the service checks each action (the Office drafts, the Office or a leader
  // issues and withdraws). /verify is public: a certificate's QR code opens it without sign-in.
  page("GET", "/decisions", signed_in, bind(w, web::decisions_page),
       "The register of award decisions of a year (?year=): number, date, title, awardees, bonuses, status");
  page("GET", "/decisions/export.xlsx", signed_in, bind(w, web::decisions_export),
       "The register of a year as XLSX (?year=): decisions, and every awardee with form and bonus");
  page("GET", "/decisions/new", signed_in, bind(w, web::decision_new),
       "Form for a new decision, with the next free number (the Office)");
  page("POST", "/decisions", signed_in, bind(w, web::decision_create),
       "Create a draft decision (a number used that year is refused)");
  page("GET", "/decisions/{id}", signed_in, bind(w, web::decision_page),
       "A decision: awardees with bonuses, edit while draft, issue, withdraw, documents, certificates, history");
  page("POST", "/decisions/{id}", signed_in, bind(w, web::decision_update), "Save a draft decision (version-checked)");
  page("POST", "/decisions/{id}/awardees", signed_in, bind(w, web::decision_awardee_add),
       "Add an awardee (person, unit or household) with form, basis and achievement");
  page("POST", "/decisions/{id}/awardees/nominations", signed_in, bind(w, web::decision_awardees_from_nominations),
       "Add the council's approved nominations chosen (each awardee keeps its nomination, decided on issue)");
  page("POST", "/decisions/{id}/awardees/{awardee}/remove", signed_in, bind(w, web::decision_awardee_remove),
       "Remove an awardee from a draft");
  page("POST", "/decisions/{id}/households", signed_in, bind(w, web::decision_household_add),
       "Record a household that can be commended (the Office)");
  page("POST", "/decisions/{id}/issue", signed_in, bind(w, web::decision_issue),
       "Issue: freeze, write the awards into the history, make the certificates (Office or leader)");
  page("POST", "/decisions/{id}/withdraw", signed_in, bind(w, web::decision_withdraw),
       "Withdraw an issued decision with a reason (kept; its awards marked withdrawn)");
  page("GET", "/decisions/{id}/decision.docx", signed_in, bind(w, web::decision_docx),
       "The decision with its annex of awardees as DOCX");
  page("GET", "/decisions/{id}/decision.pdf", signed_in, bind(w, web::decision_pdf),
       "The decision with its annex of awardees as PDF");
  page("GET", "/decisions/{id}/certificates.pdf", signed_in, bind(w, web::decision_certificates_pdf),
       "Certificates as PDF (?paper=plain|preprinted, ?certificate=ID for one)");
  page("GET", "/certificate-layout", signed_in, bind(w, web::certificate_layout_page),
       "Positions of the printed fields on the agency's pre-printed certificate blanks");
  page("POST", "/certificate-layout", signed_in, bind(w, web::certificate_layout_save),
       "Save the blanks' layout (the Office; version-checked)");
  page("GET", "/certificate-layout/sample.pdf", signed_in, bind(w, web::certificate_layout_sample),
       "A sample print on the layout, with guide crosses");
  page("GET", "/verify", Access::anyone(), bind(w, web::verify_form), "Verify a certificate: type its code (public)");
  page("GET", "/verify/{code}", Access::anyone(), bind(w, web::verify_page),
       "A certificate's verification (public): who, what, which decision, valid or withdrawn");
  page("GET", "/higher-awards", signed_in, bind(w, web::higher_awards_page),
       "Proposals of higher awards to the province and their status");
  page("GET", "/higher-awards/new", signed_in, bind(w, web::higher_award_new), "Form for a new proposal (the Office)");
  page("POST", "/higher-awards", signed_in, bind(w, web::higher_award_create), "Create a proposal (Tờ trình)");
  page("GET", "/higher-awards/{id}", signed_in, bind(w, web::higher_award_page),
       "A proposal: subjects, send, the province's answer, files, history");
  page("POST", "/higher-awards/{id}", signed_in, bind(w, web::higher_award_update),
       "Save a draft or returned proposal (version-checked)");
  page("POST", "/higher-awards/{id}/subjects", signed_in, bind(w, web::higher_award_subject_add),
       "Propose a person, unit or household");
  page("POST", "/higher-awards/{id}/subjects/{subject}/remove", signed_in, bind(w, web::higher_award_subject_remove),
       "Remove a proposed subject");
  page("POST", "/higher-awards/{id}/send", signed_in, bind(w, web::higher_award_send), "Send the proposal");
  page("POST", "/higher-awards/{id}/return", signed_in, bind(w, web::higher_award_return),
       "The province returned it, with the reason");
  page("POST", "/higher-awards/{id}/decide", signed_in, bind(w, web::higher_award_decide),
       "Record the province's decision: the awards enter the history");
  page("GET", "/higher-awards/{id}/submission.docx", signed_in, bind(w, web::higher_award_submission_docx),
       "The submission (Tờ trình) as DOCX");
  page("GET", "/higher-awards/{id}/submission.pdf", signed_in, bind(w, web::higher_award_submission_pdf),
       "The submission (Tờ trình) as PDF");
  page("GET", "/higher-awards/{id}/bundle.zip", signed_in, bind(w, web::higher_award_bundle),
       "The dossier bundle for the province (ZIP: submission, evidence, manifest)");
  // Issue 6, nominations and the council (part h6c). Unit heads and the Office nominate; the
  // Office returns and accepts; the council's secretary (or the Office) runs a session; each
  // member votes from their own account. The services check every right.
  page("GET", "/nominations", signed_in, bind(w, web::nominations_page),
       "Nominations of the agency with filters (year, status, form)");
  page("GET", "/nominations/export.xlsx", signed_in, bind(w, web::nominations_export),
       "The nominations list as XLSX, with the same filters");
  page("GET", "/nominations/new", signed_in, bind(w, web::nomination_new),
       "Nominate a person, unit or household (?subject=person:ID&form=CODE&year=YYYY from the eligible list)");
  page("POST", "/nominations", signed_in, bind(w, web::nomination_create), "Create a nomination");
  page("GET", "/nominations/{id}", signed_in, bind(w, web::nomination_page),
       "A nomination: the rules' verdict, dossier checklist, achievement report, history");
  page("POST", "/nominations/{id}", signed_in, bind(w, web::nomination_edit),
       "Edit a nomination's justification (draft or returned; version-checked)");
  page("POST", "/nominations/{id}/step", signed_in, bind(w, web::nomination_step),
       "Submit, resubmit, return (with a reason) or accept a nomination");
  page("POST", "/nominations/{id}/report", signed_in, bind(w, web::nomination_report),
       "Save a new version of the achievement report");
  upload("/nominations/{id}/files", signed_in, bind(w, web::nomination_file),
         "Add a file to an item of the nomination's dossier", evidence_max + (1 << 20));
  page("GET", "/council-sessions", signed_in, bind(w, web::council_sessions_page),
       "The council's sessions; the Office creates one");
  page("POST", "/council-sessions", managers, bind(w, web::council_session_create),
       "Create a council session for the council term in force on its date");
  page("GET", "/council-sessions/{id}", signed_in, bind(w, web::council_session_page),
       "A council session: agenda, attendance, quorum, items with their results once closed");
  page("POST", "/council-sessions/{id}/items", managers, bind(w, web::council_session_add_item),
       "Put an accepted nomination on the agenda");
  page("POST", "/council-sessions/{id}/attendance", signed_in, bind(w, web::council_session_attendance),
       "Record a member present or absent (the secretary or the Office)");
  page("POST", "/council-sessions/{id}/items/{item}/opinion", signed_in, bind(w, web::council_session_opinion),
       "Record an absent member's written opinion on an item");
  page("POST", "/council-sessions/{id}/items/{item}/open", signed_in, bind(w, web::council_item_open),
       "Open an item for voting once the quorum is met");
  page("POST", "/council-sessions/{id}/items/{item}/close", signed_in, bind(w, web::council_item_close),
       "Close an item: count the ballot against the threshold, approve or reject the nomination");
  page("POST", "/council-sessions/{id}/close", signed_in, bind(w, web::council_session_close),
       "Close a session whose items are all closed");
  page("POST", "/council-sessions/{id}/disclosure", managers, bind(w, web::council_session_disclosure),
       "Publish or withdraw the public list of the session's candidates");
  page("GET", "/council-sessions/{id}/ballot", signed_in, bind(w, web::council_ballot_page),
       "A member's ballot: the open items they may vote on");
  page("POST", "/council-sessions/{id}/items/{item}/vote", signed_in, bind(w, web::council_ballot_vote),
       "Cast the member's secret vote on an open item");
  page("GET", "/council-sessions/{id}/minutes.docx", signed_in, bind(w, web::council_minutes_docx),
       "The session's minutes (biên bản) as DOCX");
  page("GET", "/council-sessions/{id}/minutes.pdf", signed_in, bind(w, web::council_minutes_pdf),
       "The session's minutes (biên bản) as PDF");
  page("GET", "/public/council-sessions/{id}/candidates", Access::anyone(), bind(w, web::council_public_candidates),
       "Public disclosure of a session's candidates (names, units, forms), when the Office allows it");


  // ---- JSON API ------------------------------------------------------------------------
  api_public("GET", "/api/v1/ping", bind(a, api::ping), "Liveness check");
  api("GET", "/api/v1/me", Access::signed_in(), bind(a, api::me), "The signed-in user");
  // Commendation, part 1 (issue 6): eligibility (the service limits it to what the caller may see).
  api("GET", "/api/v1/eligibility", Access::signed_in(), bind(a, api::get_eligibility),
      "Eligibility for titles and forms of an agency's people and units for a year (?agency=&year=[&unit=])");
  // issue 7 follow-up: the dashboard's figures as JSON.
  api("GET", "/api/v1/dashboard", Access::signed_in(), bind(a, api::get_dashboard),
      "A movement's follow-up figures over a period (?agency=&movement=&from=&to=&unit=&person=)");
  api("GET", "/api/v1/users", admin, bind(a, api::list_users), "List user accounts");
  api("POST", "/api/v1/users", admin, bind(a, api::create_user), "Create a user account");
  api("GET", "/api/v1/users/{login}", Access::signed_in(), bind(a, api::get_user), "One user account");
  // Evidence files: read by those who may read the record (attached through the record's routes).
  api("GET", "/api/v1/evidence/{id}", signed_in, bind(a, api::get_evidence), "An evidence file's details");
  api("GET", "/api/v1/evidence/{id}/file", signed_in, bind(a, api::get_evidence_file), "An evidence file's bytes");
  api("GET", "/api/v1/evidence/{id}/thumb", signed_in, bind(a, api::get_evidence_thumb),
      "A thumbnail (at most 320 px) of an image evidence file");

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
  // Movements and their plans.
  const auto api_leaders = Access::any_of({Role::admin, Role::leader});
  api("GET", "/api/v1/movements", Access::signed_in(), bind(a, api::list_movements), "Movements of an agency");
  api("POST", "/api/v1/movements", api_managers, bind(a, api::create_movement), "Draft a new movement");
  api("GET", "/api/v1/movements/{id}", Access::signed_in(), bind(a, api::get_movement),
      "A movement with its plan items, tasks and units' plans");
  api("PUT", "/api/v1/movements/{id}", api_managers, bind(a, api::update_movement),
      "Update the plan's document details (version-checked)");
  api("POST", "/api/v1/movements/{id}/items", api_managers, bind(a, api::add_plan_item), "Add an item to the plan");
  api("PUT", "/api/v1/movements/{id}/items/{item}", api_managers, bind(a, api::update_plan_item), "Edit a plan item");
  api("POST", "/api/v1/movements/{id}/items/{item}/move", api_managers, bind(a, api::move_plan_item),
      "Move a plan item up or down");
  api("DELETE", "/api/v1/movements/{id}/items/{item}", api_managers, bind(a, api::delete_plan_item),
      "Remove a plan item (kept in the audit log)");
  api("POST", "/api/v1/movements/{id}/launch", api_leaders, bind(a, api::launch_movement),
      "Approve and launch a movement");
  api("POST", "/api/v1/movements/{id}/copy", api_managers, bind(a, api::copy_movement),
      "Copy a movement into next period's draft");
  api("PUT", "/api/v1/movements/{id}/tasks/{task}", Access::signed_in(), bind(a, api::update_task),
      "Mark a task done or open");
  // Pledges, notifications, covenants. Literal paths before {id}.
  api("GET", "/api/v1/pledges", Access::signed_in(), bind(a, api::list_pledges),
      "Pledges the caller sees (filters: movement, year, unit, status)");
  api("POST", "/api/v1/pledges", Access::signed_in(), bind(a, api::create_pledge), "Make a pledge (a draft)");
  api("GET", "/api/v1/pledges/missing", Access::signed_in(), bind(a, api::pledges_missing),
      "Per unit: the unit's pledge and who has not registered");
  api("POST", "/api/v1/pledges/reminders", api_managers, bind(a, api::pledge_reminders),
      "Remind those who have not registered (once a day each)");
  api("PUT", "/api/v1/pledges/deadline", api_managers, bind(a, api::set_pledge_deadline),
      "Set the deadline of a movement's year");
  api("GET", "/api/v1/pledges/{id}", Access::signed_in(), bind(a, api::get_pledge), "A pledge with its history and rights");
  api("PUT", "/api/v1/pledges/{id}", Access::signed_in(), bind(a, api::update_pledge),
      "Edit a draft or returned pledge (version-checked)");
  api("POST", "/api/v1/pledges/{id}/submit", Access::signed_in(), bind(a, api::submit_pledge), "Submit a pledge");
  api("POST", "/api/v1/pledges/{id}/return", Access::signed_in(), bind(a, api::return_pledge),
      "Return a pledge with a comment");
  api("POST", "/api/v1/pledges/{id}/approve", Access::signed_in(), bind(a, api::approve_pledge), "Approve a pledge");
  api("POST", "/api/v1/pledges/{id}/withdraw", Access::signed_in(), bind(a, api::withdraw_pledge), "Withdraw a pledge");
  api("GET", "/api/v1/notifications", Access::signed_in(), bind(a, api::list_notifications),
      "The caller's notifications, newest first, with the unread count");
  api("POST", "/api/v1/notifications/read-all", Access::signed_in(), bind(a, api::read_all_notifications),
      "Mark all the caller's notifications read");
  api("POST", "/api/v1/notifications/{id}/read", Access::signed_in(), bind(a, api::read_notification),
      "Mark a notification read");
  api("GET", "/api/v1/covenants", Access::signed_in(), bind(a, api::list_covenants),
      "Covenants the agency is a party to (filter: year)");
  api("POST", "/api/v1/covenants", api_managers, bind(a, api::create_covenant), "Record a cluster's covenant");
  api("GET", "/api/v1/covenants/{id}", Access::signed_in(), bind(a, api::get_covenant), "A covenant with its parties");
  api("POST", "/api/v1/covenants/{id}/withdraw", api_managers, bind(a, api::withdraw_covenant),
      "Withdraw a covenant recorded by mistake");
  add(RouteKind::api, "POST", "/api/v1/covenants/{id}/files", api_managers, bind(a, api::add_covenant_files),
      "Attach files to a covenant (multipart, field file)", true, evidence_form, true);
  // Achievements and progress. Literal paths before {id}.
  api("GET", "/api/v1/achievements", Access::signed_in(), bind(a, api::list_achievements),
      "Achievements the caller sees (scope, movement, year, unit, person, item, commune, kind, status, page)");
  api("POST", "/api/v1/achievements", Access::signed_in(), bind(a, api::create_achievement),
      "Record an achievement (a draft; submit: true sends it for verification)");
  api("GET", "/api/v1/achievements/queue", api_managers, bind(a, api::achievement_queue),
      "Submitted achievements, oldest submission first (the Office)");
  api("POST", "/api/v1/achievements/verify", api_managers, bind(a, api::verify_achievements),
      "Verify several achievements, all or none");
  api("GET", "/api/v1/achievements/{id}", Access::signed_in(), bind(a, api::get_achievement),
      "An achievement with its history and evidence");
  api("PUT", "/api/v1/achievements/{id}", Access::signed_in(), bind(a, api::update_achievement),
      "Edit an achievement (version-checked; a verified one by the Office only)");
  api("POST", "/api/v1/achievements/{id}/submit", Access::signed_in(), bind(a, api::submit_achievement),
      "Send an achievement for verification");
  api("POST", "/api/v1/achievements/{id}/verify", api_managers, bind(a, api::verify_achievement),
      "Verify an achievement");
  api("POST", "/api/v1/achievements/{id}/return", api_managers, bind(a, api::return_achievement),
      "Return an achievement with a comment");
  api("POST", "/api/v1/achievements/{id}/withdraw", Access::signed_in(), bind(a, api::withdraw_achievement),
      "Withdraw an achievement (kept in the history)");
  add(RouteKind::api, "POST", "/api/v1/achievements/{id}/evidence", Access::signed_in(),
      bind(a, api::add_achievement_evidence), "Attach evidence files (multipart, field file)", true, evidence_form,
      true);
  api("POST", "/api/v1/achievements/{id}/evidence/{evidence}/withdraw", Access::signed_in(),
      bind(a, api::withdraw_achievement_evidence), "Take an evidence file off an achievement");
  api("GET", "/api/v1/progress", Access::signed_in(), bind(a, api::progress_overview),
      "Progress of every unit of the agency (movement, year)");
  api("GET", "/api/v1/progress/units/{id}", Access::signed_in(), bind(a, api::progress_unit),
      "A unit's progress against its pledge (movement, year)");
  api("GET", "/api/v1/progress/people/{id}", Access::signed_in(), bind(a, api::progress_person),
      "A person's progress against their pledge (movement, year)");
  // The communes the agency supports.
  const auto api_keepers = Access::any_of({Role::admin, Role::authority});
  const auto api_assigners = Access::any_of({Role::admin, Role::office, Role::authority});
  api("GET", "/api/v1/communes", Access::signed_in(), bind(a, api::list_communes),
      "The agency's communes with their latest assessment, support totals and the yardsticks");
  api("GET", "/api/v1/communes/{id}", Access::signed_in(), bind(a, api::get_commune),
      "A commune: history, assignments, latest assessment, recognitions, support ledger");
  api("GET", "/api/v1/communes/{id}/assessments", Access::signed_in(), bind(a, api::list_assessments),
      "A commune's assessments with their criteria");
  api("POST", "/api/v1/communes/{id}/assessments", Access::signed_in(), bind(a, api::create_assessment),
      "Record an assessment of every criterion of the set in force");
  api("GET", "/api/v1/communes/{id}/assessments/{assessment}", Access::signed_in(), bind(a, api::get_assessment),
      "One assessment");
  api("POST", "/api/v1/communes/{id}/assessments/{assessment}/withdraw", Access::signed_in(),
      bind(a, api::withdraw_assessment), "Withdraw an assessment with a reason");
  add(RouteKind::api, "POST", "/api/v1/communes/{id}/assessments/{assessment}/evidence", Access::signed_in(),
      bind(a, api::add_assessment_evidence), "Attach evidence files to an assessment (multipart, field file)", true,
      evidence_form, true);
  api("POST", "/api/v1/communes/{id}/assessments/{assessment}/evidence/{evidence}/withdraw", Access::signed_in(),
      bind(a, api::withdraw_assessment_evidence), "Take an evidence file off an assessment");
  api("POST", "/api/v1/communes/{id}/recognitions", Access::signed_in(), bind(a, api::create_recognition),
      "Record a recognition (or revocation) of the commune's standard");
  api("POST", "/api/v1/communes/{id}/recognitions/{recognition}/withdraw", Access::signed_in(),
      bind(a, api::withdraw_recognition), "Withdraw a recognition entry typed in error");
  api("POST", "/api/v1/commune-assignments", api_assigners, bind(a, api::create_assignment),
      "Assign a commune to an agency");
  api("GET", "/api/v1/commune-assignments/{id}", Access::signed_in(), bind(a, api::get_assignment),
      "One assignment");
  api("PUT", "/api/v1/commune-assignments/{id}", api_assigners, bind(a, api::update_assignment),
      "Edit an assignment (version-checked)");
  api("POST", "/api/v1/commune-assignments/{id}/end", api_assigners, bind(a, api::end_assignment),
      "End an assignment from a date");
  api("GET", "/api/v1/criteria-sets", Access::signed_in(), bind(a, api::list_criteria_sets),
      "Criteria sets with criteria and indicators (or the one in force on a date)");
  api("POST", "/api/v1/criteria-sets/{id}/criteria/{criterion}/indicators", admin, bind(a, api::add_indicator),
      "Add an indicator to a criterion (installation administrator)");
  api("POST", "/api/v1/criteria-sets/{id}/indicators/{indicator}/retire", admin, bind(a, api::retire_indicator),
      "Retire an indicator");
  api("GET", "/api/v1/commune-catalogue", Access::signed_in(), bind(a, api::list_catalogue),
      "The catalogue of communes (or one, with its history, by ?code=)");
  api("POST", "/api/v1/commune-catalogue", api_keepers, bind(a, api::create_catalogue_commune),
      "Add a commune to the catalogue");
  api("POST", "/api/v1/commune-catalogue/changes", api_keepers, bind(a, api::change_catalogue_commune),
      "Correct, rename, merge, dissolve a commune or set its group, by official code (version-checked)");
  // The register of initiatives.
  api("GET", "/api/v1/initiatives", Access::signed_in(), bind(a, api::list_initiatives),
      "Initiatives of an agency: search and filters");
  api("POST", "/api/v1/initiatives", Access::signed_in(), bind(a, api::create_initiative),
      "Register an initiative (the Office; staff as one of its authors)");
  api("GET", "/api/v1/initiatives/{id}", Access::signed_in(), bind(a, api::get_initiative),
      "An initiative with its authors, uses as a basis and history");
  api("PUT", "/api/v1/initiatives/{id}", Access::signed_in(), bind(a, api::update_initiative),
      "Edit an initiative (version-checked)");
  api("POST", "/api/v1/initiatives/{id}/withdraw", Access::signed_in(), bind(a, api::withdraw_initiative),
      "Withdraw an initiative from the register");
  api("POST", "/api/v1/initiatives/{id}/uses", api_managers, bind(a, api::add_initiative_use),
      "Record a use of the initiative as a basis (refused when already used by that author)");
  api("POST", "/api/v1/initiatives/{id}/uses/{use}/release", api_managers, bind(a, api::release_initiative_use),
      "Release a use of the initiative");
  // The yearly evaluation (issue 8): templates, sheets, reviews, rankings, close and reopen.
  // The service checks each right (the Office's, a subject's own sheet, a reviewer's round).
  api("POST", "/api/v1/evaluation-templates", Access::signed_in(), bind(a, api::create_evaluation_template),
      "Create a scoring template for a movement, year and subject kind (the Office)");
  api("GET", "/api/v1/evaluation-templates/{id}", Access::signed_in(), bind(a, api::get_evaluation_template),
      "A scoring template with its groups, criteria, bands and evaluation");
  api("POST", "/api/v1/evaluation-templates/{id}/apply", Access::signed_in(), bind(a, api::apply_evaluation_template),
      "Make a sheet for every unit or person of the agency that has none (the Office)");
  api("GET", "/api/v1/evaluation-templates/{id}/ranking", Access::signed_in(), bind(a, api::get_evaluation_ranking),
      "The ranked list of a template (?unit=), with bands and who has not submitted");
  api("GET", "/api/v1/score-sheets/{id}", Access::signed_in(), bind(a, api::get_score_sheet),
      "A score sheet with its entries, total, band and history");
  api("PUT", "/api/v1/score-sheets/{id}/self", Access::signed_in(), bind(a, api::self_assess_score_sheet),
      "Self-assessment of a sheet's criteria typed by hand (version-checked)");
  api("POST", "/api/v1/score-sheets/{id}/submit", Access::signed_in(), bind(a, api::submit_score_sheet),
      "Submit a sheet for review (version-checked)");
  api("POST", "/api/v1/score-sheets/{id}/review", Access::signed_in(), bind(a, api::review_score_sheet),
      "A reviewer's scores beside the subject's, with the reason for a change (version-checked)");
  api("POST", "/api/v1/evaluations/{id}/close", Access::signed_in(), bind(a, api::close_evaluation),
      "Close an evaluation with a reason: its sheets become read-only (the Office)");
  api("POST", "/api/v1/evaluations/{id}/reopen", Access::signed_in(), bind(a, api::reopen_evaluation),
      "Reopen a closed evaluation with a reason (the Office)");
  // Decisions (issue 6, part D): the register, one decision, a draft, its awardees, issuing.
  api("GET", "/api/v1/decisions", Access::signed_in(), bind(a, api::list_decisions),
      "The award decisions of an agency and year (?agency=, ?year=), with the next free number");
  api("POST", "/api/v1/decisions", Access::signed_in(), bind(a, api::create_decision),
      "Create a draft decision (the Office; a number used that year is refused)");
  api("GET", "/api/v1/decisions/{id}", Access::signed_in(), bind(a, api::get_decision),
      "A decision with its awardees, bonuses and certificates");
  api("POST", "/api/v1/decisions/{id}/awardees", Access::signed_in(), bind(a, api::add_decision_awardees),
      "Add awardees to a draft (all or none), e.g. the nominations the council approved");
  api("POST", "/api/v1/decisions/{id}/issue", Access::signed_in(), bind(a, api::issue_decision),
      "Issue a decision (Office or leader; version-checked): awards into the history, certificates made");
  // Issue 6, nominations and the council (part h6c): the services check each right.
  api("GET", "/api/v1/nominations", Access::signed_in(), bind(a, api::list_nominations),
      "Nominations of an agency (?agency=, ?year=, ?status=, ?form=)");
  api("GET", "/api/v1/nominations/{id}", Access::signed_in(), bind(a, api::get_nomination),
      "A nomination with its dossier checklist, achievement report and history");
  api("POST", "/api/v1/council-sessions/{id}/items/{item}/vote", Access::signed_in(), bind(a, api::cast_council_vote),
      "Cast the caller's secret vote on an open item ({\"choice\": \"approve\" | \"disapprove\"}); 204, no counts");
  // issue 7 review reports and sending (h7rr): the services check each right (the Office
  // writes and records; leaders, council and the authority above read). No edit or delete of
  // a sending, by design.
  page("GET", "/movements/{id}/reports", signed_in, bind(w, web::review_reports_page),
       "A movement's review reports (yearly, mid-term, final): drafts, form to create one");
  page("POST", "/movements/{id}/reports", signed_in, bind(w, web::review_report_create),
       "Create a review report draft (the Office)");
  page("GET", "/movements/{id}/reports/{report}", signed_in, bind(w, web::review_report_page),
       "A review report draft: its text blocks, files, saved versions, the sending form");
  page("POST", "/movements/{id}/reports/{report}", signed_in, bind(w, web::review_report_save),
       "Save a review report's text (version-checked; each version kept)");
  page("GET", "/movements/{id}/reports/{report}/file", signed_in, bind(w, web::review_report_file),
       "The review report as DOCX, PDF or XLSX (?format=), figures gathered now");
  upload("/movements/{id}/reports/{report}/send", signed_in, bind(w, web::review_report_send),
         "Record a sending: the file generated from the draft or the signed scan uploaded", 51u << 20);
  page("GET", "/reports/sent", signed_in, bind(w, web::reports_sent_page),
       "Reports the agency sent (and, for an authority, those sent to it)");
  page("GET", "/reports/sent/{id}/file", signed_in, bind(w, web::report_sent_file),
       "The exact file that was sent (SHA-256 checked)");
  api("GET", "/api/v1/movements/{id}/reports", Access::signed_in(), bind(a, api::list_review_reports),
      "A movement's review report drafts");
  api("POST", "/api/v1/movements/{id}/reports", Access::signed_in(), bind(a, api::create_review_report),
      "Create a review report draft ({kind: annual|midterm|final, year})");
  api("GET", "/api/v1/movements/{id}/reports/{report}", Access::signed_in(), bind(a, api::get_review_report),
      "A review report draft with its saved versions");
  api("PUT", "/api/v1/movements/{id}/reports/{report}", Access::signed_in(), bind(a, api::save_review_report),
      "Save a review report's text blocks (version-checked)");
  api("GET", "/api/v1/movements/{id}/reports/{report}/file", Access::signed_in(), bind(a, api::review_report_file),
      "The review report as DOCX, PDF or XLSX (?format=)");
  api("POST", "/api/v1/movements/{id}/reports/{report}/sendings", Access::signed_in(),
      bind(a, api::send_review_report), "Record a sending of the report generated in the format asked");
  api("GET", "/api/v1/report-sendings", Access::signed_in(), bind(a, api::list_report_sendings),
      "The agency's reports sent (?agency=, ?movement=, ?kind=, ?year=)");
  api("GET", "/api/v1/report-sendings/received", Access::signed_in(), bind(a, api::received_report_sendings),
      "Reports sent to the caller's authority by the agencies below it");
  api("GET", "/api/v1/report-sendings/{id}", Access::signed_in(), bind(a, api::get_report_sending),
      "One sending");
  api("GET", "/api/v1/report-sendings/{id}/file", Access::signed_in(), bind(a, api::report_sending_file),
      "The exact file that was sent (SHA-256 checked)");
  // issue 7 statistics and province (part h7sf): the statutory forms of Circular
  // 02/2023/TT-BNV for an agency's overseers (the service checks the agency), and the province
  // mode for the authority (the service refuses anyone without an authority grant).
  const auto stat_readers = Access::any_of({Role::admin, Role::office, Role::leader, Role::council, Role::authority});
  const auto authority = Access::any_of({Role::authority});
  page("GET", "/statistics", stat_readers, bind(w, web::statistics_page),
       "Statistical forms 0601–0603.N/BNV-TĐKT of an agency and year (?form=, ?year=, ?agency=), previewed");
  page("POST", "/statistics/record", managers, bind(w, web::statistics_record),
       "Record a statistical form as sent: the file generated now is kept as sent (ReportSendingService)");
  page("GET", "/statistics/export", stat_readers, bind(w, web::statistics_export),
       "A statistical form as XLSX or PDF (?form=, ?year=, ?agency=, ?format=xlsx|pdf)");
  page("GET", "/province", authority, bind(w, web::province_page),
       "Province mode: reports received, cluster rankings, totals across the agencies under the authority");
  page("GET", "/province/totals.xlsx", authority, bind(w, web::province_totals_xlsx),
       "The province totals of a year as XLSX (per agency, awards by form, the three forms summed)");
  page("GET", "/province/forms/export", authority, bind(w, web::province_form_export),
       "A statistical form summed over the province as XLSX or PDF (?form=, ?year=, ?format=)");
  api("GET", "/api/v1/statistics/{form}", Access::signed_in(), bind(a, api::get_statistics_form),
      "A statistical form (0601, 0602, 0603) of an agency and year as JSON (?year=, ?agency=)");
  api("GET", "/api/v1/province/totals", Access::signed_in(), bind(a, api::get_province_totals),
      "Totals of a year across the agencies under the caller's authority (?year=)");
  return r;
}

}  // namespace thidua::app
