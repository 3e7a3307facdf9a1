// The list of achievements and its XLSX, a record's page with its history and evidence, and
// the status changes made from it (submit, verify, return, withdraw, files).

#include <boost/json.hpp>

#include "services/achievement_service.hpp"
#include "text/format.hpp"
#include "web/achievement_pages.hpp"
#include "web/evidence_view.hpp"

namespace thidua::web {

namespace {

std::optional<std::int64_t> query_id(const http::FormData& q, std::string_view name) {
  auto v = q.value(name);
  if (v.empty()) return std::nullopt;
  auto id = id_param(v);
  return id ? std::optional<std::int64_t>(*id) : std::nullopt;
}

/// The list's filter from the query string; values that are not numbers are left out.
services::AchievementFilter filter_from(http::Context& ctx, std::int64_t agency) {
  services::AchievementFilter f;
  f.agency_id = agency;
  const auto& q = ctx.query();
  if (!q) return f;
  f.scope = q->value("scope");
  f.movement_id = query_id(*q, "movement");
  if (int y = year_param(q->value("year")); y > 0) f.year = y;
  f.unit_id = query_id(*q, "unit");
  f.person_id = query_id(*q, "person");
  f.item_id = query_id(*q, "item");
  f.commune_id = query_id(*q, "commune");
  f.kind = q->value("kind");
  f.status = q->value("status");
  if (auto p = q->value("page"); !p.empty()) f.page = std::max(1, std::atoi(p.c_str()));
  return f;
}

/// The filter as a query string (without the page), for paging, tabs and the export.
std::string filter_query(const services::AchievementFilter& f, bool with_scope = true) {
  std::string q;
  auto add = [&](const char* k, const std::string& v) {
    if (v.empty()) return;
    q += (q.empty() ? "" : "&") + std::string(k) + "=" + url_encode(v);
  };
  if (with_scope) add("scope", f.scope);
  add("movement", f.movement_id ? std::to_string(*f.movement_id) : "");
  add("year", f.year ? std::to_string(*f.year) : "");
  add("unit", f.unit_id ? std::to_string(*f.unit_id) : "");
  add("person", f.person_id ? std::to_string(*f.person_id) : "");
  add("item", f.item_id ? std::to_string(*f.item_id) : "");
  add("commune", f.commune_id ? std::to_string(*f.commune_id) : "");
  add("kind", f.kind);
  add("status", f.status);
  return q;
}

std::string id_text(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string(); }

/// The filter form's lists: movements, years, units, kinds, statuses, communes.
void filter_options(const WebDeps& deps, http::Context& ctx, const services::AchievementFilter& f,
                    const services::AchievementChoices& c, mustache::data& d) {
  mustache::list movements, years, units, kinds, statuses, communes;
  int first = this_year(), last = this_year();
  for (const auto& m : c.movements) {
    movements.push_back(achievement_option(std::to_string(m.movement.id),
                               m.movement.title + " (" + m.movement.period_from.substr(0, 4) + "–" +
                                   m.movement.period_to.substr(0, 4) + ")",
                               id_text(f.movement_id)));
    first = std::min(first, std::atoi(m.movement.period_from.substr(0, 4).c_str()));
  }
  for (int y = last; y >= first; --y) years.push_back(achievement_option(std::to_string(y), std::to_string(y), f.year ? std::to_string(*f.year) : ""));
  if (auto all = deps.org->list_units(*ctx.principal, f.agency_id, false); all) {
    for (const auto& u : *all) units.push_back(achievement_option(std::to_string(u.id), u.name, id_text(f.unit_id)));
  }
  for (auto k : all_achievement_kinds()) {
    std::string key(to_string(k));
    kinds.push_back(achievement_option(key, ctx.t("achievement_kind." + key), f.kind));
  }
  for (const char* s : {"draft", "submitted", "returned", "verified", "withdrawn"}) {
    statuses.push_back(achievement_option(s, ctx.t(std::string("achievement_status.") + s), f.status));
  }
  std::map<std::int64_t, bool> seen;
  for (const auto& cm : c.communes) {
    if (seen[cm.commune_id]) continue;
    seen[cm.commune_id] = true;
    communes.push_back(achievement_option(std::to_string(cm.commune_id), cm.name, id_text(f.commune_id)));
  }
  put(d, "f_movements", list_data(std::move(movements)));
  put(d, "f_years", list_data(std::move(years)));
  put(d, "f_units", list_data(std::move(units)));
  put(d, "f_kinds", list_data(std::move(kinds)));
  put(d, "f_statuses", list_data(std::move(statuses)));
  if (!communes.empty()) d.set("has_communes", true);
  put(d, "f_communes", list_data(std::move(communes)));
}

std::string form_version_text(const http::FormData& f) { return f.value("version"); }

/// Where to go after an action: the `next` field when it is a path on this site, else the record.
std::string after(const http::FormData& f, std::int64_t id) {
  auto next = f.value("next");
  return next.empty() ? "/achievements/" + std::to_string(id) : safe_next(next);
}

}  // namespace

Result<http::Response> achievements_page(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto f = filter_from(ctx, *agency);
  auto list = deps.achievements->list(*ctx.principal, f);
  if (!list) return fail(list.error());
  auto c = deps.achievements->choices(*ctx.principal, *agency);
  if (!c) return fail(c.error());
  const auto& r = list->rights;
  mustache::data d;
  // Tabs: mine, my unit (heads), all (those who oversee).
  services::AchievementFilter tab = f;
  mustache::list tabs;
  auto add_tab = [&](const char* scope, const char* key) {
    tab.scope = scope;
    mustache::data t;
    t.set("href", "/achievements?" + filter_query(tab));
    t.set("label", ctx.t(key));
    t.set("id", std::string("scope-") + scope);
    if (list->scope == scope) t.set("active", true);
    tabs.push_back(std::move(t));
  };
  add_tab("mine", "achievement.scope_mine");
  if (!r.headed_units.empty()) add_tab("unit", "achievement.scope_unit");
  if (r.oversees) add_tab("all", "achievement.scope_all");
  put(d, "tabs", list_data(std::move(tabs)));
  d.set("scope", list->scope);

  mustache::list rows;
  for (const auto& a : list->items) {
    auto row = achievement_row(ctx, a);
    if (auto it = list->evidence_counts.find(a.id); it != list->evidence_counts.end() && it->second > 0) {
      row.set("files", std::to_string(it->second));
    }
    rows.push_back(std::move(row));
  }
  if (!rows.empty()) d.set("has_items", true);
  put(d, "items", list_data(std::move(rows)));
  bool filtered = f.movement_id || f.year || f.unit_id || f.person_id || f.item_id || f.commune_id || !f.kind.empty() ||
                  !f.status.empty();
  if (filtered) d.set("filtered", true);
  d.set("total", text::format_number(list->total));
  long long pages = (list->total + list->page_size - 1) / list->page_size;
  std::string base = "/achievements?" + filter_query(f);
  if (list->page > 1) d.set("prev_href", base + "&page=" + std::to_string(list->page - 1));
  if (list->page < pages) d.set("next_href", base + "&page=" + std::to_string(list->page + 1));
  if (pages > 1) d.set("page_of", std::to_string(list->page) + "/" + std::to_string(pages));
  d.set("export_href", "/achievements/export.xlsx?" + filter_query(f));
  filter_options(deps, ctx, f, *c, d);
  if (!c->movements.empty() && (r.manages || !r.headed_units.empty() || r.person_id)) d.set("can_record", true);
  if (r.manages) {
    services::AchievementFilter qf;
    qf.agency_id = *agency;
    qf.page_size = 1;
    if (auto q = deps.achievements->queue(*ctx.principal, qf); q) {
      d.set("can_verify", true);
      d.set("queue_total", std::to_string(q->total));
    }
  }
  return deps.views->page(ctx, "pages/achievements", ctx.t("achievement.list_title"), std::move(d));
}

Result<http::Response> achievements_export(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto bytes = deps.achievements->export_xlsx(*ctx.principal, filter_from(ctx, *agency));
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "ket-qua-thuc-hien.xlsx");
}

