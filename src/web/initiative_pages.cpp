// The register of initiatives: the list with its filters and Excel export, an initiative's
// page with its uses as a basis and history, and the actions on that page.

#include "web/initiative_pages.hpp"

#include <algorithm>

#include "services/initiative_export.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"

namespace thidua::web {

namespace {

/// The raw query string without its `page` parameter (already URL-encoded as the browser sent it).
std::string query_without_page(std::string_view raw) {
  std::string out;
  while (!raw.empty()) {
    auto amp = raw.find('&');
    auto piece = raw.substr(0, amp);
    raw = amp == std::string_view::npos ? std::string_view() : raw.substr(amp + 1);
    if (piece.empty() || piece.rfind("page=", 0) == 0) continue;
    if (!out.empty()) out += '&';
    out += piece;
  }
  return out;
}

Result<services::InitiativeFilter> filter_from(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  services::InitiativeFilter f;
  f.agency_id = *agency;
  f.text = q->value("q");
  f.year = std::max(0, year_param(q->value("year")));
  // Values a link or an old bookmark got wrong are dropped, not refused: the list still shows.
  if (auto l = q->value("level"); parse_recognition_level(l)) f.level = l;
  f.field = q->value("field");
  if (auto a = q->value("author"); !a.empty()) {
    if (auto id = id_param(a)) f.author_id = *id;
  }
  if (auto s = q->value("status"); s == "withdrawn" || s == "all") f.status = s;
  if (auto p = q->value("page"); !p.empty()) f.page = std::max(1, std::atoi(p.c_str()));
  return f;
}

mustache::list options(const std::vector<std::pair<std::string, std::string>>& values, const std::string& selected) {
  mustache::list out;
  for (const auto& [v, label] : values) {
    mustache::data o;
    o.set("value", v);
    o.set("label", label);
    if (v == selected) o.set("selected", true);
    out.push_back(o);
  }
  return out;
}

std::string authors_text(const Initiative& i) {
  std::string out;
  for (const auto& a : i.authors) {
    if (!out.empty()) out += ", ";
    out += a.full_name + " (" + std::to_string(a.share_pct) + "%)";
  }
  return out;
}

/// "45/QĐ-BDT ngày 15/12/2023 của Ban Dân tộc tỉnh Cao Bằng" (vi) or its English form.
std::string decision_text(http::Context& ctx, const Initiative& i) {
  if (i.recognition_level == RecognitionLevel::none) return {};
  std::string out = i.recognition_number;
  if (!i.recognition_date.empty()) out += " " + ctx.t("initiative.dated") + " " + display_date(i.recognition_date);
  return out;
}

mustache::data row_of(http::Context& ctx, const Initiative& i, int live_uses) {
  mustache::data r;
  r.set("id", std::to_string(i.id));
  r.set("title", i.title);
  r.set("field", i.field);
  if (i.kind == InitiativeKind::research_topic) r.set("topic", true);
  r.set("authors", authors_text(i));
  r.set("year", i.year() > 0 ? std::to_string(i.year()) : "");
  r.set("level_label", ctx.t("initiative_level." + std::string(to_string(i.recognition_level))));
  r.set("level_color", recognition_color(i.recognition_level));
  r.set("decision", decision_text(ctx, i));
  if (live_uses > 0) r.set("uses", std::to_string(live_uses));
  if (i.status == InitiativeStatus::withdrawn) r.set("withdrawn", true);
  return r;
}

}  // namespace

std::string recognition_color(RecognitionLevel l) {
  switch (l) {
    case RecognitionLevel::none: return "secondary";
    case RecognitionLevel::base: return "success";
    case RecognitionLevel::province: return "primary";
    case RecognitionLevel::national: return "warning";
  }
  return "secondary";
}

std::string basis_label(http::Context& ctx, const InitiativeUse& u) {
  switch (u.basis_kind) {
    case BasisKind::title:
    case BasisKind::form: return services::basis_ref_name(u.basis_ref);
    case BasisKind::nomination: return ctx.t("initiative.nomination_no") + " " + u.basis_ref;
    case BasisKind::other: return u.basis_ref;
  }
  return u.basis_ref;
}

Result<http::Response> initiatives_page(const WebDeps& deps, http::Context& ctx) {
  auto filter = filter_from(deps, ctx);
  if (!filter) return fail(filter.error());
  const auto& f = *filter;
  auto list = deps.initiatives->list(*ctx.principal, f);
  if (!list) return fail(list.error());

  mustache::data d;
  d.set("q", f.text);
  std::vector<std::pair<std::string, std::string>> years;
  for (int y : list->years) years.emplace_back(std::to_string(y), std::to_string(y));
  d.set("years", options(years, f.year > 0 ? std::to_string(f.year) : ""));
  std::vector<std::pair<std::string, std::string>> levels;
  for (auto l : {RecognitionLevel::none, RecognitionLevel::base, RecognitionLevel::province, RecognitionLevel::national}) {
    levels.emplace_back(std::string(to_string(l)), ctx.t("initiative_level." + std::string(to_string(l))));
  }
  d.set("levels", options(levels, f.level));
  std::vector<std::pair<std::string, std::string>> fields;
  for (const auto& x : list->fields) fields.emplace_back(x, x);
  d.set("fields", options(fields, text::to_nfc(f.field)));
  std::vector<std::pair<std::string, std::string>> authors;
  for (const auto& [id, label] : list->authors) authors.emplace_back(std::to_string(id), label);
  d.set("authors", options(authors, f.author_id ? std::to_string(*f.author_id) : ""));
  d.set("statuses", options({{"withdrawn", ctx.t("initiative_status.withdrawn")}, {"all", ctx.t("initiative.all_statuses")}},
                            f.status));

  mustache::list items;
  for (const auto& i : list->items) {
    auto it = list->live_uses.find(i.id);
    items.push_back(row_of(ctx, i, it == list->live_uses.end() ? 0 : it->second));
  }
  if (!items.empty()) d.set("has_items", true);
  put(d, "items", list_data(std::move(items)));
  d.set("total_text", text::format_number(list->total));
  std::string base = query_without_page(ctx.req.query);
  d.set("query", base);
  const std::string sep = base.empty() ? "" : "&";
  long long page_count = std::max(1LL, (list->total + list->per_page - 1) / list->per_page);
  if (page_count > 1) {
    mustache::data pages;
    pages.set("page", std::to_string(list->page));
    pages.set("page_count", std::to_string(page_count));
    if (list->page > 1) pages.set("prev", base + sep + "page=" + std::to_string(list->page - 1));
    if (list->page < page_count) pages.set("next", base + sep + "page=" + std::to_string(list->page + 1));
    d.set("pages", pages);
  }
  if (list->can_create) d.set("can_create", true);
  return deps.views->page(ctx, "pages/initiatives", ctx.t("initiative.list_title"), std::move(d));
}

Result<http::Response> initiatives_export(const WebDeps& deps, http::Context& ctx) {
  auto f = filter_from(deps, ctx);
  if (!f) return fail(f.error());
  auto bytes = services::export_initiatives(*deps.initiatives, *ctx.principal, *f);
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "sang-kien.xlsx");
}

