// A scoring sheet: every criterion with its maximum and guidance, the rounds side by side
// (self, unit head, Office) with their reasons, the computed criteria with the records behind
// them, the total and band; the forms the sheet's status and the user's part allow; history.

#include <cstdlib>
#include <set>

#include "web/evaluation_pages.hpp"
#include "web/evidence_view.hpp"

namespace thidua::web {

namespace {

struct Latest {
  const storage::EntryRow* self = nullptr;
  const storage::EntryRow* unit = nullptr;
  const storage::EntryRow* office = nullptr;
  std::string unit_reason, office_reason;  ///< the round's last reason (a later unchanged score has none)
};

/// criterion → the newest entry of each round.
std::map<std::int64_t, Latest> latest_by_round(const std::vector<storage::EntryRow>& entries) {
  std::map<std::int64_t, Latest> out;
  for (const auto& e : entries) {
    auto& l = out[e.criterion_id];
    (e.round == ScoreRound::self ? l.self : e.round == ScoreRound::unit_review ? l.unit : l.office) = &e;
    if (!e.reason.empty() && e.round != ScoreRound::self) {
      (e.round == ScoreRound::unit_review ? l.unit_reason : l.office_reason) = e.reason;
    }
  }
  return out;
}

mustache::data round_cell(const storage::EntryRow* e, const std::string& reason = "") {
  mustache::data x;
  if (!e) return x;
  x.set("points", format_points(e->points));
  set_text(x, "comment", e->comment);
  set_text(x, "reason", reason);
  x.set("by", e->scored_by);
  return x;
}

/// The form a page shows again: which one ("self", "review", "return") and where its messages go.
struct Again {
  const Refused* refused = nullptr;
  std::vector<std::int64_t> order;  ///< the criterion of each entry sent, for "entries.N.points"
};

std::string typed(const Again& a, const std::string& name) {
  if (!a.refused || !a.refused->values) return {};
  return a.refused->values->value(name);
}

Result<http::Response> render(const WebDeps& deps, http::Context& ctx, std::int64_t id, const Again& again,
                              unsigned status) {
  auto v = deps.evaluations->sheet(*ctx.principal, id);
  if (!v) return fail(v.error());
  const auto& s = v->sheet;
  const bool typing = v->can_self_assess || v->can_review;
  const bool refused_scores = again.refused && (again.refused->form == "self" || again.refused->form == "review");
  std::map<std::string, std::string> field_errors;
  std::string summary;
  if (again.refused && again.refused->error) {
    const Error& e = *again.refused->error;
    summary = ctx.message(e);
    for (const auto& f : e.fields) {
      // "entries.3.points" → the criterion of the fourth entry sent.
      if (f.field.rfind("entries.", 0) == 0) {
        auto dot = f.field.find('.', 8);
        auto i = std::atoi(f.field.substr(8, dot - 8).c_str());
        if (dot != std::string::npos && i >= 0 && static_cast<std::size_t>(i) < again.order.size()) {
          field_errors[f.field.substr(dot + 1) + "_" + std::to_string(again.order[i])] = field_message(ctx, e, f);
          continue;
        }
      }
      if (f.field == "reason" && again.refused->form == "return") {
        field_errors["return_reason"] = field_message(ctx, e, f);
        continue;
      }
      summary += " " + field_message(ctx, e, f);
    }
  }
  mustache::data d = sheet_row_data(ctx, s);
  d.set("id", std::to_string(s.id));
  d.set("version", std::to_string(s.version));
  d.set("template_id", std::to_string(v->tmpl.id));
  d.set("template_title", v->tmpl.title);
  d.set("year", std::to_string(v->tmpl.year));
  d.set("movement_id", std::to_string(v->tmpl.movement_id));
  if (v->evaluation.status == EvaluationStatus::closed) d.set("closed", true);
  if (v->can_self_assess) d.set("can_self", true);
  if (v->can_review) d.set("can_review", true);
  if (v->can_finalise) d.set("can_finalise", true);
  if (typing) d.set("typing", true);
  if (v->can_self_assess && (s.status == SheetStatus::draft || s.status == SheetStatus::returned)) d.set("can_submit", true);

  const auto latest = latest_by_round(v->entries);
  mustache::list groups;
  for (const auto& g : v->tmpl.groups) {
    mustache::data gd;
    gd.set("title", g.title);
    mustache::list rows;
    for (const auto& c : g.criteria) {
      mustache::data r;
      const std::string cid = std::to_string(c.id);
      r.set("cid", cid);
      r.set("title", c.title);
      r.set("max", format_points(c.max_points));
      set_text(r, "guidance", c.guidance);
      set_text(r, "evidence_expected", c.evidence_expected);
      if (c.kind != CriterionKind::normal) {
        r.set("kind_label", ctx.t("criterion_kind." + std::string(to_string(c.kind))));
        r.set("kind_color", c.kind == CriterionKind::bonus ? "success" : "danger");
      }
      auto cur = v->current.find(c.id);
      r.set("current", cur == v->current.end() ? "" : format_points(cur->second));
      auto l = latest.find(c.id);
      const Latest none;
      const Latest& lt = l == latest.end() ? none : l->second;
      // The files sent with any score of this criterion, every round.
      std::vector<EvidenceRow> files;
      for (const auto& e : v->entries) {
        if (e.criterion_id != c.id) continue;
        if (auto f = v->evidence.find(e.id); f != v->evidence.end()) files.insert(files.end(), f->second.begin(), f->second.end());
      }
      if (!files.empty()) r.set("evidence_html", render_evidence_list(*deps.views, ctx, files));
      r.set("self", round_cell(lt.self));
      r.set("unit", round_cell(lt.unit, lt.unit_reason));
      r.set("office", round_cell(lt.office, lt.office_reason));
      if (c.formula) {
        r.set("computed", true);
        auto val = v->computed_values.find(c.id);
        r.set("value", std::to_string(val == v->computed_values.end() ? 0 : val->second));
        r.set("measure_label", ctx.t("pledge_measure." + c.formula->measure));
      } else if (typing) {
        mustache::data in;
        const auto* mine = v->can_self_assess ? lt.self : nullptr;
        if (refused_scores) {
          in.set("points", typed(again, "points_" + cid));
          in.set("comment", typed(again, "comment_" + cid));
          in.set("reason", typed(again, "reason_" + cid));
        } else if (v->can_self_assess) {
          in.set("points", mine ? format_points(mine->points) : "");
          in.set("comment", mine ? mine->comment : "");
        } else {
          in.set("points", cur == v->current.end() ? "" : format_points(cur->second));
        }
        for (const char* f : {"points", "comment", "reason"}) {
          auto it = field_errors.find(std::string(f) + "_" + cid);
          if (it != field_errors.end()) in.set(std::string(f) + "_error", it->second);
        }
        if (deps.evidence) {
          EvidenceInputOptions eo;
          eo.field = "evidence_" + cid;
          eo.id = "evidence-" + cid;
          if (auto it = field_errors.find("files_" + cid); it != field_errors.end()) eo.error = it->second;
          in.set("evidence_input", render_evidence_input(*deps.views, ctx, *deps.evidence, eo));
        }
        r.set("input", in);
      }
      rows.push_back(r);
    }
    gd.set("rows", rows);
    groups.push_back(gd);
  }
  d.set("groups", groups);
  d.set("total", format_points(v->total.total));
  d.set("normal", format_points(v->total.normal));
  d.set("bonus", format_points(v->total.bonus));
  d.set("penalty", format_points(v->total.penalty));
  d.set("potential", format_points(v->tmpl.potential()));
  if (v->band) d.set("band", v->tmpl.bands[*v->band].name);
  mustache::list records;
  for (const auto& a : v->records) {
    mustache::data x;
    x.set("record_id", std::to_string(a.id));
    x.set("record_title", a.title);
    x.set("record_date", display_date(a.occurred_on));
    records.push_back(x);
  }
  if (!v->records.empty()) d.set("has_records", true);
  d.set("records", records);
  d.set("records_total", std::to_string(v->records_total));
  mustache::list history;
  for (const auto& h : v->history) {
    mustache::data x;
    x.set("at", display_timestamp(h.at));
    x.set("actor", h.actor);
    x.set("event", ctx.t("evaluation_page.sheet_event_" + h.event));
    if (!h.round.empty()) x.set("round", ctx.t("score_round." + h.round));
    set_text(x, "comment", h.comment);
    history.push_back(x);
  }
  d.set("history", history);
  if (!summary.empty()) d.set("page_error", summary);
  // Typed points and comments are shown again; a browser never refills a file input.
  if (refused_scores) d.set("files_again", true);
  if (again.refused && again.refused->form == "return") {
    d.set("return_reason", typed(again, "reason"));
    d.set("return_open", true);
    if (auto it = field_errors.find("return_reason"); it != field_errors.end()) d.set("return_reason_error", it->second);
  }
  return deps.views->page(ctx, "pages/evaluation_sheet", s.subject_name + " – " + v->tmpl.title, std::move(d), status);
}

/// The entries of a scoring form: every hand-scored criterion typed; for the subject, only
/// those that changed since their last own score.
Result<std::pair<std::vector<services::EntryInput>, std::vector<std::int64_t>>> entries_from(
    const WebDeps& deps, http::Context& ctx, std::int64_t id, const http::FormData& form, const http::UploadForm* up,
    bool review) {
  auto v = deps.evaluations->sheet(*ctx.principal, id);
  if (!v) return fail(v.error());
  const auto latest = latest_by_round(v->entries);
  std::vector<services::EntryInput> out;
  std::vector<std::int64_t> order;
  for (const auto* c : v->tmpl.criteria()) {
    if (c->formula) continue;
    const std::string cid = std::to_string(c->id);
    services::EntryInput e;
    e.criterion_id = c->id;
    e.points = form.value("points_" + cid);
    e.comment = form.value("comment_" + cid);
    e.reason = form.value("reason_" + cid);
    if (up && deps.evidence) e.files = evidence_uploads(*up, "evidence_" + cid);
    if (!review && e.files.empty()) {
      if (e.points.empty() && e.comment.empty()) continue;
      auto l = latest.find(c->id);
      const auto* mine = l == latest.end() ? nullptr : l->second.self;
      if (mine && format_points(mine->points) == e.points && mine->comment == e.comment) continue;
    }
    out.push_back(std::move(e));
    order.push_back(c->id);
  }
  return std::make_pair(std::move(out), std::move(order));
}

template <class T>
Result<http::Response> after(const WebDeps& deps, http::Context& ctx, std::int64_t id, const std::string& form_name,
                             const http::FormData& form, const Result<T>& r, const char* flash,
                             std::vector<std::int64_t> order = {}) {
  if (r) {
    ctx.set_flash(flash);
    return http::Response::redirect("/evaluations/sheets/" + std::to_string(id));
  }
  if (!shows_again(r.error()) && r.error().kind != ErrorKind::forbidden) return fail(r.error());
  Refused refused{form_name, &form, &r.error()};
  Again again{&refused, std::move(order)};
  return render(deps, ctx, id, again, http::status_for(r.error()));
}

struct Posted {
  std::int64_t id = 0;
  std::int64_t version = 0;
  const http::FormData* form = nullptr;
  const http::UploadForm* up = nullptr;  ///< the scoring forms: multipart, with evidence per criterion
  http::FormData fields;                 ///< their text fields
};
Result<Posted> posted(http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  return Posted{*id, std::atoll(form->value("version").c_str()), &*form, nullptr, {}};
}
Result<Posted> posted_with_files(http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& up = ctx.upload_form();
  if (!up) return fail(up.error());
  Posted p;
  p.id = *id;
  p.up = &*up;
  for (const auto& [k, v] : up->fields) p.fields.add(k, v);
  p.version = std::atoll(p.fields.value("version").c_str());
  return p;
}

}  // namespace

Result<http::Response> evaluation_sheet_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  return render(deps, ctx, *id, Again{}, 200);
}

