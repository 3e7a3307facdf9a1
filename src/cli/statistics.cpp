// `thidua statistics --agency CODE --form 0601|0602|0603 --year YYYY --format xlsx|pdf --out FILE`:
// a statistical form of Circular 02/2023/TT-BNV computed from the register, read as the
// operator (every agency).

#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "services/auth_service.hpp"

namespace thidua::cli {

int statistics(app::Services& s, std::int64_t agency_id, const StatisticsOptions& o) {
  auto form = services::parse_stat_form(o.form);
  if (!form) return report(Error{ErrorKind::validation, "statistics.form_unknown", {}, {}, o.form});
  const auto actor = services::operator_principal(operator_name());
  auto f = s.statistics->form(actor, agency_id, *form, o.year);
  if (!f) return report(f.error());
  auto bytes = o.format == "pdf" ? services::StatisticsService::form_pdf(*f) : services::StatisticsService::form_xlsx(*f);
  if (!bytes) return report(bytes.error());
  std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
  out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
  if (!out) return report(Error{ErrorKind::internal, "internal", {}, {}, "cannot write " + o.out});
  std::cout << "Đã ghi biểu " << f->form_code << " năm " << f->year << " của " << f->reporting_unit << " vào " << o.out
            << std::endl;
  return 0;
}

}  // namespace thidua::cli
