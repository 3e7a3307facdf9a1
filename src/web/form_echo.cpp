// What a refused form shows again (ux.md, "forms forgive"): the values as typed and each
// message next to its field; and spreadsheet downloads.

#include <algorithm>

#include "text/utf8.hpp"
#include "web/pages.hpp"

namespace thidua::web {

mustache::data form_echo(http::Context& ctx, const Refused* refused, std::string_view form_name,
                         std::initializer_list<std::string_view> fields) {
  mustache::data d;
  const bool mine = refused && refused->form == form_name;
  for (auto name : fields) {
    std::string key(name);
    std::string typed = mine && refused->values ? refused->values->value(name) : std::string();
    d.set(key, text::is_valid_utf8(typed) ? text::to_nfc(typed) : std::string());
  }
  if (!mine || !refused->error) return d;
  const Error& e = *refused->error;
  std::string summary = ctx.message(e);
  for (const auto& f : e.fields) {
    bool shown_here = std::find(fields.begin(), fields.end(), f.field) != fields.end();
    if (shown_here) d.set(f.field + "_error", ctx.field_message(e, f));
    else summary += " " + ctx.field_message(e, f);
  }
  d.set("error", summary);
  return d;
}

std::vector<std::string> checked(const Refused* refused, std::string_view form_name, std::string_view field) {
  std::vector<std::string> out;
  if (!refused || refused->form != form_name || !refused->values) return out;
  for (auto v : refused->values->all(field)) out.emplace_back(v);
  return out;
}

bool shows_again(const Error& e) { return e.kind == ErrorKind::validation || e.kind == ErrorKind::conflict; }

http::Response xlsx_file(std::string bytes, std::string_view file_name) {
  http::Response r;
  r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  r.body = std::move(bytes);
  r.header("Content-Disposition", "attachment; filename=\"" + std::string(file_name) + "\"");
  return r;
}

}  // namespace thidua::web
