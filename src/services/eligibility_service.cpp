#include "services/eligibility_service.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include <boost/json.hpp>

#include "services/achievement_rights.hpp"
#include "services/audit_service.hpp"
#include "services/rule_set_files.hpp"
#include "services/scope.hpp"
#include "services/validation.hpp"
#include "storage/org_repo.hpp"
#include "storage/people_repo.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;

namespace {

int current_year(TimePoint now) { return std::stoi(today_iso(now).substr(0, 4)); }

/// The day pending cases are judged on: today, but no later than the end of the year after
/// (a case opened years later does not reach back to an old list).
std::string as_of_for(int year, TimePoint now) {
  const std::string today = today_iso(now);
  const std::string limit = std::to_string(year + 1) + "-12-31";
  return std::min(today, limit);
}

Result<int> year_of(const std::string& typed, TimePoint now, const std::string& field = "year") {
  int y = 0;
  const std::string t = std::string(text::trim(typed));
  if (t.size() != 4 || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return fail(invalid().field(field, "eligibility.year_invalid"));
  }
  y = std::stoi(t);
  if (y < kEligibilityFirstYear || y > current_year(now) + 1) {
    Error e = invalid().field(field, "eligibility.year_out_of_range");
    e.with("first", std::to_string(kEligibilityFirstYear)).with("last", std::to_string(current_year(now) + 1));
    return fail(std::move(e));
  }
  return y;
}

std::optional<std::int64_t> id_of(const std::string& typed) {
  const std::string t = std::string(text::trim(typed));
  if (t.empty() || t.size() > 18 || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoll(t);
}

/// Rating as typed: its code or its Vietnamese name.
std::optional<Rating> rating_of(const std::string& typed) {
  const std::string t = std::string(text::trim(typed));
  if (auto r = parse_rating(t)) return r;
  const std::string k = text::fold(t);
  if (k == "hoan thanh xuat sac nhiem vu" || k == "hoan thanh xuat sac") return Rating::excellent;
  if (k == "hoan thanh tot nhiem vu" || k == "hoan thanh tot") return Rating::good;
  if (k == "hoan thanh nhiem vu" || k == "hoan thanh") return Rating::completed;
  if (k == "khong hoan thanh nhiem vu" || k == "khong hoan thanh") return Rating::not_completed;
  return std::nullopt;
}

Result<bool> require_manager(const Principal& actor, std::int64_t agency_id) {
  if (!can_manage_agency(actor, agency_id)) return fail(ErrorKind::forbidden, "eligibility.office_only");
  return true;
}

/// The person of the agency, or "not found" (another agency's person is not revealed).
Result<Person> person_of_agency(storage::Tx& tx, std::int64_t agency_id, std::optional<std::int64_t> id,
                                const std::string& field) {
  if (!id) return fail(invalid().field(field, "eligibility.subject_invalid"));
  auto p = storage::find_person(tx, *id);
  if (!p || p->agency_id != agency_id) return fail(ErrorKind::not_found, "eligibility.subject_not_found");
  return *p;
}

Result<Unit> unit_of_agency(storage::Tx& tx, std::int64_t agency_id, std::optional<std::int64_t> id,
                            const std::string& field) {
  if (!id) return fail(invalid().field(field, "eligibility.subject_invalid"));
  auto u = storage::find_unit(tx, *id);
  if (!u || u->agency_id != agency_id) return fail(ErrorKind::not_found, "eligibility.subject_not_found");
  return *u;
}

std::optional<std::int64_t> user_of(const Principal& p) {
  if (p.user_id > 0) return p.user_id;
  return std::nullopt;
}

}  // namespace

EligibilityService::EligibilityService(std::shared_ptr<storage::Database> db, Clock clock,
                                       std::vector<std::string> scopes, std::string rules_dir)
    : db_(std::move(db)), clock_(std::move(clock)), scopes_(std::move(scopes)), rules_dir_(std::move(rules_dir)) {}

int EligibilityService::default_year() const { return current_year(clock_()) - 1; }

Result<RuleSet> EligibilityService::rule_set(int year) const { return rule_set_for_year(year, scopes_, rules_dir_); }

Result<EligibilityView> EligibilityService::compute(const Principal& actor, const EligibilityQuery& q) const {
  const auto now = clock_();
  if (q.year < kEligibilityFirstYear || q.year > current_year(now) + 1) {
    Error e = invalid().field("year", "eligibility.year_out_of_range");
    e.with("first", std::to_string(kEligibilityFirstYear)).with("last", std::to_string(current_year(now) + 1));
    return fail(std::move(e));
  }
  auto rules = rule_set(q.year);
  if (!rules) return fail(rules.error());
  return db_->read([&](storage::Tx& tx) -> Result<EligibilityView> {
    RecordRights rights = record_rights(tx, actor, q.agency_id);
    if (!rights.readable) return fail(ErrorKind::not_found, "eligibility.agency_not_found");
    if (q.unit_id) {
      auto u = storage::find_unit(tx, *q.unit_id);
      if (!u || u->agency_id != q.agency_id) return fail(ErrorKind::not_found, "eligibility.unit_not_found");
      if (!rights.may_see_unit(*q.unit_id)) return fail(ErrorKind::forbidden, "eligibility.forbidden");
    }
    EligibilityView v;
    v.year = q.year;
    v.as_of = as_of_for(q.year, now);
    v.rules = *rules;
    v.manages = rights.manages;
    EligibilityInput in = storage::eligibility_facts(tx, q.agency_id, q.year, v.as_of, q.movement_id);
    for (const auto& u : in.units) {
      if (rights.oversees || rights.heads(u.id)) v.units.push_back({u.id, u.name});
    }
    // The whole list is evaluated (caps and members' shares need it); the reader sees their part.
    EligibilityReport report = evaluate_eligibility(*rules, in);
    auto person_visible = [&](const SubjectVerdicts& s) {
      if (q.unit_id && s.unit_id != *q.unit_id) return false;
      if (rights.oversees || rights.heads(s.unit_id)) return true;
      return rights.person_id && *rights.person_id == s.id;
    };
    auto unit_visible = [&](const SubjectVerdicts& s) {
      if (q.unit_id && s.id != *q.unit_id) return false;
      return rights.oversees || rights.heads(s.id);
    };
    std::erase_if(report.people, [&](const SubjectVerdicts& s) { return !person_visible(s); });
    std::erase_if(report.units, [&](const SubjectVerdicts& s) { return !unit_visible(s); });
    if (!rights.oversees || q.unit_id) report.households.clear();
    // People in name order (the facts come in id order).
    std::unordered_map<std::int64_t, std::string> keys;
    for (const auto& p : in.people) keys[p.id] = p.sort_key;
    std::stable_sort(report.people.begin(), report.people.end(),
                     [&](const SubjectVerdicts& a, const SubjectVerdicts& b) { return keys[a.id] < keys[b.id]; });
    v.report = std::move(report);
    return v;
  });
}

Result<FormVerdict> EligibilityService::verdict_for(std::int64_t agency_id, AwardSubject subject,
                                                    std::int64_t subject_id, AwardForm form, int year,
                                                    std::optional<std::int64_t> movement_id) const {
  const auto now = clock_();
  if (year < kEligibilityFirstYear || year > current_year(now) + 1) {
    return fail(invalid().field("year", "eligibility.year_out_of_range"));
  }
  auto rules = rule_set(year);
  if (!rules) return fail(rules.error());
  return db_->read([&](storage::Tx& tx) -> Result<FormVerdict> {
    EligibilityInput in = storage::eligibility_facts(tx, agency_id, year, as_of_for(year, now), movement_id);
    EligibilityReport report = evaluate_eligibility(*rules, in);
    const auto& list = subject == AwardSubject::person ? report.people
                       : subject == AwardSubject::unit ? report.units
                                                       : report.households;
    for (const auto& s : list) {
      if (s.id != subject_id) continue;
      if (const auto* v = s.find(form)) return *v;
    }
    FormVerdict none;
    none.form = form;
    none.verdict = Verdict::cannot_tell;
    return none;
  });
}

Result<std::int64_t> EligibilityService::record_rating(const Principal& actor, std::int64_t agency_id,
                                                       const RatingInput& in) {
  const auto now = clock_();
  if (auto ok = require_manager(actor, agency_id); !ok) return fail(ok.error());
  Error e = invalid();
  auto year = year_of(in.year, now);
  if (!year) e.fields.insert(e.fields.end(), year.error().fields.begin(), year.error().fields.end());
  auto rating = rating_of(in.rating);
  if (!rating) e.field("rating", "eligibility.rating_unknown");
  auto subject = parse_award_subject(in.subject);
  if (!subject || *subject == AwardSubject::household) e.field("subject", "eligibility.subject_invalid");
  std::string reason;
  optional_text(e, "reason", in.reason, 1000, reason);
  if (!e.fields.empty()) {
    if (!year) e.params = year.error().params;
    return fail(std::move(e));
  }
  return db_->write([&](storage::Tx& tx) -> Result<std::int64_t> {
    std::string name;
    std::int64_t subject_id = 0;
    if (*subject == AwardSubject::person) {
      auto p = person_of_agency(tx, agency_id, id_of(in.subject_id), "subject_id");
      if (!p) return fail(p.error());
      subject_id = p->id;
      name = p->full_name;
    } else {
      auto u = unit_of_agency(tx, agency_id, id_of(in.subject_id), "subject_id");
      if (!u) return fail(u.error());
      subject_id = u->id;
      name = u->name;
    }
    auto history = storage::rating_history(tx, *subject, subject_id, *year);
    if (!history.empty() && reason.empty()) return fail(invalid().field("reason", "eligibility.reason_required"));
    if (!history.empty() && history.front().rating == *rating) {
      return fail(invalid().field("rating", "eligibility.rating_unchanged"));
    }
    const auto at = to_iso(now);
    auto id = storage::insert_rating(tx, agency_id, *subject, subject_id, *year, *rating, reason, "typed",
                                     user_of(actor), at);
    json::object before;
    if (!history.empty()) before = {{"rating", to_string(history.front().rating)}, {"id", history.front().id}};
    json::object after{{"subject", to_string(*subject)}, {"subject_id", subject_id}, {"name", name},
                       {"year", *year},                 {"rating", to_string(*rating)}, {"reason", reason}};
    record_audit(tx, actor,
                 {history.empty() ? "rating.record" : "rating.correct", "task_rating", std::to_string(id),
                  history.empty() ? "" : json::serialize(before), json::serialize(after)},
                 now);
    return id;
  });
}

Result<std::vector<storage::RatingRow>> EligibilityService::rating_history(const Principal& actor,
                                                                           std::int64_t agency_id,
                                                                           const std::string& subject,
                                                                           std::int64_t subject_id, int year) const {
  auto kind = parse_award_subject(subject);
  if (!kind || *kind == AwardSubject::household) return fail(invalid().field("subject", "eligibility.subject_invalid"));
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<storage::RatingRow>> {
    RecordRights rights = record_rights(tx, actor, agency_id);
    if (!rights.readable) return fail(ErrorKind::not_found, "eligibility.subject_not_found");
    std::int64_t unit = subject_id;
    if (*kind == AwardSubject::person) {
      auto p = person_of_agency(tx, agency_id, subject_id, "subject_id");
      if (!p) return fail(p.error());
      unit = p->unit_id;
      if (!rights.oversees && !rights.heads(unit) && !(rights.person_id && *rights.person_id == p->id)) {
        return fail(ErrorKind::forbidden, "eligibility.forbidden");
      }
    } else {
      auto u = unit_of_agency(tx, agency_id, subject_id, "subject_id");
      if (!u) return fail(u.error());
      if (!rights.oversees && !rights.heads(unit)) return fail(ErrorKind::forbidden, "eligibility.forbidden");
    }
    return storage::rating_history(tx, *kind, subject_id, year);
  });
}

