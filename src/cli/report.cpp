// `thidua report`: a movement's review report (yearly, mid-term, final) as DOCX, PDF or XLSX,
// made as the movement page makes it — the stored draft's text when there is one, else the
// default text — with the figures gathered now. Read as the operator.

#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "services/review_report_service.hpp"

namespace thidua::cli {

int review_report(app::Services& s, std::int64_t agency_id, const ReportOptions& o) {
  const auto actor = services::operator_principal(operator_name());
  auto content = s.review_reports->content_for(actor, o.movement, o.kind, o.year);
  if (!content) return report(content.error());
  if (content->movement.agency_id != agency_id) {
    return report(Error{ErrorKind::not_found, "movement.not_found", {}, {}, "the movement is another agency's"});
  }
  auto file = services::ReviewReportService::render(*content, o.format);
  if (!file) return report(file.error());
  std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
  out.write(file->bytes.data(), static_cast<std::streamsize>(file->bytes.size()));
  if (!out) return report(Error{ErrorKind::internal, "internal", {}, {}, "cannot write " + o.out});
  std::cerr << "Đã xuất " << o.out << std::endl;
  return 0;
}

}  // namespace thidua::cli
