#pragma once
/// Pages of the yearly evaluation (bình xét): the evaluation of a movement and year with its
/// templates, close/reopen and the user's sheets (evaluation_pages.cpp); a template, its form
/// (evaluation_template_form.cpp); a sheet with its rounds and actions (evaluation_sheet_page.cpp);
/// the ranking and a cluster's cross-scores (evaluation_ranking_page.cpp).

#include "web/pages.hpp"

namespace thidua::web {

Result<http::Response> evaluations_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> evaluation_close(const WebDeps& deps, http::Context& ctx);
Result<http::Response> evaluation_reopen(const WebDeps& deps, http::Context& ctx);
Result<http::Response> evaluation_copy_last_year(const WebDeps& deps, http::Context& ctx);
Result<http::Response> evaluation_template_apply(const WebDeps& deps, http::Context& ctx);

Result<http::Response> evaluation_template_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> evaluation_template_new(const WebDeps& deps, http::Context& ctx);
Result<http::Response> evaluation_template_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> evaluation_template_edit(const WebDeps& deps, http::Context& ctx);
Result<http::Response> evaluation_template_update(const WebDeps& deps, http::Context& ctx);

Result<http::Response> evaluation_sheet_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> evaluation_sheet_save(const WebDeps& deps, http::Context& ctx);
Result<http::Response> evaluation_sheet_submit(const WebDeps& deps, http::Context& ctx);
Result<http::Response> evaluation_sheet_review(const WebDeps& deps, http::Context& ctx);
Result<http::Response> evaluation_sheet_return(const WebDeps& deps, http::Context& ctx);
Result<http::Response> evaluation_sheet_finalise(const WebDeps& deps, http::Context& ctx);

Result<http::Response> evaluation_ranking_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> evaluation_cluster_score(const WebDeps& deps, http::Context& ctx);

/// Shared by the evaluation pages: a status badge's colour, a subject kind's label.
std::string sheet_status_color(SheetStatus s);
mustache::data sheet_row_data(http::Context& ctx, const storage::SheetRow& s);
/// Sets `key` only when `value` is not empty (a section of the template shows it only then).
inline void set_text(mustache::data& d, const std::string& key, const std::string& value) {
  if (!value.empty()) d.set(key, value);
}
/// A field message of a refused form, with its parameters ("{max}") filled in.
std::string field_message(http::Context& ctx, const Error& e, const FieldError& f);

}  // namespace thidua::web
