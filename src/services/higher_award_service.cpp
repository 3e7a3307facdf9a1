#include "services/higher_award_service.hpp"

#include <boost/json.hpp>

#include "documents/docx_writer.hpp"
#include "documents/pdf_writer.hpp"
#include "documents/zip_writer.hpp"
#include "services/audit_service.hpp"
#include "services/decision_document.hpp"
#include "services/decision_rules.hpp"
#include "services/scope.hpp"
#include "services/validation.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;
using namespace decision_rules;

namespace {

Result<HigherAward> higher_for(storage::Tx& tx, const Principal& actor, std::int64_t id) {
  auto h = storage::find_higher_award(tx, id);
  if (!h || !can_read_agency(tx, actor, h->agency_id)) return fail(ErrorKind::not_found, "higher_award.not_found");
  return *h;
}

Result<void> read_input(const HigherAwardInput& in, HigherAward& h) {
  Error e = invalid();
  auto form = parse_award_form(text::trim(in.form));
  if (!form) {
    e.field("form", "validation.invalid");
  } else if (form_level(*form) == FormLevel::agency) {
    e.field("form", "higher_award.form_not_higher");
  } else {
    h.form = *form;
  }
  auto basis = parse_award_basis(text::trim(in.basis));
  if (!basis) e.field("basis", "validation.invalid");
  h.basis = basis.value_or(AwardBasis::yearly);
  const auto year = std::string(text::trim(in.award_year));
  if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos) {
    e.field("award_year", year.empty() ? "validation.required" : "validation.invalid");
  } else {
    h.award_year = std::stoi(year);
  }
  optional_text(e, "number", in.number, 20, h.number);
  h.submission_date = date_field(e, "submission_date", in.submission_date, true);
  if (!h.submission_date.empty()) h.year = std::stoi(h.submission_date.substr(0, 4));
  optional_text(e, "place", in.place, kLine, h.place);
  optional_text(e, "header_parent", in.header_parent, kLine, h.header_parent);
  required_text(e, "header_agency", in.header_agency, kLine, h.header_agency);
  required_text(e, "addressee", in.addressee, kLine, h.addressee);
  required_text(e, "title", in.title, kLine, h.title);
  optional_text(e, "body", in.body, kText, h.body);
  optional_text(e, "signer_mark", in.signer_mark, kLine, h.signer_mark);
  required_text(e, "signer_title", in.signer_title, kLine, h.signer_title);
  required_text(e, "signer_name", in.signer_name, kLine, h.signer_name);
  required_text(e, "decider", in.decider, kLine, h.decider);
  if (!e.fields.empty()) return fail(e);
  return {};
}

json::object fields_of(const HigherAward& h) {
  json::array subjects;
  for (const auto& s : h.subjects) {
    subjects.push_back(json::object{{"subject", std::string(to_string(s.subject))}, {"subject_id", s.subject_id},
                                    {"name", s.subject_name}});
  }
  return json::object{{"form", std::string(to_string(h.form))}, {"title", h.title},
                      {"status", std::string(to_string(h.status))}, {"subjects", subjects}};
}

HigherAwardView view_of(storage::Tx& tx, const Principal& actor, HigherAward h) {
  HigherAwardView v;
  v.history = storage::higher_award_events(tx, h.id);
  const bool office = may_draft(actor, h.agency_id);
  v.can_edit = office && higher_award_editable(h.status);
  v.can_send = v.can_edit && !h.subjects.empty();
  v.can_answer = office && h.status == HigherAwardStatus::sent;
  v.award = std::move(h);
  return v;
}

std::string slug(const std::string& s) {
  std::string out;
  for (char c : text::fold(s)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace

HigherAwardService::HigherAwardService(std::shared_ptr<storage::Database> db, std::shared_ptr<FileStore> files,
                                       Clock clock)
    : db_(std::move(db)), files_(std::move(files)), clock_(std::move(clock)) {}

Result<std::vector<HigherAward>> HigherAwardService::list(const Principal& actor, std::int64_t agency_id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<HigherAward>> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    return storage::higher_awards_of(tx, agency_id);
  });
}

