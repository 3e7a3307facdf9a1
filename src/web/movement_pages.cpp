#include "web/movement_pages.hpp"

#include "web/page_cache.hpp"

#include <algorithm>
#include <map>

#include "documents/docx_writer.hpp"
#include "domain/clock.hpp"
#include "documents/html_writer.hpp"
#include "documents/pdf_writer.hpp"
#include "services/file_store.hpp"
#include "services/movement_service.hpp"
#include "services/plan_document.hpp"
#include "services/scope.hpp"
#include "text/format.hpp"

namespace thidua::web {

namespace {

std::int64_t form_version(const http::FormData& f) { return std::atoll(f.value("version").c_str()); }

std::string date_text(const std::string& iso) {
  auto d = text::parse_iso_date(iso);
  return d ? text::format_date(*d) : iso;
}

std::string period_text(const Movement& m) {
  std::string a = m.period_from.substr(0, 4), b = m.period_to.substr(0, 4);
  return a == b ? a : a + " – " + b;
}

/// A period bound as the form shows it: the year alone when it is the year's first (or last) day.
std::string period_field(const std::string& iso, std::string_view year_edge) {
  if (iso.size() == 10 && iso.substr(5) == year_edge) return iso.substr(0, 4);
  return date_text(iso);
}

const char* status_color(MovementStatus s) {
  switch (s) {
    case MovementStatus::draft: return "secondary";
    case MovementStatus::launched: return "success";
    case MovementStatus::midterm_reviewed: return "info";
    case MovementStatus::closed: return "dark";
  }
  return "secondary";
}

/// The value a field of the header form shows: what was typed when the form was refused,
/// else the movement's own.
std::string shown(const Refused* refused, std::string_view form, std::string_view field, const std::string& current) {
  if (refused && refused->form == form && refused->values) return refused->values->value(field);
  return current;
}

struct FieldSpec {
  const char* name;
  const char* kind;  ///< text / textarea / date / select / checks
  const char* label_key;
  int width;
};

/// The fields each section's items have, in form order.
std::vector<FieldSpec> item_fields(PlanSection s) {
  switch (s) {
    case PlanSection::legal_basis:
      return {{"label", "text", "movement.f.basis_kind", 3},
              {"ref_number", "text", "movement.f.ref_number", 3},
              {"ref_date", "date", "movement.f.ref_date", 3},
              {"issuer", "text", "movement.f.issuer", 3},
              {"body", "textarea", "movement.f.basis_about", 12}};
    case PlanSection::subject:
      return {{"label", "select", "movement.f.subject_kind", 4}, {"body", "textarea", "movement.f.criteria", 12}};
    case PlanSection::award:
      return {{"label", "text", "movement.f.award_heading", 8},
              {"code", "select", "movement.f.award_level", 4},
              {"body", "textarea", "movement.f.award_text", 12}};
    case PlanSection::milestone:
      return {{"label", "text", "movement.f.when", 4},
              {"ref_date", "date", "movement.f.due", 4},
              {"code", "select", "movement.f.milestone_kind", 4},
              {"body", "textarea", "movement.f.what", 12}};
    case PlanSection::responsibility:
      return {{"body", "textarea", "movement.f.duty", 12}, {"unit_ids", "checks", "movement.f.units", 12}};
    default:
      return {{"body", "textarea", "movement.f.text", 12}};
  }
}

std::vector<std::pair<std::string, std::string>> options_for(http::Context& ctx, PlanSection s, const char* field) {
  std::vector<std::pair<std::string, std::string>> out;
  std::string f = field;
  if (s == PlanSection::subject && f == "label") {
    for (const char* k : {"collective", "individual", "household"}) out.emplace_back(k, ctx.t(std::string("subject.") + k));
  } else if (s == PlanSection::award && f == "code") {
    for (const char* k : {"agency", "province"}) out.emplace_back(k, ctx.t(std::string("award_level.") + k));
  } else if (s == PlanSection::milestone && f == "code") {
    for (const char* k : {"plan", "midterm", "final", "other"}) out.emplace_back(k, ctx.t(std::string("milestone.") + k));
  }
  return out;
}

std::string item_value(const PlanItem& i, std::string_view field) {
  if (field == "label") return i.label;
  if (field == "body") return i.body;
  if (field == "ref_number") return i.ref_number;
  if (field == "ref_date") return date_text(i.ref_date);
  if (field == "issuer") return i.issuer;
  if (field == "code") return i.code;
  return {};
}

/// The fields of one item form (`form` names it for a refused form shown again).
mustache::list item_form_fields(http::Context& ctx, PlanSection s, const std::string& form, const PlanItem* item,
                                const std::vector<Unit>& units, const Refused* refused) {
  const bool mine = refused && refused->form == form && refused->values;
  mustache::list out;
  for (const auto& spec : item_fields(s)) {
    mustache::data f;
    f.set("name", spec.name);
    f.set("label", ctx.t(spec.label_key));
    f.set("width", std::to_string(spec.width));
    f.set("fid", form + "-" + spec.name);
    std::string kind = spec.kind;
    f.set("is_" + kind, true);
    std::string value = mine ? refused->values->value(spec.name) : (item ? item_value(*item, spec.name) : "");
    f.set("value", value);
    if (kind == "select") {
      mustache::list opts;
      for (const auto& [v, l] : options_for(ctx, s, spec.name)) {
        mustache::data o;
        o.set("value", v);
        o.set("label", l);
        if (v == value) o.set("selected", true);
        opts.push_back(o);
      }
      f.set("options", opts);
    } else if (kind == "checks") {
      std::vector<std::string> ticked;
      if (mine) {
        for (auto v : refused->values->all(spec.name)) ticked.emplace_back(v);
      } else if (item) {
        for (auto id : item->unit_ids) ticked.push_back(std::to_string(id));
      }
      mustache::list opts;
      for (const auto& u : units) {
        mustache::data o;
        o.set("value", std::to_string(u.id));
        o.set("label", u.name);
        o.set("oid", form + "-unit-" + std::to_string(u.id));
        if (std::find(ticked.begin(), ticked.end(), std::to_string(u.id)) != ticked.end()) o.set("selected", true);
        opts.push_back(o);
      }
      f.set("options", opts);
    }
    if (mine && refused->error) {
      for (const auto& fe : refused->error->fields) {
        if (fe.field == spec.name) f.set("error", ctx.field_message(*refused->error, fe));
      }
    }
    out.push_back(f);
  }
  return out;
}

/// The item as the plan prints it.
std::string item_line(http::Context& ctx, const PlanItem& i, const std::map<std::int64_t, std::string>& unit_names) {
  switch (i.section) {
    case PlanSection::legal_basis: return services::cite_legal_basis(i);
    case PlanSection::subject: return ctx.t("subject." + i.label) + ": " + i.body;
    case PlanSection::award: return i.body;
    case PlanSection::milestone: return i.label + ": " + i.body;
    case PlanSection::responsibility: {
      std::string out = i.body;
      std::string names;
      for (auto u : i.unit_ids) {
        if (auto it = unit_names.find(u); it != unit_names.end()) names += (names.empty() ? "" : ", ") + it->second;
      }
      return names.empty() ? out : out + " (" + names + ")";
    }
    default: return i.body;
  }
}

mustache::data task_row(http::Context& ctx, const MovementTask& t, bool can_follow, std::int64_t movement_id) {
  mustache::data r;
  r.set("id", std::to_string(t.id));
  r.set("movement_id", std::to_string(movement_id));
  r.set("version", std::to_string(t.version));
  r.set("title", t.title);
  r.set("unit", t.unit_id ? t.unit_name : ctx.t("movement.agency_task"));
  r.set("due", date_text(t.due_date));
  r.set("movement_title", t.movement_title);
  r.set("note", t.note);
  if (t.late) r.set("late", true);
  if (t.status == TaskStatus::done) {
    r.set("done", true);
    r.set("done_at", date_text(t.done_at.substr(0, 10)));
  }
  if (can_follow) r.set("can_follow", true);
  return r;
}

/// The movement's page data (`title` set to its title).
Result<mustache::data> movement_data(const WebDeps& deps, http::Context& ctx, std::int64_t id,
                                     const Refused* refused, std::string& title) {
  auto detail = deps.movements->get(*ctx.principal, id);
  if (!detail) return fail(detail.error());
  title = detail->movement.title;
  const Movement& m = detail->movement;
  mustache::data d;
  d.set("id", std::to_string(m.id));
  d.set("movement_id", std::to_string(m.id));
  d.set("version", std::to_string(m.version));
  d.set("title", m.title);
  d.set("summary", m.summary);
  d.set("period", period_text(m));
  d.set("kind_label", ctx.t("movement_kind." + std::string(to_string(m.kind))));
  d.set("level_label", ctx.t("movement_level." + std::string(to_string(m.level))));
  d.set("status_label", ctx.t("movement_status." + std::string(to_string(m.status))));
  d.set("status_color", status_color(m.status));
  d.set("doc_line", "Số: " + (m.doc_number.empty() ? std::string("    ") : m.doc_number) + "/" + m.doc_symbol);
  if (!m.doc_date.empty()) d.set("doc_date", date_text(m.doc_date));
  d.set("agency_name", detail->agency_name);
  if (m.status == MovementStatus::draft) d.set("is_draft", true);
  if (!m.launched_at.empty()) d.set("launched_at", date_text(m.launched_at.substr(0, 10)));
  if (detail->can_edit) d.set("can_edit", true);
  if (detail->can_launch) d.set("can_launch", true);
  if (detail->can_follow) d.set("can_follow", true);
  if (services::can_manage_agency(*ctx.principal, m.agency_id)) d.set("can_copy", true);

  // The header form.
  // What the form shows: the plan's fields, dates as typed in forms (a period bound that is a
  // whole year as the year alone).
  std::map<std::string, std::string> current;
  for (const auto& [key, value] : services::movement_fields(m)) {
    if (value.is_string()) current[std::string(key)] = std::string(value.as_string());
  }
  current["period_from"] = period_field(m.period_from, "01-01");
  current["period_to"] = period_field(m.period_to, "12-31");
  current["doc_date"] = date_text(m.doc_date);
  current.erase("status");
  mustache::data h;
  for (const auto& [f, value] : current) h.set(f, shown(refused, "header", f, value));
  for (const char* k : {"regular", "thematic"}) {
    if (shown(refused, "header", "kind", current["kind"]) == k) h.set(std::string("kind_") + k, true);
  }
  for (const char* l : {"agency", "province", "national"}) {
    if (shown(refused, "header", "level", current["level"]) == l) h.set(std::string("level_") + l, true);
  }
  if (refused && refused->form == "header" && refused->error) {
    for (const auto& fe : refused->error->fields) h.set(fe.field + "_error", ctx.field_message(*refused->error, fe));
    h.set("error", ctx.message(*refused->error));
  }
  put(d, "header", std::move(h));

  std::map<std::int64_t, std::string> unit_names;
  for (const auto& u : detail->units) unit_names[u.id] = u.name;
  mustache::list sections;
  for (auto s : kPlanSections) {
    std::string key(to_string(s));
    mustache::data sec;
    sec.set("key", key);
    sec.set("title", ctx.t("plan_section." + key));
    mustache::list items;
    int n = 0;
    std::size_t count = 0;
    for (const auto& i : detail->items) count += i.section == s ? 1 : 0;
    for (const auto& i : detail->items) {
      if (i.section != s) continue;
      ++n;
      mustache::data it;
      std::string form = "item-" + std::to_string(i.id);
      it.set("id", std::to_string(i.id));
      it.set("n", std::to_string(n));
      it.set("line", item_line(ctx, i, unit_names));
      if (s == PlanSection::award) it.set("group", i.label);
      if (s == PlanSection::milestone) it.set("due", date_text(i.ref_date));
      if (detail->can_edit) {
        it.set("editable", true);
        it.set("fields", item_form_fields(ctx, s, form, &i, detail->units, refused));
        if (n > 1) it.set("can_up", true);
        if (static_cast<std::size_t>(n) < count) it.set("can_down", true);
        if (refused && refused->form == form) {
          it.set("open", true);
          if (refused->error) it.set("error", ctx.message(*refused->error));
        }
      }
      items.push_back(it);
    }
    if (!items.empty()) sec.set("has_items", true);
    sec.set("items", items);
    if (detail->can_edit) {
      std::string form = "add-" + key;
      sec.set("can_add", true);
      sec.set("add_fields", item_form_fields(ctx, s, form, nullptr, detail->units, refused));
      if (refused && refused->form == form) {
        sec.set("add_open", true);
        if (refused->error) sec.set("add_error", ctx.message(*refused->error));
      }
    }
    sections.push_back(sec);
  }
  put(d, "sections", list_data(std::move(sections)));

  mustache::list tasks;
  long long done = 0;
  for (const auto& t : detail->tasks) {
    if (t.status == TaskStatus::done) ++done;
    tasks.push_back(task_row(ctx, t, detail->can_follow, m.id));
  }
  if (!tasks.empty()) {
    d.set("has_tasks", true);
    d.set("progress", std::to_string(done * 100 / static_cast<long long>(tasks.size())));
    d.set("tasks_done", std::to_string(done));
    d.set("tasks_total", std::to_string(tasks.size()));
  }
  put(d, "tasks", list_data(std::move(tasks)));

  mustache::list plans;
  for (const auto& p : detail->unit_plans) {
    mustache::data r;
    r.set("id", std::to_string(p.id));
    r.set("unit", p.unit_name);
    r.set("kind", ctx.t("unit_plan." + p.kind));
    r.set("title", p.title);
    r.set("body", p.body);
    if (!p.file_sha256.empty()) r.set("file_name", p.file_name);
    r.set("created", date_text(p.created_at.substr(0, 10)) + (p.created_by.empty() ? "" : " — " + p.created_by));
    plans.push_back(r);
  }
  if (!plans.empty()) d.set("has_plans", true);
  put(d, "plans", list_data(std::move(plans)));
  mustache::list unit_opts;
  for (const auto& u : detail->units) {
    mustache::data o;
    o.set("id", std::to_string(u.id));
    o.set("name", u.name);
    unit_opts.push_back(o);
  }
  put(d, "units", list_data(std::move(unit_opts)));
  d.set("plan_form", form_echo(ctx, refused, "unit-plan", {"unit_id", "kind", "title", "body"}));
  return d;
}

Result<http::Response> render_movement(const WebDeps& deps, http::Context& ctx, std::int64_t id,
                                       const Refused* refused, unsigned status) {
  std::string title;
  auto d = movement_data(deps, ctx, id, refused, title);
  if (!d) return fail(d.error());
  return deps.views->page(ctx, "pages/movement", title, std::move(*d), status);
}

/// The movement's page body for the page cache (forms with the CSRF placeholder).
Result<std::string> movement_body(const WebDeps& deps, http::Context& ctx, std::int64_t id, const Refused* refused,
                                  std::string& title) {
  auto d = movement_data(deps, ctx, id, refused, title);
  if (!d) return fail(d.error());
  return deps.views->body_for_cache(ctx, "pages/movement", std::move(*d));
}

services::MovementInput movement_input(const http::FormData& f) {
  services::MovementInput in;
  in.title = f.value("title");
  in.kind = f.value("kind");
  in.level = f.value("level");
  in.period_from = f.value("period_from");
  in.period_to = f.value("period_to");
  in.summary = f.value("summary");
  in.header_parent = f.value("header_parent");
  in.header_name = f.value("header_name");
  in.doc_number = f.value("doc_number");
  in.doc_symbol = f.value("doc_symbol");
  in.place = f.value("place");
  in.doc_date = f.value("doc_date");
  in.preamble = f.value("preamble");
  in.closing = f.value("closing");
  in.signer_mark = f.value("signer_mark");
  in.signer_title = f.value("signer_title");
  in.signer_name = f.value("signer_name");
  return in;
}

services::PlanItemInput item_input(const http::FormData& f, std::string section) {
  services::PlanItemInput in;
  in.section = std::move(section);
  in.label = f.value("label");
  in.body = f.value("body");
  in.ref_number = f.value("ref_number");
  in.ref_date = f.value("ref_date");
  in.issuer = f.value("issuer");
  in.code = f.value("code");
  for (auto u : f.all("unit_ids")) in.unit_ids.emplace_back(u);
  return in;
}

/// Runs a change of movement `movement_id` from a form; on refusal shows the page again with
/// the form (named `form_name`) as typed, else goes back to the page at `anchor`.
template <class Change>
Result<http::Response> movement_change(const WebDeps& deps, http::Context& ctx, const std::string& form_name,
                                       const std::string& anchor, Change&& change) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = change(*id, *form);
  if (!r) {
    if (!shows_again(r.error())) return fail(r.error());
    Refused refused{form_name, &*form, &r.error()};
    return render_movement(deps, ctx, *id, &refused, http::status_for(r.error()));
  }
  return http::Response::redirect("/movements/" + std::to_string(*id) + anchor);
}

http::Response file_response(std::string bytes, const std::string& type, const std::string& name, bool inline_) {
  http::Response r;
  r.content_type = type;
  r.body = std::move(bytes);
  r.header("Content-Disposition", std::string(inline_ ? "inline" : "attachment") + "; filename=\"" + name + "\"");
  r.header("Cache-Control", "private, no-store");
  return r;
}

}  // namespace

