-- Commendation's shared ground: households that can be commended (families that gave land,
-- labour or money to a commune), and the award history of every subject. An award enters the
-- history when a decision of the agency is issued (source 'decided', decision_id set) or when
-- an old paper record is imported (source 'imported': number, date and issuer as typed).
-- Rows are never updated: a correction is a new row and the old one is marked withdrawn.

CREATE TABLE household (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  head_name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  commune_id BIGINT REFERENCES commune (id),
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX household_agency ON household (agency_id, name_key);

-- subject_kind: person / unit / household; form: a domain AwardForm code; basis: yearly /
-- movement / thematic / sudden / merit / service. decision_id names the decision register's
-- row for awards decided here (its table comes with decisions; no constraint so that imported
-- rows stand alone).
CREATE TABLE award (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'unit', 'household')),
  subject_id BIGINT NOT NULL,
  subject_name TEXT NOT NULL,
  form TEXT NOT NULL,
  basis TEXT NOT NULL CHECK (basis IN ('yearly', 'movement', 'thematic', 'sudden', 'merit', 'service')),
  year INTEGER NOT NULL,
  movement_id BIGINT REFERENCES movement (id),
  decision_ref TEXT NOT NULL DEFAULT '',
  decision_date TEXT NOT NULL DEFAULT '',
  issuer TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN ('imported', 'decided')),
  decision_id BIGINT,
  note TEXT NOT NULL DEFAULT '',
  withdrawn INTEGER NOT NULL DEFAULT 0,
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL
);
CREATE INDEX award_subject ON award (subject_kind, subject_id, year);
CREATE INDEX award_agency_year ON award (agency_id, year, form);
