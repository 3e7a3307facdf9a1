#pragma once
/// The statutory statistical forms (/statistics) and the province mode (/province), issue 7
/// (part h7sf). Registered in src/app/routes.cpp.

#include <memory>

#include "services/statistics_service.hpp"
#include "web/pages.hpp"

namespace thidua::web {

/// GET /statistics?form=&year=&agency=: choose a form and year, preview it as a table.
Result<http::Response> statistics_page(const WebDeps& deps, http::Context& ctx);
/// POST /statistics/record: the form generated now (PDF or XLSX) recorded as sent, with the
/// recipient, channel, date and number typed (ReportSendingService::record keeps the bytes).
Result<http::Response> statistics_record(const WebDeps& deps, http::Context& ctx);
/// GET /statistics/export?form=&year=&agency=&format=xlsx|pdf
Result<http::Response> statistics_export(const WebDeps& deps, http::Context& ctx);
/// GET /province?year=: received reports, cluster rankings, totals, the province-wide forms.
Result<http::Response> province_page(const WebDeps& deps, http::Context& ctx);
/// GET /province/totals.xlsx?year=
Result<http::Response> province_totals_xlsx(const WebDeps& deps, http::Context& ctx);
/// GET /province/forms/export?form=&year=&format=xlsx|pdf
Result<http::Response> province_form_export(const WebDeps& deps, http::Context& ctx);

}  // namespace thidua::web
