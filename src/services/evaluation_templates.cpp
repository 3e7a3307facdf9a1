// Scoring templates, applying them to the agency, closing and reopening the evaluation.

#include <limits>

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/evaluation_rules.hpp"
#include "services/evaluation_service.hpp"
#include "services/scope.hpp"
#include "services/validation.hpp"
#include "storage/movement_repo.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;
using namespace evaluation_rules;

namespace {

/// Points typed in a template ("10", "9,5") into `out`; a field error otherwise.
void points_field(Error& e, const std::string& field, const std::string& value, Points& out) {
  auto p = parse_points(value);
  if (!p) {
    e.field(field, text::trim(value).empty() ? "validation.required" : "evaluation.points_invalid");
    return;
  }
  out = *p;
}

void whole_field(Error& e, const std::string& field, const std::string& value, long long& out) {
  // A threshold's value is in the measure's unit: a whole number ("1.250.000" as people type it).
  std::string digits;
  for (char c : text::trim(value)) {
    if (c == '.' || c == ' ') continue;
    digits += c;
  }
  if (digits.empty() || digits.size() > 15 || digits.find_first_not_of("0123456789") != std::string::npos) {
    e.field(field, digits.empty() ? "validation.required" : "validation.invalid");
    return;
  }
  out = std::stoll(digits);
}

/// The typed template as a domain template, with every field error at once (parse and rules).
Result<ScoreTemplate> parse_template(const TemplateInput& in, bool with_header) {
  Error e = invalid();
  ScoreTemplate t;
  if (with_header) {
    auto subject = parse_eval_subject(text::trim(in.subject));
    if (!subject) e.field("subject", "validation.invalid");
    t.subject = subject.value_or(EvalSubject::person);
  }
  required_text(e, "title", in.title, kLine, t.title);
  for (std::size_t g = 0; g < in.groups.size(); ++g) {
    const auto& gi = in.groups[g];
    const std::string gat = "groups." + std::to_string(g);
    ScoreGroup group;
    optional_text(e, gat + ".title", gi.title, kLine, group.title);
    for (std::size_t c = 0; c < gi.criteria.size(); ++c) {
      const auto& ci = gi.criteria[c];
      const std::string at = gat + ".criteria." + std::to_string(c);
      ScoreCriterion cr;
      optional_text(e, at + ".title", ci.title, kLine, cr.title);
      optional_text(e, at + ".guidance", ci.guidance, kText, cr.guidance);
      optional_text(e, at + ".evidence_expected", ci.evidence_expected, kText, cr.evidence_expected);
      auto kind = parse_criterion_kind(text::trim(ci.kind));
      if (!kind) e.field(at + ".kind", "validation.invalid");
      cr.kind = kind.value_or(CriterionKind::normal);
      points_field(e, at + ".max_points", ci.max_points, cr.max_points);
      const auto measure = std::string(text::trim(ci.measure));
      if (!measure.empty()) {
        ScoreFormula f;
        f.measure = measure;  // validate_template refuses a measure that does not exist
        auto aggregate = parse_aggregate(text::trim(ci.aggregate));
        auto mapping = parse_mapping(text::trim(ci.mapping));
        if (!aggregate) e.field(at + ".formula.aggregate", "validation.invalid");
        if (!mapping) e.field(at + ".formula.mapping", "validation.invalid");
        f.aggregate = aggregate.value_or(Aggregate::sum);
        f.mapping = mapping.value_or(Mapping::linear);
        if (f.mapping == Mapping::linear) {
          points_field(e, at + ".formula.per_unit", ci.per_unit, f.per_unit);
        } else {
          for (std::size_t i = 0; i < ci.thresholds.size(); ++i) {
            const std::string tat = at + ".formula.thresholds." + std::to_string(i);
            ScoreThreshold th;
            whole_field(e, tat + ".at_least", ci.thresholds[i].at_least, th.at_least);
            points_field(e, tat + ".points", ci.thresholds[i].points, th.points);
            f.thresholds.push_back(th);
          }
        }
        cr.formula = std::move(f);
      }
      group.criteria.push_back(std::move(cr));
    }
    t.groups.push_back(std::move(group));
  }
  for (std::size_t b = 0; b < in.bands.size(); ++b) {
    const std::string at = "bands." + std::to_string(b);
    ScoreBand band;
    optional_text(e, at + ".code", in.bands[b].code, 40, band.code);
    optional_text(e, at + ".name", in.bands[b].name, kLine, band.name);
    points_field(e, at + ".at_least", in.bands[b].at_least, band.at_least);
    t.bands.push_back(std::move(band));
  }
  // The rules only where the typing was right, so a field is not named twice.
  const std::size_t typing = e.fields.size();
  for (auto& f : validate_template(t)) {
    bool named = false;
    for (std::size_t i = 0; i < typing; ++i) named = named || e.fields[i].field == f.field;
    if (!named) e.fields.push_back(std::move(f));
  }
  if (!e.fields.empty()) return fail(e);
  return t;
}

json::object template_fields(const ScoreTemplate& t) {
  json::array groups;
  for (const auto& g : t.groups) {
    json::array criteria;
    for (const auto& c : g.criteria) {
      json::object o{{"title", c.title},
                     {"kind", std::string(to_string(c.kind))},
                     {"max_points", c.max_points},
                     {"measure", c.formula ? c.formula->measure : std::string()}};
      criteria.push_back(std::move(o));
    }
    groups.push_back(json::object{{"title", g.title}, {"criteria", std::move(criteria)}});
  }
  json::array bands;
  for (const auto& b : t.bands) bands.push_back(json::object{{"code", b.code}, {"at_least", b.at_least}});
  return json::object{{"title", t.title},
                      {"subject", std::string(to_string(t.subject))},
                      {"year", t.year},
                      {"movement_id", t.movement_id},
                      {"groups", std::move(groups)},
                      {"bands", std::move(bands)}};
}

/// The evaluation of a movement of the agency and a year of its period, opened on first use.
Result<storage::EvaluationRow> evaluation_of(storage::Tx& tx, const Principal& actor, std::int64_t agency_id,
                                             std::int64_t movement_id, int year, const std::string& at) {
  auto m = storage::find_movement(tx, movement_id);
  if (!m || m->agency_id != agency_id) return fail(ErrorKind::not_found, "movement.not_found");
  const auto from = parse_whole(m->period_from.substr(0, 4), 0, 9999).value_or(0);
  const auto to = parse_whole(m->period_to.substr(0, 4), 0, 9999).value_or(0);
  if (year < from || year > to) {
    return fail(Error{ErrorKind::validation, "validation.invalid", {}, {{"year", "evaluation.year_outside_period"}}, ""});
  }
  if (auto e = storage::find_evaluation_for(tx, agency_id, movement_id, year)) return *e;
  auto id = storage::insert_evaluation(tx, agency_id, movement_id, year, account_of(actor), at);
  return *storage::find_evaluation(tx, id);
}

Result<int> parse_year(const std::string& text_in) {
  auto y = parse_whole(text_in, 1900, 2200);
  if (!y) return fail(Error{ErrorKind::validation, "validation.invalid", {}, {{"year", "validation.invalid"}}, ""});
  return static_cast<int>(*y);
}

}  // namespace

