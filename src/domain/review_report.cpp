#include "domain/review_report.hpp"

#include "domain/enum_names.hpp"

namespace thidua {

namespace {

constexpr detail::EnumNames<ReviewKind, 3> kReviewKinds{{
    {ReviewKind::annual, "annual"},
    {ReviewKind::midterm, "midterm"},
    {ReviewKind::final_review, "final"},
}};

}  // namespace

std::string_view to_string(ReviewKind k) { return detail::name_of(kReviewKinds, k); }
std::optional<ReviewKind> parse_review_kind(std::string_view s) { return detail::parse_from(kReviewKinds, s); }

}  // namespace thidua
