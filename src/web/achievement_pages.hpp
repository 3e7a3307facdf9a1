#pragma once
/// Pages of achievements (kết quả thực hiện) and progress: the list (mine, my unit, all) with
/// filters and its XLSX, the record form (its fields change with the kind; files attached as
/// it is saved), a record's page with its history and evidence, the Office's queue (verify or
/// return in place), and progress of a unit, a person and every unit against their pledges.

#include <string>

#include "domain/achievement.hpp"
#include "web/pages.hpp"

namespace thidua::web {

Result<http::Response> achievements_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> achievements_export(const WebDeps& deps, http::Context& ctx);
Result<http::Response> achievement_new(const WebDeps& deps, http::Context& ctx);
/// The form again with what was typed, for another kind (the kind switch without script).
Result<http::Response> achievement_form_switch(const WebDeps& deps, http::Context& ctx);
Result<http::Response> achievement_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> achievement_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> achievement_edit(const WebDeps& deps, http::Context& ctx);
Result<http::Response> achievement_update(const WebDeps& deps, http::Context& ctx);
Result<http::Response> achievement_submit(const WebDeps& deps, http::Context& ctx);
Result<http::Response> achievement_verify(const WebDeps& deps, http::Context& ctx);
Result<http::Response> achievement_return(const WebDeps& deps, http::Context& ctx);
Result<http::Response> achievement_withdraw(const WebDeps& deps, http::Context& ctx);
Result<http::Response> achievement_evidence_add(const WebDeps& deps, http::Context& ctx);
Result<http::Response> achievement_evidence_withdraw(const WebDeps& deps, http::Context& ctx);
Result<http::Response> achievements_queue(const WebDeps& deps, http::Context& ctx);
Result<http::Response> achievements_verify_many(const WebDeps& deps, http::Context& ctx);

/// The home page's achievement items for the signed-in user: records waiting for the Office
/// (the Office), returned ones to fix and drafts not sent (their keepers), and the way to record
/// one (has_items when there is anything to show).
mustache::data home_achievements(const WebDeps& deps, http::Context& ctx);

Result<http::Response> progress_overview_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> progress_unit_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> progress_person_page(const WebDeps& deps, http::Context& ctx);

// Shared by the achievement pages (achievement_views.cpp).

/// Bootstrap colour of a status badge: draft grey, submitted blue, returned orange, verified
/// green, withdrawn dark.
const char* achievement_status_color(AchievementStatus s);
/// The record's figures in a line: "2 buổi · 85 người", "Tiền mặt 25.000.000 đ · …".
std::string achievement_measures(http::Context& ctx, const Achievement& a);
/// Who it is about: "Phòng Chính sách Dân tộc" or "Đàm Văn Đức (Phòng Chính sách Dân tộc)".
std::string achievement_subject(const Achievement& a);
/// An <option> of a select: its value, label, and whether it is the `current` value.
mustache::data achievement_option(const std::string& value, const std::string& label, const std::string& current);
/// One record as a row of a list or the queue.
mustache::data achievement_row(http::Context& ctx, const Achievement& a);

}  // namespace thidua::web
