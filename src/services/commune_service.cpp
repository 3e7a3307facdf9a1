// The agency's communes as its users read them: the overview, a commune's page, assessments,
// the assessment form for a date, criteria sets. Changes are in commune_changes.cpp, the
// catalogue in commune_catalogue.cpp, spreadsheets in commune_export.cpp.

#include "services/commune_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "services/commune_rules.hpp"
#include "services/scope.hpp"
#include "services/validation.hpp"
#include "storage/assessment_repo.hpp"
#include "storage/audit_repo.hpp"
#include "storage/commune_repo.hpp"
#include "storage/org_repo.hpp"
#include "text/collation.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

using namespace commune_rules;

namespace {

/// The assignment to show for a commune: the one in force today, else the latest.
const CommuneAssignment* current_of(const std::vector<CommuneAssignment>& list, const std::string& today) {
  const CommuneAssignment* latest = nullptr;
  for (const auto& a : list) {
    if (holds_on(a.valid_from, a.valid_to, today)) return &a;
    if (!latest || a.valid_from > latest->valid_from) latest = &a;
  }
  return latest;
}

/// The name a merged commune went into, from its lineage.
std::string merged_into_name(const std::vector<CommuneLineage>& lineage, std::int64_t commune_id) {
  for (const auto& l : lineage) {
    if (l.from_id == commune_id && l.event == LineageEvent::merged) return l.to_name;
  }
  return {};
}

int compare_rows(const OverviewRow& a, const OverviewRow& b, const std::string& sort) {
  auto num = [](long long x, long long y) { return x < y ? -1 : x > y ? 1 : 0; };
  if (sort == "district") {
    if (int c = text::compare_vi(a.commune.district, b.commune.district)) return c;
  } else if (sort == "level") {
    if (int c = num(static_cast<int>(a.assignment.target_level), static_cast<int>(b.assignment.target_level))) return c;
  } else if (sort == "year") {
    if (int c = num(a.assignment.target_year.value_or(0), b.assignment.target_year.value_or(0))) return c;
  } else if (sort == "met") {
    // The share of the set's criteria met (sets differ: 19 criteria to 2025, 10 from 2026).
    auto share = [](const OverviewRow& r) {
      return r.latest && r.latest->criteria_total > 0 ? r.latest->criteria_met * 1000LL / r.latest->criteria_total : -1;
    };
    if (int c = num(share(a), share(b))) return c;
  } else if (sort == "assessed") {
    std::string x = a.latest ? a.latest->assessed_on : "", y = b.latest ? b.latest->assessed_on : "";
    if (x != y) return x < y ? -1 : 1;
  } else if (sort == "support") {
    if (int c = num(a.support.cash_vnd + a.support.goods_vnd, b.support.cash_vnd + b.support.goods_vnd)) return c;
  }
  if (int c = text::compare_vi(a.commune.name, b.commune.name)) return c;
  return num(a.commune.id, b.commune.id);
}

}  // namespace

CommuneService::CommuneService(std::shared_ptr<storage::Database> db, std::shared_ptr<EvidenceService> evidence,
                               Clock clock)
    : db_(std::move(db)), evidence_(std::move(evidence)), clock_(std::move(clock)) {
  if (evidence_) evidence_->register_subject("assessment", can_read_assessment);
}