Result<http::Response> render_initiative(const WebDeps& deps, http::Context& ctx, std::int64_t id,
                                         const Refused* refused, unsigned status) {
  auto detail = deps.initiatives->get(*ctx.principal, id);
  if (!detail) return fail(detail.error());
  const Initiative& i = detail->initiative;
  mustache::data d = row_of(ctx, i, 0);
  d.set("version", std::to_string(i.version));
  d.set("kind_label", ctx.t("initiative_kind." + std::string(to_string(i.kind))));
  // A field left empty says so, rather than leaving its label beside the next one's value.
  const std::string none = ctx.t("initiative.not_given");
  auto or_none = [&](const std::string& v) { return v.empty() ? none : v; };
  d.set("field", or_none(i.field));
  d.set("summary", or_none(i.summary));
  d.set("applied_from", or_none(display_date(i.applied_from)));
  d.set("scope", or_none(i.scope));
  d.set("effect", or_none(i.effect));
  d.set("agency_name", detail->agency_name);
  if (i.recognition_level != RecognitionLevel::none) {
    d.set("recognised", true);
    d.set("recognition_body", i.recognition_body);
    d.set("recognition_number", i.recognition_number);
    d.set("recognition_date", display_date(i.recognition_date));
  }
  if (i.movement_id) {
    d.set("movement_id", std::to_string(*i.movement_id));
    d.set("movement_title", i.movement_title);
  }
  if (i.status == InitiativeStatus::withdrawn) {
    d.set("withdrawn_at", display_timestamp(i.withdrawn_at));
    d.set("withdrawn_reason", i.withdrawn_reason);
  }
  mustache::list authors;
  for (const auto& a : i.authors) {
    mustache::data x;
    x.set("person_id", std::to_string(a.person_id));
    x.set("name", a.full_name);
    x.set("code", a.code);
    x.set("share", std::to_string(a.share_pct));
    authors.push_back(x);
  }
  d.set("author_rows", authors);

  // What it has been used as a basis for, live and released, who and when.
  mustache::list uses;
  int live = 0;
  for (const auto& u : detail->uses) {
    mustache::data x;
    x.set("use_id", std::to_string(u.id));
    x.set("kind_label", ctx.t("initiative_basis." + std::string(to_string(u.basis_kind))));
    x.set("basis", basis_label(ctx, u));
    x.set("who", u.person_id ? u.person_name : ctx.t("initiative.collective"));
    x.set("use_year", std::to_string(u.year));
    x.set("note", u.note);
    x.set("used_at", display_timestamp(u.used_at));
    x.set("used_by", u.used_by.empty() ? ctx.t("initiative.operator") : u.used_by);
    if (u.live()) {
      ++live;
      x.set("live", true);
      if (detail->can_record_use) {
        std::string form = "release-" + std::to_string(u.id);
        auto echo = form_echo(ctx, refused, form, {"reason"});
        x.set("release", echo);
        x.set("can_release", true);
        if (refused && refused->form == form) x.set("release_open", true);
      }
    } else {
      x.set("released_at", display_timestamp(u.released_at));
      x.set("released_by", u.released_by.empty() ? ctx.t("initiative.operator") : u.released_by);
      x.set("released_reason", u.released_reason);
    }
    uses.push_back(x);
  }
  if (!detail->uses.empty()) d.set("has_uses", true);
  d.set("uses", uses);
  d.set("live_uses", std::to_string(live));
  // The Office may wonder why there is no "withdraw": say so.
  if (detail->can_record_use && live > 0) d.set("withdraw_blocked", true);

  if (detail->can_edit) d.set("can_edit", true);
  if (detail->can_record_use) {
    auto echo = form_echo(ctx, refused, "use", {"person_id", "basis", "basis_other", "year", "note"});
    const bool again = refused && refused->form == "use";
    std::string person = again ? echo.get("person_id")->string_value() : "";
    std::vector<std::pair<std::string, std::string>> who;
    for (const auto& a : i.authors) who.emplace_back(std::to_string(a.person_id), a.full_name);
    who.emplace_back("", ctx.t("initiative.collective"));
    echo.set("people", options(who, again ? person : (i.authors.empty() ? "" : std::to_string(i.authors[0].person_id))));
    std::string basis = again ? echo.get("basis")->string_value() : "title:grassroots_fighter";
    mustache::list titles, forms;
    for (const auto& c : services::basis_ref_choices()) {
      mustache::data o;
      std::string value = std::string(to_string(c.kind)) + ":" + c.code;
      o.set("value", value);
      o.set("label", c.name);
      if (value == basis) o.set("selected", true);
      (c.kind == BasisKind::title ? titles : forms).push_back(o);
    }
    echo.set("titles", titles);
    echo.set("forms", forms);
    if (basis == "other") echo.set("other_selected", true);
    if (basis == "nomination") echo.set("nomination_selected", true);
    if (!again) echo.set("year", std::to_string(this_year()));
    // The refused form's messages for the two halves of the basis land under the select.
    if (again && refused->error) {
      for (const auto& fe : refused->error->fields) {
        if (fe.field == "basis_ref" || fe.field == "basis_kind") echo.set("basis_error", ctx.field_message(*refused->error, fe));
      }
    }
    d.set("use_form", echo);
    if (again) d.set("use_open", true);
  }
  if (detail->can_withdraw) {
    d.set("withdraw", form_echo(ctx, refused, "withdraw", {"reason"}));
    if (refused && refused->form == "withdraw") d.set("withdraw_open", true);
  }
  if (refused && refused->error && refused->error->fields.empty() && refused->form != "use" &&
      refused->form != "withdraw" && refused->form.rfind("release-", 0) != 0) {
    d.set("page_error", ctx.message(*refused->error));
  }

  mustache::list history;
  for (const auto& h : detail->history) {
    mustache::data x;
    x.set("at", display_timestamp(h.at));
    x.set("actor", h.actor_name.empty() ? h.actor : h.actor_name);
    x.set("action", ctx.t("initiative_action." + h.action.substr(h.action.find('.') + 1)));
    history.push_back(x);
  }
  d.set("history", history);
  return deps.views->page(ctx, "pages/initiative", i.title, std::move(d), status);
}

