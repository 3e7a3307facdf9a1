#include "services/plan_document.hpp"

#include <map>

#include "text/format.hpp"

namespace thidua::services {

namespace {

using documents::body;
using documents::heading;

constexpr const char* kRoman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};

std::vector<const PlanItem*> of(const std::vector<PlanItem>& items, PlanSection s) {
  std::vector<const PlanItem*> out;
  for (const auto& i : items) {
    if (i.section == s) out.push_back(&i);
  }
  return out;
}

std::string subject_label(const std::string& code) {
  auto k = parse_subject_kind(code);
  if (!k) return code;
  switch (*k) {
    case SubjectKind::collective: return "Tập thể";
    case SubjectKind::individual: return "Cá nhân";
    case SubjectKind::household: return "Hộ gia đình";
  }
  return code;
}

/// "09/6/2022": as plans cite documents, the day in two digits, the month as it is.
std::string cited_date(const std::string& iso) {
  auto d = text::parse_iso_date(iso);
  if (!d) return iso;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02d/%d/%04d", d->day, d->month, d->year);
  return buffer;
}

/// The year of the period, or both years: "2021 - 2025".
std::string period_years(const Movement& m) {
  std::string a = m.period_from.substr(0, 4), b = m.period_to.substr(0, 4);
  return a == b ? a : a + "-" + b;
}

}  // namespace

std::string cite_legal_basis(const PlanItem& b) {
  std::string out = b.label + " số " + b.ref_number;
  if (!b.ref_date.empty()) out += " ngày " + cited_date(b.ref_date);
  if (!b.issuer.empty()) out += " của " + b.issuer;
  if (!b.body.empty()) out += " " + b.body;
  return out;
}

std::string plan_file_name(const Movement& m, const std::string& extension) {
  std::string symbol;
  for (char c : m.doc_symbol) symbol += (c == '/' || c == '\\' || c == ' ') ? '-' : c;
  if (symbol.empty()) symbol = "KH";
  return symbol + "_" + period_years(m) + "." + extension;
}

documents::Document plan_document(const Movement& m, const std::vector<PlanItem>& items,
                                  const std::string& agency_name) {
  documents::Document doc;
  doc.header.parent_body = m.header_parent;
  doc.header.agency = m.header_name;
  doc.header.number = m.doc_number;
  doc.header.symbol = m.doc_symbol;
  doc.header.place = m.place;
  if (auto d = text::parse_iso_date(m.doc_date)) {
    doc.header.day = d->day;
    doc.header.month = d->month;
    doc.header.year = d->year;
  }
  doc.type = "KẾ HOẠCH";
  doc.summary = m.summary;
  doc.metadata.author = agency_name;
  if (!m.doc_date.empty()) doc.metadata.created = m.doc_date + "T00:00:00";

  // Căn cứ …; …. then the preamble, in one paragraph as plans write it.
  std::string opening;
  auto bases = of(items, PlanSection::legal_basis);
  if (!bases.empty()) {
    opening = "Căn cứ ";
    for (std::size_t k = 0; k < bases.size(); ++k) {
      if (k) opening += "; ";
      opening += cite_legal_basis(*bases[k]);
    }
    opening += ".";
  }
  if (!m.preamble.empty()) opening += (opening.empty() ? "" : " ") + m.preamble;
  if (!opening.empty()) doc.body.push_back(body(opening));

  int section = 0;
  auto next_heading = [&](const std::string& title) {
    std::string number = section < 10 ? kRoman[section] : std::to_string(section + 1);
    ++section;
    doc.body.push_back(heading(1, number + ". " + title));
  };
  auto dashes = [&](const std::vector<const PlanItem*>& list) {
    for (const auto* i : list) doc.body.push_back(body("- " + i->body));
  };

  auto purposes = of(items, PlanSection::purpose);
  auto requirements = of(items, PlanSection::requirement);
  if (!purposes.empty() || !requirements.empty()) {
    next_heading("MỤC ĐÍCH, YÊU CẦU");
    int sub = 0;
    if (!purposes.empty()) {
      doc.body.push_back(heading(2, std::to_string(++sub) + ". Mục đích"));
      dashes(purposes);
    }
    if (!requirements.empty()) {
      doc.body.push_back(heading(2, std::to_string(++sub) + ". Yêu cầu"));
      dashes(requirements);
    }
  }

  if (auto contents = of(items, PlanSection::content); !contents.empty()) {
    next_heading("NỘI DUNG THI ĐUA");
    int n = 0;
    for (const auto* i : contents) doc.body.push_back(body(std::to_string(++n) + ". " + i->body));
  }

  auto subjects = of(items, PlanSection::subject);
  auto awards = of(items, PlanSection::award);
  if (!subjects.empty() || !awards.empty()) {
    next_heading("ĐỐI TƯỢNG, TIÊU CHÍ THI ĐUA; TIÊU CHUẨN, HÌNH THỨC KHEN THƯỞNG");
    int sub = 0;
    if (!subjects.empty()) {
      doc.body.push_back(heading(2, std::to_string(++sub) + ". Đối tượng, tiêu chí thi đua"));
      char letter = 'a';
      for (const auto* i : subjects) {
        doc.body.push_back(body(std::string(1, letter) + ") " + subject_label(i->label) + ": " + i->body));
        if (letter < 'z') ++letter;
      }
    }
    if (!awards.empty()) {
      int group_no = 0;
      std::string parent = std::to_string(++sub);
      doc.body.push_back(heading(2, parent + ". Tiêu chuẩn, hình thức khen thưởng"));
      // Consecutive items under the same heading form one group: a single item is printed as
      // a paragraph, several as "- " items.
      for (std::size_t k = 0; k < awards.size();) {
        std::size_t end = k;
        while (end < awards.size() && awards[end]->label == awards[k]->label) ++end;
        doc.body.push_back(heading(3, parent + "." + std::to_string(++group_no) + ". " + awards[k]->label));
        if (end - k == 1) {
          doc.body.push_back(body(awards[k]->body));
        } else {
          for (std::size_t j = k; j < end; ++j) doc.body.push_back(body("- " + awards[j]->body));
        }
        k = end;
      }
    }
  }

  if (auto milestones = of(items, PlanSection::milestone); !milestones.empty()) {
    next_heading("TIẾN ĐỘ THỰC HIỆN");
    int n = 0;
    for (const auto* i : milestones) {
      doc.body.push_back(body(std::to_string(++n) + ". " + i->label + ": " + i->body));
    }
  }

  if (auto duties = of(items, PlanSection::responsibility); !duties.empty()) {
    next_heading("TỔ CHỨC THỰC HIỆN");
    dashes(duties);
  }

  if (!m.closing.empty()) doc.body.push_back(body(m.closing));

  auto recipients = of(items, PlanSection::recipient);
  for (std::size_t k = 0; k < recipients.size(); ++k) {
    doc.recipients.push_back("- " + recipients[k]->body + (k + 1 == recipients.size() ? "." : ";"));
  }
  doc.signature.mark = m.signer_mark;
  doc.signature.title = m.signer_title;
  doc.signature.name = m.signer_name;
  return doc;
}

}  // namespace thidua::services
