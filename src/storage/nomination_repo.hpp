#pragma once
/// Nominations in storage: the nomination, its events (every step with who, when and why), its
/// achievement report's versions, and the lookups the nomination service needs (a household's
/// name, the heads of a unit).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/award.hpp"
#include "domain/nomination.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

struct NominationRow {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  AwardSubject subject = AwardSubject::person;
  std::int64_t subject_id = 0;
  std::string subject_name;
  std::optional<std::int64_t> unit_id;
  std::string unit_name;  ///< the unit's current name
  AwardForm form = AwardForm::advanced_worker;
  int year = 0;
  std::optional<std::int64_t> movement_id;
  NominationStatus status = NominationStatus::draft;
  NominationVerdict verdict = NominationVerdict::unknown;
  std::string verdict_reasons;  ///< one reason a line
  std::string justification;
  std::optional<std::int64_t> decision_id;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
};

struct NominationEventRow {
  std::string event;
  std::string from_status;
  std::string to_status;
  std::string reason;
  std::string actor;
  std::string at;
};

struct NominationReportRow {
  std::int64_t id = 0;
  std::string body;
  std::string source;  ///< drafted / edited
  std::string author;
  std::string at;
};

struct NominationQuery {
  std::int64_t agency_id = 0;
  std::optional<int> year;
  std::optional<NominationStatus> status;
  std::optional<AwardForm> form;
  /// When set, only nominations of these units or created by `own_user`.
  bool restricted = false;
  std::vector<std::int64_t> units;
  std::optional<std::int64_t> own_user;
  std::vector<std::int64_t> ids;  ///< when not empty, only these
  int limit = 200;
  int offset = 0;
};

std::int64_t insert_nomination(Tx& tx, const NominationRow& n, std::optional<std::int64_t> user_id,
                               const std::string& at);
std::optional<NominationRow> find_nomination(Tx& tx, std::int64_t id);
std::optional<std::int64_t> find_nomination_for(Tx& tx, std::int64_t agency_id, AwardSubject subject,
                                                std::int64_t subject_id, AwardForm form, int year);
std::vector<NominationRow> list_nominations(Tx& tx, const NominationQuery& q);
/// Version-checked; false when the nomination moved on since.
bool set_nomination_status(Tx& tx, std::int64_t id, std::int64_t version, NominationStatus status,
                           const std::string& at);
bool edit_nomination(Tx& tx, std::int64_t id, std::int64_t version, const std::string& justification,
                     std::optional<std::int64_t> movement_id, const std::string& at);
/// approved → decided with the decision; false when it was not approved.
bool set_nomination_decided(Tx& tx, std::int64_t id, std::int64_t decision_id, const std::string& at);
void insert_nomination_event(Tx& tx, std::int64_t nomination_id, const std::string& event, const std::string& from,
                             const std::string& to, const std::string& reason, std::optional<std::int64_t> user_id,
                             const std::string& at);
std::vector<NominationEventRow> nomination_events(Tx& tx, std::int64_t nomination_id);
void insert_nomination_report(Tx& tx, std::int64_t nomination_id, const std::string& body, const std::string& source,
                              std::optional<std::int64_t> user_id, const std::string& at);
/// Oldest first; the last counts.
std::vector<NominationReportRow> nomination_reports(Tx& tx, std::int64_t nomination_id);

/// Who created the nomination (0: an operator).
std::int64_t nomination_created_by(Tx& tx, std::int64_t id);
/// A household's agency and head's name.
std::optional<std::pair<std::int64_t, std::string>> find_household(Tx& tx, std::int64_t id);
/// A household for nominations (until households have their own register).
std::int64_t insert_nomination_household(Tx& tx, std::int64_t agency_id, const std::string& head_name,
                                         const std::string& name_key, const std::string& address,
                                         std::optional<std::int64_t> user_id, const std::string& at);
/// The people who head `unit_id` in `agency_id` (through their accounts' unit_head grants).
std::vector<std::int64_t> unit_head_people(Tx& tx, std::int64_t agency_id, std::int64_t unit_id);

}  // namespace thidua::storage
