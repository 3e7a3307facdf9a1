#pragma once
/// The catalogue of communes with their history, the agencies' assignments to support them,
/// and recognition events. Assessments, criteria sets and the support ledger are in
/// assessment_repo.hpp.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/commune.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

// ---- the catalogue ---------------------------------------------------------------------------

/// A new commune and its first version (name, kind, district from `first.valid_from`).
std::int64_t insert_commune(Tx& tx, const std::string& code, const std::string& province,
                            const CommuneVersion& first, const std::string& at);
std::optional<Commune> find_commune(Tx& tx, std::int64_t id);
std::optional<Commune> find_commune_by_code(Tx& tx, const std::string& code);
/// Every commune of the catalogue with its latest version, by id.
std::vector<Commune> list_communes(Tx& tx);
/// These communes (ids from our own rows), by id.
std::map<std::int64_t, Commune> communes_by_id(Tx& tx, const std::vector<std::int64_t>& ids);
/// Versions oldest first.
std::vector<CommuneVersion> commune_versions(Tx& tx, std::int64_t commune_id);
void insert_commune_version(Tx& tx, std::int64_t commune_id, const CommuneVersion& v);
void close_commune_version(Tx& tx, std::int64_t version_id, const std::string& valid_to);
/// A correction of a version's text in place (a typo, not a rename).
void correct_commune_version(Tx& tx, const CommuneVersion& v);
/// Optimistic change of the commune row on `version`; false when it moved on.
bool bump_commune(Tx& tx, std::int64_t id, std::int64_t version, CommuneStatus status, const std::string& province);
/// Changes where the commune is either side, oldest first.
std::vector<CommuneLineage> commune_lineage(Tx& tx, std::int64_t commune_id);
void insert_lineage(Tx& tx, const CommuneLineage& l, const std::string& at);
std::vector<CommuneClass> commune_classes(Tx& tx, std::int64_t commune_id);
void insert_commune_class(Tx& tx, std::int64_t commune_id, const CommuneClass& c);
void close_commune_class(Tx& tx, std::int64_t class_id, const std::string& valid_to);

// ---- assignments -----------------------------------------------------------------------------

std::int64_t insert_assignment(Tx& tx, const CommuneAssignment& a, std::optional<std::int64_t> user_id,
                               const std::string& at);
/// Optimistic update on a.version (also ends it when valid_to is set); false when it moved on.
bool update_assignment(Tx& tx, const CommuneAssignment& a);
/// Replaces the contact people of an assignment.
void set_assignment_contacts(Tx& tx, std::int64_t assignment_id, const std::vector<AssignmentContact>& contacts);
std::optional<CommuneAssignment> find_assignment(Tx& tx, std::int64_t id);
/// Every assignment of the commune (ended ones too), newest first, with contacts.
std::vector<CommuneAssignment> commune_assignments(Tx& tx, std::int64_t commune_id);
/// Every assignment of these agencies (ended ones too), with contacts.
std::vector<CommuneAssignment> agency_assignments(Tx& tx, const std::vector<std::int64_t>& agency_ids);

// ---- recognitions ----------------------------------------------------------------------------

std::int64_t insert_recognition(Tx& tx, const Recognition& r, std::optional<std::int64_t> user_id,
                                const std::string& at);
std::optional<Recognition> find_recognition(Tx& tx, std::int64_t id);
/// Every recognition event of the commune (withdrawn ones too), oldest first.
std::vector<Recognition> commune_recognitions(Tx& tx, std::int64_t commune_id);
/// Recorded recognition events of these communes, oldest first.
std::vector<Recognition> recognitions_of(Tx& tx, const std::vector<std::int64_t>& commune_ids);
/// False when it was already withdrawn.
bool withdraw_recognition(Tx& tx, std::int64_t id, std::optional<std::int64_t> user_id, const std::string& reason,
                          const std::string& at);

/// The agency's people at work (status active), in Vietnamese name order: contact choices.
std::vector<std::pair<std::int64_t, std::string>> agency_people(Tx& tx, std::int64_t agency_id);

/// "1,2,3" from ids of our own rows ("0" for none): safe to splice into IN (…).
std::string id_list(const std::vector<std::int64_t>& ids);

/// A query of the commune repositories: from the connection's statement cache when its text
/// is one of a bounded set (values bound), else prepared for this run only (ids spliced in).
class RowQuery {
 public:
  RowQuery(Tx& tx, const std::string& text, bool cached);
  ~RowQuery();
  RowQuery(const RowQuery&) = delete;
  RowQuery& operator=(const RowQuery&) = delete;
  soci::statement& operator*() const { return *st_; }
  soci::statement* operator->() const { return st_; }

 private:
  std::optional<Prepared> cached_;
  std::unique_ptr<soci::statement> own_;
  soci::statement* st_ = nullptr;
};

}  // namespace thidua::storage
