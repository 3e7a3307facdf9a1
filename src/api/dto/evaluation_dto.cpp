#include "api/dto/evaluation_dto.hpp"

#include <cmath>
#include <cstdio>

#include "api/dto/org_dto.hpp"

namespace thidua::api::dto {

namespace json = boost::json;

namespace {

double pts(Points p) { return static_cast<double>(p) / static_cast<double>(kPointScale); }

json::value band_json(const ScoreTemplate& t, const std::optional<std::size_t>& band) {
  if (!band || *band >= t.bands.size()) return nullptr;
  return json::object{{"code", t.bands[*band].code}, {"name", t.bands[*band].name}};
}

json::object total_json(const SheetTotal& s) {
  return {{"normal", pts(s.normal)}, {"bonus", pts(s.bonus)}, {"penalty", pts(s.penalty)}, {"total", pts(s.total)}};
}

json::object sheet_row_json(const storage::SheetRow& s) {
  json::object o{{"id", s.id},
                 {"evaluation_id", s.evaluation_id},
                 {"template_id", s.template_id},
                 {"agency_id", s.agency_id},
                 {"subject", to_string(s.subject)},
                 {"subject_name", s.subject_name},
                 {"unit_id", s.unit_id},
                 {"unit_name", s.unit_name},
                 {"status", to_string(s.status)},
                 {"submitted_at", s.submitted_at},
                 {"version", s.version}};
  o["person_id"] = s.person_id ? json::value(*s.person_id) : json::value(nullptr);
  return o;
}

std::string text_of(const json::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_int64()) return std::to_string(v.get_int64());
  if (v.is_uint64()) return std::to_string(v.get_uint64());
  if (v.is_double()) {
    const double d = v.get_double();
    const double hundredths = std::round(std::fabs(d) * 100.0);
    if (!std::isfinite(d) || std::fabs(std::fabs(d) * 100.0 - hundredths) > 1e-6 || hundredths > 1e15) return "?";
    const auto h = static_cast<long long>(hundredths);
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%s%lld.%02lld", d < 0 ? "-" : "", h / 100, h % 100);
    return buffer;
  }
  return v.is_null() ? std::string() : std::string("?");
}

}  // namespace

json::object to_json(const ScoreTemplate& t) {
  json::array groups;
  for (const auto& g : t.groups) {
    json::array criteria;
    for (const auto& c : g.criteria) {
      json::object o{{"id", c.id},
                     {"title", c.title},
                     {"guidance", c.guidance},
                     {"evidence_expected", c.evidence_expected},
                     {"kind", to_string(c.kind)},
                     {"max_points", pts(c.max_points)}};
      if (c.formula) {
        json::array thresholds;
        for (const auto& th : c.formula->thresholds) {
          thresholds.push_back(json::object{{"at_least", th.at_least}, {"points", pts(th.points)}});
        }
        o["formula"] = json::object{{"measure", c.formula->measure},
                                    {"aggregate", to_string(c.formula->aggregate)},
                                    {"mapping", to_string(c.formula->mapping)},
                                    {"per_unit", pts(c.formula->per_unit)},
                                    {"thresholds", std::move(thresholds)}};
      } else {
        o["formula"] = nullptr;
      }
      criteria.push_back(std::move(o));
    }
    groups.push_back(json::object{{"id", g.id}, {"title", g.title}, {"criteria", std::move(criteria)}});
  }
  json::array bands;
  for (const auto& b : t.bands) {
    bands.push_back(json::object{{"code", b.code}, {"name", b.name}, {"at_least", pts(b.at_least)}});
  }
  json::object o{{"id", t.id},
                 {"agency_id", t.agency_id},
                 {"movement_id", t.movement_id},
                 {"year", t.year},
                 {"subject", to_string(t.subject)},
                 {"title", t.title},
                 {"version", t.version},
                 {"potential", pts(t.potential())},
                 {"groups", std::move(groups)},
                 {"bands", std::move(bands)}};
  o["copied_from"] = t.copied_from ? json::value(*t.copied_from) : json::value(nullptr);
  return o;
}

json::object to_json(const storage::EvaluationRow& e) {
  return {{"id", e.id},
          {"agency_id", e.agency_id},
          {"movement_id", e.movement_id},
          {"year", e.year},
          {"status", to_string(e.status)},
          {"version", e.version}};
}

