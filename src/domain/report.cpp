#include "domain/report.hpp"

#include "domain/enum_names.hpp"

namespace thidua {

namespace {

constexpr detail::EnumNames<ReportKind, 7> kReportKinds{{
    {ReportKind::review_annual, "review_annual"},
    {ReportKind::review_midterm, "review_midterm"},
    {ReportKind::review_final, "review_final"},
    {ReportKind::form_0601, "form_0601"},
    {ReportKind::form_0602, "form_0602"},
    {ReportKind::form_0603, "form_0603"},
    {ReportKind::other, "other"},
}};

constexpr detail::EnumNames<SendChannel, 5> kSendChannels{{
    {SendChannel::post, "post"},
    {SendChannel::email, "email"},
    {SendChannel::egov, "egov"},
    {SendChannel::hand, "hand"},
    {SendChannel::system, "system"},
}};

}  // namespace

std::string_view to_string(ReportKind k) { return detail::name_of(kReportKinds, k); }
std::optional<ReportKind> parse_report_kind(std::string_view s) { return detail::parse_from(kReportKinds, s); }
std::string_view to_string(SendChannel c) { return detail::name_of(kSendChannels, c); }
std::optional<SendChannel> parse_send_channel(std::string_view s) { return detail::parse_from(kSendChannels, s); }

}  // namespace thidua
