#pragma once
/// Pages of movements and their plans: the list, the plan editor (header fields and items of
/// each section), preview and downloads (DOCX, PDF), launch, copy, tasks, units' sub-plans.

#include "web/pages.hpp"

namespace thidua::web {

Result<http::Response> movements_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> movement_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> movement_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> movement_update(const WebDeps& deps, http::Context& ctx);
Result<http::Response> movement_item_add(const WebDeps& deps, http::Context& ctx);
Result<http::Response> movement_item_update(const WebDeps& deps, http::Context& ctx);
Result<http::Response> movement_item_move(const WebDeps& deps, http::Context& ctx);
Result<http::Response> movement_item_delete(const WebDeps& deps, http::Context& ctx);
Result<http::Response> movement_launch(const WebDeps& deps, http::Context& ctx);
Result<http::Response> movement_copy(const WebDeps& deps, http::Context& ctx);
Result<http::Response> movement_preview(const WebDeps& deps, http::Context& ctx);
/// The stylesheet of document previews (documents::html_preview_css).
Result<http::Response> document_preview_css(const WebDeps& deps, http::Context& ctx);
Result<http::Response> movement_docx(const WebDeps& deps, http::Context& ctx);
Result<http::Response> movement_pdf(const WebDeps& deps, http::Context& ctx);
Result<http::Response> movement_task_update(const WebDeps& deps, http::Context& ctx);
Result<http::Response> movement_unit_plan_add(const WebDeps& deps, http::Context& ctx);
Result<http::Response> movement_unit_plan_file(const WebDeps& deps, http::Context& ctx);

/// The home page's list of open tasks of launched movements for the signed-in user.
mustache::data home_tasks(const WebDeps& deps, http::Context& ctx);

}  // namespace thidua::web
