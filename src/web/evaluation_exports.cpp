// GET /evaluations/templates/{id}/ranking.{xlsx,docx,pdf}[?unit=ID] (see evaluation_exports.hpp).

#include "web/evaluation_exports.hpp"

#include "documents/docx_writer.hpp"
#include "documents/pdf_writer.hpp"
#include "services/evaluation_export.hpp"

namespace thidua::web {

namespace {

/// The ranking of the route's template, for the unit of `?unit=` when given (a unit that is
/// not a number is refused on the field).
Result<services::RankingExport> read_export(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  std::optional<std::int64_t> unit;
  if (auto typed = q->value("unit"); !typed.empty()) {
    auto u = id_param(typed);
    if (!u) return fail(u.error());
    unit = *u;
  }
  return services::ranking_export(*deps.evaluations, *deps.movements, *ctx.principal, *id, unit);
}

http::Response download(std::string bytes, const char* type, const std::string& name, bool inline_) {
  http::Response r;
  r.content_type = type;
  r.body = std::move(bytes);
  r.header("Content-Disposition", std::string(inline_ ? "inline" : "attachment") + "; filename=\"" + name + "\"");
  r.header("Cache-Control", "private, no-store");
  return r;
}

}  // namespace

Result<http::Response> evaluation_ranking_xlsx(const WebDeps& deps, http::Context& ctx) {
  auto e = read_export(deps, ctx);
  if (!e) return fail(e.error());
  auto bytes = services::ranking_xlsx(e->ranking);
  if (!bytes) return fail(bytes.error());
  return download(std::move(*bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                  services::ranking_file_name(e->ranking, "xlsx"), false);
}

Result<http::Response> evaluation_ranking_docx(const WebDeps& deps, http::Context& ctx) {
  auto e = read_export(deps, ctx);
  if (!e) return fail(e.error());
  auto bytes = documents::write_docx(services::ranking_annex(e->ranking, e->context));
  if (!bytes) return fail(bytes.error());
  return download(std::move(*bytes), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                  services::ranking_file_name(e->ranking, "docx"), false);
}

Result<http::Response> evaluation_ranking_pdf(const WebDeps& deps, http::Context& ctx) {
  auto e = read_export(deps, ctx);
  if (!e) return fail(e.error());
  auto bytes = documents::write_pdf(services::ranking_annex(e->ranking, e->context));
  if (!bytes) return fail(bytes.error());
  return download(std::move(*bytes), "application/pdf", services::ranking_file_name(e->ranking, "pdf"), true);
}

}  // namespace thidua::web
