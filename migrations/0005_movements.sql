-- Emulation movements (phong trào thi đua) and their plans (kế hoạch): the plan's header and
-- signature fields on the movement, every other part of the plan as ordered items. Launching
-- turns milestones and responsibilities into dated tasks. Dates are ISO 'YYYY-MM-DD' text.

CREATE TABLE movement (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  -- the movement's name: Cả nước chung sức xây dựng nông thôn mới
  title TEXT NOT NULL,
  -- regular / thematic
  kind TEXT NOT NULL,
  -- agency / province / national: who launched it
  level TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  -- trích yếu, printed under KẾ HOẠCH
  summary TEXT NOT NULL,
  -- UBND TỈNH CAO BẰNG
  header_parent TEXT NOT NULL DEFAULT '',
  -- BAN DÂN TỘC
  header_name TEXT NOT NULL DEFAULT '',
  -- empty until the plan is numbered
  doc_number TEXT NOT NULL DEFAULT '',
  -- KH-BDT
  doc_symbol TEXT NOT NULL,
  place TEXT NOT NULL,
  doc_date TEXT,
  -- after the legal bases
  preamble TEXT NOT NULL DEFAULT '',
  -- Trên đây là Kế hoạch …
  closing TEXT NOT NULL DEFAULT '',
  -- KT. TRƯỞNG BAN
  signer_mark TEXT NOT NULL DEFAULT '',
  -- PHÓ TRƯỞNG BAN
  signer_title TEXT NOT NULL DEFAULT '',
  signer_name TEXT NOT NULL DEFAULT '',
  signer_person_id BIGINT REFERENCES person (id),
  -- draft / launched / midterm_reviewed / closed
  status TEXT NOT NULL DEFAULT 'draft',
  copied_from BIGINT REFERENCES movement (id),
  launched_by BIGINT REFERENCES user_account (id),
  launched_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX movement_agency ON movement (agency_id, period_from);

-- section: legal_basis / purpose / requirement / content / subject / award / milestone /
-- responsibility / recipient. What the other columns mean depends on it:
--   legal_basis: label = kind of document (Nghị quyết), ref_number, ref_date, issuer, body = what it is about
--   subject: label = collective / individual / household, body = the criteria
--   award: label = the heading it sits under (Khen thưởng cấp Ban), code = level (agency / province)
--   milestone: label = when, as printed (Quý III năm 2022), ref_date = due date, code = plan / midterm / final / other
--   responsibility: body; the units it falls to are in movement_item_unit
CREATE TABLE movement_item (
  id @ID@,
  movement_id BIGINT NOT NULL REFERENCES movement (id),
  section TEXT NOT NULL,
  position INTEGER NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  ref_number TEXT NOT NULL DEFAULT '',
  ref_date TEXT,
  issuer TEXT NOT NULL DEFAULT '',
  code TEXT NOT NULL DEFAULT ''
);
CREATE INDEX movement_item_order ON movement_item (movement_id, section, position);

CREATE TABLE movement_item_unit (
  item_id BIGINT NOT NULL REFERENCES movement_item (id),
  unit_id BIGINT NOT NULL REFERENCES unit (id),
  PRIMARY KEY (item_id, unit_id)
);

-- unit_id NULL: a task of the agency as a whole, followed by the Office.
CREATE TABLE movement_task (
  id @ID@,
  movement_id BIGINT NOT NULL REFERENCES movement (id),
  item_id BIGINT REFERENCES movement_item (id),
  unit_id BIGINT REFERENCES unit (id),
  title TEXT NOT NULL,
  due_date TEXT,
  -- open / done
  status TEXT NOT NULL DEFAULT 'open',
  done_at TEXT,
  done_by BIGINT REFERENCES user_account (id),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX movement_task_movement ON movement_task (movement_id, due_date);
CREATE INDEX movement_task_unit ON movement_task (unit_id, status);

-- Files kept content-addressed under the data folder (files/ab/abcdef…); this is their index.
CREATE TABLE stored_file (
  sha256 TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  content_type TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- What a unit makes of the movement (V: "cụ thể hóa"): its own sub-plan (a file) or a target.
CREATE TABLE movement_unit_plan (
  id @ID@,
  movement_id BIGINT NOT NULL REFERENCES movement (id),
  unit_id BIGINT NOT NULL REFERENCES unit (id),
  -- subplan / target
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  file_sha256 TEXT REFERENCES stored_file (sha256),
  file_name TEXT NOT NULL DEFAULT '',
  -- active / withdrawn (never deleted)
  status TEXT NOT NULL DEFAULT 'active',
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL
);
CREATE INDEX movement_unit_plan_movement ON movement_unit_plan (movement_id, unit_id);
