#pragma once
/// Pages of pledges (đăng ký thi đua): the list of a movement's year with, for the Office and
/// leaders, each unit's standing and who has not registered (with reminders); the form for a
/// new pledge or an edit; a pledge with its history and the actions its status allows; the
/// list as XLSX. Also the notifications page and covenants of clusters.

#include "domain/record.hpp"
#include "web/pages.hpp"

namespace thidua::web {

Result<http::Response> pledges_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> pledges_export(const WebDeps& deps, http::Context& ctx);
Result<http::Response> pledge_deadline(const WebDeps& deps, http::Context& ctx);
Result<http::Response> pledge_remind(const WebDeps& deps, http::Context& ctx);
Result<http::Response> pledge_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> pledge_submit(const WebDeps& deps, http::Context& ctx);
Result<http::Response> pledge_return(const WebDeps& deps, http::Context& ctx);
Result<http::Response> pledge_approve(const WebDeps& deps, http::Context& ctx);
Result<http::Response> pledge_withdraw(const WebDeps& deps, http::Context& ctx);

// The form (pledge_form_page.cpp).
Result<http::Response> pledge_new(const WebDeps& deps, http::Context& ctx);
Result<http::Response> pledge_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> pledge_edit(const WebDeps& deps, http::Context& ctx);
Result<http::Response> pledge_update(const WebDeps& deps, http::Context& ctx);

// Notifications (notification_pages.cpp).
Result<http::Response> notifications_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> notification_read(const WebDeps& deps, http::Context& ctx);
Result<http::Response> notifications_read_all(const WebDeps& deps, http::Context& ctx);

// Covenants (covenant_pages.cpp).
Result<http::Response> covenants_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> covenants_export(const WebDeps& deps, http::Context& ctx);
Result<http::Response> covenant_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> covenant_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> covenant_withdraw(const WebDeps& deps, http::Context& ctx);
Result<http::Response> covenant_files_add(const WebDeps& deps, http::Context& ctx);
Result<http::Response> covenant_file_withdraw(const WebDeps& deps, http::Context& ctx);

/// The home page's to-do items about pledges (template data: has_items, items[{text, href,
/// deadline, late}]), empty when there is nothing to do.
mustache::data home_pledges(const WebDeps& deps, http::Context& ctx);

namespace pledge_view {

/// Bootstrap colour of a status badge (ux.md: draft grey, submitted blue, returned orange,
/// approved green, withdrawn dark).
const char* status_color(PledgeStatus s);
std::string status_label(http::Context& ctx, PledgeStatus s);
/// "1.500.000 đ", "4 buổi", "300 lượt người".
std::string target_text(http::Context& ctx, Measure m, long long value);
std::string aim_label(http::Context& ctx, AwardAim a);

}  // namespace pledge_view

}  // namespace thidua::web
