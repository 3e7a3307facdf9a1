// Nominations: making one, its page, the list, edits and the steps up to the council; and
// `decided`, set by the decisions.

#include "services/nomination_service.hpp"

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/nomination_access.hpp"
#include "services/nomination_dossier.hpp"
#include "services/scope.hpp"
#include "services/validation.hpp"
#include "storage/council_session_repo.hpp"
#include "storage/org_repo.hpp"
#include "storage/people_repo.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;
using namespace nomination_access;

NominationCheck NominationRules::check_or_default(const NominationSubjectRef& s, AwardForm f, int year,
                                                  std::optional<std::int64_t> movement) const {
  if (check) return check(s, f, year, movement);
  NominationCheck c;
  c.verdict = NominationVerdict::unknown;
  c.reasons.push_back("Chưa có kết quả của bộ quy tắc xét khen thưởng: chưa xác định được điều kiện.");
  return c;
}

BallotRule NominationRules::council_or_default(AwardForm f, const std::string& date) const {
  return council ? council(f, date) : default_ballot_rule(f);
}

std::vector<NominationDossierItem> NominationRules::dossier_or_default(AwardForm f, const std::string& date) const {
  return dossier ? dossier(f, date) : default_dossier(f);
}

NominationRules default_nomination_rules() { return NominationRules{}; }

std::string nomination_form_name(AwardForm f) {
  switch (f) {
    case AwardForm::advanced_worker: return "Lao động tiên tiến";
    case AwardForm::grassroots_fighter: return "Chiến sĩ thi đua cơ sở";
    case AwardForm::provincial_fighter: return "Chiến sĩ thi đua cấp tỉnh";
    case AwardForm::advanced_collective: return "Tập thể lao động tiên tiến";
    case AwardForm::excellent_collective: return "Tập thể lao động xuất sắc";
    case AwardForm::flag: return "Cờ thi đua của Ủy ban nhân dân tỉnh";
    case AwardForm::certificate_of_merit: return "Giấy khen";
    case AwardForm::diploma_of_merit: return "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh";
    case AwardForm::national_fighter: return "Chiến sĩ thi đua toàn quốc";
    case AwardForm::government_flag: return "Cờ thi đua của Chính phủ";
    case AwardForm::pm_diploma: return "Bằng khen của Thủ tướng Chính phủ";
  }
  return "";
}

