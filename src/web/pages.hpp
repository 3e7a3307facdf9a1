#pragma once
/// HTML handlers: one function per page or action (parse → validate → call a service →
/// convert → respond). Each is registered in src/app/routes.cpp.

#include <memory>

#include "http/context.hpp"
#include "http/message.hpp"
#include <chrono>
#include <map>
#include <mutex>

#include "services/achievement_service.hpp"
#include "services/auth_service.hpp"
#include "services/commune_service.hpp"
#include "services/evidence_service.hpp"
#include "services/import_service.hpp"
#include "services/initiative_service.hpp"
#include "services/movement_service.hpp"
#include "services/covenant_service.hpp"
#include "services/notification_service.hpp"
#include "services/org_service.hpp"
#include "services/people_service.hpp"
#include "services/pledge_service.hpp"
#include "services/progress_service.hpp"
#include "services/evaluation_service.hpp"
#include "services/eligibility_service.hpp"  // commendation, part 1 (issue 6)
#include "services/council_session_service.hpp"  // issue 6, part h6c
#include "services/nomination_service.hpp"       // issue 6, part h6c
#include "services/report_sending_service.hpp"   // issue 7 review reports (h7rr)
#include "services/review_report_service.hpp"    // issue 7 review reports (h7rr)
#include "services/user_service.hpp"
#include "services/reminder_service.hpp"  // issue 7 reminders
// Decisions, certificates, higher awards (issue 6, part D).
#include "services/certificate_service.hpp"
#include "services/decision_service.hpp"
#include "services/higher_award_service.hpp"
#include "services/follow_up.hpp"  // issue 7 follow-up
#include "web/views.hpp"
#include "services/statistics_service.hpp"  // issue 7 statistics and province (part h7sf)

namespace thidua::web {

struct WebDeps {
  std::shared_ptr<Views> views;
  std::shared_ptr<services::AuthService> auth;
  std::shared_ptr<services::UserService> users;
  std::shared_ptr<services::PeopleService> people;
  std::shared_ptr<services::OrgService> org;
  std::shared_ptr<services::ImportService> import;
  std::shared_ptr<class UploadStash> uploads;
  std::shared_ptr<services::MovementService> movements;
  /// Rendered list and movement pages by data version; null: every page is rebuilt.
  std::shared_ptr<class PageCache> page_cache;
  /// Pledges, in-app notifications, covenants (set by name, after the others).
  std::shared_ptr<services::PledgeService> pledges = nullptr;
  std::shared_ptr<services::NotificationService> notifications = nullptr;
  std::shared_ptr<services::CovenantService> covenants = nullptr;
  /// The communes the agency supports (set by name, after the others).
  std::shared_ptr<services::CommuneService> communes = nullptr;
  /// Evidence files of records.
  std::shared_ptr<services::EvidenceService> evidence = nullptr;
  /// Achievements and progress against pledges (set by name, after the others).
  std::shared_ptr<services::AchievementService> achievements = nullptr;
  std::shared_ptr<services::ProgressService> progress = nullptr;
  /// Scoring templates, sheets, reviews and rankings (set by name, after the others).
  std::shared_ptr<services::EvaluationService> evaluations = nullptr;
  /// The register of initiatives (set by name, after the others).
  std::shared_ptr<services::InitiativeService> initiatives = nullptr;
  /// Commendation, part 1 (issue 6): eligibility and its inputs (set by name, after the others).
  std::shared_ptr<services::EligibilityService> eligibility = nullptr;
  /// Decisions, certificates, higher awards (issue 6, part D; set by name, after the others).
  std::shared_ptr<services::DecisionService> decisions = nullptr;
  std::shared_ptr<services::CertificateService> certificates = nullptr;
  std::shared_ptr<services::HigherAwardService> higher_awards = nullptr;
  // Issue 6, nominations and the council (part h6c): set by name, after the others.
  std::shared_ptr<services::NominationService> nominations = nullptr;
  std::shared_ptr<services::CouncilSessionService> council_sessions = nullptr;
  // issue 7 follow-up: the figures behind the dashboards (set by name, after the others).
  std::shared_ptr<services::FollowUpService> follow_up = nullptr;
  // issue 7 reminders: users' e-mail addresses (set by name, after the others).
  std::shared_ptr<services::ReminderService> reminders = nullptr;
  // issue 7 review reports and sending (h7rr): set by name, after the others.
  std::shared_ptr<services::ReviewReportService> review_reports = nullptr;
  std::shared_ptr<services::ReportSendingService> report_sendings = nullptr;
  // issue 7 statistics and province (part h7sf): set by name, after the others.
  std::shared_ptr<services::StatisticsService> statistics = nullptr;
};

/// Files uploaded for an import preview, kept in memory until committed (at most 30 minutes,
/// 16 files, each bound to the user who uploaded it).
class UploadStash {
 public:
  std::string put(std::int64_t user_id, std::string name, std::string bytes);
  std::optional<std::pair<std::string, std::string>> take(std::int64_t user_id, const std::string& token);

