-- Nominations (đề nghị khen thưởng) with their history and achievement reports, and the
-- council's sessions: agenda items, attendance, written opinions of absent members, and the
-- secret ballot. A ballot is never a row: each item keeps two counters, and a separate row
-- says only that a member has voted on the item (no id, no time), so nothing in the database
-- pairs a voter with a choice.

-- One nomination per subject, form and year in an agency. subject_kind: person / unit /
-- household; form: a domain AwardForm code; unit_id: the unit the subject belongs to (a unit
-- itself; none for a household). verdict: what the rules said when it was made (eligible /
-- not_eligible / unknown) with their reasons; a nomination the rules refuse carries a written
-- justification. status: draft / submitted / returned / resubmitted / accepted / approved /
-- rejected / decided. decision_id: the award decision that decided it.
CREATE TABLE nomination (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'unit', 'household')),
  subject_id BIGINT NOT NULL,
  subject_name TEXT NOT NULL,
  unit_id BIGINT REFERENCES unit (id),
  form TEXT NOT NULL,
  year INTEGER NOT NULL,
  movement_id BIGINT REFERENCES movement (id),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'resubmitted',
    'accepted', 'approved', 'rejected', 'decided')),
  verdict TEXT NOT NULL CHECK (verdict IN ('eligible', 'not_eligible', 'unknown')),
  verdict_reasons TEXT NOT NULL DEFAULT '',
  justification TEXT NOT NULL DEFAULT '',
  decision_id BIGINT,
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (agency_id, subject_kind, subject_id, form, year)
);
CREATE INDEX nomination_agency_year ON nomination (agency_id, year, status);

-- Every step of a nomination: created, edited, submitted, returned, resubmitted, accepted,
-- approved, rejected, decided; from and to status, who, when, why.
CREATE TABLE nomination_event (
  id @ID@,
  nomination_id BIGINT NOT NULL REFERENCES nomination (id),
  event TEXT NOT NULL,
  from_status TEXT NOT NULL DEFAULT '',
  to_status TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  actor_id BIGINT REFERENCES user_account (id),
  at TEXT NOT NULL
);
CREATE INDEX nomination_event_nomination ON nomination_event (nomination_id, id);

-- The achievement report (báo cáo thành tích): each version a row, the newest counts. source:
-- drafted (written by the system from the record) / edited (by a user).
CREATE TABLE nomination_report (
  id @ID@,
  nomination_id BIGINT NOT NULL REFERENCES nomination (id),
  body TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('drafted', 'edited')),
  author_id BIGINT REFERENCES user_account (id),
  at TEXT NOT NULL
);
CREATE INDEX nomination_report_nomination ON nomination_report (nomination_id, id);

-- A council session of a council term. status: planned (agenda and attendance are set) /
-- closed (every item closed; the minutes are final). disclosure: the candidates are shown on
-- the public disclosure page (names, units, forms only).
CREATE TABLE council_session (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  term_id BIGINT NOT NULL REFERENCES council_term (id),
  title TEXT NOT NULL,
  held_on TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'closed')),
  disclosure INTEGER NOT NULL DEFAULT 0,
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX council_session_agency ON council_session (agency_id, held_on);

-- Attendance of the term's members at a session: present / absent.
CREATE TABLE council_attendance (
  session_id BIGINT NOT NULL REFERENCES council_session (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  presence TEXT NOT NULL CHECK (presence IN ('present', 'absent')),
  PRIMARY KEY (session_id, person_id)
);

-- An agenda item: one accepted nomination. The council rule in force when it was put on the
-- agenda is kept on the item (threshold in percent of the base, strict: more than; quorum in
-- percent of the membership; whether written opinions count; whether the nominee's unit head
-- is recused), so that a later rule change never alters a past result. status: pending / open
-- (voting) / closed. approvals and disapprovals are the secret ballot's counters; membership,
-- recused, result are set when the item is closed.
CREATE TABLE council_item (
  id @ID@,
  session_id BIGINT NOT NULL REFERENCES council_session (id),
  nomination_id BIGINT NOT NULL UNIQUE REFERENCES nomination (id),
  position INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'open', 'closed')),
  ballot_required INTEGER NOT NULL,
  threshold_percent INTEGER NOT NULL,
  threshold_strict INTEGER NOT NULL,
  quorum_percent INTEGER NOT NULL,
  count_written INTEGER NOT NULL,
  recuse_unit_head INTEGER NOT NULL,
  rule_citation TEXT NOT NULL DEFAULT '',
  approvals INTEGER NOT NULL DEFAULT 0,
  disapprovals INTEGER NOT NULL DEFAULT 0,
  membership INTEGER,
  recused INTEGER,
  result TEXT CHECK (result IN ('passed', 'failed')),
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX council_item_session ON council_item (session_id, position);

-- That a member has voted on an item, and nothing else: no id, no time, no choice. The
-- primary key stops a second vote.
CREATE TABLE council_voted (
  item_id BIGINT NOT NULL REFERENCES council_item (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  PRIMARY KEY (item_id, person_id)
);

-- The written opinion of an absent member on an item, recorded by the secretary (signed on
-- paper, so not secret). opinion: approve / disapprove.
CREATE TABLE council_written_opinion (
  item_id BIGINT NOT NULL REFERENCES council_item (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  opinion TEXT NOT NULL CHECK (opinion IN ('approve', 'disapprove')),
  PRIMARY KEY (item_id, person_id)
);