namespace {

/// The record's page, with `refused` (a status-change form refused) and its message.
Result<http::Response> render_achievement(const WebDeps& deps, http::Context& ctx, std::int64_t id,
                                          const Error* refused, const std::string& refused_form, unsigned status) {
  auto d = deps.achievements->get(*ctx.principal, id);
  if (!d) return fail(d.error());
  const auto& a = d->achievement;
  mustache::data v = achievement_row(ctx, a);
  v.set("movement_title", a.movement_title);
  v.set("movement_id", std::to_string(a.movement_id));
  // Empty text is not "false" to mustache: only what was typed is set.
  for (const auto& [key, value] : {std::pair<const char*, const std::string*>{"description", &a.description},
                                   {"place", &a.place},
                                   {"audience", &a.audience}}) {
    if (!value->empty()) v.set(key, *value);
  }
  v.set("subject_label", ctx.t(a.subject == RecordSubject::person ? "achievement.f.subject_person"
                                                                  : "achievement.f.subject_unit"));
  if (a.donor_kind) v.set("donor", a.donor_name + " — " + ctx.t("donor_kind." + std::string(to_string(*a.donor_kind))) +
                                      (a.donor_scope ? ", " + ctx.t("donor_scope." + std::string(to_string(*a.donor_scope))) : ""));
  if (!a.verified_by_name.empty()) v.set("verified", a.verified_by_name + ", " + display_timestamp(a.verified_at));
  v.set("created", a.created_by_name + (a.created_by_name.empty() ? "" : ", ") + display_timestamp(a.created_at));
  if (!a.last_comment.empty() && a.status == AchievementStatus::returned) v.set("returned_comment", a.last_comment);
  if (d->can_edit) v.set("can_edit", true);
  if (d->can_submit) {
    v.set("can_submit", true);
    v.set(a.status == AchievementStatus::returned ? "resubmit" : "first_submit", true);
  }
  if (d->can_withdraw) v.set("can_withdraw", true);
  if (d->can_verify) v.set("can_verify", true);
  bool files_open = d->can_edit && deps.evidence;
  if (files_open) v.set("can_add_files", true);

  mustache::list events;
  for (const auto& e : d->events) {
    mustache::data ev;
    ev.set("label", ctx.t("achievement_event." + e.event));
    ev.set("who", e.actor_name);
    ev.set("at", display_timestamp(e.at));
    if (!e.comment.empty()) ev.set("comment", e.comment);
    if (!e.before_json.empty()) {
      // What an edit replaced, field by field as it was.
      std::string before;
      boost::system::error_code ec;
      auto parsed = boost::json::parse(e.before_json, ec);
      if (!ec && parsed.is_object()) {
        for (const auto& [k, val] : parsed.as_object()) {
          if (val.is_null() || (val.is_string() && val.as_string().empty())) continue;
          std::string shown = val.is_string() ? std::string(val.as_string()) : boost::json::serialize(val);
          before += (before.empty() ? "" : "; ") + ctx.t("achievement.f." + std::string(k)) + ": " + shown;
        }
      }
      if (!before.empty()) ev.set("before", before);
    }
    events.push_back(std::move(ev));
  }
  if (!events.empty()) v.set("has_events", true);
  put(v, "events", list_data(std::move(events)));

  if (deps.evidence) {
    EvidenceListOptions eo;
    if (d->can_edit) eo.withdraw_action = "/achievements/" + std::to_string(id) + "/evidence/{id}/withdraw";
    v.set("evidence_html", render_evidence_list(*deps.views, ctx, d->evidence, eo));
    if (files_open) {
      EvidenceInputOptions io;
      if (refused && refused_form == "files") {
        for (const auto& f : refused->fields) io.error = ctx.field_message(*refused, f);
        if (io.error.empty()) io.error = ctx.message(*refused);
      }
      v.set("evidence_input", render_evidence_input(*deps.views, ctx, *deps.evidence, io));
    }
  }
  if (refused) {
    v.set("action_error", ctx.message(*refused));
    v.set("refused_" + refused_form, true);
    for (const auto& f : refused->fields) {
      if (f.field == "comment") v.set("comment_error", ctx.field_message(*refused, f));
    }
  }
  return deps.views->page(ctx, "pages/achievement", a.title, std::move(v), status);
}

}  // namespace

