// Changes to the agency's communes: assignments, assessments, recognition events, and the
// indicators an administrator adds to the criteria. Each is one transaction, audited.

#include <algorithm>

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/commune_rules.hpp"
#include "services/commune_service.hpp"
#include "services/scope.hpp"
#include "services/validation.hpp"
#include "storage/assessment_repo.hpp"
#include "storage/commune_repo.hpp"
#include "storage/people_repo.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;
using namespace commune_rules;

namespace {

/// The assignment's fields from `in` into `a` (its agency and commune already set).
void assignment_fields(storage::Tx& tx, const AssignmentInput& in, CommuneAssignment& a, Error& e) {
  decision_ref_field(e, "decision_ref", in.decision_ref, true, a.decision_ref);
  a.decision_date = date_field(e, "decision_date", in.decision_date, false);
  if (auto l = parse_target_level(in.target_level)) {
    a.target_level = *l;
  } else {
    e.field("target_level", text::trim(in.target_level).empty() ? "validation.required" : "validation.invalid");
  }
  a.target_year = year_field(e, "target_year", in.target_year);
  if (text::trim(in.valid_from).empty()) {
    a.valid_from = a.decision_date;
    if (a.valid_from.empty() && text::trim(in.decision_date).empty()) e.field("valid_from", "validation.required");
  } else {
    a.valid_from = date_field(e, "valid_from", in.valid_from, true);
  }
  if (a.target_year && !a.valid_from.empty() && *a.target_year < std::stoi(a.valid_from.substr(0, 4))) {
    e.field("target_year", "assignment.year_before");
  }
  optional_text(e, "note", in.note, kText, a.note);
  std::string role;
  optional_text(e, "contact_role", in.contact_role, 100, role);
  a.contacts.clear();
  for (const auto& text : in.contact_ids) {
    if (text::trim(text).empty()) continue;
    // A ticked box sends the person's id; a typed box "Name (CODE)" from the page's list, or a code.
    char* end = nullptr;
    long long id = std::strtoll(text.c_str(), &end, 10);
    if (id <= 0 || !end || *end != '\0') {
      std::string code(text::trim(text));
      if (auto open = code.rfind('('); open != std::string::npos && code.back() == ')') {
        code = code.substr(open + 1, code.size() - open - 2);
      }
      id = storage::find_person_by_code(tx, a.agency_id, std::string(text::trim(code))).value_or(0);
    }
    auto person = id > 0 ? storage::find_person(tx, id) : std::nullopt;
    if (!person || person->agency_id != a.agency_id) {
      e.field("contact_ids", "assignment.contact_unknown");
      break;
    }
    bool dup = std::any_of(a.contacts.begin(), a.contacts.end(), [&](const AssignmentContact& c) { return c.person_id == id; });
    if (!dup) a.contacts.push_back({id, person->full_name, role});
  }
}

/// Another assignment of the same agency to the same commune over an overlapping period.
bool overlaps(storage::Tx& tx, const CommuneAssignment& a) {
  for (const auto& other : storage::commune_assignments(tx, a.commune_id)) {
    if (other.id == a.id || other.agency_id != a.agency_id) continue;
    bool before = !a.valid_to.empty() && a.valid_to <= other.valid_from;
    bool after = !other.valid_to.empty() && other.valid_to <= a.valid_from;
    if (!before && !after) return true;
  }
  return false;
}

/// Recorded assessments of the commune by the agency outside [from, to).
bool assessed_outside(storage::Tx& tx, const CommuneAssignment& a) {
  for (const auto& s : storage::commune_assessments(tx, a.commune_id, {a.agency_id})) {
    if (!s.withdrawn && !holds_on(a.valid_from, a.valid_to, s.assessed_on)) return true;
  }
  return false;
}

Result<CommuneAssignment> assignment_for_change(storage::Tx& tx, const Principal& actor, std::int64_t id,
                                                std::int64_t version) {
  auto a = storage::find_assignment(tx, id);
  if (!a || !can_read_agency(tx, actor, a->agency_id)) return fail(ErrorKind::not_found, "assignment.not_found");
  if (!manages_assignments(tx, actor, a->agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
  if (a->version != version) return fail(ErrorKind::conflict, "edit.stale");
  return *a;
}

}  // namespace

Result<std::vector<EvidenceRow>> CommuneService::attach_files(storage::Tx& tx, const Principal& actor,
                                                              const Assessment& a,
                                                              const std::vector<EvidenceUpload>& files,
                                                              TimePoint now) const {
  std::vector<EvidenceRow> out;
  if (files.empty()) return out;
  if (!evidence_) return fail(ErrorKind::internal, "internal", "evidence service not configured");
  for (const auto& f : files) {
    auto row = evidence_->attach(tx, actor, a.agency_id, "assessment", a.id, f);
    if (!row) return fail(row.error());
    json::object after{{"evidence_id", row->id}, {"file_name", row->file_name}};
    record_audit(tx, actor, {"assessment.file_add", "assessment", std::to_string(a.id), "", json::serialize(after)}, now);
    out.push_back(std::move(*row));
  }
  return out;
}

namespace {

Error field_error(ErrorKind kind, const std::string& code, const std::string& field) {
  return Error{kind, code, {}, {{field, code}}, ""};
}

}  // namespace

Result<CommuneAssignment> CommuneService::assign(const Principal& actor, std::int64_t agency_id,
                                                 const AssignmentInput& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<CommuneAssignment> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    if (!manages_assignments(tx, actor, agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
    Error e = invalid();
    CommuneAssignment a;
    a.agency_id = agency_id;
    std::string code(text::trim(in.commune_code));
    std::optional<Commune> commune;
    if (code.empty()) {
      e.field("commune_code", "validation.required");
    } else {
      commune = storage::find_commune_by_code(tx, code);
      if (!commune) e.field("commune_code", "commune.code_unknown");
    }
    assignment_fields(tx, in, a, e);
    if (commune) {
      a.commune_id = commune->id;
      if (commune->status != CommuneStatus::active) {
        auto versions = storage::commune_versions(tx, commune->id);
        if (!versions.empty() && !a.valid_from.empty() && !versions.back().valid_to.empty() &&
            a.valid_from >= versions.back().valid_to) {
          e.field("commune_code", "assignment.commune_gone");
        }
      }
    }
    if (!e.fields.empty()) return fail(e);
    if (overlaps(tx, a)) return fail(field_error(ErrorKind::conflict, "assignment.exists", "commune_code"));
    a.id = storage::insert_assignment(tx, a, account_of(actor), to_iso(now));
    record_audit(tx, actor,
                 {"commune_assignment.create", "commune_assignment", std::to_string(a.id), "",
                  json::serialize(to_audit(a))},
                 now);
    return *storage::find_assignment(tx, a.id);
  });
}

Result<CommuneAssignment> CommuneService::update_assignment(const Principal& actor, std::int64_t id,
                                                            std::int64_t version, const AssignmentInput& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<CommuneAssignment> {
    auto old = assignment_for_change(tx, actor, id, version);
    if (!old) return fail(old.error());
    CommuneAssignment a = *old;
    Error e = invalid();
    assignment_fields(tx, in, a, e);
    if (!a.valid_to.empty() && !a.valid_from.empty() && a.valid_from >= a.valid_to) {
      e.field("valid_from", "assignment.after_end");
    }
    if (!e.fields.empty()) return fail(e);
    if (overlaps(tx, a)) return fail(field_error(ErrorKind::conflict, "assignment.exists", "valid_from"));
    if (assessed_outside(tx, a)) return fail(field_error(ErrorKind::validation, "assignment.assessed_outside", "valid_from"));
    if (!storage::update_assignment(tx, a)) return fail(ErrorKind::conflict, "edit.stale");
    storage::set_assignment_contacts(tx, a.id, a.contacts);
    record_audit(tx, actor,
                 {"commune_assignment.update", "commune_assignment", std::to_string(id),
                  json::serialize(to_audit(*old)), json::serialize(to_audit(a))},
                 now);
    return *storage::find_assignment(tx, id);
  });
}

Result<CommuneAssignment> CommuneService::end_assignment(const Principal& actor, std::int64_t id, std::int64_t version,
                                                         const std::string& end_date, const std::string& note) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<CommuneAssignment> {
    auto old = assignment_for_change(tx, actor, id, version);
    if (!old) return fail(old.error());
    if (!old->valid_to.empty()) return fail(ErrorKind::conflict, "assignment.ended");
    CommuneAssignment a = *old;
    Error e = invalid();
    a.valid_to = date_field(e, "end_date", end_date, true);
    std::string why;
    optional_text(e, "note", note, kText, why);
    if (!a.valid_to.empty() && a.valid_to <= a.valid_from) e.field("end_date", "assignment.end_before_start");
    if (!e.fields.empty()) return fail(e);
    if (assessed_outside(tx, a)) return fail(field_error(ErrorKind::validation, "assignment.assessed_outside", "end_date"));
    if (!why.empty()) a.note = a.note.empty() ? why : a.note + "\n" + why;
    if (!storage::update_assignment(tx, a)) return fail(ErrorKind::conflict, "edit.stale");
    record_audit(tx, actor,
                 {"commune_assignment.end", "commune_assignment", std::to_string(id), json::serialize(to_audit(*old)),
                  json::serialize(to_audit(a))},
                 now);
    return *storage::find_assignment(tx, id);
  });
}

