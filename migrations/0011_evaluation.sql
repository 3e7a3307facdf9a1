-- The yearly evaluation (bình xét thi đua): the Office's scoring templates (groups, criteria
-- with maximum points, bonus and penalty items, classification bands, formulas over verified
-- achievements), one sheet per unit or person, every score kept beside the earlier ones, the
-- sheets' history, closing and reopening with who and why, and clusters' cross-scores.
-- Points are whole hundredths of a point (9,5 points is 950).

-- One evaluation per agency, movement and year. status: open / closed; while closed nothing
-- is scored. version moves on with each close or reopen.
CREATE TABLE evaluation (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  movement_id BIGINT NOT NULL REFERENCES movement (id),
  year INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (agency_id, movement_id, year)
);

-- event: closed / reopened, with the reason (required) and who did it.
CREATE TABLE evaluation_event (
  id @ID@,
  evaluation_id BIGINT NOT NULL REFERENCES evaluation (id),
  event TEXT NOT NULL CHECK (event IN ('closed', 'reopened')),
  reason TEXT NOT NULL,
  actor_id BIGINT REFERENCES user_account (id),
  at TEXT NOT NULL
);
CREATE INDEX evaluation_event_evaluation ON evaluation_event (evaluation_id, id);

-- A template scores one kind of subject (unit / person / cluster_agency) in one evaluation.
-- Copying last year's makes new rows (copied_from names the original); the original is never
-- changed. version moves on with each edit; a template applied to sheets (a cluster's: scored
-- against) is not edited.
CREATE TABLE score_template (
  id @ID@,
  evaluation_id BIGINT NOT NULL REFERENCES evaluation (id),
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('unit', 'person', 'cluster_agency')),
  title TEXT NOT NULL,
  copied_from BIGINT REFERENCES score_template (id),
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (evaluation_id, subject_kind)
);

CREATE TABLE template_group (
  id @ID@,
  template_id BIGINT NOT NULL REFERENCES score_template (id),
  position INTEGER NOT NULL,
  title TEXT NOT NULL
);
CREATE INDEX template_group_template ON template_group (template_id, position);

-- kind: normal / bonus / penalty. A computed criterion has a measure (a Measure code of the
-- achievements), an aggregate (count / sum) and a mapping (linear: per_unit points per unit of
-- the value, capped at max_points; thresholds: template_threshold rows); measure NULL: scored
-- by hand.
CREATE TABLE template_criterion (
  id @ID@,
  template_id BIGINT NOT NULL REFERENCES score_template (id),
  group_id BIGINT NOT NULL REFERENCES template_group (id),
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  guidance TEXT NOT NULL DEFAULT '',
  evidence_expected TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT 'normal' CHECK (kind IN ('normal', 'bonus', 'penalty')),
  max_points BIGINT NOT NULL CHECK (max_points > 0),
  measure TEXT CHECK (measure IS NULL OR measure IN ('sessions', 'participants', 'cash_vnd', 'goods_vnd',
    'workdays', 'land_m2', 'initiatives', 'commune_tasks', 'visits', 'role_models', 'other')),
  aggregate TEXT CHECK (aggregate IS NULL OR aggregate IN ('count', 'sum')),
  mapping TEXT CHECK (mapping IS NULL OR mapping IN ('linear', 'thresholds')),
  per_unit BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX template_criterion_template ON template_criterion (template_id, group_id, position);

CREATE TABLE template_threshold (
  criterion_id BIGINT NOT NULL REFERENCES template_criterion (id),
  position INTEGER NOT NULL,
  at_least BIGINT NOT NULL CHECK (at_least >= 0),
  points BIGINT NOT NULL CHECK (points >= 0),
  PRIMARY KEY (criterion_id, position)
);

-- Classification bands in descending order of at_least (position 0 is the highest).
CREATE TABLE template_band (
  id @ID@,
  template_id BIGINT NOT NULL REFERENCES score_template (id),
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  at_least BIGINT NOT NULL CHECK (at_least >= 0),
  UNIQUE (template_id, code)
);

-- One sheet per subject and template. subject_kind unit: unit_id is the unit, subject_key the
-- unit; person: person_id, unit_id the person's unit when the template was applied (whose head
-- reviews it), subject_key the person. status: draft / submitted / reviewed / returned / final.
CREATE TABLE score_sheet (
  id @ID@,
  evaluation_id BIGINT NOT NULL REFERENCES evaluation (id),
  template_id BIGINT NOT NULL REFERENCES score_template (id),
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('unit', 'person')),
  unit_id BIGINT NOT NULL REFERENCES unit (id),
  person_id BIGINT REFERENCES person (id),
  subject_key BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'submitted', 'reviewed', 'returned', 'final')),
  submitted_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX score_sheet_subject ON score_sheet (template_id, subject_key);
