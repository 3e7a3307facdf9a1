-- Award decisions (quyết định khen thưởng) of an agency, numbered in its register per year
-- ("Số: 12/QĐ-BDT"); their awardees with each one's bonus; the certificates (Giấy khen) made when
-- a decision is issued, each with a random verification code; the positions of the fields on
-- an agency's pre-printed certificate blanks; proposals of higher awards to the province
-- (Tờ trình) and the province's decision on them. Decisions and proposals are never deleted: a
-- withdrawn decision keeps its row and its number, and its awards stay in the history marked
-- withdrawn.

-- status: draft / issued / withdrawn. A number is used once per agency and year, whatever the
-- status (a withdrawn decision keeps its number).
CREATE TABLE decision (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  year INTEGER NOT NULL,
  number INTEGER NOT NULL,
  symbol TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  header_parent TEXT NOT NULL DEFAULT '',
  header_agency TEXT NOT NULL DEFAULT '',
  head_title TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  award_year INTEGER NOT NULL,
  movement_id BIGINT REFERENCES movement (id),
  legal_bases TEXT NOT NULL DEFAULT '',
  proposal TEXT NOT NULL DEFAULT '',
  signer_mark TEXT NOT NULL DEFAULT '',
  signer_title TEXT NOT NULL DEFAULT '',
  signer_name TEXT NOT NULL DEFAULT '',
  recipients TEXT NOT NULL DEFAULT '',
  issuer TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'withdrawn')),
  issued_at TEXT,
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (agency_id, year, number)
);
CREATE INDEX decision_agency_year ON decision (agency_id, year, status);

-- One awardee of a decision: the subject as named on the decision, the form, what it is for,
-- the bonus in đồng as computed from rules/bonus when added. nomination_id names the council's
-- approved nomination when the list came from there (no constraint: nominations live apart).
CREATE TABLE decision_awardee (
  id @ID@,
  decision_id BIGINT NOT NULL REFERENCES decision (id),
  position INTEGER NOT NULL,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'unit', 'household')),
  subject_id BIGINT NOT NULL,
  subject_name TEXT NOT NULL,
  unit_name TEXT NOT NULL DEFAULT '',
  form TEXT NOT NULL,
  basis TEXT NOT NULL,
  movement_id BIGINT REFERENCES movement (id),
  achievement TEXT NOT NULL DEFAULT '',
  bonus BIGINT NOT NULL DEFAULT 0,
  bonus_note TEXT NOT NULL DEFAULT '',
  nomination_id BIGINT
);
CREATE INDEX decision_awardee_decision ON decision_awardee (decision_id, position);
CREATE UNIQUE INDEX decision_awardee_one ON decision_awardee (decision_id, subject_kind, subject_id, form);

CREATE TABLE decision_event (
  id @ID@,
  decision_id BIGINT NOT NULL REFERENCES decision (id),
  event TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  actor_id BIGINT REFERENCES user_account (id),
  at TEXT NOT NULL
);
CREATE INDEX decision_event_decision ON decision_event (decision_id, id);

-- A certificate (Giấy khen) as printed: what the public verification page shows, copied from
-- the decision when it was issued. code: 10 characters of a base-32 alphabet without 0/O, 1/I/L.
CREATE TABLE certificate (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  decision_id BIGINT NOT NULL REFERENCES decision (id),
  awardee_id BIGINT NOT NULL REFERENCES decision_awardee (id),
  award_id BIGINT NOT NULL REFERENCES award (id),
  subject_kind TEXT NOT NULL,
  subject_name TEXT NOT NULL,
  unit_name TEXT NOT NULL DEFAULT '',
  form TEXT NOT NULL,
  achievement TEXT NOT NULL DEFAULT '',
  decision_ref TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  issuer TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX certificate_decision ON certificate (decision_id, id);

-- Where each printed field goes on an agency's pre-printed blank, in millimetres from the top
-- left corner of an A4 landscape sheet; sizes in points.
CREATE TABLE certificate_layout (
  id @ID@,
  agency_id BIGINT NOT NULL UNIQUE REFERENCES agency (id),
  name_x DOUBLE PRECISION NOT NULL,
  name_y DOUBLE PRECISION NOT NULL,
  name_size DOUBLE PRECISION NOT NULL,
  unit_x DOUBLE PRECISION NOT NULL,
  unit_y DOUBLE PRECISION NOT NULL,
  achievement_x DOUBLE PRECISION NOT NULL,
  achievement_y DOUBLE PRECISION NOT NULL,
  achievement_width DOUBLE PRECISION NOT NULL,
  date_x DOUBLE PRECISION NOT NULL,
  date_y DOUBLE PRECISION NOT NULL,
  decision_x DOUBLE PRECISION NOT NULL,
  decision_y DOUBLE PRECISION NOT NULL,
  qr_x DOUBLE PRECISION NOT NULL,
  qr_y DOUBLE PRECISION NOT NULL,
  qr_size DOUBLE PRECISION NOT NULL,
  text_size DOUBLE PRECISION NOT NULL,
  updated_by BIGINT REFERENCES user_account (id),
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);

-- A proposal of a higher award (khen cao) to the province: the submission (Tờ trình) and the
-- subjects it proposes; status draft / sent / returned / decided. The province's decision
-- number and date are recorded when it comes.
CREATE TABLE higher_award (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  year INTEGER NOT NULL,
  form TEXT NOT NULL,
  basis TEXT NOT NULL,
  award_year INTEGER NOT NULL,
  number TEXT NOT NULL DEFAULT '',
  symbol TEXT NOT NULL,
  submission_date TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  header_parent TEXT NOT NULL DEFAULT '',
  header_agency TEXT NOT NULL DEFAULT '',
  addressee TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  signer_mark TEXT NOT NULL DEFAULT '',
  signer_title TEXT NOT NULL DEFAULT '',
  signer_name TEXT NOT NULL DEFAULT '',
  decider TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'returned', 'decided')),
  province_number TEXT NOT NULL DEFAULT '',
  province_date TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX higher_award_agency_year ON higher_award (agency_id, year);

CREATE TABLE higher_award_subject (
  id @ID@,
  higher_award_id BIGINT NOT NULL REFERENCES higher_award (id),
  position INTEGER NOT NULL,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'unit', 'household')),
  subject_id BIGINT NOT NULL,
  subject_name TEXT NOT NULL,
  unit_name TEXT NOT NULL DEFAULT '',
  achievement TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX higher_award_subject_one ON higher_award_subject (higher_award_id, subject_kind, subject_id);

CREATE TABLE higher_award_event (
  id @ID@,
  higher_award_id BIGINT NOT NULL REFERENCES higher_award (id),
  event TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  actor_id BIGINT REFERENCES user_account (id),
  at TEXT NOT NULL
);
CREATE INDEX higher_award_event_of ON higher_award_event (higher_award_id, id);
