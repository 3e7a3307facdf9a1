#pragma once
// SQL for people and their placements.

namespace thidua::storage::sql {

// The current placement comes from person_placement rows with valid_to IS NULL.
inline constexpr const char* kPersonSelect =
    "SELECT p.id, p.agency_id, COALESCE(p.code, ''), p.full_name, p.gender, COALESCE(p.birth_date, ''), "
    "p.employment_kind, COALESCE(p.start_date, ''), p.status, p.user_id, p.version, "
    "COALESCE(pl.unit_id, 0), COALESCE(uv.name, ''), COALESCE(pl.position, '') "
    "FROM person p "
    "LEFT JOIN person_placement pl ON pl.person_id = p.id AND pl.valid_to IS NULL "
    "LEFT JOIN unit_version uv ON uv.unit_id = pl.unit_id AND uv.valid_to IS NULL ";

inline constexpr const char* kInsertPerson =
    "INSERT INTO person (agency_id, code, full_name, name_key, sort_key, gender, birth_date, employment_kind, "
    "start_date, status, created_at, updated_at, version) "
    "VALUES (:a, :code, :name, :nk, :sk, :g, :bd, :ek, :sd, :st, :at, :at2, 1)";
inline constexpr const char* kUpdatePerson =
    "UPDATE person SET code = :code, full_name = :name, name_key = :nk, sort_key = :sk, gender = :g, "
    "birth_date = :bd, employment_kind = :ek, start_date = :sd, status = :st, updated_at = :at, "
    "version = version + 1 WHERE id = :id AND version = :version";
inline constexpr const char* kBumpPerson =
    "UPDATE person SET version = version + 1, updated_at = :at WHERE id = :id";
inline constexpr const char* kLinkPersonUser = "UPDATE person SET user_id = :u WHERE id = :id";
inline constexpr const char* kPersonByUser = "SELECT id FROM person WHERE user_id = :u";
inline constexpr const char* kInsertPlacement =
    "INSERT INTO person_placement (person_id, unit_id, position, valid_from) VALUES (:p, :u, :pos, :d)";
inline constexpr const char* kClosePlacement =
    "UPDATE person_placement SET valid_to = :d WHERE person_id = :p AND valid_to IS NULL";
inline constexpr const char* kPlacements =
    "SELECT pl.id, pl.unit_id, pl.position, pl.valid_from, pl.valid_to FROM person_placement pl "
    "WHERE pl.person_id = :p ORDER BY pl.valid_from, pl.id";
inline constexpr const char* kMovePlacements =
    "SELECT person_id, position FROM person_placement WHERE unit_id = :u AND valid_to IS NULL";
inline constexpr const char* kPersonByNaturalKey =
    "SELECT id FROM person WHERE agency_id = :a AND name_key = :nk AND COALESCE(birth_date, '') = :bd";
inline constexpr const char* kPersonKeys =
    "SELECT id, COALESCE(code, ''), name_key, COALESCE(birth_date, '') FROM person WHERE agency_id = :a";
inline constexpr const char* kPersonByCode = "SELECT id FROM person WHERE agency_id = :a AND code = :code";

}  // namespace thidua::storage::sql