EvaluationService::EvaluationService(std::shared_ptr<storage::Database> db, std::shared_ptr<EvidenceService> evidence,
                                     Clock clock)
    : db_(std::move(db)), evidence_(std::move(evidence)), clock_(std::move(clock)) {
  if (!evidence_) return;
  evidence_->register_subject("score_entry", [](storage::Tx& tx, const Principal& actor, std::int64_t entry_id) {
    auto sheet = storage::sheet_of_entry(tx, entry_id);
    return sheet && sheet_for(tx, actor, *sheet).has_value();
  });
}

Result<ScoreTemplate> EvaluationService::create_template(const Principal& actor, std::int64_t agency_id,
                                                         const TemplateInput& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<ScoreTemplate> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    if (!can_manage_agency(actor, agency_id)) return fail(ErrorKind::forbidden, "evaluation.office_only");
    auto t = parse_template(in, true);
    auto year = parse_year(in.year);
    const auto movement = parse_whole(in.movement_id, 1, std::numeric_limits<long long>::max());
    if (!t || !year || !movement) {
      Error e = !t ? t.error() : invalid();
      if (!year) e.fields.insert(e.fields.end(), year.error().fields.begin(), year.error().fields.end());
      if (!movement) e.field("movement_id", "validation.invalid");
      return fail(e);
    }
    const std::int64_t movement_id = *movement;
    auto ev = evaluation_of(tx, actor, agency_id, movement_id, *year, to_iso(now));
    if (!ev) return fail(ev.error());
    if (auto open = require_open(*ev); !open) return fail(open.error());
    if (storage::template_id_for(tx, ev->id, t->subject)) return fail(ErrorKind::conflict, "evaluation.template_exists");
    t->agency_id = agency_id;
    t->movement_id = movement_id;
    t->year = *year;
    auto id = storage::insert_template(tx, *t, ev->id, account_of(actor), to_iso(now));
    auto saved = *storage::find_template(tx, id);
    record_audit(tx, actor,
                 {"evaluation.template_create", "score_template", std::to_string(id), "",
                  json::serialize(template_fields(saved))},
                 now);
    return saved;
  });
}

