#include "cli/demo_eligibility.hpp"

#include <map>
#include <string>

#include "services/auth_service.hpp"
#include "services/eligibility_service.hpp"
#include "services/user_service.hpp"
#include "storage/org_repo.hpp"
#include "storage/people_repo.hpp"

// Ban Dân tộc's inputs as its Office would type them from the civil-service evaluation: the
// 2024 and 2025 ratings of everybody but Đinh Thị Mai in 2025 (her evaluation is not approved
// yet, so her verdicts are "cannot tell" until the Office enters it), the 2025 reprimand of Lục
// Văn Quang, the maternity leave of Triệu Thị Ánh (March–August 2025, which counts as working
// time), and the paper records of past awards: Lương Văn Thành was Grassroots Emulation Fighter
// in 2023 and 2024 (so the consecutive-title rules show), several people Advanced Workers, the
// Policy unit an Advanced Collective in 2024. Nobody gets an account here.

namespace thidua::cli {

namespace {

struct Rated {
  const char* code;
  const char* r2024;
  const char* r2025;  ///< nullptr: not entered yet
};
constexpr Rated kPeopleRatings[] = {
    {"BDT001", "excellent", "excellent"}, {"BDT002", "good", "excellent"},      {"BDT003", "good", "excellent"},
    {"BDT004", "excellent", "excellent"}, {"BDT005", "excellent", "good"},      {"BDT006", "good", "good"},
    {"BDT007", "good", "good"},           {"BDT008", "completed", "completed"}, {"BDT009", "good", "good"},
    {"BDT010", "good", "excellent"},           {"BDT011", "good", nullptr},          {"BDT012", "good", "good"},
};
constexpr Rated kUnitRatings[] = {
    {"LD", "good", "excellent"},  {"VP", "good", "good"},           {"CSDT", "good", "excellent"},
    {"KHTH", "excellent", "good"}, {"TTRA", "completed", "completed"}, {"CD", "good", "good"},
};

struct Past {
  const char* code;  ///< person code, or unit code when `unit`
  bool unit;
  AwardForm form;
  int year;
  const char* ref;
  const char* date;
};
constexpr Past kPast[] = {
    {"BDT004", false, AwardForm::grassroots_fighter, 2023, "Số: 02/QĐ-BDT", "2024-01-12"},
    {"BDT004", false, AwardForm::grassroots_fighter, 2024, "Số: 03/QĐ-BDT", "2025-01-10"},
    {"BDT004", false, AwardForm::advanced_worker, 2023, "Số: 01/QĐ-BDT", "2024-01-12"},
    {"BDT004", false, AwardForm::advanced_worker, 2024, "Số: 01/QĐ-BDT", "2025-01-10"},
    {"BDT005", false, AwardForm::advanced_worker, 2024, "Số: 01/QĐ-BDT", "2025-01-10"},
    {"BDT003", false, AwardForm::advanced_worker, 2024, "Số: 01/QĐ-BDT", "2025-01-10"},
    {"CSDT", true, AwardForm::advanced_collective, 2024, "Số: 04/QĐ-BDT", "2025-01-10"},
};

}  // namespace

Result<void> load_demo_eligibility(app::Services& s, std::int64_t agency_id) {
  const auto op = services::operator_principal("demo");
  auto user = s.users->get_user(op, "vanphong");
  if (!user) return fail(user.error());
  auto office = s.db->read([&](storage::Tx& tx) { return services::load_principal(tx, user->id); });
  if (!office) return fail(office.error());
  std::map<std::string, std::int64_t> people, units;
  auto ids = s.db->read([&](storage::Tx& tx) -> Result<void> {
    for (const auto& r : kPeopleRatings) {
      if (auto id = storage::find_person_by_code(tx, agency_id, r.code)) people[r.code] = *id;
    }
    for (const auto& u : storage::list_units(tx, agency_id, false)) units[u.code] = u.id;
    return {};
  });
  if (!ids) return fail(ids.error());
  auto& svc = *s.eligibility;
  auto rate = [&](const char* subject, std::int64_t id, const char* year, const char* rating) -> Result<void> {
    if (!rating) return {};
    auto r = svc.record_rating(*office, agency_id, {subject, std::to_string(id), year, rating, ""});
    if (!r) return fail(r.error());
    return {};
  };
  for (const auto& r : kPeopleRatings) {
    if (auto x = rate("person", people[r.code], "2024", r.r2024); !x) return x;
    if (auto x = rate("person", people[r.code], "2025", r.r2025); !x) return x;
  }
  for (const auto& r : kUnitRatings) {
    if (auto x = rate("unit", units[r.code], "2024", r.r2024); !x) return x;
    if (auto x = rate("unit", units[r.code], "2025", r.r2025); !x) return x;
  }
  auto sanction = svc.record_sanction(*office, agency_id,
                                      {std::to_string(people["BDT012"]), "reprimand", "15/05/2025", "",
                                       "Số: 21/QĐ-BDT", "Vi phạm quy chế làm việc"});
  if (!sanction) return fail(sanction.error());
  auto leave = svc.record_leave(*office, agency_id, {std::to_string(people["BDT009"]), "maternity", "01/03/2025",
                                                     "31/08/2025", "Nghỉ chế độ thai sản"});
  if (!leave) return fail(leave.error());
  for (const auto& p : kPast) {
    AwardRecord a;
    a.subject = p.unit ? AwardSubject::unit : AwardSubject::person;
    a.subject_id = p.unit ? units[p.code] : people[p.code];
    a.form = p.form;
    a.basis = AwardBasis::yearly;
    a.year = p.year;
    a.decision_ref = p.ref;
    a.decision_date = p.date;
    a.issuer = "Ban Dân tộc tỉnh Cao Bằng";
    auto r = svc.record_past_award(*office, agency_id, a);
    if (!r) return fail(r.error());
  }
  return {};
}

}  // namespace thidua::cli
