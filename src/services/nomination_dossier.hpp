#pragma once
/// Internal to the nomination service: the achievement report the system drafts from the
/// record, and a dossier's checklist filled with what the nomination holds. Not for other
/// layers.

#include <string>
#include <vector>

#include "domain/evidence.hpp"
#include "domain/nomination.hpp"
#include "services/nomination_service.hpp"
#include "storage/database.hpp"
#include "storage/nomination_repo.hpp"

namespace thidua::services {

/// The report (báo cáo thành tích, after "Mẫu 05") from the record: who the subject is, their
/// verified achievements of the year, a person's recognised initiatives, and what the rules
/// said. Plain text, one paragraph a line, for people to edit.
std::string draft_achievement_report(storage::Tx& tx, const storage::NominationRow& n);

/// The checklist with each item's files (uploaded with the item's code as caption) and whether
/// it is complete; a nomination the rules refused gets the justification as an item. Files
/// of no item go to `other`.
std::vector<DossierEntry> dossier_of(const storage::NominationRow& n, std::vector<NominationDossierItem> items,
                                     bool has_report, const std::vector<EvidenceRow>& files,
                                     std::vector<EvidenceRow>& other);

}  // namespace thidua::services
