#pragma once
/// Agencies (full form), units with their name history, lineage, councils and clusters.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/account.hpp"
#include "domain/organisation.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

struct AgencyRow {
  Agency agency;
  std::string kind;  ///< "agency" or "authority"
  std::optional<std::int64_t> parent_id;
  std::string address;
  bool active = true;
  std::int64_t version = 1;
};
std::optional<AgencyRow> find_agency_row(Tx& tx, std::int64_t id);
std::vector<std::int64_t> all_agency_ids(Tx& tx);
/// Agencies whose parent authority is `parent_id`.
std::vector<std::int64_t> child_agency_ids(Tx& tx, std::int64_t parent_id);
std::vector<AgencyRow> list_agency_rows(Tx& tx);
bool update_agency(Tx& tx, const AgencyRow& row, std::int64_t expected_version);
void record_agency_name(Tx& tx, std::int64_t agency_id, const std::string& name, const std::string& from);
std::vector<NameVersion> agency_names(Tx& tx, std::int64_t agency_id);

std::vector<Unit> list_units(Tx& tx, std::int64_t agency_id, bool include_closed);
std::optional<Unit> find_unit(Tx& tx, std::int64_t id);
std::int64_t insert_unit(Tx& tx, std::int64_t agency_id, const std::string& code, UnitKind kind,
                         const std::string& name, const std::string& valid_from, const std::string& at);
/// Ends the current name on `date` and starts `name` from it (optimistic on unit.version).
bool rename_unit(Tx& tx, const Unit& unit, const std::string& name, const std::string& date);
bool close_unit(Tx& tx, const Unit& unit, const std::string& date);
std::vector<NameVersion> unit_history(Tx& tx, std::int64_t unit_id);
/// The unit's name on `date` (the name true then), or the current name if none matches.
std::string unit_name_on(Tx& tx, std::int64_t unit_id, const std::string& date);
void insert_lineage(Tx& tx, const std::string& subject, std::int64_t from, std::optional<std::int64_t> to,
                    const std::string& event, const std::string& date, const std::string& note,
                    const std::string& at);

std::int64_t insert_council_term(Tx& tx, const CouncilTerm& t, const std::string& at);
std::vector<CouncilTerm> council_terms(Tx& tx, std::int64_t agency_id);
std::optional<CouncilTerm> find_council_term(Tx& tx, std::int64_t id);
void insert_council_seat(Tx& tx, std::int64_t term_id, std::int64_t person_id, CouncilSeatKind seat);
void delete_council_seat(Tx& tx, std::int64_t term_id, std::int64_t person_id);

struct ClusterRow {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::optional<std::int64_t> authority_id;
};
struct ClusterMemberRow {
  std::int64_t agency_id = 0;
  std::string code;
  std::string name;
  bool lead = false;
};
std::int64_t insert_cluster(Tx& tx, const ClusterRow& c, const std::string& at);
std::vector<ClusterRow> list_clusters(Tx& tx);
std::optional<ClusterRow> find_cluster(Tx& tx, std::int64_t id);
std::vector<ClusterMemberRow> cluster_members(Tx& tx, std::int64_t cluster_id, int year);
void insert_cluster_member(Tx& tx, std::int64_t cluster_id, std::int64_t agency_id, int year, bool lead);
void delete_cluster_member(Tx& tx, std::int64_t cluster_id, std::int64_t agency_id, int year);
/// The clusters `agency_id` is a member of in `year`.
std::vector<std::int64_t> agency_cluster_ids(Tx& tx, std::int64_t agency_id, int year);
/// Makes `agency_id` the one lead of the cluster in `year`.
void set_cluster_lead(Tx& tx, std::int64_t cluster_id, std::int64_t agency_id, int year);

}  // namespace thidua::storage
