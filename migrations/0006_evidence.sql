-- Evidence files attached to records, thumbnails of images, and in-app notifications.
-- The bytes of a file live in the content-addressed store on disk (stored_file is its index);
-- evidence rows say which record a file supports. Nothing here is deleted: a file taken off a
-- record is marked withdrawn, with who and when.

-- subject: achievement / assessment_item / covenant / pledge / initiative / recognition
CREATE TABLE evidence (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  subject TEXT NOT NULL,
  subject_id BIGINT NOT NULL,
  file_sha256 TEXT NOT NULL REFERENCES stored_file (sha256),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  caption TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  added_by BIGINT REFERENCES user_account (id),
  added_at TEXT NOT NULL,
  withdrawn_by BIGINT REFERENCES user_account (id),
  withdrawn_at TEXT,
  withdrawn_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX evidence_subject ON evidence (subject, subject_id, status);
CREATE INDEX evidence_file ON evidence (file_sha256);

-- A reduced copy of an image, itself a stored file.
CREATE TABLE file_thumbnail (
  sha256 TEXT PRIMARY KEY REFERENCES stored_file (sha256),
  thumb_sha256 TEXT NOT NULL REFERENCES stored_file (sha256),
  width INTEGER NOT NULL,
  height INTEGER NOT NULL
);

-- In-app notifications (reminders of pledges, tasks, dossiers, assessments). dedupe_key stops
-- a scheduler or a second click from sending the same reminder twice.
CREATE TABLE notification (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES user_account (id),
  agency_id BIGINT REFERENCES agency (id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  link TEXT NOT NULL DEFAULT '',
  dedupe_key TEXT,
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX notification_user ON notification (user_id, read_at, created_at);
CREATE UNIQUE INDEX notification_dedupe ON notification (user_id, dedupe_key);
