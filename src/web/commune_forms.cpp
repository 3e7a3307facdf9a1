// Changes from the commune pages: assigning a commune to the agency, editing and ending an
// assignment, recording and withdrawing an assessment, recognition events. A refused form
// comes back as typed with the message under each field (422, 409 for a stale edit).

#include <algorithm>

#include "text/format.hpp"
#include "web/commune_pages.hpp"
#include "web/commune_views.hpp"
#include "web/evidence_view.hpp"

namespace thidua::web {

namespace cv = commune_view;

namespace {

std::int64_t form_version(const http::FormData& f) { return std::atoll(f.value("version").c_str()); }

services::AssignmentInput assignment_input(const http::FormData& f) {
  services::AssignmentInput in;
  in.commune_code = f.value("commune_code");
  in.decision_ref = f.value("decision_ref");
  in.decision_date = f.value("decision_date");
  in.target_level = f.value("target_level");
  in.target_year = f.value("target_year");
  in.valid_from = f.value("valid_from");
  in.note = f.value("note");
  for (auto v : f.all("contact_ids")) in.contact_ids.emplace_back(v);
  in.contact_role = f.value("contact_role");
  return in;
}

/// Runs a change of commune `{id}` from a form; on refusal shows the commune page again with
/// the form `form_name` as typed, else goes back to the page at `anchor`.
template <class Change>
Result<http::Response> commune_change(const WebDeps& deps, http::Context& ctx, const std::string& form_name,
                                      const std::string& anchor, const char* flash, Change&& change) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = change(*id, *form);
  if (!r) {
    if (!shows_again(r.error())) return fail(r.error());
    Refused refused{form_name, &*form, &r.error()};
    return render_commune(deps, ctx, *id, &refused, http::status_for(r.error()));
  }
  if (flash) ctx.set_flash(flash);
  return http::Response::redirect("/communes/" + std::to_string(*id) + anchor);
}

Result<http::Response> render_assign(const WebDeps& deps, http::Context& ctx, std::int64_t commune_id,
                                     const Refused* refused, unsigned status) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto entry = deps.communes->catalogue_entry(*ctx.principal, commune_id);
  if (!entry) return fail(entry.error());
  auto people = deps.communes->contact_choices(*ctx.principal, *agency);
  if (!people) return fail(people.error());
  const auto& c = entry->commune;
  mustache::data d;
  std::string title = cv::title(ctx, c.kind, c.name, true);
  d.set("commune", title);
  d.set("commune_id", std::to_string(c.id));
  d.set("commune_code", c.code);
  cv::text(d, "district", c.district);
  d.set("province", c.province);
  d.set("agency", std::to_string(*agency));
  auto f = form_echo(ctx, refused, "assign",
                     {"decision_ref", "decision_date", "target_level", "target_year", "valid_from", "note",
                      "contact_role", "contact_ids", "commune_code"});
  std::string level = refused && refused->values ? refused->values->value("target_level") : "ntm";
  put(d, "levels", cv::level_options(ctx, level));
  d.set("contacts_html", deps.views->render("partials/contact_picker", ctx.lang,
                                            cv::contact_picker(*people, checked(refused, "assign", "contact_ids"), "as")));
  d.set("agency_people", cv::people_datalist(*people));
  put(d, "form", std::move(f));
  return deps.views->page(ctx, "pages/commune_assign", ctx.t("commune.assign_title") + " — " + title, std::move(d),
                          status);
}