Result<ScoreTemplate> EvaluationService::update_template(const Principal& actor, std::int64_t template_id,
                                                         std::int64_t version, const TemplateInput& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<ScoreTemplate> {
    auto old = template_for(tx, actor, template_id);
    if (!old) return fail(old.error());
    if (!can_manage_agency(actor, old->agency_id)) return fail(ErrorKind::forbidden, "evaluation.office_only");
    if (old->version != version) return fail(ErrorKind::conflict, "edit.stale");
    auto ev = storage::find_evaluation(tx, *storage::template_evaluation(tx, template_id));
    if (auto open = require_open(*ev); !open) return fail(open.error());
    if (storage::template_uses(tx, template_id) > 0) {
      return fail(ErrorKind::conflict, "evaluation.template_in_use");
    }
    auto t = parse_template(in, false);
    if (!t) return fail(t.error());
    t->id = template_id;
    t->version = version;
    t->subject = old->subject;
    if (!storage::replace_template(tx, *t, to_iso(now))) return fail(ErrorKind::conflict, "edit.stale");
    auto saved = *storage::find_template(tx, template_id);
    record_audit(tx, actor,
                 {"evaluation.template_update", "score_template", std::to_string(template_id),
                  json::serialize(template_fields(*old)), json::serialize(template_fields(saved))},
                 now);
    return saved;
  });
}

Result<ScoreTemplate> EvaluationService::copy_last_year(const Principal& actor, std::int64_t agency_id,
                                                        std::int64_t movement_id, int year, EvalSubject subject) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<ScoreTemplate> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    if (!can_manage_agency(actor, agency_id)) return fail(ErrorKind::forbidden, "evaluation.office_only");
    auto last = storage::find_evaluation_for(tx, agency_id, movement_id, year - 1);
    auto source_id = last ? storage::template_id_for(tx, last->id, subject) : std::nullopt;
    if (!source_id) return fail(ErrorKind::not_found, "evaluation.no_previous_template");
    auto ev = evaluation_of(tx, actor, agency_id, movement_id, year, to_iso(now));
    if (!ev) return fail(ev.error());
    if (auto open = require_open(*ev); !open) return fail(open.error());
    if (storage::template_id_for(tx, ev->id, subject)) return fail(ErrorKind::conflict, "evaluation.template_exists");
    auto t = *storage::find_template(tx, *source_id);
    t.copied_from = t.id;
    t.year = year;
    auto id = storage::insert_template(tx, t, ev->id, account_of(actor), to_iso(now));
    auto saved = *storage::find_template(tx, id);
    json::object after = template_fields(saved);
    after["copied_from"] = *source_id;
    record_audit(tx, actor, {"evaluation.template_copy", "score_template", std::to_string(id), "",
                             json::serialize(after)},
                 now);
    return saved;
  });
}

Result<ScoreTemplate> EvaluationService::get_template(const Principal& actor, std::int64_t template_id) {
  return db_->read([&](storage::Tx& tx) { return template_for(tx, actor, template_id); });
}

