#pragma once
/// Pages of review reports (issue 7): a movement's report drafts with the form to create one,
/// a draft with its text blocks (version-checked), its files (DOCX, PDF, XLSX), its saved
/// versions and the form recording a sending; the agency's history of reports sent with the
/// exact file of each.

#include "web/pages.hpp"

namespace thidua::web {

Result<http::Response> review_reports_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> review_report_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> review_report_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> review_report_save(const WebDeps& deps, http::Context& ctx);
Result<http::Response> review_report_file(const WebDeps& deps, http::Context& ctx);
Result<http::Response> review_report_send(const WebDeps& deps, http::Context& ctx);
Result<http::Response> reports_sent_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> report_sent_file(const WebDeps& deps, http::Context& ctx);

}  // namespace thidua::web
