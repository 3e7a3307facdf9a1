#include "services/progress_service.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <tuple>

#include "services/achievement_rights.hpp"
#include "services/validation.hpp"
#include "storage/achievement_repo.hpp"
#include "storage/audit_repo.hpp"
#include "storage/movement_repo.hpp"
#include "storage/org_repo.hpp"
#include "storage/people_repo.hpp"
#include "storage/progress_repo.hpp"

namespace thidua::services {

namespace {

struct Resolved {
  Movement movement;
  int year = 0;
  std::vector<int> years;
  std::vector<std::pair<std::int64_t, std::string>> movements;
};

int year_of(const std::string& iso) { return iso.size() >= 4 ? std::stoi(iso.substr(0, 4)) : 0; }

/// The movement and year a progress page is about: the one asked for (launched, of the
/// agency), else the agency's latest launched one; the year asked for (within the movement's
/// period, not after this year), else this year or the movement's last.
Result<Resolved> resolve(storage::Tx& tx, std::int64_t agency_id, const ProgressQuery& q, int this_year) {
  Resolved out;
  std::optional<Movement> chosen;
  for (auto& row : storage::list_movements(tx, {agency_id})) {
    const auto& m = row.movement;
    if (m.status == MovementStatus::draft) continue;
    std::string period = m.period_from.substr(0, 4) + "–" + m.period_to.substr(0, 4);
    out.movements.emplace_back(m.id, m.title + " (" + period + ")");
    if ((q.movement_id && *q.movement_id == m.id) || (!q.movement_id && !chosen)) chosen = m;
  }
  if (!chosen) {
    if (q.movement_id) {
      return fail(Error{ErrorKind::validation, "achievement.movement_not_found", {},
                        {{"movement", "achievement.movement_not_found"}}, ""});
    }
    return fail(ErrorKind::not_found, "progress.no_movement");
  }
  out.movement = *chosen;
  int first = year_of(chosen->period_from), last = std::min(year_of(chosen->period_to), this_year);
  for (int y = first; y <= last; ++y) out.years.push_back(y);
  if (q.year != 0) {
    if (q.year < first || q.year > last) {
      return fail(Error{ErrorKind::validation, "progress.year_outside", {}, {{"year", "progress.year_outside"}}, ""});
    }
    out.year = q.year;
  } else {
    out.year = std::max(first, last);
  }
  return out;
}

using LineKey = std::tuple<std::int64_t, Measure, std::optional<std::int64_t>>;

/// The lines of one subject: each target of its pledge with what was achieved towards it,
/// then what was achieved under a content item and measure that no target names.
std::vector<ProgressLine> build_lines(const std::optional<storage::LivePledge>& pledge,
                                      const std::vector<storage::AchievedRow>& rows,
                                      const std::map<std::int64_t, std::pair<int, std::string>>& items,
                                      const std::map<std::int64_t, std::string>& communes, int& targets,
                                      int& met) {
  std::vector<ProgressLine> lines;
  std::map<LineKey, std::size_t> at;
  auto item_info = [&](ProgressLine& l) {
    if (auto it = items.find(l.item_id); it != items.end()) {
      l.item_number = it->second.first;
      l.item_text = it->second.second;
    }
  };
  if (pledge) {
    for (const auto& t : pledge->targets) {
      auto measure = parse_measure(t.measure);
      if (!measure) continue;
      LineKey key{t.item_id, *measure, t.commune_id};
      if (auto it = at.find(key); it != at.end()) {
        *lines[it->second].target += t.target;
        continue;
      }
      ProgressLine l;
      l.item_id = t.item_id;
      l.measure = *measure;
      l.commune_id = t.commune_id;
      if (t.commune_id) {
        if (auto c = communes.find(*t.commune_id); c != communes.end()) l.commune_name = c->second;
      }
      l.target = t.target;
      item_info(l);
      at[key] = lines.size();
      lines.push_back(l);
    }
    for (auto& l : lines) {
      for (const auto& r : rows) {
        if (r.item_id != l.item_id || (l.commune_id && r.commune_id != l.commune_id)) continue;
        l.achieved += r.values[static_cast<std::size_t>(l.measure)];
      }
    }
  }
  // What no target names, per item and measure.
  std::map<std::pair<std::int64_t, Measure>, long long> extra;
  for (const auto& r : rows) {
    for (auto m : all_measures()) {
      long long v = r.values[static_cast<std::size_t>(m)];
      if (v == 0) continue;
      bool targeted = std::any_of(lines.begin(), lines.end(), [&](const ProgressLine& l) {
        return l.target && l.item_id == r.item_id && l.measure == m;
      });
      if (!targeted) extra[{r.item_id, m}] += v;
    }
  }
  for (const auto& [key, value] : extra) {
    ProgressLine l;
    l.item_id = key.first;
    l.measure = key.second;
    l.achieved = value;
    item_info(l);
    lines.push_back(l);
  }
  std::stable_sort(lines.begin(), lines.end(), [](const ProgressLine& a, const ProgressLine& b) {
    return std::make_tuple(a.item_number, a.target ? 0 : 1) < std::make_tuple(b.item_number, b.target ? 0 : 1);
  });
  targets = 0;
  met = 0;
  for (const auto& l : lines) {
    if (!l.target) continue;
    ++targets;
    if (l.achieved >= *l.target) ++met;
  }
  return lines;
}

std::map<std::int64_t, std::pair<int, std::string>> content_items(storage::Tx& tx, std::int64_t movement_id) {
  std::map<std::int64_t, std::pair<int, std::string>> out;
  for (const auto& i : storage::plan_items(tx, movement_id)) {
    if (i.section == PlanSection::content) out[i.id] = {i.position, i.body};
  }
  return out;
}

std::map<std::int64_t, std::string> commune_names(storage::Tx& tx, std::int64_t agency_id) {
  std::map<std::int64_t, std::string> out;
  for (const auto& c : storage::assigned_communes(tx, agency_id)) out[c.commune_id] = c.name;
  return out;
}

int current_year(TimePoint now) { return year_of(today_iso(now + std::chrono::hours(7))); }

long long total_records(const std::vector<storage::AchievedRow>& rows) {
  long long n = 0;
  for (const auto& r : rows) n += r.records;
  return n;
}

/// Fills `p` (its subject already set) for the movement and year resolved: the live pledge
/// `pledge_of` finds, and what `achieved_of` adds up.
template <class PledgeOf, class AchievedOf>
Progress tally(storage::Tx& tx, Progress p, Resolved&& res, PledgeOf&& pledge_of, AchievedOf&& achieved_of) {
  p.movement = std::move(res.movement);
  p.year = res.year;
  p.years = std::move(res.years);
  p.movements = std::move(res.movements);
  auto pledge = pledge_of(p.movement.id, p.year);
  if (pledge) {
    p.pledge_id = pledge->id;
    p.pledge_status = pledge->status;
  }
  auto rows = achieved_of(p.movement.id, p.year);
  p.records = total_records(rows);
  p.lines = build_lines(pledge, rows, content_items(tx, p.movement.id), commune_names(tx, p.agency_id), p.targets,
                        p.targets_met);
  return p;
}

}  // namespace

int ProgressLine::percent() const {
  if (!target || *target <= 0) return -1;
  return static_cast<int>(std::min<long long>(achieved * 100 / *target, 100000));
}

ProgressService::ProgressService(std::shared_ptr<storage::Database> db, Clock clock)
    : db_(std::move(db)), clock_(std::move(clock)) {}

Result<std::pair<std::int64_t, bool>> ProgressService::unit_stamp(const Principal& actor, std::int64_t unit_id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::pair<std::int64_t, bool>> {
    auto u = storage::find_unit(tx, unit_id);
    if (!u) return fail(ErrorKind::not_found, "unit.not_found");
    auto r = record_rights(tx, actor, u->agency_id, true);
    if (!r.readable) return fail(ErrorKind::not_found, "unit.not_found");
    if (!r.may_see_unit(unit_id)) return fail(ErrorKind::forbidden, "progress.forbidden");
    return std::make_pair(storage::audit_head(tx).first, r.oversees || r.heads(unit_id));
  });
}

