#include "api/dto/eligibility_dto.hpp"

namespace thidua::api::dto {

namespace json = boost::json;

namespace {

json::object condition_json(const ConditionResult& c, const text::Catalogue& cat, text::Lang lang) {
  json::object params;
  for (const auto& [k, v] : c.params) params[k] = v;
  json::object o{{"type", to_string(c.type)},
                 {"outcome", to_string(c.outcome)},
                 {"text", services::explain(cat, lang, c)},
                 {"message", "eligibility.why." + c.message},
                 {"params", std::move(params)},
                 {"citation", c.citation},
                 {"verified", c.verified}};
  if (!c.alternatives.empty()) {
    json::array alts;
    for (const auto& a : c.alternatives) alts.push_back(condition_json(a, cat, lang));
    o["any_of"] = std::move(alts);
  }
  return o;
}

json::array subjects_json(const std::vector<SubjectVerdicts>& list, const text::Catalogue& cat, text::Lang lang) {
  json::array out;
  for (const auto& s : list) {
    json::array forms;
    for (const auto& f : s.forms) {
      json::array conditions;
      for (const auto& c : f.conditions) conditions.push_back(condition_json(c, cat, lang));
      forms.push_back(json::object{{"form", to_string(f.form)},
                                   {"form_name", cat.get(lang, "award_form." + std::string(to_string(f.form)))},
                                   {"verdict", to_string(f.verdict)},
                                   {"citation", f.citation},
                                   {"verified", f.verified},
                                   {"conditions", std::move(conditions)}});
    }
    json::object o{{"subject", to_string(s.subject)}, {"id", s.id}, {"name", s.name}, {"forms", std::move(forms)}};
    if (s.subject == AwardSubject::person) o["unit_id"] = s.unit_id;
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

json::object to_json(const services::EligibilityView& v, std::int64_t agency_id, const text::Catalogue& cat,
                     text::Lang lang) {
  json::array layers;
  for (const auto& l : v.rules.layers()) layers.push_back(json::string(l));
  json::object rule_set{{"layers", std::move(layers)},
                        {"citation", v.rules.citation()},
                        {"council_quorum", v.rules.council_quorum().text()},
                        {"council_quorum_verified", v.rules.quorum_verified()}};
  return json::object{{"agency_id", agency_id},
                      {"year", v.year},
                      {"as_of", v.as_of},
                      {"rule_set", std::move(rule_set)},
                      {"people", subjects_json(v.report.people, cat, lang)},
                      {"units", subjects_json(v.report.units, cat, lang)},
                      {"households", subjects_json(v.report.households, cat, lang)}};
}

}  // namespace thidua::api::dto
