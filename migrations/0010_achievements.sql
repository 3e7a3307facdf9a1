-- What units and people did for a movement (thành tích): each record tied to a content item
-- of the plan and, where it applies, to a supported commune, with its measures, evidence
-- (table evidence, subject 'achievement') and a status history. Only verified records count
-- in scores and reports. Records are never deleted; an edit keeps the earlier values in
-- achievement_event.before_json.

-- kind: propaganda / resource / support_visit / role_model / initiative / other.
-- subject_kind unit: unit_id is the unit; person: person_id, and unit_id the person's unit on
-- occurred_on. Measures (NULL where they do not apply): sessions and participants for
-- propaganda; cash_vnd, goods_vnd, workdays, land_m2 and the donor for resources; the role
-- model's kind and name; the initiative from the register.
-- donor_kind: enterprise / organisation / person / agency; donor_scope: inside / outside the
-- province. status: draft / submitted / verified / returned / withdrawn; submitted_at: when it
-- was last submitted (the queue's order); last_comment: the Office's comment on a return.
CREATE TABLE achievement (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  movement_id BIGINT NOT NULL REFERENCES movement (id),
  item_id BIGINT NOT NULL REFERENCES movement_item (id),
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('unit', 'person')),
  unit_id BIGINT NOT NULL REFERENCES unit (id),
  person_id BIGINT REFERENCES person (id),
  kind TEXT NOT NULL
    CHECK (kind IN ('propaganda', 'resource', 'support_visit', 'role_model', 'initiative', 'other')),
  year INTEGER NOT NULL,
  occurred_on TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  commune_id BIGINT REFERENCES commune (id),
  audience TEXT NOT NULL DEFAULT '',
  sessions BIGINT CHECK (sessions >= 0),
  participants BIGINT CHECK (participants >= 0),
  cash_vnd BIGINT CHECK (cash_vnd >= 0),
  goods_vnd BIGINT CHECK (goods_vnd >= 0),
  goods_note TEXT NOT NULL DEFAULT '',
  workdays BIGINT CHECK (workdays >= 0),
  land_m2 BIGINT CHECK (land_m2 >= 0),
  donor_kind TEXT,
  donor_name TEXT NOT NULL DEFAULT '',
  donor_scope TEXT,
  model_kind TEXT,
  model_name TEXT NOT NULL DEFAULT '',
  initiative_id BIGINT REFERENCES initiative (id),
  status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'submitted', 'verified', 'returned', 'withdrawn')),
  last_comment TEXT NOT NULL DEFAULT '',
  submitted_at TEXT,
  verified_by BIGINT REFERENCES user_account (id),
  verified_at TEXT,
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
-- Indexes: a unit's or a person's progress (verified records of a movement and year, by
-- content item), the agency overview (one movement and year, by unit), the Office's queue
-- (submitted, oldest submission first), the lists (by date, by author) and a commune's ledger.
-- A unit's progress is read from achievement_unit alone (it carries every measure, in the
-- order the sums are grouped): a unit with tens of thousands of records a year is added up
-- without reading the table. A commune's ledger (verified records of the agencies that support
-- it, newest first, and their totals) is read from achievement_commune_ledger alone.
CREATE INDEX achievement_unit ON achievement (unit_id, year, movement_id, status, item_id, commune_id, kind,
  sessions, participants, cash_vnd, goods_vnd, workdays, land_m2);
CREATE INDEX achievement_person ON achievement (person_id, year, movement_id, status, item_id);
CREATE INDEX achievement_commune ON achievement (commune_id, occurred_on);
CREATE INDEX achievement_commune_ledger ON achievement (commune_id, status, agency_id, occurred_on, cash_vnd,
  goods_vnd, workdays, land_m2);
CREATE INDEX achievement_movement ON achievement (movement_id, year, status, unit_id);
CREATE INDEX achievement_queue ON achievement (agency_id, status, submitted_at);
CREATE INDEX achievement_agency ON achievement (agency_id, occurred_on);
CREATE INDEX achievement_author ON achievement (created_by, occurred_on);

-- event: created / edited / submitted / resubmitted / verified / returned / withdrawn /
-- evidence_added / evidence_withdrawn (comment: the file's name, and why it was withdrawn).
CREATE TABLE achievement_event (
  id @ID@,
  achievement_id BIGINT NOT NULL REFERENCES achievement (id),
  event TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  before_json TEXT,
  actor_id BIGINT REFERENCES user_account (id),
  at TEXT NOT NULL
);
CREATE INDEX achievement_event_achievement ON achievement_event (achievement_id, id);
