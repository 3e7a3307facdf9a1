#include "services/nomination_access.hpp"

namespace thidua::services::nomination_access {

std::optional<std::int64_t> account_of(const Principal& p) {
  return p.user_id > 0 ? std::optional<std::int64_t>(p.user_id) : std::nullopt;
}

NominationRights nomination_rights(storage::Tx& tx, const Principal& actor, const storage::NominationRow& n) {
  NominationRights r;
  r.rights = record_rights(tx, actor, n.agency_id);
  if (!r.rights.readable) return r;
  const bool heads = n.unit_id && r.rights.heads(*n.unit_id);
  const std::int64_t creator = storage::nomination_created_by(tx, n.id);
  const bool author = actor.user_id > 0 && creator == actor.user_id;
  const bool nominee = n.subject == AwardSubject::person && r.rights.person_id && *r.rights.person_id == n.subject_id;
  r.reviews = r.rights.manages;
  r.changes = r.rights.manages || heads || author;
  r.reads = r.rights.oversees || r.changes || nominee;
  return r;
}

Result<std::pair<storage::NominationRow, NominationRights>> nomination_for(storage::Tx& tx, const Principal& actor,
                                                                           std::int64_t id) {
  auto n = storage::find_nomination(tx, id);
  if (!n) return fail(ErrorKind::not_found, "nominations.not_found");
  auto r = nomination_rights(tx, actor, *n);
  // Another agency's nomination, or one the actor has no part in, does not exist for them.
  if (!r.reads) return fail(ErrorKind::not_found, "nominations.not_found");
  return std::make_pair(std::move(*n), std::move(r));
}

}  // namespace thidua::services::nomination_access
