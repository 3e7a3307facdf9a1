// Review reports and sendings as JSON (review_report_api.hpp). Dates are ISO.

#include "api/review_report_api.hpp"

#include "api/dto/org_dto.hpp"
#include "services/report_sending_service.hpp"
#include "services/review_report_service.hpp"

namespace thidua::api {

namespace json = boost::json;

namespace {

json::object text_json(const ReviewText& t) {
  return {{"title", t.title},           {"doc_number", t.doc_number},     {"doc_symbol", t.doc_symbol},
          {"doc_date", t.doc_date},     {"place", t.place},               {"header_parent", t.header_parent},
          {"header_agency", t.header_agency}, {"opening", t.opening},     {"work_intro", t.work_intro},
          {"shortcomings", t.shortcomings},   {"lessons", t.lessons},     {"next_steps", t.next_steps},
          {"signer_mark", t.signer_mark},     {"signer_title", t.signer_title}, {"signer_name", t.signer_name}};
}

json::object report_json(const ReviewReport& r) {
  return {{"id", r.id},
          {"agency_id", r.agency_id},
          {"movement_id", r.movement_id},
          {"kind", std::string(to_string(r.kind))},
          {"year", r.year},
          {"period_from", r.period_from},
          {"period_to", r.period_to},
          {"text", text_json(r.text)},
          {"updated_at", r.updated_at},
          {"updated_by_name", r.updated_by_name},
          {"version", r.version}};
}

json::object sending_json(const ReportSending& s) {
  return {{"id", s.id},
          {"agency_id", s.agency_id},
          {"agency_name", s.agency_name},
          {"kind", std::string(to_string(s.kind))},
          {"movement_id", s.movement_id ? json::value(*s.movement_id) : json::value(nullptr)},
          {"year", s.year},
          {"period_from", s.period_from},
          {"period_to", s.period_to},
          {"title", s.title},
          {"recipient", s.recipient},
          {"recipient_agency_id", s.recipient_agency_id ? json::value(*s.recipient_agency_id) : json::value(nullptr)},
          {"channel", std::string(to_string(s.channel))},
          {"sent_on", s.sent_on},
          {"doc_ref", s.doc_ref},
          {"file_sha256", s.file_sha256},
          {"file_name", s.file_name},
          {"content_type", s.content_type},
          {"file_size", s.file_size},
          {"note", s.note},
          {"created_by_name", s.created_by_name},
          {"created_at", s.created_at}};
}

/// The draft named by the route ({id} the movement, {report} the draft).
Result<ReviewReport> draft_of(const ApiDeps& deps, http::Context& ctx) {
  auto movement = id_param(ctx);
  if (!movement) return fail(movement.error());
  auto id = id_param(ctx, "report");
  if (!id) return fail(id.error());
  auto r = deps.review_reports->get(*ctx.principal, *id);
  if (!r) return fail(r.error());
  if (r->movement_id != *movement) return fail(ErrorKind::not_found, "review_report.not_found");
  return r;
}

http::Response file_response(std::string bytes, const std::string& type, const std::string& name) {
  http::Response r;
  r.content_type = type;
  r.body = std::move(bytes);
  r.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
  r.header("Cache-Control", "private, no-store");
  return r;
}

Result<services::SendingFilter> filter_of(http::Context& ctx) {
  services::SendingFilter f;
  auto movement = query_int(ctx, "movement");
  if (!movement) return fail(movement.error());
  f.movement_id = *movement;
  auto year = query_int(ctx, "year");
  if (!year) return fail(year.error());
  f.year = year->value_or(0);
  const auto& q = ctx.query();
  if (q && !q->value("kind").empty()) {
    auto k = parse_report_kind(q->value("kind"));
    if (!k) return fail(invalid_field("kind", "validation.invalid"));
    f.kind = *k;
  }
  return f;
}

json::value list_json(const std::vector<ReportSending>& rows) {
  json::array items;
  for (const auto& s : rows) items.push_back(sending_json(s));
  return json::object{{"items", std::move(items)}};
}

}  // namespace

Result<http::Response> list_review_reports(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto rows = deps.review_reports->list(*ctx.principal, *id);
  if (!rows) return fail(rows.error());
  json::array items;
  for (const auto& r : *rows) items.push_back(report_json(r));
  return http::Response::json(json::serialize(json::object{{"items", std::move(items)}}));
}

Result<http::Response> create_review_report(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto r = deps.review_reports->create(*ctx.principal, *id, dto::text_field(*body, "kind"),
                                       dto::id_text_field(*body, "year"));
  if (!r) return fail(r.error());
  auto out = http::Response::json(json::serialize(report_json(*r)), 201);
  out.header("Location", "/api/v1/movements/" + std::to_string(*id) + "/reports/" + std::to_string(r->id));
  return out;
}

Result<http::Response> get_review_report(const ApiDeps& deps, http::Context& ctx) {
  auto r = draft_of(deps, ctx);
  if (!r) return fail(r.error());
  auto history = deps.review_reports->history(*ctx.principal, r->id);
  if (!history) return fail(history.error());
  json::object o = report_json(*r);
  json::array versions;
  for (const auto& v : *history) {
    versions.push_back(json::object{{"version", v.version}, {"saved_by_name", v.saved_by_name}, {"saved_at", v.saved_at}});
  }
  o["history"] = std::move(versions);
  return http::Response::json(json::serialize(o));
}

Result<http::Response> save_review_report(const ApiDeps& deps, http::Context& ctx) {
  auto r = draft_of(deps, ctx);
  if (!r) return fail(r.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto version = body_version(*body);
  if (!version) return fail(version.error());
  // A field left out keeps its stored text.
  ReviewText t = r->text;
  auto take = [&](const char* name, std::string& into) {
    if (dto::has_field(*body, name)) into = dto::text_field(*body, name);
  };
  take("title", t.title);
  take("doc_number", t.doc_number);
  take("doc_symbol", t.doc_symbol);
  take("doc_date", t.doc_date);
  take("place", t.place);
  take("header_parent", t.header_parent);
  take("header_agency", t.header_agency);
  take("opening", t.opening);
  take("work_intro", t.work_intro);
  take("shortcomings", t.shortcomings);
  take("lessons", t.lessons);
  take("next_steps", t.next_steps);
  take("signer_mark", t.signer_mark);
  take("signer_title", t.signer_title);
  take("signer_name", t.signer_name);
  auto saved = deps.review_reports->save(*ctx.principal, r->id, *version, t);
  if (!saved) return fail(saved.error());
  return http::Response::json(json::serialize(report_json(*saved)));
}

Result<http::Response> review_report_file(const ApiDeps& deps, http::Context& ctx) {
  auto r = draft_of(deps, ctx);
  if (!r) return fail(r.error());
  const auto& q = ctx.query();
  const std::string format = q ? q->value("format") : "";
  auto content = deps.review_reports->content(*ctx.principal, r->id);
  if (!content) return fail(content.error());
  auto file = services::ReviewReportService::render(*content, format);
  if (!file) return fail(file.error());
  return file_response(std::move(file->bytes), file->content_type, file->file_name);
}

Result<http::Response> send_review_report(const ApiDeps& deps, http::Context& ctx) {
  auto r = draft_of(deps, ctx);
  if (!r) return fail(r.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto content = deps.review_reports->content(*ctx.principal, r->id);
  if (!content) return fail(content.error());
  auto file = services::ReviewReportService::render(*content, dto::text_field(*body, "format"));
  if (!file) return fail(file.error());
  services::SendingDraft d;
  d.agency_id = r->agency_id;
  d.kind = r->kind == ReviewKind::annual    ? ReportKind::review_annual
           : r->kind == ReviewKind::midterm ? ReportKind::review_midterm
                                            : ReportKind::review_final;
  d.movement_id = r->movement_id;
  d.year = r->year;
  d.period_from = r->period_from;
  d.period_to = r->period_to;
  d.title = services::review_sending_title(*r);
  d.recipient = dto::text_field(*body, "recipient");
  auto recipient_agency = body_int(*body, "recipient_agency_id");
  if (!recipient_agency) return fail(recipient_agency.error());
  d.recipient_agency_id = *recipient_agency;
  auto channel = parse_send_channel(dto::text_field(*body, "channel"));
  if (!channel) return fail(invalid_field("channel", dto::has_field(*body, "channel") ? "validation.invalid" : "validation.required"));
  d.channel = *channel;
  d.sent_on = dto::text_field(*body, "sent_on");
  d.doc_ref = dto::text_field(*body, "doc_ref");
  d.note = dto::text_field(*body, "note");
  d.file_name = file->file_name;
  d.content_type = file->content_type;
  d.file_bytes = std::move(file->bytes);
  auto sent = deps.report_sendings->record(*ctx.principal, d);
  if (!sent) return fail(sent.error());
  auto out = http::Response::json(json::serialize(sending_json(*sent)), 201);
  out.header("Location", "/api/v1/report-sendings/" + std::to_string(sent->id));
  return out;
}

Result<http::Response> list_report_sendings(const ApiDeps& deps, http::Context& ctx) {
  auto requested = query_int(ctx, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  auto f = filter_of(ctx);
  if (!f) return fail(f.error());
  auto rows = deps.report_sendings->list(*ctx.principal, *agency, *f);
  if (!rows) return fail(rows.error());
  return http::Response::json(json::serialize(list_json(*rows)));
}

Result<http::Response> received_report_sendings(const ApiDeps& deps, http::Context& ctx) {
  auto f = filter_of(ctx);
  if (!f) return fail(f.error());
  auto rows = deps.report_sendings->received(*ctx.principal, *f);
  if (!rows) return fail(rows.error());
  return http::Response::json(json::serialize(list_json(*rows)));
}

Result<http::Response> get_report_sending(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto s = deps.report_sendings->get(*ctx.principal, *id);
  if (!s) return fail(s.error());
  return http::Response::json(json::serialize(sending_json(*s)));
}

Result<http::Response> report_sending_file(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto s = deps.report_sendings->get(*ctx.principal, *id);
  if (!s) return fail(s.error());
  auto bytes = deps.report_sendings->file(*ctx.principal, *id);
  if (!bytes) return fail(bytes.error());
  return file_response(std::move(*bytes), s->content_type, s->file_name);
}

}  // namespace thidua::api