Result<std::int64_t> EligibilityService::record_sanction(const Principal& actor, std::int64_t agency_id,
                                                         const SanctionFormInput& in) {
  const auto now = clock_();
  if (auto ok = require_manager(actor, agency_id); !ok) return fail(ok.error());
  Error e = invalid();
  storage::SanctionInput s;
  s.agency_id = agency_id;
  auto level = parse_sanction_level(std::string(text::trim(in.level)));
  if (!level) e.field("level", "eligibility.level_unknown");
  else s.level = *level;
  s.decided_on = date_field(e, "decided_on", in.decided_on, true);
  s.ended_on = date_field(e, "ended_on", in.ended_on, false);
  if (!s.ended_on.empty() && !s.decided_on.empty() && s.ended_on < s.decided_on) {
    e.field("ended_on", "eligibility.end_before_start");
  }
  if (!s.decided_on.empty() && s.decided_on > today_iso(now)) e.field("decided_on", "eligibility.date_in_future");
  optional_text(e, "decision_ref", in.decision_ref, 100, s.decision_ref);
  optional_text(e, "note", in.note, 1000, s.note);
  if (!e.fields.empty()) return fail(std::move(e));
  return db_->write([&](storage::Tx& tx) -> Result<std::int64_t> {
    auto p = person_of_agency(tx, agency_id, id_of(in.person_id), "person_id");
    if (!p) return fail(p.error());
    s.person_id = p->id;
    auto id = storage::insert_sanction(tx, s, user_of(actor), to_iso(now));
    json::object after{{"person_id", s.person_id}, {"name", p->full_name},     {"level", to_string(s.level)},
                       {"decided_on", s.decided_on}, {"ended_on", s.ended_on}, {"decision_ref", s.decision_ref}};
    record_audit(tx, actor, {"sanction.record", "sanction", std::to_string(id), "", json::serialize(after)}, now);
    return id;
  });
}

