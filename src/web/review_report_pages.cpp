// Review reports of a movement and the record of reports sent (review_report_pages.hpp).

#include "web/review_report_pages.hpp"

#include <fstream>
#include <sstream>

#include "services/report_sending_service.hpp"
#include "services/review_report_service.hpp"
#include "web/views.hpp"

namespace thidua::web {

namespace {


ReportKind sending_kind(ReviewKind k) {
  switch (k) {
    case ReviewKind::annual: return ReportKind::review_annual;
    case ReviewKind::midterm: return ReportKind::review_midterm;
    case ReviewKind::final_review: return ReportKind::review_final;
  }
  return ReportKind::other;
}

std::string reports_path(std::int64_t movement) { return "/movements/" + std::to_string(movement) + "/reports"; }

std::string report_path(const ReviewReport& r) { return reports_path(r.movement_id) + "/" + std::to_string(r.id); }

/// The draft of the route's {report} under its {id}: another movement's draft is not found.
Result<ReviewReport> draft_of(const WebDeps& deps, http::Context& ctx) {
  auto movement = id_param(ctx.params["id"]);
  auto id = id_param(ctx.params["report"]);
  if (!movement || !id) return fail(ErrorKind::not_found, "review_report.not_found");
  auto r = deps.review_reports->get(*ctx.principal, *id);
  if (!r) return fail(r.error());
  if (r->movement_id != *movement) return fail(ErrorKind::not_found, "review_report.not_found");
  return r;
}

std::string kind_label(http::Context& ctx, ReviewKind k) { return ctx.t("review_kind." + std::string(to_string(k))); }

std::string period_label(const ReviewReport& r) {
  return display_date(r.period_from) + " – " + display_date(r.period_to);
}

mustache::list kind_options(http::Context& ctx, const std::string& selected) {
  mustache::list out;
  for (auto k : {ReviewKind::final_review, ReviewKind::midterm, ReviewKind::annual}) {
    mustache::data o;
    o.set("value", std::string(to_string(k)));
    o.set("label", kind_label(ctx, k));
    if (selected == to_string(k)) o.set("selected", true);
    out.push_back(o);
  }
  return out;
}

Result<http::Response> render_list(const WebDeps& deps, http::Context& ctx, std::int64_t movement_id,
                                   const Refused* refused, unsigned status) {
  auto m = deps.movements->get(*ctx.principal, movement_id);
  if (!m) return fail(m.error());
  auto rows = deps.review_reports->list(*ctx.principal, movement_id);
  if (!rows) return fail(rows.error());
  mustache::data d;
  d.set("movement_id", std::to_string(movement_id));
  d.set("movement_title", m->movement.title);
  mustache::list items;
  for (const auto& r : *rows) {
    mustache::data x;
    x.set("href", report_path(r));
    x.set("kind", kind_label(ctx, r.kind));
    x.set("year", std::to_string(r.year));
    x.set("period", period_label(r));
    x.set("title", r.text.title);
    x.set("updated", display_timestamp(r.updated_at));
    x.set("updated_by", r.updated_by_name);
    x.set("version", std::to_string(r.version));
    items.push_back(x);
  }
  if (!items.empty()) d.set("has_items", true);
  put(d, "items", list_data(std::move(items)));
  if (deps.review_reports->can_edit(*ctx.principal, m->movement.agency_id)) {
    d.set("can_create", true);
    auto f = form_echo(ctx, refused, "create", {"kind", "year"});
    f.set("kinds", kind_options(ctx, refused && refused->values ? refused->values->value("kind") : "final"));
    d.set("form", f);
    if (refused) d.set("form_open", true);
  }
  return deps.views->page(ctx, "pages/review_reports", ctx.t("review_report.title"), std::move(d), status);
}

void set_text(mustache::data& f, const ReviewText& t) {
  f.set("title", t.title);
  f.set("doc_number", t.doc_number);
  f.set("doc_symbol", t.doc_symbol);
  f.set("doc_date", display_date(t.doc_date));
  f.set("place", t.place);
  f.set("header_parent", t.header_parent);
  f.set("header_agency", t.header_agency);
  f.set("opening", t.opening);
  f.set("work_intro", t.work_intro);
  f.set("shortcomings", t.shortcomings);
  f.set("lessons", t.lessons);
  f.set("next_steps", t.next_steps);
  f.set("signer_mark", t.signer_mark);
  f.set("signer_title", t.signer_title);
  f.set("signer_name", t.signer_name);
}

Result<http::Response> render_one(const WebDeps& deps, http::Context& ctx, const ReviewReport& r,
                                  const Refused* refused, unsigned status) {
  mustache::data d;
  d.set("href", report_path(r));
  d.set("back", reports_path(r.movement_id));
  d.set("movement_title", r.movement_title);
  d.set("kind", kind_label(ctx, r.kind));
  d.set("year", std::to_string(r.year));
  d.set("period", period_label(r));
  d.set("version", std::to_string(r.version));
  d.set("updated", display_timestamp(r.updated_at));
  const bool editing = deps.review_reports->can_edit(*ctx.principal, r.agency_id);
  if (editing) d.set("can_edit", true);
  auto f = form_echo(ctx, refused, "text",
                     {"title", "doc_number", "doc_symbol", "doc_date", "place", "header_parent", "header_agency",
                      "opening", "work_intro", "shortcomings", "lessons", "next_steps", "signer_mark",
                      "signer_title", "signer_name"});
  if (!(refused && refused->form == "text")) set_text(f, r.text);
  d.set("text", f);

  auto history = deps.review_reports->history(*ctx.principal, r.id);
  if (!history) return fail(history.error());
  mustache::list versions;
  for (const auto& v : *history) {
    mustache::data x;
    x.set("version", std::to_string(v.version));
    x.set("by", v.saved_by_name);
    x.set("at", display_timestamp(v.saved_at));
    versions.push_back(x);
  }
  d.set("versions", versions);

  if (editing) {
    auto recipients = deps.review_reports->recipients(*ctx.principal, r.id);
    if (!recipients) return fail(recipients.error());
    auto s = form_echo(ctx, refused, "send", {"recipient", "recipient_other", "channel", "sent_on", "doc_ref", "note",
                                              "format", "source", "file"});
    const std::string chosen = refused && refused->values ? refused->values->value("recipient") : "";
    mustache::list options;
    for (const auto& c : *recipients) {
      mustache::data o;
      const std::string value = c.agency_id ? "@" + std::to_string(*c.agency_id) : c.name;
      o.set("value", value);
      o.set("label", c.name);
      if (value == chosen) o.set("selected", true);
      options.push_back(o);
    }
    s.set("recipients", options);
    mustache::list channels;
    const std::string channel = refused && refused->values ? refused->values->value("channel") : "";
    for (auto c : {SendChannel::system, SendChannel::egov, SendChannel::post, SendChannel::email, SendChannel::hand}) {
      mustache::data o;
      o.set("value", std::string(to_string(c)));
      o.set("label", ctx.t("send_channel." + std::string(to_string(c))));
      if (channel == to_string(c)) o.set("selected", true);
      channels.push_back(o);
    }
    s.set("channels", channels);
    if (refused && refused->form == "send") d.set("send_open", true);
    if (!(refused && refused->values && refused->values->value("source") == "upload")) s.set("generated", true);
    d.set("send", s);
  }
  return deps.views->page(ctx, "pages/review_report", r.text.title, std::move(d), status);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

http::Response download(std::string bytes, const std::string& type, const std::string& name) {
  http::Response r;
  r.content_type = type;
  r.body = std::move(bytes);
  r.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
  r.header("Cache-Control", "private, no-store");
  return r;
}

}  // namespace

Result<http::Response> review_reports_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(ErrorKind::not_found, "movement.not_found");
  return render_list(deps, ctx, *id, nullptr, 200);
}

Result<http::Response> review_report_create(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(ErrorKind::not_found, "movement.not_found");
  const auto& f = ctx.form();
  if (!f) return fail(f.error());
  auto r = deps.review_reports->create(*ctx.principal, *id, f->value("kind"), f->value("year"));
  if (!r) {
    if (!shows_again(r.error())) return fail(r.error());
    Refused refused{"create", &*f, &r.error()};
    return render_list(deps, ctx, *id, &refused, http::status_for(r.error()));
  }
  ctx.set_flash("review_report_flash.created");
  return http::Response::redirect(report_path(*r));
}

Result<http::Response> review_report_page(const WebDeps& deps, http::Context& ctx) {
  auto r = draft_of(deps, ctx);
  if (!r) return fail(r.error());
  return render_one(deps, ctx, *r, nullptr, 200);
}

Result<http::Response> review_report_save(const WebDeps& deps, http::Context& ctx) {
  auto r = draft_of(deps, ctx);
  if (!r) return fail(r.error());
  const auto& f = ctx.form();
  if (!f) return fail(f.error());
  ReviewText t{f->value("title"),        f->value("doc_number"),    f->value("doc_symbol"), f->value("doc_date"),
               f->value("place"),        f->value("header_parent"), f->value("header_agency"), f->value("opening"),
               f->value("work_intro"),   f->value("shortcomings"),  f->value("lessons"),    f->value("next_steps"),
               f->value("signer_mark"),  f->value("signer_title"),  f->value("signer_name")};
  auto saved = deps.review_reports->save(*ctx.principal, r->id, std::atoll(f->value("version").c_str()), t);
  if (!saved) {
    if (!shows_again(saved.error())) return fail(saved.error());
    Refused refused{"text", &*f, &saved.error()};
    return render_one(deps, ctx, *r, &refused, http::status_for(saved.error()));
  }
  ctx.set_flash("review_report_flash.saved");
  return http::Response::redirect(report_path(*saved));
}

Result<http::Response> review_report_file(const WebDeps& deps, http::Context& ctx) {
  auto r = draft_of(deps, ctx);
  if (!r) return fail(r.error());
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  auto content = deps.review_reports->content(*ctx.principal, r->id);
  if (!content) return fail(content.error());
  auto file = services::ReviewReportService::render(*content, q->value("format"));
  if (!file) return fail(file.error());
  return download(std::move(file->bytes), file->content_type, file->file_name);
}

Result<http::Response> review_report_send(const WebDeps& deps, http::Context& ctx) {
  auto r = draft_of(deps, ctx);
  if (!r) return fail(r.error());
  const auto& up = ctx.upload_form();
  if (!up) return fail(up.error());
  http::FormData f;
  for (const auto& [name, value] : up->fields) f.add(name, value);
  services::SendingDraft d;
  d.agency_id = r->agency_id;
  d.kind = sending_kind(r->kind);
  d.movement_id = r->movement_id;
  d.year = r->year;
  d.period_from = r->period_from;
  d.period_to = r->period_to;
  d.title = services::review_sending_title(*r);
  d.sent_on = f.value("sent_on");
  d.doc_ref = f.value("doc_ref");
  d.note = f.value("note");
  d.channel = parse_send_channel(f.value("channel")).value_or(SendChannel::post);
  const std::string other = f.value("recipient_other");
  const std::string choice = f.value("recipient");
  if (!other.empty()) {
    d.recipient = other;
  } else if (!choice.empty() && choice[0] == '@') {
    auto recipients = deps.review_reports->recipients(*ctx.principal, r->id);
    if (!recipients) return fail(recipients.error());
    for (const auto& c : *recipients) {
      if (c.agency_id && "@" + std::to_string(*c.agency_id) == choice) {
        d.recipient = c.name;
        d.recipient_agency_id = c.agency_id;
      }
    }
  } else {
    d.recipient = choice;
  }
  if (f.value("source") == "upload") {
    if (const auto* file = up->file("file")) {
      d.file_name = file->filename;
      d.file_bytes = read_file(file->path);
    }
  } else {
    auto content = deps.review_reports->content(*ctx.principal, r->id);
    if (!content) return fail(content.error());
    auto file = services::ReviewReportService::render(*content, f.value("format"));
    if (!file) {
      if (!shows_again(file.error())) return fail(file.error());
      Refused refused{"send", &f, &file.error()};
      return render_one(deps, ctx, *r, &refused, http::status_for(file.error()));
    }
    d.file_name = file->file_name;
    d.content_type = file->content_type;
    d.file_bytes = std::move(file->bytes);
  }
  auto sent = deps.report_sendings->record(*ctx.principal, d);
  if (!sent) {
    if (!shows_again(sent.error())) return fail(sent.error());
    Refused refused{"send", &f, &sent.error()};
    return render_one(deps, ctx, *r, &refused, http::status_for(sent.error()));
  }
  ctx.set_flash("review_report_flash.sent");
  return http::Response::redirect("/reports/sent#sending-" + std::to_string(sent->id));
}

Result<http::Response> reports_sent_page(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto rows = deps.report_sendings->list(*ctx.principal, *agency, {});
  if (!rows) return fail(rows.error());
  mustache::data d;
  auto items_of = [&](const std::vector<ReportSending>& list) {
    mustache::list items;
    for (const auto& s : list) {
      mustache::data x;
      x.set("id", std::to_string(s.id));
      x.set("title", s.title);
      x.set("sender", s.agency_name);
      x.set("recipient", s.recipient);
      if (s.recipient_agency_id) x.set("on_system", true);
      x.set("channel", ctx.t("send_channel." + std::string(to_string(s.channel))));
      x.set("sent_on", display_date(s.sent_on));
      x.set("doc_ref", s.doc_ref);
      x.set("file_name", s.file_name);
      x.set("size_kb", std::to_string((s.file_size + 1023) / 1024));
      x.set("recorded_by", s.created_by_name);
      x.set("recorded_at", display_timestamp(s.created_at));
      if (!s.note.empty()) x.set("note", s.note);
      items.push_back(x);
    }
    return items;
  };
  auto mine = items_of(*rows);
  if (!mine.empty()) d.set("has_items", true);
  put(d, "items", list_data(std::move(mine)));
  if (ctx.principal->has_role(Role::authority)) {
    auto received = deps.report_sendings->received(*ctx.principal, {});
    if (received) {
      d.set("authority", true);
      auto in = items_of(*received);
      if (!in.empty()) d.set("has_received", true);
      put(d, "received", list_data(std::move(in)));
    }
  }
  return deps.views->page(ctx, "pages/reports_sent", ctx.t("report_sending.title"), std::move(d), 200);
}

Result<http::Response> report_sent_file(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(ErrorKind::not_found, "report_sending.not_found");
  auto s = deps.report_sendings->get(*ctx.principal, *id);
  if (!s) return fail(s.error());
  auto bytes = deps.report_sendings->file(*ctx.principal, *id);
  if (!bytes) return fail(bytes.error());
  return download(std::move(*bytes), s->content_type, s->file_name);
}

}  // namespace thidua::web