Result<http::Response> achievement_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  return render_achievement(deps, ctx, *id, nullptr, "", 200);
}

namespace {

/// A status change from the record's page or the queue: `change(id, version, comment)` runs
/// it; a refusal shows the record again with the message; success goes to `next` (or, for
/// htmx from the queue, answers with the row as it now is).
template <class Change>
Result<http::Response> status_change(const WebDeps& deps, http::Context& ctx, const char* form_name,
                                     const char* flash, Change&& change) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto version = std::atoll(form_version_text(*form).c_str());
  auto r = change(*id, version, form->value("comment"));
  bool htmx = ctx.req.header("hx-request").has_value();
  if (htmx && form->value("row") == "queue") {
    // The queue's row, answered in place: the record as it now is, or the message.
    auto d = deps.achievements->get(*ctx.principal, *id);
    if (!d) return fail(d.error());
    mustache::data row = achievement_row(ctx, d->achievement);
    row.set("csrf", ctx.csrf_token);
    // Done once it left the queue; a refused change keeps the buttons, with the message.
    if (d->achievement.status != AchievementStatus::submitted) row.set("done", true);
    if (!r) row.set("row_error", ctx.message(r.error()) + [&] {
      std::string more;
      for (const auto& f : r.error().fields) more += " " + ctx.field_message(r.error(), f);
      return more;
    }());
    // Answered 200 either way: htmx swaps only successful answers in, and the row says what
    // happened (a refusal's message stays next to the buttons).
    return http::Response::html(deps.views->render("partials/achievement_queue_row", ctx.lang, row));
  }
  if (!r) {
    if (!shows_again(r.error())) return fail(r.error());
    return render_achievement(deps, ctx, *id, &r.error(), form_name, http::status_for(r.error()));
  }
  ctx.set_flash(flash);
  return http::Response::redirect(after(*form, *id));
}

}  // namespace

