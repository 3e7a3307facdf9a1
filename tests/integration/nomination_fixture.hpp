#pragma once
// Nominations and the council on top of the evaluation tests' agency: a council term of five
// seats (the leader chairs, the Office's clerk keeps the minutes, the head of CSDT, a member of
// CSDT's staff and KHTH's clerk sit as members), the nomination service with the default rules,
// and the council session service.

#include <map>
#include <set>

#include <soci/soci.h>

#include "evaluation_fixture.hpp"
#include "services/council_session_service.hpp"
#include "services/nomination_service.hpp"
#include "storage/migrate.hpp"

namespace thidua::it {

class NominationTest : public EvaluationTest {
 protected:
  void SetUp() override {
    EvaluationTest::SetUp();
    if (HasFatalFailure()) return;
    nominations_ = std::make_shared<services::NominationService>(db_, evidence_, services::default_nomination_rules(),
                                                                 clock_.clock());
    council_ = std::make_shared<services::CouncilSessionService>(db_, nominations_, clock_.clock());
    auto term = org_->create_council_term(root_, agency_, {"Hội đồng TĐKT nhiệm kỳ 2021 - 2026", "15/QĐ-BDT",
                                                           "01/01/2021", ""});
    ASSERT_TRUE(term.has_value()) << fields_of(term.error());
    term_ = term->id;
    seat(leader_person_, "chair");
    seat(office_person_, "secretary");
    seat(head_person_, "member");
    seat(staff_person_, "member");
    seat(kh_person_, "member");
  }

  void seat(std::int64_t person, const char* kind) {
    auto r = org_->set_council_seat(root_, term_, person, kind);
    ASSERT_TRUE(r.has_value()) << fields_of(r.error());
  }

  /// A nomination by `who`, taken to `accepted` by the Office.
  services::NominationView accepted(const Principal& who, const std::string& subject, const char* form,
                                    const char* year = "2025") {
    services::NominationInput in;
    in.subject = subject;
    in.form = form;
    in.year = year;
    auto n = nominations_->create(who, in);
    EXPECT_TRUE(n.has_value()) << (n ? "" : fields_of(n.error()));
    auto s = nominations_->act(who, n->nomination.id, n->nomination.version, NominationAction::submit, "");
    EXPECT_TRUE(s.has_value()) << (s ? "" : fields_of(s.error()));
    auto a = nominations_->act(office_, n->nomination.id, s->nomination.version, NominationAction::accept, "");
    EXPECT_TRUE(a.has_value()) << (a ? "" : fields_of(a.error()));
    return *a;
  }

  services::CouncilSessionView session(bool disclosure = false) {
    services::CouncilSessionInput in;
    in.title = "Phiên họp xét khen thưởng năm 2025";
    in.held_on = "15/12/2025";
    in.place = "Phòng họp Ban Dân tộc";
    in.disclosure = disclosure;
    auto s = council_->create(office_, in);
    EXPECT_TRUE(s.has_value()) << (s ? "" : fields_of(s.error()));
    return *s;
  }

  std::string person_subject(std::int64_t id) { return "person:" + std::to_string(id); }

  /// Every row of every table, as text, table by table.
  std::map<std::string, std::multiset<std::string>> dump() {
    std::map<std::string, std::multiset<std::string>> out;
    std::set<std::string> tables;
    for (const auto& m : storage::migrations()) {
      for (const auto& stmt : storage::statements_for(m, storage::Dialect::sqlite)) {
        auto at = stmt.find("CREATE TABLE ");
        if (at == std::string::npos) continue;
        std::string rest = stmt.substr(at + 13);
        if (rest.rfind("IF NOT EXISTS ", 0) == 0) rest = rest.substr(14);
        tables.insert(rest.substr(0, rest.find_first_of(" (\n")));
      }
    }
    auto r = db_->read([&](storage::Tx& tx) -> Result<bool> {
      for (const auto& t : tables) {
        soci::rowset<soci::row> rows = tx.sql().prepare << "SELECT * FROM " + t;
        for (const auto& row : rows) {
          std::string line;
          for (std::size_t i = 0; i < row.size(); ++i) {
            const auto& p = row.get_properties(i);
            line += p.get_name() + "=";
            if (row.get_indicator(i) == soci::i_null) {
              line += "NULL";
            } else {
              switch (p.get_data_type()) {
                case soci::dt_string: line += row.get<std::string>(i); break;
                case soci::dt_integer: line += std::to_string(row.get<int>(i)); break;
                case soci::dt_long_long: line += std::to_string(row.get<long long>(i)); break;
                case soci::dt_unsigned_long_long: line += std::to_string(row.get<unsigned long long>(i)); break;
                case soci::dt_double: line += std::to_string(row.get<double>(i)); break;
                default: line += "?"; break;
              }
            }
            line += ";";
          }
          out[t].insert(line);
        }
      }
      return true;
    });
    EXPECT_TRUE(r.has_value());
    return out;
  }

  std::shared_ptr<services::NominationService> nominations_;
  std::shared_ptr<services::CouncilSessionService> council_;
  std::int64_t term_ = 0;
};

}  // namespace thidua::it