Result<Overview> CommuneService::overview(const Principal& actor, std::int64_t agency_id, const OverviewFilter& f) {
  const std::string today = today_iso(clock_());
  return db_->read([&](storage::Tx& tx) -> Result<Overview> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    Overview o;
    o.agency_id = agency_id;
    if (auto a = storage::find_agency_row(tx, agency_id)) o.agency_name = a->agency.name;
    o.can_assign = manages_assignments(tx, actor, agency_id);
    std::map<std::int64_t, std::vector<CommuneAssignment>> by_commune;
    for (auto& a : storage::agency_assignments(tx, {agency_id})) by_commune[a.commune_id].push_back(std::move(a));
    std::vector<std::int64_t> ids;
    for (const auto& [id, list] : by_commune) ids.push_back(id);
    auto communes = storage::communes_by_id(tx, ids);
    std::map<std::int64_t, std::vector<Assessment>> assessed;  // by commune, oldest first
    std::set<std::int64_t> used_sets;
    for (auto& a : storage::recorded_assessments(tx, ids, {agency_id})) {
      used_sets.insert(a.set_id);
      assessed[a.commune_id].push_back(std::move(a));
    }
    for (const auto& s : storage::criteria_sets(tx)) {
      if (!used_sets.count(s.id)) continue;
      o.sets.push_back({s.id, s.name, s.valid_from, static_cast<int>(storage::set_criteria(tx, s.id).size())});
    }
    std::sort(o.sets.begin(), o.sets.end(),
              [](const OverviewSet& a, const OverviewSet& b) { return a.valid_from > b.valid_from; });
    auto support = storage::support_totals(tx, ids, {agency_id});
    std::map<std::int64_t, Recognition> recognised;
    for (auto& r : storage::recognitions_of(tx, ids)) recognised[r.commune_id] = r;  // oldest first: last wins
    std::set<std::string> districts;
    const std::string q = text::fold(text::clean_input(f.q));
    for (const auto& [id, list] : by_commune) {
      OverviewRow row;
      row.commune = communes[id];
      const auto* current = current_of(list, today);
      row.assignment = *current;
      row.current = holds_on(current->valid_from, current->valid_to, today);
      if (auto it = assessed.find(id); it != assessed.end()) {
        row.latest = it->second.back();
        for (const auto& set : o.sets) {
          for (auto a = it->second.rbegin(); a != it->second.rend(); ++a) {
            if (a->set_id != set.id) continue;
            row.by_set.push_back(*a);
            break;
          }
        }
      }
      if (auto it = support.find(id); it != support.end()) row.support = it->second;
      if (auto it = recognised.find(id); it != recognised.end()) row.recognition = it->second;
      if (row.commune.status == CommuneStatus::merged) {
        row.merged_into = merged_into_name(storage::commune_lineage(tx, id), id);
      }
      if (row.current) {
        ++o.communes;
        if (row.latest) ++o.assessed;
        auto on_19 = std::find_if(row.by_set.begin(), row.by_set.end(),
                                  [](const Assessment& a) { return a.criteria_total >= 19; });
        if (on_19 != row.by_set.end() && on_19->criteria_met >= kMinCriteriaYardstick) ++o.reaching_min;
        if (row.recognition && row.recognition->event == RecognitionEvent::recognised) {
          if (row.recognition->level == TargetLevel::ntm) ++o.recognised_ntm;
          if (row.recognition->level == TargetLevel::ntm_advanced) ++o.recognised_advanced;
          if (row.recognition->level == TargetLevel::ntm_model) ++o.recognised_model;
        }
      }
      if (!row.commune.district.empty()) districts.insert(row.commune.district);
      // Filters.
      if (!row.current && !f.ended) continue;
      if (!q.empty() && text::fold(row.commune.name).find(q) == std::string::npos &&
          row.commune.code.find(q) == std::string::npos) {
        continue;
      }
      if (!f.district.empty() && row.commune.district != f.district) continue;
      if (!f.level.empty() && to_string(row.assignment.target_level) != f.level) continue;
      if (!f.year.empty() && (!row.assignment.target_year || std::to_string(*row.assignment.target_year) != f.year)) {
        continue;
      }
      bool reached = row.latest && row.latest->criteria_met >= kMinCriteriaYardstick;
      if (f.band == "below" && reached) continue;
      if (f.band == "reached" && !reached) continue;
      o.rows.push_back(std::move(row));
    }
    // Recognised as a higher standard counts for the lower ones too.
    o.recognised_advanced += o.recognised_model;
    o.recognised_ntm += o.recognised_advanced;
    o.districts.assign(districts.begin(), districts.end());
    std::sort(o.districts.begin(), o.districts.end(),
              [](const std::string& a, const std::string& b) { return text::compare_vi(a, b) < 0; });
    std::stable_sort(o.rows.begin(), o.rows.end(), [&](const OverviewRow& a, const OverviewRow& b) {
      int c = compare_rows(a, b, f.sort);
      return f.desc ? c > 0 : c < 0;
    });
    return o;
  });
}

