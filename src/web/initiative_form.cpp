// The form of an initiative, new or edited: every field as typed comes back with its message
// when the service refuses it (ux.md, "forms forgive"), author rows included.

#include <algorithm>

#include "services/scope.hpp"
#include "text/utf8.hpp"
#include "web/initiative_pages.hpp"

namespace thidua::web {

namespace {

constexpr const char* kFields[] = {"kind",          "title",           "field",
                                   "summary",       "applied_from",    "scope",
                                   "effect",        "recognition_level", "recognition_body",
                                   "recognition_number", "recognition_date", "movement_id"};

std::string typed(const http::FormData& f, std::string_view name) {
  auto v = f.value(name);
  return text::is_valid_utf8(v) ? text::to_nfc(v) : std::string();
}

services::InitiativeInput input_from(const http::FormData& f) {
  services::InitiativeInput in;
  in.kind = f.value("kind");
  in.title = typed(f, "title");
  in.field = typed(f, "field");
  in.summary = typed(f, "summary");
  in.applied_from = typed(f, "applied_from");
  in.scope = typed(f, "scope");
  in.effect = typed(f, "effect");
  in.recognition_level = f.value("recognition_level");
  in.recognition_body = typed(f, "recognition_body");
  in.recognition_number = typed(f, "recognition_number");
  in.recognition_date = typed(f, "recognition_date");
  in.movement_id = f.value("movement_id");
  auto people = f.all("author");
  auto shares = f.all("share");
  for (std::size_t k = 0; k < std::max(people.size(), shares.size()); ++k) {
    std::string person = k < people.size() ? std::string(people[k]) : "";
    std::string share = k < shares.size() ? std::string(shares[k]) : "";
    if (!text::is_valid_utf8(person)) person.clear();
    in.authors.push_back({"", text::to_nfc(person), share});
  }
  return in;
}

services::InitiativeInput input_of(const Initiative& i) {
  services::InitiativeInput in;
  in.kind = std::string(to_string(i.kind));
  in.title = i.title;
  in.field = i.field;
  in.summary = i.summary;
  in.applied_from = display_date(i.applied_from);
  in.scope = i.scope;
  in.effect = i.effect;
  in.recognition_level = std::string(to_string(i.recognition_level));
  in.recognition_body = i.recognition_body;
  in.recognition_number = i.recognition_number;
  in.recognition_date = display_date(i.recognition_date);
  in.movement_id = i.movement_id ? std::to_string(*i.movement_id) : "";
  for (const auto& a : i.authors) {
    in.authors.push_back({"", a.code.empty() ? a.full_name : a.full_name + " (" + a.code + ")",
                          std::to_string(a.share_pct)});
  }
  return in;
}

std::string value_of(const services::InitiativeInput& in, std::string_view name) {
  if (name == "kind") return in.kind;
  if (name == "title") return in.title;
  if (name == "field") return in.field;
  if (name == "summary") return in.summary;
  if (name == "applied_from") return in.applied_from;
  if (name == "scope") return in.scope;
  if (name == "effect") return in.effect;
  if (name == "recognition_level") return in.recognition_level;
  if (name == "recognition_body") return in.recognition_body;
  if (name == "recognition_number") return in.recognition_number;
  if (name == "recognition_date") return in.recognition_date;
  if (name == "movement_id") return in.movement_id;
  return {};
}

struct FormPage {
  std::int64_t agency_id = 0;
  std::string heading;
  std::string action;
  std::string cancel;
  std::int64_t version = 0;
  bool office = false;         ///< shows the recognition fields
  const Initiative* current = nullptr;  ///< an edit: the recognition a member of staff sees
};

Result<http::Response> render_form(const WebDeps& deps, http::Context& ctx, const FormPage& page,
                                   const services::InitiativeInput& in, const Error* error, unsigned status) {
  auto people = deps.initiatives->author_choices(*ctx.principal, page.agency_id);
  if (!people) return fail(people.error());
  auto movements = deps.movements->list(*ctx.principal, page.agency_id);
  if (!movements) return fail(movements.error());
  services::InitiativeFilter none;
  none.agency_id = page.agency_id;
  none.per_page = 1;
  auto known = deps.initiatives->list(*ctx.principal, none);
  if (!known) return fail(known.error());

  mustache::data d;
  d.set("heading", page.heading);
  d.set("action", page.action);
  d.set("cancel", page.cancel);
  d.set("version", std::to_string(page.version));
  for (const char* name : kFields) d.set(name, value_of(in, name));
  if (error) {
    for (const auto& fe : error->fields) {
      d.set(fe.field + "_error", ctx.field_message(*error, fe));
      if (fe.field == "authors") {
        // The total of the shares names the total typed.
        d.set("authors_error", ctx.catalogue().format(ctx.lang, fe.code, error->params));
      }
    }
    d.set("form_error", ctx.message(*error));
  }
  for (const char* k : {"initiative", "research_topic"}) {
    if (in.kind == k) d.set(std::string("kind_") + k, true);
  }
  mustache::list levels;
  for (const char* l : {"none", "base", "province", "national"}) {
    mustache::data o;
    o.set("value", l);
    o.set("label", ctx.t(std::string("initiative_level.") + l));
    if (in.recognition_level == l || (in.recognition_level.empty() && std::string(l) == "none")) o.set("selected", true);
    levels.push_back(o);
  }
  d.set("levels", levels);
  mustache::list mv;
  for (const auto& r : *movements) {
    mustache::data o;
    o.set("value", std::to_string(r.movement.id));
    o.set("label", r.movement.title + " (" + r.movement.period_from.substr(0, 4) + " – " +
                       r.movement.period_to.substr(0, 4) + ")");
    if (in.movement_id == std::to_string(r.movement.id)) o.set("selected", true);
    mv.push_back(o);
  }
  d.set("movements", mv);
  mustache::list people_list;
  for (const auto& [id, label] : *people) {
    mustache::data o;
    o.set("label", label);
    people_list.push_back(o);
  }
  put(d, "people", list_data(std::move(people_list)));
  mustache::list field_list;
  for (const auto& f : known->fields) {
    mustache::data o;
    o.set("label", f);
    field_list.push_back(o);
  }
  d.set("known_fields", field_list);

  // Author rows: as typed (or as saved), at least three, one spare when all are filled.
  std::vector<services::InitiativeAuthorInput> rows = in.authors;
  bool all_filled = std::all_of(rows.begin(), rows.end(), [](const auto& a) { return !a.person.empty(); });
  if (all_filled) rows.push_back({});
  while (rows.size() < 3) rows.push_back({});
  mustache::list author_rows;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    mustache::data r;
    r.set("n", std::to_string(k));
    r.set("n1", std::to_string(k + 1));
    r.set("person", rows[k].person);
    r.set("share", rows[k].share);
    if (error) {
      const std::string prefix = "authors." + std::to_string(k) + ".";
      for (const auto& fe : error->fields) {
        if (fe.field == prefix + "person") r.set("person_error", ctx.field_message(*error, fe));
        if (fe.field == prefix + "share") r.set("share_error", ctx.field_message(*error, fe));
      }
    }
    author_rows.push_back(r);
  }
  d.set("author_rows", author_rows);

