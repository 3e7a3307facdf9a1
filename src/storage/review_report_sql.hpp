#pragma once
/// SQL of review_report_repo (review report drafts and their saved versions) and
/// report_sending_repo (the record of reports sent): portable between SQLite and PostgreSQL.

namespace thidua::storage::sql {

// ---- review report drafts ---------------------------------------------------------------------
inline constexpr const char* kReviewColumns =
    "SELECT r.id, r.agency_id, r.movement_id, m.title, r.kind, r.year, r.period_from, r.period_to, r.title, "
    "r.doc_number, r.doc_symbol, r.doc_date, r.place, r.header_parent, r.header_agency, r.opening, r.work_intro, "
    "r.shortcomings, r.lessons, r.next_steps, r.signer_mark, r.signer_title, r.signer_name, "
    "COALESCE(r.created_by, 0), r.created_at, COALESCE(u.display_name, ''), r.updated_at, r.version "
    "FROM review_report r JOIN movement m ON m.id = r.movement_id "
    "LEFT JOIN user_account u ON u.id = r.updated_by ";
inline constexpr const char* kInsertReview =
    "INSERT INTO review_report (agency_id, movement_id, kind, year, period_from, period_to, title, doc_number, "
    "doc_symbol, doc_date, place, header_parent, header_agency, opening, work_intro, shortcomings, lessons, "
    "next_steps, signer_mark, signer_title, signer_name, created_by, created_at, updated_by, updated_at, version) "
    "VALUES (:a, :m, :k, :y, :pf, :pt, :t, :dn, :ds, :dd, :pl, :hp, :ha, :o, :w, :s, :l, :n, :sm, :st, :sn, :by, "
    ":at, :by2, :at2, 1)";
inline constexpr const char* kUpdateReview =
    "UPDATE review_report SET title = :t, doc_number = :dn, doc_symbol = :ds, doc_date = :dd, place = :pl, "
    "header_parent = :hp, header_agency = :ha, opening = :o, work_intro = :w, shortcomings = :s, lessons = :l, "
    "next_steps = :n, signer_mark = :sm, signer_title = :st, signer_name = :sn, updated_by = :by, updated_at = :at, "
    "version = version + 1 WHERE id = :id AND version = :v";
inline constexpr const char* kReviewByKey =
    "SELECT id FROM review_report WHERE movement_id = :m AND kind = :k AND year = :y";
inline constexpr const char* kInsertRevision =
    "INSERT INTO review_report_revision (report_id, version, content, saved_by, saved_at) "
    "VALUES (:r, :v, :c, :by, :at)";
inline constexpr const char* kRevisionsOf =
    "SELECT v.version, v.content, COALESCE(u.display_name, ''), v.saved_at FROM review_report_revision v "
    "LEFT JOIN user_account u ON u.id = v.saved_by WHERE v.report_id = :r ORDER BY v.version DESC";

// ---- reports sent ------------------------------------------------------------------------------
inline constexpr const char* kSendingColumns =
    "SELECT s.id, s.agency_id, a.name, s.kind, COALESCE(s.movement_id, 0), s.year, s.period_from, s.period_to, "
    "s.title, s.recipient, COALESCE(s.recipient_agency_id, 0), s.channel, s.sent_on, s.doc_ref, s.file_sha256, "
    "s.file_name, s.content_type, CAST(COALESCE(f.size, 0) AS BIGINT), s.note, COALESCE(s.created_by, 0), "
    "COALESCE(u.display_name, ''), s.created_at FROM report_sending s JOIN agency a ON a.id = s.agency_id "
    "LEFT JOIN stored_file f ON f.sha256 = s.file_sha256 LEFT JOIN user_account u ON u.id = s.created_by ";
inline constexpr const char* kInsertSending =
    "INSERT INTO report_sending (agency_id, kind, movement_id, year, period_from, period_to, title, recipient, "
    "recipient_agency_id, channel, sent_on, doc_ref, file_sha256, file_name, content_type, note, created_by, "
    "created_at) VALUES (:a, :k, :m, :y, :pf, :pt, :t, :r, :ra, :c, :so, :dr, :h, :fn, :ct, :n, :by, :at)";

}  // namespace thidua::storage::sql
