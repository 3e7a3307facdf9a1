-- Organisations and people, with history: nothing is overwritten. A name, a parent or a
-- placement holds from `valid_from` until the day before `valid_to` (NULL: still true).
-- Dates are ISO 'YYYY-MM-DD' text.

-- Agencies gain a kind (an authority such as UBND tỉnh is the parent of agencies in province
-- mode), a parent, an address, a status and a version for optimistic edits.
ALTER TABLE agency ADD COLUMN kind TEXT NOT NULL DEFAULT 'agency';
ALTER TABLE agency ADD COLUMN parent_id BIGINT REFERENCES agency (id);
ALTER TABLE agency ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE agency ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
ALTER TABLE agency ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

CREATE TABLE agency_version (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  name TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT
);
CREATE INDEX agency_version_agency ON agency_version (agency_id, valid_from);
INSERT INTO agency_version (agency_id, name, valid_from) SELECT id, name, '1900-01-01' FROM agency;

-- Units of an agency: departments (phòng chuyên môn), the Office (Văn phòng), unions.
CREATE TABLE unit (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('department', 'office', 'union')),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (agency_id, code)
);
CREATE TABLE unit_version (
  id @ID@,
  unit_id BIGINT NOT NULL REFERENCES unit (id),
  name TEXT NOT NULL,
  parent_unit_id BIGINT REFERENCES unit (id),
  valid_from TEXT NOT NULL,
  valid_to TEXT
);
CREATE INDEX unit_version_unit ON unit_version (unit_id, valid_from);

-- Renamed, merged into, split from, closed: the lineage of units and agencies.
CREATE TABLE org_lineage (
  id @ID@,
  subject TEXT NOT NULL CHECK (subject IN ('unit', 'agency')),
  from_id BIGINT NOT NULL,
  to_id BIGINT,
  event TEXT NOT NULL CHECK (event IN ('renamed', 'merged', 'split', 'closed', 'moved')),
  effective_date TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX org_lineage_from ON org_lineage (subject, from_id);

-- People. name_key is the folded name (no diacritics, lower case) for search; sort_key
-- orders by given name, then the rest, with the Vietnamese collation.
CREATE TABLE person (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  code TEXT,
  full_name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  sort_key TEXT NOT NULL,
  gender TEXT NOT NULL CHECK (gender IN ('male', 'female')),
  birth_date TEXT,
  employment_kind TEXT NOT NULL CHECK (employment_kind IN ('civil_servant', 'public_employee', 'contract_worker')),
  start_date TEXT,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'transferred', 'retired')),
  user_id BIGINT UNIQUE REFERENCES user_account (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX person_agency_sort ON person (agency_id, sort_key);
CREATE INDEX person_agency_name ON person (agency_id, name_key);
CREATE UNIQUE INDEX person_agency_code ON person (agency_id, code);

-- Where a person works, and as what, over time.
CREATE TABLE person_placement (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES person (id),
  unit_id BIGINT NOT NULL REFERENCES unit (id),
  position TEXT NOT NULL DEFAULT '',
  valid_from TEXT NOT NULL,
  valid_to TEXT
);
CREATE INDEX person_placement_person ON person_placement (person_id, valid_from);
CREATE INDEX person_placement_unit ON person_placement (unit_id, valid_to);

-- The Emulation and Commendation Council of an agency, per term.
CREATE TABLE council_term (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  name TEXT NOT NULL,
  decision_ref TEXT NOT NULL DEFAULT '',
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE council_seat (
  id @ID@,
  term_id BIGINT NOT NULL REFERENCES council_term (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  seat TEXT NOT NULL CHECK (seat IN ('chair', 'vice_chair', 'secretary', 'member')),
  UNIQUE (term_id, person_id)
);

-- Emulation clusters (khối/cụm thi đua), their members and lead agency per year.
CREATE TABLE cluster (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  authority_id BIGINT REFERENCES agency (id),
  created_at TEXT NOT NULL
);
CREATE TABLE cluster_member (
  cluster_id BIGINT NOT NULL REFERENCES cluster (id),
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  year INTEGER NOT NULL,
  is_lead INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (cluster_id, agency_id, year)
);
CREATE INDEX cluster_member_agency ON cluster_member (agency_id, year);
