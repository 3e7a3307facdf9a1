#!/usr/bin/env bash
# Usage: bench/report-bench.sh [--gen PATH] [--bin PATH]
# Env (same meaning, options win): THIDUA_GEN (default build/release/bench/gen/thidua-gen),
# THIDUA_BIN (default build/release/src/thidua), SEED (42), ACHIEVEMENTS (1000000), REPEAT (5).
#
# The final review report of one agency (issue 7) on the generated province (thidua-gen: 200
# agencies, 30,000 people, their movement 2021–2025 and its achievements), in a temporary
# SQLite database: `thidua report --kind final --format pdf` for the agency with the most
# achievements — a whole process: open the database, gather the follow-up figures over the
# five years (split where the rules change), build the Decree 30 document with its tables and
# chart, write the PDF — timed over REPEAT runs (median), against the raw SQL aggregate queries
# behind the figures (sqlite3, the same agency and period, also a whole process each run).
# Target (issue 7): <= 500 ms.
#
# Prints the figures and the target with PASS/FAIL and writes bench/results/report-latest.json.
# Exit status 0 whenever the benchmark ran (a failed target included); 1 if it could not run.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

die() { echo "report-bench: $*" >&2; exit 1; }
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"

THIDUA_GEN=${THIDUA_GEN:-$root/build/release/bench/gen/thidua-gen}
THIDUA_BIN=${THIDUA_BIN:-$root/build/release/src/thidua}
SEED=${SEED:-42}
ACHIEVEMENTS=${ACHIEVEMENTS:-1000000}
REPEAT=${REPEAT:-5}
DURATION=0 CONNECTIONS=0 THREADS=0
while [ $# -gt 0 ]; do
  case "$1" in
    --gen) THIDUA_GEN=$2; shift 2 ;;
    --bin) THIDUA_BIN=$2; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
