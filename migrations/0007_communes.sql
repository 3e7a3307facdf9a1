-- Communes (xã, phường, thị trấn) with their history, the communes an agency is assigned to
-- support (nông thôn mới), the criteria sets in force over periods, and assessments of every
-- criterion on a date. Dates are ISO 'YYYY-MM-DD' text; a version holds from valid_from until
-- the day before valid_to (NULL: still true).

-- code: the official administrative code (mã đơn vị hành chính); status changes when the
-- commune is merged into another or dissolved, its records stay with it.
CREATE TABLE commune (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  province TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'dissolved')),
  created_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
-- kind: xa / phuong / thi_tran; district empty once districts are gone (from 2025-07-01).
CREATE TABLE commune_version (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES commune (id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'xa',
  district TEXT NOT NULL DEFAULT '',
  valid_from TEXT NOT NULL,
  valid_to TEXT
);
CREATE INDEX commune_version_commune ON commune_version (commune_id, valid_from);
-- renamed / merged (from_id into to_id) / split, from a date, by a decision.
CREATE TABLE commune_lineage (
  id @ID@,
  from_id BIGINT NOT NULL REFERENCES commune (id),
  to_id BIGINT REFERENCES commune (id),
  event TEXT NOT NULL CHECK (event IN ('renamed', 'merged', 'split', 'dissolved')),
  effective_date TEXT NOT NULL,
  decision_ref TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX commune_lineage_from ON commune_lineage (from_id);
CREATE INDEX commune_lineage_to ON commune_lineage (to_id);
-- A classification of a commune over a period, e.g. scheme 'ntm2026_group' value '3', or
-- 'difficult_area' value 'zone_iii'.
CREATE TABLE commune_class (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES commune (id),
  scheme TEXT NOT NULL,
  value TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX commune_class_commune ON commune_class (commune_id, scheme, valid_from);

-- An agency assigned to take charge of and help a commune (e.g. 1177/QĐ-UBND of 2022-09-12).
-- target_level: ntm / ntm_advanced / ntm_model.
CREATE TABLE commune_assignment (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  commune_id BIGINT NOT NULL REFERENCES commune (id),
  decision_ref TEXT NOT NULL DEFAULT '',
  decision_date TEXT,
  target_level TEXT NOT NULL CHECK (target_level IN ('ntm', 'ntm_advanced', 'ntm_model')),
  target_year INTEGER,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX commune_assignment_agency ON commune_assignment (agency_id, valid_to);
CREATE INDEX commune_assignment_commune ON commune_assignment (commune_id);
CREATE TABLE commune_assignment_contact (
  assignment_id BIGINT NOT NULL REFERENCES commune_assignment (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  role TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (assignment_id, person_id)
);

-- Criteria sets are shipped as files under rules/criteria/ and loaded into these tables (by
-- code, once; source_hash says which file content was loaded). Indicators can be added by an
-- administrator. level: ntm / ntm_advanced / ntm_model / commune (the 2026–2030 single set).
CREATE TABLE criteria_set (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  level TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  citation TEXT NOT NULL,
  source_hash TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE TABLE criterion (
  id @ID@,
  set_id BIGINT NOT NULL REFERENCES criteria_set (id),
  number INTEGER NOT NULL,
  name TEXT NOT NULL,
  grp TEXT NOT NULL DEFAULT '',
  UNIQUE (set_id, number)
);
-- commune_group: empty for every group, else the group the target applies to ('1', '2', '3').
CREATE TABLE indicator (
  id @ID@,
  criterion_id BIGINT NOT NULL REFERENCES criterion (id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  measure_unit TEXT NOT NULL DEFAULT '',
  target TEXT NOT NULL DEFAULT '',
  commune_group TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL
);
CREATE INDEX indicator_criterion ON indicator (criterion_id, position);

-- The status of every criterion of a set for one commune on one date, recorded by an agency.
-- A wrong assessment is withdrawn (with who and why), never deleted.
CREATE TABLE assessment (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES commune (id),
  set_id BIGINT NOT NULL REFERENCES criteria_set (id),
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  assessed_on TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'half_year' CHECK (kind IN ('half_year', 'annual', 'ad_hoc')),
  criteria_met INTEGER NOT NULL,
  criteria_total INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'recorded' CHECK (status IN ('recorded', 'withdrawn')),
  assessed_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL,
  withdrawn_by BIGINT REFERENCES user_account (id),
  withdrawn_at TEXT,
  withdrawn_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assessment_commune ON assessment (commune_id, assessed_on);
-- One recorded assessment of a commune per agency and date; a withdrawn one leaves room for
-- the corrected one.
CREATE UNIQUE INDEX assessment_one_a_day ON assessment (commune_id, agency_id, assessed_on)
  WHERE status = 'recorded';
-- met: 1 met, 0 not met.
CREATE TABLE assessment_item (
  id @ID@,
  assessment_id BIGINT NOT NULL REFERENCES assessment (id),
  criterion_id BIGINT NOT NULL REFERENCES criterion (id),
  met INTEGER NOT NULL CHECK (met IN (0, 1)),
  value TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  UNIQUE (assessment_id, criterion_id)
);
CREATE TABLE assessment_indicator (
  assessment_id BIGINT NOT NULL REFERENCES assessment (id),
  indicator_id BIGINT NOT NULL REFERENCES indicator (id),
  met INTEGER CHECK (met IN (0, 1)),
  value TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (assessment_id, indicator_id)
);

-- The commune recognised as (or stripped of) a standard, by whose decision. An entry typed in
-- error is withdrawn (with who and why), never deleted.
CREATE TABLE commune_recognition (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES commune (id),
  level TEXT NOT NULL CHECK (level IN ('ntm', 'ntm_advanced', 'ntm_model')),
  event TEXT NOT NULL DEFAULT 'recognised' CHECK (event IN ('recognised', 'revoked')),
  year INTEGER NOT NULL,
  decision_ref TEXT NOT NULL DEFAULT '',
  decision_date TEXT,
  issuer TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'recorded' CHECK (status IN ('recorded', 'withdrawn')),
  withdrawn_by BIGINT REFERENCES user_account (id),
  withdrawn_at TEXT,
  withdrawn_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX commune_recognition_commune ON commune_recognition (commune_id, year);
