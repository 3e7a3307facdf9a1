#pragma once
/// SQL of achievement_repo and progress_repo: portable between SQLite and PostgreSQL. Sums and
/// counts are CAST(… AS BIGINT) and read into long long on both.

namespace thidua::storage::sql {

/// One achievement with the names a page shows: the unit's and the commune's names as they
/// were on the day it happened (the latest version begun by then, else the first one).
inline constexpr const char* kAchievementColumns =
    "SELECT a.id, a.agency_id, a.movement_id, a.item_id, a.subject_kind, a.unit_id, a.person_id, a.kind, a.year, "
    "a.occurred_on, a.title, a.description, a.place, a.commune_id, a.audience, a.sessions, a.participants, "
    "a.cash_vnd, a.goods_vnd, a.goods_note, a.workdays, a.land_m2, a.donor_kind, a.donor_name, a.donor_scope, "
    "a.model_kind, a.model_name, a.initiative_id, a.status, a.last_comment, a.verified_by, "
    "COALESCE(a.verified_at, ''), COALESCE(a.submitted_at, ''), a.created_by, a.created_at, a.updated_at, a.version, "
    "COALESCE((SELECT uv.name FROM unit_version uv WHERE uv.unit_id = a.unit_id AND uv.valid_from <= a.occurred_on "
    "ORDER BY uv.valid_from DESC LIMIT 1), (SELECT uv.name FROM unit_version uv WHERE uv.unit_id = a.unit_id "
    "ORDER BY uv.valid_from LIMIT 1), ''), "
    "COALESCE(p.full_name, ''), "
    "COALESCE((SELECT cv.name FROM commune_version cv WHERE cv.commune_id = a.commune_id AND cv.valid_from <= "
    "a.occurred_on ORDER BY cv.valid_from DESC LIMIT 1), (SELECT cv.name FROM commune_version cv WHERE "
    "cv.commune_id = a.commune_id ORDER BY cv.valid_from LIMIT 1), ''), "
    "COALESCE(ini.title, ''), m.title, i.body, i.position, COALESCE(cu.display_name, ''), "
    "COALESCE(vu.display_name, '') "
    "FROM achievement a JOIN movement m ON m.id = a.movement_id JOIN movement_item i ON i.id = a.item_id "
    "LEFT JOIN person p ON p.id = a.person_id LEFT JOIN initiative ini ON ini.id = a.initiative_id "
    "LEFT JOIN user_account cu ON cu.id = a.created_by LEFT JOIN user_account vu ON vu.id = a.verified_by ";

inline constexpr const char* kInsertAchievement =
    "INSERT INTO achievement (agency_id, movement_id, item_id, subject_kind, unit_id, person_id, kind, year, "
    "occurred_on, title, description, place, commune_id, audience, sessions, participants, cash_vnd, goods_vnd, "
    "goods_note, workdays, land_m2, donor_kind, donor_name, donor_scope, model_kind, model_name, initiative_id, "
    "status, last_comment, submitted_at, created_by, created_at, updated_at, version) "
    "VALUES (:agency, :movement, :item, :subject, :unit, :person, :kind, :year, :on, :title, :descr, :place, "
    ":commune, :audience, :sessions, :participants, :cash, :goods, :goods_note, :workdays, :land, :donor_kind, "
    ":donor_name, :donor_scope, :model_kind, :model_name, :initiative, :status, '', :submitted, :by, :at, :at2, 1)";

/// The fields a user edits; the status and who verified stay as they are.
inline constexpr const char* kUpdateAchievement =
    "UPDATE achievement SET movement_id = :movement, item_id = :item, subject_kind = :subject, unit_id = :unit, "
    "person_id = :person, kind = :kind, year = :year, occurred_on = :on, title = :title, description = :descr, "
    "place = :place, commune_id = :commune, audience = :audience, sessions = :sessions, "
    "participants = :participants, cash_vnd = :cash, goods_vnd = :goods, goods_note = :goods_note, "
    "workdays = :workdays, land_m2 = :land, donor_kind = :donor_kind, donor_name = :donor_name, "
    "donor_scope = :donor_scope, model_kind = :model_kind, model_name = :model_name, initiative_id = :initiative, "
    "updated_at = :at, version = version + 1 WHERE id = :id AND version = :version";

inline constexpr const char* kSetAchievementStatus =
    "UPDATE achievement SET status = :status, last_comment = :comment, verified_by = :vby, verified_at = :vat, "
    "submitted_at = :sat, updated_at = :at, version = version + 1 WHERE id = :id AND version = :version";

inline constexpr const char* kInsertAchievementEvent =
    "INSERT INTO achievement_event (achievement_id, event, comment, before_json, actor_id, at) "
    "VALUES (:a, :event, :comment, :before, :actor, :at)";
inline constexpr const char* kAchievementEvents =
    "SELECT e.id, e.achievement_id, e.event, e.comment, COALESCE(e.before_json, ''), e.actor_id, "
    "COALESCE(u.display_name, ''), e.at FROM achievement_event e LEFT JOIN user_account u ON u.id = e.actor_id "
    "WHERE e.achievement_id = :a ORDER BY e.id";

/// The person's unit on a date: the placement that began last on or before it and had not
/// ended by then.
inline constexpr const char* kPersonUnitOn =
    "SELECT unit_id FROM person_placement WHERE person_id = :p AND valid_from <= :d "
    "AND (valid_to IS NULL OR valid_to > :d2) ORDER BY valid_from DESC LIMIT 1";

/// Whether the agency is assigned to the commune on a date.
inline constexpr const char* kCommuneAssignedOn =
    "SELECT CAST(COUNT(*) AS BIGINT) FROM commune_assignment WHERE agency_id = :a AND commune_id = :c "
    "AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d2)";
/// The communes the agency has been assigned, with their current (latest) name and the period.
inline constexpr const char* kAssignedCommunes =
    "SELECT ca.commune_id, COALESCE((SELECT cv.name FROM commune_version cv WHERE cv.commune_id = ca.commune_id "
    "ORDER BY cv.valid_from DESC LIMIT 1), c.code), COALESCE((SELECT cv.district FROM commune_version cv WHERE "
    "cv.commune_id = ca.commune_id ORDER BY cv.valid_from DESC LIMIT 1), ''), ca.valid_from, "
    "COALESCE(ca.valid_to, '') FROM commune_assignment ca JOIN commune c ON c.id = ca.commune_id "
    "WHERE ca.agency_id = :a ORDER BY ca.valid_from, ca.commune_id";

inline constexpr const char* kActiveInitiatives =
    "SELECT id, title FROM initiative WHERE agency_id = :a AND status = 'active' ORDER BY title, id";
inline constexpr const char* kInitiativeActive =
    "SELECT CAST(COUNT(*) AS BIGINT) FROM initiative WHERE id = :i AND agency_id = :a AND status = 'active'";

// ---- progress -----------------------------------------------------------------------------------

/// What verified achievements add up to, per content item and commune (the measures in the
/// order of Measure; counted measures count the records of their kind, commune tasks the
/// records tied to a commune). Followed by the WHERE clause that picks the subject.
inline constexpr const char* kAchievedSelect =
    "SELECT a.item_id, a.commune_id, "
    "CAST(SUM(COALESCE(a.sessions, 0)) AS BIGINT), CAST(SUM(COALESCE(a.participants, 0)) AS BIGINT), "
    "CAST(SUM(COALESCE(a.cash_vnd, 0)) AS BIGINT), CAST(SUM(COALESCE(a.goods_vnd, 0)) AS BIGINT), "
    "CAST(SUM(COALESCE(a.workdays, 0)) AS BIGINT), CAST(SUM(COALESCE(a.land_m2, 0)) AS BIGINT), "
    "CAST(SUM(CASE WHEN a.kind = 'initiative' THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(SUM(CASE WHEN a.commune_id IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(SUM(CASE WHEN a.kind = 'support_visit' THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(SUM(CASE WHEN a.kind = 'role_model' THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(SUM(CASE WHEN a.kind = 'other' THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(COUNT(*) AS BIGINT), a.unit_id FROM achievement a ";
inline constexpr const char* kAchievedByUnit =
    "WHERE a.unit_id = :u AND a.year = :y AND a.movement_id = :m AND a.status = 'verified' "
    "GROUP BY a.unit_id, a.item_id, a.commune_id";
inline constexpr const char* kAchievedByPerson =
    "WHERE a.person_id = :p AND a.year = :y AND a.movement_id = :m AND a.status = 'verified' "
    "GROUP BY a.unit_id, a.item_id, a.commune_id";
inline constexpr const char* kAchievedByAgency =
    "WHERE a.movement_id = :m AND a.year = :y AND a.status = 'verified' AND a.agency_id = :a "
    "GROUP BY a.unit_id, a.item_id, a.commune_id";

/// The live pledge (not withdrawn; at most one) of a unit, or of a person, for a movement and year.
inline constexpr const char* kLiveUnitPledge =
    "SELECT id, status, unit_id FROM pledge WHERE movement_id = :m AND year = :y AND subject_kind = 'unit' "
    "AND unit_id = :s AND status <> 'withdrawn' ORDER BY id DESC";
inline constexpr const char* kLivePersonPledge =
    "SELECT id, status, unit_id FROM pledge WHERE movement_id = :m AND year = :y AND subject_kind = 'person' "
    "AND person_id = :s AND status <> 'withdrawn' ORDER BY id DESC";
/// The live pledges of an agency's units for a movement and year.
inline constexpr const char* kUnitPledges =
    "SELECT id, status, unit_id FROM pledge WHERE agency_id = :a AND year = :y AND movement_id = :m "
    "AND subject_kind = 'unit' AND status <> 'withdrawn'";
inline constexpr const char* kPledgeTargets =
    "SELECT t.pledge_id, t.item_id, t.measure, t.target, t.commune_id FROM pledge_target t WHERE t.pledge_id = :p "
    "ORDER BY t.position, t.id";

}  // namespace thidua::storage::sql
