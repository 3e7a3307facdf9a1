// Covenants (giao ước thi đua) of the agency's clusters: the list of a year with the form to
// record one, a covenant with its parties and signed file, its withdrawal, the list as XLSX.

#include "services/covenant_service.hpp"
#include "web/evidence_view.hpp"
#include "web/pledge_pages.hpp"

namespace thidua::web {

namespace {

/// The year a page is about: `?year=` when it is one, else this year.
int page_year(const http::FormData* q) {
  int y = q ? year_param(q->value("year")) : 0;
  return y >= 2000 && y <= 2100 ? y : this_year();
}

mustache::data parties_of(const Covenant& c) {
  mustache::list parties;
  for (const auto& p : c.parties) {
    mustache::data r;
    r.set("code", p.code);
    r.set("name", p.name);
    parties.push_back(r);
  }
  mustache::data d;
  d.set("parties", parties);
  d.set("party_count", std::to_string(c.parties.size()));
  return d;
}

Result<http::Response> render_list(const WebDeps& deps, http::Context& ctx, int year, const Refused* refused,
                                   unsigned status) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto rows = deps.covenants->list(*ctx.principal, *agency, year);
  if (!rows) return fail(rows.error());
  auto clusters = deps.covenants->clusters(*ctx.principal, *agency, year);
  if (!clusters) return fail(clusters.error());
  mustache::data d;
  d.set("year", std::to_string(year));
  d.set("prev_year", std::to_string(year - 1));
  d.set("next_year", std::to_string(year + 1));
  mustache::list items;
  for (const auto& c : *rows) {
    mustache::data r = parties_of(c);
    r.set("id", std::to_string(c.id));
    r.set("title", c.title);
    r.set("cluster", c.cluster_name);
    r.set("signed_on", display_date(c.signed_on));
    r.set("place", c.place);
    if (!c.active) r.set("withdrawn", true);
    items.push_back(r);
  }
  if (!items.empty()) d.set("has_items", true);
  put(d, "items", list_data(std::move(items)));
  mustache::list cluster_opts;
  for (const auto& c : *clusters) {
    mustache::data o;
    o.set("id", std::to_string(c.id));
    o.set("name", c.name);
    std::string members;
    for (const auto& m : c.members) members += (members.empty() ? "" : ", ") + m.name;
    o.set("members", members);
    cluster_opts.push_back(o);
  }
  if (!cluster_opts.empty()) d.set("has_clusters", true);
  d.set("clusters", cluster_opts);
  if (deps.covenants->can_record(*ctx.principal, *agency) && !clusters->empty()) {
    d.set("can_record", true);
    if (deps.evidence && deps.covenants->takes_files()) {
      EvidenceInputOptions o;
      o.id = "c-file";
      o.images_and_pdf_only = true;
      if (refused && refused->form == "covenant" && refused->error) {
        for (const auto& fe : refused->error->fields) {
          if (fe.field == "file") o.error = ctx.field_message(*refused->error, fe);
        }
      }
      d.set("evidence_input", render_evidence_input(*deps.views, ctx, *deps.evidence, o));
    }
    auto f = form_echo(ctx, refused, "covenant", {"cluster_id", "title", "signed_on", "place", "note"});
    if (!(refused && refused->form == "covenant")) {
      f.set("title", ctx.catalogue().format(ctx.lang, "covenant.default_title", {{"year", std::to_string(year)}}));
    } else {
      d.set("form_open", true);
    }
    d.set("form", f);
  }
  return deps.views->page(ctx, "pages/covenants", ctx.t("covenant.title"), std::move(d), status);
}

Result<http::Response> render_one(const WebDeps& deps, http::Context& ctx, std::int64_t id, const Refused* refused,
                                  unsigned status) {
  auto c = deps.covenants->get(*ctx.principal, id);
  if (!c) return fail(c.error());
  mustache::data d = parties_of(*c);
  d.set("id", std::to_string(c->id));
  d.set("version", std::to_string(c->version));
  d.set("title", c->title);
  d.set("cluster", c->cluster_name);
  d.set("year", std::to_string(c->year));
  d.set("signed_on", display_date(c->signed_on));
  if (!c->place.empty()) d.set("place", c->place);
  if (!c->note.empty()) d.set("note", c->note);
  d.set("recorded_by", c->recorded_by_name);
  d.set("recorded_at", display_timestamp(c->created_at));
  if (!c->active) {
    d.set("withdrawn", true);
    d.set("withdrawn_at", display_timestamp(c->withdrawn_at));
    d.set("withdraw_reason", c->withdraw_reason);
  } else if (deps.covenants->can_record(*ctx.principal, c->recorded_by_agency)) {
    d.set("can_withdraw", true);
  }
  d.set("withdraw_form", form_echo(ctx, refused, "withdraw", {"reason"}));
  // The signed file(s): the list (outside any form), and for the recording Office a form to add more.
  auto files = deps.covenants->files(*ctx.principal, id);
  if (!files) return fail(files.error());
  const bool changes = c->active && deps.covenants->can_record(*ctx.principal, c->recorded_by_agency);
  if (deps.covenants->takes_files()) {
    d.set("takes_files", true);
    EvidenceListOptions lo;
    if (changes) lo.withdraw_action = "/covenants/" + std::to_string(id) + "/files/{id}/withdraw";
    d.set("evidence_list", render_evidence_list(*deps.views, ctx, *files, lo));
    if (changes && deps.evidence) {
      EvidenceInputOptions o;
      o.id = "covenant-file";
      o.images_and_pdf_only = true;
      if (refused && refused->form == "files" && refused->error) o.error = ctx.message(*refused->error);
      d.set("evidence_input", render_evidence_input(*deps.views, ctx, *deps.evidence, o));
    }
  }
  return deps.views->page(ctx, "pages/covenant", c->title, std::move(d), status);
}

}  // namespace

