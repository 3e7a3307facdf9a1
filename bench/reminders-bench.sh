#!/usr/bin/env bash
# Usage: bench/reminders-bench.sh
# Env: THIDUA_BIN (default build/release/src/thidua), THIDUA_GEN (default
# build/release/bench/gen/thidua-gen), SEED (42), ACHIEVEMENTS (0: reminders do not read them).
#
# Reminders (issue 7) on the generated province (thidua-gen: 200 agencies, 30,000 people),
# in a temporary SQLite database, with what the generator does not make added by SQL: four
# open tasks per unit and three of each agency's own, due relative to today (333 and 9 days
# ago, in 4 and 92 days; 333 days ago, in 2 and 213 days), a unit_head grant per unit, and
# every movement's 2025 pledge window closing in 3 days (200 windows closing in the same week:
# the worst case). Times `thidua remind` (a whole process: start, one pass, exit) as a dry run, the first
# pass (writes), the second (nothing new), against sqlite3 running the raw task query alone.
# The reminder pass's own time is also logged by the scheduler ("in N ms").
#
# Prints the figures and writes bench/results/reminders-latest.json. Exit 0 when it ran.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

die() { echo "reminders-bench: $*" >&2; exit 1; }
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"

THIDUA_BIN=${THIDUA_BIN:-$root/build/release/src/thidua}
THIDUA_GEN=${THIDUA_GEN:-$root/build/release/bench/gen/thidua-gen}
SEED=${SEED:-42}
ACHIEVEMENTS=${ACHIEVEMENTS:-0}
DURATION=0 CONNECTIONS=0 THREADS=0
case "$SEED$ACHIEVEMENTS" in *[!0-9]*) die "SEED and ACHIEVEMENTS must be integers" ;; esac
case "$THIDUA_BIN" in /*) ;; *) THIDUA_BIN=$(pwd)/$THIDUA_BIN ;; esac
[ -x "$THIDUA_BIN" ] || die "thidua not found: $THIDUA_BIN"
command -v sqlite3 >/dev/null || die "sqlite3 is not installed (scripts/install-deps.sh installs it)"

start_run reminders-bench
file="$tmp/province.db"
db="sqlite:$file"
generate --db "$db" --seed "$SEED" --achievements "$ACHIEVEMENTS"
"$THIDUA_BIN" migrate --db "$db" >"$tmp/migrate.log" 2>&1 || { cat "$tmp/migrate.log" >&2; die "migrate failed"; }

sqlite3 "$file" <<'SQL' || die "could not add the tasks"
INSERT INTO movement_task (movement_id, unit_id, title, due_date, status, created_at)
  SELECT m.id, u.id, 'Nhiệm vụ ' || d.d, d.d, 'open', '2022-01-01T00:00:00Z'
  FROM movement m JOIN unit u ON u.agency_id = m.agency_id
  JOIN (SELECT date('now', '-333 days') AS d UNION ALL SELECT date('now', '-9 days')
        UNION ALL SELECT date('now', '+4 days') UNION ALL SELECT date('now', '+92 days')) d;
INSERT INTO movement_task (movement_id, unit_id, title, due_date, status, created_at)
  SELECT m.id, NULL, 'Mốc ' || d.d, d.d, 'open', '2022-01-01T00:00:00Z' FROM movement m
  JOIN (SELECT date('now', '-333 days') AS d UNION ALL SELECT date('now', '+2 days')
        UNION ALL SELECT date('now', '+213 days')) d;
INSERT INTO role_grant (user_id, role, agency_id, unit_id, created_at)
  SELECT MIN(p.user_id), 'unit_head', u.agency_id, u.id, '2022-01-01T00:00:00Z' FROM unit u
  JOIN person_placement pl ON pl.unit_id = u.id AND pl.valid_to IS NULL
  JOIN person p ON p.id = pl.person_id AND p.user_id IS NOT NULL GROUP BY u.id;
UPDATE pledge_window SET deadline = date('now', '+3 days') WHERE year = 2025;
SQL
tasks=$(sqlite3 "$file" "SELECT COUNT(*) FROM movement_task")
people=$(sqlite3 "$file" "SELECT COUNT(*) FROM person")

ms_of() { # command...: wall time in ms
  local t0 t1
  t0=$(date +%s%N)
  "$@" >"$tmp/out.log" 2>&1 || { cat "$tmp/out.log" >&2; die "$1 failed"; }
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
best_of3() { local best=999999 m; for _ in 1 2 3; do m=$(ms_of "$@"); [ "$m" -lt "$best" ] && best=$m; done; echo "$best"; }

# The scheduler's task query, with the values of one pass (lead 7 days).
raw_sql="SELECT COUNT(*) FROM (SELECT DISTINCT g.user_id, t.id FROM movement_task t JOIN movement m ON m.id = t.movement_id
  JOIN role_grant g ON g.agency_id = m.agency_id AND g.role = CASE WHEN t.unit_id IS NULL THEN 'office' ELSE 'unit_head' END
  JOIN user_account u ON u.id = g.user_id AND u.status = 'active'
  LEFT JOIN person pe ON pe.user_id = g.user_id LEFT JOIN person_placement pl ON pl.person_id = pe.id AND pl.valid_to IS NULL
  WHERE m.status IN ('launched', 'midterm_reviewed') AND t.status = 'open' AND t.due_date IS NOT NULL
  AND t.due_date <= date('now', '+7 days') AND (t.unit_id IS NULL OR COALESCE(g.unit_id, pl.unit_id) = t.unit_id))"

echo "== timing ($tasks tasks, $people people)"
dry_ms=$(best_of3 "$THIDUA_BIN" remind --db "$db" --dry-run)
would=$(sed -n 's/.*would write: \([0-9]*\).*/\1/p' "$tmp/out.log")
raw_ms=$(best_of3 sqlite3 "$file" "$raw_sql")
first_ms=$(ms_of "$THIDUA_BIN" remind --db "$db")
written=$(sed -n 's/.*written: \([0-9]*\).*/\1/p' "$tmp/out.log")
second_ms=$(best_of3 "$THIDUA_BIN" remind --db "$db")
again=$(sed -n 's/.*written: \([0-9]*\).*/\1/p' "$tmp/out.log")

echo
echo "Reminders benchmark: generated province (seed $SEED, $ACHIEVEMENTS achievements)"
printf '  dry run (whole process)      %6s ms  (%s notifications would be written)\n' "$dry_ms" "$would"
printf '  first pass (whole process)   %6s ms  (%s written, one transaction)\n' "$first_ms" "$written"
printf '  second pass (whole process)  %6s ms  (%s written)\n' "$second_ms" "$again"
printf '  raw task query (sqlite3)     %6s ms\n' "$raw_ms"

fill() {
  printf '  "dataset": {"seed": %s, "achievements": %s, "database": "sqlite", "generate_s": %s, "tasks": %s, "people": %s},\n' \
    "$SEED" "$ACHIEVEMENTS" "$gen_seconds" "$tasks" "$people"
  printf '  "dry_run_ms": %s, "first_pass_ms": %s, "written": %s, "second_pass_ms": %s, "written_again": %s, "raw_task_sql_ms": %s\n' \
    "$dry_ms" "$first_ms" "${written:-null}" "$second_ms" "${again:-null}" "$raw_ms"
}
write_results reminders fill
