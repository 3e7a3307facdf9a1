#include "storage/progress_repo.hpp"

#include <soci/soci.h>

#include "storage/achievement_sql.hpp"

namespace thidua::storage {

namespace {

/// Runs kAchievedSelect + `where`, `bind` binding its values in order.
template <class Bind>
std::vector<AchievedRow> read_achieved(Tx& tx, const std::string& where, Bind&& bind) {
  long long item = 0, commune = 0, unit = 0, records = 0;
  soci::indicator commune_ind = soci::i_null;
  std::array<long long, kMeasureCount> v{};
  auto st = tx.prepared(std::string(sql::kAchievedSelect) + where);
  st->exchange(soci::into(item));
  st->exchange(soci::into(commune, commune_ind));
  for (auto& x : v) st->exchange(soci::into(x));
  st->exchange(soci::into(records));
  st->exchange(soci::into(unit));
  bind(*st);
  st->define_and_bind();
  std::vector<AchievedRow> out;
  if (st->execute(true)) {
    do {
      AchievedRow r;
      r.unit_id = unit;
      r.item_id = item;
      if (commune_ind == soci::i_ok) r.commune_id = commune;
      r.values = v;
      r.records = records;
      out.push_back(r);
    } while (st->fetch());
  }
  return out;
}

/// Runs kAchievedSelect + `where` with the two or three ids and the year bound in order.
std::vector<AchievedRow> achieved(Tx& tx, const char* where, long long first, long long movement, int year,
                                  bool agency_last) {
  return read_achieved(tx, where, [&](soci::statement& st) {
    if (agency_last) {
      // movement, year, agency
      st.exchange(soci::use(movement));
      st.exchange(soci::use(year));
      st.exchange(soci::use(first));
    } else {
      // subject, year, movement
      st.exchange(soci::use(first));
      st.exchange(soci::use(year));
      st.exchange(soci::use(movement));
    }
  });
}

std::vector<LivePledge> pledges(Tx& tx, const char* sql_text, long long first, long long movement, int year,
                                bool agency_form) {
  std::vector<LivePledge> out;
  {
    long long id = 0, unit = 0;
    std::string status;
    auto st = tx.prepared(sql_text);
    st->exchange(soci::into(id));
    st->exchange(soci::into(status));
    st->exchange(soci::into(unit));
    if (agency_form) {
      st->exchange(soci::use(first));
      st->exchange(soci::use(year));
      st->exchange(soci::use(movement));
    } else {
      st->exchange(soci::use(movement));
      st->exchange(soci::use(year));
      st->exchange(soci::use(first));
    }
    st->define_and_bind();
    if (st->execute(true)) {
      do {
        out.push_back({id, status, unit, {}});
      } while (st->fetch());
    }
  }
  for (auto& p : out) {
    long long pid = p.id, owner = 0, item = 0, target = 0, commune = 0;
    soci::indicator commune_ind = soci::i_null;
    std::string measure;
    auto st = tx.prepared(sql::kPledgeTargets);
    st->exchange(soci::into(owner));
    st->exchange(soci::into(item));
    st->exchange(soci::into(measure));
    st->exchange(soci::into(target));
    st->exchange(soci::into(commune, commune_ind));
    st->exchange(soci::use(pid));
    st->define_and_bind();
    if (st->execute(true)) {
      do {
        PledgeTargetRow t;
        t.pledge_id = owner;
        t.item_id = item;
        t.measure = measure;
        t.target = target;
        if (commune_ind == soci::i_ok) t.commune_id = commune;
        p.targets.push_back(t);
      } while (st->fetch());
    }
  }
  return out;
}

}  // namespace

std::vector<AchievedRow> achieved_by_unit(Tx& tx, std::int64_t unit_id, std::int64_t movement_id, int year) {
  return achieved(tx, sql::kAchievedByUnit, unit_id, movement_id, year, false);
}

std::vector<AchievedRow> achieved_by_person(Tx& tx, std::int64_t person_id, std::int64_t movement_id, int year) {
  return achieved(tx, sql::kAchievedByPerson, person_id, movement_id, year, false);
}

std::vector<AchievedRow> achieved_by_agency(Tx& tx, std::int64_t agency_id, std::int64_t movement_id, int year) {
  return achieved(tx, sql::kAchievedByAgency, agency_id, movement_id, year, true);
}

std::vector<AchievedRow> achieved_in_period(Tx& tx, const std::string& where, long long subject, long long movement,
                                           int first_year, int last_year, const std::string& from,
                                           const std::string& to) {
  return read_achieved(tx, where, [&](soci::statement& st) {
    st.exchange(soci::use(subject));
    st.exchange(soci::use(movement));
    st.exchange(soci::use(first_year));
    st.exchange(soci::use(last_year));
    st.exchange(soci::use(from));
    st.exchange(soci::use(to));
  });
}

std::optional<LivePledge> live_unit_pledge(Tx& tx, std::int64_t unit_id, std::int64_t movement_id, int year) {
  auto rows = pledges(tx, sql::kLiveUnitPledge, unit_id, movement_id, year, false);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<LivePledge> live_person_pledge(Tx& tx, std::int64_t person_id, std::int64_t movement_id, int year) {
  auto rows = pledges(tx, sql::kLivePersonPledge, person_id, movement_id, year, false);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<LivePledge> live_unit_pledges(Tx& tx, std::int64_t agency_id, std::int64_t movement_id, int year) {
  return pledges(tx, sql::kUnitPledges, agency_id, movement_id, year, true);
}

}  // namespace thidua::storage
