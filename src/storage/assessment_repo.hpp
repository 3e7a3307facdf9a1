#pragma once
/// Criteria sets (loaded from rules/criteria/), their criteria and indicators; assessments of
/// a commune's criteria on a date; the agency's support ledger for a commune (its verified
/// achievements).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/commune.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

// ---- criteria sets ---------------------------------------------------------------------------

/// Every set, oldest first (criteria not filled).
std::vector<CriteriaSet> criteria_sets(Tx& tx);
std::optional<CriteriaSet> find_criteria_set(Tx& tx, std::int64_t id);
std::optional<CriteriaSet> find_criteria_set_by_code(Tx& tx, const std::string& code);
std::int64_t insert_criteria_set(Tx& tx, const CriteriaSet& s, const std::string& at);
void update_criteria_set(Tx& tx, const CriteriaSet& s);
/// The criteria of a set by number (indicators not filled).
std::vector<Criterion> set_criteria(Tx& tx, std::int64_t set_id);
std::optional<Criterion> find_criterion(Tx& tx, std::int64_t id);
std::int64_t insert_criterion(Tx& tx, const Criterion& c);
void update_criterion(Tx& tx, std::int64_t id, const std::string& name, const std::string& group);
/// The indicators of a set's criteria (retired ones too), by criterion then position.
std::vector<Indicator> set_indicators(Tx& tx, std::int64_t set_id);
std::optional<Indicator> find_indicator(Tx& tx, std::int64_t id);
std::int64_t insert_indicator(Tx& tx, const Indicator& i, std::optional<std::int64_t> user_id, const std::string& at);
void set_indicator_status(Tx& tx, std::int64_t id, bool active);
int next_indicator_position(Tx& tx, std::int64_t criterion_id);
/// Whether a recorded assessment holds an item of this criterion (such criteria stay).
bool criterion_assessed(Tx& tx, std::int64_t criterion_id);

// ---- assessments -----------------------------------------------------------------------------

std::int64_t insert_assessment(Tx& tx, const Assessment& a, std::optional<std::int64_t> user_id,
                               const std::string& at);
/// With its items.
std::optional<Assessment> find_assessment(Tx& tx, std::int64_t id);
/// The assessments of a commune by these agencies (withdrawn ones too), oldest first, without
/// items.
std::vector<Assessment> commune_assessments(Tx& tx, std::int64_t commune_id, const std::vector<std::int64_t>& agency_ids);
/// Items of these assessments, by assessment.
std::map<std::int64_t, std::vector<AssessmentItem>> assessment_items(Tx& tx, const std::vector<std::int64_t>& ids);
/// Every recorded assessment of these communes by these agencies, oldest first, without items.
std::vector<Assessment> recorded_assessments(Tx& tx, const std::vector<std::int64_t>& commune_ids,
                                             const std::vector<std::int64_t>& agency_ids);
/// Whether the agency has a recorded assessment of the commune on that date.
bool assessment_on(Tx& tx, std::int64_t commune_id, std::int64_t agency_id, const std::string& date);
/// False when it was already withdrawn.
bool withdraw_assessment(Tx& tx, std::int64_t id, std::optional<std::int64_t> user_id, const std::string& reason,
                         const std::string& at);

// ---- the support ledger ----------------------------------------------------------------------

/// The newest `limit` verified achievements of these agencies for the commune.
std::vector<SupportEntry> support_ledger(Tx& tx, std::int64_t commune_id, const std::vector<std::int64_t>& agency_ids,
                                         int limit);
/// Totals of every verified achievement of these agencies, per commune (communes without any
/// are absent).
std::map<std::int64_t, SupportTotals> support_totals(Tx& tx, const std::vector<std::int64_t>& commune_ids,
                                                     const std::vector<std::int64_t>& agency_ids);

}  // namespace thidua::storage