Result<std::int64_t> EligibilityService::record_case(const Principal& actor, std::int64_t agency_id,
                                                     const CaseFormInput& in) {
  const auto now = clock_();
  if (auto ok = require_manager(actor, agency_id); !ok) return fail(ok.error());
  Error e = invalid();
  storage::CaseInput c;
  c.agency_id = agency_id;
  auto subject = parse_award_subject(std::string(text::trim(in.subject)));
  if (!subject || *subject == AwardSubject::household) e.field("subject", "eligibility.subject_invalid");
  else c.subject = *subject;
  auto kind = parse_case_kind(std::string(text::trim(in.kind)));
  if (!kind) e.field("kind", "eligibility.case_unknown");
  else c.kind = *kind;
  c.opened_on = date_field(e, "opened_on", in.opened_on, true);
  c.closed_on = date_field(e, "closed_on", in.closed_on, false);
  if (!c.closed_on.empty() && !c.opened_on.empty() && c.closed_on < c.opened_on) {
    e.field("closed_on", "eligibility.end_before_start");
  }
  optional_text(e, "note", in.note, 1000, c.note);
  if (!e.fields.empty()) return fail(std::move(e));
  return db_->write([&](storage::Tx& tx) -> Result<std::int64_t> {
    std::string name;
    if (c.subject == AwardSubject::person) {
      auto p = person_of_agency(tx, agency_id, id_of(in.subject_id), "subject_id");
      if (!p) return fail(p.error());
      c.subject_id = p->id;
      name = p->full_name;
    } else {
      auto u = unit_of_agency(tx, agency_id, id_of(in.subject_id), "subject_id");
      if (!u) return fail(u.error());
      c.subject_id = u->id;
      name = u->name;
    }
    auto id = storage::insert_case(tx, c, user_of(actor), to_iso(now));
    json::object after{{"subject", to_string(c.subject)}, {"subject_id", c.subject_id}, {"name", name},
                       {"kind", to_string(c.kind)},       {"opened_on", c.opened_on},   {"closed_on", c.closed_on}};
    record_audit(tx, actor, {"pending_case.record", "pending_case", std::to_string(id), "", json::serialize(after)},
                 now);
    return id;
  });
}

