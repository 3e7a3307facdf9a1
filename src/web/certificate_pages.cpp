// The layout of the agency's pre-printed certificate blanks: positions of the printed fields,
// saved by the Office, with a sample print to hold against a blank.

#include <cstdlib>

#include "text/format.hpp"
#include "web/decision_pages.hpp"

namespace thidua::web {

namespace {

mustache::data layout_echo(http::Context& ctx, const Refused* refused) {
  return form_echo(ctx, refused, "layout",
                   {"name_x", "name_y", "name_size", "unit_x", "unit_y", "achievement_x", "achievement_y",
                    "achievement_width", "date_x", "date_y", "decision_x", "decision_y", "qr_x", "qr_y", "qr_size",
                    "text_size"});
}

std::string mm(double v) { return text::format_decimal(v, 1); }

Result<http::Response> render(const WebDeps& deps, http::Context& ctx, const Refused* refused, unsigned status) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto l = deps.certificates->layout(*ctx.principal, *agency);
  if (!l) return fail(l.error());
  mustache::data f = layout_echo(ctx, refused);
  if (!refused) {
    const std::pair<const char*, double> values[] = {
        {"name_x", l->name_x},     {"name_y", l->name_y},       {"name_size", l->name_size},
        {"unit_x", l->unit_x},     {"unit_y", l->unit_y},       {"achievement_x", l->achievement_x},
        {"achievement_y", l->achievement_y}, {"achievement_width", l->achievement_width},
        {"date_x", l->date_x},     {"date_y", l->date_y},       {"decision_x", l->decision_x},
        {"decision_y", l->decision_y}, {"qr_x", l->qr_x},       {"qr_y", l->qr_y},
        {"qr_size", l->qr_size},   {"text_size", l->text_size}};
    for (const auto& [k, v] : values) f.set(k, mm(v));
  }
  mustache::data x;
  x.set("form", f);
  x.set("version", std::to_string(l->version));
  if (l->version == 0) x.set("defaults", true);
  return deps.views->page(ctx, "pages/certificate_layout", ctx.t("layout_page.title"), std::move(x), status);
}

}  // namespace

Result<http::Response> certificate_layout_page(const WebDeps& deps, http::Context& ctx) {
  return render(deps, ctx, nullptr, 200);
}

Result<http::Response> certificate_layout_save(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  services::LayoutInput in;
  in.name_x = form->value("name_x");
  in.name_y = form->value("name_y");
  in.name_size = form->value("name_size");
  in.unit_x = form->value("unit_x");
  in.unit_y = form->value("unit_y");
  in.achievement_x = form->value("achievement_x");
  in.achievement_y = form->value("achievement_y");
  in.achievement_width = form->value("achievement_width");
  in.date_x = form->value("date_x");
  in.date_y = form->value("date_y");
  in.decision_x = form->value("decision_x");
  in.decision_y = form->value("decision_y");
  in.qr_x = form->value("qr_x");
  in.qr_y = form->value("qr_y");
  in.qr_size = form->value("qr_size");
  in.text_size = form->value("text_size");
  auto r = deps.certificates->save_layout(*ctx.principal, *agency, std::atoll(form->value("version").c_str()), in);
  if (r) {
    ctx.set_flash("flash.decision.layout_saved");
    return http::Response::redirect("/certificate-layout");
  }
  if (!shows_again(r.error()) && r.error().kind != ErrorKind::forbidden) return fail(r.error());
  Refused refused{"layout", &*form, &r.error()};
  return render(deps, ctx, &refused, http::status_for(r.error()));
}

Result<http::Response> certificate_layout_sample(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto file = deps.certificates->sample(*ctx.principal, *agency);
  if (!file) return fail(file.error());
  return decision_download(std::move(file->bytes), "application/pdf", file->file_name, true);
}

}  // namespace thidua::web
