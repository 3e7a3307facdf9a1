-- Reports sent (issue 7): what was sent to which recipient, how and when, with the exact file
-- that went out. Rows are never updated or deleted (the history is the table); the file is
-- kept by SHA-256 in the file store like evidence, so it cannot change after it was sent.
-- A recipient on this installation (the provincial authority above the agency in province
-- mode) is named by recipient_agency_id as well, so that it sees what was sent to it.
CREATE TABLE report_sending (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  -- review_annual / review_midterm / review_final / form_0601 / form_0602 / form_0603 / other
  kind TEXT NOT NULL,
  movement_id BIGINT REFERENCES movement (id),
  -- the reporting year (0 when the report covers a period with no single year)
  year INTEGER NOT NULL DEFAULT 0,
  period_from TEXT NOT NULL DEFAULT '',
  period_to TEXT NOT NULL DEFAULT '',
  -- "Báo cáo tổng kết phong trào … giai đoạn 2021 - 2025", as the document says
  title TEXT NOT NULL,
  -- "Ban Thi đua - Khen thưởng tỉnh (Sở Nội vụ)", as written in the recipients' list
  recipient TEXT NOT NULL,
  recipient_agency_id BIGINT REFERENCES agency (id),
  -- post / email / egov (văn bản điện tử) / hand / system
  channel TEXT NOT NULL,
  -- the day it went out (ISO date), and the outgoing number if the document has one
  sent_on TEXT NOT NULL,
  doc_ref TEXT NOT NULL DEFAULT '',
  file_sha256 TEXT NOT NULL REFERENCES stored_file (sha256),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL
);
CREATE INDEX report_sending_agency ON report_sending (agency_id, sent_on);
CREATE INDEX report_sending_recipient ON report_sending (recipient_agency_id, sent_on);
CREATE INDEX report_sending_movement ON report_sending (movement_id, kind);