Result<std::int64_t> ProgressService::home_unit(const Principal& actor, std::int64_t agency_id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::int64_t> {
    auto r = record_rights(tx, actor, agency_id);
    if (!r.readable) return fail(ErrorKind::not_found, "agency.not_found");
    if (r.oversees) return std::int64_t{0};
    if (!r.headed_units.empty()) return r.headed_units.front();
    if (r.person_unit != 0) return r.person_unit;
    return fail(ErrorKind::forbidden, "progress.forbidden");
  });
}

Result<Progress> ProgressService::unit(const Principal& actor, std::int64_t unit_id, const ProgressQuery& q) {
  const int this_year = current_year(clock_());
  return db_->read([&](storage::Tx& tx) -> Result<Progress> {
    auto u = storage::find_unit(tx, unit_id);
    if (!u) return fail(ErrorKind::not_found, "unit.not_found");
    auto r = record_rights(tx, actor, u->agency_id);
    if (!r.readable) return fail(ErrorKind::not_found, "unit.not_found");
    if (!r.may_see_unit(unit_id)) return fail(ErrorKind::forbidden, "progress.forbidden");
    auto res = resolve(tx, u->agency_id, q, this_year);
    if (!res) return fail(res.error());
    Progress p;
    p.subject = RecordSubject::unit;
    p.subject_id = unit_id;
    p.name = u->name;
    p.agency_id = u->agency_id;
    if (r.oversees || r.heads(unit_id)) {
      // One query, in the Vietnamese order of given names.
      storage::PeopleQuery pq;
      pq.agency_ids = {u->agency_id};
      pq.unit_id = unit_id;
      pq.limit = 1000;
      for (const auto& person : storage::search_people(tx, pq).items) p.people.emplace_back(person.id, person.full_name);
    }
    return tally(
        tx, std::move(p), std::move(*res),
        [&](std::int64_t m, int y) { return storage::live_unit_pledge(tx, unit_id, m, y); },
        [&](std::int64_t m, int y) { return storage::achieved_by_unit(tx, unit_id, m, y); });
  });
}

