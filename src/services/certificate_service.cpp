#include "services/certificate_service.hpp"

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/decision_rules.hpp"
#include "services/scope.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;
using namespace decision_rules;

namespace {

std::optional<double> decimal(const std::string& typed) {
  std::string s(text::trim(typed));
  for (auto& c : s) {
    if (c == ',') c = '.';
  }
  if (s.empty() || s.size() > 10 || s.find_first_not_of("0123456789.") != std::string::npos) return std::nullopt;
  try {
    return std::stod(s);
  } catch (...) {
    return std::nullopt;
  }
}

std::string long_date(const std::string& place, const std::string& iso) {
  auto d = text::parse_iso_date(iso);
  if (!d) return place;
  return (place.empty() ? std::string() : place + ", ") + text::long_date_vi(*d);
}

}  // namespace

CertificateService::CertificateService(std::shared_ptr<storage::Database> db, std::string public_base_url, Clock clock)
    : db_(std::move(db)), base_url_(std::move(public_base_url)), clock_(std::move(clock)),
      lookups_(20, std::chrono::minutes(10)) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

std::string CertificateService::verify_url(const std::string& code) const { return base_url_ + "/verify/" + code; }

documents::CertificateSheet CertificateService::sheet_of(const storage::CertificateRow& c, const Decision& d,
                                                         const std::string& url) {
  documents::CertificateSheet s;
  s.head_title = d.head_title;
  const bool title = form_kind(c.form) == FormKind::title;
  s.heading = title ? "GIẤY CHỨNG NHẬN" : "GIẤY KHEN";
  if (title) s.title_line = "Danh hiệu “" + form_name_vi(c.form) + "” năm " + std::to_string(d.award_year);
  s.name = printed_name(c.subject, c.subject_name);
  s.unit = c.unit_name;
  s.achievement = c.achievement;
  s.place_date = long_date(d.place, d.decision_date);
  s.decision_line = "Quyết định số " + c.decision_ref + " ngày " + vn_date(c.decision_date);
  s.signer_mark = d.signer_mark;
  s.signer_title = d.signer_title;
  s.signer_name = d.signer_name;
  s.code_line = "Mã xác thực: " + display_certificate_code(c.code);
  s.qr_text = url;
  return s;
}

Result<CertificateFile> CertificateService::pdf(const Principal& actor, std::int64_t decision_id,
                                                std::optional<std::int64_t> certificate_id,
                                                documents::CertificatePaper paper) {
  struct Read {
    Decision decision;
    std::vector<storage::CertificateRow> rows;
    CertificateLayout layout;
  };
  auto read = db_->read([&](storage::Tx& tx) -> Result<Read> {
    auto d = decision_for(tx, actor, decision_id);
    if (!d) return fail(d.error());
    if (d->status == DecisionStatus::draft) return fail(ErrorKind::conflict, "certificate.not_issued");
    Read r{std::move(*d), storage::certificates_of_decision(tx, decision_id),
           storage::certificate_layout(tx, d->agency_id).value_or(CertificateLayout{})};
    if (certificate_id) {
      std::erase_if(r.rows, [&](const auto& c) { return c.id != *certificate_id; });
      if (r.rows.empty()) return fail(ErrorKind::not_found, "certificate.not_found");
    }
    return r;
  });
  if (!read) return fail(read.error());
  std::vector<documents::CertificateSheet> sheets;
  sheets.reserve(read->rows.size());
  for (const auto& c : read->rows) sheets.push_back(sheet_of(c, read->decision, verify_url(c.code)));
  documents::CertificateOptions options;
  options.paper = paper;
  options.layout = read->layout;
  options.created = read->decision.decision_date + "T00:00:00";
  options.author = read->decision.issuer;
  auto bytes = documents::write_certificates_pdf(sheets, options);
  if (!bytes) return fail(bytes.error());
  std::string name = "giay-khen-" + std::to_string(read->decision.number) + "-" + std::to_string(read->decision.year);
  if (certificate_id) name += "-" + read->rows.front().code;
  if (paper == documents::CertificatePaper::preprinted) name += "-phoi";
  return CertificateFile{std::move(*bytes), name + ".pdf"};
}

Result<CertificateLayout> CertificateService::layout(const Principal& actor, std::int64_t agency_id) {
  return db_->read([&](storage::Tx& tx) -> Result<CertificateLayout> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    return storage::certificate_layout(tx, agency_id).value_or(CertificateLayout{});
  });
}

