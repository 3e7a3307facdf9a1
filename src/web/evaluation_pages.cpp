// The evaluation of a movement and year: its status with close and reopen, its history, the
// templates per subject kind (create, copy last year's, apply to all) and the user's sheets.

#include "web/evaluation_pages.hpp"

#include <cstdlib>

namespace thidua::web {

std::string sheet_status_color(SheetStatus s) {
  switch (s) {
    case SheetStatus::draft: return "secondary";
    case SheetStatus::submitted: return "info";
    case SheetStatus::reviewed: return "primary";
    case SheetStatus::returned: return "warning";
    case SheetStatus::final: return "success";
  }
  return "secondary";
}

mustache::data sheet_row_data(http::Context& ctx, const storage::SheetRow& s) {
  mustache::data x;
  x.set("sheet_id", std::to_string(s.id));
  x.set("subject_name", s.subject_name);
  if (s.subject == RecordSubject::person) set_text(x, "unit_name", s.unit_name);
  x.set("subject_label", ctx.t(s.subject == RecordSubject::unit ? "eval_subject.unit" : "eval_subject.person"));
  x.set("status_label", ctx.t("sheet_status." + std::string(to_string(s.status))));
  x.set("status_color", sheet_status_color(s.status));
  return x;
}

std::string field_message(http::Context& ctx, const Error& e, const FieldError& f) {
  return ctx.catalogue().format(ctx.lang, f.code, e.params);
}

namespace {

struct Choice {
  std::optional<std::int64_t> movement;
  int year = 0;
};

Choice choice_from(const http::FormData& q) {
  Choice c;
  if (auto m = id_param(q.value("movement"))) c.movement = *m;
  c.year = std::max(0, year_param(q.value("year")));
  return c;
}

std::string page_url(std::int64_t movement, int year) {
  return "/evaluations?movement=" + std::to_string(movement) + "&year=" + std::to_string(year);
}

Result<http::Response> render(const WebDeps& deps, http::Context& ctx, Choice choice, const Refused* refused,
                              unsigned status, const std::string& made = "") {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto o = deps.evaluations->overview(*ctx.principal, *agency, choice.movement, choice.year);
  if (!o) return fail(o.error());
  mustache::data d;
  if (!made.empty() && made.find_first_not_of("0123456789") == std::string::npos) d.set("made", made);
  mustache::list movements, years;
  for (const auto& m : o->movements) {
    mustache::data x;
    x.set("value", std::to_string(m.id));
    x.set("label", m.title + " (" + std::to_string(m.first_year) + " – " + std::to_string(m.last_year) + ")");
    if (m.id == o->movement_id) x.set("selected", true);
    movements.push_back(x);
  }
  for (int y : o->years) {
    mustache::data x;
    x.set("value", std::to_string(y));
    x.set("label", std::to_string(y));
    if (y == o->year) x.set("selected", true);
    years.push_back(x);
  }
  d.set("movements", movements);
  d.set("years", years);
  d.set("movement_id", std::to_string(o->movement_id));
  d.set("year", std::to_string(o->year));
  if (o->movements.empty()) d.set("no_movement", true);
  if (o->manages && o->movement_id) d.set("manages", true);

  // One card per subject kind: its template, or the Office's ways to make one.
  mustache::list kinds;
  for (auto subject : {EvalSubject::unit, EvalSubject::person, EvalSubject::cluster_agency}) {
    const std::string code(to_string(subject));
    mustache::data k;
    k.set("subject", code);
    k.set("subject_label", ctx.t("eval_subject." + code));
    for (const auto& t : o->templates) {
      if (t.subject != subject) continue;
      k.set("template_id", std::to_string(t.id));
      k.set("title", t.title);
      k.set("sheets", std::to_string(t.sheets));
      k.set("submitted", std::to_string(t.submitted));
      if (subject != EvalSubject::cluster_agency && o->manages) k.set("can_apply", true);
      if (subject == EvalSubject::cluster_agency) k.set("cluster", true);
      // Overseers read every ranking; a cluster's is read by the members' Offices too.
      if (o->oversees) {
        k.set("can_rank", true);
      } else if (!o->headed_units.empty() && subject != EvalSubject::cluster_agency) {
        // A unit head reads the ranking of their unit.
        k.set("can_rank", true);
        k.set("rank_query", "?unit=" + std::to_string(o->headed_units.front()));
      }
    }
    if (!k.get("template_id") && o->manages && o->movement_id) {
      k.set("can_create", true);
      k.set("copy", form_echo(ctx, refused, "copy-" + code, {}));
    }
    kinds.push_back(k);
  }
  d.set("kinds", kinds);

  if (o->evaluation) {
    const auto& e = *o->evaluation;
    mustache::data ev;
    ev.set("id", std::to_string(e.id));
    ev.set("version", std::to_string(e.version));
    ev.set("status_label", ctx.t("evaluation_status." + std::string(to_string(e.status))));
    const bool open = e.status == EvaluationStatus::open;
    ev.set("status_color", open ? "success" : "dark");
    if (open) ev.set("open", true);
    if (o->manages) {
      ev.set("manages", true);
      ev.set("form", form_echo(ctx, refused, "status", {"reason"}));
      if (refused && refused->form == "status") ev.set("form_open", true);
    }
    mustache::list history;
    for (const auto& h : o->history) {
      mustache::data x;
      x.set("at", display_timestamp(h.at));
      x.set("actor", h.actor);
      x.set("event", ctx.t("evaluation_page.event_" + h.event));
      set_text(x, "reason", h.reason);
      history.push_back(x);
    }
    if (!o->history.empty()) ev.set("has_history", true);
    ev.set("history", history);
    d.set("evaluation", ev);
  }
  mustache::list own, review;
  for (const auto& s : o->own) own.push_back(sheet_row_data(ctx, s));
  for (const auto& s : o->to_review) review.push_back(sheet_row_data(ctx, s));
  if (!own.empty()) d.set("has_own", true);
  if (!review.empty()) d.set("has_review", true);
  d.set("own", own);
  d.set("review", review);
  mustache::list queue;
  for (const auto& s : o->office_queue) queue.push_back(sheet_row_data(ctx, s));
  if (o->office_queue_total > 0) {
    d.set("has_queue", true);
    d.set("queue_total", std::to_string(o->office_queue_total));
    const auto more = o->office_queue_total - static_cast<long long>(o->office_queue.size());
    if (more > 0) {
      d.set("queue_more", ctx.catalogue().format(ctx.lang, "evaluation_page.queue_more", {{"count", std::to_string(more)}}));
    }
  }
  d.set("queue", queue);
  if (refused && refused->error && refused->form == "apply") d.set("page_error", ctx.message(*refused->error));
  return deps.views->page(ctx, "pages/evaluations", ctx.t("evaluation_page.title"), std::move(d), status);
}

/// After an action: back to the page of the movement and year, or the page with the refused form.
template <class T>
Result<http::Response> after(const WebDeps& deps, http::Context& ctx, Choice choice, const std::string& form_name,
                             const http::FormData& form, const Result<T>& r, const char* flash) {
  if (r) {
    ctx.set_flash(flash);
    return http::Response::redirect(page_url(choice.movement.value_or(0), choice.year));
  }
  // Nothing to copy from last year is said on the card, not on an error page.
  const bool nothing_to_copy = r.error().code == "evaluation.no_previous_template";
  if (!shows_again(r.error()) && r.error().kind != ErrorKind::forbidden && !nothing_to_copy) return fail(r.error());
  Refused refused{form_name, &form, &r.error()};
  return render(deps, ctx, choice, &refused, http::status_for(r.error()));
}

Result<http::Response> change_status(const WebDeps& deps, http::Context& ctx, bool close) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  Choice choice = choice_from(*form);
  const auto version = std::atoll(form->value("version").c_str());
  auto r = close ? deps.evaluations->close(*ctx.principal, *id, version, form->value("reason"))
                 : deps.evaluations->reopen(*ctx.principal, *id, version, form->value("reason"));
  return after(deps, ctx, choice, "status", *form, r, close ? "flash.evaluation.closed" : "flash.evaluation.reopened");
}

}  // namespace

