-- The facts the rules engine reads besides the registry and the award history: yearly
-- task-completion ratings of people and units, disciplinary sanctions of people, pending cases
-- (discipline, inspection, investigation, complaint) of people or units, and leave periods of
-- people (maternity leave counts as working time). Dates are ISO 'YYYY-MM-DD' text.

-- A rating is never updated: a correction is a new row with its reason, and the newest row of
-- a subject and year counts. subject_kind: person / unit; rating: excellent / good / completed /
-- not_completed; source: typed / imported.
CREATE TABLE task_rating (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'unit')),
  subject_id BIGINT NOT NULL,
  year INTEGER NOT NULL,
  rating TEXT NOT NULL CHECK (rating IN ('excellent', 'good', 'completed', 'not_completed')),
  reason TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT 'typed' CHECK (source IN ('typed', 'imported')),
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL
);
CREATE INDEX task_rating_agency_year ON task_rating (agency_id, year, subject_kind, subject_id, id);
CREATE INDEX task_rating_subject ON task_rating (subject_kind, subject_id, year, id);

-- level: reprimand (khiển trách) / warning (cảnh cáo) / demotion (hạ bậc lương) / downgrade
-- (giáng chức) / removal (cách chức) / dismissal (buộc thôi việc), in that order of severity.
-- ended_on: the day the sanction was served or lifted (NULL: still in force). A sanction typed
-- in error is withdrawn with a reason, never deleted.
CREATE TABLE sanction (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  level TEXT NOT NULL
    CHECK (level IN ('reprimand', 'warning', 'demotion', 'downgrade', 'removal', 'dismissal')),
  decided_on TEXT NOT NULL,
  ended_on TEXT,
  decision_ref TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  withdrawn_reason TEXT,
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL
);
CREATE INDEX sanction_agency ON sanction (agency_id, decided_on);
CREATE INDEX sanction_person ON sanction (person_id, decided_on);

-- kind: discipline / inspection / investigation / complaint; subject_kind: person / unit.
-- closed_on NULL: still pending, which blocks any award to the subject.
CREATE TABLE pending_case (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'unit')),
  subject_id BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('discipline', 'inspection', 'investigation', 'complaint')),
  opened_on TEXT NOT NULL,
  closed_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL
);
CREATE INDEX pending_case_agency ON pending_case (agency_id, opened_on);

-- kind: maternity (counts as working time) / unpaid (does not). to_date is the last day.
CREATE TABLE leave_period (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  kind TEXT NOT NULL CHECK (kind IN ('maternity', 'unpaid')),
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL
);
CREATE INDEX leave_period_agency ON leave_period (agency_id, from_date);