Result<http::Response> evaluation_sheet_save(const WebDeps& deps, http::Context& ctx) {
  auto p = posted_with_files(ctx);
  if (!p) return fail(p.error());
  p->form = &p->fields;
  auto entries = entries_from(deps, ctx, p->id, *p->form, p->up, false);
  if (!entries) return fail(entries.error());
  const bool then_submit = p->form->value("then") == "submit";
  std::int64_t version = p->version;
  if (!entries->first.empty() || !then_submit) {
    auto r = deps.evaluations->self_assess(*ctx.principal, p->id, version, entries->first);
    if (!r || !then_submit) return after(deps, ctx, p->id, "self", *p->form, r, "flash.evaluation.saved", entries->second);
    version = r->sheet.version;
  }
  auto r = deps.evaluations->submit(*ctx.principal, p->id, version);
  return after(deps, ctx, p->id, "self", *p->form, r, "flash.evaluation.submitted", entries->second);
}

Result<http::Response> evaluation_sheet_submit(const WebDeps& deps, http::Context& ctx) {
  auto p = posted(ctx);
  if (!p) return fail(p.error());
  auto r = deps.evaluations->submit(*ctx.principal, p->id, p->version);
  return after(deps, ctx, p->id, "submit", *p->form, r, "flash.evaluation.submitted");
}