/// The assessment form's page for `date`, with the refused form (if any) as typed.
Result<http::Response> render_assessment_form(const WebDeps& deps, http::Context& ctx, std::int64_t commune_id,
                                              const std::string& date, const Refused* refused, unsigned status) {
  auto form = deps.communes->assessment_form(*ctx.principal, commune_id, date);
  auto commune = deps.communes->catalogue_entry(*ctx.principal, commune_id);
  if (!commune) return fail(commune.error());
  std::string title = cv::title(ctx, commune->commune.kind, commune->commune.name, true);
  mustache::data d;
  d.set("commune", title);
  d.set("commune_id", std::to_string(commune_id));
  if (!form) {
    // No assignment or set on that date: the date picker alone, with the reason.
    if (form.error().kind != ErrorKind::validation) return fail(form.error());
    d.set("date", date);
    d.set("date_error", ctx.message(form.error()));
    return deps.views->page(ctx, "pages/commune_assessment_form", ctx.t("commune.assess") + " — " + title,
                            std::move(d), 422);
  }
  const bool mine = refused && refused->values;
  auto typed = [&](const std::string& field, const std::string& current) {
    return mine ? refused->values->value(field) : current;
  };
  d.set("date", display_date(form->date));
  d.set("assessed_on", form->date);
  d.set("set_name", form->set.name);
  d.set("set_citation", form->set.citation);
  d.set("agency_name", form->assignment.agency_name);
  d.set("agency_id", std::to_string(form->assignment.agency_id));
  d.set("level", cv::level_label(ctx, form->assignment.target_level));
  if (!form->group.empty()) cv::text(d, "group", form->group);
  if (form->previous) d.set("previous", display_date(form->previous->assessed_on));
  cv::text(d, "note", typed("note", ""));
  std::string kind = typed("kind", "half_year");
  mustache::list kinds;
  for (auto k : kAssessmentKinds) {
    mustache::data o;
    cv::text(o, "value", std::string(to_string(k)));
    o.set("label", ctx.t("commune.assess_kind." + std::string(to_string(k))));
    if (to_string(k) == kind) o.set("selected", true);
    kinds.push_back(o);
  }
  put(d, "kinds", list_data(std::move(kinds)));
  std::string group;
  mustache::list criteria;
  for (const auto& c : form->set.criteria) {
    const std::string key = std::to_string(c.id);
    mustache::data x;
    x.set("id", key);
    x.set("number", std::to_string(c.number));
    x.set("name", c.name);
    if (c.group != group && !c.group.empty()) {
      x.set("group_heading", c.group);
      group = c.group;
    }
    const AssessmentItem* before = nullptr;
    if (form->previous) {
      for (const auto& i : form->previous->items) {
        if (i.criterion_id == c.id) before = &i;
      }
    }
    std::string met = typed("met_" + key, before ? (before->met ? "1" : "0") : "");
    if (met == "1") x.set("met_yes", true);
    if (met == "0") x.set("met_no", true);
    cv::text(x, "value", typed("value_" + key, before ? before->value : ""));
    cv::text(x, "note", typed("note_" + key, before ? before->note : ""));
    mustache::list indicators;
    for (const auto& i : c.indicators) {
      mustache::data o;
      o.set("code", i.code);
      o.set("name", i.name);
      cv::text(o, "target", i.target);
      cv::text(o, "unit", i.measure_unit);
      indicators.push_back(o);
    }
    if (!indicators.empty()) x.set("has_indicators", true);
    put(x, "indicators", list_data(std::move(indicators)));
    if (refused && refused->error) {
      for (const auto& fe : refused->error->fields) {
        if (fe.field == "met_" + key) x.set("met_error", ctx.field_message(*refused->error, fe));
        if (fe.field == "value_" + key || fe.field == "note_" + key) x.set("text_error", ctx.field_message(*refused->error, fe));
      }
    }
    criteria.push_back(x);
  }
  put(d, "criteria", list_data(std::move(criteria)));
  if (deps.evidence && deps.communes->takes_files()) {
    EvidenceInputOptions o;
    o.id = "as-evidence";
    if (refused && refused->error) {
      for (const auto& fe : refused->error->fields) {
        if (fe.field == "file") o.error = ctx.field_message(*refused->error, fe);
      }
    }
    d.set("evidence_input", render_evidence_input(*deps.views, ctx, *deps.evidence, o));
  }
  if (refused && refused->error) {
    d.set("error", ctx.message(*refused->error));
    for (const auto& fe : refused->error->fields) {
      if (fe.field == "assessed_on" || fe.field == "kind" || fe.field == "note" || fe.field == "items") {
        d.set(fe.field + "_error", ctx.field_message(*refused->error, fe));
      }
    }
  }
  return deps.views->page(ctx, "pages/commune_assessment_form", ctx.t("commune.assess") + " — " + title, std::move(d),
                          status);
}

