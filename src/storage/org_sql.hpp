#pragma once
// SQL for agencies (extended), units with their name history, lineage, councils, clusters.

namespace thidua::storage::sql {

inline constexpr const char* kAgencyFull =
    "SELECT id, code, name, kind, parent_id, address, status, version FROM agency WHERE id = :id";
inline constexpr const char* kAgencyList =
    "SELECT id, code, name, kind, parent_id, address, status, version FROM agency ORDER BY code";
inline constexpr const char* kUpdateAgency =
    "UPDATE agency SET code = :code, name = :name, kind = :kind, parent_id = :parent, address = :address, "
    "version = version + 1 "
    "WHERE id = :id AND version = :version";
inline constexpr const char* kCloseAgencyName =
    "UPDATE agency_version SET valid_to = :d WHERE agency_id = :id AND valid_to IS NULL";
inline constexpr const char* kInsertAgencyName =
    "INSERT INTO agency_version (agency_id, name, valid_from) VALUES (:id, :name, :d)";
inline constexpr const char* kAgencyNames =
    "SELECT name, valid_from, valid_to FROM agency_version WHERE agency_id = :id ORDER BY valid_from, id";

inline constexpr const char* kUnitColumns =
    "SELECT u.id, u.agency_id, u.code, u.kind, u.status, u.version, v.name FROM unit u "
    "JOIN unit_version v ON v.unit_id = u.id AND v.valid_to IS NULL ";
inline constexpr const char* kInsertUnit =
    "INSERT INTO unit (agency_id, code, kind, status, created_at, version) VALUES (:a, :code, :kind, 'active', :at, 1)";
inline constexpr const char* kInsertUnitVersion =
    "INSERT INTO unit_version (unit_id, name, parent_unit_id, valid_from) VALUES (:u, :name, :parent, :d)";
inline constexpr const char* kCloseUnitVersion =
    "UPDATE unit_version SET valid_to = :d WHERE unit_id = :u AND valid_to IS NULL";
inline constexpr const char* kUnitVersions =
    "SELECT name, parent_unit_id, valid_from, valid_to FROM unit_version WHERE unit_id = :u ORDER BY valid_from, id";
inline constexpr const char* kBumpUnit =
    "UPDATE unit SET status = :status, version = version + 1 WHERE id = :u AND version = :version";
inline constexpr const char* kUnitNameOn =
    "SELECT name FROM unit_version WHERE unit_id = :u AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d2) "
    "ORDER BY valid_from DESC";
inline constexpr const char* kInsertLineage =
    "INSERT INTO org_lineage (subject, from_id, to_id, event, effective_date, note, created_at) "
    "VALUES (:s, :f, :t, :e, :d, :n, :at)";

inline constexpr const char* kInsertCouncilTerm =
    "INSERT INTO council_term (agency_id, name, decision_ref, valid_from, valid_to, created_at) "
    "VALUES (:a, :name, :ref, :from, :to, :at)";
inline constexpr const char* kCouncilTerms =
    "SELECT id, agency_id, name, decision_ref, valid_from, valid_to FROM council_term WHERE agency_id = :a "
    "ORDER BY valid_from DESC, id DESC";
inline constexpr const char* kCouncilTerm =
    "SELECT id, agency_id, name, decision_ref, valid_from, valid_to FROM council_term WHERE id = :id";
inline constexpr const char* kCouncilSeats =
    "SELECT s.person_id, p.full_name, s.seat FROM council_seat s JOIN person p ON p.id = s.person_id "
    "WHERE s.term_id = :t ORDER BY CASE s.seat WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 "
    "WHEN 'secretary' THEN 2 ELSE 3 END, p.sort_key";
inline constexpr const char* kInsertSeat = "INSERT INTO council_seat (term_id, person_id, seat) VALUES (:t, :p, :s)";
inline constexpr const char* kDeleteSeat = "DELETE FROM council_seat WHERE term_id = :t AND person_id = :p";

inline constexpr const char* kInsertCluster =
    "INSERT INTO cluster (code, name, authority_id, created_at) VALUES (:code, :name, :auth, :at)";
inline constexpr const char* kClusters = "SELECT id, code, name, authority_id FROM cluster ORDER BY code";
inline constexpr const char* kClusterById = "SELECT id, code, name, authority_id FROM cluster WHERE id = :id";
inline constexpr const char* kClusterMembers =
    "SELECT m.agency_id, a.code, a.name, m.is_lead FROM cluster_member m JOIN agency a ON a.id = m.agency_id "
    "WHERE m.cluster_id = :c AND m.year = :y ORDER BY a.code";
inline constexpr const char* kInsertClusterMember =
    "INSERT INTO cluster_member (cluster_id, agency_id, year, is_lead) VALUES (:c, :a, :y, :lead)";
inline constexpr const char* kDeleteClusterMember =
    "DELETE FROM cluster_member WHERE cluster_id = :c AND agency_id = :a AND year = :y";
inline constexpr const char* kAgencyClusters =
    "SELECT cluster_id FROM cluster_member WHERE agency_id = :a AND year = :y ORDER BY cluster_id";
inline constexpr const char* kClearClusterLead =
    "UPDATE cluster_member SET is_lead = 0 WHERE cluster_id = :c AND year = :y";
inline constexpr const char* kSetClusterLead =
    "UPDATE cluster_member SET is_lead = 1 WHERE cluster_id = :c AND year = :y AND agency_id = :a";

}  // namespace thidua::storage::sql
