-- Statistics and province mode (issue 7, part h7sf): the province-wide totals sum a year's
-- verified achievements per agency over every agency under an authority (a million rows in the
-- generated province). A covering index on (year, status, agency) and the four measures lets
-- the database answer from the index alone instead of visiting each row of the table.
CREATE INDEX achievement_year_totals ON achievement (year, status, agency_id, cash_vnd, goods_vnd, workdays, land_m2);
