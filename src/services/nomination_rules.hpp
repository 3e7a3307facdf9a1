#pragma once
/// The rules engine as nominations and the council ask it: the eligibility of one subject for
/// one form (`EligibilityService::verdict_for`, its conditions worded in Vietnamese with their
/// citations), the council rule of a form (ballot, threshold on the membership, quorum) and the
/// dossier checklist, both from the rule set in force in the year of the date asked.

#include <memory>

#include "services/eligibility_service.hpp"
#include "services/nomination_service.hpp"
#include "text/catalogue.hpp"

namespace thidua::services {

NominationRules nomination_rules_from(std::shared_ptr<const EligibilityService> eligibility,
                                      std::shared_ptr<const text::Catalogue> catalogue);

}  // namespace thidua::services
