// A sheet: its page, the subject's own scores, submission, reviews, return and the final sheet.

#include <algorithm>
#include <set>

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/evaluation_rules.hpp"
#include "services/evaluation_service.hpp"
#include "services/validation.hpp"
#include "storage/achievement_repo.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;
using namespace evaluation_rules;

namespace {

/// Reads the rest of the page for `c` (entries, computed values, total, history, rights).
SheetView view_of(storage::Tx& tx, const EvidenceService* evidence, SheetContext c) {
  SheetView v;
  v.entries = storage::entries_of_sheet(tx, c.sheet.id);
  std::map<std::int64_t, long long> frozen;
  for (const auto& e : v.entries) {
    v.current[e.criterion_id] = e.points;  // oldest first: newest stays
    if (e.value) frozen[e.criterion_id] = *e.value;
    if (evidence) {
      auto files = evidence->list(tx, "score_entry", e.id);
      if (!files.empty()) v.evidence[e.id] = std::move(files);
    }
  }
  const MeasureTotals measures =
      storage::measures_of(tx, c.sheet.subject, c.sheet.person_id.value_or(c.sheet.unit_id), c.tmpl.movement_id,
                           c.tmpl.year);
  for (const auto* cr : c.tmpl.criteria()) {
    if (!cr->formula || v.current.count(cr->id)) {
      if (auto f = frozen.find(cr->id); f != frozen.end()) v.computed_values[cr->id] = f->second;
      continue;
    }
    if (auto m = parse_measure(cr->formula->measure)) v.computed_values[cr->id] = measures.value(*m, cr->formula->aggregate);
    v.current[cr->id] = computed_points(*cr, measures);
  }
  const auto criteria = c.tmpl.criteria();
  if (std::any_of(criteria.begin(), criteria.end(), [](const ScoreCriterion* cr) { return cr->formula.has_value(); })) {
    storage::AchievementQuery q;
    q.agency_id = c.sheet.agency_id;
    q.movement_id = c.tmpl.movement_id;
    q.year = c.tmpl.year;
    if (c.sheet.subject == RecordSubject::person) {
      q.person_id = c.sheet.person_id;
    } else {
      q.unit_id = c.sheet.unit_id;
    }
    q.status = "verified";
    q.limit = 200;
    auto page = storage::list_achievements(tx, q);
    v.records = std::move(page.items);
    v.records_total = page.total;
  }
  v.total = sheet_total(c.tmpl, v.current, measures);
  v.band = band_of(c.tmpl.bands, v.total.total);
  v.history = storage::sheet_events(tx, c.sheet.id);
  const bool open = c.evaluation.status == EvaluationStatus::open;
  v.can_self_assess = open && is_subject(c.rights, c.sheet) && sheet_next(c.sheet.status, SheetAction::score_self);
  v.can_review = open && review_round(c.rights, c.sheet) && sheet_next(c.sheet.status, SheetAction::review);
  v.can_finalise = open && c.rights.manages && !is_subject(c.rights, c.sheet) &&
                   sheet_next(c.sheet.status, SheetAction::finalise);
  v.sheet = std::move(c.sheet);
  v.tmpl = std::move(c.tmpl);
  v.evaluation = c.evaluation;
  return v;
}

/// The typed entries checked against the template: known criteria typed by hand, each once,
/// points within 0 … max; for a review, a reason where the points change. All problems at once.
Result<std::vector<storage::NewEntry>> checked_entries(const ScoreTemplate& t, const std::vector<EntryInput>& in,
                                                       ScoreRound round, const std::map<std::int64_t, Points>& current) {
  Error e = invalid();
  std::vector<storage::NewEntry> out;
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto& x = in[i];
    const std::string at = "entries." + std::to_string(i);
    const auto* c = t.criterion(x.criterion_id);
    if (!c) {
      e.field(at + ".criterion_id", "evaluation.criterion_unknown");
      continue;
    }
    if (c->formula) {
      e.field(at + ".points", "evaluation.criterion_computed");
      continue;
    }
    if (!seen.insert(c->id).second) {
      e.field(at + ".criterion_id", "evaluation.criterion_twice");
      continue;
    }
    storage::NewEntry n;
    n.criterion_id = c->id;
    n.round = round;
    const auto typed = text::trim(x.points);
    auto p = parse_points(typed);
    if (!typed.empty() && typed.front() == '-') {
      e.field(at + ".points", "evaluation.points_negative");
    } else if (!p) {
      e.field(at + ".points", typed.empty() ? "validation.required" : "evaluation.points_invalid");
    } else if (!points_in_range(*p, c->max_points)) {
      e.field(at + ".points", "evaluation.points_above_max");
      e.with("max", format_points(c->max_points));
    } else {
      n.points = *p;
    }
    optional_text(e, at + ".comment", x.comment, kText, n.comment);
    optional_text(e, at + ".reason", x.reason, kText, n.reason);
    if (round != ScoreRound::self && p) {
      auto it = current.find(c->id);
      const bool changes = it == current.end() || it->second != *p;
      if (changes && n.reason.empty()) e.field(at + ".reason", "evaluation.reason_required");
    }
    out.push_back(std::move(n));
  }
  if (in.empty()) e.field("entries", "evaluation.nothing_to_score");
  if (!e.fields.empty()) return fail(e);
  return out;
}