Result<http::Response> achievement_submit(const WebDeps& deps, http::Context& ctx) {
  return status_change(deps, ctx, "submit", "achievement_flash.submitted",
                       [&](std::int64_t id, std::int64_t version, const std::string&) {
                         return deps.achievements->submit(*ctx.principal, id, version);
                       });
}

Result<http::Response> achievement_verify(const WebDeps& deps, http::Context& ctx) {
  return status_change(deps, ctx, "verify", "achievement_flash.verified",
                       [&](std::int64_t id, std::int64_t version, const std::string& comment) {
                         return deps.achievements->verify(*ctx.principal, id, version, comment);
                       });
}

Result<http::Response> achievement_return(const WebDeps& deps, http::Context& ctx) {
  return status_change(deps, ctx, "return", "achievement_flash.returned",
                       [&](std::int64_t id, std::int64_t version, const std::string& comment) {
                         return deps.achievements->send_back(*ctx.principal, id, version, comment);
                       });
}

Result<http::Response> achievement_withdraw(const WebDeps& deps, http::Context& ctx) {
  return status_change(deps, ctx, "withdraw", "achievement_flash.withdrawn",
                       [&](std::int64_t id, std::int64_t version, const std::string& comment) {
                         return deps.achievements->withdraw(*ctx.principal, id, version, comment);
                       });
}

Result<http::Response> achievement_evidence_add(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& up = ctx.upload_form();
  if (!up) return fail(up.error());
  auto r = deps.achievements->add_evidence(*ctx.principal, *id, evidence_uploads(*up));
  if (!r) {
    if (!shows_again(r.error())) return fail(r.error());
    return render_achievement(deps, ctx, *id, &r.error(), "files", http::status_for(r.error()));
  }
  return http::Response::redirect("/achievements/" + std::to_string(*id) + "#evidence");
}

Result<http::Response> achievement_evidence_withdraw(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto ev = id_param(ctx.params["evidence"]);
  if (!ev) return fail(ErrorKind::not_found, "evidence.not_found");
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.achievements->withdraw_evidence(*ctx.principal, *id, *ev, form->value("reason"));
  if (!r) {
    if (!shows_again(r.error())) return fail(r.error());
    return render_achievement(deps, ctx, *id, &r.error(), "files", http::status_for(r.error()));
  }
  return http::Response::redirect("/achievements/" + std::to_string(*id) + "#evidence");
}

