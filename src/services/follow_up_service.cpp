#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "services/achievement_rights.hpp"
#include "services/follow_up.hpp"
#include "services/rule_set_files.hpp"
#include "services/validation.hpp"
#include "storage/achievement_repo.hpp"
#include "storage/audit_repo.hpp"
#include "storage/follow_up_repo.hpp"
#include "storage/movement_repo.hpp"
#include "storage/org_repo.hpp"
#include "storage/people_repo.hpp"
#include "text/format.hpp"

namespace thidua::services {

namespace {

/// Whose figures the actor gets for the query.
struct Scope {
  FollowUpScope kind = FollowUpScope::agency;
  std::int64_t id = 0;
  std::string name;
  std::int64_t unit_id = 0;  ///< a person's unit now (their tasks)
};

/// The actor's scope, checked: overseers (the Office, leaders, council, administrators, the
/// authority above) see the agency and may narrow it to a unit or a person; a unit head sees
/// their unit (or one of its people); anyone else their own person. Names are looked up unless
/// `quick` (the page cache only needs the scope and the right to it).
Result<Scope> resolve_scope(storage::Tx& tx, const Principal& actor, const FollowUpQuery& q, bool quick) {
  auto r = record_rights(tx, actor, q.agency_id, quick && !q.unit_id && !q.person_id);
  if (!r.readable) return fail(ErrorKind::not_found, "agency.not_found");
  const bool oversees = r.oversees || actor.has_role(Role::authority);
  Scope s;
  std::optional<Person> person;
  if (q.person_id) {
    person = storage::find_person(tx, *q.person_id);
    if (!person || person->agency_id != q.agency_id) return fail(ErrorKind::not_found, "person.not_found");
  }
  std::optional<Unit> unit;
  if (q.unit_id) {
    unit = storage::find_unit(tx, *q.unit_id);
    if (!unit || unit->agency_id != q.agency_id) return fail(ErrorKind::not_found, "unit.not_found");
  }
  if (person) {
    bool self = r.person_id && *r.person_id == person->id;
    if (!oversees && !self && !r.heads(person->unit_id)) return fail(ErrorKind::forbidden, "followup.forbidden");
    return Scope{FollowUpScope::person, person->id, person->full_name, person->unit_id};
  }
  if (unit) {
    if (!oversees && !r.heads(unit->id)) return fail(ErrorKind::forbidden, "followup.forbidden");
    return Scope{FollowUpScope::unit, unit->id, unit->name, unit->id};
  }
  if (oversees) {
    s.kind = FollowUpScope::agency;
    s.id = q.agency_id;
    if (!quick) {
      if (auto a = storage::find_agency_row(tx, q.agency_id)) s.name = a->agency.name;
    }
    return s;
  }
  if (!r.headed_units.empty()) {
    auto u = storage::find_unit(tx, r.headed_units.front());
    if (!u) return fail(ErrorKind::forbidden, "followup.forbidden");
    return Scope{FollowUpScope::unit, u->id, u->name, u->id};
  }
  if (r.person_id) {
    auto p = storage::find_person(tx, *r.person_id);
    if (!p) return fail(ErrorKind::forbidden, "followup.forbidden");
    return Scope{FollowUpScope::person, p->id, p->full_name, p->unit_id};
  }
  return fail(ErrorKind::forbidden, "followup.forbidden");
}

bool iso_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  }
  using namespace std::chrono;
  return year_month_day{year{std::stoi(s.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(s.substr(5, 2)))},
                        day{static_cast<unsigned>(std::stoi(s.substr(8, 2)))}}
      .ok();
}

int year_of(const std::string& iso) { return iso.size() >= 4 ? std::stoi(iso.substr(0, 4)) : 0; }

/// The day before `iso` (a valid ISO date).
std::string day_before(const std::string& iso) {
  auto d = text::parse_iso_date(iso);
  return d ? text::previous_day(*d).iso() : iso;
}

void add(Mobilised& m, const storage::MobilisedRow& r) {
  m.cash_vnd += r.cash_vnd;
  m.goods_vnd += r.goods_vnd;
  m.workdays += r.workdays;
  m.land_m2 += r.land_m2;
  m.records += r.records;
}

MobilisedSlice& slice(std::vector<MobilisedSlice>& v, const std::string& code) {
  for (auto& s : v) {
    if (s.code == code) return s;
  }
  v.push_back({code, code, std::nullopt, {}});
  return v.back();
}