Result<HigherAward> HigherAwardService::defaults(const Principal& actor, std::int64_t agency_id) {
  const auto today = today_iso(clock_());
  return db_->read([&](storage::Tx& tx) -> Result<HigherAward> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    if (!may_draft(actor, agency_id)) return fail(ErrorKind::forbidden, "higher_award.office_only");
    auto names = storage::agency_code_and_name(tx, agency_id);
    if (!names) return fail(ErrorKind::not_found, "agency.not_found");
    const auto plan = storage::latest_plan_header(tx, agency_id);
    HigherAward h;
    h.agency_id = agency_id;
    h.submission_date = today;
    h.year = std::stoi(today.substr(0, 4));
    h.award_year = h.year;
    h.symbol = "TTr-" + names->first;
    h.place = plan.place;
    h.header_parent = plan.header_parent;
    h.header_agency = plan.header_agency.empty() ? text::upper_vi(names->second) : plan.header_agency;
    h.signer_mark = plan.signer_mark;
    h.signer_title = plan.signer_title;
    h.signer_name = plan.signer_name;
    h.addressee = "Ủy ban nhân dân tỉnh Cao Bằng";
    h.decider = "UBND tỉnh Cao Bằng";
    h.title = "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh";
    h.body = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
             "Căn cứ kết quả bình xét của Hội đồng Thi đua - Khen thưởng " + names->second + ";";
    return h;
  });
}

Result<HigherAward> HigherAwardService::create(const Principal& actor, std::int64_t agency_id,
                                               const HigherAwardInput& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<HigherAward> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    if (!may_draft(actor, agency_id)) return fail(ErrorKind::forbidden, "higher_award.office_only");
    auto names = storage::agency_code_and_name(tx, agency_id);
    if (!names) return fail(ErrorKind::not_found, "agency.not_found");
    HigherAward h;
    h.agency_id = agency_id;
    h.symbol = "TTr-" + names->first;
    if (auto ok = read_input(in, h); !ok) return fail(ok.error());
    h.id = storage::insert_higher_award(tx, h, account_of(actor), to_iso(now));
    storage::insert_higher_award_event(tx, h.id, "created", "", account_of(actor), to_iso(now));
    auto saved = *storage::find_higher_award(tx, h.id);
    record_audit(tx, actor, {"higher_award.create", "higher_award", std::to_string(h.id), "",
                             json::serialize(fields_of(saved))},
                 now);
    return saved;
  });
}

Result<HigherAward> HigherAwardService::update(const Principal& actor, std::int64_t id, std::int64_t version,
                                               const HigherAwardInput& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<HigherAward> {
    auto old = higher_for(tx, actor, id);
    if (!old) return fail(old.error());
    if (!may_draft(actor, old->agency_id)) return fail(ErrorKind::forbidden, "higher_award.office_only");
    if (!higher_award_editable(old->status)) return fail(ErrorKind::conflict, "higher_award.not_editable");
    if (old->version != version) return fail(ErrorKind::conflict, "edit.stale");
    HigherAward h = *old;
    if (auto ok = read_input(in, h); !ok) return fail(ok.error());
    if (!storage::update_higher_award(tx, h, to_iso(now))) return fail(ErrorKind::conflict, "edit.stale");
    storage::insert_higher_award_event(tx, id, "edited", "", account_of(actor), to_iso(now));
    auto saved = *storage::find_higher_award(tx, id);
    record_audit(tx, actor, {"higher_award.update", "higher_award", std::to_string(id),
                             json::serialize(fields_of(*old)), json::serialize(fields_of(saved))},
                 now);
    return saved;
  });
}

Result<HigherAwardView> HigherAwardService::get(const Principal& actor, std::int64_t id) {
  return db_->read([&](storage::Tx& tx) -> Result<HigherAwardView> {
    auto h = higher_for(tx, actor, id);
    if (!h) return fail(h.error());
    return view_of(tx, actor, std::move(*h));
  });
}

