#!/usr/bin/env bash
# Usage: bench/dashboard-bench.sh [--bin PATH] [--gen PATH] [--duration SECONDS] [--connections N]
#                                 [--threads N]
# Env (same meaning, options win): THIDUA_BIN (default build/release/src/thidua), THIDUA_GEN
# (default build/release/bench/gen/thidua-gen), DURATION (10), CONNECTIONS (50), THREADS (2),
# SEED (42), ACHIEVEMENTS (1000000), REPEAT (5).
#
# The follow-up dashboard of issue 7 on the generated province (thidua-gen: 200 agencies,
# 30,000 people, 1,000,000 achievements; every agency's movement 2021–2025), in a temporary
# SQLite database, as the Office of the agency with the busiest unit:
#  (a) the figures uncached: GET /api/v1/dashboard?movement= (the whole movement, every figure
#      group gathered by FollowUpService; the API is never cached), REPEAT times, median — and
#      the first GET of the page itself — against the raw SQL aggregates behind them (the same
#      SUM/COUNT queries, the agency's values written in) run by sqlite3 on the same file;
#  (b) the page GET /dashboard?movement= at 50 connections with wrk, served from the page
#      cache (keyed on the data version); nginx serves a static file of the page's size and
#      type as the yardstick.
# Target (issue 7): (b) p99 <= 50 ms at 50 connections. (a) is reported with its ratio.
#
# Prints a table and the target with PASS/FAIL and writes bench/results/dashboard-latest.json.
# Exit status 0 whenever the benchmark ran (a failed target included); 1 if it could not run.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

die() { echo "dashboard-bench: $*" >&2; exit 1; }
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"

THIDUA_GEN=${THIDUA_GEN:-$root/build/release/bench/gen/thidua-gen}
SEED=${SEED:-42}
ACHIEVEMENTS=${ACHIEVEMENTS:-1000000}
REPEAT=${REPEAT:-5}
PASSWORD=bench-Password-1
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --gen) THIDUA_GEN=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
server_bench_options 19 "${args[@]}"
case "$SEED$ACHIEVEMENTS$REPEAT" in *[!0-9]*) die "SEED, ACHIEVEMENTS and REPEAT must be integers" ;; esac
command -v sqlite3 >/dev/null 2>&1 || die "sqlite3 is not installed (scripts/install-deps.sh installs it)"

start_run dashboard-bench

# ---------------------------------------------------------------- data set
file=$tmp/province.db
db="sqlite:$file"
generate --db "$db" --seed "$SEED" --achievements "$ACHIEVEMENTS" --password "$PASSWORD"
# "bench unit: id 123 (Phòng …, BVDK Bệnh viện …), 9876 achievements; movement 45; sign in as bvdk.vanphong"
line=$(grep 'bench unit: ' "$tmp/gen.log" | head -n1) || die "thidua-gen printed no bench unit"
movement=$(sed -n 's/.*; movement \([0-9]*\);.*/\1/p' <<<"$line")
login=$(sed -n 's/.*sign in as \([^ ]*\).*/\1/p' <<<"$line")
[ -n "$movement" ] && [ -n "$login" ] || die "could not read the bench unit from thidua-gen's output"
agency=$(sqlite3 "$file" "SELECT agency_id FROM movement WHERE id = $movement") || die "no movement $movement"
agency_records=$(sqlite3 "$file" "SELECT COUNT(*) FROM achievement WHERE agency_id = $agency")
from=$(sqlite3 "$file" "SELECT period_from FROM movement WHERE id = $movement")
to=$(sqlite3 "$file" "SELECT MIN(period_to, date('now')) FROM movement WHERE id = $movement")
y1=${from:0:4}
y2=${to:0:4}
echo "== agency $agency ($login), movement $movement $from – $to: $agency_records achievements"