long long value(const storage::AchievedRow& r, Measure m) { return r.values[static_cast<std::size_t>(m)]; }

using TargetKey = std::pair<std::int64_t, Measure>;  // item, measure

/// The targets pledged and what was achieved towards them, per unit (the row key) and overall.
struct Tally {
  std::map<std::int64_t, std::map<TargetKey, long long>> target;    // unit → (item, measure) → target
  std::map<std::int64_t, std::map<TargetKey, long long>> achieved;  // unit → (item, measure) → achieved
  std::map<std::int64_t, std::pair<int, std::string>> status;       // unit → (year, pledge status)
};

/// Where the period crosses from one commendation rule set (the layers in force) to the next.
std::vector<PeriodSplit> rule_set_splits(const std::vector<RuleSetLayer>& layers, const std::vector<std::string>& scopes,
                                         const std::string& from, const std::string& to) {
  auto applies = [&](const RuleSetLayer& l) {
    return l.layer == RuleLayer::national || std::find(scopes.begin(), scopes.end(), l.scope) != scopes.end();
  };
  std::set<std::string> starts{from};
  for (const auto& l : layers) {
    if (applies(l) && l.valid_from > from && l.valid_from <= to) starts.insert(l.valid_from);
  }
  std::vector<PeriodSplit> out;
  for (auto it = starts.begin(); it != starts.end(); ++it) {
    auto next = std::next(it);
    std::string end = next == starts.end() ? to : day_before(*next);
    std::string name;
    for (const auto& l : layers) {
      if (!applies(l) || l.valid_from > *it || (!l.valid_to.empty() && l.valid_to < *it)) continue;
      name += (name.empty() ? "" : " + ") + l.name;
    }
    if (name.empty()) continue;
    if (!out.empty() && out.back().name == name) {
      out.back().to = end;
      continue;
    }
    out.push_back({"rule_set", name, *it, end});
  }
  if (out.size() < 2) out.clear();
  return out;
}

/// Where the communes' assessments in the period used two criteria sets of one level.
std::vector<PeriodSplit> criteria_splits(const std::vector<storage::AssessmentPoint>& points, const std::string& from,
                                         const std::string& to) {
  std::map<std::string, std::map<std::string, const storage::AssessmentPoint*>> by_level;  // level → from → set
  for (const auto& p : points) {
    if (p.assessed_on < from) continue;
    by_level[p.set_level][p.set_from + "#" + std::to_string(p.set_id)] = &p;
  }
  std::vector<PeriodSplit> out;
  for (const auto& [level, sets] : by_level) {
    if (sets.size() < 2) continue;
    for (const auto& [key, p] : sets) {
      std::string end = p->set_to.empty() || p->set_to > to ? to : p->set_to;
      out.push_back({"criteria_set", p->set_name, std::max(p->set_from, from), end});
    }
  }
  return out;
}

}  // namespace

FollowUpService::FollowUpService(std::shared_ptr<storage::Database> db, Clock clock, std::vector<std::string> scopes,
                                 std::string rules_dir)
    : db_(std::move(db)), clock_(std::move(clock)), scopes_(std::move(scopes)), rules_dir_(std::move(rules_dir)) {}

Result<std::pair<std::int64_t, FollowUpScope>> FollowUpService::stamp(const Principal& actor, const FollowUpQuery& q) {
  return db_->read([&](storage::Tx& tx) -> Result<std::pair<std::int64_t, FollowUpScope>> {
    auto s = resolve_scope(tx, actor, q, true);
    if (!s) return fail(s.error());
    return std::make_pair(storage::audit_head(tx).first, s->kind);
  });
}

