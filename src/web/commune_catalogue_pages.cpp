// The catalogue of communes: the list (every signed-in user), a commune's entry with its
// history, and for its keepers (the installation administrator, authorities) the forms to
// create, correct, rename, merge, dissolve, set the 2026–2030 group, and import a file.

#include <algorithm>

#include "text/format.hpp"
#include "web/commune_pages.hpp"
#include "web/commune_views.hpp"

namespace thidua::web {

namespace cv = commune_view;

namespace {

services::CatalogueFilter catalogue_filter(http::Context& ctx) {
  services::CatalogueFilter f;
  if (const auto& q = ctx.query(); q) {
    f.q = q->value("q");
    f.district = q->value("district");
    f.status = q->value("status");
    f.page = std::max(1, std::atoi(q->value("page").c_str()));
  }
  return f;
}

Result<http::Response> render_catalogue(const WebDeps& deps, http::Context& ctx, const Refused* refused,
                                        unsigned status) {
  auto f = catalogue_filter(ctx);
  auto page = deps.communes->catalogue(*ctx.principal, f);
  if (!page) return fail(page.error());
  mustache::data d;
  d.set("q", f.q);
  for (const char* s : {"active", "merged", "dissolved"}) {
    if (f.status == s) d.set(std::string("status_") + s, true);
  }
  mustache::list districts;
  for (const auto& name : page->districts) {
    mustache::data x;
    x.set("name", name);
    if (name == f.district) x.set("selected", true);
    districts.push_back(x);
  }
  put(d, "districts", list_data(std::move(districts)));
  if (page->can_edit) d.set("can_edit", true);
  mustache::list rows;
  for (const auto& r : page->items) {
    const auto& c = r.commune;
    mustache::data x;
    x.set("id", std::to_string(c.id));
    x.set("code", c.code);
    x.set("name", cv::title(ctx, c.kind, c.name, true));
    cv::text(x, "district", c.district);
    x.set("province", c.province);
    cv::text(x, "since", display_date(r.since));
    x.set("status", ctx.t("commune.status." + std::string(to_string(c.status))));
    if (c.status != CommuneStatus::active) x.set("inactive", true);
    if (!r.merged_into.empty()) {
      x.set("merged_into", r.merged_into);
      x.set("merged_on", display_date(r.merged_on));
    }
    if (page->can_assign && c.status == CommuneStatus::active) x.set("can_assign", true);
    rows.push_back(x);
  }
  if (!rows.empty()) d.set("has_rows", true);
  put(d, "rows", list_data(std::move(rows)));
  d.set("total", text::format_number(page->total));
  long long pages = (page->total + page->per_page - 1) / page->per_page;
  if (pages > 1) {
    d.set("paged", true);
    d.set("page", std::to_string(page->page));
    d.set("pages", std::to_string(pages));
    if (page->page > 1) d.set("prev", cv::with_param(ctx, "/communes/catalogue", "page", std::to_string(page->page - 1)));
    if (page->page < pages) d.set("next", cv::with_param(ctx, "/communes/catalogue", "page", std::to_string(page->page + 1)));
  }
  d.set("export_href", "/communes/catalogue/export.xlsx" + (ctx.req.query.empty() ? std::string() : "?" + ctx.req.query));
  put(d, "new_form", form_echo(ctx, refused, "new", {"code", "name", "kind", "district", "province", "since"}));
  if (refused && refused->form == "new") d.set("new_open", true);
  return deps.views->page(ctx, "pages/commune_catalogue", ctx.t("commune.catalogue"), std::move(d), status);
}

Result<http::Response> render_entry(const WebDeps& deps, http::Context& ctx, std::int64_t id, const Refused* refused,
                                    unsigned status) {
  auto e = deps.communes->catalogue_entry(*ctx.principal, id);
  if (!e) return fail(e.error());
  const auto& c = e->commune;
  std::string title = cv::title(ctx, c.kind, c.name, true);
  mustache::data d;
  d.set("id", std::to_string(c.id));
  d.set("version", std::to_string(c.version));
  d.set("title", title);
  d.set("code", c.code);
  cv::text(d, "district", c.district);
  d.set("province", c.province);
  d.set("status", ctx.t("commune.status." + std::string(to_string(c.status))));
  if (c.status == CommuneStatus::active) d.set("active", true);
  if (e->can_edit) d.set("can_edit", true);
  if (e->can_assign) d.set("can_assign", true);
  if (e->has_page) d.set("has_page", true);
  mustache::list versions;
  for (const auto& v : e->versions) {
    mustache::data x;
    x.set("name", cv::title(ctx, v.kind, v.name, true));
    cv::text(x, "district", v.district);
    cv::text(x, "from", v.valid_from == kUnknownSince ? "" : display_date(v.valid_from));
    cv::text(x, "until", display_end_date(v.valid_to));
    versions.push_back(x);
  }
  put(d, "versions", list_data(std::move(versions)));
  mustache::list lineage;
  for (const auto& l : e->lineage) {
    mustache::data x;
    x.set("date", display_date(l.effective_date));
    x.set("event", ctx.t("commune.lineage." + std::string(to_string(l.event))));
    cv::text(x, "from", cv::title(ctx, l.from_kind, l.from_name, true));
    x.set("from_id", std::to_string(l.from_id));
    if (l.to_id && *l.to_id != l.from_id) {
      x.set("to", cv::title(ctx, l.to_kind, l.to_name, true));
      x.set("to_id", std::to_string(*l.to_id));
    }
    cv::text(x, "decision_ref", l.decision_ref);
    cv::text(x, "note", l.note);
    lineage.push_back(x);
  }
  if (!lineage.empty()) d.set("has_lineage", true);
  put(d, "lineage", list_data(std::move(lineage)));
  mustache::list groups;
  for (const auto& k : e->classes) {
    if (k.scheme != "ntm2026_group") continue;
    mustache::data x;
    cv::text(x, "value", k.value);
    cv::text(x, "from", display_date(k.valid_from));
    cv::text(x, "until", display_end_date(k.valid_to));
    groups.push_back(x);
  }
  if (!groups.empty()) d.set("has_groups", true);
  put(d, "groups", list_data(std::move(groups)));
  // The change forms: what the current entry says, or what was typed when refused.
  auto form = form_echo(ctx, refused, refused ? refused->form : "",
                        {"name", "kind", "district", "province", "effective_date", "into_code", "decision_ref", "note",
                         "group"});
  if (!refused) {
    form.set("name", c.name);
    cv::text(form, "district", c.district);
    form.set("province", c.province);
  }
  std::string kind = refused && refused->values ? refused->values->value("kind") : std::string(to_string(c.kind));
  for (const char* k : {"xa", "phuong", "thi_tran"}) {
    if (kind == k) form.set(std::string("kind_") + k, true);
  }
  if (refused) d.set("open_" + refused->form, true);
  put(d, "form", std::move(form));
  return deps.views->page(ctx, "pages/commune_entry", title, std::move(d), status);
}

void import_data(http::Context& ctx, mustache::data& d, const services::ImportPreview& p, const std::string& file_name,
                 const std::string& token) {
  mustache::data x;
  x.set("file_name", file_name);
  x.set("rows", text::format_number(p.rows));
  x.set("new", text::format_number(p.new_people));
  x.set("updated", text::format_number(p.updated_people));
  x.set("unchanged", text::format_number(p.unchanged_people));
  x.set("token", token);
  if (!p.ok()) x.set("has_problems", true);
  mustache::list problems;
  for (const auto& pr : p.problems) {
    if (problems.size() >= 300) break;
    mustache::data y;
    y.set("row", std::to_string(pr.row));
    y.set("column", pr.column);
    y.set("message", ctx.catalogue().format(ctx.lang, pr.code, pr.params));
    problems.push_back(y);
  }
  put(x, "problems", list_data(std::move(problems)));
  mustache::list sample;
  for (const auto& s : p.sample) {
    mustache::data y;
    y.set("row", std::to_string(s.row));
    y.set("name", s.full_name);
    cv::text(y, "district", s.unit);
    y.set("action", ctx.t("commune.import_action." + s.action));
    sample.push_back(y);
  }
  put(x, "sample", list_data(std::move(sample)));
  put(d, "preview", std::move(x));
}

}  // namespace

Result<http::Response> commune_catalogue_page(const WebDeps& deps, http::Context& ctx) {
  return render_catalogue(deps, ctx, nullptr, 200);
}

Result<http::Response> commune_catalogue_export(const WebDeps& deps, http::Context& ctx) {
  auto bytes = deps.communes->export_catalogue(*ctx.principal, catalogue_filter(ctx));
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "danh-muc-xa.xlsx");
}