Result<HigherAward> HigherAwardService::add_subjects(const Principal& actor, std::int64_t id,
                                                     const std::vector<ProposedInput>& list) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<HigherAward> {
    auto h = higher_for(tx, actor, id);
    if (!h) return fail(h.error());
    if (!may_draft(actor, h->agency_id)) return fail(ErrorKind::forbidden, "higher_award.office_only");
    if (!higher_award_editable(h->status)) return fail(ErrorKind::conflict, "higher_award.not_editable");
    if (list.empty()) return fail(ErrorKind::validation, "higher_award.no_subject");
    Error e = invalid();
    std::vector<ProposedSubject> adding;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string at = "subjects." + std::to_string(i);
      auto subject = parse_award_subject(text::trim(list[i].subject));
      if (!subject) {
        e.field(at + ".subject", "validation.invalid");
        continue;
      }
      if (!form_fits(h->form, *subject)) {
        e.field(at + ".subject", "decision.form_misfit");
        continue;
      }
      auto who = storage::subject_info(tx, *subject, list[i].subject_id);
      if (!who || who->agency_id != h->agency_id) {
        e.field(at + ".subject_id", "decision.subject_unknown");
        continue;
      }
      bool twice = storage::proposed_subject_exists(tx, id, *subject, list[i].subject_id);
      for (const auto& a : adding) twice = twice || (a.subject == *subject && a.subject_id == list[i].subject_id);
      if (twice) {
        e.field(at + ".subject_id", "higher_award.subject_twice");
        continue;
      }
      ProposedSubject s;
      s.subject = *subject;
      s.subject_id = list[i].subject_id;
      s.subject_name = who->name;
      s.unit_name = *subject == AwardSubject::person ? who->unit_name : "";
      optional_text(e, at + ".achievement", list[i].achievement, kText, s.achievement);
      adding.push_back(std::move(s));
    }
    if (!e.fields.empty()) return fail(e);
    for (const auto& s : adding) storage::insert_proposed_subject(tx, id, s);
    if (!storage::touch_higher_award(tx, id, h->version, to_iso(now))) return fail(ErrorKind::conflict, "edit.stale");
    storage::insert_higher_award_event(tx, id, "subjects_added", std::to_string(adding.size()), account_of(actor),
                                       to_iso(now));
    auto saved = *storage::find_higher_award(tx, id);
    record_audit(tx, actor, {"higher_award.subjects_add", "higher_award", std::to_string(id),
                             json::serialize(fields_of(*h)), json::serialize(fields_of(saved))},
                 now);
    return saved;
  });
}

Result<HigherAward> HigherAwardService::remove_subject(const Principal& actor, std::int64_t id,
                                                       std::int64_t subject_row_id) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<HigherAward> {
    auto h = higher_for(tx, actor, id);
    if (!h) return fail(h.error());
    if (!may_draft(actor, h->agency_id)) return fail(ErrorKind::forbidden, "higher_award.office_only");
    if (!higher_award_editable(h->status)) return fail(ErrorKind::conflict, "higher_award.not_editable");
    if (!storage::delete_proposed_subject(tx, id, subject_row_id)) {
      return fail(ErrorKind::not_found, "higher_award.subject_not_found");
    }
    if (!storage::touch_higher_award(tx, id, h->version, to_iso(now))) return fail(ErrorKind::conflict, "edit.stale");
    storage::insert_higher_award_event(tx, id, "subject_removed", "", account_of(actor), to_iso(now));
    auto saved = *storage::find_higher_award(tx, id);
    record_audit(tx, actor, {"higher_award.subject_remove", "higher_award", std::to_string(id),
                             json::serialize(fields_of(*h)), json::serialize(fields_of(saved))},
                 now);
    return saved;
  });
}