Result<CommuneDetail> CommuneService::get(const Principal& actor, std::int64_t commune_id) {
  const std::string today = today_iso(clock_());
  return db_->read([&](storage::Tx& tx) -> Result<CommuneDetail> {
    auto view = reader_view(tx, actor, commune_id);
    if (!view) return fail(view.error());
    CommuneDetail d;
    d.commune = view->commune;
    d.versions = storage::commune_versions(tx, commune_id);
    d.lineage = storage::commune_lineage(tx, commune_id);
    d.classes = storage::commune_classes(tx, commune_id);
    d.group = group_on(d.classes, today);
    d.assignments = view->assignments;
    d.assessments = storage::commune_assessments(tx, commune_id, view->agencies);
    for (auto it = d.assessments.rbegin(); it != d.assessments.rend(); ++it) {
      if (it->withdrawn) continue;
      d.latest = storage::find_assessment(tx, it->id);
      break;
    }
    if (d.latest && evidence_) {
      for (auto& e : evidence_->list(tx, "assessment", d.latest->id)) {
        if (e.active()) d.latest_evidence.push_back(std::move(e));
      }
    }
    d.recognitions = storage::commune_recognitions(tx, commune_id);
    d.ledger = storage::support_ledger(tx, commune_id, view->agencies, kLedgerRows);
    auto totals = storage::support_totals(tx, {commune_id}, view->agencies);
    if (auto it = totals.find(commune_id); it != totals.end()) d.support = it->second;
    d.can_edit_catalogue = edits_catalogue(actor);
    std::set<std::int64_t> managed;
    for (const auto& a : d.assignments) {
      if (holds_on(a.valid_from, a.valid_to, today) && may_assess(tx, actor, a)) d.can_assess = true;
      if (manages_assignments(tx, actor, a.agency_id)) {
        d.can_assign = true;
        d.can_recognise = true;
        managed.insert(a.agency_id);
      }
    }
    if (d.can_edit_catalogue) d.can_recognise = true;
    for (auto agency : managed) {
      for (auto& p : storage::agency_people(tx, agency)) d.people.push_back(std::move(p));
    }
    return d;
  });
}

Result<CommuneStamp> CommuneService::stamp(const Principal& actor, std::int64_t commune_id) {
  const std::string today = today_iso(clock_());
  return db_->read([&](storage::Tx& tx) -> Result<CommuneStamp> {
    auto view = reader_view(tx, actor, commune_id);
    if (!view) return fail(view.error());
    CommuneStamp s;
    s.data_version = storage::audit_head(tx).first;
    // What the page shows depends on the agencies read and the rights on each assignment.
    s.scope = is_installation_admin(actor) ? "*" : storage::id_list(view->agencies);
    s.scope += edits_catalogue(actor) ? "|c" : "|-";
    for (const auto& a : view->assignments) {
      s.scope += "|" + std::to_string(a.id) + (holds_on(a.valid_from, a.valid_to, today) && may_assess(tx, actor, a) ? "a" : "-") +
                 (manages_assignments(tx, actor, a.agency_id) ? "m" : "-");
    }
    return s;
  });
}

Result<std::vector<Assessment>> CommuneService::assessments(const Principal& actor, std::int64_t commune_id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<Assessment>> {
    auto view = reader_view(tx, actor, commune_id);
    if (!view) return fail(view.error());
    auto list = storage::commune_assessments(tx, commune_id, view->agencies);
    std::vector<std::int64_t> ids;
    for (const auto& a : list) ids.push_back(a.id);
    auto items = storage::assessment_items(tx, ids);
    for (auto& a : list) {
      if (auto it = items.find(a.id); it != items.end()) a.items = std::move(it->second);
    }
    return list;
  });
}

Result<Assessment> CommuneService::get_assessment(const Principal& actor, std::int64_t commune_id,
                                                  std::int64_t assessment_id) {
  return db_->read([&](storage::Tx& tx) -> Result<Assessment> {
    auto view = reader_view(tx, actor, commune_id);
    if (!view) return fail(view.error());
    auto a = storage::find_assessment(tx, assessment_id);
    if (!a || a->commune_id != commune_id ||
        !std::binary_search(view->agencies.begin(), view->agencies.end(), a->agency_id)) {
      return fail(ErrorKind::not_found, "assessment.not_found");
    }
    return *a;
  });
}

