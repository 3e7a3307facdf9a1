#include <cmath>

#include "services/scope.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"
#include "web/decision_pages.hpp"
#include "web/page_cache.hpp"
#include "web/pages.hpp"

namespace thidua::web {

namespace {

const char* status_color(PersonStatus s) {
  switch (s) {
    case PersonStatus::active: return "success";
    case PersonStatus::transferred: return "secondary";
    case PersonStatus::retired: return "dark";
  }
  return "secondary";
}

mustache::data person_row(http::Context& ctx, const Person& p) {
  mustache::data r;
  r.set("id", std::to_string(p.id));
  r.set("full_name", p.full_name);
  r.set("code", p.code);
  r.set("unit_name", p.unit_id ? p.unit_name : ctx.t("people.no_unit"));
  r.set("position", p.position);
  r.set("birth_date", display_date(p.birth_date));
  r.set("status_label", ctx.t("status." + std::string(to_string(p.status))));
  r.set("status_color", status_color(p.status));
  return r;
}

mustache::list unit_options(const std::vector<Unit>& units, std::int64_t selected) {
  mustache::list out;
  for (const auto& u : units) {
    mustache::data o;
    o.set("id", std::to_string(u.id));
    o.set("name", u.name);
    if (u.id == selected) o.set("selected", true);
    out.push_back(o);
  }
  return out;
}

/// The form's fields, each with its label, value, options and error.
mustache::list person_fields(http::Context& ctx, const services::PersonInput& in, const std::vector<Unit>& units,
                             const Error* error) {
  auto err = [&](const char* field) -> std::string {
    if (!error) return {};
    for (const auto& f : error->fields) {
      if (f.field == field) return ctx.field_message(*error, f);
    }
    return {};
  };
  mustache::list fields;
  auto text_field = [&](const char* name, const char* label, const std::string& value, int width, bool required,
                        const char* placeholder) {
    mustache::data f;
    f.set("name", name);
    f.set("label", ctx.t(label));
    f.set("value", value);
    f.set("width", std::to_string(width));
    if (required) f.set("required", true);
    if (placeholder) f.set("placeholder", ctx.t(placeholder));
    if (auto e = err(name); !e.empty()) f.set("error", e);
    fields.push_back(f);
  };
  auto select_field = [&](const char* name, const char* label, const std::string& value, int width,
                          const std::vector<std::pair<std::string, std::string>>& options) {
    mustache::data f;
    f.set("name", name);
    f.set("label", ctx.t(label));
    f.set("width", std::to_string(width));
    f.set("select", true);
    mustache::list opts;
    for (const auto& [v, l] : options) {
      mustache::data o;
      o.set("value", v);
      o.set("label", l);
      if (v == value) o.set("selected", true);
      opts.push_back(o);
    }
    f.set("options", opts);
    if (auto e = err(name); !e.empty()) f.set("error", e);
    fields.push_back(f);
  };
  text_field("full_name", "people.full_name", in.full_name, 6, true, nullptr);
  text_field("code", "people.code", in.code, 3, false, nullptr);
  select_field("gender", "people.gender", in.gender, 3,
               {{"male", ctx.t("gender.male")}, {"female", ctx.t("gender.female")}});
  text_field("birth_date", "people.birth_date", in.birth_date, 3, false, "people.date_hint");
  select_field("employment", "people.employment", in.employment, 3,
               {{"civil_servant", ctx.t("employment.civil_servant")},
                {"public_employee", ctx.t("employment.public_employee")},
                {"contract_worker", ctx.t("employment.contract_worker")}});
  text_field("start_date", "people.start_date", in.start_date, 3, false, "people.date_hint");
  select_field("status", "people.status", in.status, 3,
               {{"active", ctx.t("status.active")},
                {"transferred", ctx.t("status.transferred")},
                {"retired", ctx.t("status.retired")}});
  std::vector<std::pair<std::string, std::string>> unit_opts{{"", ctx.t("people.no_unit")}};
  for (const auto& u : units) unit_opts.emplace_back(std::to_string(u.id), u.name);
  select_field("unit_id", "people.unit", in.unit_id, 6, unit_opts);
  text_field("position", "people.position", in.position, 6, false, nullptr);
  return fields;
}

std::string shown(std::string_view v) {
  return text::is_valid_utf8(v) ? text::to_nfc(v) : std::string();
}

services::PersonInput input_from(const http::FormData& f) {
  services::PersonInput in;
  in.full_name = shown(f.value("full_name"));
  in.code = shown(f.value("code"));
  in.gender = f.value("gender");
  in.birth_date = shown(f.value("birth_date"));
  in.employment = f.value("employment");
  in.start_date = shown(f.value("start_date"));
  in.status = f.value("status");
  in.unit_id = f.value("unit_id");
  in.position = shown(f.value("position"));
  return in;
}

services::PersonInput input_of(const Person& p) {
  services::PersonInput in;
  in.full_name = p.full_name;
  in.code = p.code;
  in.gender = std::string(to_string(p.gender));
  in.birth_date = display_date(p.birth_date);
  in.employment = std::string(to_string(p.employment));
  in.start_date = display_date(p.start_date);
  in.status = std::string(to_string(p.status));
  in.unit_id = p.unit_id ? std::to_string(p.unit_id) : "";
  in.position = p.position;
  return in;
}

Result<http::Response> render_form(const WebDeps& deps, http::Context& ctx, std::int64_t agency_id,
                                   const std::string& heading, const std::string& action, const std::string& cancel,
                                   const services::PersonInput& in, std::int64_t version, const Error* error,
                                   unsigned status) {
  auto units = deps.org->list_units(*ctx.principal, agency_id, false);
  if (!units) return fail(units.error());
  mustache::data d;
  d.set("heading", heading);
  d.set("action", action);
  d.set("cancel", cancel);
  d.set("version", std::to_string(version));
  d.set("fields", person_fields(ctx, in, *units, error));
  if (error) d.set("form_error", ctx.message(*error));
  return deps.views->page(ctx, "pages/person_form", heading, std::move(d), status);
}

}  // namespace

Result<services::PeopleFilter> people_filter(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  services::PeopleFilter f;
  f.agency_id = *agency;
  f.text = q->value("q");
  if (auto u = q->value("unit"); !u.empty()) {
    if (auto id = id_param(u)) f.unit_id = *id;
  }
  f.status = q->value("status");
  if (!f.status.empty() && !parse_person_status(f.status)) f.status.clear();
  if (auto p = q->value("page"); !p.empty()) f.page = std::max(1, std::atoi(p.c_str()));
  return f;
}

Result<http::Response> people_list(const WebDeps& deps, http::Context& ctx) {
  auto filter = people_filter(deps, ctx);
  if (!filter) return fail(filter.error());
  const services::PeopleFilter& f = *filter;
  const std::int64_t agency_id = *f.agency_id;
  const bool can_edit = services::is_installation_admin(*ctx.principal) ||
                        ctx.principal->has_role_in(Role::office, agency_id) ||
                        ctx.principal->has_role_in(Role::admin, agency_id);
  // The page depends on the agency, the filter, the language and whether the reader edits.
  std::string key;
  std::int64_t version = 0;
  if (deps.page_cache) {
    auto v = deps.people->data_version(*ctx.principal, agency_id);
    if (!v) return fail(v.error());
    version = *v;
    ctx.data_version = version;
    key = "people\x1f" + std::to_string(agency_id) + "\x1f" + f.text + "\x1f" + std::to_string(f.unit_id.value_or(0)) +
          "\x1f" + f.status + "\x1f" + std::to_string(f.page) + "\x1f" + std::string(text::to_string(ctx.lang)) +
          (can_edit ? "\x1f" "e" : "\x1f" "r");
    if (auto body = deps.page_cache->get(key, version)) return deps.views->page_around(ctx, ctx.t("people.title"), *body);
  }
  auto result = deps.people->search(*ctx.principal, f);
  if (!result) return fail(result.error());
  auto units = deps.org->list_units(*ctx.principal, agency_id, false);
  if (!units) return fail(units.error());

  mustache::data d;
  d.set("q", f.text);
  d.set("units", unit_options(*units, f.unit_id.value_or(0)));
  mustache::list statuses;
  for (auto s : {PersonStatus::active, PersonStatus::transferred, PersonStatus::retired}) {
    mustache::data o;
    o.set("value", std::string(to_string(s)));
    o.set("label", ctx.t("status." + std::string(to_string(s))));
    if (f.status == to_string(s)) o.set("selected", true);
    statuses.push_back(o);
  }
  d.set("statuses", statuses);
  mustache::list items;
  items.reserve(result->items.size());
  for (const auto& p : result->items) items.push_back(person_row(ctx, p));
  put(d, "items", list_data(std::move(items)));
  if (!result->items.empty()) d.set("has_items", true);
  d.set("total_text", text::format_number(result->total));
  std::string base = "q=" + url_encode(f.text) + "&unit=" + (f.unit_id ? std::to_string(*f.unit_id) : "") +
                     "&status=" + url_encode(f.status);
  d.set("query", base);
  long long page_count = std::max(1LL, (result->total + result->per_page - 1) / result->per_page);
  if (page_count > 1) {
    mustache::data pages;
    pages.set("page", std::to_string(result->page));
    pages.set("page_count", std::to_string(page_count));
    if (result->page > 1) pages.set("prev", base + "&page=" + std::to_string(result->page - 1));
    if (result->page < page_count) pages.set("next", base + "&page=" + std::to_string(result->page + 1));
    d.set("pages", pages);
  }
  if (can_edit) d.set("can_edit", true);
  if (!deps.page_cache) return deps.views->page(ctx, "pages/people_list", ctx.t("people.title"), std::move(d));
  std::string body = deps.views->body_for_cache(ctx, "pages/people_list", std::move(d));
  deps.page_cache->put(key, version, body);
  return deps.views->page_around(ctx, ctx.t("people.title"), body);
}

Result<http::Response> render_person(const WebDeps& deps, http::Context& ctx, std::int64_t id,
                                     const Refused* refused, unsigned status, const Notice* notice) {
  auto detail = deps.people->get(*ctx.principal, id);
  if (!detail) return fail(detail.error());
  const Person& p = detail->person;
  mustache::data d = person_row(ctx, p);
  d.set("gender_label", ctx.t("gender." + std::string(to_string(p.gender))));
  d.set("employment_label", ctx.t("employment." + std::string(to_string(p.employment))));
  d.set("start_date", display_date(p.start_date));
  d.set("agency_name", detail->agency_name);
  if (!detail->login.empty()) d.set("login", detail->login);
  mustache::list path;
  for (const auto& pl : detail->path) {
    mustache::data x;
    x.set("from", display_date(pl.valid_from));
    x.set("to", pl.valid_to.empty() ? ctx.t("people.until_now") : display_end_date(pl.valid_to));
    x.set("unit_name", pl.unit_name);
    if (!pl.position.empty()) x.set("pl_position", pl.position);
    path.push_back(x);
  }
  d.set("path", path);
  mustache::list history;
  for (const auto& h : detail->history) {
    mustache::data x;
    x.set("at", display_timestamp(h.at));
    x.set("actor", h.actor_name.empty() ? h.actor : h.actor_name);
    x.set("action", ctx.t("action." + h.action));
    history.push_back(x);
  }
  d.set("history", history);
  if (detail->can_edit) {
    d.set("can_edit", true);
    auto move = form_echo(ctx, refused, "move", {"unit_id", "position", "date"});
    const bool again = refused && refused->form == "move";
    if (!again) move.set("position", p.position);
    auto units = deps.org->list_units(*ctx.principal, p.agency_id, false);
    std::int64_t chosen = p.unit_id;
    if (again) chosen = id_param(move.get("unit_id")->string_value()).value_or(0);
    if (units) move.set("units", unit_options(*units, chosen));
    d.set("move", move);
  }
  auto account = account_card(deps, ctx, id, refused);
  if (!account) return fail(account.error());
  d.set("account", *account);
  if (notice) {
    mustache::data n;
    n.set("text", notice->text);
    n.set("secret", notice->secret);
    d.set("notice", n);
  }
  // Commendation (issue 6, part D): the person's award history.
  d.set("awards_html", deps.views->render("partials/award_history", ctx.lang,
                                          award_history_data(deps, ctx, AwardSubject::person, id)));
  return deps.views->page(ctx, "pages/person", p.full_name, std::move(d), status);
}

Result<http::Response> person_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  return render_person(deps, ctx, *id, nullptr, 200);
}