Result<Assessment> CommuneService::record_assessment(const Principal& actor, std::int64_t commune_id,
                                                     const AssessmentInput& in, const std::vector<EvidenceUpload>& files) {
  const auto now = clock_();
  const std::string today = today_iso(now);
  return db_->write([&](storage::Tx& tx) -> Result<Assessment> {
    auto view = reader_view(tx, actor, commune_id);
    if (!view) return fail(view.error());
    bool may_any = std::any_of(view->assignments.begin(), view->assignments.end(),
                               [&](const CommuneAssignment& a) { return may_assess(tx, actor, a); });
    if (!may_any) return fail(ErrorKind::forbidden, "auth.forbidden");
    Error e = invalid();
    Assessment s;
    s.commune_id = commune_id;
    s.assessed_on = date_field(e, "assessed_on", in.assessed_on, true);
    if (!s.assessed_on.empty() && s.assessed_on > today) e.field("assessed_on", "assessment.future");
    if (auto k = parse_assessment_kind(in.kind.empty() ? "half_year" : in.kind)) {
      s.kind = *k;
    } else {
      e.field("kind", "validation.invalid");
    }
    optional_text(e, "note", in.note, kText, s.note);
    if (s.assessed_on.empty() || !e.fields.empty()) return fail(e);
    // The assignment in force on the date, of an agency the caller assesses for.
    const CommuneAssignment* chosen = nullptr;
    for (const auto& a : view->assignments) {
      if (!in.agency_id.empty() && std::to_string(a.agency_id) != text::trim(in.agency_id)) continue;
      if (holds_on(a.valid_from, a.valid_to, s.assessed_on) && may_assess(tx, actor, a)) {
        chosen = &a;
        break;
      }
    }
    if (!chosen) {
      e.field("assessed_on", "assessment.outside_assignment");
      return fail(e);
    }
    s.agency_id = chosen->agency_id;
    auto sets = storage::criteria_sets(tx);
    const auto* set = set_in_force(sets, chosen->target_level, s.assessed_on);
    if (!set) {
      e.field("assessed_on", "assessment.no_set");
      return fail(e);
    }
    s.set_id = set->id;
    auto criteria = storage::set_criteria(tx, set->id);
    for (const auto& item : in.items) {
      bool known = std::any_of(criteria.begin(), criteria.end(),
                               [&](const Criterion& c) { return std::to_string(c.id) == text::trim(item.criterion_id); });
      if (!known) {
        e.code = "assessment.criterion_not_in_set";
        e.field("items", "assessment.criterion_not_in_set");
        return fail(e);
      }
    }
    for (const auto& c : criteria) {
      const std::string key = std::to_string(c.id);
      auto it = std::find_if(in.items.begin(), in.items.end(),
                             [&](const AssessmentItemInput& x) { return text::trim(x.criterion_id) == key; });
      AssessmentItem item;
      item.criterion_id = c.id;
      item.number = c.number;
      item.criterion_name = c.name;
      std::string met = it == in.items.end() ? "" : std::string(text::trim(it->met));
      if (met == "1" || met == "0") {
        item.met = met == "1";
      } else {
        e.field("met_" + key, met.empty() ? "assessment.status_required" : "validation.invalid");
      }
      if (it != in.items.end()) {
        optional_text(e, "value_" + key, it->value, kLine, item.value);
        optional_text(e, "note_" + key, it->note, kText, item.note);
      }
      if (item.met) ++s.criteria_met;
      s.items.push_back(std::move(item));
    }
    s.criteria_total = static_cast<int>(criteria.size());
    if (!e.fields.empty()) {
      e.code = "assessment.incomplete";
      return fail(e);
    }
    if (storage::assessment_on(tx, commune_id, s.agency_id, s.assessed_on)) {
      return fail(field_error(ErrorKind::conflict, "assessment.same_date", "assessed_on"));
    }
    s.id = storage::insert_assessment(tx, s, account_of(actor), to_iso(now));
    record_audit(tx, actor, {"assessment.create", "assessment", std::to_string(s.id), "", json::serialize(to_audit(s))},
                 now);
    if (auto attached = attach_files(tx, actor, s, files, now); !attached) return fail(attached.error());
    return *storage::find_assessment(tx, s.id);
  });
}