json::object to_json(const services::SheetView& v) {
  json::object o = sheet_row_json(v.sheet);
  json::array entries;
  for (const auto& e : v.entries) {
    json::object x{{"id", e.id},
                   {"criterion_id", e.criterion_id},
                   {"round", to_string(e.round)},
                   {"points", pts(e.points)},
                   {"comment", e.comment},
                   {"reason", e.reason},
                   {"scored_by", e.scored_by},
                   {"scored_at", e.scored_at}};
    x["value"] = e.value ? json::value(*e.value) : json::value(nullptr);
    entries.push_back(std::move(x));
  }
  json::object current;
  for (const auto& [criterion, p] : v.current) current[std::to_string(criterion)] = pts(p);
  json::object computed;
  for (const auto& [criterion, value] : v.computed_values) computed[std::to_string(criterion)] = value;
  json::array history;
  for (const auto& h : v.history) {
    history.push_back(json::object{{"event", h.event}, {"round", h.round}, {"comment", h.comment},
                                   {"actor", h.actor}, {"at", h.at}});
  }
  o["entries"] = std::move(entries);
  o["current"] = std::move(current);
  o["computed_values"] = std::move(computed);
  o["total"] = total_json(v.total);
  o["band"] = band_json(v.tmpl, v.band);
  o["history"] = std::move(history);
  o["evaluation"] = to_json(v.evaluation);
  o["can_self_assess"] = v.can_self_assess;
  o["can_review"] = v.can_review;
  o["can_finalise"] = v.can_finalise;
  return o;
}

json::object to_json(const services::RankingView& v) {
  json::array groups;
  for (const auto& g : v.tmpl.groups) groups.push_back(json::object{{"id", g.id}, {"title", g.title}});
  json::array ranked;
  for (const auto& r : v.ranked) {
    json::object o = sheet_row_json(r.sheet);
    o["rank"] = r.rank;
    o["points"] = total_json(r.total);
    json::array gp;
    for (auto p : r.group_points) gp.push_back(pts(p));
    o["group_points"] = std::move(gp);
    o["band"] = band_json(v.tmpl, r.band);
    ranked.push_back(std::move(o));
  }
  json::array waiting;
  for (const auto& s : v.not_submitted) waiting.push_back(sheet_row_json(s));
  return {{"template_id", v.tmpl.id},
          {"title", v.tmpl.title},
          {"subject", to_string(v.tmpl.subject)},
          {"year", v.tmpl.year},
          {"evaluation", to_json(v.evaluation)},
          {"groups", std::move(groups)},
          {"ranked", std::move(ranked)},
          {"not_submitted", std::move(waiting)}};
}

std::string points_field(const json::object& o, std::string_view name) {
  auto it = o.find(name);
  return it == o.end() ? std::string() : text_of(it->value());
}

services::TemplateInput template_input_from_json(const json::object& b) {
  services::TemplateInput in;
  in.movement_id = id_text_field(b, "movement_id");
  in.year = id_text_field(b, "year");
  in.subject = text_field(b, "subject");
  in.title = text_field(b, "title");
  auto array_of = [](const json::object& o, std::string_view name) -> const json::array* {
    auto it = o.find(name);
    return it != o.end() && it->value().is_array() ? &it->value().get_array() : nullptr;
  };
  static const json::object empty;
  auto object_of = [&](const json::value& v) -> const json::object& { return v.is_object() ? v.get_object() : empty; };
  if (const auto* groups = array_of(b, "groups")) {
    for (const auto& gv : *groups) {
      const auto& g = object_of(gv);
      services::GroupInput group;
      group.title = text_field(g, "title");
      if (const auto* criteria = array_of(g, "criteria")) {
        for (const auto& cv : *criteria) {
          const auto& c = object_of(cv);
          services::CriterionInput ci;
          ci.title = text_field(c, "title");
          ci.guidance = text_field(c, "guidance");
          ci.evidence_expected = text_field(c, "evidence_expected");
          if (has_field(c, "kind")) ci.kind = text_field(c, "kind");
          ci.max_points = points_field(c, "max_points");
          ci.measure = text_field(c, "measure");
          if (has_field(c, "aggregate")) ci.aggregate = text_field(c, "aggregate");
          if (has_field(c, "mapping")) ci.mapping = text_field(c, "mapping");
          if (has_field(c, "per_unit")) ci.per_unit = points_field(c, "per_unit");
          if (const auto* ths = array_of(c, "thresholds")) {
            for (const auto& tv : *ths) {
              const auto& t = object_of(tv);
              ci.thresholds.push_back({id_text_field(t, "at_least"), points_field(t, "points")});
            }
          }
          group.criteria.push_back(std::move(ci));
        }
      }
      in.groups.push_back(std::move(group));
    }
  }
  if (const auto* bands = array_of(b, "bands")) {
    for (const auto& bv : *bands) {
      const auto& x = object_of(bv);
      in.bands.push_back({text_field(x, "code"), text_field(x, "name"), points_field(x, "at_least")});
    }
  }
  return in;
}

std::vector<services::EntryInput> entries_from_json(const json::object& body) {
  std::vector<services::EntryInput> out;
  auto it = body.find("entries");
  if (it == body.end() || !it->value().is_array()) return out;
  for (const auto& v : it->value().get_array()) {
    services::EntryInput e;
    if (v.is_object()) {
      const auto& o = v.get_object();
      e.criterion_id = int_field(o, "criterion_id").value_or(0);
      e.points = points_field(o, "points");
      e.comment = text_field(o, "comment");
      e.reason = text_field(o, "reason");
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace thidua::api::dto
