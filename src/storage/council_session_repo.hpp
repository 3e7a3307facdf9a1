#pragma once
/// Council sessions in storage: the session, its attendance, its agenda items with the council
/// rule kept on each, the secret ballot (two counters per item and a "has voted" row with no id
/// and no time), and absent members' written opinions.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/nomination.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

struct CouncilSessionRow {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t term_id = 0;
  std::string term_name;
  std::string title;
  std::string held_on;  ///< YYYY-MM-DD
  std::string place;
  std::string status;   ///< planned / closed
  bool disclosure = false;
  std::int64_t version = 1;
};

struct CouncilItemRow {
  std::int64_t id = 0;
  std::int64_t session_id = 0;
  std::int64_t nomination_id = 0;
  int position = 0;
  std::string status;  ///< pending / open / closed
  BallotRule rule;
  int approvals = 0;     ///< secret: read only to count a closed item
  int disapprovals = 0;  ///< secret: read only to count a closed item
  std::optional<int> membership;  ///< set when closed
  std::optional<int> recused;     ///< set when closed
  std::string result;             ///< passed / failed once closed
  std::int64_t version = 1;
};

std::int64_t insert_council_session(Tx& tx, const CouncilSessionRow& s, std::optional<std::int64_t> user_id,
                                    const std::string& at);
std::optional<CouncilSessionRow> find_council_session(Tx& tx, std::int64_t id);
/// Newest first.
std::vector<CouncilSessionRow> council_sessions(Tx& tx, std::int64_t agency_id);
bool set_council_session_status(Tx& tx, std::int64_t id, std::int64_t version, const std::string& status);
bool set_council_session_disclosure(Tx& tx, std::int64_t id, std::int64_t version, bool disclosure);

void set_attendance(Tx& tx, std::int64_t session_id, std::int64_t person_id, const std::string& presence);
/// person → present / absent.
std::map<std::int64_t, std::string> attendance(Tx& tx, std::int64_t session_id);

std::int64_t insert_council_item(Tx& tx, std::int64_t session_id, std::int64_t nomination_id, const BallotRule& rule);
std::optional<CouncilItemRow> find_council_item(Tx& tx, std::int64_t id);
/// By position.
std::vector<CouncilItemRow> council_items(Tx& tx, std::int64_t session_id);
/// The item the nomination is on, if any.
std::optional<CouncilItemRow> council_item_of(Tx& tx, std::int64_t nomination_id);
bool set_council_item_status(Tx& tx, std::int64_t id, std::int64_t version, const std::string& status);
bool close_council_item(Tx& tx, std::int64_t id, std::int64_t version, int membership, int recused,
                        const std::string& result);

/// Records that `person_id` has voted on the open item and counts the choice, nothing more.
/// Throws a unique violation (a conflict) on a second vote; false when the item is not open.
bool cast_ballot(Tx& tx, std::int64_t item_id, std::int64_t person_id, bool approve);
/// Who has voted, by person id (never in the order they voted).
std::vector<std::int64_t> voters(Tx& tx, std::int64_t item_id);

void set_written_opinion(Tx& tx, std::int64_t item_id, std::int64_t person_id, const std::string& opinion);
/// person → approve / disapprove.
std::map<std::int64_t, std::string> written_opinions(Tx& tx, std::int64_t item_id);

}  // namespace thidua::storage
