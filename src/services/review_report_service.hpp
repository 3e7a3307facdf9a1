#pragma once
/// Review reports of a movement (issue 7): the Office keeps one draft per movement, kind and
/// year — the text blocks and the document's number, date and signer, each save versioned
/// (409 when stale) with every earlier version kept — and makes the document from it with the
/// figures of the follow-up, as DOCX, PDF or XLSX. The same document is what a sending stores.
///
/// Periods: annual, one calendar year inside the movement's period; midterm, from the start
/// to the mid-term review (the plan's milestone of kind "midterm", else the end of the year
/// asked); final, the whole period. Rights: the agency's Office and admin create and edit;
/// whoever reads the agency's reports (leaders, council, the authority above) reads and
/// downloads; anyone else gets "not found".

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/review_report.hpp"
#include "domain/role.hpp"
#include "services/follow_up.hpp"
#include "services/review_report_document.hpp"
#include "storage/database.hpp"

namespace thidua::services {

/// A file made from a draft: its bytes, name and type.
struct ReviewFile {
  std::string bytes;
  std::string file_name;
  std::string content_type;
};

/// A recipient the sending form offers: from the plan's recipients, or the agency's parent
/// authority on this installation (`agency_id` set).
struct ReviewRecipient {
  std::string name;
  std::optional<std::int64_t> agency_id;
};

class ReviewReportService {
 public:
  ReviewReportService(std::shared_ptr<storage::Database> db, std::shared_ptr<FollowUpService> follow_up,
                      Clock clock = system_clock());

  /// The movement's drafts.
  Result<std::vector<ReviewReport>> list(const Principal& actor, std::int64_t movement_id);
  Result<ReviewReport> get(const Principal& actor, std::int64_t id);
  /// A new draft with the default text (or the existing one's conflict "report.exists").
  /// `kind` annual|midterm|final, `year` as typed (empty: the kind's default year).
  Result<ReviewReport> create(const Principal& actor, std::int64_t movement_id, const std::string& kind,
                              const std::string& year);
  /// Saves the text blocks when `version` is current (conflict "edit.stale" otherwise).
  Result<ReviewReport> save(const Principal& actor, std::int64_t id, std::int64_t version, const ReviewText& text);
  /// Every saved version, newest first.
  Result<std::vector<ReviewRevision>> history(const Principal& actor, std::int64_t id);
  /// The content of a stored draft, figures gathered now.
  Result<ReviewContent> content(const Principal& actor, std::int64_t id);
  /// The content for a movement, kind and year: the stored draft's text when there is one,
  /// else the default text (the command line makes a report without a draft).
  Result<ReviewContent> content_for(const Principal& actor, std::int64_t movement_id, const std::string& kind,
                                    const std::string& year);
  /// The document of `content` as docx, pdf or xlsx (validation "report.format" otherwise).
  static Result<ReviewFile> render(const ReviewContent& content, const std::string& format);
  /// The recipients a sending of draft `id` may name.
  Result<std::vector<ReviewRecipient>> recipients(const Principal& actor, std::int64_t id);
  /// Whether the actor may create and edit the agency's drafts.
  bool can_edit(const Principal& actor, std::int64_t agency_id) const;

 private:
  std::shared_ptr<storage::Database> db_;
  std::shared_ptr<FollowUpService> follow_up_;
  Clock clock_;
};

/// Who reads an agency's reports and its sendings: the installation administrator, the
/// agency's administrator, Office, leaders and council, and the authority above it.
bool reads_agency_reports(storage::Tx& tx, const Principal& p, std::int64_t agency_id);

}  // namespace thidua::services