Result<std::vector<OpenCase>> EligibilityService::open_cases(const Principal& actor, std::int64_t agency_id) const {
  if (auto ok = require_manager(actor, agency_id); !ok) return fail(ok.error());
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<OpenCase>> {
    std::vector<OpenCase> out;
    for (auto& c : storage::open_cases(tx, agency_id)) {
      std::string name;
      if (c.subject == AwardSubject::person) {
        if (auto p = person_of_agency(tx, agency_id, c.subject_id, "subject_id")) name = p->full_name;
      } else if (auto u = unit_of_agency(tx, agency_id, c.subject_id, "subject_id")) {
        name = u->name;
      }
      out.push_back({std::move(c), std::move(name)});
    }
    return out;
  });
}

Result<void> EligibilityService::close_case(const Principal& actor, std::int64_t agency_id, std::int64_t case_id,
                                            const std::string& closed_on_in) {
  const auto now = clock_();
  if (auto ok = require_manager(actor, agency_id); !ok) return fail(ok.error());
  Error e = invalid();
  const std::string closed_on = date_field(e, "closed_on", closed_on_in, true);
  if (!e.fields.empty()) return fail(std::move(e));
  return db_->write([&](storage::Tx& tx) -> Result<void> {
    std::optional<storage::OpenCaseRow> open;
    for (auto& c : storage::open_cases(tx, agency_id)) {
      if (c.id == case_id) open = std::move(c);
    }
    if (!open) return fail(ErrorKind::conflict, "eligibility.case_not_open");
    if (closed_on < open->opened_on) {
      return fail(invalid().field("closed_on", "eligibility.end_before_start"));
    }
    if (!storage::close_case(tx, agency_id, case_id, closed_on)) return fail(ErrorKind::conflict, "eligibility.case_not_open");
    json::object before{{"closed_on", nullptr}};
    json::object after{{"closed_on", closed_on}};
    record_audit(tx, actor,
                 {"pending_case.close", "pending_case", std::to_string(case_id), json::serialize(before),
                  json::serialize(after)},
                 now);
    return {};
  });
}