Result<Assessment> CommuneService::withdraw_assessment(const Principal& actor, std::int64_t commune_id,
                                                       std::int64_t assessment_id, const std::string& reason_in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Assessment> {
    auto view = reader_view(tx, actor, commune_id);
    if (!view) return fail(view.error());
    auto s = storage::find_assessment(tx, assessment_id);
    if (!s || s->commune_id != commune_id ||
        !std::binary_search(view->agencies.begin(), view->agencies.end(), s->agency_id)) {
      return fail(ErrorKind::not_found, "assessment.not_found");
    }
    bool allowed = std::any_of(view->assignments.begin(), view->assignments.end(), [&](const CommuneAssignment& a) {
      return a.agency_id == s->agency_id && may_assess(tx, actor, a);
    });
    if (!allowed) return fail(ErrorKind::forbidden, "auth.forbidden");
    Error e = invalid();
    std::string reason;
    required_text(e, "reason", reason_in, kText, reason);
    if (!e.fields.empty()) return fail(e);
    if (!storage::withdraw_assessment(tx, assessment_id, account_of(actor), reason, to_iso(now))) {
      return fail(ErrorKind::conflict, "assessment.already_withdrawn");
    }
    json::object after{{"status", "withdrawn"}, {"reason", reason}};
    record_audit(tx, actor,
                 {"assessment.withdraw", "assessment", std::to_string(assessment_id), json::serialize(to_audit(*s)),
                  json::serialize(after)},
                 now);
    return *storage::find_assessment(tx, assessment_id);
  });
}