Result<http::Response> movements_page(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto rows = deps.movements->list(*ctx.principal, *agency);
  if (!rows) return fail(rows.error());
  mustache::data d;
  mustache::list items;
  for (const auto& r : *rows) {
    const auto& m = r.movement;
    mustache::data it;
    it.set("id", std::to_string(m.id));
    it.set("title", m.title);
    it.set("summary", m.summary);
    it.set("period", period_text(m));
    it.set("status_label", ctx.t("movement_status." + std::string(to_string(m.status))));
    it.set("status_color", status_color(m.status));
    it.set("kind_label", ctx.t("movement_kind." + std::string(to_string(m.kind))));
    long long pct = r.tasks_total ? r.tasks_done * 100 / r.tasks_total : 0;
    it.set("progress", std::to_string(pct));
    it.set("tasks", std::to_string(r.tasks_done) + "/" + std::to_string(r.tasks_total));
    if (r.tasks_total) it.set("has_tasks", true);
    items.push_back(it);
  }
  if (!items.empty()) d.set("has_items", true);
  put(d, "items", list_data(std::move(items)));
  if (services::can_manage_agency(*ctx.principal, *agency)) d.set("can_create", true);
  d.set("agency", std::to_string(*agency));
  return deps.views->page(ctx, "pages/movements", ctx.t("movement.list_title"), std::move(d));
}

