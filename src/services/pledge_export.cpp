// The pledge list as XLSX: one row per target (a pledge without targets is one row), with
// Vietnamese headers and the words of the glossary.

#include <chrono>

#include "documents/xlsx_writer.hpp"
#include "services/covenant_service.hpp"
#include "services/measure_names.hpp"
#include "services/pledge_service.hpp"

namespace thidua::services {

namespace {

using documents::Column;

const char* status_vi(PledgeStatus s) {
  switch (s) {
    case PledgeStatus::draft: return "Nháp";
    case PledgeStatus::submitted: return "Đã gửi, chờ duyệt";
    case PledgeStatus::returned: return "Bị trả lại";
    case PledgeStatus::approved: return "Đã duyệt";
    case PledgeStatus::withdrawn: return "Đã rút";
  }
  return "";
}


const char* aim_vi(AwardAim a) {
  switch (a) {
    case AwardAim::advanced_worker: return "Lao động tiên tiến";
    case AwardAim::grassroots_fighter: return "Chiến sĩ thi đua cơ sở";
    case AwardAim::provincial_fighter: return "Chiến sĩ thi đua cấp tỉnh";
    case AwardAim::advanced_collective: return "Tập thể lao động tiên tiến";
    case AwardAim::excellent_collective: return "Tập thể lao động xuất sắc";
    case AwardAim::flag: return "Cờ thi đua";
    case AwardAim::certificate_of_merit: return "Giấy khen";
    case AwardAim::diploma_of_merit: return "Bằng khen";
  }
  return "";
}

/// The date in Vietnam (UTC+7) of a stored UTC timestamp, ISO; "" stays "".
std::string vn_day(const std::string& ts) {
  auto t = parse_iso(ts);
  return t ? to_iso(*t + std::chrono::hours(7)).substr(0, 10) : "";
}

}  // namespace

const char* measure_vi(Measure m) {
  switch (m) {
    case Measure::sessions: return "Số buổi tuyên truyền";
    case Measure::participants: return "Số lượt người được tuyên truyền";
    case Measure::cash_vnd: return "Tiền mặt vận động";
    case Measure::goods_vnd: return "Hiện vật vận động (quy ra tiền)";
    case Measure::workdays: return "Ngày công";
    case Measure::land_m2: return "Đất hiến";
    case Measure::initiatives: return "Sáng kiến";
    case Measure::commune_tasks: return "Việc giúp xã";
    case Measure::visits: return "Chuyến công tác hỗ trợ";
    case Measure::role_models: return "Điển hình tiên tiến";
    case Measure::other: return "Khác";
  }
  return "";
}

const char* unit_vi(Measure m) {
  switch (m) {
    case Measure::sessions: return "buổi";
    case Measure::participants: return "lượt người";
    case Measure::cash_vnd:
    case Measure::goods_vnd: return "đồng";
    case Measure::workdays: return "ngày công";
    case Measure::land_m2: return "m²";
    case Measure::initiatives: return "sáng kiến";
    case Measure::commune_tasks: return "việc";
    case Measure::visits: return "chuyến";
    case Measure::role_models: return "điển hình";
    case Measure::other: return "";
  }
  return "";
}

Result<std::string> export_pledges(PledgeService& pledges, const Principal& actor, PledgeFilter filter) {
  filter.with_targets = true;
  auto rows = pledges.list(actor, filter);
  if (!rows) return fail(rows.error());
  documents::Table t;
  t.sheet_name = "Đăng ký thi đua";
  t.columns = {{"Năm", 8, Column::integer},         {"Phong trào", 36},
               {"Đối tượng", 12},                   {"Đơn vị", 34},
               {"Cá nhân", 26},                     {"Trạng thái", 18},
               {"Nội dung thi đua", 50},            {"Chỉ tiêu", 30},
               {"Mục tiêu", 16, Column::integer},   {"Đơn vị tính", 12},
               {"Xã phụ trách", 22},                {"Ghi chú chỉ tiêu", 30},
               {"Danh hiệu đăng ký", 40},           {"Ngày gửi", 14, Column::date},
               {"Người duyệt", 22},                 {"Ngày duyệt", 14, Column::date},
               {"Ý kiến khi trả lại", 36},          {"Ghi chú", 36}};
  for (const auto& p : *rows) {
    std::string titles;
    for (auto a : p.titles) titles += (titles.empty() ? "" : "; ") + std::string(aim_vi(a));
    const bool decided = p.status == PledgeStatus::approved || p.status == PledgeStatus::returned;
    std::vector<std::string> head{std::to_string(p.year),
                                  p.movement_title,
                                  p.subject == RecordSubject::unit ? "Tập thể" : "Cá nhân",
                                  p.unit_name,
                                  p.person_name,
                                  status_vi(p.status)};
    std::vector<std::string> tail{titles,
                                  vn_day(p.submitted_at),
                                  decided ? p.decided_by_name : "",
                                  decided ? vn_day(p.decided_at) : "",
                                  p.status == PledgeStatus::returned ? p.last_comment : "",
                                  p.note};
    auto emit = [&](std::vector<std::string> middle) {
      std::vector<std::string> row = head;
      row.insert(row.end(), middle.begin(), middle.end());
      row.insert(row.end(), tail.begin(), tail.end());
      t.rows.push_back(std::move(row));
    };
    if (p.targets.empty()) emit({"", "", "", "", "", ""});
    for (const auto& g : p.targets) {
      emit({content_item_label(g.item_number, g.item_text), measure_vi(g.measure), std::to_string(g.target),
            unit_vi(g.measure), g.commune_name, g.note});
    }
  }
  return documents::write_xlsx({t});
}

Result<std::string> export_covenants(CovenantService& covenants, const Principal& actor, std::int64_t agency_id,
                                     std::optional<int> year) {
  auto rows = covenants.list(actor, agency_id, year);
  if (!rows) return fail(rows.error());
  documents::Table t;
  t.sheet_name = "Giao ước thi đua";
  t.columns = {{"Năm", 8, Column::integer}, {"Khối thi đua", 40},          {"Tên giao ước", 44},
               {"Ngày ký", 14, Column::date}, {"Địa điểm", 20},            {"Cơ quan ghi nhận", 36},
               {"Mã cơ quan ký", 14},        {"Cơ quan ký", 40},           {"Trạng thái", 14},
               {"Ghi chú", 36}};
  for (const auto& c : *rows) {
    for (const auto& p : c.parties) {
      t.rows.push_back({std::to_string(c.year), c.cluster_name, c.title, c.signed_on, c.place, c.recorded_by_name,
                        p.code, p.name, c.active ? "Có hiệu lực" : "Đã rút", c.active ? c.note : c.withdraw_reason});
    }
  }
  return documents::write_xlsx({t});
}

}  // namespace thidua::services
