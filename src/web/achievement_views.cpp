// How an achievement reads on a page: its status badge, figures, subject, a list row.

#include "text/format.hpp"
#include "web/achievement_pages.hpp"

namespace thidua::web {

const char* achievement_status_color(AchievementStatus s) {
  switch (s) {
    case AchievementStatus::draft: return "secondary";
    case AchievementStatus::submitted: return "primary";
    case AchievementStatus::returned: return "warning";
    case AchievementStatus::verified: return "success";
    case AchievementStatus::withdrawn: return "dark";
  }
  return "secondary";
}

std::string achievement_measures(http::Context& ctx, const Achievement& a) {
  std::vector<std::string> parts;
  auto count = [&](const char* key, const std::optional<long long>& v) {
    if (v) parts.push_back(ctx.catalogue().format(ctx.lang, key, {{"n", text::format_number(*v)}}));
  };
  switch (a.kind) {
    case AchievementKind::propaganda:
      count("achievement.count_sessions", a.sessions);
      count("achievement.count_participants", a.participants);
      break;
    case AchievementKind::resource:
      if (a.cash_vnd.value_or(0) > 0) {
        parts.push_back(ctx.catalogue().format(ctx.lang, "achievement.cash", {{"value", text::format_money(*a.cash_vnd)}}));
      }
      if (a.goods_vnd.value_or(0) > 0) {
        parts.push_back(ctx.catalogue().format(ctx.lang, "achievement.goods",
                                               {{"value", text::format_money(*a.goods_vnd)}, {"what", a.goods_note}}));
      }
      if (a.workdays.value_or(0) > 0) count("achievement.count_workdays", a.workdays);
      if (a.land_m2.value_or(0) > 0) count("achievement.count_land", a.land_m2);
      if (!a.donor_name.empty()) parts.push_back(a.donor_name);
      break;
    case AchievementKind::support_visit:
      break;
    case AchievementKind::role_model:
      if (!a.model_name.empty()) {
        parts.push_back(a.model_name + " " +
                        ctx.t(a.model_kind == ModelKind::collective ? "achievement.of_unit" : "achievement.of_person"));
      }
      break;
    case AchievementKind::initiative:
      if (!a.initiative_title.empty()) parts.push_back(a.initiative_title);
      break;
    case AchievementKind::other:
      break;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " · ") + p;
  return out;
}

std::string achievement_subject(const Achievement& a) {
  if (a.subject == RecordSubject::person) return a.person_name + " (" + a.unit_name + ")";
  return a.unit_name;
}

mustache::data achievement_option(const std::string& value, const std::string& label, const std::string& current) {
  mustache::data o;
  o.set("value", value);
  o.set("label", label);
  if (value == current) o.set("selected", true);
  return o;
}

mustache::data achievement_row(http::Context& ctx, const Achievement& a) {
  mustache::data r;
  r.set("id", std::to_string(a.id));
  r.set("version", std::to_string(a.version));
  r.set("date", display_date(a.occurred_on));
  r.set("item", ctx.catalogue().format(ctx.lang, "achievement.item_number", {{"n", std::to_string(a.item_number)}}));
  r.set("item_text", a.item_text);
  r.set("who", achievement_subject(a));
  r.set("kind_label", ctx.t("achievement_kind." + std::string(to_string(a.kind))));
  r.set("title", a.title);
  if (auto m = achievement_measures(ctx, a); !m.empty()) r.set("measures", m);
  if (!a.commune_name.empty()) r.set("commune", a.commune_name);
  r.set("status_label", ctx.t("achievement_status." + std::string(to_string(a.status))));
  r.set("status_color", achievement_status_color(a.status));
  if (a.status == AchievementStatus::returned && !a.last_comment.empty()) r.set("comment", a.last_comment);
  r.set("recorded_by", a.created_by_name);
  if (!a.submitted_at.empty()) r.set("submitted_at", display_timestamp(a.submitted_at));
  return r;
}

}  // namespace thidua::web
