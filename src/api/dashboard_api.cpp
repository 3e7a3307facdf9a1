#include "api/dashboard_api.hpp"

#include "api/dto/dashboard_dto.hpp"

namespace thidua::api {

Result<http::Response> get_dashboard(const ApiDeps& deps, http::Context& ctx) {
  auto requested = query_int(ctx, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  services::FollowUpQuery q;
  q.agency_id = *agency;
  for (auto [name, field] : {std::pair{"movement", &q.movement_id}, std::pair{"unit", &q.unit_id},
                             std::pair{"person", &q.person_id}}) {
    auto v = query_int(ctx, name);
    if (!v) return fail(v.error());
    *field = *v;
  }
  if (const auto& qs = ctx.query(); qs) {
    q.from = qs->value("from");
    q.to = qs->value("to");
  }
  auto f = deps.follow_up->figures(*ctx.principal, q);
  if (!f) return fail(f.error());
  return http::Response::json(boost::json::serialize(dto::to_json(*f)));
}

}  // namespace thidua::api
