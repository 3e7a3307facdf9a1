#pragma once
/// A decision and a submission to the province as official documents (Decree 30 layout): the
/// header block, QUYẾT ĐỊNH / TỜ TRÌNH with the title, the preamble (who decides, the legal
/// bases, the proposal), Điều 1–3, the signature beside the recipients, and the annex listing
/// the awardees with their bonuses and the total. DOCX and PDF come from the same model.

#include <string>

#include "documents/document.hpp"
#include "domain/decision.hpp"

namespace thidua::services {

documents::Document decision_document(const Decision& d);
/// "quyet-dinh-12-QD-BDT-2026.pdf".
std::string decision_file_name(const Decision& d, const std::string& extension);

documents::Document submission_document(const HigherAward& h, const std::string& agency_name);
std::string submission_file_name(const HigherAward& h, const std::string& extension);

}  // namespace thidua::services
