#pragma once
/// People of an agency: register, edit (with a version check), move between units, search,
/// and their whole path. Nothing is overwritten: a move closes one placement and opens
/// another; edits are audited with before and after.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit.hpp"
#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/organisation.hpp"
#include "domain/role.hpp"
#include "storage/database.hpp"

namespace thidua::services {

/// A person as typed in a form or a file row: text, validated and normalised by the service.
struct PersonInput {
  std::string full_name;
  std::string code;
  std::string gender;           ///< "male" / "female"
  std::string birth_date;       ///< dd/mm/yyyy or yyyy-mm-dd; may be empty
  std::string employment;       ///< civil_servant / public_employee / contract_worker
  std::string start_date;       ///< dd/mm/yyyy or yyyy-mm-dd; may be empty
  std::string status = "active";
  std::string unit_id;          ///< a unit of the same agency; may be empty
  std::string position;
};

struct PeopleFilter {
  std::optional<std::int64_t> agency_id;  ///< empty: every agency the user may read
  std::string text;                       ///< any spelling: diacritics and case are ignored
  std::optional<std::int64_t> unit_id;
  std::string status;
  std::string role;
  int page = 1;
  int per_page = 50;
};

struct PeopleResult {
  std::vector<Person> items;
  long long total = 0;
  int page = 1;
  int per_page = 50;
};

struct PersonDetail {
  Person person;
  std::string agency_name;
  std::vector<Placement> path;        ///< oldest first
  std::vector<AuditEntry> history;    ///< edits, newest last
  std::string login;                  ///< linked account, if any
  bool can_edit = false;
};

class PeopleService {
 public:
  PeopleService(std::shared_ptr<storage::Database> db, Clock clock = system_clock());

  Result<PeopleResult> search(const Principal& actor, const PeopleFilter& filter);
  Result<PersonDetail> get(const Principal& actor, std::int64_t id);
  /// The data version (the audit chain's head) for a page of the agency's people, after
  /// checking the actor may read them: what a cached page of them is keyed by.
  Result<std::int64_t> data_version(const Principal& actor, std::int64_t agency_id);
  Result<Person> create(const Principal& actor, std::int64_t agency_id, const PersonInput& input);
  /// Fails with conflict "edit.stale" when the person changed since `version` was read.
  Result<Person> update(const Principal& actor, std::int64_t id, std::int64_t version, const PersonInput& input);
  /// Moves to another unit of the same agency from `date` (dd/mm/yyyy or ISO).
  Result<Person> move(const Principal& actor, std::int64_t id, std::int64_t unit_id, const std::string& position,
                      const std::string& date);

  /// Links a person to an existing account of the same agency that no one else is linked to
  /// (admin or Office of the agency). A person already linked is a conflict; an account of
  /// another agency is as unknown as one that does not exist (field "login").
  Result<void> link_account(const Principal& actor, std::int64_t person_id, const std::string& login);

  /// Validates and normalises input (used by the importer too). Field errors name the fields.
  /// `units`, when given, are the agency's active units (saves a query per row in imports).
  Result<Person> validate(storage::Tx& tx, std::int64_t agency_id, const PersonInput& input,
                          const std::vector<Unit>* units = nullptr) const;
  /// Writes a validated person (new when p.id == 0) inside the caller's transaction.
  /// `code_checked`: the caller has already made sure no one else has p.code.
  Result<Person> save(storage::Tx& tx, const Principal& actor, Person p, const std::string& action,
                      bool code_checked = false) const;

 private:
  std::shared_ptr<storage::Database> db_;
  Clock clock_;
};

/// "YYYY-MM-DD" for dd/mm/yyyy or ISO input; empty for empty input; error for a bad date.
Result<std::string> normalise_date(const std::string& text);

}  // namespace thidua::services