Result<http::Response> evaluations_page(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  return render(deps, ctx, choice_from(*q), nullptr, 200, q->value("made"));
}

Result<http::Response> evaluation_close(const WebDeps& deps, http::Context& ctx) { return change_status(deps, ctx, true); }
Result<http::Response> evaluation_reopen(const WebDeps& deps, http::Context& ctx) {
  return change_status(deps, ctx, false);
}

Result<http::Response> evaluation_copy_last_year(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  Choice choice = choice_from(*form);
  const std::string code = form->value("subject");
  auto subject = parse_eval_subject(code);
  if (!subject || !choice.movement) return fail(ErrorKind::validation, "validation.invalid");
  auto r = deps.evaluations->copy_last_year(*ctx.principal, *agency, *choice.movement, choice.year, *subject);
  if (r) {
    ctx.set_flash("flash.evaluation.copied");
    return http::Response::redirect("/evaluations/templates/" + std::to_string(r->id));
  }
  return after(deps, ctx, choice, "copy-" + code, *form, r, "flash.evaluation.copied");
}

Result<http::Response> evaluation_template_apply(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  Choice choice = choice_from(*form);
  auto r = deps.evaluations->apply_template(*ctx.principal, *id);
  if (r) {
    // How many sheets were made, said on the next page.
    return http::Response::redirect(page_url(choice.movement.value_or(0), choice.year) + "&made=" +
                                    std::to_string(*r));
  }
  return after(deps, ctx, choice, "apply", *form, r, "flash.evaluation.applied");
}

}  // namespace thidua::web
