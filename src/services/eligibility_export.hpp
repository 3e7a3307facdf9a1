#pragma once
/// The eligibility list as XLSX: one sheet per kind of subject (people, units, households) with
/// a column per title or form giving the verdict, then a sheet "Lý do" with every condition of
/// every verdict (its outcome, sentence and citation), in the reader's language.

#include <string>

#include "domain/error.hpp"
#include "services/eligibility_service.hpp"
#include "text/catalogue.hpp"

namespace thidua::services {

Result<std::string> eligibility_xlsx(const EligibilityView& v, const text::Catalogue& cat, text::Lang lang);

}  // namespace thidua::services
