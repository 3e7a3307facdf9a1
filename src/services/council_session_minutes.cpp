// The minutes (biên bản họp) of a council session, as a Decree 30 document: when and where,
// who chaired and who kept the minutes, attendance and the quorum, each item with its result
// against its threshold, recusals, absent members' written opinions, and the two signatures.

#include <set>

#include "services/council_session_service.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace {

using documents::Align;
using documents::cell;

std::string seat_vi(CouncilSeatKind s) {
  switch (s) {
    case CouncilSeatKind::chair: return "Chủ tịch Hội đồng";
    case CouncilSeatKind::vice_chair: return "Phó Chủ tịch Hội đồng";
    case CouncilSeatKind::secretary: return "Thư ký Hội đồng";
    case CouncilSeatKind::member: return "Ủy viên";
  }
  return "";
}

std::string percent(int permille) { return std::to_string(permille / 10) + "," + std::to_string(permille % 10) + "%"; }

std::string name_of(const CouncilSessionView& v, std::int64_t person) {
  for (const auto& m : v.members) {
    if (m.person_id == person) return m.name;
  }
  return "";
}

std::string holder(const CouncilSessionView& v, CouncilSeatKind seat) {
  for (const auto& m : v.members) {
    if (m.seat == seat) return m.name;
  }
  return "";
}