/// An assessment's page; `refused` is the withdraw form refused (shown open, with the message).
Result<http::Response> render_assessment(const WebDeps& deps, http::Context& ctx, std::int64_t commune_id,
                                         std::int64_t assessment_id, const Error* refused, const std::string& reason,
                                         const Error* files_error = nullptr) {
  auto a = deps.communes->get_assessment(*ctx.principal, commune_id, assessment_id);
  if (!a) return fail(a.error());
  auto detail = deps.communes->get(*ctx.principal, commune_id);
  if (!detail) return fail(detail.error());
  std::string title = cv::title(ctx, detail->commune.kind, detail->commune.name, true);
  mustache::data d;
  d.set("commune", title);
  d.set("commune_id", std::to_string(commune_id));
  d.set("id", std::to_string(a->id));
  d.set("date", display_date(a->assessed_on));
  d.set("kind", ctx.t("commune.assess_kind." + std::string(to_string(a->kind))));
  d.set("set_name", a->set_name);
  d.set("agency", a->agency_name);
  d.set("met", cv::met_text(a->criteria_met, a->criteria_total));
  cv::text(d, "note", a->note);
  cv::text(d, "by", a->assessed_by);
  d.set("created", display_timestamp(a->created_at));
  if (a->withdrawn) {
    d.set("withdrawn", true);
    d.set("withdrawn_by", a->withdrawn_by);
    d.set("withdrawn_at", display_timestamp(a->withdrawn_at));
    cv::text(d, "withdrawn_reason", a->withdrawn_reason);
  } else if (detail->can_assess) {
    d.set("can_withdraw", true);
  }
  if (deps.evidence) {
    auto files = deps.communes->assessment_files(*ctx.principal, commune_id, assessment_id);
    if (!files) return fail(files.error());
    EvidenceListOptions lo;
    const bool may_change = detail->can_assess && !a->withdrawn;
    if (may_change) {
      lo.withdraw_action = "/communes/" + std::to_string(commune_id) + "/assessments/" + std::to_string(a->id) +
                           "/evidence/{id}/withdraw";
    }
    d.set("evidence_list", render_evidence_list(*deps.views, ctx, *files, lo));
    if (may_change && deps.communes->takes_files()) {
      EvidenceInputOptions o;
      o.id = "more-evidence";
      if (files_error) o.error = ctx.message(*files_error);
      d.set("evidence_input", render_evidence_input(*deps.views, ctx, *deps.evidence, o));
      if (files_error) d.set("files_open", true);
    }
  }
  mustache::list items;
  for (const auto& i : a->items) {
    mustache::data x;
    x.set("number", std::to_string(i.number));
    x.set("name", i.criterion_name);
    if (i.met) x.set("met", true);
    cv::text(x, "value", i.value);
    cv::text(x, "note", i.note);
    items.push_back(x);
  }
  put(d, "items", list_data(std::move(items)));
  if (refused) {
    d.set("withdraw_open", true);
    d.set("withdraw_error", ctx.message(*refused));
    for (const auto& fe : refused->fields) {
      if (fe.field == "reason") d.set("reason_error", ctx.field_message(*refused, fe));
    }
    d.set("reason", reason);
  }
  return deps.views->page(ctx, "pages/commune_assessment",
                          ctx.t("commune.assessment_title") + " " + display_date(a->assessed_on) + " — " + title,
                          std::move(d),
                          refused ? http::status_for(*refused) : files_error ? http::status_for(*files_error) : 200);
}

}  // namespace

Result<http::Response> commune_assign_form(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  auto id = id_param(q->value("commune"));
  if (!id) return fail(id.error());
  return render_assign(deps, ctx, *id, nullptr, 200);
}

Result<http::Response> commune_assign(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto a = deps.communes->assign(*ctx.principal, *agency, assignment_input(*form));
  if (!a) {
    auto commune = cv::id_of(form->value("commune_id"));
    if (!shows_again(a.error()) || !commune) return fail(a.error());
    Refused refused{"assign", &*form, &a.error()};
    return render_assign(deps, ctx, *commune, &refused, http::status_for(a.error()));
  }
  ctx.set_flash("flash.communes.assigned");
  return http::Response::redirect("/communes/" + std::to_string(a->commune_id));
}

Result<http::Response> commune_assignment_update(const WebDeps& deps, http::Context& ctx) {
  auto aid = id_param(ctx.params["assignment"]);
  if (!aid) return fail(aid.error());
  return commune_change(deps, ctx, "assignment-" + std::to_string(*aid), "#assignments", "flash.communes.saved",
                        [&](std::int64_t, const http::FormData& f) {
                          return deps.communes->update_assignment(*ctx.principal, *aid, form_version(f),
                                                                  assignment_input(f));
                        });
}

Result<http::Response> commune_assignment_end(const WebDeps& deps, http::Context& ctx) {
  auto aid = id_param(ctx.params["assignment"]);
  if (!aid) return fail(aid.error());
  return commune_change(deps, ctx, "end-" + std::to_string(*aid), "#assignments", "flash.communes.ended",
                        [&](std::int64_t, const http::FormData& f) {
                          return deps.communes->end_assignment(*ctx.principal, *aid, form_version(f),
                                                               f.value("end_date"), f.value("note"));
                        });
}

Result<http::Response> commune_assessment_new(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& q = ctx.query();
  std::string date = q ? q->value("date") : "";
  return render_assessment_form(deps, ctx, *id, date, nullptr, 200);
}

