// The achievement report drafted from the record, and the dossier's checklist.

#include "services/nomination_dossier.hpp"

#include <algorithm>
#include <map>

#include "services/evaluation_rules.hpp"
#include "storage/achievement_repo.hpp"
#include "storage/evaluation_lists_repo.hpp"
#include "storage/evaluation_repo.hpp"
#include "storage/initiative_repo.hpp"
#include "storage/people_repo.hpp"
#include "documents/xlsx_writer.hpp"
#include "text/format.hpp"

namespace thidua::services {

namespace {

std::string vn_date(const std::string& iso) {
  auto d = text::parse_date_vn(iso);
  return d ? text::format_date(*d) : iso;
}

std::string level_name(RecognitionLevel l) {
  switch (l) {
    case RecognitionLevel::base: return "cấp cơ sở";
    case RecognitionLevel::province: return "cấp tỉnh";
    case RecognitionLevel::national: return "cấp toàn quốc";
    case RecognitionLevel::none: break;
  }
  return "chưa công nhận";
}

/// "Kết quả chấm điểm thi đua: 92,5 điểm — Hoàn thành xuất sắc nhiệm vụ" for each reviewed or
/// final sheet of the subject in the agency's evaluations of the year; empty when none.
std::string score_lines(storage::Tx& tx, const storage::NominationRow& n) {
  if (n.subject == AwardSubject::household) return "";
  std::string out;
  for (const auto& e : storage::evaluations_of_agency(tx, n.agency_id)) {
    if (e.year != n.year) continue;
    auto sheets = n.subject == AwardSubject::person ? storage::sheets_of_person(tx, e.id, n.subject_id)
                                                    : storage::sheets_of_unit(tx, e.id, n.subject_id);
    for (const auto& sh : sheets) {
      const bool own = n.subject == AwardSubject::person ? sh.subject == RecordSubject::person
                                                         : sh.subject == RecordSubject::unit;
      if (!own || (sh.status != SheetStatus::reviewed && sh.status != SheetStatus::final)) continue;
      auto t = storage::find_template(tx, sh.template_id);
      if (!t) continue;
      std::map<std::int64_t, Points> current;
      for (const auto& entry : storage::entries_of_sheet(tx, sh.id)) current[entry.criterion_id] = entry.points;
      const auto measures =
          storage::measures_of(tx, sh.subject, sh.person_id.value_or(sh.unit_id), t->movement_id, t->year);
      const auto total = evaluation_rules::sheet_total(*t, current, measures);
      const auto band = band_of(t->bands, total.total);
      out += "Kết quả chấm điểm thi đua (" + t->title + "): " + format_points(total.total) + " điểm";
      if (band) out += " — " + t->bands[*band].name;
      out += ".\n";
    }
  }
  return out;
}

}  // namespace

std::string draft_achievement_report(storage::Tx& tx, const storage::NominationRow& n) {
  std::string out = "BÁO CÁO THÀNH TÍCH\n";
  out += "Đề nghị tặng: " + nomination_form_name(n.form) + " năm " + std::to_string(n.year) + "\n\n";
  out += "I. SƠ LƯỢC LÝ LỊCH, ĐẶC ĐIỂM, NHIỆM VỤ\n";
  switch (n.subject) {
    case AwardSubject::person: {
      out += "Họ và tên: " + n.subject_name + "\n";
      if (auto p = storage::find_person(tx, n.subject_id)) {
        if (!p->birth_date.empty()) out += "Ngày sinh: " + vn_date(p->birth_date) + "\n";
        if (!p->position.empty()) out += "Chức vụ: " + p->position + "\n";
      }
      if (!n.unit_name.empty()) out += "Đơn vị công tác: " + n.unit_name + "\n";
      break;
    }
    case AwardSubject::unit: out += "Tên tập thể: " + n.subject_name + "\n"; break;
    case AwardSubject::household: out += "Hộ gia đình: " + n.subject_name + "\n"; break;
  }
  out += "\nII. THÀNH TÍCH ĐẠT ĐƯỢC\n";
  int line = 0;
  if (n.subject != AwardSubject::household) {
    storage::AchievementQuery q;
    q.agency_id = n.agency_id;
    q.year = n.year;
    q.status = "verified";
    q.limit = 100;
    if (n.subject == AwardSubject::person) q.person_id = n.subject_id;
    else q.unit_id = n.subject_id;
    auto page = storage::list_achievements(tx, q);
    out += std::to_string(++line) + ". Kết quả thực hiện phong trào thi đua năm " + std::to_string(n.year) +
           " (đã được xác nhận): " + std::to_string(page.total) + " kết quả.\n";
    for (const auto& a : page.items) {
      out += "- " + vn_date(a.occurred_on) + ": " + a.title;
      if (!a.place.empty()) out += " (" + a.place + ")";
      out += "\n";
    }
  }
  if (n.subject == AwardSubject::person) {
    auto initiatives = storage::initiatives_of_person(tx, n.subject_id);
    std::erase_if(initiatives, [](const Initiative& i) { return i.status != InitiativeStatus::active; });
    out += std::to_string(++line) + ". Sáng kiến, đề tài: " +
           (initiatives.empty() ? std::string("không có.") : std::to_string(initiatives.size()) + ".") + "\n";
    for (const auto& i : initiatives) {
      out += "- " + i.title + " (" + level_name(i.recognition_level);
      if (!i.recognition_number.empty()) out += ", Quyết định số " + i.recognition_number;
      if (!i.recognition_date.empty()) out += " ngày " + vn_date(i.recognition_date);
      out += ")\n";
    }
  }
  if (auto scores = score_lines(tx, n); !scores.empty()) out += std::to_string(++line) + ". " + scores;
  out += "\nIII. CĂN CỨ XÉT ĐỀ NGHỊ\n";
  if (!n.verdict_reasons.empty()) out += n.verdict_reasons + "\n";
  if (!n.justification.empty()) out += "Giải trình của đơn vị: " + n.justification + "\n";
  return out;
}

std::vector<DossierEntry> dossier_of(const storage::NominationRow& n, std::vector<NominationDossierItem> items,
                                     bool has_report, const std::vector<EvidenceRow>& files,
                                     std::vector<EvidenceRow>& other) {
  if (n.verdict == NominationVerdict::not_eligible) {
    items.push_back({"justification", "Giải trình lý do đề nghị khi chưa đủ điều kiện theo quy định", true, true});
  }
  std::vector<DossierEntry> out;
  for (auto& item : items) {
    DossierEntry d;
    d.item = std::move(item);
    for (const auto& f : files) {
      if (f.caption == d.item.code && f.active()) d.files.push_back(f);
    }
    d.complete = !d.files.empty() || (d.item.code == "achievement_report" && has_report) ||
                 (d.item.code == "justification" && !n.justification.empty());
    out.push_back(std::move(d));
  }
  for (const auto& f : files) {
    const bool listed = std::any_of(out.begin(), out.end(), [&](const DossierEntry& d) { return d.item.code == f.caption; });
    if (!listed && f.active()) other.push_back(f);
  }
  return out;
}

Result<std::string> nominations_xlsx(const NominationList& list) {
  using documents::Column;
  documents::Table t;
  t.sheet_name = "Đề nghị khen thưởng";
  t.columns = {{"TT", 6, Column::integer}, {"Đối tượng", 32}, {"Loại", 12}, {"Đơn vị", 32},
               {"Danh hiệu, hình thức", 36}, {"Năm", 8, Column::integer}, {"Xét điều kiện", 18}, {"Trạng thái", 20}};
  auto subject = [](AwardSubject s) {
    return s == AwardSubject::person ? "Cá nhân" : s == AwardSubject::unit ? "Tập thể" : "Hộ gia đình";
  };
  auto verdict = [](NominationVerdict v) {
    return v == NominationVerdict::eligible ? "Đủ điều kiện"
           : v == NominationVerdict::not_eligible ? "Chưa đủ điều kiện" : "Chưa xác định";
  };
  auto status = [](NominationStatus s) -> const char* {
    switch (s) {
      case NominationStatus::draft: return "Nháp";
      case NominationStatus::submitted: return "Đã gửi";
      case NominationStatus::returned: return "Trả lại";
      case NominationStatus::resubmitted: return "Gửi lại";
      case NominationStatus::accepted: return "Đã tiếp nhận";
      case NominationStatus::approved: return "Hội đồng thông qua";
      case NominationStatus::rejected: return "Không thông qua";
      case NominationStatus::decided: return "Đã có quyết định";
    }
    return "";
  };
  int i = 0;
  for (const auto& n : list.items) {
    t.rows.push_back({std::to_string(++i), n.subject_name, subject(n.subject),
                      n.subject == AwardSubject::person ? n.unit_name : "", nomination_form_name(n.form),
                      std::to_string(n.year), verdict(n.verdict), status(n.status)});
  }
  return documents::write_xlsx({t});
}

}  // namespace thidua::services