Result<Recognition> CommuneService::add_recognition(const Principal& actor, std::int64_t commune_id,
                                                    const RecognitionInput& in) {
  const auto now = clock_();
  const std::string today = today_iso(now);
  return db_->write([&](storage::Tx& tx) -> Result<Recognition> {
    auto view = reader_view(tx, actor, commune_id);
    if (!view) return fail(view.error());
    bool allowed = edits_catalogue(actor) ||
                   std::any_of(view->assignments.begin(), view->assignments.end(),
                               [&](const CommuneAssignment& a) { return manages_assignments(tx, actor, a.agency_id); });
    if (!allowed) return fail(ErrorKind::forbidden, "auth.forbidden");
    Error e = invalid();
    Recognition r;
    r.commune_id = commune_id;
    if (auto l = parse_target_level(in.level)) {
      r.level = *l;
    } else {
      e.field("level", text::trim(in.level).empty() ? "validation.required" : "validation.invalid");
    }
    if (auto ev = parse_recognition_event(in.event.empty() ? "recognised" : in.event)) {
      r.event = *ev;
    } else {
      e.field("event", "validation.invalid");
    }
    auto year = year_field(e, "year", in.year);
    if (!year && text::trim(in.year).empty()) e.field("year", "validation.required");
    if (year && *year > std::stoi(today.substr(0, 4))) e.field("year", "recognition.future");
    r.year = year.value_or(0);
    decision_ref_field(e, "decision_ref", in.decision_ref, true, r.decision_ref);
    r.decision_date = date_field(e, "decision_date", in.decision_date, false);
    if (!r.decision_date.empty() && r.decision_date > today) e.field("decision_date", "recognition.future");
    optional_text(e, "issuer", in.issuer, kLine, r.issuer);
    if (r.issuer.empty()) r.issuer = "UBND tỉnh " + view->commune.province;
    optional_text(e, "note", in.note, kText, r.note);
    if (!e.fields.empty()) return fail(e);
    for (const auto& other : storage::commune_recognitions(tx, commune_id)) {
      if (!other.withdrawn && other.level == r.level && other.event == r.event && other.year == r.year) {
        return fail(field_error(ErrorKind::conflict, "recognition.duplicate", "year"));
      }
    }
    r.id = storage::insert_recognition(tx, r, account_of(actor), to_iso(now));
    record_audit(tx, actor,
                 {"commune_recognition.create", "commune_recognition", std::to_string(r.id), "",
                  json::serialize(to_audit(r))},
                 now);
    return *storage::find_recognition(tx, r.id);
  });
}