Result<http::Response> commune_assessment_create(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  // A multipart form (its evidence files already on disk); the text fields as a form.
  const auto& up = ctx.upload_form();
  if (!up) return fail(up.error());
  http::FormData fields;
  for (const auto& [k, v] : up->fields) fields.add(k, v);
  const auto* form = &fields;
  services::AssessmentInput in;
  in.assessed_on = form->value("assessed_on");
  in.kind = form->value("kind");
  in.note = form->value("note");
  in.agency_id = form->value("agency_id");
  for (auto c : form->all("criteria")) {
    std::string key(c);
    in.items.push_back({key, form->value("met_" + key), form->value("value_" + key), form->value("note_" + key)});
  }
  std::vector<services::EvidenceUpload> files;
  if (deps.evidence) files = evidence_uploads(*up);
  auto a = deps.communes->record_assessment(*ctx.principal, *id, in, files);
  if (!a) {
    if (!shows_again(a.error())) return fail(a.error());
    Refused refused{"assessment", &*form, &a.error()};
    return render_assessment_form(deps, ctx, *id, form->value("assessed_on"), &refused, http::status_for(a.error()));
  }
  ctx.set_flash("flash.communes.assessed");
  return http::Response::redirect("/communes/" + std::to_string(*id));
}

Result<http::Response> commune_assessment_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto aid = id_param(ctx.params["assessment"]);
  if (!aid) return fail(aid.error());
  return render_assessment(deps, ctx, *id, *aid, nullptr, "");
}

Result<http::Response> commune_assessment_withdraw(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto aid = id_param(ctx.params["assessment"]);
  if (!aid) return fail(aid.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.communes->withdraw_assessment(*ctx.principal, *id, *aid, form->value("reason"));
  if (!r) {
    if (!shows_again(r.error())) return fail(r.error());
    return render_assessment(deps, ctx, *id, *aid, &r.error(), form->value("reason"));
  }
  ctx.set_flash("flash.communes.withdrawn");
  return http::Response::redirect("/communes/" + std::to_string(*id) + "#assessments");
}

Result<http::Response> commune_recognition_add(const WebDeps& deps, http::Context& ctx) {
  return commune_change(deps, ctx, "recognition", "#recognitions", "flash.communes.recognised",
                        [&](std::int64_t id, const http::FormData& f) {
                          services::RecognitionInput in;
                          in.level = f.value("level");
                          in.event = f.value("event");
                          in.year = f.value("year");
                          in.decision_ref = f.value("decision_ref");
                          in.decision_date = f.value("decision_date");
                          in.issuer = f.value("issuer");
                          in.note = f.value("note");
                          return deps.communes->add_recognition(*ctx.principal, id, in);
                        });
}

Result<http::Response> commune_recognition_withdraw(const WebDeps& deps, http::Context& ctx) {
  auto rid = id_param(ctx.params["recognition"]);
  if (!rid) return fail(rid.error());
  return commune_change(deps, ctx, "recognition-withdraw-" + std::to_string(*rid), "#recognitions",
                        "flash.communes.withdrawn", [&](std::int64_t id, const http::FormData& f) {
                          return deps.communes->withdraw_recognition(*ctx.principal, id, *rid, f.value("reason"));
                        });
}

Result<http::Response> commune_assessment_files_add(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto aid = id_param(ctx.params["assessment"]);
  if (!aid) return fail(aid.error());
  const auto& up = ctx.upload_form();
  if (!up) return fail(up.error());
  auto r = deps.communes->add_assessment_files(*ctx.principal, *id, *aid, evidence_uploads(*up));
  if (!r) {
    if (!shows_again(r.error())) return fail(r.error());
    return render_assessment(deps, ctx, *id, *aid, nullptr, "", &r.error());
  }
  ctx.set_flash("flash.communes.files_added");
  return http::Response::redirect("/communes/" + std::to_string(*id) + "/assessments/" + std::to_string(*aid));
}

Result<http::Response> commune_assessment_file_withdraw(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto aid = id_param(ctx.params["assessment"]);
  if (!aid) return fail(aid.error());
  auto ev = id_param(ctx.params["evidence"]);
  if (!ev) return fail(ev.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.communes->withdraw_assessment_file(*ctx.principal, *id, *aid, *ev, form->value("reason"));
  if (!r) {
    if (!shows_again(r.error())) return fail(r.error());
    return render_assessment(deps, ctx, *id, *aid, nullptr, "", &r.error());
  }
  ctx.set_flash("flash.communes.withdrawn");
  return http::Response::redirect("/communes/" + std::to_string(*id) + "/assessments/" + std::to_string(*aid));
}

}  // namespace thidua::web
