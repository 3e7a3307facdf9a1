#pragma once
/// The council's sessions (phiên họp Hội đồng Thi đua - Khen thưởng) and their secret ballot:
///  - the Office creates a session for the council term in force on its date and puts accepted
///    nominations on its agenda; each item keeps the council rule of its form as it was then;
///  - the secretary (or the Office) records attendance (present / absent) and absent members'
///    written opinions, opens an item for voting once the quorum is met, and closes it;
///  - the nominee, and the head of the nominee's unit when the rule says so, are recused;
///  - each present, non-recused member votes once, from their own account; the ballot is two
///    counters on the item and a row saying only that the member has voted — never who chose
///    what; the counts are read only when the secretary closes the item, then the nomination
///    is approved or rejected against the threshold on the membership;
///  - the minutes (biên bản) as a document (council_session_minutes.cpp), and the public
///    disclosure of the candidates when the session allows it.
/// Every call checks the actor's role and agency; another agency's ids are "not found".

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "documents/document.hpp"
#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/nomination.hpp"
#include "domain/organisation.hpp"
#include "domain/role.hpp"
#include "services/nomination_service.hpp"
#include "storage/council_session_repo.hpp"
#include "storage/database.hpp"
#include "storage/nomination_repo.hpp"

namespace thidua::services {

struct CouncilSessionInput {
  std::string agency_id;  ///< empty: the actor's agency
  std::string title;
  std::string held_on;  ///< dd/mm/yyyy or ISO
  std::string place;
  bool disclosure = false;
};

struct CouncilMemberView {
  std::int64_t person_id = 0;
  std::string name;
  CouncilSeatKind seat = CouncilSeatKind::member;
  std::string presence;  ///< present / absent / "" (not recorded)
};

struct CouncilItemView {
  storage::CouncilItemRow item;  ///< approvals and disapprovals are 0 until the item is closed
  storage::NominationRow nomination;
  std::vector<std::int64_t> recused;       ///< person ids
  int voted = 0;                           ///< how many have voted (never who chose what)
  int may_vote = 0;                        ///< present members not recused
  std::map<std::int64_t, std::string> written;  ///< absent member → approve / disapprove
  std::optional<BallotTally> tally;        ///< only once closed
  bool i_may_vote = false;                 ///< the actor is a present, non-recused member and the item is open
  bool i_have_voted = false;
};

struct CouncilSessionView {
  storage::CouncilSessionRow session;
  CouncilTerm term;
  std::vector<CouncilMemberView> members;
  int membership = 0;
  int present = 0;
  int quorum_needed = 0;  ///< the highest of the items' quorums
  bool quorum_met = false;
  std::vector<CouncilItemView> items;
  std::vector<storage::NominationRow> candidates;  ///< accepted nominations on no agenda (for the Office)
  std::string agency_name;
  bool manages = false;                   ///< the Office or the council's secretary
  std::optional<std::int64_t> my_person;  ///< the actor, when a member of the term
};

/// What the public disclosure page shows: names, units, forms.
struct DisclosedCandidate {
  std::string name;
  std::string unit;
  AwardForm form = AwardForm::advanced_worker;
  AwardSubject subject = AwardSubject::person;
};
struct Disclosure {
  std::string agency_name;
  std::string title;
  std::string held_on;
  std::vector<DisclosedCandidate> candidates;
};

class CouncilSessionService {
 public:
  CouncilSessionService(std::shared_ptr<storage::Database> db, std::shared_ptr<NominationService> nominations,
                        Clock clock = system_clock());

  Result<CouncilSessionView> create(const Principal& actor, const CouncilSessionInput& in);
  /// Newest first: the agency's overseers and the members of its councils.
  Result<std::vector<storage::CouncilSessionRow>> list(const Principal& actor, std::optional<std::int64_t> agency_id);
  Result<CouncilSessionView> get(const Principal& actor, std::int64_t session_id);
  /// An accepted nomination of the agency onto the agenda (the Office).
  Result<CouncilSessionView> add_item(const Principal& actor, std::int64_t session_id, std::int64_t nomination_id);
  /// present / absent, while no item of the session has been opened (the secretary or the Office).
  Result<CouncilSessionView> set_attendance(const Principal& actor, std::int64_t session_id, std::int64_t person_id,
                                            const std::string& presence);
  /// An absent member's written opinion on an item not yet closed: approve / disapprove / "" (none).
  Result<CouncilSessionView> set_written_opinion(const Principal& actor, std::int64_t item_id, std::int64_t person_id,
                                                 const std::string& opinion);
  /// Voting opens once the quorum is met.
  Result<CouncilSessionView> open_item(const Principal& actor, std::int64_t item_id, std::int64_t version);
  /// The actor's own ballot on an open item of `session_id`.
  Result<void> vote(const Principal& actor, std::int64_t session_id, std::int64_t item_id, bool approve);
  /// Counts the item against its threshold and approves or rejects the nomination.
  Result<CouncilSessionView> close_item(const Principal& actor, std::int64_t item_id, std::int64_t version);
  /// Every item closed: the session is over and its minutes final.
  Result<CouncilSessionView> close(const Principal& actor, std::int64_t session_id, std::int64_t version);
  Result<CouncilSessionView> set_disclosure(const Principal& actor, std::int64_t session_id, std::int64_t version,
                                            bool disclosure);
  /// No login: the candidates of a planned session whose disclosure is on; "not found" otherwise.
  Result<Disclosure> disclosure(std::int64_t session_id);

  /// The minutes (biên bản họp) as a Decree 30 document, Vietnamese.
  Result<documents::Document> minutes(const Principal& actor, std::int64_t session_id);

 private:
  std::shared_ptr<storage::Database> db_;
  std::shared_ptr<NominationService> nominations_;
  Clock clock_;
};

/// "BB_HD_2025-12-15_3.pdf"
std::string minutes_file_name(const storage::CouncilSessionRow& s, const std::string& extension);

}  // namespace thidua::services