 private:
  struct Entry {
    std::int64_t user_id;
    std::string name;
    std::string bytes;
    std::chrono::steady_clock::time_point at;
  };
  std::mutex mu_;
  std::map<std::string, Entry> entries_;
};

Result<http::Response> login_form(const WebDeps& deps, http::Context& ctx);
Result<http::Response> login_submit(const WebDeps& deps, http::Context& ctx);
Result<http::Response> logout(const WebDeps& deps, http::Context& ctx);
Result<http::Response> switch_language(const WebDeps& deps, http::Context& ctx);
Result<http::Response> home(const WebDeps& deps, http::Context& ctx);
Result<http::Response> admin_users(const WebDeps& deps, http::Context& ctx);

/// The people list's filter from the query string (q, unit, status, page; the agency).
Result<services::PeopleFilter> people_filter(const WebDeps& deps, http::Context& ctx);
Result<http::Response> people_list(const WebDeps& deps, http::Context& ctx);
Result<http::Response> person_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> person_new(const WebDeps& deps, http::Context& ctx);
Result<http::Response> person_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> person_edit(const WebDeps& deps, http::Context& ctx);
Result<http::Response> person_update(const WebDeps& deps, http::Context& ctx);
Result<http::Response> person_move(const WebDeps& deps, http::Context& ctx);
Result<http::Response> people_import_form(const WebDeps& deps, http::Context& ctx);
Result<http::Response> people_import_preview(const WebDeps& deps, http::Context& ctx);
Result<http::Response> people_import_commit(const WebDeps& deps, http::Context& ctx);
Result<http::Response> people_import_template(const WebDeps& deps, http::Context& ctx);
Result<http::Response> people_export(const WebDeps& deps, http::Context& ctx);

Result<http::Response> units_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> units_export(const WebDeps& deps, http::Context& ctx);
Result<http::Response> unit_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> unit_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> unit_rename(const WebDeps& deps, http::Context& ctx);
Result<http::Response> unit_merge(const WebDeps& deps, http::Context& ctx);
Result<http::Response> unit_close(const WebDeps& deps, http::Context& ctx);
Result<http::Response> unit_split(const WebDeps& deps, http::Context& ctx);

Result<http::Response> agencies_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> agency_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> agencies_export(const WebDeps& deps, http::Context& ctx);
Result<http::Response> agency_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> agency_update(const WebDeps& deps, http::Context& ctx);
Result<http::Response> council_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> council_term_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> council_seat_set(const WebDeps& deps, http::Context& ctx);
Result<http::Response> council_seat_remove(const WebDeps& deps, http::Context& ctx);
Result<http::Response> council_export(const WebDeps& deps, http::Context& ctx);
Result<http::Response> admin_users_export(const WebDeps& deps, http::Context& ctx);
/// issue 7 reminders: an account's e-mail address, set from the users page.
Result<http::Response> admin_user_email(const WebDeps& deps, http::Context& ctx);

Result<http::Response> clusters_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> clusters_export(const WebDeps& deps, http::Context& ctx);
Result<http::Response> cluster_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> cluster_member_add(const WebDeps& deps, http::Context& ctx);
Result<http::Response> cluster_lead_set(const WebDeps& deps, http::Context& ctx);
Result<http::Response> cluster_member_remove(const WebDeps& deps, http::Context& ctx);

Result<http::Response> person_account_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> person_account_link(const WebDeps& deps, http::Context& ctx);
Result<http::Response> person_account_roles(const WebDeps& deps, http::Context& ctx);

/// A form the service refused, to show again on its page: which form (pages with several
/// name theirs), what was typed and the error.
struct Refused {
  std::string form;
  const http::FormData* values = nullptr;
  const Error* error = nullptr;
};
/// The template data of form `form_name`: each of `fields` as typed when it is the refused
/// form (NFC), else empty; `NAME_error` with the message next to a field the error names;
/// `error` the summary for the top of the form (with messages of fields not in the list).
mustache::data form_echo(http::Context& ctx, const Refused* refused, std::string_view form_name,
                         std::initializer_list<std::string_view> fields);
/// The values ticked in a repeated field (checkboxes) of the refused form `form_name`.
std::vector<std::string> checked(const Refused* refused, std::string_view form_name, std::string_view field);
/// Whether a page shows a form again for this error (wrong input, stale edit), rather than
/// the error page.
bool shows_again(const Error& e);
/// A spreadsheet to download as `file_name`.
http::Response xlsx_file(std::string bytes, std::string_view file_name);
/// A message for this answer only, with a secret to copy (a generated password).
struct Notice {
  std::string text;
  std::string secret;
};
/// The person page, with the refused form `refused` (if any) shown again and `notice` (if
/// any) at the top.
Result<http::Response> render_person(const WebDeps& deps, http::Context& ctx, std::int64_t id,
                                     const Refused* refused, unsigned status, const Notice* notice = nullptr);
/// The account card of the person page: the linked account and, for admin and Office, the
/// forms to create, link or change it.
Result<mustache::data> account_card(const WebDeps& deps, http::Context& ctx, std::int64_t person_id,
                                    const Refused* refused);

/// The agency a page works on: `?agency=ID` when the user may read it, else the user's own.
Result<std::int64_t> current_agency(const WebDeps& deps, http::Context& ctx);
/// A route parameter or form field as a positive id; a validation error otherwise.
Result<std::int64_t> id_param(std::string_view text);
/// The current year (Vietnam time).
int this_year();
/// A year typed in a form or query: 0 when empty, -1 when not a number (for the service to name).
int year_param(std::string_view text);
/// `s` percent-encoded for a query string value (unreserved characters kept).
std::string url_encode(std::string_view s);
/// "2022-09-05" → "05/09/2022" (empty stays empty).
std::string display_date(const std::string& iso);
/// The last day of a period that ends (exclusively) on `iso`: "2024-07-01" → "30/06/2024".
std::string display_end_date(const std::string& iso);
/// An audit timestamp in Vietnam time (UTC+7, no daylight saving): "28/11/2026 23:42".
std::string display_timestamp(const std::string& iso_utc);

/// The error page (for the pipeline's PageErrorRenderer).
http::Response error_page(const Views& views, http::Context& ctx, const Error& error, unsigned status);

/// `next` when it is a path on this site ("/x", not "//host" or "/\host"), else "/".
std::string safe_next(std::string_view next);

}  // namespace thidua::web