Result<std::int64_t> EligibilityService::record_leave(const Principal& actor, std::int64_t agency_id,
                                                      const LeaveFormInput& in) {
  const auto now = clock_();
  if (auto ok = require_manager(actor, agency_id); !ok) return fail(ok.error());
  Error e = invalid();
  storage::LeaveInput l;
  l.agency_id = agency_id;
  auto kind = parse_leave_kind(std::string(text::trim(in.kind)));
  if (!kind) e.field("kind", "eligibility.leave_unknown");
  else l.kind = *kind;
  l.from = date_field(e, "from", in.from, true);
  l.to = date_field(e, "to", in.to, true);
  if (!l.from.empty() && !l.to.empty() && l.to < l.from) e.field("to", "eligibility.end_before_start");
  optional_text(e, "note", in.note, 1000, l.note);
  if (!e.fields.empty()) return fail(std::move(e));
  return db_->write([&](storage::Tx& tx) -> Result<std::int64_t> {
    auto p = person_of_agency(tx, agency_id, id_of(in.person_id), "person_id");
    if (!p) return fail(p.error());
    l.person_id = p->id;
    auto id = storage::insert_leave(tx, l, user_of(actor), to_iso(now));
    json::object after{{"person_id", l.person_id}, {"name", p->full_name}, {"kind", to_string(l.kind)},
                       {"from", l.from},           {"to", l.to}};
    record_audit(tx, actor, {"leave.record", "leave_period", std::to_string(id), "", json::serialize(after)}, now);
    return id;
  });
}

