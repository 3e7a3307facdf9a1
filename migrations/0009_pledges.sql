-- Pledges (đăng ký thi đua) of units and people for a movement and a year: measurable
-- targets per content item and the titles they aim for, with a status history. The Office
-- sets the deadline per movement and year. Clusters' covenants (giao ước) with their file.

CREATE TABLE pledge_window (
  movement_id BIGINT NOT NULL REFERENCES movement (id),
  year INTEGER NOT NULL,
  deadline TEXT NOT NULL,
  set_by BIGINT REFERENCES user_account (id),
  set_at TEXT NOT NULL,
  PRIMARY KEY (movement_id, year)
);

-- subject_kind unit: unit_id is the unit; person: person_id, and unit_id the person's unit
-- when the pledge was made (who approves it). status: draft / submitted / returned / approved /
-- withdrawn; at most one pledge that is not withdrawn per subject, movement and year.
CREATE TABLE pledge (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  movement_id BIGINT NOT NULL REFERENCES movement (id),
  year INTEGER NOT NULL,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('unit', 'person')),
  unit_id BIGINT NOT NULL REFERENCES unit (id),
  person_id BIGINT REFERENCES person (id),
  subject_key BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'withdrawn')),
  note TEXT NOT NULL DEFAULT '',
  last_comment TEXT NOT NULL DEFAULT '',
  submitted_at TEXT,
  decided_by BIGINT REFERENCES user_account (id),
  decided_at TEXT,
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX pledge_one_live ON pledge (movement_id, year, subject_kind, subject_key)
  WHERE status <> 'withdrawn';
CREATE INDEX pledge_unit ON pledge (agency_id, year, unit_id, status);
CREATE INDEX pledge_person ON pledge (person_id, year);
CREATE INDEX pledge_movement ON pledge (agency_id, movement_id, year, status);

-- measure: sessions / participants / cash_vnd / goods_vnd / workdays / land_m2 / initiatives /
-- commune_tasks / visits / role_models / other; target in that measure's unit.
CREATE TABLE pledge_target (
  id @ID@,
  pledge_id BIGINT NOT NULL REFERENCES pledge (id),
  item_id BIGINT NOT NULL REFERENCES movement_item (id),
  measure TEXT NOT NULL,
  target BIGINT NOT NULL CHECK (target >= 0),
  commune_id BIGINT REFERENCES commune (id),
  note TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX pledge_target_pledge ON pledge_target (pledge_id, position);

-- title: advanced_worker / grassroots_fighter / provincial_fighter / advanced_collective /
-- excellent_collective / flag / certificate_of_merit / diploma_of_merit …
CREATE TABLE pledge_title (
  pledge_id BIGINT NOT NULL REFERENCES pledge (id),
  title TEXT NOT NULL,
  PRIMARY KEY (pledge_id, title)
);

-- event: created / edited / submitted / returned / resubmitted / approved / withdrawn;
-- before_json: the pledge and its targets before an edit.
CREATE TABLE pledge_event (
  id @ID@,
  pledge_id BIGINT NOT NULL REFERENCES pledge (id),
  event TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  before_json TEXT,
  actor_id BIGINT REFERENCES user_account (id),
  at TEXT NOT NULL
);
CREATE INDEX pledge_event_pledge ON pledge_event (pledge_id, id);

-- A covenant signed by the agencies of a cluster for a year; the signed file is evidence
-- (subject 'covenant'). A covenant recorded by mistake is withdrawn (who, when), never deleted.
CREATE TABLE covenant (
  id @ID@,
  cluster_id BIGINT NOT NULL REFERENCES cluster (id),
  year INTEGER NOT NULL,
  title TEXT NOT NULL,
  signed_on TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  recorded_by_agency BIGINT NOT NULL REFERENCES agency (id),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  note TEXT NOT NULL DEFAULT '',
  withdrawn_by BIGINT REFERENCES user_account (id),
  withdrawn_at TEXT,
  withdraw_reason TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX covenant_cluster ON covenant (cluster_id, year);
CREATE TABLE covenant_party (
  covenant_id BIGINT NOT NULL REFERENCES covenant (id),
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  PRIMARY KEY (covenant_id, agency_id)
);
