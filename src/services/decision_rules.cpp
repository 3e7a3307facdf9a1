#include "services/decision_rules.hpp"

#include "services/scope.hpp"
#include "storage/decision_repo.hpp"
#include "text/format.hpp"

namespace thidua::services::decision_rules {

std::optional<std::int64_t> account_of(const Principal& p) {
  if (p.user_id > 0) return p.user_id;
  return std::nullopt;
}

bool may_draft(const Principal& p, std::int64_t agency_id) { return can_manage_agency(p, agency_id); }

bool may_sign(const Principal& p, std::int64_t agency_id) {
  return can_manage_agency(p, agency_id) || p.has_role_in(Role::leader, agency_id);
}

Result<Decision> decision_for(storage::Tx& tx, const Principal& actor, std::int64_t decision_id) {
  auto d = storage::find_decision(tx, decision_id);
  if (!d || !can_read_agency(tx, actor, d->agency_id)) return fail(ErrorKind::not_found, "decision.not_found");
  return *d;
}

std::string form_name_vi(AwardForm f) {
  switch (f) {
    case AwardForm::advanced_worker: return "Lao động tiên tiến";
    case AwardForm::grassroots_fighter: return "Chiến sĩ thi đua cơ sở";
    case AwardForm::provincial_fighter: return "Chiến sĩ thi đua cấp tỉnh";
    case AwardForm::advanced_collective: return "Tập thể lao động tiên tiến";
    case AwardForm::excellent_collective: return "Tập thể lao động xuất sắc";
    case AwardForm::flag: return "Cờ thi đua của Ủy ban nhân dân tỉnh";
    case AwardForm::certificate_of_merit: return "Giấy khen";
    case AwardForm::diploma_of_merit: return "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh";
    case AwardForm::national_fighter: return "Chiến sĩ thi đua toàn quốc";
    case AwardForm::government_flag: return "Cờ thi đua của Chính phủ";
    case AwardForm::pm_diploma: return "Bằng khen của Thủ tướng Chính phủ";
  }
  return "";
}

std::string printed_name(AwardSubject subject, const std::string& name) {
  if (subject == AwardSubject::household) return "Hộ gia đình " + name;
  return name;
}

std::string vn_date(const std::string& iso) {
  auto d = text::parse_iso_date(iso);
  return d ? text::format_date(*d) : iso;
}

}  // namespace thidua::services::decision_rules