namespace {

json::object nomination_json(const storage::NominationRow& n) {
  return json::object{{"subject", std::string(to_string(n.subject))},
                      {"subject_id", n.subject_id},
                      {"form", std::string(to_string(n.form))},
                      {"year", n.year},
                      {"status", std::string(to_string(n.status))},
                      {"verdict", std::string(to_string(n.verdict))},
                      {"justification", n.justification}};
}

/// "person:12" → (person, 12).
std::optional<std::pair<AwardSubject, std::int64_t>> parse_subject(std::string_view s) {
  auto colon = s.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto kind = parse_award_subject(text::trim(s.substr(0, colon)));
  std::string digits(text::trim(s.substr(colon + 1)));
  if (!kind || digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::make_pair(*kind, static_cast<std::int64_t>(std::stoll(digits)));
}

std::optional<std::int64_t> parse_id(const std::string& s) {
  std::string t(text::trim(s));
  if (t.empty() || t.size() > 18 || t.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(t);
}

/// The subject's agency, name and unit (none for a household), or none when it does not exist.
struct SubjectFacts {
  std::int64_t agency_id = 0;
  std::string name;
  std::optional<std::int64_t> unit_id;
};
std::optional<SubjectFacts> subject_facts(storage::Tx& tx, AwardSubject kind, std::int64_t id) {
  switch (kind) {
    case AwardSubject::person: {
      auto p = storage::find_person(tx, id);
      if (!p) return std::nullopt;
      return SubjectFacts{p->agency_id, p->full_name,
                          p->unit_id ? std::optional<std::int64_t>(p->unit_id) : std::nullopt};
    }
    case AwardSubject::unit: {
      auto u = storage::find_unit(tx, id);
      if (!u) return std::nullopt;
      return SubjectFacts{u->agency_id, u->name, u->id};
    }
    case AwardSubject::household: {
      auto h = storage::find_household(tx, id);
      if (!h) return std::nullopt;
      return SubjectFacts{h->first, h->second, std::nullopt};
    }
  }
  return std::nullopt;
}

NominationView view_of(storage::Tx& tx, const EvidenceService* evidence, const NominationRules& rules,
                       storage::NominationRow n, const NominationRights& r) {
  NominationView v;
  v.history = storage::nomination_events(tx, n.id);
  v.reports = storage::nomination_reports(tx, n.id);
  std::vector<EvidenceRow> files;
  if (evidence) files = evidence->list(tx, "nomination", n.id);
  v.dossier = dossier_of(n, rules.dossier_or_default(n.form, n.created_at.substr(0, 10)), !v.reports.empty(), files,
                         v.other_files);
  if (auto item = storage::council_item_of(tx, n.id)) {
    v.session_id = item->session_id;
    v.item_id = item->id;
    v.item_status = item->status;
    v.item_result = item->result;
  }
  const bool open = n.status == NominationStatus::draft || n.status == NominationStatus::returned;
  v.can_edit = r.changes && open;
  v.can_submit = r.changes && n.status == NominationStatus::draft;
  v.can_resubmit = r.changes && n.status == NominationStatus::returned;
  v.can_review = r.reviews && nomination_next(n.status, NominationAction::accept).has_value();
  v.nomination = std::move(n);
  return v;
}

}  // namespace

NominationService::NominationService(std::shared_ptr<storage::Database> db, std::shared_ptr<EvidenceService> evidence,
                                     NominationRules rules, Clock clock)
    : db_(std::move(db)), evidence_(std::move(evidence)), rules_(std::move(rules)), clock_(std::move(clock)) {
  if (evidence_) {
    evidence_->register_subject("nomination", [](storage::Tx& tx, const Principal& actor, std::int64_t id) {
      return nomination_for(tx, actor, id).has_value();
    });
  }
}

Result<NominationView> NominationService::create(const Principal& actor, const NominationInput& in) {
  Error e = invalid();
  auto subject = parse_subject(in.subject);
  if (!subject) e.field("subject", text::trim(in.subject).empty() ? "validation.required" : "nominations.subject_invalid");
  auto form = parse_award_form(text::trim(in.form));
  if (!form) e.field("form", text::trim(in.form).empty() ? "validation.required" : "nominations.form_invalid");
  auto year = parse_id(in.year);
  if (!year || *year < 2000 || *year > 2100) e.field("year", "nominations.year_invalid");
  std::optional<std::int64_t> movement;
  if (!text::trim(in.movement_id).empty()) {
    movement = parse_id(in.movement_id);
    if (!movement) e.field("movement_id", "nominations.movement_invalid");
  }
  std::string justification;
  optional_text(e, "justification", in.justification, kNominationText, justification);
  if (subject && form && !form_fits(*form, subject->first)) e.field("form", "nominations.form_does_not_fit");
  std::optional<std::int64_t> agency = actor.agency_id;
  if (!text::trim(in.agency_id).empty()) agency = parse_id(in.agency_id);
  if (!agency) return fail(ErrorKind::validation, "nominations.agency_required");
  if (!e.fields.empty()) return fail(e);

  // The rules engine answers before the transaction: it reads on its own.
  const NominationCheck check =
      rules_.check_or_default({subject->first, subject->second, *agency}, *form, static_cast<int>(*year), movement);
  if (check.verdict == NominationVerdict::not_eligible && justification.empty()) {
    Error j = invalid();
    j.code = "nominations.justification_required";
    j.field("justification", "nominations.justification_required");
    return fail(j);
  }
  const TimePoint now = clock_();
  auto id = db_->write([&](storage::Tx& tx) -> Result<std::int64_t> {
    if (!can_read_agency(tx, actor, *agency)) return fail(ErrorKind::not_found, "nominations.agency_not_found");
    auto facts = subject_facts(tx, subject->first, subject->second);
    if (!facts || facts->agency_id != *agency) {
      Error ne = invalid();
      ne.field("subject", "nominations.subject_not_found");
      return fail(ne);
    }
    const RecordRights rights = record_rights(tx, actor, *agency);
    const bool may = rights.manages || (facts->unit_id && subject->first != AwardSubject::household &&
                                        rights.heads(*facts->unit_id));
    if (!may) return fail(ErrorKind::forbidden, "nominations.forbidden");
    if (auto other = storage::find_nomination_for(tx, *agency, subject->first, subject->second, *form,
                                                  static_cast<int>(*year))) {
      Error c{ErrorKind::conflict, "nominations.duplicate", {}, {}, {}};
      c.with("id", std::to_string(*other));
      return fail(c);
    }
    storage::NominationRow n;
    n.agency_id = *agency;
    n.subject = subject->first;
    n.subject_id = subject->second;
    n.subject_name = facts->name;
    n.unit_id = facts->unit_id;
    n.form = *form;
    n.year = static_cast<int>(*year);
    n.movement_id = movement;
    n.verdict = check.verdict;
    for (const auto& reason : check.reasons) {
      if (!n.verdict_reasons.empty()) n.verdict_reasons += '\n';
      n.verdict_reasons += reason;
    }
    n.justification = justification;
    const std::string at = to_iso(now);
    n.id = storage::insert_nomination(tx, n, account_of(actor), at);
    n.status = NominationStatus::draft;
    storage::insert_nomination_event(tx, n.id, "created", "", "draft", "", account_of(actor), at);
    storage::insert_nomination_report(tx, n.id, draft_achievement_report(tx, n), "drafted", account_of(actor), at);
    record_audit(tx, actor, {"nomination.create", "nomination", std::to_string(n.id), "",
                             json::serialize(nomination_json(n))},
                 now);
    return n.id;
  });
  if (!id) return fail(id.error());
  return get(actor, *id);
}

Result<NominationView> NominationService::get(const Principal& actor, std::int64_t id) {
  return db_->read([&](storage::Tx& tx) -> Result<NominationView> {
    auto found = nomination_for(tx, actor, id);
    if (!found) return fail(found.error());
    return view_of(tx, evidence_.get(), rules_, std::move(found->first), found->second);
  });
}

Result<NominationList> NominationService::list(const Principal& actor, std::optional<std::int64_t> agency_id,
                                               const NominationFilter& filter) {
  const std::optional<std::int64_t> agency = agency_id ? agency_id : actor.agency_id;
  if (!agency) return fail(ErrorKind::not_found, "nominations.agency_not_found");
  return db_->read([&](storage::Tx& tx) -> Result<NominationList> {
    const RecordRights r = record_rights(tx, actor, *agency);
    if (!r.readable) return fail(ErrorKind::not_found, "nominations.agency_not_found");
    storage::NominationQuery q;
    q.agency_id = *agency;
    q.year = filter.year;
    q.status = parse_nomination_status(filter.status);
    q.form = parse_award_form(filter.form);
    if (!r.oversees) {
      q.restricted = true;
      q.units = r.headed_units;
      q.own_user = actor.user_id;
    }
    NominationList out;
    out.agency_id = *agency;
    out.items = storage::list_nominations(tx, q);
    if (!r.oversees && r.person_id) {
      // A nominee sees their own nominations too.
      storage::NominationQuery own;
      own.agency_id = *agency;
      own.year = q.year;
      own.status = q.status;
      own.form = q.form;
      for (auto& n : storage::list_nominations(tx, own)) {
        const bool mine = n.subject == AwardSubject::person && n.subject_id == *r.person_id;
        const bool listed = std::any_of(out.items.begin(), out.items.end(), [&](const auto& x) { return x.id == n.id; });
        if (mine && !listed) out.items.push_back(std::move(n));
      }
    }
    out.can_nominate = r.manages || !r.headed_units.empty();
    return out;
  });
}

Result<NominationView> NominationService::edit(const Principal& actor, std::int64_t id, std::int64_t version,
                                               const std::string& justification_in, const std::string& movement_in) {
  Error e = invalid();
  std::string justification;
  optional_text(e, "justification", justification_in, kNominationText, justification);
  std::optional<std::int64_t> movement;
  if (!text::trim(movement_in).empty()) {
    movement = parse_id(movement_in);
    if (!movement) e.field("movement_id", "nominations.movement_invalid");
  }
  if (!e.fields.empty()) return fail(e);
  const TimePoint now = clock_();
  auto done = db_->write([&](storage::Tx& tx) -> Result<void> {
    auto found = nomination_for(tx, actor, id);
    if (!found) return fail(found.error());
    auto& [n, r] = *found;
    if (!r.changes) return fail(ErrorKind::forbidden, "nominations.forbidden");
    if (!nomination_next(n.status, NominationAction::edit)) return fail(ErrorKind::conflict, "nominations.wrong_status");
    if (n.verdict == NominationVerdict::not_eligible && justification.empty()) {
      Error j = invalid();
      j.field("justification", "nominations.justification_required");
      return fail(j);
    }
    if (n.version != version || !storage::edit_nomination(tx, id, version, justification, movement, to_iso(now))) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    const std::string status(to_string(n.status));
    storage::insert_nomination_event(tx, id, "edited", status, status, "", account_of(actor), to_iso(now));
    auto before = json::serialize(nomination_json(n));
    n.justification = justification;
    record_audit(tx, actor, {"nomination.edit", "nomination", std::to_string(id), before,
                             json::serialize(nomination_json(n))},
                 now);
    return {};
  });
  if (!done) return fail(done.error());
  return get(actor, id);
}

Result<NominationView> NominationService::act(const Principal& actor, std::int64_t id, std::int64_t version,
                                              NominationAction action, const std::string& reason_in) {
  if (action != NominationAction::submit && action != NominationAction::resubmit &&
      action != NominationAction::return_back && action != NominationAction::accept) {
    return fail(ErrorKind::validation, "nominations.action_not_allowed");
  }
  Error e = invalid();
  std::string reason;
  optional_text(e, "reason", reason_in, kNominationText, reason);
  if (nomination_action_needs_reason(action) && reason.empty()) e.field("reason", "nominations.reason_required");
  if (!e.fields.empty()) return fail(e);
  const TimePoint now = clock_();
  auto done = db_->write([&](storage::Tx& tx) -> Result<void> {
    auto found = nomination_for(tx, actor, id);
    if (!found) return fail(found.error());
    auto& [n, r] = *found;
    const bool office_step = action == NominationAction::return_back || action == NominationAction::accept;
    if (office_step ? !r.reviews : !r.changes) return fail(ErrorKind::forbidden, "nominations.forbidden");
    auto next = nomination_next(n.status, action);
    if (!next) return fail(ErrorKind::conflict, "nominations.wrong_status");
    if (n.version != version || !storage::set_nomination_status(tx, id, version, *next, to_iso(now))) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    storage::insert_nomination_event(tx, id, std::string(to_string(action)), std::string(to_string(n.status)),
                                     std::string(to_string(*next)), reason, account_of(actor), to_iso(now));
    auto before = json::serialize(nomination_json(n));
    n.status = *next;
    auto after = nomination_json(n);
    if (!reason.empty()) after["reason"] = reason;
    record_audit(tx, actor, {"nomination." + std::string(to_string(action)), "nomination", std::to_string(id), before,
                             json::serialize(after)},
                 now);
    return {};
  });
  if (!done) return fail(done.error());
  return get(actor, id);
}

Result<NominationView> NominationService::save_report(const Principal& actor, std::int64_t id,
                                                      const std::string& body_in) {
  Error e = invalid();
  std::string body;
  required_text(e, "report", body_in, kNominationReport, body);
  if (!e.fields.empty()) return fail(e);
  const TimePoint now = clock_();
  auto done = db_->write([&](storage::Tx& tx) -> Result<void> {
    auto found = nomination_for(tx, actor, id);
    if (!found) return fail(found.error());
    auto& [n, r] = *found;
    if (!r.changes) return fail(ErrorKind::forbidden, "nominations.forbidden");
    if (!nomination_next(n.status, NominationAction::edit)) return fail(ErrorKind::conflict, "nominations.wrong_status");
    storage::insert_nomination_report(tx, id, body, "edited", account_of(actor), to_iso(now));
    const std::string status(to_string(n.status));
    storage::insert_nomination_event(tx, id, "report_edited", status, status, "", account_of(actor), to_iso(now));
    record_audit(tx, actor, {"nomination.report", "nomination", std::to_string(id), "",
                             json::serialize(json::object{{"report_chars", body.size()}})},
                 now);
    return {};
  });
  if (!done) return fail(done.error());
  return get(actor, id);
}

Result<NominationView> NominationService::attach(const Principal& actor, std::int64_t id, const std::string& item_code,
                                                 const EvidenceUpload& file) {
  if (!evidence_) return fail(ErrorKind::internal, "internal", "nominations without an evidence service");
  const TimePoint now = clock_();
  auto done = db_->write([&](storage::Tx& tx) -> Result<void> {
    auto found = nomination_for(tx, actor, id);
    if (!found) return fail(found.error());
    auto& [n, r] = *found;
    const bool open = nomination_next(n.status, NominationAction::edit).has_value();
    // The Office adds what comes later (the minutes, the ballot's result) until the decision.
    const bool office_later = r.reviews && n.status != NominationStatus::decided;
    if (!r.changes || !(open || office_later)) return fail(ErrorKind::forbidden, "nominations.forbidden");
    bool known = false;
    for (const auto& item : rules_.dossier_or_default(n.form, n.created_at.substr(0, 10))) {
      if (item.code == item_code) known = true;
    }
    if (!known && item_code != "other") {
      Error ie = invalid();
      ie.field("item", "nominations.dossier_item_unknown");
      return fail(ie);
    }
    EvidenceUpload f = file;
    f.caption = item_code;
    auto row = evidence_->attach(tx, actor, n.agency_id, "nomination", id, f);
    if (!row) return fail(row.error());
    const std::string status(to_string(n.status));
    storage::insert_nomination_event(tx, id, "file_added", status, status, item_code, account_of(actor), to_iso(now));
    return {};
  });
  if (!done) return fail(done.error());
  return get(actor, id);
}

Result<std::int64_t> NominationService::add_household(const Principal& actor, std::int64_t agency_id,
                                                     const std::string& head_name_in, const std::string& address_in) {
  Error e = invalid();
  std::string head_name, address;
  required_text(e, "head_name", head_name_in, kNominationLine, head_name);
  optional_text(e, "address", address_in, kNominationLine, address);
  if (!e.fields.empty()) return fail(e);
  const TimePoint now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<std::int64_t> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "nominations.agency_not_found");
    if (!can_manage_agency(actor, agency_id)) return fail(ErrorKind::forbidden, "nominations.forbidden");
    auto id = storage::insert_nomination_household(tx, agency_id, head_name, text::fold(head_name), address,
                                                   account_of(actor), to_iso(now));
    record_audit(tx, actor, {"household.create", "household", std::to_string(id), "",
                             json::serialize(json::object{{"head_name", head_name}, {"address", address}})},
                 now);
    return id;
  });
}

