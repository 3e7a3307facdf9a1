#pragma once
/// JSON handlers under /api/v1: one function per action. Registered in src/app/routes.cpp and
/// described in docs/openapi.yaml.

#include <cstdint>
#include <memory>
#include <optional>

#include <boost/json.hpp>

#include "http/context.hpp"
#include "http/message.hpp"
#include "services/achievement_service.hpp"
#include "services/auth_service.hpp"
#include "services/initiative_service.hpp"
#include "services/evidence_service.hpp"
#include "services/commune_service.hpp"
#include "services/covenant_service.hpp"
#include "services/movement_service.hpp"
#include "services/notification_service.hpp"
#include "services/org_service.hpp"
#include "services/people_service.hpp"
#include "services/pledge_service.hpp"
#include "services/progress_service.hpp"
#include "services/evaluation_service.hpp"
#include "services/eligibility_service.hpp"  // commendation, part 1 (issue 6)
// Decisions (issue 6, part D).
#include "services/decision_service.hpp"
#include "services/council_session_service.hpp"  // issue 6, part h6c
#include "services/nomination_service.hpp"       // issue 6, part h6c
#include "services/report_sending_service.hpp"   // issue 7 review reports (h7rr)
#include "services/review_report_service.hpp"    // issue 7 review reports (h7rr)
#include "services/user_service.hpp"
#include "services/statistics_service.hpp"  // issue 7 statistics and province (part h7sf)
#include "services/follow_up.hpp"  // issue 7 follow-up

namespace thidua::api {

struct ApiDeps {
  std::shared_ptr<services::AuthService> auth;
  std::shared_ptr<services::UserService> users;
  std::string version;
  std::shared_ptr<services::PeopleService> people;
  std::shared_ptr<services::OrgService> org;
  std::shared_ptr<services::MovementService> movements;
  /// Evidence files of records (set by name, after the others).
  std::shared_ptr<services::EvidenceService> evidence = nullptr;
  /// Pledges, notifications, covenants (set by name, after the others).
  std::shared_ptr<services::PledgeService> pledges = nullptr;
  std::shared_ptr<services::NotificationService> notifications = nullptr;
  std::shared_ptr<services::CovenantService> covenants = nullptr;
  /// The communes the agency supports (set by name, after the others).
  std::shared_ptr<services::CommuneService> communes = nullptr;
  /// Achievements and progress against pledges (set by name, after the others).
  std::shared_ptr<services::AchievementService> achievements = nullptr;
  std::shared_ptr<services::ProgressService> progress = nullptr;
  /// Scoring templates, sheets, reviews and rankings (set by name, after the others).
  std::shared_ptr<services::EvaluationService> evaluations = nullptr;
  /// The register of initiatives (set by name, after the others).
  std::shared_ptr<services::InitiativeService> initiatives = nullptr;
  /// Commendation, part 1 (issue 6): eligibility (set by name, after the others).
  std::shared_ptr<services::EligibilityService> eligibility = nullptr;
  /// Decisions (issue 6, part D; set by name, after the others).
  std::shared_ptr<services::DecisionService> decisions = nullptr;
  // Issue 6, nominations and the council (part h6c): set by name, after the others.
  std::shared_ptr<services::NominationService> nominations = nullptr;
  std::shared_ptr<services::CouncilSessionService> council_sessions = nullptr;
  // issue 7 follow-up: the figures behind the dashboards (set by name, after the others).
  std::shared_ptr<services::FollowUpService> follow_up = nullptr;
  // issue 7 review reports and sending (h7rr): set by name, after the others.
  std::shared_ptr<services::ReviewReportService> review_reports = nullptr;
  std::shared_ptr<services::ReportSendingService> report_sendings = nullptr;
  // issue 7 statistics and province (part h7sf): set by name, after the others.
  std::shared_ptr<services::StatisticsService> statistics = nullptr;
};

Result<http::Response> ping(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> me(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> list_users(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> create_user(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_user(const ApiDeps& deps, http::Context& ctx);

// People (people_api.cpp)
Result<http::Response> list_people(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_person(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> create_person(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> update_person(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> move_person(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> link_person_account(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> set_person_account_roles(const ApiDeps& deps, http::Context& ctx);

// Units, council, agencies, clusters (org_api.cpp)
Result<http::Response> list_units(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> create_unit(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_unit(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> rename_unit(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> merge_unit(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> close_unit(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> split_unit(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> list_council(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> create_council_term(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> set_council_seat(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> remove_council_seat(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> list_agencies(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_agency(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> create_agency(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> update_agency(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> list_clusters(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> create_cluster(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> add_cluster_member(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> set_cluster_lead(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> remove_cluster_member(const ApiDeps& deps, http::Context& ctx);

/// The request body as a JSON object (Content-Type application/json, valid UTF-8).
Result<boost::json::object> json_body(const http::Context& ctx);

// Request parsing shared by the registry handlers (defined in people_api.cpp).

/// A validation error naming one field, with the message key for it.
Error invalid_field(std::string field, std::string key);
/// The numeric route parameter `name` ("/people/{id}"); anything else is "not found", as for
/// an id that does not exist.
Result<std::int64_t> id_param(const http::Context& ctx, const char* name = "id");
/// An integer query parameter: nullopt when absent or empty, a field error when not a number.
Result<std::optional<std::int64_t>> query_int(http::Context& ctx, const char* name);
/// An integer body field (a JSON integer or a string of digits): nullopt when absent or null,
/// a field error otherwise.
Result<std::optional<std::int64_t>> body_int(const boost::json::object& body, const char* name);
/// The `version` a change is based on (optimistic locking): required.
Result<std::int64_t> body_version(const boost::json::object& body);
/// The agency a request is about: `requested` when given, else the caller's own agency. An
/// installation administrator, who has none, must name one. The services decide whether the
/// caller may read or change it.
Result<std::int64_t> agency_for(const http::Context& ctx, std::optional<std::int64_t> requested);

}  // namespace thidua::api