Result<http::Response> movement_create(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto m = deps.movements->create(*ctx.principal, *agency, movement_input(*form));
  if (!m) {
    if (!shows_again(m.error())) return fail(m.error());
    auto rows = deps.movements->list(*ctx.principal, *agency);
    mustache::data d;
    Refused refused{"new", &*form, &m.error()};
    d.set("new_form", form_echo(ctx, &refused, "new", {"title", "kind", "level", "period_from", "period_to", "summary", "place", "doc_symbol"}));
    d.set("new_open", true);
    d.set("can_create", true);
    if (rows) {
      mustache::list items;
      for (const auto& r : *rows) {
        mustache::data it;
        it.set("id", std::to_string(r.movement.id));
        it.set("title", r.movement.title);
        it.set("summary", r.movement.summary);
        it.set("period", period_text(r.movement));
        it.set("status_label", ctx.t("movement_status." + std::string(to_string(r.movement.status))));
        it.set("status_color", status_color(r.movement.status));
        items.push_back(it);
      }
      if (!items.empty()) d.set("has_items", true);
      put(d, "items", list_data(std::move(items)));
    }
    return deps.views->page(ctx, "pages/movements", ctx.t("movement.list_title"), std::move(d),
                            http::status_for(m.error()));
  }
  ctx.set_flash("movement_flash.created");
  return http::Response::redirect("/movements/" + std::to_string(m->id));
}