json::array entries_json(const std::vector<storage::NewEntry>& entries) {
  json::array a;
  for (const auto& n : entries) {
    a.push_back(json::object{{"criterion_id", n.criterion_id},
                             {"round", std::string(to_string(n.round))},
                             {"points", n.points},
                             {"reason", n.reason}});
  }
  return a;
}

/// Attaches each entry's files (entry ids in the order of `in`) inside the transaction: a file
/// refused (type, size, empty) refuses the whole change, named by its entry.
Result<void> attach_files(storage::Tx& tx, const EvidenceService* evidence, const Principal& actor,
                          std::int64_t agency_id, const std::vector<std::int64_t>& ids,
                          const std::vector<EntryInput>& in) {
  for (std::size_t i = 0; i < in.size() && i < ids.size(); ++i) {
    for (const auto& f : in[i].files) {
      if (!evidence) return fail(ErrorKind::internal, "internal", "evaluation: files without an evidence service");
      auto row = evidence->attach(tx, actor, agency_id, "score_entry", ids[i], f);
      if (!row) {
        Error e = row.error();
        for (auto& fe : e.fields) fe.field = "entries." + std::to_string(i) + ".files";
        return fail(e);
      }
    }
  }
  return {};
}

/// Moves the sheet on `version` to `to`, with its event and audit entry.
Result<void> move_sheet(storage::Tx& tx, const Principal& actor, const SheetContext& c, std::int64_t version,
                        SheetStatus to, const std::string& event, std::optional<ScoreRound> round,
                        const std::string& comment, TimePoint now) {
  const std::string at = to_iso(now);
  const std::string submitted = to == SheetStatus::submitted ? at : c.sheet.submitted_at;
  if (!storage::set_sheet_status(tx, c.sheet.id, version, to, submitted, at)) {
    return fail(ErrorKind::conflict, "edit.stale");
  }
  storage::insert_sheet_event(tx, c.sheet.id, event, round, comment, account_of(actor), at);
  record_audit(tx, actor,
               {"evaluation.sheet_" + event, "score_sheet", std::to_string(c.sheet.id),
                json::serialize(json::object{{"status", std::string(to_string(c.sheet.status))}}),
                json::serialize(json::object{{"status", std::string(to_string(to))}, {"comment", comment}})},
               now);
  return {};
}

/// The common start of every change: the sheet (or not found), the evaluation open, the version.
Result<SheetContext> for_change(storage::Tx& tx, const Principal& actor, std::int64_t sheet_id, std::int64_t version) {
  auto c = sheet_for(tx, actor, sheet_id);
  if (!c) return fail(c.error());
  if (auto open = require_open(c->evaluation); !open) return fail(open.error());
  if (c->sheet.version != version) return fail(ErrorKind::conflict, "edit.stale");
  return c;
}

}  // namespace

Result<SheetView> EvaluationService::sheet(const Principal& actor, std::int64_t sheet_id) {
  return db_->read([&](storage::Tx& tx) -> Result<SheetView> {
    auto c = sheet_for(tx, actor, sheet_id);
    if (!c) return fail(c.error());
    return view_of(tx, evidence_.get(), std::move(*c));
  });
}

Result<SheetView> EvaluationService::self_assess(const Principal& actor, std::int64_t sheet_id, std::int64_t version,
                                                 const std::vector<EntryInput>& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<SheetView> {
    auto c = for_change(tx, actor, sheet_id, version);
    if (!c) return fail(c.error());
    if (!is_subject(c->rights, c->sheet)) return fail(ErrorKind::forbidden, "evaluation.subject_only");
    if (!sheet_next(c->sheet.status, SheetAction::score_self)) return fail(ErrorKind::conflict, "evaluation.status_invalid");
    auto entries = checked_entries(c->tmpl, in, ScoreRound::self, {});
    if (!entries) return fail(entries.error());
    const std::string at = to_iso(now);
    auto ids = storage::insert_entries(tx, sheet_id, *entries, account_of(actor), at);
    if (auto ok = attach_files(tx, evidence_.get(), actor, c->sheet.agency_id, ids, in); !ok) return fail(ok.error());
    // The version moves on so that a form opened before this save is stale.
    if (!storage::set_sheet_status(tx, sheet_id, version, c->sheet.status, c->sheet.submitted_at, at)) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    storage::insert_sheet_event(tx, sheet_id, "scored", ScoreRound::self, "", account_of(actor), at);
    record_audit(tx, actor,
                 {"evaluation.sheet_self", "score_sheet", std::to_string(sheet_id), "",
                  json::serialize(json::object{{"entries", entries_json(*entries)}})},
                 now);
    return view_of(tx, evidence_.get(), *sheet_for(tx, actor, sheet_id));
  });
}

