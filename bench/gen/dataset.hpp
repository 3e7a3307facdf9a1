#pragma once
/// What the generators have made so far, for the generators that follow: a later generator
/// (achievements, communes, assessments…) reads agencies, units and people from here instead
/// of querying the database, so it knows every id without a round trip.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "domain/organisation.hpp"

namespace thidua::gen {

struct Options {
  std::string db_url;
  int agencies = 200;
  int people = 30000;
  std::uint64_t seed = 42;
  /// The password of every generated account (stored as one argon2id hash).
  std::string password = "bench-Password-1";
  /// created_at/updated_at of every row: fixed, so that a seed always gives the same bytes.
  std::string now = "2025-01-02T08:00:00Z";
  /// The work of the movement (issue 5): communes of the province, initiatives, achievements.
  int communes = 2000;
  int initiatives = 3000;
  std::int64_t achievements = 1'000'000;
};

/// The kind of organisation an agency is; it decides titles, units and positions.
enum class Profile { department, board, inspectorate, office, district, school, college, health, institute };

struct GenUnit {
  std::int64_t id = 0;
  std::string code;
  UnitKind kind = UnitKind::department;
  std::string name;
};

/// Where a person stands in the agency, most senior first.
enum class Rank { head, deputy, unit_head, unit_deputy, staff };

struct GenPerson {
  std::int64_t id = 0;
  std::size_t agency = 0;  ///< index into DataSet::agencies
  std::size_t unit = 0;    ///< index into the agency's units
  std::string code;
  std::string full_name;
  Gender gender = Gender::male;
  PersonStatus status = PersonStatus::active;
  Rank rank = Rank::staff;
  std::string position;
  std::int64_t user_id = 0;  ///< 0: no account
};

/// A commune of the province catalogue. Communes merged on 2025-07-01 end there; the one they
/// were merged into carries on (with their assignments).
struct GenCommune {
  std::int64_t id = 0;
  std::string code;
  std::string name;  ///< the name it had until 2025-07-01
  std::string new_name;  ///< from 2025-07-01, when it was renamed on the merger (else empty)
  std::string district;
  bool merged = false;
  std::size_t into = 0;  ///< index into DataSet::communes, when merged
  int zone = 1;          ///< difficult-area zone I–III: how far from the new-rural standard it starts
  bool recognised_earlier = false;  ///< already new-rural before 2021
};

/// An initiative of the register, for the achievements that report it.
struct GenInitiative {
  std::int64_t id = 0;
  std::size_t agency = 0;
  int year = 0;
  std::vector<std::size_t> authors;  ///< indices into DataSet::people
};

struct GenAgency {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  Profile profile = Profile::department;
  int cluster = 0;  ///< index into the clusters (0–7)
  int size_weight = 10;  ///< relative head count (10: an average Sở)
  std::vector<GenUnit> units;
  std::vector<std::size_t> people;  ///< indices into DataSet::people, in code order
  std::int64_t office_user = 0;     ///< the Office's account (verifies, assesses)
  std::int64_t movement_id = 0;     ///< the movement it launched for 2021–2025
  std::vector<std::int64_t> content_items;  ///< the movement's content items, in order
  std::vector<std::size_t> communes;        ///< assigned communes (indices into DataSet::communes)
  std::vector<std::size_t> initiatives;     ///< indices into DataSet::initiatives
};

struct DataSet {
  GenAgency authority;             ///< UBND tỉnh: parent of every agency, owner of the clusters
  std::vector<GenAgency> agencies;
  std::vector<GenPerson> people;
  std::vector<GenCommune> communes;
  std::vector<GenInitiative> initiatives;
  /// Criterion ids of the 2021–2025 set ('ntm-2021-2025'), by number (1–19), as the server's
  /// own loader of rules/criteria/ put them in the database before the generators run.
  std::vector<std::int64_t> criteria;
  std::int64_t criteria_set = 0;
};

/// Explicit ids, handed out in insertion order after the largest id already in each table,
/// so foreign keys are known before anything is written.
class Ids {
 public:
  using MaxId = std::function<std::int64_t(const std::string& table)>;
  explicit Ids(MaxId max_id) : max_id_(std::move(max_id)) {}
  std::int64_t next(const std::string& table) {
    auto it = last_.find(table);
    if (it == last_.end()) it = last_.emplace(table, max_id_(table)).first;
    return ++it->second;
  }

 private:
  MaxId max_id_;
  std::map<std::string, std::int64_t> last_;
};

struct Context {
  const Options& options;
  Ids& ids;
  DataSet& data;
  std::string password_hash;  ///< argon2id of options.password
};

}  // namespace thidua::gen
