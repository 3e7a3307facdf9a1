// Council sessions: the list, a session (agenda, attendance, quorum, items), the ballot page
// of a member, the minutes, and the public disclosure of candidates.

#include <cstdlib>

#include "documents/docx_writer.hpp"
#include "documents/pdf_writer.hpp"
#include "web/nomination_pages.hpp"

namespace thidua::web {

namespace {

/// Sets `key` only when `value` is not empty (a section of the template shows it only then).
void put_text(mustache::data& d, const std::string& key, const std::string& value) {
  if (!value.empty()) d.set(key, value);
}

std::string percent(int permille) { return std::to_string(permille / 10) + "," + std::to_string(permille % 10) + "%"; }

std::string threshold_text(http::Context& ctx, const BallotRule& r) {
  return ctx.t(r.threshold_strict ? "council_page.more_than" : "council_page.at_least") + " " +
         std::to_string(r.threshold_percent) + "%";
}

mustache::data item_data(http::Context& ctx, const services::CouncilSessionView& v, const services::CouncilItemView& i) {
  mustache::data x;
  const auto& n = i.nomination;
  x.set("item_id", std::to_string(i.item.id));
  x.set("version", std::to_string(i.item.version));
  x.set("session_id", std::to_string(v.session.id));
  x.set("position", std::to_string(i.item.position));
  x.set("nomination_id", std::to_string(n.id));
  x.set("subject_name", n.subject_name);
  put_text(x, "unit_name", n.subject == AwardSubject::person ? n.unit_name : "");
  x.set("form_label", ctx.t("award_form." + std::string(to_string(n.form))) + " " + std::to_string(n.year));
  x.set("threshold", threshold_text(ctx, i.item.rule));
  x.set("method", ctx.t(i.item.rule.ballot_required ? "council_page.secret_ballot" : "council_page.show_of_hands"));
  x.set("status_label", ctx.t("council_item_status." + i.item.status));
  x.set("status_color", i.item.status == "open" ? "info" : i.item.status == "closed" ? "dark" : "secondary");
  x.set("voted", std::to_string(i.voted));
  x.set("may_vote", std::to_string(i.may_vote));
  if (i.item.status == "pending") x.set("pending", true);
  if (i.item.status == "open") x.set("open", true);
  std::string recused;
  for (auto p : i.recused) {
    for (const auto& m : v.members) {
      if (m.person_id == p) recused += (recused.empty() ? "" : ", ") + m.name;
    }
  }
  put_text(x, "recused", recused);
  mustache::list absent;
  for (const auto& m : v.members) {
    if (m.presence != "absent" || std::find(i.recused.begin(), i.recused.end(), m.person_id) != i.recused.end()) continue;
    mustache::data a;
    a.set("person_id", std::to_string(m.person_id));
    a.set("name", m.name);
    a.set("item_id", std::to_string(i.item.id));
    a.set("session_id", std::to_string(v.session.id));
    auto it = i.written.find(m.person_id);
    const std::string opinion = it == i.written.end() ? "" : it->second;
    if (opinion == "approve") a.set("approve", true);
    if (opinion == "disapprove") a.set("disapprove", true);
    a.set("opinion_label", opinion.empty() ? ctx.t("council_page.no_opinion") : ctx.t("council_page.opinion_" + opinion));
    if (i.item.status != "closed" && v.manages) a.set("editable", true);
    absent.push_back(a);
  }
  if (!absent.empty()) x.set("has_absent", true);
  x.set("absent", absent);
  if (i.tally) {
    mustache::data t;
    t.set("approvals", std::to_string(i.tally->approvals));
    t.set("disapprovals", std::to_string(i.tally->disapprovals));
    t.set("base", std::to_string(i.tally->base));
    t.set("percent", percent(i.tally->permille));
    t.set("result", ctx.t(i.tally->passed ? "council_page.result_passed" : "council_page.result_failed"));
    t.set("result_color", i.tally->passed ? "success" : "danger");
    x.set("tally", t);
  }
  if (i.i_may_vote) x.set("i_may_vote", true);
  if (i.i_have_voted) x.set("i_have_voted", true);
  if (v.manages) x.set("manages", true);
  return x;
}

Result<http::Response> render_session(const WebDeps& deps, http::Context& ctx, std::int64_t id, const Error* error,
                                      unsigned status) {
  auto v = deps.council_sessions->get(*ctx.principal, id);
  if (!v) return fail(v.error());
  mustache::data d;
  d.set("id", std::to_string(v->session.id));
  d.set("version", std::to_string(v->session.version));
  d.set("title", v->session.title);
  d.set("held_on", display_date(v->session.held_on));
  put_text(d, "place", v->session.place);
  d.set("term_name", v->term.name);
  const bool planned = v->session.status == "planned";
  d.set("status_label", ctx.t("council_session_status." + v->session.status));
  d.set("status_color", planned ? "info" : "dark");
  if (planned) d.set("planned", true);
  if (v->session.disclosure) d.set("disclosure", true);
  d.set("membership", std::to_string(v->membership));
  d.set("present", std::to_string(v->present));
  d.set("quorum_needed", std::to_string(v->quorum_needed));
  if (v->quorum_met) d.set("quorum_met", true);
  if (v->manages) d.set("manages", true);
  bool locked = false;
  for (const auto& i : v->items) locked = locked || i.item.status != "pending";
  mustache::list members;
  for (const auto& m : v->members) {
    mustache::data x;
    x.set("person_id", std::to_string(m.person_id));
    x.set("name", m.name);
    x.set("seat", ctx.t("seat." + std::string(to_string(m.seat))));
    if (m.presence == "present") x.set("present", true);
    if (m.presence == "absent") x.set("absent", true);
    x.set("presence_label", m.presence.empty() ? ctx.t("council_page.not_recorded") : ctx.t("council_page." + m.presence));
    if (v->manages && planned && !locked) x.set("editable", true);
    members.push_back(x);
  }
  d.set("members", members);
  mustache::list items;
  bool can_vote = false;
  for (const auto& i : v->items) {
    items.push_back(item_data(ctx, *v, i));
    can_vote = can_vote || i.i_may_vote;
  }
  if (items.empty()) d.set("no_items", true);
  d.set("items", items);
  if (v->my_person) d.set("member", true);
  if (can_vote) d.set("can_vote", true);
  mustache::list candidates;
  for (const auto& n : v->candidates) {
    mustache::data x;
    x.set("id", std::to_string(n.id));
    x.set("label", n.subject_name + " — " + ctx.t("award_form." + std::string(to_string(n.form))) + " " +
                       std::to_string(n.year));
    candidates.push_back(x);
  }
  if (!candidates.empty() && v->manages && planned) d.set("has_candidates", true);
  d.set("candidates", candidates);
  if (error) d.set("page_error", ctx.message(*error));
  return deps.views->page(ctx, "pages/council_session", v->session.title, std::move(d), status);
}

template <class T>
Result<http::Response> after(const WebDeps& deps, http::Context& ctx, std::int64_t session_id, const Result<T>& r,
                             const char* flash, const std::string& back = "") {
  if (r) {
    ctx.set_flash(flash);
    return http::Response::redirect(back.empty() ? "/council-sessions/" + std::to_string(session_id) : back);
  }
  if (r.error().kind == ErrorKind::not_found || r.error().kind == ErrorKind::internal) return fail(r.error());
  return render_session(deps, ctx, session_id, &r.error(), http::status_for(r.error()));
}

Result<http::Response> render_ballot(const WebDeps& deps, http::Context& ctx, std::int64_t id, const Error* error,
                                     unsigned status) {
  auto v = deps.council_sessions->get(*ctx.principal, id);
  if (!v) return fail(v.error());
  mustache::data d;
  d.set("id", std::to_string(v->session.id));
  d.set("title", v->session.title);
  mustache::list items;
  for (const auto& i : v->items) {
    if (!i.i_may_vote && !i.i_have_voted) continue;
    items.push_back(item_data(ctx, *v, i));
  }
  if (items.empty()) d.set("nothing", true);
  d.set("items", items);
  if (error) d.set("page_error", ctx.message(*error));
  return deps.views->page(ctx, "pages/council_ballot", ctx.t("council_page.ballot"), std::move(d), status);
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

Result<http::Response> council_sessions_page(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto l = deps.council_sessions->list(*ctx.principal, *agency);
  if (!l) return fail(l.error());
  mustache::data d;
  mustache::list rows;
  for (const auto& s : *l) {
    mustache::data x;
    x.set("id", std::to_string(s.id));
    x.set("title", s.title);
    x.set("held_on", display_date(s.held_on));
    x.set("place", s.place);
    x.set("status_label", ctx.t("council_session_status." + s.status));
    x.set("status_color", s.status == "planned" ? "info" : "dark");
    rows.push_back(x);
  }
  if (rows.empty()) d.set("empty", true);
  d.set("rows", rows);
  if (ctx.principal->has_role_in(Role::office, *agency) || ctx.principal->is_admin()) d.set("can_create", true);
  d.set("f", form_echo(ctx, nullptr, "session", {"title", "held_on", "place"}));
  return deps.views->page(ctx, "pages/council_sessions", ctx.t("council_page.sessions"), std::move(d));
}

Result<http::Response> council_session_create(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  services::CouncilSessionInput in;
  in.title = form->value("title");
  in.held_on = form->value("held_on");
  in.place = form->value("place");
  in.disclosure = form->value("disclosure") == "1";
  auto r = deps.council_sessions->create(*ctx.principal, in);
  if (r) {
    ctx.set_flash("flash.council_session.created");
    return http::Response::redirect("/council-sessions/" + std::to_string(r->session.id));
  }
  if (!shows_again(r.error()) && r.error().kind != ErrorKind::forbidden) return fail(r.error());
  Refused refused{"session", &*form, &r.error()};
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto l = deps.council_sessions->list(*ctx.principal, *agency);
  mustache::data d;
  d.set("rows", mustache::list{});
  if (l && l->empty()) d.set("empty", true);
  d.set("can_create", true);
  d.set("f", form_echo(ctx, &refused, "session", {"title", "held_on", "place"}));
  return deps.views->page(ctx, "pages/council_sessions", ctx.t("council_page.sessions"), std::move(d),
                          http::status_for(r.error()));
}

Result<http::Response> council_session_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  return render_session(deps, ctx, *id, nullptr, 200);
}

Result<http::Response> council_session_add_item(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto n = id_param(form->value("nomination"));
  if (!n) return render_session(deps, ctx, *id, &n.error(), 422);
  auto r = deps.council_sessions->add_item(*ctx.principal, *id, *n);
  return after(deps, ctx, *id, r, "flash.council_session.item_added");
}

Result<http::Response> council_session_attendance(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto person = id_param(form->value("person"));
  if (!person) return fail(person.error());
  auto r = deps.council_sessions->set_attendance(*ctx.principal, *id, *person, form->value("presence"));
  return after(deps, ctx, *id, r, "flash.council_session.attendance");
}

Result<http::Response> council_session_opinion(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  auto item = id_param(ctx.params["item"]);
  if (!id || !item) return fail(ErrorKind::not_found, "council_session.item_not_found");
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto person = id_param(form->value("person"));
  if (!person) return fail(person.error());
  auto r = deps.council_sessions->set_written_opinion(*ctx.principal, *item, *person, form->value("opinion"));
  return after(deps, ctx, *id, r, "flash.council_session.opinion");
}

Result<http::Response> council_item_open(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  auto item = id_param(ctx.params["item"]);
  if (!id || !item) return fail(ErrorKind::not_found, "council_session.item_not_found");
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.council_sessions->open_item(*ctx.principal, *item, std::atoll(form->value("version").c_str()));
  return after(deps, ctx, *id, r, "flash.council_session.item_opened");
}

Result<http::Response> council_item_close(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  auto item = id_param(ctx.params["item"]);
  if (!id || !item) return fail(ErrorKind::not_found, "council_session.item_not_found");
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.council_sessions->close_item(*ctx.principal, *item, std::atoll(form->value("version").c_str()));
  return after(deps, ctx, *id, r, "flash.council_session.item_closed");
}

Result<http::Response> council_session_close(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.council_sessions->close(*ctx.principal, *id, std::atoll(form->value("version").c_str()));
  return after(deps, ctx, *id, r, "flash.council_session.closed");
}

Result<http::Response> council_session_disclosure(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.council_sessions->set_disclosure(*ctx.principal, *id, std::atoll(form->value("version").c_str()),
                                                 form->value("disclosure") == "1");
  return after(deps, ctx, *id, r, "flash.council_session.disclosure");
}

Result<http::Response> council_ballot_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  return render_ballot(deps, ctx, *id, nullptr, 200);
}

Result<http::Response> council_ballot_vote(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  auto item = id_param(ctx.params["item"]);
  if (!id || !item) return fail(ErrorKind::not_found, "council_session.item_not_found");
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  const std::string choice = form->value("choice");
  if (choice != "approve" && choice != "disapprove") {
    Error e{ErrorKind::validation, "council_session.choice_invalid", {}, {}, {}};
    return render_ballot(deps, ctx, *id, &e, 422);
  }
  auto r = deps.council_sessions->vote(*ctx.principal, *id, *item, choice == "approve");
  if (r) {
    ctx.set_flash("flash.council_session.voted");
    return http::Response::redirect("/council-sessions/" + std::to_string(*id) + "/ballot");
  }
  if (r.error().kind == ErrorKind::not_found || r.error().kind == ErrorKind::internal) return fail(r.error());
  return render_ballot(deps, ctx, *id, &r.error(), http::status_for(r.error()));
}

Result<http::Response> council_minutes_docx(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto doc = deps.council_sessions->minutes(*ctx.principal, *id);
  if (!doc) return fail(doc.error());
  auto bytes = documents::write_docx(*doc);
  if (!bytes) return fail(bytes.error());
  auto s = deps.council_sessions->get(*ctx.principal, *id);
  return download(std::move(*bytes), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                  s ? services::minutes_file_name(s->session, "docx") : "bien-ban.docx", false);
}

Result<http::Response> council_minutes_pdf(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto doc = deps.council_sessions->minutes(*ctx.principal, *id);
  if (!doc) return fail(doc.error());
  auto bytes = documents::write_pdf(*doc);
  if (!bytes) return fail(bytes.error());
  auto s = deps.council_sessions->get(*ctx.principal, *id);
  return download(std::move(*bytes), "application/pdf",
                  s ? services::minutes_file_name(s->session, "pdf") : "bien-ban.pdf", true);
}

Result<http::Response> council_public_candidates(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(ErrorKind::not_found, "council_session.session_not_found");
  auto d = deps.council_sessions->disclosure(*id);
  if (!d) return fail(d.error());
  mustache::data x;
  x.set("agency_name", d->agency_name);
  x.set("title", d->title);
  x.set("held_on", display_date(d->held_on));
  mustache::list rows;
  int i = 0;
  for (const auto& c : d->candidates) {
    mustache::data r;
    r.set("no", std::to_string(++i));
    r.set("name", c.name);
    r.set("unit", c.unit);
    r.set("form_label", ctx.t("award_form." + std::string(to_string(c.form))));
    rows.push_back(r);
  }
  x.set("rows", rows);
  return deps.views->page(ctx, "pages/council_disclosure", ctx.t("council_page.disclosure_title"), std::move(x));
}

}  // namespace thidua::web