Result<SheetView> EvaluationService::submit(const Principal& actor, std::int64_t sheet_id, std::int64_t version) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<SheetView> {
    auto c = for_change(tx, actor, sheet_id, version);
    if (!c) return fail(c.error());
    if (!is_subject(c->rights, c->sheet)) return fail(ErrorKind::forbidden, "evaluation.subject_only");
    auto to = sheet_next(c->sheet.status, SheetAction::submit);
    if (!to) return fail(ErrorKind::conflict, "evaluation.status_invalid");
    if (auto ok = move_sheet(tx, actor, *c, version, *to, "submitted", ScoreRound::self, "", now); !ok) {
      return fail(ok.error());
    }
    return view_of(tx, evidence_.get(), *sheet_for(tx, actor, sheet_id));
  });
}

Result<SheetView> EvaluationService::review(const Principal& actor, std::int64_t sheet_id, std::int64_t version,
                                            const std::vector<EntryInput>& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<SheetView> {
    auto c = for_change(tx, actor, sheet_id, version);
    if (!c) return fail(c.error());
    if (is_subject(c->rights, c->sheet)) return fail(ErrorKind::forbidden, "evaluation.own_sheet");
    auto round = review_round(c->rights, c->sheet);
    if (!round) return fail(ErrorKind::forbidden, "evaluation.reviewer_only");
    auto to = sheet_next(c->sheet.status, SheetAction::review);
    if (!to) return fail(ErrorKind::conflict, "evaluation.status_invalid");
    std::map<std::int64_t, Points> current;
    for (const auto& e : storage::entries_of_sheet(tx, sheet_id)) current[e.criterion_id] = e.points;
    auto entries = checked_entries(c->tmpl, in, *round, current);
    if (!entries) return fail(entries.error());
    auto ids = storage::insert_entries(tx, sheet_id, *entries, account_of(actor), to_iso(now));
    if (auto ok = attach_files(tx, evidence_.get(), actor, c->sheet.agency_id, ids, in); !ok) return fail(ok.error());
    if (auto ok = move_sheet(tx, actor, *c, version, *to, "reviewed", *round, "", now); !ok) return fail(ok.error());
    record_audit(tx, actor,
                 {"evaluation.sheet_review", "score_sheet", std::to_string(sheet_id), "",
                  json::serialize(json::object{{"entries", entries_json(*entries)}})},
                 now);
    return view_of(tx, evidence_.get(), *sheet_for(tx, actor, sheet_id));
  });
}

Result<SheetView> EvaluationService::return_sheet(const Principal& actor, std::int64_t sheet_id, std::int64_t version,
                                                  const std::string& reason_in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<SheetView> {
    auto c = for_change(tx, actor, sheet_id, version);
    if (!c) return fail(c.error());
    if (is_subject(c->rights, c->sheet)) return fail(ErrorKind::forbidden, "evaluation.own_sheet");
    auto round = review_round(c->rights, c->sheet);
    if (!round) return fail(ErrorKind::forbidden, "evaluation.reviewer_only");
    auto to = sheet_next(c->sheet.status, SheetAction::return_to_subject);
    if (!to) return fail(ErrorKind::conflict, "evaluation.status_invalid");
    Error e = invalid();
    std::string reason;
    required_text(e, "reason", reason_in, kText, reason);
    if (!e.fields.empty()) return fail(e);
    if (auto ok = move_sheet(tx, actor, *c, version, *to, "returned", *round, reason, now); !ok) return fail(ok.error());
    return view_of(tx, evidence_.get(), *sheet_for(tx, actor, sheet_id));
  });
}

Result<SheetView> EvaluationService::finalise(const Principal& actor, std::int64_t sheet_id, std::int64_t version) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<SheetView> {
    auto c = for_change(tx, actor, sheet_id, version);
    if (!c) return fail(c.error());
    if (!c->rights.manages) return fail(ErrorKind::forbidden, "evaluation.office_only");
    if (is_subject(c->rights, c->sheet)) return fail(ErrorKind::forbidden, "evaluation.own_sheet");
    auto to = sheet_next(c->sheet.status, SheetAction::finalise);
    if (!to) return fail(ErrorKind::conflict, "evaluation.status_invalid");
    // The computed criteria are kept as they stand, so the final sheet no longer follows records.
    const MeasureTotals measures = storage::measures_of(tx, c->sheet.subject, c->sheet.person_id.value_or(c->sheet.unit_id),
                                                        c->tmpl.movement_id, c->tmpl.year);
    std::vector<storage::NewEntry> frozen;
    for (const auto* cr : c->tmpl.criteria()) {
      auto m = cr->formula ? parse_measure(cr->formula->measure) : std::nullopt;
      if (!m) continue;
      storage::NewEntry n;
      n.criterion_id = cr->id;
      n.round = ScoreRound::office_review;
      n.points = computed_points(*cr, measures);
      n.value = measures.value(*m, cr->formula->aggregate);
      frozen.push_back(std::move(n));
    }
    storage::insert_entries(tx, sheet_id, frozen, account_of(actor), to_iso(now));
    if (auto ok = move_sheet(tx, actor, *c, version, *to, "finalised", std::nullopt, "", now); !ok) {
      return fail(ok.error());
    }
    return view_of(tx, evidence_.get(), *sheet_for(tx, actor, sheet_id));
  });
}

}  // namespace thidua::services
