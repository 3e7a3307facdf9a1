#include "api/dto/user_dto.hpp"
#include "api/handlers.hpp"

namespace thidua::api {

namespace json = boost::json;

Result<http::Response> me(const ApiDeps&, http::Context& ctx) {
  return http::Response::json(json::serialize(dto::to_json(*ctx.principal)));
}

Result<http::Response> list_users(const ApiDeps& deps, http::Context& ctx) {
  auto users = deps.users->list_users(*ctx.principal);
  if (!users) return fail(users.error());
  json::array items;
  for (const auto& u : *users) items.push_back(dto::to_json(u));
  return http::Response::json(json::serialize(json::object{{"items", items}}));
}

Result<http::Response> create_user(const ApiDeps& deps, http::Context& ctx) {
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto input = dto::new_user_from_json(*body);
  if (!input) return fail(input.error());
  auto created = deps.users->add_user(*ctx.principal, std::move(*input));
  if (!created) return fail(created.error());
  auto r = http::Response::json(json::serialize(dto::to_json(*created)), 201);
  r.header("Location", "/api/v1/users/" + created->login);
  return r;
}

Result<http::Response> get_user(const ApiDeps& deps, http::Context& ctx) {
  auto user = deps.users->get_user(*ctx.principal, ctx.params["login"]);
  if (!user) return fail(user.error());
  return http::Response::json(json::serialize(dto::to_json(*user)));
}

}  // namespace thidua::api
