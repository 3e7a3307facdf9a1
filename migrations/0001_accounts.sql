-- Agencies, user accounts, roles, sessions and API tokens.
-- Timestamps are UTC ISO-8601 text ("2026-11-28T15:37:06Z"): portable and sortable.

CREATE TABLE agency (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE user_account (
  id @ID@,
  login TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  agency_id BIGINT REFERENCES agency (id),
  lang TEXT NOT NULL DEFAULT 'vi' CHECK (lang IN ('vi', 'en')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE role_grant (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES user_account (id),
  role TEXT NOT NULL CHECK (role IN ('admin', 'office', 'leader', 'council', 'unit_head', 'staff', 'authority')),
  agency_id BIGINT REFERENCES agency (id),
  unit_id BIGINT,
  created_at TEXT NOT NULL
);
CREATE INDEX role_grant_user ON role_grant (user_id);

-- Only the SHA-256 of a session token is stored: a copy of the database opens no session.
CREATE TABLE auth_session (
  id @ID@,
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES user_account (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  remote_addr TEXT NOT NULL,
  user_agent TEXT NOT NULL
);
CREATE INDEX auth_session_user ON auth_session (user_id);

CREATE TABLE api_token (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES user_account (id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