Result<http::Response> movement_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  if (!deps.page_cache) return render_movement(deps, ctx, *id, nullptr, 200);
  // The page depends on the movement (and its agency's units), the language and the reader's
  // rights; the title is cached with the body.
  auto stamp = deps.movements->stamp(*ctx.principal, *id);
  if (!stamp) return fail(stamp.error());
  ctx.data_version = stamp->data_version;
  // Today's date is part of the key: a task becomes late at midnight without any write.
  std::string today = to_iso(std::chrono::system_clock::now()).substr(0, 10);
  std::string key = "movement\x1f" + std::to_string(*id) + "\x1f" + today + "\x1f" +
                    std::string(text::to_string(ctx.lang)) + "\x1f" +
                    (stamp->can_edit ? "e" : "-") + (stamp->can_launch ? "l" : "-") + (stamp->can_follow ? "f" : "-") +
                    (stamp->can_copy ? "c" : "-");
  if (auto cached = deps.page_cache->get(key, stamp->data_version)) {
    auto cut = cached->find('\x1f');
    return deps.views->page_around(ctx, cached->substr(0, cut), cached->substr(cut + 1));
  }
  std::string title;
  auto body = movement_body(deps, ctx, *id, nullptr, title);
  if (!body) return fail(body.error());
  deps.page_cache->put(key, stamp->data_version, title + "\x1f" + *body);
  return deps.views->page_around(ctx, title, *body);
}