Result<http::Response> person_new(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  services::PersonInput in;
  in.gender = "male";
  in.employment = "civil_servant";
  return render_form(deps, ctx, *agency, ctx.t("people.new_title"), "/people", "/people", in, 0, nullptr, 200);
}

Result<http::Response> person_create(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto in = input_from(*form);
  auto created = deps.people->create(*ctx.principal, *agency, in);
  if (!created) {
    if (created.error().kind != ErrorKind::validation && created.error().kind != ErrorKind::conflict) {
      return fail(created.error());
    }
    return render_form(deps, ctx, *agency, ctx.t("people.new_title"), "/people", "/people", in, 0, &created.error(),
                       http::status_for(created.error()));
  }
  return http::Response::redirect("/people/" + std::to_string(created->id));
}

Result<http::Response> person_edit(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto detail = deps.people->get(*ctx.principal, *id);
  if (!detail) return fail(detail.error());
  if (!detail->can_edit) return fail(ErrorKind::forbidden, "auth.forbidden");
  std::string self = "/people/" + std::to_string(*id);
  return render_form(deps, ctx, detail->person.agency_id, ctx.t("people.edit_title"), self, self,
                     input_of(detail->person), detail->person.version, nullptr, 200);
}

Result<http::Response> person_update(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto in = input_from(*form);
  std::int64_t version = std::atoll(form->value("version").c_str());
  auto updated = deps.people->update(*ctx.principal, *id, version, in);
  if (!updated) {
    const auto& e = updated.error();
    if (e.kind != ErrorKind::validation && e.kind != ErrorKind::conflict) return fail(e);
    // What was typed comes back with the message; a stale edit keeps the old version so that
    // saving again still refuses until the page is reloaded.
    auto detail = deps.people->get(*ctx.principal, *id);
    if (!detail) return fail(detail.error());
    std::string self = "/people/" + std::to_string(*id);
    return render_form(deps, ctx, detail->person.agency_id, ctx.t("people.edit_title"), self, self, in, version, &e,
                       http::status_for(e));
  }
  return http::Response::redirect("/people/" + std::to_string(*id));
}

Result<http::Response> person_move(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto unit = id_param(form->value("unit_id"));
  auto moved = deps.people->move(*ctx.principal, *id, unit ? *unit : 0, form->value("position"), form->value("date"));
  if (!moved) {
    if (!shows_again(moved.error())) return fail(moved.error());
    Refused refused{"move", &*form, &moved.error()};
    return render_person(deps, ctx, *id, &refused, http::status_for(moved.error()));
  }
  return http::Response::redirect("/people/" + std::to_string(*id));
}

}  // namespace thidua::web