Result<std::int64_t> EligibilityService::record_past_award(const Principal& actor, std::int64_t agency_id,
                                                           const AwardRecord& in) {
  const auto now = clock_();
  if (auto ok = require_manager(actor, agency_id); !ok) return fail(ok.error());
  Error e = invalid();
  if (!form_fits(in.form, in.subject)) e.field("form", "eligibility.form_does_not_fit");
  if (in.year < 1990 || in.year > current_year(now)) e.field("year", "eligibility.year_out_of_range");
  AwardRecord a = in;
  a.agency_id = agency_id;
  a.source = AwardSource::imported;
  required_text(e, "decision_ref", in.decision_ref, 100, a.decision_ref);
  a.decision_date = date_field(e, "decision_date", in.decision_date, false);
  optional_text(e, "issuer", in.issuer, 300, a.issuer);
  optional_text(e, "note", in.note, 1000, a.note);
  if (!e.fields.empty()) return fail(std::move(e));
  return db_->write([&](storage::Tx& tx) -> Result<std::int64_t> {
    if (a.subject == AwardSubject::person) {
      auto p = person_of_agency(tx, agency_id, in.subject_id, "subject_id");
      if (!p) return fail(p.error());
      a.subject_name = p->full_name;
    } else if (a.subject == AwardSubject::unit) {
      auto u = unit_of_agency(tx, agency_id, in.subject_id, "subject_id");
      if (!u) return fail(u.error());
      a.subject_name = u->name;
    } else {
      return fail(invalid().field("subject", "eligibility.subject_invalid"));
    }
    auto id = storage::insert_imported_award(tx, a, user_of(actor), to_iso(now));
    json::object after{{"subject", to_string(a.subject)}, {"subject_id", a.subject_id}, {"name", a.subject_name},
                       {"form", to_string(a.form)},       {"basis", to_string(a.basis)},  {"year", a.year},
                       {"decision_ref", a.decision_ref},   {"decision_date", a.decision_date}, {"issuer", a.issuer}};
    record_audit(tx, actor, {"award.import", "award", std::to_string(id), "", json::serialize(after)}, now);
    return id;
  });
}

Result<EligibilityService::RatingImport> EligibilityService::import_ratings(const Principal& actor,
                                                                            std::int64_t agency_id, int year,
                                                                            const std::vector<RatingLine>& rows,
                                                                            bool dry_run) {
  const auto now = clock_();
  if (auto ok = require_manager(actor, agency_id); !ok) return fail(ok.error());
  if (year < kEligibilityFirstYear || year > current_year(now) + 1) {
    return fail(invalid().field("year", "eligibility.year_out_of_range"));
  }
  return db_->write([&](storage::Tx& tx) -> Result<RatingImport> {
    RatingImport out;
    std::map<std::string, std::int64_t> unit_codes;
    for (const auto& u : storage::list_units(tx, agency_id, false)) unit_codes[u.code] = u.id;
    struct Ready {
      AwardSubject subject;
      std::int64_t id;
      Rating rating;
      std::string reason;
    };
    std::vector<Ready> ready;
    std::set<std::pair<int, std::int64_t>> seen;
    for (const auto& r : rows) {
      const std::string code = std::string(text::trim(r.code));
      auto rating = rating_of(r.rating);
      if (!rating) {
        out.problems.emplace_back(r.row, Error{ErrorKind::validation, "eligibility.rating_unknown", {}, {}, {}});
        continue;
      }
      std::optional<std::int64_t> person = storage::find_person_by_code(tx, agency_id, code);
      AwardSubject subject = AwardSubject::person;
      std::int64_t id = 0;
      if (person) {
        id = *person;
      } else if (auto u = unit_codes.find(code); u != unit_codes.end()) {
        subject = AwardSubject::unit;
        id = u->second;
      } else {
        Error e{ErrorKind::validation, "eligibility.code_unknown", {}, {}, {}};
        e.with("code", code);
        out.problems.emplace_back(r.row, std::move(e));
        continue;
      }
      if (!seen.insert({static_cast<int>(subject), id}).second) {
        out.problems.emplace_back(r.row, Error{ErrorKind::validation, "eligibility.row_twice", {}, {}, {}});
        continue;
      }
      ready.push_back({subject, id, *rating, std::string(text::trim(r.reason))});
    }
    if (!out.problems.empty() || dry_run) {
      out.written = 0;
      if (dry_run && out.problems.empty()) out.written = static_cast<int>(ready.size());
      // Nothing is written: returning an error would roll back too, but the caller wants the
      // list of problems, so the transaction simply writes nothing.
      return out;
    }
    const auto at = to_iso(now);
    for (const auto& r : ready) {
      storage::insert_rating(tx, agency_id, r.subject, r.id, year, r.rating,
                             r.reason.empty() ? std::string("XLSX") : r.reason, "imported", user_of(actor), at);
      ++out.written;
    }
    json::object after{{"year", year}, {"rows", out.written}};
    record_audit(tx, actor, {"rating.import", "task_rating", std::to_string(agency_id), "", json::serialize(after)},
                 now);
    return out;
  });
}

