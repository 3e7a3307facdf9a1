#pragma once
/// SQL of evidence_repo: portable between SQLite and PostgreSQL.

namespace thidua::storage::sql {

inline constexpr const char* kEvidenceColumns =
    "SELECT e.id, e.agency_id, e.subject, e.subject_id, e.file_sha256, e.file_name, e.content_type, e.size, "
    "e.caption, e.status, COALESCE(e.added_by, 0), COALESCE(a.display_name, ''), e.added_at, "
    "COALESCE(e.withdrawn_by, 0), COALESCE(w.display_name, ''), COALESCE(e.withdrawn_at, ''), e.withdrawn_reason "
    "FROM evidence e LEFT JOIN user_account a ON a.id = e.added_by "
    "LEFT JOIN user_account w ON w.id = e.withdrawn_by ";
inline constexpr const char* kEvidenceById = "WHERE e.id = :id";
inline constexpr const char* kEvidenceOfSubject =
    "WHERE e.subject = :s AND e.subject_id = :sid ORDER BY e.added_at, e.id";
inline constexpr const char* kInsertEvidence =
    "INSERT INTO evidence (agency_id, subject, subject_id, file_sha256, file_name, content_type, size, caption, "
    "status, added_by, added_at) VALUES (:a, :s, :sid, :h, :n, :t, :size, :c, 'active', :by, :at)";
inline constexpr const char* kWithdrawEvidence =
    "UPDATE evidence SET status = 'withdrawn', withdrawn_by = :by, withdrawn_at = :at, withdrawn_reason = :r "
    "WHERE id = :id AND status = 'active'";
inline constexpr const char* kEvidenceCounts =
    "SELECT e.subject_id, CAST(COUNT(*) AS BIGINT) FROM evidence e "
    "WHERE e.subject = :s AND e.status = 'active' AND e.subject_id IN ";

inline constexpr const char* kThumbnailOf =
    "SELECT t.thumb_sha256, t.width, t.height, f.content_type FROM file_thumbnail t "
    "JOIN stored_file f ON f.sha256 = t.thumb_sha256 WHERE t.sha256 = :h";
inline constexpr const char* kInsertThumbnail =
    "INSERT INTO file_thumbnail (sha256, thumb_sha256, width, height) VALUES (:h, :th, :w, :ht) "
    "ON CONFLICT (sha256) DO NOTHING";
inline constexpr const char* kInsertStoredFile =
    "INSERT INTO stored_file (sha256, size, content_type, created_at) VALUES (:h, :s, :t, :at) "
    "ON CONFLICT (sha256) DO NOTHING";

}  // namespace thidua::storage::sql
