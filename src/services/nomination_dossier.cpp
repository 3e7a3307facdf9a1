// The achievement report drafted from the record, and the dossier's checklist.

#include "services/nomination_dossier.hpp"

#include <algorithm>

#include "storage/achievement_repo.hpp"
#include "storage/initiative_repo.hpp"
#include "storage/people_repo.hpp"
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

}  // namespace thidua::services
