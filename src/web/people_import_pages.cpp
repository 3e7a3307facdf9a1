#include "services/crypto.hpp"
#include "text/format.hpp"
#include "web/pages.hpp"

namespace thidua::web {

namespace {
constexpr auto kStashLife = std::chrono::minutes(30);
constexpr std::size_t kStashSize = 16;
}  // namespace

std::string UploadStash::put(std::int64_t user_id, std::string name, std::string bytes) {
  std::lock_guard lock(mu_);
  auto now = std::chrono::steady_clock::now();
  for (auto it = entries_.begin(); it != entries_.end();) {
    it = now - it->second.at > kStashLife ? entries_.erase(it) : std::next(it);
  }
  while (entries_.size() >= kStashSize) {
    auto oldest = entries_.begin();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->second.at < oldest->second.at) oldest = it;
    }
    entries_.erase(oldest);
  }
  std::string token = services::random_token(24);
  entries_[token] = Entry{user_id, std::move(name), std::move(bytes), now};
  return token;
}

std::optional<std::pair<std::string, std::string>> UploadStash::take(std::int64_t user_id, const std::string& token) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(token);
  if (it == entries_.end() || it->second.user_id != user_id ||
      std::chrono::steady_clock::now() - it->second.at > kStashLife) {
    return std::nullopt;
  }
  auto out = std::make_pair(std::move(it->second.name), std::move(it->second.bytes));
  entries_.erase(it);
  return out;
}

namespace {

http::Response render(const WebDeps& deps, http::Context& ctx, const services::ImportPreview* preview,
                      const std::string& file_name, const std::string& token, const Error* error, unsigned status) {
  mustache::data d;
  if (error) d.set("error", ctx.message(*error));
  if (preview) {
    mustache::data p;
    p.set("file_name", file_name);
    if (!preview->encoding.empty()) p.set("encoding", ctx.t("import.encoding_" + preview->encoding));
    p.set("rows", text::format_number(preview->rows));
    p.set("new_people", text::format_number(preview->new_people));
    p.set("updated_people", text::format_number(preview->updated_people));
    p.set("unchanged_people", text::format_number(preview->unchanged_people));
    p.set("token", token);
    if (!preview->ok()) p.set("has_problems", true);
    mustache::list problems;
    std::size_t shown = 0;
    for (const auto& pr : preview->problems) {
      if (++shown > 300) break;
      mustache::data x;
      x.set("row", std::to_string(pr.row));
      x.set("column", pr.column);
      x.set("message", ctx.catalogue().format(ctx.lang, pr.code, pr.params));
      problems.push_back(x);
    }
    p.set("problems", problems);
    if (preview->problems.size() > 300) {
      p.set("more_problems", ctx.catalogue().format(ctx.lang, "import.more",
                                                    {{"count", std::to_string(preview->problems.size() - 300)}}));
    }
    mustache::list sample;
    for (const auto& s : preview->sample) {
      mustache::data x;
      x.set("row", std::to_string(s.row));
      x.set("full_name", s.full_name);
      x.set("unit", s.unit);
      x.set("action", ctx.t("import.action_" + s.action));
      sample.push_back(x);
    }
    p.set("sample", sample);
    d.set("preview", p);
  }
  return deps.views->page(ctx, "pages/people_import", ctx.t("import.title"), std::move(d), status);
}

}  // namespace

Result<http::Response> people_import_form(const WebDeps& deps, http::Context& ctx) {
  return render(deps, ctx, nullptr, "", "", nullptr, 200);
}

Result<http::Response> people_import_preview(const WebDeps& deps, http::Context& ctx) {
  const auto& parts = ctx.parts();
  if (!parts) return fail(parts.error());
  const http::Part* file = nullptr;
  for (const auto& p : *parts) {
    if (p.headers.name == "file" && p.headers.filename) file = &p;
  }
  if (!file || file->data.empty()) {
    Error e{ErrorKind::validation, "import.no_file", {}, {}, ""};
    return render(deps, ctx, nullptr, "", "", &e, 422);
  }
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  std::string name = *file->headers.filename;
  auto preview = deps.import->preview_people(*ctx.principal, *agency, file->data, name);
  if (!preview) {
    if (preview.error().kind != ErrorKind::validation && preview.error().kind != ErrorKind::too_large) {
      return fail(preview.error());
    }
    return render(deps, ctx, nullptr, "", "", &preview.error(), http::status_for(preview.error()));
  }
  std::string token;
  if (preview->ok()) token = deps.uploads->put(ctx.principal->user_id, name, file->data);
  return render(deps, ctx, &*preview, name, token, nullptr, preview->ok() ? 200 : 422);
}

Result<http::Response> people_import_commit(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto stashed = deps.uploads->take(ctx.principal->user_id, form->value("token"));
  if (!stashed) {
    Error e{ErrorKind::validation, "import.expired", {}, {}, ""};
    return render(deps, ctx, nullptr, "", "", &e, 422);
  }
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto done = deps.import->import_people(*ctx.principal, *agency, stashed->second, stashed->first);
  if (!done) {
    // The data changed between preview and commit: show the fresh problems.
    auto again = deps.import->preview_people(*ctx.principal, *agency, stashed->second, stashed->first);
    if (again) return render(deps, ctx, &*again, stashed->first, "", &done.error(), 422);
    return fail(done.error());
  }
  ctx.set_flash("flash.success.imported");
  return http::Response::redirect("/people");
}

Result<http::Response> people_import_template(const WebDeps& deps, http::Context&) {
  auto bytes = deps.import->people_template();
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "mau-nhap-can-bo.xlsx");
}

Result<http::Response> people_export(const WebDeps& deps, http::Context& ctx) {
  auto f = people_filter(deps, ctx);
  if (!f) return fail(f.error());
  auto bytes = deps.import->export_people(*ctx.principal, *f);
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "danh-sach-can-bo.xlsx");
}

}  // namespace thidua::web