Result<http::Response> movement_update(const WebDeps& deps, http::Context& ctx) {
  return movement_change(deps, ctx, "header", "#plan-header", [&](std::int64_t id, const http::FormData& f) {
    return deps.movements->update(*ctx.principal, id, form_version(f), movement_input(f));
  });
}

Result<http::Response> movement_item_add(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  std::string section = form->value("section");
  return movement_change(deps, ctx, "add-" + section, "#section-" + section,
                         [&](std::int64_t id, const http::FormData& f) {
                           return deps.movements->add_item(*ctx.principal, id, form_version(f), item_input(f, section));
                         });
}

Result<http::Response> movement_item_update(const WebDeps& deps, http::Context& ctx) {
  auto item = id_param(ctx.params["item"]);
  if (!item) return fail(item.error());
  return movement_change(deps, ctx, "item-" + std::to_string(*item), "#item-" + std::to_string(*item),
                         [&](std::int64_t, const http::FormData& f) {
                           return deps.movements->update_item(*ctx.principal, *item, form_version(f), item_input(f, ""));
                         });
}

Result<http::Response> movement_item_move(const WebDeps& deps, http::Context& ctx) {
  auto item = id_param(ctx.params["item"]);
  if (!item) return fail(item.error());
  return movement_change(deps, ctx, "move", "#item-" + std::to_string(*item), [&](std::int64_t, const http::FormData& f) {
    auto dir = f.value("dir") == "up" ? services::ItemMove::up : services::ItemMove::down;
    return deps.movements->move_item(*ctx.principal, *item, form_version(f), dir);
  });
}