  if (page.office) {
    d.set("office", true);
  } else if (page.current && page.current->recognition_level != RecognitionLevel::none) {
    const Initiative& c = *page.current;
    d.set("recognition_text", ctx.t("initiative_level." + std::string(to_string(c.recognition_level))) + ": " +
                                  c.recognition_number + " " + ctx.t("initiative.dated") + " " +
                                  display_date(c.recognition_date) + " — " + c.recognition_body);
  }
  return deps.views->page(ctx, "pages/initiative_form", page.heading, std::move(d), status);
}

}  // namespace

Result<http::Response> initiative_new(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto in = deps.initiatives->blank_input(*ctx.principal, *agency);
  if (!in) return fail(in.error());
  // The form shows people by name and code; the service filled the actor's own row by id.
  for (auto& a : in->authors) a.person_id.clear();
  FormPage page{*agency, ctx.t("initiative.new_title"), "/initiatives", "/initiatives", 0,
                services::can_manage_agency(*ctx.principal, *agency), nullptr};
  return render_form(deps, ctx, page, *in, nullptr, 200);
}

Result<http::Response> initiative_create(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto in = input_from(*form);
  auto created = deps.initiatives->create(*ctx.principal, *agency, in);
  if (!created) {
    if (!shows_again(created.error())) return fail(created.error());
    FormPage page{*agency, ctx.t("initiative.new_title"), "/initiatives", "/initiatives", 0,
                  services::can_manage_agency(*ctx.principal, *agency), nullptr};
    return render_form(deps, ctx, page, in, &created.error(), http::status_for(created.error()));
  }
  ctx.set_flash("flash.initiative.created");
  return http::Response::redirect("/initiatives/" + std::to_string(created->id));
}

Result<http::Response> initiative_edit(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto detail = deps.initiatives->get(*ctx.principal, *id);
  if (!detail) return fail(detail.error());
  if (!detail->can_edit) return fail(ErrorKind::forbidden, "initiative.own_only");
  const Initiative& i = detail->initiative;
  std::string self = "/initiatives/" + std::to_string(*id);
  FormPage page{i.agency_id, ctx.t("initiative.edit_title"), self, self, i.version, detail->can_edit_recognition, &i};
  return render_form(deps, ctx, page, input_of(i), nullptr, 200);
}

Result<http::Response> initiative_update(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto in = input_from(*form);
  std::int64_t version = std::atoll(form->value("version").c_str());
  auto updated = deps.initiatives->update(*ctx.principal, *id, version, in);
  if (!updated) {
    const auto& e = updated.error();
    if (!shows_again(e)) return fail(e);
    // What was typed comes back with the message; a stale edit keeps the old version so that
    // saving again still refuses until the page is reloaded.
    auto detail = deps.initiatives->get(*ctx.principal, *id);
    if (!detail) return fail(detail.error());
    const Initiative& i = detail->initiative;
    std::string self = "/initiatives/" + std::to_string(*id);
    FormPage page{i.agency_id, ctx.t("initiative.edit_title"), self, self, version, detail->can_edit_recognition, &i};
    return render_form(deps, ctx, page, in, &e, http::status_for(e));
  }
  ctx.set_flash("flash.initiative.saved");
  return http::Response::redirect("/initiatives/" + std::to_string(*id));
}

}  // namespace thidua::web
