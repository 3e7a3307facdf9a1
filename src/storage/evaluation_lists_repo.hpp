#pragma once
/// Reads for the evaluation pages: an agency's evaluations, the templates of one with their
/// sheet counts, the sheets of a person and of a unit. The service checks who may see them.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/evaluation.hpp"
#include "storage/database.hpp"
#include "storage/evaluation_repo.hpp"

namespace thidua::storage {

struct TemplateSummary {
  std::int64_t id = 0;
  EvalSubject subject = EvalSubject::person;
  std::string title;
  std::int64_t version = 1;
  long long sheets = 0;
  long long submitted = 0;  ///< submitted, reviewed or final
};

/// Newest year first.
std::vector<EvaluationRow> evaluations_of_agency(Tx& tx, std::int64_t agency_id);
std::vector<TemplateSummary> templates_of_evaluation(Tx& tx, std::int64_t evaluation_id);
/// The person's sheets of the evaluation.
std::vector<SheetRow> sheets_of_person(Tx& tx, std::int64_t evaluation_id, std::int64_t person_id);
/// The unit's own sheet first, then its people's, by name.
std::vector<SheetRow> sheets_of_unit(Tx& tx, std::int64_t evaluation_id, std::int64_t unit_id);

}  // namespace thidua::storage