Result<http::Response> covenants_page(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  return render_list(deps, ctx, page_year(q ? &*q : nullptr), nullptr, 200);
}

Result<http::Response> covenants_export(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  std::optional<int> year;
  if (q && !q->value("year").empty()) year = page_year(&*q);
  auto bytes = services::export_covenants(*deps.covenants, *ctx.principal, *agency, year);
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "giao-uoc-thi-dua" + (year ? "-" + std::to_string(*year) : "") + ".xlsx");
}

Result<http::Response> covenant_create(const WebDeps& deps, http::Context& ctx) {
  // A multipart form (the signed file comes with it), read as it arrived.
  const auto& up = ctx.upload_form();
  if (!up) return fail(up.error());
  http::FormData f;
  for (const auto& [name, value] : up->fields) f.add(name, value);
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  services::CovenantInput in{f.value("cluster_id"), f.value("year"),  f.value("title"),
                             f.value("signed_on"),  f.value("place"), f.value("note")};
  auto c = deps.covenants->record(*ctx.principal, *agency, in, evidence_uploads(*up));
  if (!c) {
    if (!shows_again(c.error())) return fail(c.error());
    Refused refused{"covenant", &f, &c.error()};
    return render_list(deps, ctx, page_year(&f), &refused, http::status_for(c.error()));
  }
  ctx.set_flash("covenant_flash.recorded");
  return http::Response::redirect("/covenants/" + std::to_string(c->id));
}

Result<http::Response> covenant_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(ErrorKind::not_found, "covenant.not_found");
  return render_one(deps, ctx, *id, nullptr, 200);
}

Result<http::Response> covenant_withdraw(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(ErrorKind::not_found, "covenant.not_found");
  const auto& f = ctx.form();
  if (!f) return fail(f.error());
  auto c = deps.covenants->withdraw(*ctx.principal, *id, std::atoll(f->value("version").c_str()), f->value("reason"));
  if (!c) {
    if (!shows_again(c.error())) return fail(c.error());
    Refused refused{"withdraw", &*f, &c.error()};
    return render_one(deps, ctx, *id, &refused, http::status_for(c.error()));
  }
  ctx.set_flash("covenant_flash.withdrawn");
  return http::Response::redirect("/covenants/" + std::to_string(*id));
}

Result<http::Response> covenant_files_add(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(ErrorKind::not_found, "covenant.not_found");
  const auto& up = ctx.upload_form();
  if (!up) return fail(up.error());
  auto r = deps.covenants->add_files(*ctx.principal, *id, evidence_uploads(*up));
  if (!r) {
    if (!shows_again(r.error())) return fail(r.error());
    Refused refused{"files", nullptr, &r.error()};
    return render_one(deps, ctx, *id, &refused, http::status_for(r.error()));
  }
  return http::Response::redirect("/covenants/" + std::to_string(*id) + "#covenant-files");
}

Result<http::Response> covenant_file_withdraw(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(ErrorKind::not_found, "covenant.not_found");
  auto ev = id_param(ctx.params["evidence"]);
  if (!ev) return fail(ErrorKind::not_found, "evidence.not_found");
  const auto& f = ctx.form();
  if (!f) return fail(f.error());
  auto r = deps.covenants->withdraw_file(*ctx.principal, *id, *ev, f->value("reason"));
  if (!r) {
    if (!shows_again(r.error())) return fail(r.error());
    Refused refused{"files", nullptr, &r.error()};
    return render_one(deps, ctx, *id, &refused, http::status_for(r.error()));
  }
  return http::Response::redirect("/covenants/" + std::to_string(*id) + "#covenant-files");
}

}  // namespace thidua::web
