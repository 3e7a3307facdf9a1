#include "services/initiative_export.hpp"

#include <map>

#include "documents/xlsx_writer.hpp"

namespace thidua::services {

namespace {

const char* kind_vi(InitiativeKind k) {
  return k == InitiativeKind::research_topic ? "Đề tài khoa học" : "Sáng kiến";
}

const char* level_vi(RecognitionLevel l) {
  switch (l) {
    case RecognitionLevel::none: return "Chưa công nhận";
    case RecognitionLevel::base: return "Cấp cơ sở";
    case RecognitionLevel::province: return "Cấp tỉnh";
    case RecognitionLevel::national: return "Cấp toàn quốc";
  }
  return "";
}

/// "Chiến sĩ thi đua cơ sở năm 2024 (Đàm Văn Đức)", with "— đã giải phóng" for a released one.
std::string use_text(const InitiativeUse& u) {
  std::string out = u.basis_kind == BasisKind::nomination ? "Đề nghị khen thưởng số " + u.basis_ref
                                                          : basis_ref_name(u.basis_ref);
  out += " năm " + std::to_string(u.year);
  out += " (" + (u.person_id ? u.person_name : std::string("tập thể")) + ")";
  if (!u.live()) out += " — đã giải phóng";
  return out;
}

}  // namespace

Result<std::string> export_initiatives(InitiativeService& initiatives, const Principal& actor,
                                       const InitiativeFilter& filter) {
  auto all = initiatives.all_for_export(actor, filter);
  if (!all) return fail(all.error());
  std::map<std::int64_t, std::string> uses;
  for (const auto& u : all->second) {
    auto& s = uses[u.initiative_id];
    if (!s.empty()) s += "; ";
    s += use_text(u);
  }
  using documents::Column;
  documents::Table t;
  t.sheet_name = "Sáng kiến";
  t.columns = {{"Tên sáng kiến, đề tài", 50},
               {"Loại", 16},
               {"Tác giả (tỉ lệ đóng góp)", 40},
               {"Lĩnh vực", 22},
               {"Ngày áp dụng", 14, Column::date},
               {"Phạm vi áp dụng", 36},
               {"Hiệu quả", 36},
               {"Cấp công nhận", 16},
               {"Cơ quan công nhận", 30},
               {"Số quyết định", 16},
               {"Ngày quyết định", 14, Column::date},
               {"Phong trào", 36},
               {"Đã dùng làm căn cứ", 50},
               {"Trạng thái", 14}};
  for (const auto& i : all->first) {
    std::string authors;
    for (const auto& a : i.authors) {
      if (!authors.empty()) authors += "; ";
      authors += a.full_name + " (" + std::to_string(a.share_pct) + "%)";
    }
    auto u = uses.find(i.id);
    t.rows.push_back({i.title, kind_vi(i.kind), authors, i.field, i.applied_from, i.scope, i.effect,
                      level_vi(i.recognition_level), i.recognition_body, i.recognition_number, i.recognition_date,
                      i.movement_title, u == uses.end() ? "" : u->second,
                      i.status == InitiativeStatus::withdrawn ? "Đã rút" : "Đang hiệu lực"});
  }
  return documents::write_xlsx({t});
}

}  // namespace thidua::services
