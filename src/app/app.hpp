#pragma once
/// Wiring: opens storage, builds the services, the views and the route table. main.cpp and
/// the tests both start from here.

#include <memory>
#include <string>

#include "app/config.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "services/achievement_service.hpp"
#include "services/auth_service.hpp"
#include "services/commune_service.hpp"
#include "services/covenant_service.hpp"
#include "services/evidence_service.hpp"
#include "services/file_store.hpp"
#include "services/import_service.hpp"
#include "services/initiative_service.hpp"
#include "services/movement_service.hpp"
#include "services/notification_service.hpp"
#include "services/org_service.hpp"
#include "services/password.hpp"
#include "services/people_service.hpp"
#include "services/pledge_service.hpp"
#include "services/progress_service.hpp"
#include "services/evaluation_service.hpp"
#include "services/eligibility_service.hpp"  // commendation, part 1 (issue 6)
// Decisions, certificates, higher awards (issue 6, part D).
#include "services/certificate_service.hpp"
#include "services/decision_service.hpp"
#include "services/higher_award_service.hpp"
#include "services/council_session_service.hpp"  // issue 6, part h6c
#include "services/nomination_service.hpp"       // issue 6, part h6c
#include "services/reminder_service.hpp"         // issue 7 reminders
#include "services/user_service.hpp"
#include "services/follow_up.hpp"  // issue 7 follow-up
// issue 7 review reports and sending (h7rr).
#include "services/report_sending_service.hpp"
#include "services/review_report_service.hpp"
#include "services/statistics_service.hpp"  // issue 7 statistics and province (part h7sf)
#include "storage/database.hpp"
#include "text/catalogue.hpp"

namespace thidua::app {

inline constexpr const char* kVersion = "0.1.0";

struct Services {
  Config config;
  std::shared_ptr<storage::Database> db;
  std::shared_ptr<const text::Catalogue> catalogue;
  std::shared_ptr<services::PasswordHasher> hasher;
  std::shared_ptr<services::AuthService> auth;
  std::shared_ptr<services::UserService> users;
  std::shared_ptr<services::PeopleService> people;
  std::shared_ptr<services::OrgService> org;
  std::shared_ptr<services::ImportService> import;
  std::shared_ptr<services::FileStore> files;
  std::shared_ptr<services::MovementService> movements;
  std::shared_ptr<services::InitiativeService> initiatives;
  std::shared_ptr<services::PledgeService> pledges;
  std::shared_ptr<services::NotificationService> notifications;
  std::shared_ptr<services::CovenantService> covenants;
  std::shared_ptr<services::CommuneService> communes;
  std::shared_ptr<services::EvidenceService> evidence;
  std::shared_ptr<services::AchievementService> achievements;
  std::shared_ptr<services::ProgressService> progress;
  std::shared_ptr<services::EvaluationService> evaluations;
  // Commendation, part 1 (issue 6): the rules engine and eligibility.
  std::shared_ptr<services::EligibilityService> eligibility;
  // Decisions, certificates, higher awards (issue 6, part D).
  std::shared_ptr<services::DecisionService> decisions;
  std::shared_ptr<services::CertificateService> certificates;
  std::shared_ptr<services::HigherAwardService> higher_awards;
  // Issue 6, nominations and the council (part h6c).
  std::shared_ptr<services::NominationService> nominations;
  std::shared_ptr<services::CouncilSessionService> council_sessions;
  // issue 7 follow-up: the figures behind the dashboards and review reports.
  std::shared_ptr<services::FollowUpService> follow_up;
  // issue 7 reminders: the pass the scheduler in `serve` and `thidua remind` run.
  std::shared_ptr<services::ReminderService> reminders;
  // issue 7 review reports and sending (h7rr).
  std::shared_ptr<services::ReviewReportService> review_reports;
  std::shared_ptr<services::ReportSendingService> report_sendings;
  // issue 7 statistics and province (part h7sf)
  std::shared_ptr<services::StatisticsService> statistics;
};

/// Opens the database (migrating it when `migrate` is set) and builds the services.
Result<Services> open_services(const Config& config, bool migrate);

/// Where uploads wait while a request runs: <data_dir>/tmp.
std::filesystem::path upload_dir(const Config& config);

/// The message catalogue compiled into the binary.
Result<std::shared_ptr<const text::Catalogue>> load_catalogue();

}  // namespace thidua::app
