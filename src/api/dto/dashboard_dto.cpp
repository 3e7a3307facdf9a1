#include "api/dto/dashboard_dto.hpp"

namespace thidua::api::dto {

namespace json = boost::json;

namespace {

json::value opt(const std::optional<std::int64_t>& v) { return v ? json::value(*v) : json::value(nullptr); }

const char* state(services::DueState s) {
  switch (s) {
    case services::DueState::done: return "done";
    case services::DueState::late: return "late";
    case services::DueState::due: break;
  }
  return "due";
}

const char* scope(services::FollowUpScope s) {
  switch (s) {
    case services::FollowUpScope::unit: return "unit";
    case services::FollowUpScope::person: return "person";
    case services::FollowUpScope::agency: break;
  }
  return "agency";
}

json::object mobilised(const services::Mobilised& m) {
  return {{"cash_vnd", m.cash_vnd}, {"goods_vnd", m.goods_vnd}, {"money_vnd", m.money_vnd()},
          {"workdays", m.workdays}, {"land_m2", m.land_m2},     {"records", m.records}};
}

json::array slices(const std::vector<services::MobilisedSlice>& v) {
  json::array out;
  for (const auto& s : v) {
    out.push_back(json::object{{"code", s.code}, {"label", s.label}, {"commune_id", opt(s.commune_id)},
                               {"figures", mobilised(s.figures)}});
  }
  return out;
}

}  // namespace

json::object to_json(const services::MovementFigures& f) {
  json::object o;
  o["agency_id"] = f.agency_id;
  o["agency_name"] = f.agency_name;
  if (f.movement.id != 0) {
    o["movement"] = json::object{{"id", f.movement.id},
                                 {"title", f.movement.title},
                                 {"period_from", f.movement.period_from},
                                 {"period_to", f.movement.period_to},
                                 {"status", std::string(to_string(f.movement.status))}};
  } else {
    o["movement"] = nullptr;
  }
  o["from"] = f.from;
  o["to"] = f.to;
  o["today"] = f.today;
  o["scope"] = json::object{{"kind", scope(f.scope)}, {"id", f.scope_id}, {"name", f.scope_name}};
  o["empty"] = f.empty();
  o["records"] = f.records;
  json::array milestones, tasks, items, units, communes, models, initiatives, awards, splits;
  for (const auto& m : f.milestones) {
    milestones.push_back(json::object{{"task_id", opt(m.task_id)},   {"item_id", opt(m.item_id)},
                                      {"title", m.title},            {"unit_id", opt(m.unit_id)},
                                      {"unit_name", m.unit_name},    {"due_date", m.due_date},
                                      {"done_at", m.done_at},        {"state", state(m.state)}});
  }
  for (const auto& u : f.tasks_by_unit) {
    tasks.push_back(json::object{{"unit_id", opt(u.unit_id)}, {"unit_name", u.unit_name}, {"done", u.done},
                                 {"due", u.due}, {"late", u.late}});
  }
  for (const auto& i : f.items) {
    json::array targets;
    for (const auto& t : i.targets) {
      targets.push_back(json::object{{"measure", std::string(to_string(t.measure))}, {"target", t.target},
                                     {"achieved", t.achieved}});
    }
    items.push_back(json::object{{"item_id", i.item_id},         {"number", i.item_number},
                                 {"text", i.item_text},          {"records", i.records},
                                 {"sessions", i.sessions},       {"participants", i.participants},
                                 {"mobilised", mobilised(i.mobilised)}, {"visits", i.visits},
                                 {"role_models", i.role_models}, {"initiatives", i.initiatives},
                                 {"targets", targets}});
  }
  for (const auto& u : f.units) {
    units.push_back(json::object{{"unit_id", u.unit_id},
                                 {"unit_name", u.unit_name},
                                 {"pledge_status", u.pledge_status},
                                 {"records", u.records},
                                 {"targets", u.targets},
                                 {"targets_met", u.targets_met},
                                 {"average_percent", u.average_percent < 0 ? json::value(nullptr) : json::value(u.average_percent)},
                                 {"mobilised", mobilised(u.mobilised)}});
  }
  for (const auto& c : f.communes) {
    communes.push_back(json::object{{"commune_id", c.commune_id},
                                    {"name", c.name},
                                    {"district", c.district},
                                    {"criteria_set", c.criteria_set},
                                    {"criteria_met", c.criteria_met},
                                    {"criteria_total", c.criteria_total},
                                    {"criteria_met_at_start", c.criteria_met_at_start < 0 ? json::value(nullptr)
                                                                                            : json::value(c.criteria_met_at_start)},
                                    {"assessed_on", c.assessed_on},
                                    {"recognised", c.recognised},
                                    {"mobilised", mobilised(c.mobilised)}});
  }
  for (const auto& r : f.role_models) {
    models.push_back(json::object{{"achievement_id", r.achievement_id}, {"title", r.title}, {"model_kind", r.model_kind},
                                  {"model_name", r.model_name}, {"who", r.who}, {"occurred_on", r.occurred_on}});
  }
  for (const auto& i : f.initiatives) {
    initiatives.push_back(json::object{{"initiative_id", i.initiative_id}, {"title", i.title}, {"authors", i.authors},
                                       {"level", i.level}, {"recognised_on", i.recognised_on}});
  }
  for (const auto& a : f.awards) {
    awards.push_back(json::object{{"form", std::string(to_string(a.form))}, {"persons", a.persons}, {"units", a.units},
                                  {"households", a.households}, {"proposed", a.proposed}});
  }
  for (const auto& s : f.splits) {
    splits.push_back(json::object{{"what", s.what}, {"name", s.name}, {"from", s.from}, {"to", s.to}});
  }
  json::array movements;
  for (const auto& [id, title] : f.movements) movements.push_back(json::object{{"id", id}, {"title", title}});
  o["movements"] = movements;
  o["milestones"] = milestones;
  o["tasks_by_unit"] = tasks;
  o["items"] = items;
  o["units"] = units;
  o["mobilised"] = mobilised(f.mobilised);
  o["by_donor_kind"] = slices(f.by_donor_kind);
  o["by_donor_scope"] = slices(f.by_donor_scope);
  o["by_commune"] = slices(f.by_commune);
  o["communes"] = communes;
  o["role_models"] = models;
  o["initiatives"] = initiatives;
  o["awards"] = awards;
  o["splits"] = splits;
  return o;
}

}  // namespace thidua::api::dto
