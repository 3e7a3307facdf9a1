-- The register of initiatives (sáng kiến) and research topics: authors with shares, the
-- recognition (level, deciding body, decision), scope and effect. initiative_use records what an
-- initiative was the basis of, so that it is used once per author (official letter
-- 5007/BNV-TĐKT, 2023): a use that is released (its nomination rejected) frees it again.

-- kind: initiative / research_topic; recognition_level: none / base / province / national.
-- title_key: the title folded (no diacritics, lower case, đ → d) for search. An initiative
-- registered in error is withdrawn with who, when and why, never deleted.
CREATE TABLE initiative (
  id @ID@,
  agency_id BIGINT NOT NULL REFERENCES agency (id),
  kind TEXT NOT NULL DEFAULT 'initiative' CHECK (kind IN ('initiative', 'research_topic')),
  title TEXT NOT NULL,
  title_key TEXT NOT NULL DEFAULT '',
  field TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  applied_from TEXT,
  scope TEXT NOT NULL DEFAULT '',
  effect TEXT NOT NULL DEFAULT '',
  recognition_level TEXT NOT NULL DEFAULT 'none'
    CHECK (recognition_level IN ('none', 'base', 'province', 'national')),
  recognition_body TEXT NOT NULL DEFAULT '',
  recognition_number TEXT NOT NULL DEFAULT '',
  recognition_date TEXT,
  movement_id BIGINT REFERENCES movement (id),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  withdrawn_by BIGINT REFERENCES user_account (id),
  withdrawn_at TEXT,
  withdrawn_reason TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES user_account (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX initiative_agency ON initiative (agency_id, recognition_date);

-- share_pct: the author's share in whole percent; the shares of an initiative add up to 100.
CREATE TABLE initiative_author (
  initiative_id BIGINT NOT NULL REFERENCES initiative (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  share_pct INTEGER NOT NULL CHECK (share_pct > 0 AND share_pct <= 100),
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (initiative_id, person_id)
);
CREATE INDEX initiative_author_person ON initiative_author (person_id);

-- basis_kind: title / form / nomination / other; basis_ref: the title or form code, or the
-- nomination's id; person_id: the author it served (NULL: the collective).
CREATE TABLE initiative_use (
  id @ID@,
  initiative_id BIGINT NOT NULL REFERENCES initiative (id),
  person_id BIGINT REFERENCES person (id),
  basis_kind TEXT NOT NULL CHECK (basis_kind IN ('title', 'form', 'nomination', 'other')),
  basis_ref TEXT NOT NULL,
  year INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  used_by BIGINT REFERENCES user_account (id),
  used_at TEXT NOT NULL,
  released_by BIGINT REFERENCES user_account (id),
  released_at TEXT,
  released_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX initiative_use_initiative ON initiative_use (initiative_id, released_at);
-- At most one live (not released) use per initiative and author (or the collective): the
-- service refuses a second one with a message, this stops two writers racing past it.
CREATE UNIQUE INDEX initiative_use_live ON initiative_use (initiative_id, (COALESCE(person_id, 0)))
  WHERE released_at IS NULL;
