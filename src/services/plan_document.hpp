#pragma once
/// A movement's plan as an official document (Decree 30 layout), in the order and wording of
/// the seed plan: Căn cứ …; I. MỤC ĐÍCH, YÊU CẦU; II. NỘI DUNG THI ĐUA; III. ĐỐI TƯỢNG, TIÊU CHÍ
/// THI ĐUA; TIÊU CHUẨN, HÌNH THỨC KHEN THƯỞNG; IV. TIẾN ĐỘ THỰC HIỆN; V. TỔ CHỨC THỰC HIỆN;
/// the closing sentence, recipients and signature. Sections without items are left out and
/// the rest numbered in order. Documents are Vietnamese whatever the reader's language.

#include <string>
#include <vector>

#include "documents/document.hpp"
#include "domain/movement.hpp"

namespace thidua::services {

documents::Document plan_document(const Movement& m, const std::vector<PlanItem>& items,
                                  const std::string& agency_name);

/// A legal basis as the plan cites it: "Nghị quyết số 12-NQ/TU ngày 09/6/2022 của … về …".
std::string cite_legal_basis(const PlanItem& basis);

/// The file name offered for a plan: "KH-BDT_2021-2025.docx".
std::string plan_file_name(const Movement& m, const std::string& extension);

}  // namespace thidua::services
