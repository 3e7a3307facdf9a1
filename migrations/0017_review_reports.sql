-- Review reports of a movement (issue 7): the yearly summary (báo cáo kết quả năm), the
-- mid-term review (sơ kết) and the final review (tổng kết). One draft per movement, kind and
-- year holds the Office's text blocks and the document's number, date and signer; the figures
-- are computed when the document is made, never stored. Each save keeps the previous text in
-- review_report_revision, so nothing the Office wrote is ever lost.
-- kind: annual / midterm / final. year: the reporting year (annual), the year of the mid-term
-- review (midterm), the last year of the period (final).
CREATE TABLE review_report (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  movement_id BIGINT NOT NULL REFERENCES movement (id),
  kind TEXT NOT NULL CHECK (kind IN ('annual', 'midterm', 'final')),
  year INTEGER NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  title TEXT NOT NULL,
  doc_number TEXT NOT NULL DEFAULT '',
  doc_symbol TEXT NOT NULL DEFAULT '',
  doc_date TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  header_parent TEXT NOT NULL DEFAULT '',
  header_agency TEXT NOT NULL DEFAULT '',
  opening TEXT NOT NULL DEFAULT '',
  work_intro TEXT NOT NULL DEFAULT '',
  shortcomings TEXT NOT NULL DEFAULT '',
  lessons TEXT NOT NULL DEFAULT '',
  next_steps TEXT NOT NULL DEFAULT '',
  signer_mark TEXT NOT NULL DEFAULT '',
  signer_title TEXT NOT NULL DEFAULT '',
  signer_name TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL,
  updated_by BIGINT REFERENCES user_account (id),
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (movement_id, kind, year)
);
CREATE INDEX review_report_agency ON review_report (agency_id, movement_id);

-- The text of every saved version (content: the editable fields as JSON), the newest included.
CREATE TABLE review_report_revision (
  id @ID@,
  report_id BIGINT NOT NULL REFERENCES review_report (id),
  version BIGINT NOT NULL,
  content TEXT NOT NULL,
  saved_by BIGINT REFERENCES user_account (id),
  saved_at TEXT NOT NULL,
  UNIQUE (report_id, version)
);
