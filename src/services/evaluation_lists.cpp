// What the evaluation pages list: an agency's evaluation of a movement and year with its
// templates and history, the actor's own sheets and those they review.

#include <algorithm>
#include <cstdlib>

#include "services/achievement_rights.hpp"
#include "services/evaluation_service.hpp"
#include "storage/movement_repo.hpp"

namespace thidua::services {

namespace {

int year_of(const std::string& iso) { return iso.size() >= 4 ? std::atoi(iso.substr(0, 4).c_str()) : 0; }

}  // namespace

Result<EvaluationOverview> EvaluationService::overview(const Principal& actor, std::int64_t agency_id,
                                                       std::optional<std::int64_t> movement_id, int year) {
  const int now_year = year_of(to_iso(clock_()));
  return db_->read([&](storage::Tx& tx) -> Result<EvaluationOverview> {
    auto rights = record_rights(tx, actor, agency_id);
    if (!rights.readable) return fail(ErrorKind::not_found, "evaluation.not_found");
    EvaluationOverview o;
    o.agency_id = agency_id;
    o.manages = rights.manages;
    o.oversees = rights.oversees;
    o.headed_units = rights.headed_units;
    for (const auto& row : storage::list_movements(tx, {agency_id})) {
      const auto& m = row.movement;
      o.movements.push_back({m.id, m.title, year_of(m.period_from), year_of(m.period_to)});
    }
    const auto evaluations = storage::evaluations_of_agency(tx, agency_id);
    // The choice: what was asked, else the newest evaluation, else the newest movement.
    if (movement_id && *movement_id > 0) {
      auto it = std::find_if(o.movements.begin(), o.movements.end(),
                             [&](const EvaluationMovement& m) { return m.id == *movement_id; });
      if (it == o.movements.end()) return fail(ErrorKind::not_found, "evaluation.not_found");
      o.movement_id = *movement_id;
    } else if (!evaluations.empty()) {
      o.movement_id = evaluations.front().movement_id;
      if (year <= 0) year = evaluations.front().year;
    } else if (!o.movements.empty()) {
      o.movement_id = o.movements.front().id;
    }
    const EvaluationMovement* m = nullptr;
    for (const auto& x : o.movements) {
      if (x.id == o.movement_id) m = &x;
    }
    if (!m) return o;
    for (int y = std::max(m->last_year, m->first_year); y >= m->first_year && y > 0; --y) o.years.push_back(y);
    if (year <= 0) {
      year = std::clamp(now_year, m->first_year, std::max(m->first_year, m->last_year));
      for (const auto& e : evaluations) {
        if (e.movement_id == o.movement_id) {
          year = e.year;
          break;
        }
      }
    }
    o.year = year;
    if (std::find(o.years.begin(), o.years.end(), year) == o.years.end()) {
      o.years.push_back(year);
      std::sort(o.years.rbegin(), o.years.rend());
    }
    auto ev = storage::find_evaluation_for(tx, agency_id, o.movement_id, year);
    if (!ev) return o;
    o.evaluation = *ev;
    o.history = storage::evaluation_events(tx, ev->id);
    o.templates = storage::templates_of_evaluation(tx, ev->id);
    if (rights.person_id) o.own = storage::sheets_of_person(tx, ev->id, *rights.person_id);
    for (auto unit : rights.headed_units) {
      for (auto& s : storage::sheets_of_unit(tx, ev->id, unit)) {
        if (s.subject == RecordSubject::unit) {
          o.own.push_back(std::move(s));
        } else if (!rights.person_id || s.person_id != rights.person_id) {
          o.to_review.push_back(std::move(s));
        }
      }
    }
    if (rights.manages) {
      for (const auto& t : o.templates) {
        for (auto& s : storage::sheets_of_template(tx, t.id)) {
          const bool waits = s.status == SheetStatus::reviewed ||
                             (s.status == SheetStatus::submitted && s.subject == RecordSubject::unit);
          if (!waits) continue;
          ++o.office_queue_total;
          if (o.office_queue.size() < EvaluationOverview::kOfficeQueueShown) o.office_queue.push_back(std::move(s));
        }
      }
    }
    return o;
  });
}

}  // namespace thidua::services