documents::Document minutes_document(const CouncilSessionView& v) {
  documents::Document doc;
  int y = 0, mo = 0, d = 0;
  if (auto date = text::parse_date_vn(v.session.held_on)) {
    y = date->year;
    mo = date->month;
    d = date->day;
  }
  // "Ban Dân tộc tỉnh Cao Bằng": the province's committee above, the agency below, as Decree 30
  // prints a provincial agency's header.
  const auto at = v.agency_name.find(" tỉnh ");
  if (at != std::string::npos) {
    doc.header.parent_body = "UBND TỈNH " + text::upper_vi(v.agency_name.substr(at + 8));
    doc.header.agency = text::upper_vi(v.agency_name.substr(0, at));
    doc.header.place = v.agency_name.substr(at + 8);
  } else {
    doc.header.agency = text::upper_vi(v.agency_name);
  }
  doc.header.day = d;
  doc.header.month = mo;
  doc.header.year = y;
  doc.type = "BIÊN BẢN";
  doc.summary = "Họp Hội đồng Thi đua - Khen thưởng: " + v.session.title;
  doc.metadata.title = "Biên bản họp Hội đồng Thi đua - Khen thưởng";
  doc.metadata.author = v.agency_name;
  doc.metadata.created = v.session.held_on + "T00:00:00";

  doc.body.push_back(documents::body("Thời gian: ngày " + text::format_date(y, mo, d) + "."));
  if (!v.session.place.empty()) doc.body.push_back(documents::body("Địa điểm: " + v.session.place + "."));
  doc.body.push_back(documents::body("Hội đồng: " + v.term.name +
                                     (v.term.decision_ref.empty() ? "" : " (" + v.term.decision_ref + ")") + "."));
  doc.body.push_back(documents::body("Chủ trì: " + holder(v, CouncilSeatKind::chair) + ", Chủ tịch Hội đồng."));
  doc.body.push_back(documents::body("Thư ký: " + holder(v, CouncilSeatKind::secretary) + ", Thư ký Hội đồng."));

  doc.body.push_back(documents::heading(1, "I. THÀNH PHẦN THAM DỰ"));
  std::string present, absent;
  for (const auto& m : v.members) {
    std::string& list = m.presence == "present" ? present : absent;
    if (!list.empty()) list += "; ";
    list += m.name + " (" + seat_vi(m.seat) + ")";
  }
  doc.body.push_back(documents::body("Tổng số thành viên Hội đồng: " + std::to_string(v.membership) +
                                     "; có mặt: " + std::to_string(v.present) + "; vắng mặt: " +
                                     std::to_string(v.membership - v.present) + "."));
  doc.body.push_back(documents::body("Có mặt: " + (present.empty() ? std::string("không có") : present) + "."));
  doc.body.push_back(documents::body("Vắng mặt: " + (absent.empty() ? std::string("không có") : absent) + "."));
  doc.body.push_back(documents::body(std::string("Số thành viên có mặt ") + (v.quorum_met ? "đạt" : "chưa đạt") +
                                     " tỷ lệ tối thiểu để phiên họp có hiệu lực (" + std::to_string(v.quorum_needed) +
                                     "/" + std::to_string(v.membership) + " thành viên)."));

  doc.body.push_back(documents::heading(1, "II. KẾT QUẢ BỎ PHIẾU, BIỂU QUYẾT"));
  documents::TableBlock t;
  t.column_widths = {1.2, 5, 4.2, 2.6, 2.2, 2.6};
  documents::TableRow head;
  head.header = true;
  for (const char* h : {"TT", "Đối tượng đề nghị", "Danh hiệu, hình thức", "Đồng ý / tổng số", "Tỷ lệ", "Kết quả"}) {
    head.cells.push_back(cell(h, true, Align::center));
  }
  t.rows.push_back(std::move(head));
  int i = 0;
  for (const auto& item : v.items) {
    documents::TableRow row;
    row.cells.push_back(cell(std::to_string(++i), false, Align::center));
    std::string who = item.nomination.subject_name;
    if (item.nomination.subject == AwardSubject::person && !item.nomination.unit_name.empty()) {
      who += " (" + item.nomination.unit_name + ")";
    }
    row.cells.push_back(cell(who));
    row.cells.push_back(cell(nomination_form_name(item.nomination.form) + " năm " + std::to_string(item.nomination.year)));
    if (item.tally) {
      row.cells.push_back(cell(std::to_string(item.tally->approvals) + "/" + std::to_string(item.tally->base), false,
                               Align::center));
      row.cells.push_back(cell(percent(item.tally->permille), false, Align::center));
      row.cells.push_back(cell(item.tally->passed ? "Đạt" : "Không đạt", true, Align::center));
    } else {
      auto pending = cell("Chưa biểu quyết", false, Align::center);
      pending.column_span = 3;
      row.cells.push_back(std::move(pending));
    }
    t.rows.push_back(std::move(row));
  }
  doc.body.push_back(std::move(t));

  i = 0;
  for (const auto& item : v.items) {
    ++i;
    std::string line = std::to_string(i) + ". " + item.nomination.subject_name + ": ";
    line += item.item.rule.ballot_required ? "bỏ phiếu kín" : "biểu quyết";
    line += std::string("; ngưỡng ") + (item.item.rule.threshold_strict ? "trên " : "từ ") +
            std::to_string(item.item.rule.threshold_percent) + "% tổng số thành viên Hội đồng";
    if (!item.recused.empty()) line += " (trừ thành viên không tham gia biểu quyết)";
    if (!item.item.rule.citation.empty()) line += " (" + item.item.rule.citation + ")";
    if (item.tally) {
      line += "; " + std::to_string(item.tally->approvals) + " đồng ý, " + std::to_string(item.tally->disapprovals) +
              " không đồng ý";
    }
    line += ".";
    doc.body.push_back(documents::body(line));
    if (!item.recused.empty()) {
      std::string names;
      for (auto p : item.recused) names += (names.empty() ? "" : ", ") + name_of(v, p);
      doc.body.push_back(documents::body("   Không tham gia biểu quyết (người được đề nghị hoặc thủ trưởng đơn vị "
                                         "của người được đề nghị): " + names + "."));
    }
    if (!item.written.empty()) {
      std::string opinions;
      for (const auto& [p, o] : item.written) {
        opinions += (opinions.empty() ? "" : "; ") + name_of(v, p) + ": " + (o == "approve" ? "đồng ý" : "không đồng ý");
      }
      doc.body.push_back(documents::body("   Ý kiến bằng văn bản của thành viên vắng mặt: " + opinions + "."));
    }
  }
  doc.body.push_back(documents::body("Phiếu bầu được bỏ kín; hệ thống chỉ lưu số phiếu, không lưu người bỏ phiếu "
                                     "cho từng lựa chọn. Biên bản được lập và thông qua tại phiên họp."));
  doc.left_signature = documents::Signature{"", "THƯ KÝ HỘI ĐỒNG", holder(v, CouncilSeatKind::secretary), 25};
  doc.signature.mark = "TM. HỘI ĐỒNG";
  doc.signature.title = "CHỦ TỊCH";
  doc.signature.name = holder(v, CouncilSeatKind::chair);
  return doc;
}

}  // namespace

Result<documents::Document> CouncilSessionService::minutes(const Principal& actor, std::int64_t session_id) {
  auto v = get(actor, session_id);
  if (!v) return fail(v.error());
  return minutes_document(*v);
}

}  // namespace thidua::services