Result<http::Response> movement_item_delete(const WebDeps& deps, http::Context& ctx) {
  auto item = id_param(ctx.params["item"]);
  if (!item) return fail(item.error());
  return movement_change(deps, ctx, "delete", "", [&](std::int64_t, const http::FormData& f) {
    return deps.movements->delete_item(*ctx.principal, *item, form_version(f));
  });
}

Result<http::Response> movement_launch(const WebDeps& deps, http::Context& ctx) {
  return movement_change(deps, ctx, "launch", "#tasks", [&](std::int64_t id, const http::FormData& f) {
    auto r = deps.movements->launch(*ctx.principal, id, form_version(f));
    if (r) ctx.set_flash("movement_flash.launched");
    return r;
  });
}

Result<http::Response> movement_copy(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto m = deps.movements->copy(*ctx.principal, *id);
  if (!m) return fail(m.error());
  ctx.set_flash("movement_flash.copied");
  return http::Response::redirect("/movements/" + std::to_string(m->id));
}

Result<http::Response> movement_preview(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto doc = deps.movements->document(*ctx.principal, *id);
  if (!doc) return fail(doc.error());
  mustache::data d;
  d.set("id", std::to_string(*id));
  d.set("document", documents::write_html(*doc));
  return deps.views->page(ctx, "pages/movement_preview", ctx.t("movement.preview"), std::move(d));
}

