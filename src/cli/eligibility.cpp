// `thidua eligibility`: the eligibility of every person, unit and household of an agency for a
// year (and a movement), as JSON (standard output, or --out) or XLSX (--out). Read as the
// operator: the whole agency. Sentences in Vietnamese.

#include <fstream>
#include <iostream>

#include <boost/json.hpp>

#include "api/dto/eligibility_dto.hpp"
#include "cli/commands.hpp"
#include "services/eligibility_export.hpp"

namespace thidua::cli {

int eligibility(app::Services& s, std::int64_t agency_id, const EligibilityOptions& o) {
  if (o.format != "json" && o.format != "xlsx") {
    std::cerr << "--format: json hoặc xlsx" << std::endl;
    return 2;
  }
  if (o.format == "xlsx" && o.out.empty()) {
    std::cerr << "--format xlsx cần --out FILE" << std::endl;
    return 2;
  }
  auto cat = app::load_catalogue();
  if (!cat) return report(cat.error());
  const auto actor = services::operator_principal(operator_name());
  services::EligibilityQuery q{agency_id, o.year, std::nullopt, std::nullopt};
  if (o.movement > 0) q.movement_id = o.movement;
  auto v = s.eligibility->compute(actor, q);
  if (!v) return report(v.error());
  std::string bytes;
  if (o.format == "xlsx") {
    auto x = services::eligibility_xlsx(*v, **cat, text::Lang::vi);
    if (!x) return report(x.error());
    bytes = std::move(*x);
  } else {
    bytes = boost::json::serialize(api::dto::to_json(*v, agency_id, **cat, text::Lang::vi)) + "\n";
    if (o.out.empty()) {
      std::cout << bytes << std::flush;
      return 0;
    }
  }
  std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) return report(Error{ErrorKind::internal, "internal", {}, {}, "cannot write " + o.out});
  std::cerr << "Đã xuất " << o.out << std::endl;
  return 0;
}

}  // namespace thidua::cli