Result<Recognition> CommuneService::withdraw_recognition(const Principal& actor, std::int64_t commune_id,
                                                         std::int64_t recognition_id, const std::string& reason_in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Recognition> {
    auto view = reader_view(tx, actor, commune_id);
    if (!view) return fail(view.error());
    auto r = storage::find_recognition(tx, recognition_id);
    if (!r || r->commune_id != commune_id) return fail(ErrorKind::not_found, "recognition.not_found");
    bool allowed = edits_catalogue(actor) ||
                   std::any_of(view->assignments.begin(), view->assignments.end(),
                               [&](const CommuneAssignment& a) { return manages_assignments(tx, actor, a.agency_id); });
    if (!allowed) return fail(ErrorKind::forbidden, "auth.forbidden");
    Error e = invalid();
    std::string reason;
    required_text(e, "reason", reason_in, kText, reason);
    if (!e.fields.empty()) return fail(e);
    if (!storage::withdraw_recognition(tx, recognition_id, account_of(actor), reason, to_iso(now))) {
      return fail(ErrorKind::conflict, "recognition.already_withdrawn");
    }
    json::object after{{"status", "withdrawn"}, {"reason", reason}};
    record_audit(tx, actor,
                 {"commune_recognition.withdraw", "commune_recognition", std::to_string(recognition_id),
                  json::serialize(to_audit(*r)), json::serialize(after)},
                 now);
    return *storage::find_recognition(tx, recognition_id);
  });
}

Result<Indicator> CommuneService::add_indicator(const Principal& actor, std::int64_t criterion_id,
                                                const IndicatorInput& in) {
  const auto now = clock_();
  if (!is_installation_admin(actor)) return fail(ErrorKind::forbidden, "auth.forbidden");
  return db_->write([&](storage::Tx& tx) -> Result<Indicator> {
    auto criterion = storage::find_criterion(tx, criterion_id);
    if (!criterion) return fail(ErrorKind::not_found, "criteria_set.criterion_not_found");
    Error e = invalid();
    Indicator i;
    i.criterion_id = criterion_id;
    required_text(e, "code", in.code, 20, i.code);
    required_text(e, "name", in.name, kLine, i.name);
    optional_text(e, "measure_unit", in.measure_unit, 60, i.measure_unit);
    optional_text(e, "target", in.target, kLine, i.target);
    optional_text(e, "commune_group", in.commune_group, 2, i.commune_group);
    if (!i.commune_group.empty() && i.commune_group != "1" && i.commune_group != "2" && i.commune_group != "3") {
      e.field("commune_group", "validation.invalid");
    }
    if (!e.fields.empty()) return fail(e);
    for (const auto& other : storage::set_indicators(tx, criterion->set_id)) {
      if (other.active && other.criterion_id == criterion_id && other.code == i.code &&
          other.commune_group == i.commune_group) {
        return fail(field_error(ErrorKind::conflict, "indicator.code_taken", "code"));
      }
    }
    i.position = storage::next_indicator_position(tx, criterion_id);
    i.id = storage::insert_indicator(tx, i, account_of(actor), to_iso(now));
    json::object after{{"criterion_id", criterion_id}, {"code", i.code},     {"name", i.name},
                       {"measure_unit", i.measure_unit}, {"target", i.target}, {"commune_group", i.commune_group}};
    record_audit(tx, actor, {"indicator.create", "indicator", std::to_string(i.id), "", json::serialize(after)}, now);
    return *storage::find_indicator(tx, i.id);
  });
}

