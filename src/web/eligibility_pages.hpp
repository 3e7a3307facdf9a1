#pragma once
/// Pages of eligibility for commendation (issue 6, part 1): the list of a unit and year — each
/// person and the unit with a verdict badge per title or form and an expandable "why" listing
/// every condition with its citation, a link to nominate where eligible — with the Office's
/// inputs (rating, sanction, pending case, leave); a subject's rating history; the list as XLSX;
/// ratings imported from XLSX (preview, then all or nothing).

#include "web/pages.hpp"

namespace thidua::web {

Result<http::Response> eligibility_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> eligibility_xlsx(const WebDeps& deps, http::Context& ctx);
Result<http::Response> eligibility_rating_history(const WebDeps& deps, http::Context& ctx);
Result<http::Response> eligibility_rating_save(const WebDeps& deps, http::Context& ctx);
Result<http::Response> eligibility_sanction_save(const WebDeps& deps, http::Context& ctx);
Result<http::Response> eligibility_case_save(const WebDeps& deps, http::Context& ctx);
/// The Office closes a pending case on the day it was settled.
Result<http::Response> eligibility_case_close(const WebDeps& deps, http::Context& ctx);
Result<http::Response> eligibility_leave_save(const WebDeps& deps, http::Context& ctx);
/// XLSX imports of ratings and past awards (eligibility_import_pages.cpp).
Result<http::Response> eligibility_import_form(const WebDeps& deps, http::Context& ctx);
Result<http::Response> eligibility_import_preview(const WebDeps& deps, http::Context& ctx);
Result<http::Response> eligibility_import_commit(const WebDeps& deps, http::Context& ctx);

}  // namespace thidua::web
