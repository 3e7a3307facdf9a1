#pragma once
/// SQL of decision_repo (decisions, awardees, the award history they write, certificates,
/// certificate layouts) and decision_higher_repo (proposals of higher awards): portable
/// between SQLite and PostgreSQL.

namespace thidua::storage::sql {

// ---- decisions --------------------------------------------------------------------------------
inline constexpr const char* kDecisionColumns =
    "SELECT id, agency_id, year, number, symbol, decision_date, place, header_parent, header_agency, head_title, "
    "title, award_year, COALESCE(movement_id, 0), legal_bases, proposal, signer_mark, signer_title, signer_name, "
    "recipients, issuer, status, COALESCE(issued_at, ''), created_at, updated_at, version FROM decision ";
inline constexpr const char* kInsertDecision =
    "INSERT INTO decision (agency_id, year, number, symbol, decision_date, place, header_parent, header_agency, "
    "head_title, title, award_year, movement_id, legal_bases, proposal, signer_mark, signer_title, signer_name, "
    "recipients, status, created_by, created_at, updated_at, version) VALUES (:a, :y, :n, :s, :d, :p, :hp, :ha, "
    ":ht, :t, :ay, :m, :lb, :pr, :sm, :st, :sn, :r, 'draft', :by, :at, :at2, 1)";
inline constexpr const char* kUpdateDecision =
    "UPDATE decision SET year = :y, number = :n, symbol = :s, decision_date = :d, place = :p, header_parent = :hp, "
    "header_agency = :ha, head_title = :ht, title = :t, award_year = :ay, movement_id = :m, legal_bases = :lb, "
    "proposal = :pr, signer_mark = :sm, signer_title = :st, signer_name = :sn, recipients = :r, updated_at = :at, "
    "version = version + 1 WHERE id = :id AND version = :v AND status = 'draft'";
inline constexpr const char* kTouchDecision =
    "UPDATE decision SET updated_at = :at, version = version + 1 WHERE id = :id AND version = :v";
inline constexpr const char* kSetDecisionStatus =
    "UPDATE decision SET status = :s, issuer = :i, issued_at = :ia, updated_at = :at, version = version + 1 "
    "WHERE id = :id AND version = :v";
/// The decision holding a number of the agency's register that year (any status).
inline constexpr const char* kDecisionByNumber =
    "SELECT id FROM decision WHERE agency_id = :a AND year = :y AND number = :n";
inline constexpr const char* kMaxDecisionNumber =
    "SELECT CAST(COALESCE(MAX(number), 0) AS BIGINT) FROM decision WHERE agency_id = :a AND year = :y";
inline constexpr const char* kDecisionsOfYear =
    "SELECT d.id, d.number, d.symbol, d.decision_date, d.title, d.status, "
    "CAST((SELECT COUNT(*) FROM decision_awardee x WHERE x.decision_id = d.id) AS BIGINT), "
    "CAST((SELECT COALESCE(SUM(x.bonus), 0) FROM decision_awardee x WHERE x.decision_id = d.id) AS BIGINT) "
    "FROM decision d WHERE d.agency_id = :a AND d.year = :y ORDER BY d.number DESC";
inline constexpr const char* kDecisionYears =
    "SELECT DISTINCT year FROM decision WHERE agency_id = :a ORDER BY year DESC";

inline constexpr const char* kAwardeesOf =
    "SELECT id, position, subject_kind, subject_id, subject_name, unit_name, form, basis, COALESCE(movement_id, 0), "
    "achievement, bonus, bonus_note, COALESCE(nomination_id, 0) FROM decision_awardee WHERE decision_id = :d "
    "ORDER BY position, id";
inline constexpr const char* kInsertAwardee =
    "INSERT INTO decision_awardee (decision_id, position, subject_kind, subject_id, subject_name, unit_name, form, "
    "basis, movement_id, achievement, bonus, bonus_note, nomination_id) VALUES (:d, :p, :k, :s, :n, :u, :f, :b, :m, "
    ":ach, :bonus, :note, :nom)";
inline constexpr const char* kNextAwardeePosition =
    "SELECT CAST(COALESCE(MAX(position), 0) + 1 AS BIGINT) FROM decision_awardee WHERE decision_id = :d";
inline constexpr const char* kAwardeeExists =
    "SELECT id FROM decision_awardee WHERE decision_id = :d AND subject_kind = :k AND subject_id = :s AND form = :f";
inline constexpr const char* kDeleteAwardee = "DELETE FROM decision_awardee WHERE decision_id = :d AND id = :id";

inline constexpr const char* kInsertDecisionEvent =
    "INSERT INTO decision_event (decision_id, event, comment, actor_id, at) VALUES (:d, :e, :c, :by, :at)";
inline constexpr const char* kDecisionEvents =
    "SELECT x.event, x.comment, COALESCE(u.display_name, ''), x.at FROM decision_event x "
    "LEFT JOIN user_account u ON u.id = x.actor_id WHERE x.decision_id = :d ORDER BY x.id";

// ---- subjects and the agency ----------------------------------------------------------------------
/// A person's agency, name, current unit's current name and gender.
inline constexpr const char* kPersonSubject =
    "SELECT p.agency_id, p.full_name, COALESCE(uv.name, ''), p.gender FROM person p "
    "LEFT JOIN person_placement pp ON pp.person_id = p.id AND pp.valid_to IS NULL "
    "LEFT JOIN unit_version uv ON uv.unit_id = pp.unit_id AND uv.valid_to IS NULL WHERE p.id = :id";
inline constexpr const char* kUnitSubject =
    "SELECT u.agency_id, COALESCE(uv.name, u.code), '', '' FROM unit u "
    "LEFT JOIN unit_version uv ON uv.unit_id = u.id AND uv.valid_to IS NULL WHERE u.id = :id";
inline constexpr const char* kHouseholdSubject =
    "SELECT agency_id, head_name, address, '' FROM household WHERE id = :id";
/// The agency's code and its name in force (its newest name).
inline constexpr const char* kAgencyCodeAndName =
    "SELECT a.code, COALESCE((SELECT v.name FROM agency_version v WHERE v.agency_id = a.id AND v.valid_to IS NULL "
    "ORDER BY v.valid_from DESC LIMIT 1), a.name) FROM agency a WHERE a.id = :id";

/// The header, place and signer of the agency's newest movement plan: a new decision's defaults.
inline constexpr const char* kLatestPlanHeader =
    "SELECT header_parent, header_name, place, signer_mark, signer_title, signer_name FROM movement "
    "WHERE agency_id = :a ORDER BY id DESC LIMIT 1";
inline constexpr const char* kMovementAgency = "SELECT agency_id FROM movement WHERE id = :id";

/// Who can be named in a decision: the agency's active people (with their unit), its active
/// units, its households.
inline constexpr const char* kCandidatePeople =
    "SELECT p.id, p.full_name, COALESCE(uv.name, '') FROM person p "
    "LEFT JOIN person_placement pp ON pp.person_id = p.id AND pp.valid_to IS NULL "
    "LEFT JOIN unit_version uv ON uv.unit_id = pp.unit_id AND uv.valid_to IS NULL "
    "WHERE p.agency_id = :a AND p.status = 'active' ORDER BY p.sort_key, p.id";
inline constexpr const char* kCandidateUnits =
    "SELECT u.id, COALESCE(uv.name, u.code), '' FROM unit u "
    "LEFT JOIN unit_version uv ON uv.unit_id = u.id AND uv.valid_to IS NULL "
    "WHERE u.agency_id = :a AND u.status = 'active' ORDER BY u.code, u.id";
inline constexpr const char* kCandidateHouseholds =
    "SELECT id, head_name, address FROM household WHERE agency_id = :a ORDER BY name_key, id";
inline constexpr const char* kInsertHousehold =
    "INSERT INTO household (agency_id, head_name, name_key, address, note, created_by, created_at, version) "
    "VALUES (:a, :n, :k, :ad, '', :by, :at, 1)";
inline constexpr const char* kHouseholdNamed =
    "SELECT id FROM household WHERE agency_id = :a AND head_name = :n AND address = :ad";

// ---- the award history ------------------------------------------------------------------------------
inline constexpr const char* kInsertAward =
    "INSERT INTO award (agency_id, subject_kind, subject_id, subject_name, form, basis, year, movement_id, "
    "decision_ref, decision_date, issuer, source, decision_id, note, withdrawn, created_by, created_at) "
    "VALUES (:a, :k, :s, :n, :f, :b, :y, :m, :ref, :dd, :i, :src, :d, :note, 0, :by, :at)";
inline constexpr const char* kWithdrawAwardsOf =
    "UPDATE award SET withdrawn = 1 WHERE decision_id = :d AND source = 'decided'";
inline constexpr const char* kAwardsOfSubject =
    "SELECT id, agency_id, subject_name, form, basis, year, COALESCE(movement_id, 0), decision_ref, decision_date, "
    "issuer, source, COALESCE(decision_id, 0), note, withdrawn FROM award WHERE subject_kind = :k AND subject_id = :s "
    "ORDER BY year DESC, decision_date DESC, id DESC";

// ---- certificates --------------------------------------------------------------------------------
inline constexpr const char* kCertificateColumns =
    "SELECT c.id, c.code, c.agency_id, c.decision_id, c.awardee_id, c.award_id, c.subject_kind, c.subject_name, "
    "c.unit_name, c.form, c.achievement, c.decision_ref, c.decision_date, c.issuer, d.status FROM certificate c "
    "JOIN decision d ON d.id = c.decision_id ";
inline constexpr const char* kInsertCertificate =
    "INSERT INTO certificate (code, agency_id, decision_id, awardee_id, award_id, subject_kind, subject_name, "
    "unit_name, form, achievement, decision_ref, decision_date, issuer, created_at) VALUES (:c, :a, :d, :aw, :award, "
    ":k, :n, :u, :f, :ach, :ref, :dd, :i, :at)";
inline constexpr const char* kCodeTaken = "SELECT id FROM certificate WHERE code = :c";

inline constexpr const char* kLayoutOf =
    "SELECT name_x, name_y, name_size, unit_x, unit_y, achievement_x, achievement_y, achievement_width, date_x, "
    "date_y, decision_x, decision_y, qr_x, qr_y, qr_size, text_size, version FROM certificate_layout "
    "WHERE agency_id = :a";
inline constexpr const char* kInsertLayout =
    "INSERT INTO certificate_layout (agency_id, name_x, name_y, name_size, unit_x, unit_y, achievement_x, "
    "achievement_y, achievement_width, date_x, date_y, decision_x, decision_y, qr_x, qr_y, qr_size, text_size, "
    "updated_by, updated_at, version) VALUES (:a, :nx, :ny, :ns, :ux, :uy, :ax, :ay, :aw, :dx, :dy, :qx2, :qy2, "
    ":qx, :qy, :qs, :ts, :by, :at, 1)";
inline constexpr const char* kUpdateLayout =
    "UPDATE certificate_layout SET name_x = :nx, name_y = :ny, name_size = :ns, unit_x = :ux, unit_y = :uy, "
    "achievement_x = :ax, achievement_y = :ay, achievement_width = :aw, date_x = :dx, date_y = :dy, "
    "decision_x = :qx2, decision_y = :qy2, qr_x = :qx, qr_y = :qy, qr_size = :qs, text_size = :ts, updated_by = :by, "
    "updated_at = :at, version = version + 1 WHERE agency_id = :a AND version = :v";

// ---- higher awards ---------------------------------------------------------------------------------
inline constexpr const char* kHigherColumns =
    "SELECT id, agency_id, year, form, basis, award_year, number, symbol, submission_date, place, header_parent, "
    "header_agency, addressee, title, body, signer_mark, signer_title, signer_name, decider, status, "
    "province_number, province_date, created_at, updated_at, version FROM higher_award ";
inline constexpr const char* kInsertHigher =
    "INSERT INTO higher_award (agency_id, year, form, basis, award_year, number, symbol, submission_date, place, "
    "header_parent, header_agency, addressee, title, body, signer_mark, signer_title, signer_name, decider, status, "
    "created_by, created_at, updated_at, version) VALUES (:a, :y, :f, :b, :ay, :n, :s, :d, :p, :hp, :ha, :ad, :t, "
    ":body, :sm, :st, :sn, :dec, 'draft', :by, :at, :at2, 1)";
inline constexpr const char* kUpdateHigher =
    "UPDATE higher_award SET year = :y, form = :f, basis = :b, award_year = :ay, number = :n, symbol = :s, "
    "submission_date = :d, place = :p, header_parent = :hp, header_agency = :ha, addressee = :ad, title = :t, "
    "body = :body, signer_mark = :sm, signer_title = :st, signer_name = :sn, decider = :dec, updated_at = :at, "
    "version = version + 1 WHERE id = :id AND version = :v";
inline constexpr const char* kSetHigherStatus =
    "UPDATE higher_award SET status = :s, province_number = :pn, province_date = :pd, updated_at = :at, "
    "version = version + 1 WHERE id = :id AND version = :v";
inline constexpr const char* kTouchHigher =
    "UPDATE higher_award SET updated_at = :at, version = version + 1 WHERE id = :id AND version = :v";
inline constexpr const char* kHigherOfAgency =
    "SELECT id FROM higher_award WHERE agency_id = :a ORDER BY year DESC, id DESC";
inline constexpr const char* kHigherSubjects =
    "SELECT id, subject_kind, subject_id, subject_name, unit_name, achievement FROM higher_award_subject "
    "WHERE higher_award_id = :h ORDER BY position, id";
inline constexpr const char* kInsertHigherSubject =
    "INSERT INTO higher_award_subject (higher_award_id, position, subject_kind, subject_id, subject_name, unit_name, "
    "achievement) VALUES (:h, :p, :k, :s, :n, :u, :a)";
inline constexpr const char* kNextHigherPosition =
    "SELECT CAST(COALESCE(MAX(position), 0) + 1 AS BIGINT) FROM higher_award_subject WHERE higher_award_id = :h";
inline constexpr const char* kHigherSubjectExists =
    "SELECT id FROM higher_award_subject WHERE higher_award_id = :h AND subject_kind = :k AND subject_id = :s";
inline constexpr const char* kDeleteHigherSubject =
    "DELETE FROM higher_award_subject WHERE higher_award_id = :h AND id = :id";
inline constexpr const char* kInsertHigherEvent =
    "INSERT INTO higher_award_event (higher_award_id, event, comment, actor_id, at) VALUES (:h, :e, :c, :by, :at)";
inline constexpr const char* kHigherEvents =
    "SELECT x.event, x.comment, COALESCE(u.display_name, ''), x.at FROM higher_award_event x "
    "LEFT JOIN user_account u ON u.id = x.actor_id WHERE x.higher_award_id = :h ORDER BY x.id";
/// Evidence files kept for a subject's records (achievements of a person or a unit) in a year.
inline constexpr const char* kSubjectEvidence =
    "SELECT e.id, e.file_sha256, e.file_name FROM evidence e "
    "JOIN achievement a ON e.subject = 'achievement' AND e.subject_id = a.id "
    "WHERE e.status = 'active' AND a.status = 'verified' AND a.year = :y AND "
    "((:k = 'person' AND a.person_id = :s) OR (:k2 = 'unit' AND a.unit_id = :s2 AND a.person_id IS NULL)) "
    "ORDER BY e.id";

}  // namespace thidua::storage::sql
