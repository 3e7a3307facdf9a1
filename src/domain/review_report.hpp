#pragma once
/// A review report's draft (issue 7): the yearly summary, the mid-term review (sơ kết) or the
/// final review (tổng kết) of a movement. The draft keeps what the Office writes — the text
/// blocks and the document's number, date and signer; the figures are gathered when the
/// document is made, so the draft never holds stale numbers.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace thidua {

/// annual: one calendar year; midterm: from the plan's start to the mid-term review;
/// final: the whole period of the movement.
enum class ReviewKind { annual, midterm, final_review };
std::string_view to_string(ReviewKind k);
std::optional<ReviewKind> parse_review_kind(std::string_view s);

/// The text blocks the Office edits, in the order the report prints them.
struct ReviewText {
  std::string title;         ///< the trích yếu
  std::string doc_number;    ///< "125"; empty in a draft
  std::string doc_symbol;    ///< "BC-BDT"
  std::string doc_date;      ///< ISO; may be empty
  std::string place;         ///< "Cao Bằng"
  std::string header_parent;
  std::string header_agency;
  std::string opening;       ///< the opening paragraph(s): the plan carried out, the summary
  std::string work_intro;    ///< how the content items were carried out, before their figures
  std::string shortcomings;  ///< tồn tại, hạn chế và nguyên nhân
  std::string lessons;       ///< bài học kinh nghiệm
  std::string next_steps;    ///< phương hướng, nhiệm vụ; đề xuất, kiến nghị
  std::string signer_mark;
  std::string signer_title;
  std::string signer_name;
};

struct ReviewReport {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t movement_id = 0;
  std::string movement_title;
  ReviewKind kind = ReviewKind::final_review;
  int year = 0;
  std::string period_from;  ///< ISO
  std::string period_to;
  ReviewText text;
  std::optional<std::int64_t> created_by;
  std::string created_at;
  std::string updated_by_name;
  std::string updated_at;
  std::int64_t version = 1;
};

/// One saved version of the text, for the history.
struct ReviewRevision {
  std::int64_t version = 0;
  std::string content;  ///< the text blocks as JSON
  std::string saved_by_name;
  std::string saved_at;
};

}  // namespace thidua