case "$SEED$ACHIEVEMENTS$REPEAT" in *[!0-9]*) die "SEED, ACHIEVEMENTS and REPEAT must be integers" ;; esac
case "$THIDUA_BIN" in /*) ;; *) THIDUA_BIN=$(pwd)/$THIDUA_BIN ;; esac
[ -x "$THIDUA_BIN" ] || die "thidua not found: $THIDUA_BIN (cmake --build build/release --target thidua)"
command -v sqlite3 >/dev/null 2>&1 || die "sqlite3 is not installed"

start_run report-bench

file="$tmp/province.db"
db="sqlite:$file"
generate --db "$db" --seed "$SEED" --achievements "$ACHIEVEMENTS"
"$THIDUA_BIN" migrate --db "$db" >"$tmp/migrate.log" 2>&1 || { cat "$tmp/migrate.log" >&2; die "thidua migrate failed"; }

# The agency with the most achievements, and its movement.
read -r agency_id code movement from to records < <(sqlite3 -separator ' ' "$file" "
  SELECT ag.id, ag.code, a.movement_id, m.period_from, m.period_to, COUNT(*) FROM achievement a
  JOIN agency ag ON ag.id = a.agency_id JOIN movement m ON m.id = a.movement_id
  GROUP BY ag.id, ag.code, a.movement_id, m.period_from, m.period_to ORDER BY COUNT(*) DESC LIMIT 1")
[ -n "${code:-}" ] || die "the generated province has no achievements"
y1=${from:0:4} y2=${to:0:4}

# The aggregates the report's figures rest on: verified records per unit, item and commune;
# money and labour per unit, item, commune and donor; pledged targets per unit, year, item and
# measure; milestones and tasks; role models; initiatives; awards per form and subject.
cat >"$tmp/raw.sql" <<SQL
SELECT a.unit_id, a.item_id, a.commune_id, COUNT(*), SUM(COALESCE(a.sessions, 0)), SUM(COALESCE(a.participants, 0))
  FROM achievement a WHERE a.agency_id = $agency_id AND a.movement_id = $movement AND a.year BETWEEN $y1 AND $y2
  AND a.occurred_on BETWEEN '$from' AND '$to' AND a.status = 'verified' GROUP BY a.unit_id, a.item_id, a.commune_id;
SELECT a.unit_id, a.item_id, COALESCE(a.commune_id, 0), COALESCE(a.donor_kind, ''), COALESCE(a.donor_scope, ''),
  SUM(COALESCE(a.cash_vnd, 0)), SUM(COALESCE(a.goods_vnd, 0)), SUM(COALESCE(a.workdays, 0)), SUM(COALESCE(a.land_m2, 0)), COUNT(*)
  FROM achievement a WHERE a.agency_id = $agency_id AND a.movement_id = $movement AND a.year BETWEEN $y1 AND $y2
  AND a.occurred_on BETWEEN '$from' AND '$to' AND a.status = 'verified'
  AND (a.cash_vnd IS NOT NULL OR a.goods_vnd IS NOT NULL OR a.workdays IS NOT NULL OR a.land_m2 IS NOT NULL)
  GROUP BY a.unit_id, a.item_id, a.commune_id, a.donor_kind, a.donor_scope;
SELECT p.unit_id, p.year, p.status, t.item_id, t.measure, SUM(t.target) FROM pledge p
  LEFT JOIN pledge_target t ON t.pledge_id = p.id WHERE p.agency_id = $agency_id AND p.movement_id = $movement
  AND p.year BETWEEN $y1 AND $y2 AND p.subject_kind = 'unit' AND p.status <> 'withdrawn'
  GROUP BY p.unit_id, p.year, p.status, t.item_id, t.measure;
SELECT t.id, t.unit_id, t.due_date, t.status FROM movement_task t WHERE t.movement_id = $movement ORDER BY t.due_date;
SELECT a.id, a.title, a.model_name, a.occurred_on FROM achievement a WHERE a.agency_id = $agency_id
  AND a.movement_id = $movement AND a.occurred_on BETWEEN '$from' AND '$to' AND a.status = 'verified'
  AND a.kind = 'role_model' ORDER BY a.occurred_on, a.id;
SELECT i.id, i.title, i.recognition_level FROM initiative i WHERE i.agency_id = $agency_id AND i.status = 'active';
SELECT w.form, w.subject_kind, COUNT(*) FROM award w WHERE w.agency_id = $agency_id AND w.withdrawn = 0
  AND w.year BETWEEN $y1 AND $y2 GROUP BY w.form, w.subject_kind;
SQL

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
now_ns() { date +%s%N; }

echo "== thidua report --agency $code --movement $movement --kind final --format pdf ($records achievements, x$REPEAT)"
"$THIDUA_BIN" report --db "$db" --agency "$code" --movement "$movement" --kind final --format pdf \
  --out "$tmp/warm.pdf" 2>"$tmp/report.log" || { cat "$tmp/report.log" >&2; die "thidua report failed"; }
: >"$tmp/report.ms"
for _ in $(seq "$REPEAT"); do
  t0=$(now_ns)
  "$THIDUA_BIN" report --db "$db" --agency "$code" --movement "$movement" --kind final --format pdf \
    --out "$tmp/final.pdf" 2>>"$tmp/report.log" || die "thidua report failed"
  t1=$(now_ns)
  echo $(( (t1 - t0) / 1000000 )) >>"$tmp/report.ms"
done
pages=$(pdfinfo "$tmp/final.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
report_ms=$(median <"$tmp/report.ms")

echo "== sqlite3: the raw aggregate queries (x$REPEAT)"
sqlite3 "$file" <"$tmp/raw.sql" >/dev/null
: >"$tmp/raw.ms"
for _ in $(seq "$REPEAT"); do
  t0=$(now_ns)
  sqlite3 "$file" <"$tmp/raw.sql" >/dev/null
  t1=$(now_ns)
  echo $(( (t1 - t0) / 1000000 )) >>"$tmp/raw.ms"
done
raw_ms=$(median <"$tmp/raw.ms")
ratio=$(awk -v a="$report_ms" -v b="$raw_ms" 'BEGIN { printf "%.1f", (b > 0) ? a / b : 0 }')

echo
echo "Review report benchmark: generated province (seed $SEED, $ACHIEVEMENTS achievements)"
printf '  final review of %s (%s achievements, %s–%s), PDF of %s pages: %s ms; raw SQL %s ms (x%s)\n' \
  "$code" "$records" "$from" "$to" "${pages:-?}" "$report_ms" "$raw_ms" "$ratio"
echo
echo "Targets:"
pass=$(awk -v a="$report_ms" 'BEGIN { print (a <= 500) ? "PASS" : "FAIL" }')
printf '  %-7s %-44s measured %s ms (le 500)\n' "$pass" "final review report of one agency <= 500 ms" "$report_ms"

fill() {
  printf '  "dataset": {"seed": %s, "achievements": %s, "database": "sqlite", "generate_s": %s},\n' \
    "$SEED" "$ACHIEVEMENTS" "$gen_seconds"
  printf '  "agency": "%s", "agency_achievements": %s, "pdf_pages": %s,\n' "$code" "$records" "${pages:-0}"
  printf '  "report_ms": %s, "raw_sql_ms": %s, "ratio": %s, "repeat": %s,\n' "$report_ms" "$raw_ms" "$ratio" "$REPEAT"
  printf '  "target_ms": 500, "pass": %s\n' "$([ "$pass" = PASS ] && echo true || echo false)"
}
write_results report fill
