#pragma once
/// Review report drafts (review_report) and the text of each saved version
/// (review_report_revision).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/review_report.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

std::int64_t insert_review_report(Tx& tx, const ReviewReport& r, std::optional<std::int64_t> by, const std::string& at);
/// Saves the text when `version` is still the stored one; false when it is stale.
bool update_review_text(Tx& tx, std::int64_t id, std::int64_t version, const ReviewText& t,
                        std::optional<std::int64_t> by, const std::string& at);
std::optional<ReviewReport> find_review_report(Tx& tx, std::int64_t id);
std::optional<std::int64_t> review_report_id(Tx& tx, std::int64_t movement_id, ReviewKind kind, int year);
/// The movement's drafts: final first, then mid-term, then the years, newest first.
std::vector<ReviewReport> list_review_reports(Tx& tx, std::int64_t movement_id);
void insert_review_revision(Tx& tx, std::int64_t report_id, std::int64_t version, const std::string& content,
                            std::optional<std::int64_t> by, const std::string& at);
std::vector<ReviewRevision> review_revisions(Tx& tx, std::int64_t report_id);

}  // namespace thidua::storage