namespace {

/// One move of the status (send, give back, decide) with its event and audit entry.
Result<HigherAwardView> move(storage::Database& db, const Principal& actor, std::int64_t id, std::int64_t version,
                             HigherAwardEvent event, const std::string& comment, const std::string& number,
                             const std::string& date, TimePoint now) {
  return db.write([&](storage::Tx& tx) -> Result<HigherAwardView> {
    auto h = higher_for(tx, actor, id);
    if (!h) return fail(h.error());
    if (!may_draft(actor, h->agency_id)) return fail(ErrorKind::forbidden, "higher_award.office_only");
    if (h->version != version) return fail(ErrorKind::conflict, "edit.stale");
    auto next = higher_award_next(h->status, event);
    if (!next) return fail(ErrorKind::conflict, "higher_award.status_invalid");
    if (event == HigherAwardEvent::send && h->subjects.empty()) {
      return fail(ErrorKind::validation, "higher_award.no_subject");
    }
    Error e = invalid();
    std::string reason, province_number, province_date;
    if (event == HigherAwardEvent::give_back) required_text(e, "reason", comment, kText, reason);
    if (event == HigherAwardEvent::decide) {
      required_text(e, "province_number", number, 60, province_number);
      province_date = date_field(e, "province_date", date, true);
    }
    if (!e.fields.empty()) return fail(e);
    if (!storage::set_higher_award_status(tx, id, version, *next, province_number, province_date, to_iso(now))) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    const char* name = event == HigherAwardEvent::send ? "sent" : event == HigherAwardEvent::give_back ? "returned"
                                                                                                        : "decided";
    std::string note = reason;
    if (event == HigherAwardEvent::decide) {
      note = province_number + " ngày " + vn_date(province_date);
      for (const auto& s : h->subjects) {
        AwardRecord r;
        r.agency_id = h->agency_id;
        r.subject = s.subject;
        r.subject_id = s.subject_id;
        r.subject_name = s.subject_name;
        r.form = h->form;
        r.basis = h->basis;
        r.year = h->award_year;
        r.decision_ref = province_number;
        r.decision_date = province_date;
        r.issuer = h->decider;
        r.source = AwardSource::imported;
        r.note = "Trình khen: tờ trình " + (h->number.empty() ? std::string() : h->number + "/") + h->symbol;
        storage::insert_award(tx, r, account_of(actor), to_iso(now));
      }
    }
    storage::insert_higher_award_event(tx, id, name, note, account_of(actor), to_iso(now));
    auto saved = *storage::find_higher_award(tx, id);
    record_audit(tx, actor,
                 {std::string("higher_award.") + name, "higher_award", std::to_string(id),
                  json::serialize(json::object{{"status", std::string(to_string(h->status))}}),
                  json::serialize(json::object{{"status", std::string(to_string(*next))}, {"note", note}})},
                 now);
    return view_of(tx, actor, std::move(saved));
  });
}

}  // namespace

Result<HigherAwardView> HigherAwardService::send(const Principal& actor, std::int64_t id, std::int64_t version) {
  return move(*db_, actor, id, version, HigherAwardEvent::send, "", "", "", clock_());
}

Result<HigherAwardView> HigherAwardService::give_back(const Principal& actor, std::int64_t id, std::int64_t version,
                                                      const std::string& reason) {
  return move(*db_, actor, id, version, HigherAwardEvent::give_back, reason, "", "", clock_());
}

Result<HigherAwardView> HigherAwardService::record_decision(const Principal& actor, std::int64_t id,
                                                            std::int64_t version, const std::string& number,
                                                            const std::string& date) {
  return move(*db_, actor, id, version, HigherAwardEvent::decide, "", number, date, clock_());
}

Result<BundleFile> HigherAwardService::submission(const Principal& actor, std::int64_t id, const std::string& format) {
  auto read = db_->read([&](storage::Tx& tx) -> Result<std::pair<HigherAward, std::string>> {
    auto h = higher_for(tx, actor, id);
    if (!h) return fail(h.error());
    auto names = storage::agency_code_and_name(tx, h->agency_id);
    return std::make_pair(std::move(*h), names ? names->second : std::string());
  });
  if (!read) return fail(read.error());
  auto doc = submission_document(read->first, read->second);
  auto bytes = format == "pdf" ? documents::write_pdf(doc) : documents::write_docx(doc);
  if (!bytes) return fail(bytes.error());
  return BundleFile{std::move(*bytes), submission_file_name(read->first, format == "pdf" ? "pdf" : "docx")};
}