Result<CertificateLayout> CertificateService::save_layout(const Principal& actor, std::int64_t agency_id,
                                                          std::int64_t version, const LayoutInput& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<CertificateLayout> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    if (!may_draft(actor, agency_id)) return fail(ErrorKind::forbidden, "decision.office_only");
    CertificateLayout l;
    Error e{ErrorKind::validation, "certificate.layout_invalid", {}, {}, ""};
    auto take = [&](const char* field, const std::string& typed, double& out) {
      auto v = decimal(typed);
      if (!v) {
        e.field(field, "certificate.layout_invalid");
      } else {
        out = *v;
      }
    };
    take("name_x", in.name_x, l.name_x);
    take("name_y", in.name_y, l.name_y);
    take("name_size", in.name_size, l.name_size);
    take("unit_x", in.unit_x, l.unit_x);
    take("unit_y", in.unit_y, l.unit_y);
    take("achievement_x", in.achievement_x, l.achievement_x);
    take("achievement_y", in.achievement_y, l.achievement_y);
    take("achievement_width", in.achievement_width, l.achievement_width);
    take("date_x", in.date_x, l.date_x);
    take("date_y", in.date_y, l.date_y);
    take("decision_x", in.decision_x, l.decision_x);
    take("decision_y", in.decision_y, l.decision_y);
    take("qr_x", in.qr_x, l.qr_x);
    take("qr_y", in.qr_y, l.qr_y);
    take("qr_size", in.qr_size, l.qr_size);
    take("text_size", in.text_size, l.text_size);
    if (e.fields.empty()) {
      if (auto bad = layout_problem(l); !bad.empty()) e.field(bad, "certificate.layout_invalid");
    }
    if (!e.fields.empty()) return fail(e);
    auto old = storage::certificate_layout(tx, agency_id);
    if (old.value_or(CertificateLayout{}).version != version) return fail(ErrorKind::conflict, "edit.stale");
    l.version = version;
    if (!storage::save_certificate_layout(tx, agency_id, l, account_of(actor), to_iso(now))) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    auto saved = *storage::certificate_layout(tx, agency_id);
    record_audit(tx, actor,
                 {"certificate.layout_save", "agency", std::to_string(agency_id), "",
                  json::serialize(json::object{{"name", json::array{saved.name_x, saved.name_y, saved.name_size}},
                                               {"qr", json::array{saved.qr_x, saved.qr_y, saved.qr_size}}})},
                 now);
    return saved;
  });
}

Result<CertificateFile> CertificateService::sample(const Principal& actor, std::int64_t agency_id) {
  auto l = layout(actor, agency_id);
  if (!l) return fail(l.error());
  documents::CertificateSheet s;
  s.heading = "GIẤY KHEN";
  s.name = "Ông Nguyễn Văn Mẫu";
  s.unit = "Phòng Chính sách Dân tộc";
  s.achievement = "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ chuyên môn năm 2025";
  s.place_date = "Cao Bằng, ngày 15 tháng 12 năm 2025";
  s.decision_line = "Quyết định số 99/QĐ-MAU ngày 15/12/2025";
  s.signer_mark = "KT. TRƯỞNG BAN";
  s.signer_title = "PHÓ TRƯỞNG BAN";
  s.signer_name = "Nguyễn Văn Ký";
  s.code_line = "Mã xác thực: ABCDE-FGHJK";
  s.qr_text = verify_url("ABCDEFGHJK");
  documents::CertificateOptions options;
  options.paper = documents::CertificatePaper::preprinted;
  options.layout = *l;
  options.guides = true;
  auto bytes = documents::write_certificates_pdf({s}, options);
  if (!bytes) return fail(bytes.error());
  return CertificateFile{std::move(*bytes), "giay-khen-mau-in-thu.pdf"};
}

Result<CertificateCheck> CertificateService::verify(const std::string& typed, const std::string& client) {
  const auto now = clock_();
  const std::string key = "verify:" + client;
  if (auto wait = lookups_.wait_seconds(key, now); wait > 0) {
    Error e{ErrorKind::rate_limited, "certificate.too_many_lookups", {}, {}, ""};
    e.with("seconds", std::to_string(wait));
    return fail(e);
  }
  auto code = normalize_certificate_code(typed);
  std::optional<storage::CertificateRow> row;
  if (code) {
    auto read = db_->read([&](storage::Tx& tx) -> Result<std::optional<storage::CertificateRow>> {
      return storage::certificate_by_code(tx, *code);
    });
    if (!read) return fail(read.error());
    row = *read;
  }
  if (!row) {
    lookups_.record_failure(key, now);
    return fail(ErrorKind::not_found, "certificate.code_unknown");
  }
  CertificateCheck c;
  c.code = display_certificate_code(row->code);
  c.subject = row->subject;
  c.subject_name = row->subject_name;
  c.unit_name = row->unit_name;
  c.form = row->form;
  c.achievement = row->achievement;
  c.decision_ref = row->decision_ref;
  c.decision_date = row->decision_date;
  c.issuer = row->issuer;
  c.valid = row->decision_status == DecisionStatus::issued;
  return c;
}

}  // namespace thidua::services