Result<EligibilityService::RatingImport> EligibilityService::import_past_awards(const Principal& actor,
                                                                                std::int64_t agency_id,
                                                                                const std::vector<AwardLine>& rows,
                                                                                bool dry_run) {
  const auto now = clock_();
  if (auto ok = require_manager(actor, agency_id); !ok) return fail(ok.error());
  return db_->write([&](storage::Tx& tx) -> Result<RatingImport> {
    RatingImport out;
    std::map<std::string, Unit> unit_codes;
    for (auto& u : storage::list_units(tx, agency_id, true)) unit_codes[u.code] = u;
    std::vector<AwardRecord> ready;
    for (const auto& r : rows) {
      auto problem = [&](const char* code) {
        out.problems.emplace_back(r.row, Error{ErrorKind::validation, code, {}, {}, {}});
      };
      AwardRecord a;
      a.agency_id = agency_id;
      a.basis = AwardBasis::yearly;
      a.source = AwardSource::imported;
      const std::string code(text::trim(r.code));
      if (auto person = storage::find_person_by_code(tx, agency_id, code)) {
        a.subject = AwardSubject::person;
        a.subject_id = *person;
        a.subject_name = storage::find_person(tx, *person)->full_name;
      } else if (auto u = unit_codes.find(code); u != unit_codes.end()) {
        a.subject = AwardSubject::unit;
        a.subject_id = u->second.id;
        a.subject_name = u->second.name;
      } else {
        Error e{ErrorKind::validation, "eligibility.code_unknown", {}, {}, {}};
        e.with("code", code);
        out.problems.emplace_back(r.row, std::move(e));
        continue;
      }
      if (!r.form) {
        problem("eligibility.form_unknown");
        continue;
      }
      a.form = *r.form;
      if (!form_fits(a.form, a.subject)) {
        problem("eligibility.form_does_not_fit");
        continue;
      }
      if (r.year < 1990 || r.year > current_year(now)) {
        problem("eligibility.year_out_of_range");
        continue;
      }
      a.year = r.year;
      Error e = invalid();
      required_text(e, "decision_ref", r.decision_ref, 100, a.decision_ref);
      a.decision_date = date_field(e, "decision_date", r.decision_date, false);
      optional_text(e, "issuer", r.issuer, 300, a.issuer);
      if (!e.fields.empty()) {
        problem(e.fields.front().code.c_str());
        continue;
      }
      ready.push_back(std::move(a));
    }
    if (!out.problems.empty() || dry_run) {
      if (dry_run && out.problems.empty()) out.written = static_cast<int>(ready.size());
      return out;
    }
    const auto at = to_iso(now);
    for (const auto& a : ready) {
      storage::insert_imported_award(tx, a, user_of(actor), at);
      ++out.written;
    }
    json::object after{{"rows", out.written}};
    record_audit(tx, actor, {"award.import_file", "award", std::to_string(agency_id), "", json::serialize(after)}, now);
    return out;
  });
}

std::string explain(const text::Catalogue& cat, text::Lang lang, const ConditionResult& c) {
  std::vector<std::pair<std::string, std::string>> params;
  params.reserve(c.params.size());
  for (const auto& [k, v] : c.params) {
    if (k == "form") params.emplace_back(k, cat.get(lang, "award_form." + v));
    else if (k == "rating" || (k == "actual" && parse_rating(v))) params.emplace_back(k, cat.get(lang, "eligibility.rating." + v));
    else if (k == "level" && parse_initiative_level(v)) params.emplace_back(k, cat.get(lang, "eligibility.initiative_level." + v));
    else if (k == "level" || k == "actual") params.emplace_back(k, cat.get(lang, "eligibility.sanction." + v));
    else if (k == "case") params.emplace_back(k, cat.get(lang, "eligibility.case." + v));
    else if (k == "as_of" || k == "opened" || k == "decided") {
      auto d = text::parse_iso_date(v);
      params.emplace_back(k, d ? text::format_date(*d) : v);
    }
    else if (k == "basis") {
      auto f = parse_award_form(v);
      params.emplace_back(k, f ? cat.get(lang, "award_form." + v) : v);
    } else params.emplace_back(k, v);
  }
  return cat.format(lang, "eligibility.why." + c.message, params);
}

}  // namespace thidua::services