Result<void> NominationService::mark_decided(const Principal& actor, const std::vector<std::int64_t>& nomination_ids,
                                             std::int64_t decision_id) {
  return db_->write([&](storage::Tx& tx) { return mark_decided(tx, actor, nomination_ids, decision_id); });
}

Result<void> NominationService::mark_decided(storage::Tx& tx, const Principal& actor,
                                             const std::vector<std::int64_t>& nomination_ids,
                                             std::int64_t decision_id) const {
  const TimePoint now = clock_();
  for (auto id : nomination_ids) {
    auto n = storage::find_nomination(tx, id);
    if (!n || !can_read_agency(tx, actor, n->agency_id)) return fail(ErrorKind::not_found, "nominations.not_found");
    if (!can_manage_agency(actor, n->agency_id) && !actor.has_role_in(Role::leader, n->agency_id)) {
      return fail(ErrorKind::forbidden, "nominations.forbidden");
    }
    if (!storage::set_nomination_decided(tx, id, decision_id, to_iso(now))) {
      Error c{ErrorKind::conflict, "nominations.not_approved", {}, {}, {}};
      c.with("name", n->subject_name);
      return fail(c);
    }
    storage::insert_nomination_event(tx, id, "decided", std::string(to_string(n->status)), "decided", "",
                                     account_of(actor), to_iso(now));
    record_audit(tx, actor, {"nomination.decided", "nomination", std::to_string(id), "",
                             json::serialize(json::object{{"decision_id", decision_id}})},
                 now);
  }
  return {};
}

}  // namespace thidua::services
