#pragma once
/// SQL of movement_repo: portable between SQLite and PostgreSQL.

namespace thidua::storage::sql {

inline constexpr const char* kMovementColumns =
    "SELECT m.id, m.agency_id, m.title, m.kind, m.level, m.period_from, m.period_to, m.summary, m.header_parent, "
    "m.header_name, m.doc_number, m.doc_symbol, m.place, COALESCE(m.doc_date, ''), m.preamble, m.closing, "
    "m.signer_mark, m.signer_title, m.signer_name, m.signer_person_id, m.status, m.copied_from, "
    "COALESCE(m.launched_at, ''), m.created_at, m.updated_at, m.version ";
inline constexpr const char* kInsertMovement =
    "INSERT INTO movement (agency_id, title, kind, level, period_from, period_to, summary, header_parent, "
    "header_name, doc_number, doc_symbol, place, doc_date, preamble, closing, signer_mark, signer_title, "
    "signer_name, signer_person_id, status, copied_from, created_at, updated_at, version) "
    "VALUES (:a, :title, :kind, :level, :pf, :pt, :summary, :hp, :hn, :num, :sym, :place, :dd, :pre, :clo, "
    ":smark, :stitle, :sname, :sperson, 'draft', :copied, :at, :at2, 1)";
inline constexpr const char* kUpdateMovement =
    "UPDATE movement SET title = :title, kind = :kind, level = :level, period_from = :pf, period_to = :pt, "
    "summary = :summary, header_parent = :hp, header_name = :hn, doc_number = :num, doc_symbol = :sym, "
    "place = :place, doc_date = :dd, preamble = :pre, closing = :clo, signer_mark = :smark, "
    "signer_title = :stitle, signer_name = :sname, signer_person_id = :sperson, updated_at = :at, "
    "version = version + 1 WHERE id = :id AND version = :version";
inline constexpr const char* kBumpMovement =
    "UPDATE movement SET updated_at = :at, version = version + 1 WHERE id = :id AND version = :version";
inline constexpr const char* kSetMovementStatus =
    "UPDATE movement SET status = :status, updated_at = :at, version = version + 1 "
    "WHERE id = :id AND version = :version";
inline constexpr const char* kMarkLaunched = "UPDATE movement SET launched_by = :by, launched_at = :at WHERE id = :id";
inline constexpr const char* kMovementTaskCounts =
    "SELECT t.movement_id, CAST(COUNT(*) AS BIGINT), "
    "CAST(SUM(CASE WHEN t.status = 'done' THEN 1 ELSE 0 END) AS BIGINT) FROM movement_task t "
    "JOIN movement m ON m.id = t.movement_id ";

inline constexpr const char* kItemColumns =
    "SELECT i.id, i.movement_id, i.section, i.position, i.label, i.body, i.ref_number, COALESCE(i.ref_date, ''), "
    "i.issuer, i.code FROM movement_item i ";
inline constexpr const char* kInsertItem =
    "INSERT INTO movement_item (movement_id, section, position, label, body, ref_number, ref_date, issuer, code) "
    "VALUES (:m, :s, :p, :label, :body, :num, :d, :issuer, :code)";
inline constexpr const char* kUpdateItem =
    "UPDATE movement_item SET label = :label, body = :body, ref_number = :num, ref_date = :d, issuer = :issuer, "
    "code = :code WHERE id = :id";
inline constexpr const char* kItemUnits =
    "SELECT iu.item_id, iu.unit_id FROM movement_item_unit iu JOIN movement_item i ON i.id = iu.item_id "
    "WHERE i.movement_id = :m ORDER BY iu.item_id, iu.unit_id";

inline constexpr const char* kTaskColumns =
    "SELECT t.id, t.movement_id, t.item_id, t.unit_id, COALESCE(uv.name, ''), m.title, t.title, "
    "COALESCE(t.due_date, ''), t.status, COALESCE(t.done_at, ''), t.note, t.version FROM movement_task t "
    "JOIN movement m ON m.id = t.movement_id "
    "LEFT JOIN unit_version uv ON uv.unit_id = t.unit_id AND uv.valid_to IS NULL ";
inline constexpr const char* kInsertTask =
    "INSERT INTO movement_task (movement_id, item_id, unit_id, title, due_date, status, note, created_at, version) "
    "VALUES (:m, :item, :unit, :title, :due, 'open', '', :at, 1)";
inline constexpr const char* kSetTaskStatus =
    "UPDATE movement_task SET status = :status, done_at = :dat, done_by = :by, note = :note, "
    "version = version + 1 WHERE id = :id AND version = :version";

inline constexpr const char* kUnitPlanColumns =
    "SELECT p.id, p.movement_id, p.unit_id, COALESCE(uv.name, ''), p.kind, p.title, p.body, "
    "COALESCE(p.file_sha256, ''), p.file_name, p.created_at, COALESCE(u.display_name, '') "
    "FROM movement_unit_plan p LEFT JOIN unit_version uv ON uv.unit_id = p.unit_id AND uv.valid_to IS NULL "
    "LEFT JOIN user_account u ON u.id = p.created_by ";

}  // namespace thidua::storage::sql