Result<http::Response> achievements_queue(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto f = filter_from(ctx, *agency);
  auto q = deps.achievements->queue(*ctx.principal, f);
  if (!q) return fail(q.error());
  auto c = deps.achievements->choices(*ctx.principal, *agency);
  if (!c) return fail(c.error());
  mustache::data d;
  std::string rows_html;
  for (const auto& a : q->items) {
    mustache::data row = achievement_row(ctx, a);
    row.set("csrf", ctx.csrf_token);
    // The files as a strip of thumbnails (a PDF or document as its type), each opening the file.
    mustache::list files;
    if (auto it = q->evidence.find(a.id); it != q->evidence.end()) {
      for (const auto& e : it->second) {
        mustache::data file;
        file.set("id", std::to_string(e.id));
        file.set("name", e.file_name);
        if (e.is_image()) file.set("thumb", true);
        else file.set("type", e.content_type == "application/pdf" ? std::string("PDF") : e.file_name.substr(e.file_name.rfind('.') + 1));
        files.push_back(std::move(file));
      }
    }
    if (!files.empty()) row.set("has_files", true);
    put(row, "files", list_data(std::move(files)));
    rows_html += deps.views->render("partials/achievement_queue_row", ctx.lang, row);
  }
  if (!q->items.empty()) d.set("has_items", true);
  d.set("rows_html", rows_html);
  d.set("total", text::format_number(q->total));
  long long pages = (q->total + q->page_size - 1) / q->page_size;
  std::string base = "/achievements/queue?" + filter_query(f, false);
  if (q->page > 1) d.set("prev_href", base + "&page=" + std::to_string(q->page - 1));
  if (q->page < pages) d.set("next_href", base + "&page=" + std::to_string(q->page + 1));
  if (pages > 1) d.set("page_of", std::to_string(q->page) + "/" + std::to_string(pages));
  filter_options(deps, ctx, f, *c, d);
  // The content items of the movements, for the filter.
  mustache::list items;
  for (const auto& m : c->movements) {
    for (const auto& i : m.contents) {
      std::string label = ctx.catalogue().format(ctx.lang, "achievement.item_number", {{"n", std::to_string(i.number)}});
      items.push_back(achievement_option(std::to_string(i.id), label + " — " + m.movement.title, id_text(f.item_id)));
    }
  }
  put(d, "f_items", list_data(std::move(items)));
  if (const auto& qs = ctx.query(); qs && qs->has("batch_error")) {
    d.set("batch_error", ctx.t(qs->value("batch_error") == "none" ? "achievement.none_selected" : "achievement.batch_stale"));
  }
  return deps.views->page(ctx, "pages/achievement_queue", ctx.t("achievement.queue_title"), std::move(d));
}

Result<http::Response> achievements_verify_many(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  std::vector<services::VersionedId> ids;
  for (auto v : form->all("pick")) {
    // "id:version", as the row's checkbox carries it.
    auto colon = v.find(':');
    if (colon == std::string_view::npos) continue;
    auto id = id_param(v.substr(0, colon));
    if (!id) continue;
    ids.push_back({*id, std::atoll(std::string(v.substr(colon + 1)).c_str())});
  }
  auto r = deps.achievements->verify_many(*ctx.principal, *agency, ids);
  if (!r) {
    if (r.error().kind == ErrorKind::conflict) return http::Response::redirect("/achievements/queue?batch_error=1");
    if (r.error().kind == ErrorKind::validation) return http::Response::redirect("/achievements/queue?batch_error=none");
    return fail(r.error());
  }
  ctx.set_flash("achievement_flash.verified_many");
  return http::Response::redirect("/achievements/queue");
}

mustache::data home_achievements(const WebDeps& deps, http::Context& ctx) {
  mustache::data d;
  if (!deps.achievements || !ctx.principal->agency_id) return d;
  const std::int64_t agency = *ctx.principal->agency_id;
  auto r = deps.achievements->rights(*ctx.principal, agency);
  if (!r || (!r->manages && r->headed_units.empty() && !r->person_id)) return d;
  mustache::list items;
  auto add = [&](const std::string& href, const std::string& text) {
    mustache::data i;
    i.set("href", href);
    i.set("text", text);
    items.push_back(std::move(i));
  };
  services::AchievementFilter f;
  f.agency_id = agency;
  f.page_size = 1;
  if (r->manages) {
    if (auto q = deps.achievements->queue(*ctx.principal, f); q && q->total > 0) {
      add("/achievements/queue", ctx.catalogue().format(ctx.lang, "achievement.home_queue", {{"n", std::to_string(q->total)}}));
    }
  } else {
    // What the user keeps: their own, or their units' for a head.
    for (const char* status : {"returned", "draft"}) {
      f.status = status;
      if (auto l = deps.achievements->list(*ctx.principal, f); l && l->total > 0) {
        add("/achievements?status=" + std::string(status),
            ctx.catalogue().format(ctx.lang, std::string("achievement.home_") + status, {{"n", std::to_string(l->total)}}));
      }
    }
  }
  add("/achievements/new", ctx.t("achievement.new"));
  d.set("has_items", true);
  put(d, "items", list_data(std::move(items)));
  return d;
}

}  // namespace thidua::web
