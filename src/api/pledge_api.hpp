#pragma once
/// Pledges under /api/v1/pledges (list, one, create, edit, submit / return / approve /
/// withdraw, who has not registered, reminders, the deadline), the signed-in user's
/// notifications under /api/v1/notifications and clusters' covenants under /api/v1/covenants.

#include "api/handlers.hpp"

namespace thidua::api {

Result<http::Response> list_pledges(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> create_pledge(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_pledge(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> update_pledge(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> submit_pledge(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> return_pledge(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> approve_pledge(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> withdraw_pledge(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> pledges_missing(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> pledge_reminders(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> set_pledge_deadline(const ApiDeps& deps, http::Context& ctx);

Result<http::Response> list_notifications(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> read_notification(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> read_all_notifications(const ApiDeps& deps, http::Context& ctx);

Result<http::Response> list_covenants(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> create_covenant(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_covenant(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> withdraw_covenant(const ApiDeps& deps, http::Context& ctx);
/// Multipart: field "file" (one or more), "caption".
Result<http::Response> add_covenant_files(const ApiDeps& deps, http::Context& ctx);

}  // namespace thidua::api