Result<BundleFile> HigherAwardService::bundle(const Principal& actor, std::int64_t id) {
  struct Read {
    HigherAward award;
    std::string agency_name;
    std::vector<std::vector<storage::EvidenceFileRow>> evidence;
  };
  auto read = db_->read([&](storage::Tx& tx) -> Result<Read> {
    auto h = higher_for(tx, actor, id);
    if (!h) return fail(h.error());
    auto names = storage::agency_code_and_name(tx, h->agency_id);
    Read r{std::move(*h), names ? names->second : std::string(), {}};
    for (const auto& s : r.award.subjects) {
      r.evidence.push_back(storage::subject_evidence(tx, s.subject, s.subject_id, r.award.award_year));
    }
    return r;
  });
  if (!read) return fail(read.error());
  auto doc = submission_document(read->award, read->agency_name);
  auto docx = documents::write_docx(doc);
  if (!docx) return fail(docx.error());
  auto pdf = documents::write_pdf(doc);
  if (!pdf) return fail(pdf.error());
  std::vector<documents::ZipEntry> entries;
  std::string manifest = "HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG\n" + read->agency_name + "\nTờ trình: " +
                         (read->award.number.empty() ? "" : read->award.number + "/") + read->award.symbol + " ngày " +
                         vn_date(read->award.submission_date) + "\nHình thức: " + form_name_vi(read->award.form) +
                         "\n\n01-to-trinh.docx\n01-to-trinh.pdf\n";
  entries.push_back({"01-to-trinh.docx", std::move(*docx)});
  entries.push_back({"01-to-trinh.pdf", std::move(*pdf)});
  for (std::size_t i = 0; i < read->award.subjects.size(); ++i) {
    const auto& s = read->award.subjects[i];
    char prefix[8];
    std::snprintf(prefix, sizeof prefix, "%02zu", i + 2);
    const std::string dir = std::string(prefix) + "-" + slug(s.subject_name) + "/";
    manifest += "\n" + dir + "  " + printed_name(s.subject, s.subject_name) +
                (s.unit_name.empty() ? "" : " (" + s.unit_name + ")") + "\n";
    std::string summary = printed_name(s.subject, s.subject_name) + "\n" + s.unit_name + "\n\nTóm tắt thành tích:\n" +
                          s.achievement + "\n";
    entries.push_back({dir + "tom-tat-thanh-tich.txt", summary});
    manifest += "  " + dir + "tom-tat-thanh-tich.txt\n";
    int n = 0;
    for (const auto& f : read->evidence[i]) {
      auto bytes = files_ ? files_->get(f.sha256) : Result<std::string>(fail(ErrorKind::not_found, "evidence.not_found"));
      if (!bytes) continue;
      const std::string name = dir + "minh-chung-" + std::to_string(++n) + "-" + f.file_name;
      manifest += "  " + name + "  sha256 " + f.sha256 + "\n";
      entries.push_back({name, std::move(*bytes)});
    }
  }
  entries.insert(entries.begin(), documents::ZipEntry{"00-danh-muc.txt", manifest});
  std::tm tm{};
  if (auto d = text::parse_iso_date(read->award.submission_date)) {
    tm.tm_year = d->year - 1900;
    tm.tm_mon = d->month - 1;
    tm.tm_mday = d->day;
    tm.tm_hour = 12;
  }
  auto zip = documents::write_zip(entries, timegm(&tm));
  if (!zip) return fail(zip.error());
  return BundleFile{std::move(*zip), "ho-so-" + submission_file_name(read->award, "zip")};
}

}  // namespace thidua::services
