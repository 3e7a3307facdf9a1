#pragma once
/// Reports an agency sends (issue 7): the review reports of a movement (yearly, mid-term,
/// final), the statistical forms of Circular 02/2023/TT-BNV, and the record of each sending —
/// to whom, how, when, with the exact file that went out.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace thidua {

/// What was sent. review_*: the movement's review report (báo cáo sơ kết / tổng kết, yearly
/// summary); form_*: the statistical forms 0601–0603.N/BNV-TĐKT; other: any other report.
enum class ReportKind { review_annual, review_midterm, review_final, form_0601, form_0602, form_0603, other };
std::string_view to_string(ReportKind k);
std::optional<ReportKind> parse_report_kind(std::string_view s);

/// How it went out: by post, by e-mail, through the e-government document system (văn bản điện
/// tử), by hand, or inside this installation (the recipient sees it here).
enum class SendChannel { post, email, egov, hand, system };
std::string_view to_string(SendChannel c);
std::optional<SendChannel> parse_send_channel(std::string_view s);

/// One sending, never changed after it was recorded.
struct ReportSending {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::string agency_name;
  ReportKind kind = ReportKind::other;
  std::optional<std::int64_t> movement_id;
  int year = 0;
  std::string period_from;  ///< ISO date, may be empty
  std::string period_to;
  std::string title;
  std::string recipient;
  std::optional<std::int64_t> recipient_agency_id;
  SendChannel channel = SendChannel::post;
  std::string sent_on;  ///< ISO date
  std::string doc_ref;  ///< "125/BC-BDT", may be empty
  std::string file_sha256;
  std::string file_name;
  std::string content_type;
  long long file_size = 0;
  std::string note;
  std::optional<std::int64_t> created_by;
  std::string created_by_name;
  std::string created_at;
};

}  // namespace thidua
