// The decision register of a year as XLSX (decision_service.hpp): the decisions, and every
// awardee with form, basis and bonus, through the same service as the page.

#include "documents/xlsx_writer.hpp"
#include "services/decision_rules.hpp"
#include "services/decision_service.hpp"

namespace thidua::services {

namespace {

using documents::Column;

std::string status_vi(DecisionStatus s) {
  switch (s) {
    case DecisionStatus::draft: return "Dự thảo";
    case DecisionStatus::issued: return "Đã ban hành";
    case DecisionStatus::withdrawn: return "Đã thu hồi";
  }
  return "";
}

std::string subject_vi(AwardSubject s) {
  switch (s) {
    case AwardSubject::person: return "Cá nhân";
    case AwardSubject::unit: return "Tập thể";
    case AwardSubject::household: return "Hộ gia đình";
  }
  return "";
}

std::string basis_vi(AwardBasis b) {
  switch (b) {
    case AwardBasis::yearly: return "Thường xuyên (hằng năm)";
    case AwardBasis::movement: return "Theo phong trào thi đua";
    case AwardBasis::thematic: return "Theo chuyên đề";
    case AwardBasis::sudden: return "Đột xuất";
    case AwardBasis::merit: return "Công trạng";
    case AwardBasis::service: return "Cống hiến, niên hạn";
  }
  return "";
}

}  // namespace

Result<std::string> decisions_xlsx(DecisionService& service, const Principal& actor, std::int64_t agency_id, int year) {
  auto reg = service.register_of(actor, agency_id, year);
  if (!reg) return fail(reg.error());
  documents::Table decisions{"Sổ quyết định " + std::to_string(reg->year), "",
                             {{"Số", 16}, {"Ngày", 14, Column::date}, {"Trích yếu", 60}, {"Trạng thái", 14},
                              {"Số được khen", 14, Column::integer}, {"Tiền thưởng", 18, Column::money}},
                             {}};
  documents::Table awardees{"Người được khen", "",
                            {{"Quyết định", 16}, {"STT", 6, Column::integer}, {"Họ và tên / Tập thể", 32}, {"Đối tượng", 14},
                             {"Đơn vị", 32}, {"Hình thức", 30}, {"Loại khen thưởng", 22}, {"Thành tích", 50},
                             {"Tiền thưởng", 16, Column::money}},
                            {}};
  // The register lists newest first; the sheet reads as the book does, oldest first.
  for (auto it = reg->decisions.rbegin(); it != reg->decisions.rend(); ++it) {
    const auto& s = *it;
    const std::string ref = decision_ref(s.number, s.symbol);
    decisions.rows.push_back({ref, s.decision_date, s.title, status_vi(s.status), std::to_string(s.awardees),
                              std::to_string(s.total_bonus)});
    auto v = service.get(actor, s.id);
    if (!v) return fail(v.error());
    int n = 0;
    for (const auto& a : v->decision.awardees) {
      awardees.rows.push_back({ref, std::to_string(++n), a.subject_name, subject_vi(a.subject), a.unit_name,
                               decision_rules::form_name_vi(a.form), basis_vi(a.basis), a.achievement,
                               std::to_string(a.bonus)});
    }
  }
  return documents::write_xlsx({decisions, awardees});
}

}  // namespace thidua::services