Result<Progress> ProgressService::person(const Principal& actor, std::int64_t person_id, const ProgressQuery& q) {
  const int this_year = current_year(clock_());
  return db_->read([&](storage::Tx& tx) -> Result<Progress> {
    auto person = storage::find_person(tx, person_id);
    if (!person) return fail(ErrorKind::not_found, "person.not_found");
    auto r = record_rights(tx, actor, person->agency_id);
    if (!r.readable) return fail(ErrorKind::not_found, "person.not_found");
    bool self = r.person_id && *r.person_id == person_id;
    if (!r.oversees && !self && !r.heads(person->unit_id)) return fail(ErrorKind::forbidden, "progress.forbidden");
    auto res = resolve(tx, person->agency_id, q, this_year);
    if (!res) return fail(res.error());
    Progress p;
    p.subject = RecordSubject::person;
    p.subject_id = person_id;
    p.name = person->full_name;
    p.unit_name = person->unit_name;
    p.agency_id = person->agency_id;
    return tally(
        tx, std::move(p), std::move(*res),
        [&](std::int64_t m, int y) { return storage::live_person_pledge(tx, person_id, m, y); },
        [&](std::int64_t m, int y) { return storage::achieved_by_person(tx, person_id, m, y); });
  });
}

Result<ProgressOverview> ProgressService::overview(const Principal& actor, std::int64_t agency_id,
                                                   const ProgressQuery& q) {
  const int this_year = current_year(clock_());
  return db_->read([&](storage::Tx& tx) -> Result<ProgressOverview> {
    auto r = record_rights(tx, actor, agency_id);
    if (!r.readable) return fail(ErrorKind::not_found, "agency.not_found");
    if (!r.oversees) return fail(ErrorKind::forbidden, "progress.forbidden");
    auto res = resolve(tx, agency_id, q, this_year);
    if (!res) return fail(res.error());
    ProgressOverview o;
    o.agency_id = agency_id;
    o.movement = std::move(res->movement);
    o.year = res->year;
    o.years = std::move(res->years);
    o.movements = std::move(res->movements);
    auto items = content_items(tx, o.movement.id);
    auto communes = commune_names(tx, agency_id);
    std::map<std::int64_t, std::vector<storage::AchievedRow>> by_unit;
    for (auto& row : storage::achieved_by_agency(tx, agency_id, o.movement.id, o.year)) {
      by_unit[row.unit_id].push_back(row);
    }
    std::map<std::int64_t, storage::LivePledge> pledges;
    for (auto& p : storage::live_unit_pledges(tx, agency_id, o.movement.id, o.year)) pledges[p.unit_id] = std::move(p);
    for (const auto& u : storage::list_units(tx, agency_id, false)) {
      UnitProgressRow row;
      row.unit_id = u.id;
      row.unit_name = u.name;
      std::optional<storage::LivePledge> pledge;
      if (auto it = pledges.find(u.id); it != pledges.end()) {
        pledge = it->second;
        row.pledge_status = pledge->status;
      }
      const auto& rows = by_unit[u.id];
      row.records = total_records(rows);
      row.lines = build_lines(pledge, rows, items, communes, row.targets, row.targets_met);
      if (row.targets > 0) {
        long long sum = 0;
        for (const auto& l : row.lines) {
          if (l.target) sum += l.percent() < 0 ? 100 : std::min(l.percent(), 100);
        }
        row.average_percent = static_cast<int>(sum / row.targets);
      }
      o.units.push_back(std::move(row));
    }
    return o;
  });
}

}  // namespace thidua::services