Result<http::Response> commune_catalogue_create(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  services::CommuneInput in{form->value("code"),     form->value("name"),     form->value("kind"),
                            form->value("district"), form->value("province"), form->value("since")};
  auto c = deps.communes->create_commune(*ctx.principal, in);
  if (!c) {
    if (!shows_again(c.error())) return fail(c.error());
    Refused refused{"new", &*form, &c.error()};
    return render_catalogue(deps, ctx, &refused, http::status_for(c.error()));
  }
  ctx.set_flash("flash.communes.created");
  return http::Response::redirect("/communes/catalogue/" + std::to_string(c->id));
}

Result<http::Response> commune_entry_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  return render_entry(deps, ctx, *id, nullptr, 200);
}

Result<http::Response> commune_entry_change(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  services::CommuneChangeInput in;
  in.change = form->value("change");
  in.name = form->value("name");
  in.kind = form->value("kind");
  in.district = form->value("district");
  in.province = form->value("province");
  in.effective_date = form->value("effective_date");
  in.into_code = form->value("into_code");
  in.decision_ref = form->value("decision_ref");
  in.note = form->value("note");
  in.group = form->value("group");
  in.carry_assignments = form->value("carry_assignments") == "1";
  auto c = deps.communes->change_commune(*ctx.principal, *id, std::atoll(form->value("version").c_str()), in);
  if (!c) {
    if (!shows_again(c.error())) return fail(c.error());
    std::string name = in.change;
    if (name != "correct" && name != "rename" && name != "merge" && name != "dissolve" && name != "group") name = "correct";
    Refused refused{name, &*form, &c.error()};
    return render_entry(deps, ctx, *id, &refused, http::status_for(c.error()));
  }
  ctx.set_flash("flash.communes.saved");
  return http::Response::redirect("/communes/catalogue/" + std::to_string(*id));
}

