// The public verification of a certificate: /verify (a form to type the code) and
// /verify/{code}: who, what form, which decision, valid or withdrawn — or a clear "not found".
// No sign-in; nothing of the agency beyond what the certificate prints.

#include "web/decision_pages.hpp"

namespace thidua::web {

namespace {

Result<http::Response> render_form(const WebDeps& deps, http::Context& ctx, const std::string& typed,
                                   const std::string& message, unsigned status) {
  mustache::data x;
  x.set("typed", typed);
  if (!message.empty()) {
    x.set("not_found", true);
    x.set("message", message);
  }
  return deps.views->page(ctx, "pages/verify", ctx.t("verify_page.title"), std::move(x), status);
}

}  // namespace

Result<http::Response> verify_form(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  const std::string typed = q->value("code");
  if (!typed.empty()) {
    if (auto code = normalize_certificate_code(typed)) return http::Response::redirect("/verify/" + *code);
    return render_form(deps, ctx, typed, ctx.t("certificate.code_unknown"), 404);
  }
  return render_form(deps, ctx, "", "", 200);
}

Result<http::Response> verify_page(const WebDeps& deps, http::Context& ctx) {
  const std::string typed = ctx.params["code"];
  auto c = deps.certificates->verify(typed, ctx.req.remote_addr);
  if (!c) {
    if (c.error().kind == ErrorKind::not_found) {
      return render_form(deps, ctx, typed.size() <= 20 ? typed : "", ctx.message(c.error()), 404);
    }
    return fail(c.error());
  }
  mustache::data x;
  x.set("found", true);
  x.set("code", c->code);
  x.set("name", c->subject_name);
  set_nonempty(x, "unit", c->unit_name);
  x.set("form", ctx.t("award_form." + std::string(to_string(c->form))));
  set_nonempty(x, "achievement", c->achievement);
  x.set("decision", c->decision_ref);
  x.set("date", display_date(c->decision_date));
  x.set("issuer", c->issuer);
  if (c->valid) x.set("valid", true);
  x.set("status_label", ctx.t(c->valid ? "verify_page.valid" : "verify_page.withdrawn"));
  return deps.views->page(ctx, "pages/verify", ctx.t("verify_page.title"), std::move(x), 200);
}

}  // namespace thidua::web