Result<http::Response> evaluation_sheet_review(const WebDeps& deps, http::Context& ctx) {
  auto p = posted_with_files(ctx);
  if (!p) return fail(p.error());
  p->form = &p->fields;
  auto entries = entries_from(deps, ctx, p->id, *p->form, p->up, true);
  if (!entries) return fail(entries.error());
  auto r = deps.evaluations->review(*ctx.principal, p->id, p->version, entries->first);
  return after(deps, ctx, p->id, "review", *p->form, r, "flash.evaluation.reviewed", entries->second);
}

Result<http::Response> evaluation_sheet_return(const WebDeps& deps, http::Context& ctx) {
  auto p = posted(ctx);
  if (!p) return fail(p.error());
  auto r = deps.evaluations->return_sheet(*ctx.principal, p->id, p->version, p->form->value("reason"));
  return after(deps, ctx, p->id, "return", *p->form, r, "flash.evaluation.returned");
}

Result<http::Response> evaluation_sheet_finalise(const WebDeps& deps, http::Context& ctx) {
  auto p = posted(ctx);
  if (!p) return fail(p.error());
  auto r = deps.evaluations->finalise(*ctx.principal, p->id, p->version);
  return after(deps, ctx, p->id, "final", *p->form, r, "flash.evaluation.finalised");
}

}  // namespace thidua::web