# ---------------------------------------------------------------- the raw SQL aggregates
# The aggregates FollowUpService runs for an agency's whole movement (storage/follow_up_sql.hpp,
# progress_repo's sums, and the plan, tasks, units and communes it reads), values written in.
A="a.agency_id = $agency AND a.movement_id = $movement AND a.year BETWEEN $y1 AND $y2 AND a.occurred_on BETWEEN '$from' AND '$to' AND a.status = 'verified'"
cat >"$tmp/raw.sql" <<SQL
SELECT a.item_id, a.commune_id, CAST(SUM(COALESCE(a.sessions, 0)) AS BIGINT), CAST(SUM(COALESCE(a.participants, 0)) AS BIGINT),
  CAST(SUM(COALESCE(a.cash_vnd, 0)) AS BIGINT), CAST(SUM(COALESCE(a.goods_vnd, 0)) AS BIGINT),
  CAST(SUM(COALESCE(a.workdays, 0)) AS BIGINT), CAST(SUM(COALESCE(a.land_m2, 0)) AS BIGINT),
  CAST(SUM(CASE WHEN a.kind = 'initiative' THEN 1 ELSE 0 END) AS BIGINT),
  CAST(SUM(CASE WHEN a.commune_id IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT),
  CAST(SUM(CASE WHEN a.kind = 'support_visit' THEN 1 ELSE 0 END) AS BIGINT),
  CAST(SUM(CASE WHEN a.kind = 'role_model' THEN 1 ELSE 0 END) AS BIGINT),
  CAST(SUM(CASE WHEN a.kind = 'other' THEN 1 ELSE 0 END) AS BIGINT), CAST(COUNT(*) AS BIGINT), a.unit_id
  FROM achievement a WHERE $A GROUP BY a.unit_id, a.item_id, a.commune_id;
SELECT a.unit_id, a.item_id, COALESCE(a.commune_id, 0), COALESCE(a.donor_kind, ''), COALESCE(a.donor_scope, ''),
  CAST(SUM(COALESCE(a.cash_vnd, 0)) AS BIGINT), CAST(SUM(COALESCE(a.goods_vnd, 0)) AS BIGINT),
  CAST(SUM(COALESCE(a.workdays, 0)) AS BIGINT), CAST(SUM(COALESCE(a.land_m2, 0)) AS BIGINT), CAST(COUNT(*) AS BIGINT)
  FROM achievement a WHERE $A
  AND (a.cash_vnd IS NOT NULL OR a.goods_vnd IS NOT NULL OR a.workdays IS NOT NULL OR a.land_m2 IS NOT NULL)
  GROUP BY a.unit_id, a.item_id, a.commune_id, a.donor_kind, a.donor_scope;
SELECT a.id, a.title, COALESCE(a.model_kind, ''), a.model_name, COALESCE(p.full_name, uv.name, ''), a.occurred_on
  FROM achievement a LEFT JOIN person p ON p.id = a.person_id
  LEFT JOIN unit_version uv ON uv.unit_id = a.unit_id AND uv.valid_to IS NULL
  WHERE $A AND a.kind = 'role_model' ORDER BY a.occurred_on, a.id;
SELECT p.unit_id, p.year, p.status, COALESCE(t.item_id, 0), COALESCE(t.measure, ''), CAST(COALESCE(SUM(t.target), 0) AS BIGINT)
  FROM pledge p LEFT JOIN pledge_target t ON t.pledge_id = p.id
  WHERE p.agency_id = $agency AND p.movement_id = $movement AND p.year BETWEEN $y1 AND $y2 AND p.subject_kind = 'unit'
  AND p.status <> 'withdrawn' GROUP BY p.unit_id, p.year, p.status, t.item_id, t.measure ORDER BY p.unit_id, p.year;
SELECT a.commune_id, a.assessed_on, a.criteria_met, a.criteria_total, s.id, s.name, s.level, s.valid_from,
  COALESCE(s.valid_to, '') FROM assessment a JOIN criteria_set s ON s.id = a.set_id
  WHERE a.status = 'recorded' AND a.assessed_on <= '$to' AND a.commune_id IN
  (SELECT ca.commune_id FROM commune_assignment ca WHERE ca.agency_id = $agency) ORDER BY a.commune_id, a.assessed_on, a.id;
SELECT r.commune_id, r.level, r.event, r.year FROM commune_recognition r WHERE r.status = 'recorded' AND r.year <= $y2
  AND r.commune_id IN (SELECT ca.commune_id FROM commune_assignment ca WHERE ca.agency_id = $agency)
  ORDER BY r.commune_id, r.year, r.id;
SELECT i.id, i.title, i.recognition_level, COALESCE(i.recognition_date, ''), COALESCE(p.full_name, '')
  FROM initiative i LEFT JOIN initiative_author ia ON ia.initiative_id = i.id LEFT JOIN person p ON p.id = ia.person_id
  WHERE i.agency_id = $agency AND i.status = 'active' AND (i.movement_id = $movement OR i.id IN
  (SELECT x.initiative_id FROM achievement x WHERE x.movement_id = $movement AND x.status = 'verified' AND x.initiative_id IS NOT NULL))
  AND COALESCE(i.recognition_date, i.applied_from, SUBSTR(i.created_at, 1, 10)) BETWEEN '$from' AND '$to'
  ORDER BY i.id, ia.position, ia.person_id;
SELECT w.form, w.subject_kind, CAST(COUNT(*) AS BIGINT) FROM award w WHERE w.agency_id = $agency AND w.withdrawn = 0
  AND w.year BETWEEN $y1 AND $y2 AND (w.movement_id = $movement OR w.movement_id IS NULL) GROUP BY w.form, w.subject_kind;
SELECT n.form, CAST(COUNT(*) AS BIGINT) FROM nomination n WHERE n.agency_id = $agency AND n.year BETWEEN $y1 AND $y2
  AND n.status IN ('submitted', 'returned', 'resubmitted', 'accepted', 'approved')
  AND (n.movement_id = $movement OR n.movement_id IS NULL) GROUP BY n.form;
SELECT h.form, CAST(COUNT(*) AS BIGINT) FROM higher_award h JOIN higher_award_subject s ON s.higher_award_id = h.id
  WHERE h.agency_id = $agency AND h.award_year BETWEEN $y1 AND $y2 AND h.status IN ('draft', 'sent', 'returned') GROUP BY h.form;
SELECT * FROM movement_item WHERE movement_id = $movement ORDER BY section, position;
SELECT t.*, uv.name FROM movement_task t LEFT JOIN unit_version uv ON uv.unit_id = t.unit_id AND uv.valid_to IS NULL
  WHERE t.movement_id = $movement ORDER BY t.due_date;
SELECT u.id, uv.name FROM unit u JOIN unit_version uv ON uv.unit_id = u.id AND uv.valid_to IS NULL WHERE u.agency_id = $agency;
SELECT ca.commune_id, ca.valid_from FROM commune_assignment ca WHERE ca.agency_id = $agency;
SQL
sqlite3 "$file" <"$tmp/raw.sql" >"$tmp/raw.out" 2>&1 || { cat "$tmp/raw.out" >&2; die "the raw SQL failed"; }
now_ms() { date +%s%N | awk '{ printf "%.3f\n", $1 / 1e6 }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
raw_times=()
for _ in $(seq 1 "$REPEAT"); do
  t0=$(now_ms)
  sqlite3 "$file" <"$tmp/raw.sql" >/dev/null
  t1=$(now_ms)
  raw_times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
done
raw_ms=$(printf '%s\n' "${raw_times[@]}" | median)

# ---------------------------------------------------------------- (a) the figures, uncached
start_thidua "$THIDUA_BIN" "$db"
jar=$tmp/cookies.txt
sign_in "$login" "$PASSWORD"
auth=(-H "Cookie: thidua_session=$session")
page="/dashboard?movement=$movement"
www=$tmp/www
mkdir -p "$www"
# The page first: its first request builds the figures and fills the cache.
out=$(curl -sS -o "$www/dashboard" -w '%{http_code} %{time_total} %{content_type}' "${auth[@]}" "$base$page") \
  || server_failed "GET $page failed"
read -r code secs ctype <<<"$out"
[ "$code" = 200 ] || server_failed "GET $page answered $code"
first_ms=$(awk -v s="$secs" 'BEGIN { printf "%.1f", s * 1000 }')
bytes=$(wc -c <"$www/dashboard" | tr -d ' ')
grep -q 'id="items-table"' "$www/dashboard" || server_failed "GET $page has no figures (no #items-table)"
api_times=()
for _ in $(seq 1 "$REPEAT"); do
  out=$(curl -sS -o "$tmp/dashboard.json" -w '%{http_code} %{time_total}' "${auth[@]}" "$base/api/v1/dashboard?movement=$movement") \
    || server_failed "GET /api/v1/dashboard failed"
  read -r code secs <<<"$out"
  [ "$code" = 200 ] || server_failed "GET /api/v1/dashboard answered $code"
  api_times+=("$(awk -v s="$secs" 'BEGIN { printf "%.3f", s * 1000 }')")
done
api_ms=$(printf '%s\n' "${api_times[@]}" | median)
records=$(grep -o '"records":[0-9]*' "$tmp/dashboard.json" | head -n1 | cut -d: -f2)
figures_ratio=$(awk -v a="$api_ms" -v b="$raw_ms" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print 0 }')
echo "== figures: API median $api_ms ms, raw SQL median $raw_ms ms (x$figures_ratio); first page $first_ms ms, $bytes bytes"

# ---------------------------------------------------------------- (b) the page at 50 connections
declare -A RPS P50 P99 ERR
start_nginx dashboard "$ctype"
run_wrk thidua_dashboard "$base$page" "${auth[@]}"
run_wrk nginx_dashboard "$nbase/dashboard"
kill -0 "$thidua_pid" 2>/dev/null || server_failed "thidua serve died during the benchmark"

# ---------------------------------------------------------------- report
ratio=$(awk -v a="${RPS[thidua_dashboard]}" -v b="${RPS[nginx_dashboard]}" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print 0 }')
echo
echo "Dashboard benchmark: generated province (seed $SEED, $ACHIEVEMENTS achievements); agency $agency ($login),"
echo "  movement $movement, $from – $to, $agency_records achievements of the agency, $records verified in the period"
printf '  (a) figures uncached (GET /api/v1/dashboard, median of %s): %s ms; raw SQL aggregates (sqlite3): %s ms (x%s)\n' \
  "$REPEAT" "$api_ms" "$raw_ms" "$figures_ratio"
printf '      first GET %s (builds the figures, fills the cache): %s ms\n' "$page" "$first_ms"
echo "  (b) wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on $(nproc) CPUs, as $login"
printf '      %-52s %9s %8s %8s %6s\n' page req/s "p50 ms" "p99 ms" errors
printf '      %-52s %9.0f %8.2f %8.2f %6s\n' "GET $page ($bytes B)" "${RPS[thidua_dashboard]}" \
  "${P50[thidua_dashboard]}" "${P99[thidua_dashboard]}" "${ERR[thidua_dashboard]}"
printf '      %-52s %9.0f %8.2f %8.2f %6s\n' "nginx static, same size" "${RPS[nginx_dashboard]}" \
  "${P50[nginx_dashboard]}" "${P99[nginx_dashboard]}" "${ERR[nginx_dashboard]}"
echo "      thidua / nginx req/s: $ratio"
echo
echo "Targets:"
pass=$(awk -v a="${P99[thidua_dashboard]}" -v e="${ERR[thidua_dashboard]}" 'BEGIN { print (a <= 50 && e == 0) ? "PASS" : "FAIL" }')
printf '  %-7s %-44s measured %s ms (le 50)\n' "$pass" "dashboard page p99 <= 50 ms" "${P99[thidua_dashboard]}"
[ "$CONNECTIONS" -eq 50 ] || echo "  note: the target is defined at 50 connections; this run used $CONNECTIONS"

fill() {
  printf '  "dataset": {"seed": %s, "achievements": %s, "database": "sqlite", "generate_s": %s, "agency_id": %s,\n' \
    "$SEED" "$ACHIEVEMENTS" "$gen_seconds" "$agency"
  printf '    "agency_achievements": %s, "movement_id": %s, "from": "%s", "to": "%s", "verified_in_period": %s, "login": "%s"},\n' \
    "$agency_records" "$movement" "$from" "$to" "${records:-null}" "$login"
  printf '  "figures": {"repeat": %s, "api_ms": %s, "raw_sql_ms": %s, "ratio_to_raw_sql": %s, "first_page_ms": %s},\n' \
    "$REPEAT" "$api_ms" "$raw_ms" "$figures_ratio" "$first_ms"
  printf '  "dashboard_page": {"path": "%s", "bytes": %s,\n' "$page" "$bytes"
  printf '    "thidua": {"req_per_s": %s, "p50_ms": %s, "p99_ms": %s, "errors": %s},\n' "${RPS[thidua_dashboard]}" \
    "${P50[thidua_dashboard]}" "${P99[thidua_dashboard]}" "${ERR[thidua_dashboard]}"
  printf '    "nginx": {"req_per_s": %s, "p50_ms": %s, "p99_ms": %s, "errors": %s},\n' "${RPS[nginx_dashboard]}" \
    "${P50[nginx_dashboard]}" "${P99[nginx_dashboard]}" "${ERR[nginx_dashboard]}"
  printf '    "ratio_to_nginx": %s, "target_p99_ms": 50, "pass": %s}\n' "$ratio" "$([ "$pass" = PASS ] && echo true || echo false)"
}
write_results dashboard fill
