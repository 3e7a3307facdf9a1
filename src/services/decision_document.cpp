// A decision and a submission to the province as documents::Document (decision_document.hpp).

#include "services/decision_document.hpp"

#include <map>

#include "services/decision_rules.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace {

using namespace documents;
using decision_rules::form_name_vi;
using decision_rules::printed_name;

Paragraph italic_body(const std::string& s) {
  Paragraph p = body(s);
  for (auto& r : p.runs) r.italic = true;
  return p;
}

void set_date(HeaderBlock& h, const std::string& iso) {
  if (auto d = text::parse_iso_date(iso)) {
    h.day = d->day;
    h.month = d->month;
    h.year = d->year;
  }
}

/// "Giấy khen" for 3 people and 1 unit: the forms of the awardees in order of first use.
std::string forms_summary(const Decision& d) {
  std::vector<AwardForm> forms;
  for (const auto& a : d.awardees) {
    if (std::find(forms.begin(), forms.end(), a.form) == forms.end()) forms.push_back(a.form);
  }
  std::string out;
  for (std::size_t i = 0; i < forms.size(); ++i) {
    if (i) out += i + 1 == forms.size() ? " và " : ", ";
    const bool title = form_kind(forms[i]) == FormKind::title;
    out += (title ? "danh hiệu “" : "") + form_name_vi(forms[i]) + (title ? "”" : "");
  }
  return out;
}

std::string counted(const Decision& d) {
  long long people = 0, units = 0, households = 0;
  for (const auto& a : d.awardees) {
    (a.subject == AwardSubject::person ? people : a.subject == AwardSubject::unit ? units : households)++;
  }
  std::vector<std::string> parts;
  if (people) parts.push_back(std::to_string(people) + " cá nhân");
  if (units) parts.push_back(std::to_string(units) + " tập thể");
  if (households) parts.push_back(std::to_string(households) + " hộ gia đình");
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out;
}

