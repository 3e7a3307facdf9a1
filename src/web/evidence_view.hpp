#pragma once
/// Evidence on pages: the list of a record's files with thumbnails (partials/evidence_list),
/// the file input for a form (partials/evidence_input), the two routes that send a file and
/// its thumbnail, and the step from an uploaded form to the service's EvidenceUpload.
///
/// A page that shows a record's evidence renders the list OUTSIDE its own form (the list may
/// hold withdraw forms) and the input INSIDE a form with enctype="multipart/form-data" posted
/// to a route marked stream_upload; its handler reads ctx.upload_form(), turns the files into
/// EvidenceUpload with evidence_uploads() and calls EvidenceService::attach in its transaction.

#include <string>
#include <string_view>
#include <vector>

#include "domain/evidence.hpp"
#include "http/context.hpp"
#include "http/upload.hpp"
#include "services/evidence_service.hpp"
#include "web/pages.hpp"
#include "web/views.hpp"

namespace thidua::web {

struct EvidenceListOptions {
  /// POST target to withdraw one file, "{id}" replaced by the evidence id (empty: no button),
  /// e.g. "/achievements/12/evidence/{id}/withdraw". The handler reads the field "reason".
  std::string withdraw_action;
  bool show_withdrawn = true;  ///< withdrawn files stay listed (struck out, with who and when)
};

/// kainjow data for partials/evidence_list: has_items, items[{id, file_name, size, type_label,
/// thumb, caption, added_by, added_at (dd/mm/yyyy hh:mm), withdrawn, withdrawn_by,
/// withdrawn_at, reason, withdraw_url}], csrf.
mustache::data evidence_list_data(http::Context& ctx, const std::vector<EvidenceRow>& rows,
                                  const EvidenceListOptions& options = {});
/// The list rendered to HTML, for a page template to insert with {{{evidence_html}}}.
std::string render_evidence_list(const Views& views, http::Context& ctx, const std::vector<EvidenceRow>& rows,
                                 const EvidenceListOptions& options = {});

struct EvidenceInputOptions {
  std::string field = "evidence";  ///< the form field (several files allowed)
  std::string id = "evidence";     ///< the input's id
  std::string error;               ///< a message to show under it (already translated)
  bool images_and_pdf_only = false;
};
/// The file input (with caption field "<field>_caption"), for inside a multipart form.
std::string render_evidence_input(const Views& views, http::Context& ctx, const services::EvidenceService& evidence,
                                  const EvidenceInputOptions& options = {});

/// An uploaded file as the service takes it.
services::EvidenceUpload to_evidence_upload(const http::UploadedFile& f, std::string caption = {});
/// Every file sent in `field` (the caption from "<field>_caption" on each).
std::vector<services::EvidenceUpload> evidence_uploads(const http::UploadForm& form,
                                                       std::string_view field = "evidence");

/// GET /evidence/{id}: the file itself (inline for PDF and images, else attachment).
Result<http::Response> evidence_file(const WebDeps& deps, http::Context& ctx);
/// GET /evidence/{id}/thumb: a small JPEG or PNG of an image evidence.
Result<http::Response> evidence_thumb(const WebDeps& deps, http::Context& ctx);

}  // namespace thidua::web