Result<http::Response> document_preview_css(const WebDeps&, http::Context&) {
  static const std::string css = documents::html_preview_css();
  http::Response r;
  r.content_type = "text/css; charset=utf-8";
  r.body = css;
  r.header("Cache-Control", "public, max-age=3600");
  return r;
}

Result<http::Response> movement_docx(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto detail = deps.movements->get(*ctx.principal, *id);
  if (!detail) return fail(detail.error());
  auto doc = services::plan_document(detail->movement, detail->items, detail->agency_name);
  auto bytes = documents::write_docx(doc);
  if (!bytes) return fail(bytes.error());
  return file_response(std::move(*bytes), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                       services::plan_file_name(detail->movement, "docx"), false);
}

Result<http::Response> movement_pdf(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto detail = deps.movements->get(*ctx.principal, *id);
  if (!detail) return fail(detail.error());
  auto doc = services::plan_document(detail->movement, detail->items, detail->agency_name);
  auto bytes = documents::write_pdf(doc);
  if (!bytes) return fail(bytes.error());
  return file_response(std::move(*bytes), "application/pdf", services::plan_file_name(detail->movement, "pdf"), true);
}

Result<http::Response> movement_task_update(const WebDeps& deps, http::Context& ctx) {
  auto task = id_param(ctx.params["task"]);
  if (!task) return fail(task.error());
  return movement_change(deps, ctx, "task-" + std::to_string(*task), "#tasks", [&](std::int64_t, const http::FormData& f) {
    return deps.movements->set_task(*ctx.principal, *task, form_version(f), f.value("done") == "1", f.value("note"));
  });
}

Result<http::Response> movement_unit_plan_add(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  // A streamed upload: the file is on disk already, the text fields in memory.
  const auto& form = ctx.upload_form();
  if (!form) return fail(form.error());
  services::UnitPlanInput in;
  http::FormData values;
  for (const auto& [k, v] : form->fields) values.add(k, v);
  if (const auto* f = form->file("file"); f && f->size > 0) {
    in.file = services::UploadedFile{f->filename, {}, f->path, f->size, f->sha256, f->head};
  }
  in.unit_id = values.value("unit_id");
  in.kind = values.value("kind");
  in.title = values.value("title");
  in.body = values.value("body");
  auto r = deps.movements->add_unit_plan(*ctx.principal, *id, in);
  if (!r) {
    if (!shows_again(r.error())) return fail(r.error());
    Refused refused{"unit-plan", &values, &r.error()};
    return render_movement(deps, ctx, *id, &refused, http::status_for(r.error()));
  }
  return http::Response::redirect("/movements/" + std::to_string(*id) + "#unit-plans");
}

Result<http::Response> movement_unit_plan_file(const WebDeps& deps, http::Context& ctx) {
  auto plan = id_param(ctx.params["plan"]);
  if (!plan) return fail(plan.error());
  auto file = deps.movements->unit_plan_file(*ctx.principal, *plan);
  if (!file) return fail(file.error());
  std::string name = "tep." + services::extension_for(file->first);
  return file_response(std::move(file->second), file->first, name, false);
}

mustache::data home_tasks(const WebDeps& deps, http::Context& ctx) {
  mustache::data d;
  auto tasks = deps.movements->my_tasks(*ctx.principal, 12);
  if (!tasks || tasks->empty()) return d;
  mustache::list rows;
  for (const auto& t : *tasks) rows.push_back(task_row(ctx, t, false, t.movement_id));
  d.set("has_tasks", true);
  put(d, "items", list_data(std::move(rows)));
  return d;
}

}  // namespace thidua::web
