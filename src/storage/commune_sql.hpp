#pragma once
/// SQL of commune_repo and assessment_repo: portable between SQLite and PostgreSQL.

namespace thidua::storage::sql {

// ---- the catalogue ---------------------------------------------------------------------------

/// A commune with its latest version (the current one, or the last before it was merged).
inline constexpr const char* kCommuneColumns =
    "SELECT c.id, c.code, c.province, c.status, c.created_at, c.version, v.name, v.kind, v.district "
    "FROM commune c JOIN commune_version v ON v.commune_id = c.id AND v.valid_from = "
    "(SELECT MAX(v2.valid_from) FROM commune_version v2 WHERE v2.commune_id = c.id) ";
inline constexpr const char* kInsertCommune =
    "INSERT INTO commune (code, province, status, created_at, version) VALUES (:code, :province, 'active', :at, 1)";
inline constexpr const char* kInsertCommuneVersion =
    "INSERT INTO commune_version (commune_id, name, kind, district, valid_from, valid_to) "
    "VALUES (:c, :name, :kind, :district, :vf, NULL)";
inline constexpr const char* kCommuneVersions =
    "SELECT id, name, kind, district, valid_from, COALESCE(valid_to, '') FROM commune_version "
    "WHERE commune_id = :c ORDER BY valid_from, id";
inline constexpr const char* kCloseCommuneVersion = "UPDATE commune_version SET valid_to = :vt WHERE id = :id";
inline constexpr const char* kCorrectCommuneVersion =
    "UPDATE commune_version SET name = :name, kind = :kind, district = :district WHERE id = :id";
inline constexpr const char* kBumpCommune =
    "UPDATE commune SET status = :status, province = :province, version = version + 1 "
    "WHERE id = :id AND version = :version";
/// The names each side had just before the change: the version that ended on (or held on the
/// day before) the effective date.
inline constexpr const char* kCommuneLineage =
    "SELECT l.id, l.from_id, l.to_id, l.event, l.effective_date, l.decision_ref, l.note, "
    "COALESCE((SELECT v.name FROM commune_version v WHERE v.commune_id = l.from_id AND v.valid_from < "
    "l.effective_date ORDER BY v.valid_from DESC LIMIT 1), ''), "
    "COALESCE((SELECT v.kind FROM commune_version v WHERE v.commune_id = l.from_id AND v.valid_from < "
    "l.effective_date ORDER BY v.valid_from DESC LIMIT 1), 'xa'), "
    "COALESCE((SELECT v.name FROM commune_version v WHERE v.commune_id = l.to_id AND v.valid_from <= "
    "l.effective_date ORDER BY v.valid_from DESC LIMIT 1), ''), "
    "COALESCE((SELECT v.kind FROM commune_version v WHERE v.commune_id = l.to_id AND v.valid_from <= "
    "l.effective_date ORDER BY v.valid_from DESC LIMIT 1), 'xa') "
    "FROM commune_lineage l WHERE l.from_id = :a OR l.to_id = :b ORDER BY l.effective_date, l.id";
inline constexpr const char* kInsertCommuneLineage =
    "INSERT INTO commune_lineage (from_id, to_id, event, effective_date, decision_ref, note, created_at) "
    "VALUES (:f, :t, :e, :d, :ref, :note, :at)";
inline constexpr const char* kCommuneClasses =
    "SELECT id, scheme, value, valid_from, COALESCE(valid_to, ''), note FROM commune_class "
    "WHERE commune_id = :c ORDER BY scheme, valid_from, id";
inline constexpr const char* kInsertCommuneClass =
    "INSERT INTO commune_class (commune_id, scheme, value, valid_from, valid_to, note) "
    "VALUES (:c, :scheme, :value, :vf, NULL, :note)";
inline constexpr const char* kCloseCommuneClass = "UPDATE commune_class SET valid_to = :vt WHERE id = :id";

// ---- assignments -----------------------------------------------------------------------------

inline constexpr const char* kAssignmentColumns =
    "SELECT s.id, s.agency_id, a.name, s.commune_id, s.decision_ref, COALESCE(s.decision_date, ''), "
    "s.target_level, s.target_year, s.valid_from, COALESCE(s.valid_to, ''), s.note, s.created_at, s.version "
    "FROM commune_assignment s JOIN agency a ON a.id = s.agency_id ";
inline constexpr const char* kInsertAssignment =
    "INSERT INTO commune_assignment (agency_id, commune_id, decision_ref, decision_date, target_level, "
    "target_year, valid_from, valid_to, note, created_by, created_at, version) "
    "VALUES (:a, :c, :ref, :dd, :level, :year, :vf, :vt, :note, :by, :at, 1)";
inline constexpr const char* kUpdateAssignment =
    "UPDATE commune_assignment SET decision_ref = :ref, decision_date = :dd, target_level = :level, "
    "target_year = :year, valid_from = :vf, valid_to = :vt, note = :note, version = version + 1 "
    "WHERE id = :id AND version = :version";
inline constexpr const char* kAssignmentContacts =
    "SELECT ac.assignment_id, ac.person_id, p.full_name, ac.role FROM commune_assignment_contact ac "
    "JOIN person p ON p.id = ac.person_id ";

// ---- criteria sets ---------------------------------------------------------------------------

inline constexpr const char* kCriteriaSetColumns =
    "SELECT id, code, name, level, valid_from, COALESCE(valid_to, ''), citation, source_hash FROM criteria_set ";
inline constexpr const char* kInsertCriteriaSet =
    "INSERT INTO criteria_set (code, name, level, valid_from, valid_to, citation, source_hash, created_at) "
    "VALUES (:code, :name, :level, :vf, :vt, :citation, :hash, :at)";
inline constexpr const char* kUpdateCriteriaSet =
    "UPDATE criteria_set SET name = :name, level = :level, valid_from = :vf, valid_to = :vt, citation = :citation, "
    "source_hash = :hash WHERE id = :id";
inline constexpr const char* kCriteria =
    "SELECT id, set_id, number, name, grp FROM criterion WHERE set_id = :s ORDER BY number";
inline constexpr const char* kIndicatorColumns =
    "SELECT i.id, i.criterion_id, i.code, i.name, i.measure_unit, i.target, i.commune_group, i.position, i.status "
    "FROM indicator i ";
inline constexpr const char* kInsertIndicator =
    "INSERT INTO indicator (criterion_id, code, name, measure_unit, target, commune_group, position, status, "
    "created_by, created_at) VALUES (:c, :code, :name, :unit, :target, :grp, :pos, 'active', :by, :at)";

// ---- assessments -----------------------------------------------------------------------------

inline constexpr const char* kAssessmentColumns =
    "SELECT s.id, s.commune_id, s.set_id, cs.name, s.agency_id, a.name, s.assessed_on, s.kind, s.criteria_met, "
    "s.criteria_total, s.note, s.status, COALESCE(u.display_name, ''), s.created_at, COALESCE(w.display_name, ''), "
    "COALESCE(s.withdrawn_at, ''), s.withdrawn_reason FROM assessment s "
    "JOIN criteria_set cs ON cs.id = s.set_id JOIN agency a ON a.id = s.agency_id "
    "LEFT JOIN user_account u ON u.id = s.assessed_by LEFT JOIN user_account w ON w.id = s.withdrawn_by ";
inline constexpr const char* kInsertAssessment =
    "INSERT INTO assessment (commune_id, set_id, agency_id, assessed_on, kind, criteria_met, criteria_total, note, "
    "status, assessed_by, created_at, withdrawn_reason) "
    "VALUES (:c, :s, :a, :on, :kind, :met, :total, :note, 'recorded', :by, :at, '')";
inline constexpr const char* kInsertAssessmentItem =
    "INSERT INTO assessment_item (assessment_id, criterion_id, met, value, note) VALUES (:a, :c, :met, :value, :note)";
inline constexpr const char* kAssessmentItems =
    "SELECT i.id, i.criterion_id, c.number, c.name, i.met, i.value, i.note FROM assessment_item i "
    "JOIN criterion c ON c.id = i.criterion_id WHERE i.assessment_id = :a ORDER BY c.number";
inline constexpr const char* kWithdrawAssessment =
    "UPDATE assessment SET status = 'withdrawn', withdrawn_by = :by, withdrawn_at = :at, withdrawn_reason = :why "
    "WHERE id = :id AND status = 'recorded'";

// ---- recognitions ----------------------------------------------------------------------------

inline constexpr const char* kRecognitionColumns =
    "SELECT r.id, r.commune_id, r.level, r.event, r.year, r.decision_ref, COALESCE(r.decision_date, ''), r.issuer, "
    "r.note, COALESCE(u.display_name, ''), r.created_at, r.status, COALESCE(w.display_name, ''), "
    "COALESCE(r.withdrawn_at, ''), r.withdrawn_reason FROM commune_recognition r "
    "LEFT JOIN user_account u ON u.id = r.created_by LEFT JOIN user_account w ON w.id = r.withdrawn_by ";
inline constexpr const char* kInsertRecognition =
    "INSERT INTO commune_recognition (commune_id, level, event, year, decision_ref, decision_date, issuer, note, "
    "created_by, created_at, status, withdrawn_reason) "
    "VALUES (:c, :level, :event, :year, :ref, :dd, :issuer, :note, :by, :at, 'recorded', '')";
inline constexpr const char* kWithdrawRecognition =
    "UPDATE commune_recognition SET status = 'withdrawn', withdrawn_by = :by, withdrawn_at = :at, "
    "withdrawn_reason = :why WHERE id = :id AND status = 'recorded'";

// ---- the support ledger (achievements for a commune) -----------------------------------------

/// Verified achievements only: drafts, returned and withdrawn records do not count.
inline constexpr const char* kSupportColumns =
    "SELECT ac.id, ac.occurred_on, COALESCE(uv.name, ''), COALESCE(p.full_name, ''), ac.kind, ac.title, "
    "ac.cash_vnd, ac.goods_vnd, ac.workdays, ac.land_m2 FROM achievement ac "
    "LEFT JOIN unit_version uv ON uv.unit_id = ac.unit_id AND uv.valid_to IS NULL "
    "LEFT JOIN person p ON p.id = ac.person_id ";
inline constexpr const char* kSupportTotals =
    "SELECT ac.commune_id, CAST(COUNT(*) AS BIGINT), CAST(COALESCE(SUM(ac.cash_vnd), 0) AS BIGINT), "
    "CAST(COALESCE(SUM(ac.goods_vnd), 0) AS BIGINT), CAST(COALESCE(SUM(ac.workdays), 0) AS BIGINT), "
    "CAST(COALESCE(SUM(ac.land_m2), 0) AS BIGINT) FROM achievement ac ";

}  // namespace thidua::storage::sql