Result<Indicator> CommuneService::retire_indicator(const Principal& actor, std::int64_t indicator_id) {
  const auto now = clock_();
  if (!is_installation_admin(actor)) return fail(ErrorKind::forbidden, "auth.forbidden");
  return db_->write([&](storage::Tx& tx) -> Result<Indicator> {
    auto i = storage::find_indicator(tx, indicator_id);
    if (!i) return fail(ErrorKind::not_found, "criteria_set.indicator_not_found");
    if (!i->active) return fail(ErrorKind::conflict, "indicator.already_retired");
    storage::set_indicator_status(tx, indicator_id, false);
    record_audit(tx, actor,
                 {"indicator.retire", "indicator", std::to_string(indicator_id), R"({"status":"active"})",
                  R"({"status":"retired"})"},
                 now);
    return *storage::find_indicator(tx, indicator_id);
  });
}

/// The assessment `assessment_id` of commune `commune_id` for a change of its files by `actor`:
/// "not found" unless its agency is one the actor reads; "forbidden" unless the actor may
/// assess for that agency.
Result<Assessment> CommuneService::assessment_for_files(storage::Tx& tx, const Principal& actor,
                                                        std::int64_t commune_id, std::int64_t assessment_id) const {
  auto view = reader_view(tx, actor, commune_id);
  if (!view) return fail(view.error());
  auto a = storage::find_assessment(tx, assessment_id);
  if (!a || a->commune_id != commune_id ||
      !std::binary_search(view->agencies.begin(), view->agencies.end(), a->agency_id)) {
    return fail(ErrorKind::not_found, "assessment.not_found");
  }
  bool allowed = std::any_of(view->assignments.begin(), view->assignments.end(), [&](const CommuneAssignment& x) {
    return x.agency_id == a->agency_id && may_assess(tx, actor, x);
  });
  if (!allowed) return fail(ErrorKind::forbidden, "auth.forbidden");
  return *a;
}

Result<std::vector<EvidenceRow>> CommuneService::assessment_files(const Principal& actor, std::int64_t commune_id,
                                                                  std::int64_t assessment_id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<EvidenceRow>> {
    auto view = reader_view(tx, actor, commune_id);
    if (!view) return fail(view.error());
    auto a = storage::find_assessment(tx, assessment_id);
    if (!a || a->commune_id != commune_id ||
        !std::binary_search(view->agencies.begin(), view->agencies.end(), a->agency_id)) {
      return fail(ErrorKind::not_found, "assessment.not_found");
    }
    if (!evidence_) return std::vector<EvidenceRow>{};
    return evidence_->list(tx, "assessment", assessment_id);
  });
}

Result<std::vector<EvidenceRow>> CommuneService::add_assessment_files(const Principal& actor, std::int64_t commune_id,
                                                                      std::int64_t assessment_id,
                                                                      const std::vector<EvidenceUpload>& files) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<std::vector<EvidenceRow>> {
    auto a = assessment_for_files(tx, actor, commune_id, assessment_id);
    if (!a) return fail(a.error());
    if (a->withdrawn) return fail(ErrorKind::conflict, "assessment.already_withdrawn");
    if (files.empty()) return fail(Error{ErrorKind::validation, "assessment.no_files", {}, {{"file", "assessment.no_files"}}, ""});
    return attach_files(tx, actor, *a, files, now);
  });
}

Result<EvidenceRow> CommuneService::withdraw_assessment_file(const Principal& actor, std::int64_t commune_id,
                                                             std::int64_t assessment_id, std::int64_t evidence_id,
                                                             const std::string& reason) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<EvidenceRow> {
    auto a = assessment_for_files(tx, actor, commune_id, assessment_id);
    if (!a) return fail(a.error());
    if (!evidence_) return fail(ErrorKind::not_found, "evidence.not_found");
    auto rows = evidence_->list(tx, "assessment", assessment_id);
    bool ours = std::any_of(rows.begin(), rows.end(), [&](const EvidenceRow& r) { return r.id == evidence_id; });
    if (!ours) return fail(ErrorKind::not_found, "evidence.not_found");
    auto row = evidence_->withdraw(tx, actor, evidence_id, reason);
    if (!row) return fail(row.error());
    json::object after{{"evidence_id", row->id}, {"file_name", row->file_name}, {"reason", row->withdrawn_reason}};
    record_audit(tx, actor, {"assessment.file_withdraw", "assessment", std::to_string(assessment_id), "",
                             json::serialize(after)},
                 now);
    return *row;
  });
}

}  // namespace thidua::services
