// The agency's communes and a commune's assessments as XLSX, through the same reads as the
// pages (so the same rights apply): Vietnamese headers, real Excel dates, money as numbers.

#include "documents/xlsx_writer.hpp"
#include "services/commune_service.hpp"

namespace thidua::services {

namespace {

const char* level_vi(TargetLevel l) {
  switch (l) {
    case TargetLevel::ntm: return "Nông thôn mới";
    case TargetLevel::ntm_advanced: return "Nông thôn mới nâng cao";
    case TargetLevel::ntm_model: return "Nông thôn mới kiểu mẫu";
  }
  return "";
}

const char* kind_vi(AssessmentKind k) {
  switch (k) {
    case AssessmentKind::half_year: return "6 tháng";
    case AssessmentKind::annual: return "Năm";
    case AssessmentKind::ad_hoc: return "Đột xuất";
  }
  return "";
}

std::string n(long long v) { return std::to_string(v); }

}  // namespace

Result<std::string> CommuneService::export_overview(const Principal& actor, std::int64_t agency_id,
                                                    const OverviewFilter& filter) {
  auto o = overview(actor, agency_id, filter);
  if (!o) return fail(o.error());
  using documents::Column;
  documents::Table t;
  t.sheet_name = "Xã phụ trách";
  t.title = "Các xã " + o->agency_name + " phụ trách, giúp đỡ xây dựng nông thôn mới";
  t.columns = {{"Mã xã", 10},
               {"Tên xã", 26},
               {"Huyện", 22},
               {"Quyết định phân công", 20},
               {"Ngày quyết định", 14, Column::date},
               {"Mục tiêu", 24},
               {"Năm đạt chuẩn (mục tiêu)", 12, Column::integer},
               {"Phụ trách từ", 14, Column::date},
               {"Đến ngày (hết)", 14, Column::date},
               {"Ngày đánh giá gần nhất", 14, Column::date},
               {"Số tiêu chí đạt", 10, Column::integer},
               {"Tổng số tiêu chí", 10, Column::integer},
               {"Công nhận gần nhất", 28},
               {"Tiền mặt (đồng)", 16, Column::money},
               {"Hiện vật quy ra tiền (đồng)", 16, Column::money},
               {"Ngày công", 10, Column::integer},
               {"Đất hiến (m²)", 10, Column::integer},
               {"Tình trạng xã", 30}};
  for (const auto& r : o->rows) {
    const auto& a = r.assignment;
    std::string recognised;
    if (r.recognition) {
      recognised = std::string(r.recognition->event == RecognitionEvent::revoked ? "Thu hồi: " : "") +
                   level_vi(r.recognition->level) + " năm " + std::to_string(r.recognition->year) + " (" +
                   r.recognition->decision_ref + ")";
    }
    std::string state = r.commune.status == CommuneStatus::active ? "Đang hoạt động"
                        : r.commune.status == CommuneStatus::merged
                            ? "Đã sáp nhập" + (r.merged_into.empty() ? std::string() : " vào " + r.merged_into)
                            : "Đã giải thể";
    t.rows.push_back({r.commune.code, r.commune.name, r.commune.district, a.decision_ref, a.decision_date,
                      level_vi(a.target_level), a.target_year ? std::to_string(*a.target_year) : "", a.valid_from,
                      a.valid_to, r.latest ? r.latest->assessed_on : "", r.latest ? n(r.latest->criteria_met) : "",
                      r.latest ? n(r.latest->criteria_total) : "", recognised, n(r.support.cash_vnd),
                      n(r.support.goods_vnd), n(r.support.workdays), n(r.support.land_m2), state});
  }
  return documents::write_xlsx({t});
}

Result<std::string> CommuneService::export_assessments(const Principal& actor, std::int64_t commune_id) {
  auto d = get(actor, commune_id);
  if (!d) return fail(d.error());
  auto list = assessments(actor, commune_id);
  if (!list) return fail(list.error());
  using documents::Column;
  documents::Table head;
  head.sheet_name = "Đánh giá";
  head.title = "Kết quả đánh giá tiêu chí nông thôn mới — " + d->commune.name + " (" + d->commune.code + ")";
  head.columns = {{"Ngày đánh giá", 14, Column::date}, {"Kỳ", 10}, {"Bộ tiêu chí", 44}, {"Cơ quan đánh giá", 30},
                  {"Số tiêu chí đạt", 10, Column::integer}, {"Tổng số tiêu chí", 10, Column::integer},
                  {"Ghi chú", 40}, {"Người ghi nhận", 22}, {"Trạng thái", 14}, {"Lý do rút", 30}};
  documents::Table items;
  items.sheet_name = "Chi tiết tiêu chí";
  items.columns = {{"Ngày đánh giá", 14, Column::date}, {"Tiêu chí số", 10, Column::integer}, {"Tên tiêu chí", 40},
                   {"Kết quả", 12}, {"Giá trị", 20}, {"Ghi chú", 40}, {"Trạng thái đánh giá", 14}};
  for (const auto& a : *list) {
    const char* status = a.withdrawn ? "Đã rút" : "Có hiệu lực";
    head.rows.push_back({a.assessed_on, kind_vi(a.kind), a.set_name, a.agency_name, n(a.criteria_met),
                         n(a.criteria_total), a.note, a.assessed_by, status, a.withdrawn_reason});
    for (const auto& i : a.items) {
      items.rows.push_back({a.assessed_on, n(i.number), i.criterion_name, i.met ? "Đạt" : "Chưa đạt", i.value, i.note,
                            status});
    }
  }
  return documents::write_xlsx({head, items});
}

}  // namespace thidua::services