Result<http::Response> commune_import_form(const WebDeps& deps, http::Context& ctx) {
  return deps.views->page(ctx, "pages/commune_import", ctx.t("commune.import_title"), mustache::data{});
}

Result<http::Response> commune_import_preview(const WebDeps& deps, http::Context& ctx) {
  const auto& parts = ctx.parts();
  if (!parts) return fail(parts.error());
  const http::Part* file = nullptr;
  for (const auto& p : *parts) {
    if (p.headers.name == "file" && p.headers.filename) file = &p;
  }
  mustache::data d;
  if (!file || file->data.empty()) {
    d.set("error", ctx.t("import.no_file"));
    return deps.views->page(ctx, "pages/commune_import", ctx.t("commune.import_title"), std::move(d), 422);
  }
  std::string name = *file->headers.filename;
  auto preview = deps.communes->import_catalogue(*ctx.principal, file->data, name, false);
  if (!preview) {
    if (preview.error().kind != ErrorKind::validation && preview.error().kind != ErrorKind::too_large) {
      return fail(preview.error());
    }
    d.set("error", ctx.message(preview.error()));
    return deps.views->page(ctx, "pages/commune_import", ctx.t("commune.import_title"), std::move(d),
                            http::status_for(preview.error()));
  }
  std::string token = preview->ok() ? deps.uploads->put(ctx.principal->user_id, name, file->data) : "";
  import_data(ctx, d, *preview, name, token);
  return deps.views->page(ctx, "pages/commune_import", ctx.t("commune.import_title"), std::move(d),
                          preview->ok() ? 200 : 422);
}

Result<http::Response> commune_import_commit(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  mustache::data d;
  auto stashed = deps.uploads->take(ctx.principal->user_id, form->value("token"));
  if (!stashed) {
    d.set("error", ctx.t("import.expired"));
    return deps.views->page(ctx, "pages/commune_import", ctx.t("commune.import_title"), std::move(d), 422);
  }
  services::ImportPreview problems;
  auto done = deps.communes->import_catalogue(*ctx.principal, stashed->second, stashed->first, true, &problems);
  if (!done) {
    if (done.error().code != "import.has_problems") return fail(done.error());
    d.set("error", ctx.message(done.error()));
    import_data(ctx, d, problems, stashed->first, "");
    return deps.views->page(ctx, "pages/commune_import", ctx.t("commune.import_title"), std::move(d), 422);
  }
  ctx.set_flash("flash.communes.imported");
  return http::Response::redirect("/communes/catalogue");
}

Result<http::Response> commune_import_template(const WebDeps& deps, http::Context&) {
  auto bytes = deps.communes->catalogue_template();
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "mau-danh-muc-xa.xlsx");
}

}  // namespace thidua::web
