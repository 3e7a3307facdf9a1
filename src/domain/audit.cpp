#include "domain/audit.hpp"

namespace thidua {

namespace {
void put(std::string& out, const std::string& field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += '|';
}
}  // namespace

std::string audit_payload(const AuditEntry& e) {
  std::string out;
  put(out, e.prev_hash);
  put(out, std::to_string(e.id));
  put(out, e.at);
  put(out, e.actor_user_id ? std::to_string(*e.actor_user_id) : std::string("-"));
  put(out, e.actor);
  put(out, e.action);
  put(out, e.entity);
  put(out, e.entity_id);
  put(out, e.before_json);
  put(out, e.after_json);
  return out;
}

}  // namespace thidua
