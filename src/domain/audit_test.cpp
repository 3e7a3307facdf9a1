#include "domain/audit.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace thidua {
namespace {

AuditEntry sample() {
  AuditEntry e;
  e.id = 7;
  e.at = "2026-11-28T15:37:06Z";
  e.actor_user_id = 3;
  e.actor = "lan";
  e.action = "user.create";
  e.entity = "user_account";
  e.entity_id = "12";
  e.before_json = "";
  e.after_json = R"({"login":"hoa"})";
  e.prev_hash = kAuditGenesisHash;
  e.hash = "not part of the payload";
  return e;
}

TEST(AuditPayload, IsDeterministic) {
  EXPECT_EQ(audit_payload(sample()), audit_payload(sample()));
  EXPECT_FALSE(audit_payload(sample()).empty());
}

TEST(AuditPayload, ChangesWhenAnyFieldChanges) {
  const std::string base = audit_payload(sample());
  const std::vector<std::pair<const char*, std::function<void(AuditEntry&)>>> edits = {
      {"id", [](AuditEntry& e) { e.id = 8; }},
      {"at", [](AuditEntry& e) { e.at = "2026-11-28T15:37:07Z"; }},
      {"actor_user_id", [](AuditEntry& e) { e.actor_user_id = 4; }},
      {"actor_user_id unset", [](AuditEntry& e) { e.actor_user_id.reset(); }},
      {"actor", [](AuditEntry& e) { e.actor = "Lan"; }},
      {"action", [](AuditEntry& e) { e.action = "user.disable"; }},
      {"entity", [](AuditEntry& e) { e.entity = "agency"; }},
      {"entity_id", [](AuditEntry& e) { e.entity_id = "13"; }},
      {"before_json", [](AuditEntry& e) { e.before_json = "{}"; }},
      {"after_json", [](AuditEntry& e) { e.after_json = R"({"login":"hoa2"})"; }},
      {"prev_hash", [](AuditEntry& e) { e.prev_hash[0] = '1'; }},
  };
  for (const auto& [name, edit] : edits) {
    AuditEntry e = sample();
    edit(e);
    EXPECT_NE(audit_payload(e), base) << name;
  }
}

TEST(AuditPayload, IgnoresTheStoredHash) {
  AuditEntry e = sample();
  e.hash = "something else";
  EXPECT_EQ(audit_payload(e), audit_payload(sample()));
}

TEST(AuditPayload, SeparatorsInsideFieldsCannotShiftTheBoundary) {
  AuditEntry a = sample(), b = sample();
  a.actor = "a|b";
  a.action = "c";
  b.actor = "a";
  b.action = "b|c";
  EXPECT_NE(audit_payload(a), audit_payload(b));

  // The same with a field that imitates the length prefix of the next one.
  AuditEntry c = sample(), d = sample();
  c.entity = "x|1:y";
  c.entity_id = "";
  d.entity = "x";
  d.entity_id = "y";
  EXPECT_NE(audit_payload(c), audit_payload(d));
}

TEST(AuditPayload, MovingTextBetweenBeforeAndAfterChangesIt) {
  AuditEntry a = sample(), b = sample();
  a.before_json = R"({"active":true})";
  a.after_json = "";
  b.before_json = "";
  b.after_json = R"({"active":true})";
  EXPECT_NE(audit_payload(a), audit_payload(b));
}

TEST(AuditPayload, NoActorIdDiffersFromAnyActorId) {
  AuditEntry a = sample(), b = sample();
  a.actor_user_id.reset();
  b.actor_user_id = 0;
  EXPECT_NE(audit_payload(a), audit_payload(b));
}

}  // namespace
}  // namespace thidua
