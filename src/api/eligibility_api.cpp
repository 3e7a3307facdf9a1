#include "api/eligibility_api.hpp"

#include <algorithm>

#include "api/dto/eligibility_dto.hpp"

namespace thidua::api {

namespace json = boost::json;

Result<http::Response> get_eligibility(const ApiDeps& deps, http::Context& ctx) {
  auto requested = query_int(ctx, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  auto year = query_int(ctx, "year");
  if (!year) return fail(year.error());
  auto unit = query_int(ctx, "unit");
  if (!unit) return fail(unit.error());
  auto movement = query_int(ctx, "movement");
  if (!movement) return fail(movement.error());
  services::EligibilityQuery q;
  q.agency_id = *agency;
  // Without ?year= the year just ended, as the page opens.
  q.year = *year ? static_cast<int>(std::clamp<std::int64_t>(**year, 0, 9999)) : deps.eligibility->default_year();
  q.unit_id = *unit;
  q.movement_id = *movement;
  auto v = deps.eligibility->compute(*ctx.principal, q);
  if (!v) return fail(v.error());
  return http::Response::json(json::serialize(dto::to_json(*v, *agency, ctx.catalogue(), ctx.lang)));
}

}  // namespace thidua::api
