#pragma once
/// The commendation inputs (ratings, sanctions, pending cases, leave, imported past awards)
/// and the facts of an agency's people, units and households for one year, read in bulk for the
/// rules engine. The service checks who may read and write them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/award.hpp"
#include "domain/eligibility.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

struct RatingRow {
  std::int64_t id = 0;
  Rating rating = Rating::completed;
  std::string reason;
  std::string source;
  std::string created_at;
  std::string created_by_name;
};

struct SanctionInput {
  std::int64_t agency_id = 0;
  std::int64_t person_id = 0;
  SanctionLevel level = SanctionLevel::reprimand;
  std::string decided_on;
  std::string ended_on;  ///< "" still in force
  std::string decision_ref;
  std::string note;
};
struct CaseInput {
  std::int64_t agency_id = 0;
  AwardSubject subject = AwardSubject::person;
  std::int64_t subject_id = 0;
  CaseKind kind = CaseKind::complaint;
  std::string opened_on;
  std::string closed_on;
  std::string note;
};
struct LeaveInput {
  std::int64_t agency_id = 0;
  std::int64_t person_id = 0;
  LeaveKind kind = LeaveKind::maternity;
  std::string from;
  std::string to;
  std::string note;
};

std::int64_t insert_rating(Tx& tx, std::int64_t agency_id, AwardSubject subject, std::int64_t subject_id, int year,
                           Rating rating, const std::string& reason, const std::string& source,
                           std::optional<std::int64_t> user_id, const std::string& at);
/// Newest first.
std::vector<RatingRow> rating_history(Tx& tx, AwardSubject subject, std::int64_t subject_id, int year);
std::int64_t insert_sanction(Tx& tx, const SanctionInput& s, std::optional<std::int64_t> user_id, const std::string& at);
std::int64_t insert_case(Tx& tx, const CaseInput& c, std::optional<std::int64_t> user_id, const std::string& at);
/// A case still pending (closed_on empty).
struct OpenCaseRow {
  std::int64_t id = 0;
  AwardSubject subject = AwardSubject::person;
  std::int64_t subject_id = 0;
  CaseKind kind = CaseKind::complaint;
  std::string opened_on;
  std::string note;
};
std::vector<OpenCaseRow> open_cases(Tx& tx, std::int64_t agency_id);
/// False when the case is not the agency's, already closed, or opened after `closed_on`.
bool close_case(Tx& tx, std::int64_t agency_id, std::int64_t case_id, const std::string& closed_on);
std::int64_t insert_leave(Tx& tx, const LeaveInput& l, std::optional<std::int64_t> user_id, const std::string& at);
/// A past award typed from a paper record (source 'imported').
std::int64_t insert_imported_award(Tx& tx, const AwardRecord& a, std::optional<std::int64_t> user_id,
                                   const std::string& at);

/// The facts of every person placed in the agency during `year`, of its active units (members:
/// people placed in them during the year) and of its households, read in nine queries.
/// `as_of`: the day pending cases are judged on. `movement_id`: achievements of that movement only.
EligibilityInput eligibility_facts(Tx& tx, std::int64_t agency_id, int year, const std::string& as_of,
                                   std::optional<std::int64_t> movement_id);

}  // namespace thidua::storage