Result<MovementFigures> FollowUpService::figures(const Principal& actor, const FollowUpQuery& q) {
  const std::string today = today_iso(clock_());
  if ((!q.from.empty() && !iso_date(q.from)) || (!q.to.empty() && !iso_date(q.to)) ||
      (!q.from.empty() && !q.to.empty() && q.from > q.to)) {
    return fail(Error{ErrorKind::validation, "followup.bad_period", {}, {{"from", "followup.bad_period"}}, ""});
  }
  auto layers = commendation_rule_layers(rules_dir_);
  return db_->read([&](storage::Tx& tx) -> Result<MovementFigures> {
    auto scope = resolve_scope(tx, actor, q, false);
    if (!scope) return fail(scope.error());
    MovementFigures f;
    f.agency_id = q.agency_id;
    if (auto a = storage::find_agency_row(tx, q.agency_id)) f.agency_name = a->agency.name;
    f.today = today;
    f.scope = scope->kind;
    f.scope_id = scope->id;
    f.scope_name = scope->name;

    // The movement: the one asked for (launched, of the agency), else the latest launched.
    std::optional<Movement> chosen;
    for (auto& row : storage::list_movements(tx, {q.agency_id})) {
      const auto& m = row.movement;
      if (m.status == MovementStatus::draft) continue;
      f.movements.emplace_back(m.id, m.title + " (" + m.period_from.substr(0, 4) + "–" + m.period_to.substr(0, 4) + ")");
      if ((q.movement_id && *q.movement_id == m.id) || (!q.movement_id && !chosen)) chosen = m;
    }
    if (!chosen) {
      if (q.movement_id) return fail(ErrorKind::not_found, "movement.not_found");
      f.from = q.from;
      f.to = q.to.empty() ? today : q.to;
      return f;  // no launched movement: nothing to follow, honestly empty
    }
    f.movement = *chosen;
    f.from = q.from.empty() ? f.movement.period_from : q.from;
    f.to = q.to.empty() ? std::max(f.from, std::min(today, f.movement.period_to)) : q.to;
    // Milestones: over the period asked for; a dashboard (no end asked) shows all that is ahead too.
    const std::string milestones_to = q.to.empty() ? std::string("9999-12-31") : f.to;

    storage::FollowUpPeriod p;
    p.subject = scope->kind == FollowUpScope::unit     ? storage::FollowUpSubject::unit
                : scope->kind == FollowUpScope::person ? storage::FollowUpSubject::person
                                                       : storage::FollowUpSubject::agency;
    p.subject_id = scope->id;
    p.agency_id = q.agency_id;
    p.movement_id = f.movement.id;
    p.from = f.from;
    p.to = f.to;
    p.first_year = year_of(f.from);
    p.last_year = year_of(f.to);

    // ---- plan: content items and milestones; tasks
    auto items = storage::plan_items(tx, f.movement.id);
    std::map<std::int64_t, std::size_t> item_at;
    for (const auto& i : items) {
      if (i.section != PlanSection::content) continue;
      ItemFigures x;
      x.item_id = i.id;
      x.item_number = i.position;
      x.item_text = i.body;
      item_at[i.id] = f.items.size();
      f.items.push_back(std::move(x));
    }
    auto state_of = [&](bool done, const std::string& due) {
      return done ? DueState::done : due < today ? DueState::late : DueState::due;
    };
    auto tasks = storage::movement_tasks(tx, f.movement.id);
    std::set<std::int64_t> tasked_items;
    for (const auto& t : tasks) {
      if (t.item_id) tasked_items.insert(*t.item_id);
      if (t.due_date.empty() || t.due_date < f.from || t.due_date > milestones_to) continue;
      if (scope->kind != FollowUpScope::agency && t.unit_id != std::optional<std::int64_t>(scope->unit_id)) continue;
      Milestone m;
      m.task_id = t.id;
      m.item_id = t.item_id;
      m.title = t.title;
      m.unit_id = t.unit_id;
      m.unit_name = t.unit_name;
      m.due_date = t.due_date;
      m.done_at = t.status == TaskStatus::done ? t.done_at.substr(0, 10) : "";
      m.state = state_of(t.status == TaskStatus::done, t.due_date);
      f.milestones.push_back(std::move(m));
    }
    if (scope->kind == FollowUpScope::agency) {
      for (const auto& i : items) {
        if (i.section != PlanSection::milestone || i.ref_date.empty() || tasked_items.count(i.id)) continue;
        if (i.ref_date < f.from || i.ref_date > milestones_to) continue;
        // A milestone the plan dates but no task follows: the movement's own course tells.
        auto kind = parse_milestone_kind(i.code).value_or(MilestoneKind::other);
        bool done = kind == MilestoneKind::plan ||
                    (kind == MilestoneKind::midterm && f.movement.status != MovementStatus::launched) ||
                    (kind == MilestoneKind::final_review && f.movement.status == MovementStatus::closed);
        Milestone m;
        m.item_id = i.id;
        m.title = i.label.empty() ? i.body : i.label + ": " + i.body;
        m.due_date = i.ref_date;
        m.state = state_of(done, i.ref_date);
        f.milestones.push_back(std::move(m));
      }
    }
    std::stable_sort(f.milestones.begin(), f.milestones.end(),
                     [](const Milestone& a, const Milestone& b) { return a.due_date < b.due_date; });

    // ---- units in scope, in the agency's order
    std::vector<Unit> units;
    if (scope->kind == FollowUpScope::agency) units = storage::list_units(tx, q.agency_id, false);
    std::map<std::int64_t, std::size_t> unit_at;
    auto unit_key = [&](std::int64_t unit_id) { return scope->kind == FollowUpScope::agency ? unit_id : 0; };
    if (scope->kind == FollowUpScope::agency) {
      for (const auto& u : units) {
        unit_at[u.id] = f.units.size();
        f.units.emplace_back();
        f.units.back().unit_id = u.id;
        f.units.back().unit_name = u.name;
      }
    } else {
      unit_at[0] = 0;
      f.units.emplace_back();
      f.units.back().unit_id = scope->unit_id;
      f.units.back().unit_name = scope->name;
    }
    // Tasks per unit: the agency's own first, then the units in order.
    {
      std::map<std::optional<std::int64_t>, UnitTasks> by;
      for (const auto& m : f.milestones) {
        if (!m.task_id) continue;
        auto& u = by[m.unit_id];
        u.unit_id = m.unit_id;
        u.unit_name = m.unit_name;
        (m.state == DueState::done ? u.done : m.state == DueState::late ? u.late : u.due)++;
      }
      if (auto it = by.find(std::nullopt); it != by.end()) f.tasks_by_unit.push_back(it->second);
      for (const auto& u : units) {
        if (auto it = by.find(u.id); it != by.end()) f.tasks_by_unit.push_back(it->second);
      }
      for (const auto& [id, u] : by) {
        if (id && !std::any_of(units.begin(), units.end(), [&](const Unit& x) { return x.id == *id; })) {
          f.tasks_by_unit.push_back(u);
        }
      }
    }

    // ---- what verified achievements add up to
    Tally tally;
    const bool everything = !q.rule_bound_only;
    if (everything) for (const auto& r : storage::follow_up_achieved(tx, p)) {
      f.records += r.records;
      auto key = unit_key(r.unit_id);
      if (auto u = unit_at.find(key); u != unit_at.end()) f.units[u->second].records += r.records;
      if (auto it = item_at.find(r.item_id); it != item_at.end()) {
        auto& x = f.items[it->second];
        x.records += r.records;
        x.sessions += value(r, Measure::sessions);
        x.participants += value(r, Measure::participants);
        x.visits += value(r, Measure::visits);
        x.role_models += value(r, Measure::role_models);
        x.initiatives += value(r, Measure::initiatives);
      }
      for (auto m : all_measures()) {
        if (long long v = value(r, m)) tally.achieved[key][{r.item_id, m}] += v;
      }
    }
    if (everything) for (const auto& r : storage::follow_up_pledged(tx, p)) {
      auto key = unit_key(r.unit_id);
      auto& st = tally.status[key];
      if (r.year >= st.first) st = {r.year, r.status};
      auto measure = parse_measure(r.measure);
      if (r.item_id == 0 || !measure) continue;
      tally.target[key][{r.item_id, *measure}] += r.target;
    }
    std::map<TargetKey, std::pair<long long, long long>> item_targets;  // (item, measure) → (target, achieved)
    for (auto& u : f.units) {
      auto key = unit_key(u.unit_id);
      if (auto s = tally.status.find(key); s != tally.status.end()) u.pledge_status = s->second.second;
      auto t = tally.target.find(key);
      if (t == tally.target.end()) continue;
      long long sum = 0;
      for (const auto& [tk, target] : t->second) {
        long long got = tally.achieved[key][tk];
        ++u.targets;
        if (got >= target) ++u.targets_met;
        sum += target <= 0 ? 100 : std::min<long long>(got * 100 / target, 100);
        auto& it = item_targets[tk];
        it.first += target;
        it.second += got;
      }
      if (u.targets > 0) u.average_percent = static_cast<int>(sum / u.targets);
    }
    for (const auto& [tk, v] : item_targets) {
      if (auto it = item_at.find(tk.first); it != item_at.end()) {
        f.items[it->second].targets.push_back({tk.second, v.first, v.second});
      }
    }

    // ---- money, goods, labour and land
    auto assigned = storage::assigned_communes(tx, q.agency_id);
    auto commune_name = [&](std::int64_t id) {
      for (const auto& c : assigned) {
        if (c.commune_id == id) return c.name;
      }
      return std::string("#") + std::to_string(id);
    };
    std::map<std::int64_t, Mobilised> by_commune_id;
    for (const auto& r : storage::follow_up_mobilised(tx, p)) {
      add(f.mobilised, r);
      if (auto u = unit_at.find(unit_key(r.unit_id)); u != unit_at.end()) add(f.units[u->second].mobilised, r);
      if (auto it = item_at.find(r.item_id); it != item_at.end()) add(f.items[it->second].mobilised, r);
      add(slice(f.by_donor_kind, r.donor_kind).figures, r);
      add(slice(f.by_donor_scope, r.donor_scope).figures, r);
      if (r.commune_id != 0) add(by_commune_id[r.commune_id], r);
    }
    for (const auto& [id, m] : by_commune_id) {
      f.by_commune.push_back({std::to_string(id), commune_name(id), id, m});
    }
    std::stable_sort(f.by_commune.begin(), f.by_commune.end(), [](const MobilisedSlice& a, const MobilisedSlice& b) {
      return a.figures.money_vnd() > b.figures.money_vnd();
    });

    // ---- communes the agency supports in the period: criteria at the start and at the end
    auto points = storage::follow_up_assessments(tx, p);
    auto recognitions = storage::follow_up_recognitions(tx, p);
    std::set<std::int64_t> seen;
    for (const auto& c : assigned) {
      if (c.valid_from > f.to || (!c.valid_to.empty() && c.valid_to < f.from) || seen.count(c.commune_id)) continue;
      // Listed once it has been assessed by the end of the period or mobilised for in it.
      auto mobilised = by_commune_id.find(c.commune_id);
      if (mobilised == by_commune_id.end() && std::none_of(points.begin(), points.end(), [&](const auto& a) {
            return a.commune_id == c.commune_id;
          })) {
        continue;
      }
      seen.insert(c.commune_id);
      CommuneFigures cf;
      cf.commune_id = c.commune_id;
      cf.name = c.name;
      cf.district = c.district;
      const storage::AssessmentPoint* start = nullptr;
      const storage::AssessmentPoint* end = nullptr;
      for (const auto& a : points) {
        if (a.commune_id != c.commune_id) continue;
        if (a.assessed_on <= f.from || !start) start = &a;
        end = &a;
      }
      if (start) cf.criteria_met_at_start = start->met;
      if (end) {
        cf.criteria_met = end->met;
        cf.criteria_total = end->total;
        cf.criteria_set = end->set_name;
        cf.assessed_on = end->assessed_on;
      }
      for (const auto& r : recognitions) {
        if (r.commune_id != c.commune_id) continue;
        cf.recognised = r.event == "revoked" ? "" : r.level + " " + std::to_string(r.year);
      }
      if (mobilised != by_commune_id.end()) cf.mobilised = mobilised->second;
      f.communes.push_back(std::move(cf));
    }

    // ---- role models, initiatives, awards
    if (everything) for (auto& r : storage::follow_up_role_models(tx, p)) {
      f.role_models.push_back({r.achievement_id, r.title, r.model_kind, r.model_name, r.who, r.occurred_on});
    }
    if (everything) for (auto& i : storage::follow_up_initiatives(tx, p)) {
      std::string authors;
      for (const auto& a : i.authors) authors += (authors.empty() ? "" : ", ") + a;
      f.initiatives.push_back({i.id, i.title, authors, i.level, i.recognised_on});
    }
    auto awards = storage::follow_up_awards(tx, p);
    for (auto form : all_award_forms()) {
      for (const auto& a : awards) {
        if (a.form != to_string(form)) continue;
        f.awards.push_back({form, a.counts[0], a.counts[1], a.counts[2], a.counts[3]});
      }
    }

    // ---- where the rules change inside the period
    if (layers) f.splits = rule_set_splits(**layers, scopes_, f.from, f.to);
    for (auto& s : criteria_splits(points, f.from, f.to)) f.splits.push_back(std::move(s));
    return f;
  });
}

}  // namespace thidua::services
