// GET /decisions/{id}/decision.{docx,pdf} and /decisions/{id}/certificates.pdf
// (?paper=plain|preprinted, ?certificate=ID for one).

#include <algorithm>

#include "documents/docx_writer.hpp"
#include "documents/pdf_writer.hpp"
#include "services/decision_document.hpp"
#include "web/decision_pages.hpp"

namespace thidua::web {

namespace {

Result<Decision> decision_of(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto v = deps.decisions->get(*ctx.principal, *id);
  if (!v) return fail(v.error());
  return std::move(v->decision);
}

}  // namespace

Result<http::Response> decisions_export(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  const int year = std::max(0, year_param(q->value("year")));
  auto bytes = services::decisions_xlsx(*deps.decisions, *ctx.principal, *agency, year);
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "so-quyet-dinh-khen-thuong-" + (year ? std::to_string(year) : std::string("nam")) +
                                          ".xlsx");
}

Result<http::Response> decision_docx(const WebDeps& deps, http::Context& ctx) {
  auto d = decision_of(deps, ctx);
  if (!d) return fail(d.error());
  auto bytes = documents::write_docx(services::decision_document(*d));
  if (!bytes) return fail(bytes.error());
  return decision_download(std::move(*bytes), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                           services::decision_file_name(*d, "docx"), false);
}

Result<http::Response> decision_pdf(const WebDeps& deps, http::Context& ctx) {
  auto d = decision_of(deps, ctx);
  if (!d) return fail(d.error());
  auto bytes = documents::write_pdf(services::decision_document(*d));
  if (!bytes) return fail(bytes.error());
  return decision_download(std::move(*bytes), "application/pdf", services::decision_file_name(*d, "pdf"), true);
}

Result<http::Response> decision_certificates_pdf(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  std::optional<std::int64_t> one;
  if (auto typed = q->value("certificate"); !typed.empty()) {
    auto c = id_param(typed);
    if (!c) return fail(c.error());
    one = *c;
  }
  const auto paper = q->value("paper") == "preprinted" ? documents::CertificatePaper::preprinted
                                                        : documents::CertificatePaper::plain;
  auto file = deps.certificates->pdf(*ctx.principal, *id, one, paper);
  if (!file) return fail(file.error());
  return decision_download(std::move(file->bytes), "application/pdf", file->file_name, true);
}

}  // namespace thidua::web