Result<http::Response> initiative_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  return render_initiative(deps, ctx, *id, nullptr, 200);
}

namespace {

/// After an action on the initiative's page: back to it, or the page again with the refused form.
template <class T>
Result<http::Response> after(const WebDeps& deps, http::Context& ctx, std::int64_t id, const std::string& form_name,
                             const http::FormData& form, const Result<T>& r, const char* flash) {
  if (r) {
    ctx.set_flash(flash);
    return http::Response::redirect("/initiatives/" + std::to_string(id));
  }
  if (!shows_again(r.error())) return fail(r.error());
  Refused refused{form_name, &form, &r.error()};
  return render_initiative(deps, ctx, id, &refused, http::status_for(r.error()));
}

}  // namespace

Result<http::Response> initiative_withdraw(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.initiatives->withdraw(*ctx.principal, *id, std::atoll(form->value("version").c_str()),
                                      form->value("reason"));
  return after(deps, ctx, *id, "withdraw", *form, r, "flash.initiative.withdrawn");
}

Result<http::Response> initiative_use_add(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  // The basis select says "title:grassroots_fighter", "form:certificate_of_merit", "nomination"
  // or "other"; the last two take their reference from the text field.
  services::InitiativeUseInput in;
  in.person_id = form->value("person_id");
  std::string basis = form->value("basis");
  if (auto colon = basis.find(':'); colon != std::string::npos) {
    in.basis_kind = basis.substr(0, colon);
    in.basis_ref = basis.substr(colon + 1);
  } else {
    in.basis_kind = basis;
    in.basis_ref = form->value("basis_other");
  }
  in.year = form->value("year");
  in.note = form->value("note");
  auto r = deps.initiatives->record_use_by_hand(*ctx.principal, *id, in);
  if (!r && r.error().kind == ErrorKind::validation && in.basis_kind != "title" && in.basis_kind != "form") {
    // The reference of a nomination or other basis is typed in its own field: its message goes there.
    auto e = r.error();
    for (auto& fe : e.fields) {
      if (fe.field == "basis_ref") fe.field = "basis_other";
    }
    Result<InitiativeUse> moved = fail(e);
    return after(deps, ctx, *id, "use", *form, moved, "flash.initiative.used");
  }
  return after(deps, ctx, *id, "use", *form, r, "flash.initiative.used");
}

Result<http::Response> initiative_use_release(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto use = id_param(ctx.params["use"]);
  if (!use) return fail(ErrorKind::not_found, "initiative.use_not_found");
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.initiatives->release_use_by_hand(*ctx.principal, *id, *use, form->value("reason"));
  return after(deps, ctx, *id, "release-" + std::to_string(*use), *form, r, "flash.initiative.released");
}

}  // namespace thidua::web
