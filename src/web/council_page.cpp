#include "services/list_export.hpp"
#include "services/scope.hpp"
#include "web/pages.hpp"

namespace thidua::web {

namespace {

Result<http::Response> render_council(const WebDeps& deps, http::Context& ctx, std::int64_t agency,
                                      const Error* error, unsigned status) {
  auto terms = deps.org->council_terms(*ctx.principal, agency);
  if (!terms) return fail(terms.error());
  bool can_edit = services::can_manage_agency(*ctx.principal, agency);
  mustache::data d;
  mustache::list list;
  for (const auto& t : *terms) {
    mustache::data x;
    x.set("id", std::to_string(t.id));
    x.set("name", t.name);
    x.set("from", display_date(t.valid_from));
    x.set("to", t.valid_to.empty() ? ctx.t("people.until_now") : display_date(t.valid_to));
    if (!t.decision_ref.empty()) x.set("decision_ref", t.decision_ref);
    mustache::list seats;
    for (const auto& s : t.seats) {
      mustache::data y;
      y.set("term_id", std::to_string(t.id));
      y.set("person_id", std::to_string(s.person_id));
      y.set("person_name", s.person_name);
      y.set("seat", ctx.t("seat." + std::string(to_string(s.seat))));
      seats.push_back(y);
    }
    x.set("seats", seats);
    list.push_back(x);
  }
  d.set("terms", list);
  if (can_edit) {
    d.set("can_edit", true);
    services::PeopleFilter f;
    f.agency_id = agency;
    f.per_page = 200;
    f.status = "active";
    auto people = deps.people->search(*ctx.principal, f);
    mustache::list options;
    if (people) {
      for (const auto& p : people->items) {
        mustache::data o;
        o.set("id", std::to_string(p.id));
        o.set("full_name", p.full_name + (p.position.empty() ? "" : " — " + p.position));
        options.push_back(o);
      }
    }
    d.set("people", options);
  }
  if (error) {
    std::string msg = ctx.message(*error);
    for (const auto& f : error->fields) msg += " " + ctx.field_message(*error, f);
    d.set("error", msg);
  }
  return deps.views->page(ctx, "pages/council", ctx.t("council.title"), std::move(d), status);
}

Result<http::Response> after(const WebDeps& deps, http::Context& ctx, const Result<CouncilTerm>& r) {
  if (r) return http::Response::redirect("/council");
  const auto& e = r.error();
  if (e.kind != ErrorKind::validation && e.kind != ErrorKind::conflict) return fail(e);
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  return render_council(deps, ctx, *agency, &e, http::status_for(e));
}

}  // namespace

Result<http::Response> council_page(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  return render_council(deps, ctx, *agency, nullptr, 200);
}

Result<http::Response> council_export(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto bytes = services::export_council(*deps.org, *ctx.principal, *agency);
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "hoi-dong-thi-dua-khen-thuong.xlsx");
}

Result<http::Response> council_term_create(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  services::CouncilTermInput in{form->value("name"), form->value("decision_ref"), form->value("valid_from"),
                                form->value("valid_to")};
  return after(deps, ctx, deps.org->create_council_term(*ctx.principal, *agency, in));
}

Result<http::Response> council_seat_set(const WebDeps& deps, http::Context& ctx) {
  auto term = id_param(ctx.params["id"]);
  if (!term) return fail(term.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto person = id_param(form->value("person_id"));
  return after(deps, ctx,
               deps.org->set_council_seat(*ctx.principal, *term, person ? *person : 0, form->value("seat")));
}

Result<http::Response> council_seat_remove(const WebDeps& deps, http::Context& ctx) {
  auto term = id_param(ctx.params["id"]);
  auto person = id_param(ctx.params["person"]);
  if (!term || !person) return fail(ErrorKind::not_found, "http.not_found");
  return after(deps, ctx, deps.org->remove_council_seat(*ctx.principal, *term, *person));
}

}  // namespace thidua::web