Result<long long> EvaluationService::template_uses(const Principal& actor, std::int64_t template_id) {
  return db_->read([&](storage::Tx& tx) -> Result<long long> {
    auto t = template_for(tx, actor, template_id);
    if (!t) return fail(t.error());
    return storage::template_uses(tx, template_id);
  });
}

Result<long long> EvaluationService::apply_template(const Principal& actor, std::int64_t template_id) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<long long> {
    auto t = template_for(tx, actor, template_id);
    if (!t) return fail(t.error());
    if (!can_manage_agency(actor, t->agency_id)) return fail(ErrorKind::forbidden, "evaluation.office_only");
    if (t->subject == EvalSubject::cluster_agency) return fail(ErrorKind::validation, "evaluation.cluster_not_applied");
    const auto evaluation_id = *storage::template_evaluation(tx, template_id);
    auto ev = storage::find_evaluation(tx, evaluation_id);
    if (auto open = require_open(*ev); !open) return fail(open.error());
    const auto subject = t->subject == EvalSubject::unit ? RecordSubject::unit : RecordSubject::person;
    auto subjects = storage::subjects_without_sheet(tx, t->agency_id, template_id, subject);
    auto made = storage::insert_sheets(tx, *t, evaluation_id, subject, subjects, account_of(actor), to_iso(now));
    record_audit(tx, actor,
                 {"evaluation.template_apply", "score_template", std::to_string(template_id), "",
                  json::serialize(json::object{{"sheets", made}})},
                 now);
    return made;
  });
}

namespace {

Result<storage::EvaluationRow> change_status(storage::Database& db, const Principal& actor, std::int64_t id,
                                             std::int64_t version, const std::string& reason_in, bool close,
                                             TimePoint now) {
  return db.write([&](storage::Tx& tx) -> Result<storage::EvaluationRow> {
    auto e = storage::find_evaluation(tx, id);
    if (!e || !can_read_agency(tx, actor, e->agency_id)) return fail(ErrorKind::not_found, "evaluation.not_found");
    if (!can_manage_agency(actor, e->agency_id)) return fail(ErrorKind::forbidden, "evaluation.office_only");
    if (e->version != version) return fail(ErrorKind::conflict, "edit.stale");
    const auto want = close ? EvaluationStatus::closed : EvaluationStatus::open;
    if (e->status == want) return fail(ErrorKind::conflict, close ? "evaluation.already_closed" : "evaluation.already_open");
    Error err = invalid();
    std::string reason;
    required_text(err, "reason", reason_in, kText, reason);
    if (!err.fields.empty()) return fail(err);
    if (!storage::set_evaluation_status(tx, id, version, want)) return fail(ErrorKind::conflict, "edit.stale");
    const std::string event = close ? "closed" : "reopened";
    storage::insert_evaluation_event(tx, id, event, reason, account_of(actor), to_iso(now));
    record_audit(tx, actor,
                 {"evaluation." + std::string(close ? "close" : "reopen"), "evaluation", std::to_string(id),
                  json::serialize(json::object{{"status", std::string(to_string(e->status))}}),
                  json::serialize(json::object{{"status", std::string(to_string(want))}, {"reason", reason}})},
                 now);
    return *storage::find_evaluation(tx, id);
  });
}

}  // namespace

Result<storage::EvaluationRow> EvaluationService::close(const Principal& actor, std::int64_t evaluation_id,
                                                        std::int64_t version, const std::string& reason) {
  return change_status(*db_, actor, evaluation_id, version, reason, true, clock_());
}

Result<storage::EvaluationRow> EvaluationService::reopen(const Principal& actor, std::int64_t evaluation_id,
                                                         std::int64_t version, const std::string& reason) {
  return change_status(*db_, actor, evaluation_id, version, reason, false, clock_());
}

Result<std::vector<storage::EvaluationEventRow>> EvaluationService::evaluation_history(const Principal& actor,
                                                                                       std::int64_t evaluation_id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<storage::EvaluationEventRow>> {
    auto e = storage::find_evaluation(tx, evaluation_id);
    if (!e || !can_read_agency(tx, actor, e->agency_id)) return fail(ErrorKind::not_found, "evaluation.not_found");
    return storage::evaluation_events(tx, evaluation_id);
  });
}

}  // namespace thidua::services