Result<AssessmentForm> CommuneService::assessment_form(const Principal& actor, std::int64_t commune_id,
                                                       const std::string& date_in) {
  const std::string today = today_iso(clock_());
  return db_->read([&](storage::Tx& tx) -> Result<AssessmentForm> {
    auto view = reader_view(tx, actor, commune_id);
    if (!view) return fail(view.error());
    Error e = invalid();
    std::string date = text::trim(date_in).empty() ? today : date_field(e, "assessed_on", date_in, true);
    if (!e.fields.empty()) return fail(e);
    AssessmentForm form;
    form.commune = view->commune;
    form.date = date;
    const CommuneAssignment* chosen = nullptr;
    for (const auto& a : view->assignments) {
      if (holds_on(a.valid_from, a.valid_to, date) && may_assess(tx, actor, a)) {
        chosen = &a;
        break;
      }
    }
    if (!chosen) {
      bool any = std::any_of(view->assignments.begin(), view->assignments.end(),
                             [&](const CommuneAssignment& a) { return may_assess(tx, actor, a); });
      if (!any) return fail(ErrorKind::forbidden, "auth.forbidden");
      return fail(Error{ErrorKind::validation, "assessment.outside_assignment", {}, {{"assessed_on", "assessment.outside_assignment"}}, ""});
    }
    form.assignment = *chosen;
    auto sets = storage::criteria_sets(tx);
    const auto* set = set_in_force(sets, chosen->target_level, date);
    if (!set) {
      return fail(Error{ErrorKind::validation, "assessment.no_set", {}, {{"assessed_on", "assessment.no_set"}}, ""});
    }
    form.set = *set;
    form.group = group_on(storage::commune_classes(tx, commune_id), date);
    form.set.criteria = storage::set_criteria(tx, set->id);
    for (auto& i : storage::set_indicators(tx, set->id)) {
      if (!i.active || (!i.commune_group.empty() && !form.group.empty() && i.commune_group != form.group)) continue;
      for (auto& c : form.set.criteria) {
        if (c.id == i.criterion_id) c.indicators.push_back(i);
      }
    }
    auto list = storage::commune_assessments(tx, commune_id, {chosen->agency_id});
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
      if (it->withdrawn || it->assessed_on > date || it->set_id != set->id) continue;
      form.previous = storage::find_assessment(tx, it->id);
      break;
    }
    return form;
  });
}

Result<std::vector<CriteriaSetView>> CommuneService::criteria_sets(const Principal& actor) {
  auto files = embedded_criteria_files();
  if (!files) return fail(files.error());
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<CriteriaSetView>> {
    std::vector<CriteriaSetView> out;
    for (auto& s : storage::criteria_sets(tx)) {
      CriteriaSetView v;
      v.set = std::move(s);
      v.set.criteria = storage::set_criteria(tx, v.set.id);
      for (auto& i : storage::set_indicators(tx, v.set.id)) {
        for (auto& c : v.set.criteria) {
          if (c.id == i.criterion_id) c.indicators.push_back(i);
        }
      }
      for (const auto& f : **files) {
        if (f.set.code != v.set.code) continue;
        v.note = f.note;
        v.unverified = f.unverified;
        v.groups = f.groups;
      }
      v.can_edit = is_installation_admin(actor);
      out.push_back(std::move(v));
    }
    return out;
  });
}

Result<CriteriaSetView> CommuneService::criteria_set(const Principal& actor, std::int64_t id) {
  auto all = criteria_sets(actor);
  if (!all) return fail(all.error());
  for (auto& v : *all) {
    if (v.set.id == id) return std::move(v);
  }
  return fail(ErrorKind::not_found, "criteria_set.not_found");
}

Result<std::vector<std::pair<std::int64_t, std::string>>> CommuneService::contact_choices(const Principal& actor,
                                                                                         std::int64_t agency_id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<std::pair<std::int64_t, std::string>>> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    if (!manages_assignments(tx, actor, agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
    return storage::agency_people(tx, agency_id);
  });
}

Result<CommuneAssignment> CommuneService::assignment(const Principal& actor, std::int64_t assignment_id) {
  return db_->read([&](storage::Tx& tx) -> Result<CommuneAssignment> {
    auto a = storage::find_assignment(tx, assignment_id);
    if (!a || !can_read_agency(tx, actor, a->agency_id)) return fail(ErrorKind::not_found, "assignment.not_found");
    return *a;
  });
}

}  // namespace thidua::services