std::string slug(const std::string& s) {
  std::string out;
  for (char c : text::fold(s)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if ((c >= 'A' && c <= 'Z')) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace

documents::Document decision_document(const Decision& d) {
  Document doc;
  doc.header.parent_body = d.header_parent;
  doc.header.agency = d.header_agency;
  doc.header.number = d.status == DecisionStatus::draft ? "" : std::to_string(d.number);
  doc.header.symbol = d.symbol;
  doc.header.place = d.place;
  if (d.status != DecisionStatus::draft) set_date(doc.header, d.decision_date);
  doc.type = "QUYẾT ĐỊNH";
  doc.summary = d.title;
  doc.metadata.author = d.issuer.empty() ? d.header_agency : d.issuer;
  if (!d.decision_date.empty()) doc.metadata.created = d.decision_date + "T00:00:00";

  doc.body.push_back(centered(d.head_title, true));
  for (const auto& line : text::nonblank_lines(d.legal_bases)) doc.body.push_back(italic_body(line));
  for (const auto& line : text::nonblank_lines(d.proposal)) doc.body.push_back(italic_body(line));
  auto decides = centered("QUYẾT ĐỊNH:", true);
  decides.space_before_pt = 6;
  doc.body.push_back(decides);

  const std::string ref = decision_ref(d.number, d.symbol);
  const long long total = d.total_bonus();
  doc.body.push_back(body(std::vector<Run>{
      {"Điều 1. ", true},
      {"Tặng " + forms_summary(d) + " cho " + counted(d) + " (có danh sách kèm theo), đã có thành tích " +
       (d.award_year ? "năm " + std::to_string(d.award_year) : std::string("")) + "."}}));
  std::string art2 = "Mức tiền thưởng kèm theo thực hiện theo quy định hiện hành";
  if (total > 0) {
    art2 += "; tổng số tiền thưởng là " + text::format_number(total) +
            " đồng, chi từ Quỹ thi đua, khen thưởng của cơ quan";
  }
  doc.body.push_back(body(std::vector<Run>{{"Điều 2. ", true}, {art2 + "."}}));
  doc.body.push_back(body(std::vector<Run>{
      {"Điều 3. ", true},
      {"Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng, Thủ trưởng các đơn vị có liên quan và các cá nhân, "
       "tập thể, hộ gia đình có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."}}));

  doc.signature.mark = d.signer_mark;
  doc.signature.title = d.signer_title;
  doc.signature.name = d.signer_name;
  auto recipients = text::nonblank_lines(d.recipients);
  doc.recipients = recipient_lines(recipients, "VP");

  Annex annex;
  annex.heading = "Phụ lục";
  annex.title = "DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG";
  annex.subtitle = "(Kèm theo Quyết định số " + (d.status == DecisionStatus::draft ? "     /" + d.symbol : ref) +
                   (d.status == DecisionStatus::draft ? "" : " ngày " + decision_rules::vn_date(d.decision_date)) +
                   " của " + (d.issuer.empty() ? text::to_nfc(d.header_agency) : d.issuer) + ")";
  TableBlock t;
  annex.orientation = Orientation::landscape;
  t.column_widths = {1.3, 6, 6, 5.5, 3.6};
  t.rows.push_back({{cell("STT", true, Align::center), cell("Họ và tên / Tập thể", true, Align::center),
                     cell("Đơn vị", true, Align::center), cell("Hình thức khen thưởng", true, Align::center),
                     cell("Số tiền thưởng (đồng)", true, Align::center)},
                    true});
  int n = 0;
  for (const auto& a : d.awardees) {
    t.rows.push_back({{cell(std::to_string(++n), false, Align::center), cell(printed_name(a.subject, a.subject_name)),
                       cell(a.subject == AwardSubject::person ? a.unit_name
                            : a.subject == AwardSubject::household ? a.unit_name
                                                                    : std::string()),
                       cell(form_name_vi(a.form)), cell(text::format_number(a.bonus), false, Align::right)},
                      false});
  }
  TableCell total_label = cell("Tổng cộng", true, Align::center);
  total_label.column_span = 4;
  t.rows.push_back({{total_label, cell(text::format_number(total), true, Align::right)}, false});
  annex.body.push_back(t);
  auto words = body("Danh sách gồm " + counted(d) + ".");
  words.first_line_indent_mm = 0;
  annex.body.push_back(words);
  doc.annexes.push_back(std::move(annex));
  return doc;
}

std::string decision_file_name(const Decision& d, const std::string& extension) {
  return "quyet-dinh-" + std::to_string(d.number) + "-" + slug(d.symbol) + "-" + std::to_string(d.year) + "." +
         extension;
}

documents::Document submission_document(const HigherAward& h, const std::string& agency_name) {
  Document doc;
  doc.header.parent_body = h.header_parent;
  doc.header.agency = h.header_agency;
  doc.header.number = h.number;
  doc.header.symbol = h.symbol;
  doc.header.place = h.place;
  set_date(doc.header, h.submission_date);
  doc.type = "TỜ TRÌNH";
  doc.summary = h.title;
  doc.metadata.author = agency_name;
  if (!h.submission_date.empty()) doc.metadata.created = h.submission_date + "T00:00:00";
  auto to = centered("Kính gửi: " + h.addressee);
  to.space_after_pt = 12;
  doc.body.push_back(to);
  for (const auto& line : text::nonblank_lines(h.body)) doc.body.push_back(body(line));
  long long people = 0, units = 0, households = 0;
  for (const auto& s : h.subjects) {
    (s.subject == AwardSubject::person ? people : s.subject == AwardSubject::unit ? units : households)++;
  }
  std::string whom;
  if (people) whom += std::to_string(people) + " cá nhân";
  if (units) whom += (whom.empty() ? "" : ", ") + std::to_string(units) + " tập thể";
  if (households) whom += (whom.empty() ? "" : ", ") + std::to_string(households) + " hộ gia đình";
  doc.body.push_back(body(agency_name + " kính trình " + h.addressee + " xem xét, tặng " + form_name_vi(h.form) +
                          " cho " + (whom.empty() ? std::string("các đối tượng") : whom) +
                          " có tên trong danh sách dưới đây:"));
  TableBlock t;
  t.column_widths = {1.1, 5, 4.5, 7};
  t.rows.push_back({{cell("STT", true, Align::center), cell("Họ và tên / Tập thể", true, Align::center),
                     cell("Đơn vị", true, Align::center), cell("Tóm tắt thành tích", true, Align::center)},
                    true});
  int n = 0;
  for (const auto& s : h.subjects) {
    t.rows.push_back({{cell(std::to_string(++n), false, Align::center), cell(printed_name(s.subject, s.subject_name)),
                       cell(s.unit_name), cell(s.achievement)},
                      false});
  }
  doc.body.push_back(t);
  doc.body.push_back(body("(Hồ sơ kèm theo: báo cáo thành tích và tài liệu minh chứng của từng đối tượng.)"));
  doc.body.push_back(body(agency_name + " kính trình " + h.addressee + " xem xét, quyết định./."));
  doc.signature.mark = h.signer_mark;
  doc.signature.title = h.signer_title;
  doc.signature.name = h.signer_name;
  doc.recipients = recipient_lines({"Như trên", "Sở Nội vụ (Ban Thi đua - Khen thưởng)"}, "VP");
  return doc;
}

std::string submission_file_name(const HigherAward& h, const std::string& extension) {
  return "to-trinh-" + (h.number.empty() ? std::to_string(h.id) : h.number) + "-" + slug(h.symbol) + "-" +
         std::to_string(h.year) + "." + extension;
}

}  // namespace thidua::services
