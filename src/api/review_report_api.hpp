#pragma once
/// Review reports and the record of reports sent as JSON (issue 7): a movement's drafts under
/// /api/v1/movements/{id}/reports, the files made from them, sendings under
/// /api/v1/report-sendings (the agency's, and those received by an authority).

#include "api/handlers.hpp"

namespace thidua::api {

Result<http::Response> list_review_reports(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> create_review_report(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_review_report(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> save_review_report(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> review_report_file(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> send_review_report(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> list_report_sendings(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> received_report_sendings(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_report_sending(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> report_sending_file(const ApiDeps& deps, http::Context& ctx);

}  // namespace thidua::api
