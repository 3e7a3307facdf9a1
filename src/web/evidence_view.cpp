#include "web/evidence_view.hpp"

#include "services/file_store.hpp"

namespace thidua::web {

namespace {

std::string size_text(std::int64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  if (bytes < (1 << 20)) return std::to_string((bytes + 512) / 1024) + " KB";
  auto tenths = (bytes * 10 + (1 << 19)) >> 20;
  return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10) + " MB";
}

/// "PDF", "JPEG", "DOCX" … for the icon of a file without a thumbnail.
std::string type_label(const std::string& content_type) { return services::type_names({content_type}); }

}  // namespace

mustache::data evidence_list_data(http::Context& ctx, const std::vector<EvidenceRow>& rows,
                                  const EvidenceListOptions& options) {
  mustache::list items;
  for (const auto& e : rows) {
    if (!e.active() && !options.show_withdrawn) continue;
    mustache::data d;
    d.set("id", std::to_string(e.id));
    d.set("file_name", e.file_name);
    d.set("size", size_text(e.size));
    d.set("type_label", type_label(e.content_type));
    if (e.is_image()) d.set("thumb", true);
    if (!e.caption.empty()) d.set("caption", e.caption);
    d.set("added_by", e.added_by_name);
    d.set("added_at", display_timestamp(e.added_at));
    if (!e.active()) {
      d.set("withdrawn", true);
      d.set("withdrawn_by", e.withdrawn_by_name);
      d.set("withdrawn_at", display_timestamp(e.withdrawn_at));
      if (!e.withdrawn_reason.empty()) d.set("reason", e.withdrawn_reason);
    } else if (!options.withdraw_action.empty()) {
      auto url = options.withdraw_action;
      if (auto at = url.find("{id}"); at != std::string::npos) url.replace(at, 4, std::to_string(e.id));
      d.set("withdraw_url", url);
    }
    items.push_back(std::move(d));
  }
  mustache::data out;
  if (!items.empty()) out.set("has_items", true);
  put(out, "items", list_data(std::move(items)));
  out.set("csrf", ctx.csrf_token);
  return out;
}

std::string render_evidence_list(const Views& views, http::Context& ctx, const std::vector<EvidenceRow>& rows,
                                 const EvidenceListOptions& options) {
  return views.render("partials/evidence_list", ctx.lang, evidence_list_data(ctx, rows, options));
}

std::string render_evidence_input(const Views& views, http::Context& ctx, const services::EvidenceService& evidence,
                                  const EvidenceInputOptions& o) {
  mustache::data d;
  d.set("field", o.field);
  d.set("id", o.id);
  if (!o.error.empty()) d.set("error", o.error);
  const auto& types = o.images_and_pdf_only ? services::image_and_pdf_types() : services::default_evidence_types();
  std::string accept;
  for (const auto& t : types) {
    auto ext = services::extension_for(t);
    accept += (accept.empty() ? "." : ",.") + ext;
    if (ext == "jpg") accept += ",.jpeg";
  }
  d.set("accept", accept);
  d.set("types", services::type_names(types));
  d.set("max", std::to_string(evidence.config().max_bytes >> 20) + " MB");
  return views.render("partials/evidence_input", ctx.lang, d);
}

services::EvidenceUpload to_evidence_upload(const http::UploadedFile& f, std::string caption) {
  return services::EvidenceUpload{f.filename, f.path, f.size, f.sha256, f.head, std::move(caption)};
}

std::vector<services::EvidenceUpload> evidence_uploads(const http::UploadForm& form, std::string_view field) {
  std::vector<services::EvidenceUpload> out;
  auto caption = form.field(std::string(field) + "_caption");
  for (const auto& f : form.files) {
    if (f.field == field) out.push_back(to_evidence_upload(f, caption));
  }
  return out;
}

Result<http::Response> evidence_file(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(ErrorKind::not_found, "evidence.not_found");
  auto f = deps.evidence->file(*ctx.principal, *id);
  if (!f) return fail(f.error());
  return http::Response::stored_file(f->path, f->content_type, f->file_name, services::shown_inline(f->content_type));
}

Result<http::Response> evidence_thumb(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(ErrorKind::not_found, "evidence.not_found");
  auto f = deps.evidence->thumbnail(*ctx.principal, *id);
  if (!f) return fail(f.error());
  return http::Response::stored_file(f->path, f->content_type, f->file_name, true);
}

}  // namespace thidua::web
