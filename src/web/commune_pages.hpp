#pragma once
/// Pages of the communes the agency supports (Xã phụ trách): the overview with its chart, a
/// commune's page (history, assignments, criteria met over time, gaps, support ledger,
/// recognitions), assessments, assignments; the catalogue of communes and its import; the
/// criteria sets and their indicators.

#include "web/pages.hpp"

namespace thidua::web {

// commune_pages.cpp
Result<http::Response> communes_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> communes_export(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_assessments_export(const WebDeps& deps, http::Context& ctx);

// commune_forms.cpp
Result<http::Response> commune_assign_form(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_assign(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_assignment_update(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_assignment_end(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_assessment_new(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_assessment_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_assessment_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_assessment_withdraw(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_assessment_files_add(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_assessment_file_withdraw(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_recognition_add(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_recognition_withdraw(const WebDeps& deps, http::Context& ctx);

// commune_catalogue_pages.cpp
Result<http::Response> commune_catalogue_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_catalogue_export(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_catalogue_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_entry_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_entry_change(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_import_form(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_import_preview(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_import_commit(const WebDeps& deps, http::Context& ctx);
Result<http::Response> commune_import_template(const WebDeps& deps, http::Context& ctx);

// criteria_pages.cpp
Result<http::Response> criteria_sets_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> criteria_set_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> criteria_indicator_add(const WebDeps& deps, http::Context& ctx);
Result<http::Response> criteria_indicator_retire(const WebDeps& deps, http::Context& ctx);

}  // namespace thidua::web
