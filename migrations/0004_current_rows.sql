-- Partial covering indexes over the rows that are true today (valid_to IS NULL): the people
-- list reads each person's current placement and each unit's current name from these alone.
CREATE INDEX person_placement_current ON person_placement (person_id, valid_to, unit_id, position)
  WHERE valid_to IS NULL;
CREATE INDEX unit_version_current ON unit_version (unit_id, valid_to, name) WHERE valid_to IS NULL;