-- The ranking reads a template's sheets by unit and status; a unit head's list by unit.
CREATE INDEX score_sheet_rank ON score_sheet (template_id, unit_id, status, submitted_at);
CREATE INDEX score_sheet_person ON score_sheet (person_id);

-- The points of a criterion in one round (self / unit_review / office_review). Rows are never
-- updated: each score is a new row beside the earlier ones, with its reason; the sheet's current
-- points for a criterion are its newest row. A computed criterion has no row until its sheet is
-- made final: then its points and the measure's value behind them (value) are kept as they were.
-- Evidence files of an entry are rows of the generic evidence table with subject 'score_entry'
-- and subject_id the entry's id.
CREATE TABLE score_entry (
  id @ID@,
  sheet_id BIGINT NOT NULL REFERENCES score_sheet (id),
  criterion_id BIGINT NOT NULL REFERENCES template_criterion (id),
  round TEXT NOT NULL CHECK (round IN ('self', 'unit_review', 'office_review')),
  points BIGINT NOT NULL CHECK (points >= 0),
  value BIGINT,
  comment TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  scored_by BIGINT REFERENCES user_account (id),
  scored_at TEXT NOT NULL
);
CREATE INDEX score_entry_sheet ON score_entry (sheet_id, criterion_id, id);

-- event: applied / scored / submitted / reviewed / returned / finalised.
CREATE TABLE sheet_event (
  id @ID@,
  sheet_id BIGINT NOT NULL REFERENCES score_sheet (id),
  event TEXT NOT NULL,
  round TEXT,
  comment TEXT NOT NULL DEFAULT '',
  actor_id BIGINT REFERENCES user_account (id),
  at TEXT NOT NULL
);
CREATE INDEX sheet_event_sheet ON sheet_event (sheet_id, id);

-- Cross-scoring in a cluster: each member agency's score of each member (itself included: kept,
-- but left out of the ranking) against the cluster_agency template of the lead agency. A new
-- score is a new row; the newest per scorer and scored agency counts.
CREATE TABLE cluster_score (
  id @ID@,
  template_id BIGINT NOT NULL REFERENCES score_template (id),
  cluster_id BIGINT NOT NULL REFERENCES cluster (id),
  scorer_agency_id BIGINT NOT NULL REFERENCES agency (id),
  scored_agency_id BIGINT NOT NULL REFERENCES agency (id),
  points BIGINT NOT NULL CHECK (points >= 0),
  comment TEXT NOT NULL DEFAULT '',
  scored_by BIGINT REFERENCES user_account (id),
  scored_at TEXT NOT NULL
);
CREATE INDEX cluster_score_template ON cluster_score (template_id, scored_agency_id, scorer_agency_id, id);

-- The computed criteria read every verified achievement of an evaluation grouped per person and
-- per unit: this index carries both grouping keys and every measure, so neither reads the table.
CREATE INDEX achievement_evaluation ON achievement (movement_id, year, status, person_id, unit_id,
  sessions, participants, cash_vnd, goods_vnd, workdays, land_m2, kind, commune_id);
