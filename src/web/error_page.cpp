#include "web/pages.hpp"

namespace thidua::web {

http::Response error_page(const Views& views, http::Context& ctx, const Error& error, unsigned status) {
  mustache::data d;
  d.set("status", std::to_string(status));
  d.set("message", error.kind == ErrorKind::internal ? ctx.t("error.internal") : ctx.message(error));
  if (status < 500) d.set("client", true);
  d.set("request_id", ctx.req.request_id);
  if (!error.fields.empty()) {
    mustache::list items;
    for (const auto& f : error.fields) items.push_back(mustache::data(ctx.field_message(error, f)));
    mustache::data fields;
    fields.set("items", items);
    d.set("fields", fields);
  }
  return views.page(ctx, "pages/error", ctx.t("error.title"), std::move(d), status);
}

}  // namespace thidua::web
