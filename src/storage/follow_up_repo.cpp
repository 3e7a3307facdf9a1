#include "storage/follow_up_repo.hpp"

#include <soci/soci.h>

#include "storage/follow_up_sql.hpp"

namespace thidua::storage {

namespace {

const char* achievement_where(FollowUpSubject s) {
  switch (s) {
    case FollowUpSubject::unit: return sql::kFollowUpUnitWhere;
    case FollowUpSubject::person: return sql::kFollowUpPersonWhere;
    case FollowUpSubject::agency: break;
  }
  return sql::kFollowUpAgencyWhere;
}

/// The values every achievement WHERE binds, in its order, kept alive while the statement runs.
struct AchievementBinds {
  long long subject, movement;
  int first_year, last_year;
  std::string from, to;
  explicit AchievementBinds(const FollowUpPeriod& p)
      : subject(p.subject_id), movement(p.movement_id), first_year(p.first_year), last_year(p.last_year),
        from(p.from), to(p.to) {}
  void bind(soci::statement& st, bool dates = true) {
    st.exchange(soci::use(subject));
    st.exchange(soci::use(movement));
    st.exchange(soci::use(first_year));
    st.exchange(soci::use(last_year));
    if (!dates) return;
    st.exchange(soci::use(from));
    st.exchange(soci::use(to));
  }
};

/// Runs `st` and calls `row()` for each row fetched.
template <class Row>
void each(Prepared& st, Row&& row) {
  st->define_and_bind();
  if (!st->execute(true)) return;
  do {
    row();
  } while (st->fetch());
}

/// The scope's extra condition of an award query and how many times it binds the id.
std::pair<const char*, int> award_scope(FollowUpSubject s, const char* unit, int unit_binds, const char* person) {
  switch (s) {
    case FollowUpSubject::unit: return {unit, unit_binds};
    case FollowUpSubject::person: return {person, 1};
    case FollowUpSubject::agency: break;
  }
  return {"", 0};
}

std::size_t award_column(const std::string& subject_kind) {
  if (subject_kind == "unit") return 1;
  if (subject_kind == "household") return 2;
  return 0;
}

}  // namespace

std::vector<AchievedRow> follow_up_achieved(Tx& tx, const FollowUpPeriod& p) {
  return achieved_in_period(tx, std::string(achievement_where(p.subject)) + sql::kFollowUpAchievedGroup, p.subject_id,
                            p.movement_id, p.first_year, p.last_year, p.from, p.to);
}

std::vector<MobilisedRow> follow_up_mobilised(Tx& tx, const FollowUpPeriod& p) {
  std::vector<MobilisedRow> out;
  MobilisedRow r;
  long long unit = 0, item = 0, commune = 0;
  AchievementBinds b(p);
  auto st = tx.prepared(std::string(sql::kFollowUpMobilisedSelect) + achievement_where(p.subject) +
                        sql::kFollowUpMobilisedTail);
  st->exchange(soci::into(unit));
  st->exchange(soci::into(item));
  st->exchange(soci::into(commune));
  st->exchange(soci::into(r.donor_kind));
  st->exchange(soci::into(r.donor_scope));
  st->exchange(soci::into(r.cash_vnd));
  st->exchange(soci::into(r.goods_vnd));
  st->exchange(soci::into(r.workdays));
  st->exchange(soci::into(r.land_m2));
  st->exchange(soci::into(r.records));
  b.bind(*st);
  each(st, [&] {
    r.unit_id = unit;
    r.item_id = item;
    r.commune_id = commune;
    out.push_back(r);
  });
  return out;
}

std::vector<PledgedRow> follow_up_pledged(Tx& tx, const FollowUpPeriod& p) {
  const char* where = p.subject == FollowUpSubject::unit     ? sql::kFollowUpPledgedUnit
                      : p.subject == FollowUpSubject::person ? sql::kFollowUpPledgedPerson
                                                             : sql::kFollowUpPledgedAgency;
  std::vector<PledgedRow> out;
  PledgedRow r;
  long long unit = 0, item = 0;
  AchievementBinds b(p);
  auto st = tx.prepared(std::string(sql::kFollowUpPledgedSelect) + where);
  st->exchange(soci::into(unit));
  st->exchange(soci::into(r.year));
  st->exchange(soci::into(r.status));
  st->exchange(soci::into(item));
  st->exchange(soci::into(r.measure));
  st->exchange(soci::into(r.target));
  b.bind(*st, false);
  each(st, [&] {
    r.unit_id = unit;
    r.item_id = item;
    out.push_back(r);
  });
  return out;
}

std::vector<RoleModelRow> follow_up_role_models(Tx& tx, const FollowUpPeriod& p) {
  std::vector<RoleModelRow> out;
  RoleModelRow r;
  long long id = 0;
  AchievementBinds b(p);
  auto st = tx.prepared(std::string(sql::kFollowUpRoleModelSelect) + achievement_where(p.subject) +
                        sql::kFollowUpRoleModelTail);
  st->exchange(soci::into(id));
  st->exchange(soci::into(r.title));
  st->exchange(soci::into(r.model_kind));
  st->exchange(soci::into(r.model_name));
  st->exchange(soci::into(r.who));
  st->exchange(soci::into(r.occurred_on));
  b.bind(*st);
  each(st, [&] {
    r.achievement_id = id;
    out.push_back(r);
  });
  return out;
}

std::vector<AssessmentPoint> follow_up_assessments(Tx& tx, const FollowUpPeriod& p) {
  std::vector<AssessmentPoint> out;
  AssessmentPoint r;
  long long commune = 0, set = 0, agency = p.agency_id;
  std::string to = p.to;
  auto st = tx.prepared(sql::kFollowUpAssessments);
  st->exchange(soci::into(commune));
  st->exchange(soci::into(r.assessed_on));
  st->exchange(soci::into(r.met));
  st->exchange(soci::into(r.total));
  st->exchange(soci::into(set));
  st->exchange(soci::into(r.set_name));
  st->exchange(soci::into(r.set_level));
  st->exchange(soci::into(r.set_from));
  st->exchange(soci::into(r.set_to));
  st->exchange(soci::use(to));
  st->exchange(soci::use(agency));
  each(st, [&] {
    r.commune_id = commune;
    r.set_id = set;
    out.push_back(r);
  });
  return out;
}

std::vector<RecognitionPoint> follow_up_recognitions(Tx& tx, const FollowUpPeriod& p) {
  std::vector<RecognitionPoint> out;
  RecognitionPoint r;
  long long commune = 0, agency = p.agency_id;
  int year = p.last_year;
  auto st = tx.prepared(sql::kFollowUpRecognitions);
  st->exchange(soci::into(commune));
  st->exchange(soci::into(r.level));
  st->exchange(soci::into(r.event));
  st->exchange(soci::into(r.year));
  st->exchange(soci::use(year));
  st->exchange(soci::use(agency));
  each(st, [&] {
    r.commune_id = commune;
    out.push_back(r);
  });
  return out;
}

std::vector<InitiativeRow> follow_up_initiatives(Tx& tx, const FollowUpPeriod& p) {
  std::string text = sql::kFollowUpInitiatives;
  if (p.subject == FollowUpSubject::unit) text += sql::kFollowUpInitiativesOfUnit;
  if (p.subject == FollowUpSubject::person) text += sql::kFollowUpInitiativesOfPerson;
  text += sql::kFollowUpInitiativesOrder;
  std::vector<InitiativeRow> out;
  long long id = 0, agency = p.agency_id, movement = p.movement_id, subject = p.subject_id;
  std::string title, level, date, author;
  std::string from = p.from, to = p.to;
  auto st = tx.prepared(text);
  st->exchange(soci::into(id));
  st->exchange(soci::into(title));
  st->exchange(soci::into(level));
  st->exchange(soci::into(date));
  st->exchange(soci::into(author));
  st->exchange(soci::use(agency));
  st->exchange(soci::use(movement));
  st->exchange(soci::use(movement));
  st->exchange(soci::use(from));
  st->exchange(soci::use(to));
  if (p.subject != FollowUpSubject::agency) st->exchange(soci::use(subject));
  each(st, [&] {
    if (out.empty() || out.back().id != id) out.push_back({id, title, level == "none" ? "" : level, date, {}});
    if (!author.empty()) out.back().authors.push_back(author);
  });
  return out;
}

std::vector<AwardFormRow> follow_up_awards(Tx& tx, const FollowUpPeriod& p) {
  std::vector<AwardFormRow> out;
  auto row_for = [&](const std::string& form) -> AwardFormRow& {
    for (auto& r : out) {
      if (r.form == form) return r;
    }
    out.push_back({form, {}});
    return out.back();
  };
  long long agency = p.agency_id, movement = p.movement_id, subject = p.subject_id;
  int first = p.first_year, last = p.last_year;
  // Three reads with the same shape: given, nominated, proposed higher.
  struct Part {
    const char* select;
    const char* unit;
    int unit_binds;
    const char* person;
    const char* group;
    bool movement;
    bool given;
  };
  const Part parts[] = {
      {sql::kFollowUpAwardsGiven, sql::kFollowUpAwardsGivenUnit, 2, sql::kFollowUpAwardsGivenPerson,
       sql::kFollowUpAwardsGivenGroup, true, true},
      {sql::kFollowUpNominated, sql::kFollowUpNominatedUnit, 1, sql::kFollowUpNominatedPerson,
       sql::kFollowUpNominatedGroup, true, false},
      {sql::kFollowUpHigher, sql::kFollowUpHigherUnit, 2, sql::kFollowUpHigherPerson, sql::kFollowUpHigherGroup, false,
       false},
  };
  for (const auto& part : parts) {
    auto [extra, ids] = award_scope(p.subject, part.unit, part.unit_binds, part.person);
    std::string form, kind;
    long long count = 0;
    auto st = tx.prepared(std::string(part.select) + extra + part.group);
    st->exchange(soci::into(form));
    if (part.given) st->exchange(soci::into(kind));
    st->exchange(soci::into(count));
    st->exchange(soci::use(agency));
    st->exchange(soci::use(first));
    st->exchange(soci::use(last));
    if (part.movement) st->exchange(soci::use(movement));
    for (int i = 0; i < ids; ++i) st->exchange(soci::use(subject));
    each(st, [&] { row_for(form).counts[part.given ? award_column(kind) : 3] += count; });
  }
  return out;
}

}  // namespace thidua::storage
