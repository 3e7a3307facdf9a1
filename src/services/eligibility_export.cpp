#include "services/eligibility_export.hpp"

#include <map>

#include "documents/xlsx_writer.hpp"

namespace thidua::services {

namespace {

void why_rows(std::vector<std::vector<std::string>>& rows, const text::Catalogue& cat, text::Lang lang,
              const std::string& subject, const std::string& form, const ConditionResult& c, const std::string& indent) {
  rows.push_back({subject, form, cat.get(lang, "eligibility.outcome." + std::string(to_string(c.outcome))),
                  indent + explain(cat, lang, c),
                  c.citation + (c.verified ? "" : " (" + cat.get(lang, "eligibility.unverified") + ")")});
  for (const auto& a : c.alternatives) why_rows(rows, cat, lang, subject, form, a, indent + "– ");
}

}  // namespace

Result<std::string> eligibility_xlsx(const EligibilityView& v, const text::Catalogue& cat, text::Lang lang) {
  std::map<std::int64_t, std::string> unit_names;
  for (const auto& u : v.report.units) unit_names[u.id] = u.name;
  for (const auto& u : v.units) unit_names[u.id] = u.name;
  std::vector<documents::Table> tables;
  documents::Table why;
  why.sheet_name = lang == text::Lang::vi ? "Lý do" : "Why";
  why.columns = {{cat.get(lang, "eligibility.subject"), 32},
                 {cat.get(lang, "eligibility.form"), 30},
                 {cat.get(lang, "eligibility.outcome_label"), 14},
                 {cat.get(lang, "eligibility.why_label"), 80},
                 {cat.get(lang, "eligibility.citation"), 50}};
  auto sheet = [&](const std::vector<SubjectVerdicts>& list, AwardSubject kind, const std::string& name) {
    if (list.empty()) return;
    documents::Table t;
    t.sheet_name = name;
    t.title = cat.get(lang, "eligibility.title") + " " + std::to_string(v.year);
    t.columns.push_back({cat.get(lang, "eligibility.subject"), 32});
    if (kind == AwardSubject::person) t.columns.push_back({cat.get(lang, "eligibility.unit"), 30});
    std::vector<AwardForm> forms;
    for (const auto& r : v.rules.rules()) {
      if (r.subject == kind) forms.push_back(r.form);
    }
    for (auto f : forms) t.columns.push_back({cat.get(lang, "award_form." + std::string(to_string(f))), 22});
    for (const auto& s : list) {
      std::vector<std::string> row{s.name};
      if (kind == AwardSubject::person) row.push_back(unit_names[s.unit_id]);
      for (auto f : forms) {
        const FormVerdict* fv = s.find(f);
        row.push_back(fv ? cat.get(lang, "eligibility.verdict." + std::string(to_string(fv->verdict))) : "");
        if (!fv) continue;
        const std::string form_name = cat.get(lang, "award_form." + std::string(to_string(f)));
        for (const auto& c : fv->conditions) why_rows(why.rows, cat, lang, s.name, form_name, c, "");
      }
      t.rows.push_back(std::move(row));
    }
    tables.push_back(std::move(t));
  };
  sheet(v.report.people, AwardSubject::person, cat.get(lang, "eligibility.person"));
  sheet(v.report.units, AwardSubject::unit, cat.get(lang, "eligibility.collective"));
  sheet(v.report.households, AwardSubject::household, cat.get(lang, "eligibility.households"));
  tables.push_back(std::move(why));
  return documents::write_xlsx(tables);
}

}  // namespace thidua::services
