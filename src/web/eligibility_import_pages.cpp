// The Office's XLSX imports of commendation inputs (issue 6, part 1): ratings of a year and
// past awards from the paper records. Upload → every row checked (the problems listed by row,
// nothing written) → confirm → all rows written in one transaction.

#include "services/eligibility_import.hpp"
#include "web/eligibility_pages.hpp"

namespace thidua::web {

namespace {

struct ImportChoice {
  services::InputImportKind kind = services::InputImportKind::ratings;
  int year = 0;
};

ImportChoice import_choice(std::string_view kind, std::string_view year) {
  ImportChoice c;
  c.kind = kind == "awards" ? services::InputImportKind::awards : services::InputImportKind::ratings;
  c.year = year_param(year);
  if (c.year == 0) c.year = this_year() - 1;
  return c;
}

http::Response render_import(const WebDeps& deps, http::Context& ctx, const ImportChoice& c,
                             const services::InputImportResult* result, const std::string& file_name,
                             const std::string& token, const Error* error, unsigned status) {
  mustache::data d;
  d.set("year", std::to_string(c.year));
  if (c.kind == services::InputImportKind::awards) d.set("awards", true);
  d.set("kind", c.kind == services::InputImportKind::awards ? "awards" : "ratings");
  if (error) d.set("error", ctx.message(*error));
  if (result) {
    mustache::data p;
    p.set("file_name", file_name);
    p.set("rows", std::to_string(result->rows));
    p.set("token", token);
    mustache::list problems;
    for (const auto& [row, e] : result->problems) {
      mustache::data x;
      x.set("row", std::to_string(row));
      x.set("message", ctx.message(e));
      problems.push_back(x);
    }
    if (!result->ok()) p.set("has_problems", true);
    p.set("problems", problems);
    d.set("preview", p);
  }
  return deps.views->page(ctx, "pages/eligibility_import", ctx.t("eligibility.import_title"), std::move(d), status);
}

}  // namespace

Result<http::Response> eligibility_import_form(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  return render_import(deps, ctx, import_choice(q->value("kind"), q->value("year")), nullptr, "", "", nullptr, 200);
}

Result<http::Response> eligibility_import_preview(const WebDeps& deps, http::Context& ctx) {
  const auto& parts = ctx.parts();
  if (!parts) return fail(parts.error());
  const http::Part* file = nullptr;
  std::string kind, year;
  for (const auto& p : *parts) {
    if (p.headers.name == "file" && p.headers.filename) file = &p;
    if (p.headers.name == "kind") kind = p.data;
    if (p.headers.name == "year") year = p.data;
  }
  const ImportChoice c = import_choice(kind, year);
  if (!file || file->data.empty()) {
    Error e{ErrorKind::validation, "import.no_file", {}, {}, ""};
    return render_import(deps, ctx, c, nullptr, "", "", &e, 422);
  }
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto r = services::import_inputs(*deps.eligibility, *ctx.principal, *agency, c.kind, c.year, file->data, true);
  if (!r) {
    if (r.error().kind != ErrorKind::validation && r.error().kind != ErrorKind::too_large) return fail(r.error());
    return render_import(deps, ctx, c, nullptr, "", "", &r.error(), http::status_for(r.error()));
  }
  std::string token;
  const std::string name = *file->headers.filename;
  if (r->ok()) token = deps.uploads->put(ctx.principal->user_id, name, file->data);
  return render_import(deps, ctx, c, &*r, name, token, nullptr, r->ok() ? 200 : 422);
}

Result<http::Response> eligibility_import_commit(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  const ImportChoice c = import_choice(form->value("kind"), form->value("year"));
  auto stashed = deps.uploads->take(ctx.principal->user_id, form->value("token"));
  if (!stashed) {
    Error e{ErrorKind::validation, "import.expired", {}, {}, ""};
    return render_import(deps, ctx, c, nullptr, "", "", &e, 422);
  }
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto r = services::import_inputs(*deps.eligibility, *ctx.principal, *agency, c.kind, c.year, stashed->second, false);
  if (!r) return fail(r.error());
  if (!r->ok()) return render_import(deps, ctx, c, &*r, stashed->first, "", nullptr, 422);
  ctx.set_flash("flash.eligibility.imported");
  return http::Response::redirect("/eligibility?year=" + std::to_string(c.year));
}

}  // namespace thidua::web
