-- Reminders (issue 7): the deadline a notification is about, when it was e-mailed, and the
-- e-mail address of an account (optional; reminders are e-mailed only when SMTP is on).
-- emailed_at is set once the message was accepted by the mail server, so a restart never
-- sends the same notification twice; a failed attempt leaves it NULL and the next pass retries.
ALTER TABLE notification ADD COLUMN due_date TEXT;
ALTER TABLE notification ADD COLUMN emailed_at TEXT;
ALTER TABLE user_account ADD COLUMN email TEXT NOT NULL DEFAULT '';
CREATE INDEX notification_to_email ON notification (emailed_at, created_at);
CREATE INDEX notification_key ON notification (dedupe_key);
