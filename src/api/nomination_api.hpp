#pragma once
/// Nominations and the council's ballot under /api/v1: the list of an agency's nominations
/// (filters year, status, form), one nomination with its dossier and history, and a member's
/// vote on an open item of a council session. The service checks every right; another
/// agency's ids are "not found". A vote answers 204 and says nothing of the counts.

#include "api/handlers.hpp"

namespace thidua::api {

Result<http::Response> list_nominations(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_nomination(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> cast_council_vote(const ApiDeps& deps, http::Context& ctx);

}  // namespace thidua::api
