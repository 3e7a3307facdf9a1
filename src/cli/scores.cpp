// `thidua scores`: every template of an agency's evaluation of a movement and year, ranked, as
// JSON (standard output, or --out) or XLSX (--out). Read as the operator: every list of the
// agency. A cluster template is listed with its cross-scores' ranking (JSON only).

#include <fstream>
#include <iostream>

#include <boost/json.hpp>

#include "api/dto/evaluation_dto.hpp"
#include "cli/commands.hpp"
#include "services/evaluation_export.hpp"

namespace thidua::cli {

namespace json = boost::json;

namespace {

/// The movement an operator named: its id, or "latest": the agency's movement whose period
/// holds the year and began last (the highest id among equals).
Result<std::int64_t> movement_of(app::Services& s, const Principal& actor, std::int64_t agency_id,
                                 const std::string& typed, int year) {
  auto all = s.movements->list(actor, agency_id);
  if (!all) return fail(all.error());
  if (typed != "latest") {
    for (const auto& r : *all) {
      if (std::to_string(r.movement.id) == typed) return r.movement.id;
    }
    return fail(Error{ErrorKind::not_found, "movement.not_found", {}, {}, typed});
  }
  const Movement* best = nullptr;
  const std::string y = std::to_string(year);
  for (const auto& r : *all) {
    const auto& m = r.movement;
    if (m.period_from.substr(0, 4) > y || m.period_to.substr(0, 4) < y) continue;
    if (!best || m.period_from > best->period_from || (m.period_from == best->period_from && m.id > best->id)) best = &m;
  }
  if (!best) return fail(Error{ErrorKind::not_found, "movement.not_found", {}, {}, "no movement covers " + y});
  return best->id;
}

int write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) return report(Error{ErrorKind::internal, "internal", {}, {}, "cannot write " + path});
  return 0;
}

}  // namespace

int scores(app::Services& s, std::int64_t agency_id, const ScoresOptions& o) {
  if (o.format != "json" && o.format != "xlsx") {
    std::cerr << "--format: json hoặc xlsx" << std::endl;
    return 2;
  }
  if (o.format == "xlsx" && o.out.empty()) {
    std::cerr << "--format xlsx cần --out FILE" << std::endl;
    return 2;
  }
  const auto actor = services::operator_principal(operator_name());
  auto movement = movement_of(s, actor, agency_id, o.movement, o.year);
  if (!movement) return report(movement.error());
  auto templates = s.evaluations->templates_of(actor, agency_id, *movement, o.year);
  if (!templates) return report(templates.error());
  std::vector<services::RankingView> rankings;
  json::array out;
  for (const auto& t : *templates) {
    if (t.subject == EvalSubject::cluster_agency) {
      auto c = s.evaluations->cluster_ranking(actor, t.id);
      if (!c) continue;  // the agency is in no cluster that year
      json::array rows;
      for (const auto& r : c->rows) {
        rows.push_back(json::object{{"agency_id", r.agency_id},
                                    {"agency_name", c->agency_names[r.agency_id]},
                                    {"scorers", r.scorers},
                                    {"average", static_cast<double>(r.average) / kPointScale},
                                    {"rank", r.rank}});
      }
      out.push_back(json::object{{"template_id", t.id}, {"title", t.title}, {"subject", "cluster_agency"},
                                 {"year", t.year}, {"cluster_id", c->cluster_id}, {"ranked", std::move(rows)}});
      continue;
    }
    auto r = s.evaluations->ranking(actor, t.id);
    if (!r) return report(r.error());
    out.push_back(api::dto::to_json(*r));
    rankings.push_back(std::move(*r));
  }
  if (o.format == "xlsx") {
    if (rankings.empty()) {
      std::cerr << "Chưa có bảng chấm điểm nào cho phong trào " << *movement << " năm " << o.year << "." << std::endl;
      return 1;
    }
    auto bytes = services::ranking_xlsx(rankings);
    if (!bytes) return report(bytes.error());
    if (int rc = write_file(o.out, *bytes)) return rc;
    std::cerr << "Đã xuất " << o.out << std::endl;
    return 0;
  }
  json::object doc{{"agency_id", agency_id}, {"movement_id", *movement}, {"year", o.year},
                   {"templates", std::move(out)}};
  const std::string text = json::serialize(doc) + "\n";
  if (o.out.empty()) {
    std::cout << text << std::flush;
    return 0;
  }
  return write_file(o.out, text);
}

}  // namespace thidua::cli
