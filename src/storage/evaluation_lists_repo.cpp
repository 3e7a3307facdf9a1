// Reads for the evaluation pages (declared in evaluation_lists_repo.hpp).

#include "storage/evaluation_lists_repo.hpp"

#include <soci/soci.h>

#include "storage/evaluation_lists_sql.hpp"
#include "storage/evaluation_sql.hpp"

namespace thidua::storage {

namespace {

/// kSheetColumns + `where`, with the evaluation and one more id bound.
std::vector<SheetRow> sheets_where(Tx& tx, const char* where, long long evaluation, long long other) {
  long long id = 0, ev = 0, tmpl = 0, agency = 0, unit = 0, person = 0, version = 0;
  std::string subject, status, submitted_at, name, sort_key, unit_name;
  auto st = tx.prepared(std::string(sql::kSheetColumns) + where);
  st->exchange(soci::into(id));
  st->exchange(soci::into(ev));
  st->exchange(soci::into(tmpl));
  st->exchange(soci::into(agency));
  st->exchange(soci::into(subject));
  st->exchange(soci::into(unit));
  st->exchange(soci::into(person));
  st->exchange(soci::into(status));
  st->exchange(soci::into(submitted_at));
  st->exchange(soci::into(version));
  st->exchange(soci::into(name));
  st->exchange(soci::into(sort_key));
  st->exchange(soci::into(unit_name));
  st->exchange(soci::use(evaluation));
  st->exchange(soci::use(other));
  st->define_and_bind();
  std::vector<SheetRow> out;
  if (st->execute(true)) {
    do {
      SheetRow s;
      s.id = id;
      s.evaluation_id = ev;
      s.template_id = tmpl;
      s.agency_id = agency;
      s.subject = parse_record_subject(subject).value_or(RecordSubject::person);
      s.unit_id = unit;
      if (person != 0) s.person_id = person;
      s.status = parse_sheet_status(status).value_or(SheetStatus::draft);
      s.submitted_at = submitted_at;
      s.version = version;
      s.subject_name = name;
      s.sort_key = sort_key;
      s.unit_name = unit_name;
      out.push_back(std::move(s));
    } while (st->fetch());
  }
  return out;
}

}  // namespace

std::vector<EvaluationRow> evaluations_of_agency(Tx& tx, std::int64_t agency_id) {
  long long id = 0, agency = 0, movement = 0, version = 0;
  int year = 0;
  std::string status;
  long long a = agency_id;
  auto st = tx.prepared(sql::kEvaluationsOfAgency);
  st->exchange(soci::into(id));
  st->exchange(soci::into(agency));
  st->exchange(soci::into(movement));
  st->exchange(soci::into(year));
  st->exchange(soci::into(status));
  st->exchange(soci::into(version));
  st->exchange(soci::use(a));
  st->define_and_bind();
  std::vector<EvaluationRow> out;
  if (st->execute(true)) {
    do {
      EvaluationRow e;
      e.id = id;
      e.agency_id = agency;
      e.movement_id = movement;
      e.year = year;
      e.status = parse_evaluation_status(status).value_or(EvaluationStatus::open);
      e.version = version;
      out.push_back(e);
    } while (st->fetch());
  }
  return out;
}

std::vector<TemplateSummary> templates_of_evaluation(Tx& tx, std::int64_t evaluation_id) {
  long long id = 0, version = 0, sheets = 0, submitted = 0;
  std::string subject, title;
  long long e = evaluation_id;
  auto st = tx.prepared(sql::kTemplatesOfEvaluation);
  st->exchange(soci::into(id));
  st->exchange(soci::into(subject));
  st->exchange(soci::into(title));
  st->exchange(soci::into(version));
  st->exchange(soci::into(sheets));
  st->exchange(soci::into(submitted));
  st->exchange(soci::use(e));
  st->define_and_bind();
  std::vector<TemplateSummary> out;
  if (st->execute(true)) {
    do {
      TemplateSummary t;
      t.id = id;
      t.subject = parse_eval_subject(subject).value_or(EvalSubject::person);
      t.title = title;
      t.version = version;
      t.sheets = sheets;
      t.submitted = submitted;
      out.push_back(std::move(t));
    } while (st->fetch());
  }
  return out;
}

std::vector<SheetRow> sheets_of_person(Tx& tx, std::int64_t evaluation_id, std::int64_t person_id) {
  return sheets_where(tx, sql::kSheetsOfPerson, evaluation_id, person_id);
}

std::vector<SheetRow> sheets_of_unit(Tx& tx, std::int64_t evaluation_id, std::int64_t unit_id) {
  return sheets_where(tx, sql::kSheetsOfUnit, evaluation_id, unit_id);
}

}  // namespace thidua::storage
