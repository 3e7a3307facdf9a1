#include "storage/eligibility_repo.hpp"

#include <unordered_map>

#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/eligibility_sql.hpp"
#include "storage/nullable_id.hpp"
#include "storage/org_repo.hpp"

namespace thidua::storage {

namespace {

/// A nullable date for binding ("" is NULL).
struct DateBind {
  std::string value;
  soci::indicator ind = soci::i_null;
  explicit DateBind(const std::string& d) : value(d), ind(d.empty() ? soci::i_null : soci::i_ok) {}
};

template <class Row>
void each_row(soci::statement& st, Row&& row) {
  st.define_and_bind();
  if (st.execute(true)) {
    do {
      row();
    } while (st.fetch());
  }
}

}  // namespace

std::int64_t insert_rating(Tx& tx, std::int64_t agency_id, AwardSubject subject, std::int64_t subject_id, int year,
                           Rating rating, const std::string& reason, const std::string& source,
                           std::optional<std::int64_t> user_id, const std::string& at) {
  long long a = agency_id, s = subject_id;
  std::string kind(to_string(subject)), r(to_string(rating));
  NullableId by(user_id);
  tx.sql() << sql::kInsertRating, soci::use(a), soci::use(kind), soci::use(s), soci::use(year), soci::use(r),
      soci::use(reason), soci::use(source), soci::use(by.id, by.ind), soci::use(at);
  return last_insert_id(tx, "task_rating");
}

std::vector<RatingRow> rating_history(Tx& tx, AwardSubject subject, std::int64_t subject_id, int year) {
  long long id = 0, s = subject_id;
  std::string kind(to_string(subject)), rating, reason, source, at, name;
  auto st = tx.prepared(sql::kRatingHistory);
  st->exchange(soci::into(id));
  st->exchange(soci::into(rating));
  st->exchange(soci::into(reason));
  st->exchange(soci::into(source));
  st->exchange(soci::into(at));
  st->exchange(soci::into(name));
  st->exchange(soci::use(kind));
  st->exchange(soci::use(s));
  st->exchange(soci::use(year));
  std::vector<RatingRow> out;
  each_row(*st, [&] {
    out.push_back({id, parse_rating(rating).value_or(Rating::completed), reason, source, at, name});
  });
  return out;
}

std::int64_t insert_sanction(Tx& tx, const SanctionInput& x, std::optional<std::int64_t> user_id, const std::string& at) {
  long long a = x.agency_id, p = x.person_id;
  std::string level(to_string(x.level));
  DateBind ended(x.ended_on);
  NullableId by(user_id);
  tx.sql() << sql::kInsertSanction, soci::use(a), soci::use(p), soci::use(level), soci::use(x.decided_on),
      soci::use(ended.value, ended.ind), soci::use(x.decision_ref), soci::use(x.note), soci::use(by.id, by.ind),
      soci::use(at);
  return last_insert_id(tx, "sanction");
}

std::int64_t insert_case(Tx& tx, const CaseInput& x, std::optional<std::int64_t> user_id, const std::string& at) {
  long long a = x.agency_id, s = x.subject_id;
  std::string subject(to_string(x.subject)), kind(to_string(x.kind));
  DateBind closed(x.closed_on);
  NullableId by(user_id);
  tx.sql() << sql::kInsertCase, soci::use(a), soci::use(subject), soci::use(s), soci::use(kind), soci::use(x.opened_on),
      soci::use(closed.value, closed.ind), soci::use(x.note), soci::use(by.id, by.ind), soci::use(at);
  return last_insert_id(tx, "pending_case");
}

std::vector<OpenCaseRow> open_cases(Tx& tx, std::int64_t agency_id) {
  long long a = agency_id, id = 0, subject_id = 0;
  std::string subject, kind, opened_on, note;
  auto st = tx.prepared(sql::kOpenCases);
  st->exchange(soci::into(id));
  st->exchange(soci::into(subject));
  st->exchange(soci::into(subject_id));
  st->exchange(soci::into(kind));
  st->exchange(soci::into(opened_on));
  st->exchange(soci::into(note));
  st->exchange(soci::use(a));
  std::vector<OpenCaseRow> out;
  each_row(*st, [&] {
    out.push_back({id, parse_award_subject(subject).value_or(AwardSubject::person), subject_id,
                   parse_case_kind(kind).value_or(CaseKind::complaint), opened_on, note});
  });
  return out;
}

bool close_case(Tx& tx, std::int64_t agency_id, std::int64_t case_id, const std::string& closed_on) {
  long long a = agency_id, id = case_id;
  soci::statement st = (tx.sql().prepare << sql::kCloseCase, soci::use(closed_on), soci::use(id), soci::use(a),
                        soci::use(closed_on));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::int64_t insert_leave(Tx& tx, const LeaveInput& x, std::optional<std::int64_t> user_id, const std::string& at) {
  long long a = x.agency_id, p = x.person_id;
  std::string kind(to_string(x.kind));
  NullableId by(user_id);
  tx.sql() << sql::kInsertLeave, soci::use(a), soci::use(p), soci::use(kind), soci::use(x.from), soci::use(x.to),
      soci::use(x.note), soci::use(by.id, by.ind), soci::use(at);
  return last_insert_id(tx, "leave_period");
}

std::int64_t insert_imported_award(Tx& tx, const AwardRecord& x, std::optional<std::int64_t> user_id,
                                   const std::string& at) {
  long long a = x.agency_id, s = x.subject_id;
  std::string subject(to_string(x.subject)), form(to_string(x.form)), basis(to_string(x.basis));
  int year = x.year;
  NullableId by(user_id);
  tx.sql() << sql::kInsertImportedAward, soci::use(a), soci::use(subject), soci::use(s), soci::use(x.subject_name),
      soci::use(form), soci::use(basis), soci::use(year), soci::use(x.decision_ref), soci::use(x.decision_date),
      soci::use(x.issuer), soci::use(x.note), soci::use(by.id, by.ind), soci::use(at);
  return last_insert_id(tx, "award");
}

EligibilityInput eligibility_facts(Tx& tx, std::int64_t agency_id, int year, const std::string& as_of,
                                   std::optional<std::int64_t> movement_id) {
  EligibilityInput in;
  in.year = year;
  in.movement_id = movement_id;
  in.as_of = as_of;
  long long a = agency_id;
  const std::string start = std::to_string(year) + "-01-01";
  const std::string end = std::to_string(year) + "-12-31";
  std::unordered_map<std::int64_t, std::size_t> person_at;
  std::unordered_map<std::int64_t, std::size_t> unit_at;

  // Units (active), then people and their placements: members are the people placed in a unit
  // during the year.
  for (auto& u : list_units(tx, agency_id, false)) {
    UnitFacts f;
    f.id = u.id;
    f.name = u.name;
    unit_at[u.id] = in.units.size();
    in.units.push_back(std::move(f));
  }
  {
    long long id = 0, unit = 0;
    std::string name, sort_key, gender, from, until;
    auto st = tx.prepared(sql::kPlacementsInYear);
    st->exchange(soci::into(id));
    st->exchange(soci::into(name));
    st->exchange(soci::into(sort_key));
    st->exchange(soci::into(gender));
    st->exchange(soci::into(unit));
    st->exchange(soci::into(from));
    st->exchange(soci::into(until));
    st->exchange(soci::use(a));
    st->exchange(soci::use(end));
    st->exchange(soci::use(start));
    each_row(*st, [&] {
      auto [it, fresh] = person_at.try_emplace(id, in.people.size());
      if (fresh) {
        PersonFacts p;
        p.id = id;
        p.name = name;
        p.sort_key = sort_key;
        p.female = gender == "female";
        in.people.push_back(std::move(p));
      }
      PersonFacts& p = in.people[it->second];
      p.unit_id = unit;
      p.placements.push_back({from, until});
      if (auto u = unit_at.find(unit); u != unit_at.end()) {
        auto& members = in.units[u->second].members;
        if (members.empty() || members.back() != id) members.push_back(id);
      }
    });
  }
  {
    std::string kind, rating;
    long long subject = 0;
    auto st = tx.prepared(sql::kRatingsOfYear);
    st->exchange(soci::into(kind));
    st->exchange(soci::into(subject));
    st->exchange(soci::into(rating));
    st->exchange(soci::use(a));
    st->exchange(soci::use(year));
    each_row(*st, [&] {
      auto r = parse_rating(rating);
      if (kind == "person") {
        if (auto it = person_at.find(subject); it != person_at.end()) in.people[it->second].rating = r;
      } else if (auto it = unit_at.find(subject); it != unit_at.end()) {
        in.units[it->second].rating = r;
      }
    });
  }
  {
    long long person = 0;
    std::string level, decided, ended;
    auto st = tx.prepared(sql::kSanctionsOfYear);
    st->exchange(soci::into(person));
    st->exchange(soci::into(level));
    st->exchange(soci::into(decided));
    st->exchange(soci::into(ended));
    st->exchange(soci::use(a));
    st->exchange(soci::use(end));
    st->exchange(soci::use(start));
    each_row(*st, [&] {
      auto it = person_at.find(person);
      if (it == person_at.end()) return;
      in.people[it->second].sanctions.push_back(
          {parse_sanction_level(level).value_or(SanctionLevel::reprimand), decided, ended});
    });
  }
  {
    std::string subject_kind, kind, opened, closed;
    long long subject = 0;
    auto st = tx.prepared(sql::kCasesOpenBy);
    st->exchange(soci::into(subject_kind));
    st->exchange(soci::into(subject));
    st->exchange(soci::into(kind));
    st->exchange(soci::into(opened));
    st->exchange(soci::into(closed));
    st->exchange(soci::use(a));
    st->exchange(soci::use(as_of));
    st->exchange(soci::use(start));
    each_row(*st, [&] {
      CaseFact c{parse_case_kind(kind).value_or(CaseKind::complaint), opened, closed};
      if (subject_kind == "person") {
        if (auto it = person_at.find(subject); it != person_at.end()) in.people[it->second].cases.push_back(c);
      } else if (auto it = unit_at.find(subject); it != unit_at.end()) {
        in.units[it->second].cases.push_back(c);
      }
    });
  }
  {
    long long person = 0;
    std::string kind, from, to;
    auto st = tx.prepared(sql::kLeavesOfYear);
    st->exchange(soci::into(person));
    st->exchange(soci::into(kind));
    st->exchange(soci::into(from));
    st->exchange(soci::into(to));
    st->exchange(soci::use(a));
    st->exchange(soci::use(end));
    st->exchange(soci::use(start));
    each_row(*st, [&] {
      auto it = person_at.find(person);
      if (it == person_at.end()) return;
      in.people[it->second].leaves.push_back({parse_leave_kind(kind).value_or(LeaveKind::unpaid), from, to});
    });
  }
  {
    long long person = 0, initiative = 0;
    int use_year = 0;
    std::string level, recognised, basis;
    auto st = tx.prepared(sql::kInitiativesOfAuthors);
    st->exchange(soci::into(person));
    st->exchange(soci::into(initiative));
    st->exchange(soci::into(level));
    st->exchange(soci::into(recognised));
    st->exchange(soci::into(basis));
    st->exchange(soci::into(use_year));
    st->exchange(soci::use(a));
    st->exchange(soci::use(end));
    each_row(*st, [&] {
      auto it = person_at.find(person);
      if (it == person_at.end()) return;
      auto& list = in.people[it->second].initiatives;
      if (list.empty() || list.back().id != initiative) {
        InitiativeFact f;
        f.id = initiative;
        f.level = parse_initiative_level(level).value_or(InitiativeLevel::none);
        f.recognised_on = recognised;
        list.push_back(std::move(f));
      }
      if (!basis.empty()) list.back().uses.emplace_back(basis, use_year);
    });
  }
  {
    std::string kind, form, basis;
    long long subject = 0, movement = 0;
    int award_year = 0, from = year - 6;
    auto st = tx.prepared(sql::kAwardsSince);
    st->exchange(soci::into(kind));
    st->exchange(soci::into(subject));
    st->exchange(soci::into(form));
    st->exchange(soci::into(basis));
    st->exchange(soci::into(award_year));
    st->exchange(soci::into(movement));
    st->exchange(soci::use(a));
    st->exchange(soci::use(from));
    st->exchange(soci::use(year));
    each_row(*st, [&] {
      auto f = parse_award_form(form);
      if (!f) return;
      AwardFact x{*f, parse_award_basis(basis).value_or(AwardBasis::yearly), award_year, std::nullopt};
      if (movement != 0) x.movement_id = movement;
      if (kind == "person") {
        if (auto it = person_at.find(subject); it != person_at.end()) in.people[it->second].awards.push_back(x);
      } else if (kind == "unit") {
        if (auto it = unit_at.find(subject); it != unit_at.end()) in.units[it->second].awards.push_back(x);
      }
    });
  }
  for (bool people : {true, false}) {
    long long key = 0, count = 0, m = movement_id.value_or(0);
    const char* q = people ? (movement_id ? sql::kPersonAchievementsOfMovement : sql::kPersonAchievements)
                           : (movement_id ? sql::kUnitAchievementsOfMovement : sql::kUnitAchievements);
    auto st = tx.prepared(q);
    st->exchange(soci::into(key));
    st->exchange(soci::into(count));
    st->exchange(soci::use(year));
    if (movement_id) st->exchange(soci::use(m));
    st->exchange(soci::use(a));
    each_row(*st, [&] {
      if (people) {
        if (auto it = person_at.find(key); it != person_at.end()) in.people[it->second].achievements = static_cast<int>(count);
      } else if (auto it = unit_at.find(key); it != unit_at.end()) {
        in.units[it->second].achievements = static_cast<int>(count);
      }
    });
  }
  {
    long long id = 0;
    std::string name;
    auto st = tx.prepared(sql::kHouseholdsOfAgency);
    st->exchange(soci::into(id));
    st->exchange(soci::into(name));
    st->exchange(soci::use(a));
    each_row(*st, [&] {
      HouseholdFacts h;
      h.id = id;
      h.name = name;
      in.households.push_back(std::move(h));
    });
  }
  return in;
}

}  // namespace thidua::storage
