#pragma once
/// Pages of decisions and certificates (issue 6, part D): the register of a year and a
/// decision with its awardees, issue and withdraw (decision_pages.cpp); its documents and
/// certificates as files (decision_files.cpp); the layout of pre-printed blanks
/// (certificate_pages.cpp); the public verification page (verify_page.cpp); proposals of
/// higher awards (decision_higher_pages.cpp); a subject's award history on the person and unit
/// pages (award_history_data).

#include "web/pages.hpp"

namespace thidua::web {

Result<http::Response> decisions_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> decisions_export(const WebDeps& deps, http::Context& ctx);
Result<http::Response> decision_new(const WebDeps& deps, http::Context& ctx);
Result<http::Response> decision_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> decision_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> decision_update(const WebDeps& deps, http::Context& ctx);
Result<http::Response> decision_awardee_add(const WebDeps& deps, http::Context& ctx);
/// The council's approved nominations chosen on the page, added as awardees at once.
Result<http::Response> decision_awardees_from_nominations(const WebDeps& deps, http::Context& ctx);
Result<http::Response> decision_awardee_remove(const WebDeps& deps, http::Context& ctx);
Result<http::Response> decision_issue(const WebDeps& deps, http::Context& ctx);
Result<http::Response> decision_withdraw(const WebDeps& deps, http::Context& ctx);
Result<http::Response> decision_household_add(const WebDeps& deps, http::Context& ctx);

Result<http::Response> decision_docx(const WebDeps& deps, http::Context& ctx);
Result<http::Response> decision_pdf(const WebDeps& deps, http::Context& ctx);
Result<http::Response> decision_certificates_pdf(const WebDeps& deps, http::Context& ctx);

Result<http::Response> certificate_layout_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> certificate_layout_save(const WebDeps& deps, http::Context& ctx);
Result<http::Response> certificate_layout_sample(const WebDeps& deps, http::Context& ctx);

Result<http::Response> verify_form(const WebDeps& deps, http::Context& ctx);
Result<http::Response> verify_page(const WebDeps& deps, http::Context& ctx);

Result<http::Response> higher_awards_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> higher_award_new(const WebDeps& deps, http::Context& ctx);
Result<http::Response> higher_award_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> higher_award_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> higher_award_update(const WebDeps& deps, http::Context& ctx);
Result<http::Response> higher_award_subject_add(const WebDeps& deps, http::Context& ctx);
Result<http::Response> higher_award_subject_remove(const WebDeps& deps, http::Context& ctx);
Result<http::Response> higher_award_send(const WebDeps& deps, http::Context& ctx);
Result<http::Response> higher_award_return(const WebDeps& deps, http::Context& ctx);
Result<http::Response> higher_award_decide(const WebDeps& deps, http::Context& ctx);
Result<http::Response> higher_award_submission_docx(const WebDeps& deps, http::Context& ctx);
Result<http::Response> higher_award_submission_pdf(const WebDeps& deps, http::Context& ctx);
Result<http::Response> higher_award_bundle(const WebDeps& deps, http::Context& ctx);

/// The "Khen thưởng" card of a person's or unit's page: every award of the subject, newest
/// first (withdrawn ones marked); `has_awards` false when there is none.
mustache::data award_history_data(const WebDeps& deps, http::Context& ctx, AwardSubject subject,
                                  std::int64_t subject_id);

/// Sets `key` only when `value` is not empty (the template shows its section only then).
inline void set_nonempty(mustache::data& d, const std::string& key, const std::string& value) {
  if (!value.empty()) d.set(key, value);
}
/// A file to download (or open inline).
http::Response decision_download(std::string bytes, const char* type, const std::string& name, bool inline_);
/// A status badge's colour.
std::string decision_status_color(DecisionStatus s);
std::string higher_status_color(HigherAwardStatus s);
/// The options of the subject select: "person:12" with the name and unit.
mustache::list candidate_options(const WebDeps& deps, http::Context& ctx, std::int64_t agency_id,
                                 const std::string& selected);

}  // namespace thidua::web
