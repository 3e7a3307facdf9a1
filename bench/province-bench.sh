#!/usr/bin/env bash
# Usage: bench/province-bench.sh [--gen PATH] [--province PATH]
# Env (same meaning, options win): THIDUA_GEN (default build/release/bench/gen/thidua-gen),
# THIDUA_PROVINCE_BENCH (default build/release/bench/province/thidua-province-bench), SEED (42),
# ACHIEVEMENTS (1000000), YEAR (2023: the last year of the imported award history).
#
# The province-wide totals of a year (issue 7) on the generated province (thidua-gen: 200
# agencies under the provincial authority, their movements, imported award history,
# initiatives and 1,000,000 achievements), in a temporary SQLite database: the authority's
# totals (movements by level, verified achievements with the money, goods, workdays and land
# they mobilised, initiatives, awards by form, per agency and in all) and the three statutory
# forms summed over the province, through StatisticsService in-process
# (thidua-province-bench), against the raw aggregate SQL behind them in the same program.
# Target (issue 7): <= 2 s.
#
# Prints the figures and the target with PASS/FAIL and writes bench/results/province-latest.json.
# Exit status 0 whenever the benchmark ran (a failed target included); 1 if it could not run.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

die() { echo "province-bench: $*" >&2; exit 1; }
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"

THIDUA_GEN=${THIDUA_GEN:-$root/build/release/bench/gen/thidua-gen}
THIDUA_PROVINCE_BENCH=${THIDUA_PROVINCE_BENCH:-$root/build/release/bench/province/thidua-province-bench}
SEED=${SEED:-42}
ACHIEVEMENTS=${ACHIEVEMENTS:-1000000}
YEAR=${YEAR:-2023}
DURATION=0 CONNECTIONS=0 THREADS=0
while [ $# -gt 0 ]; do
  case "$1" in
    --gen) THIDUA_GEN=$2; shift 2 ;;
    --province) THIDUA_PROVINCE_BENCH=$2; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
case "$SEED$ACHIEVEMENTS$YEAR" in *[!0-9]*) die "SEED, ACHIEVEMENTS and YEAR must be integers" ;; esac
case "$THIDUA_PROVINCE_BENCH" in /*) ;; *) THIDUA_PROVINCE_BENCH=$(pwd)/$THIDUA_PROVINCE_BENCH ;; esac
[ -x "$THIDUA_PROVINCE_BENCH" ] || die "thidua-province-bench not found: $THIDUA_PROVINCE_BENCH (cmake --build build/release --target thidua-province-bench)"

start_run province-bench

db="sqlite:$tmp/province.db"
generate --db "$db" --seed "$SEED" --achievements "$ACHIEVEMENTS"

echo "== thidua-province-bench --db $db --year $YEAR"
"$THIDUA_PROVINCE_BENCH" --db "$db" --year "$YEAR" --repeat 3 --json "$tmp/province.json" | tee "$tmp/province.log" \
  || die "thidua-province-bench failed"
json_num() { sed -n "s/.*\"$1\": \([0-9.e+-]*\).*/\1/p" "$tmp/province.json"; }
service_ms=$(json_num service_ms)
raw_ms=$(json_num raw_sql_ms)
ratio=$(json_num ratio)
agencies=$(json_num agencies)
achievements=$(json_num achievements)
[ -n "$service_ms" ] && [ -n "$raw_ms" ] || die "could not read thidua-province-bench's figures"

echo
echo "Province benchmark: generated province (seed $SEED, $ACHIEVEMENTS achievements), year $YEAR"
printf '  totals and the three forms over %s agencies (%s verified achievements of the year): service %s ms, raw SQL %s ms (x%s)\n' \
  "$agencies" "$achievements" "$service_ms" "$raw_ms" "$ratio"
echo
echo "Targets:"
pass=$(awk -v a="$service_ms" 'BEGIN { print (a <= 2000) ? "PASS" : "FAIL" }')
printf '  %-7s %-44s measured %s ms (le 2000)\n' "$pass" "province-wide totals of a year <= 2 s" "$service_ms"

fill() {
  printf '  "dataset": {"seed": %s, "achievements": %s, "database": "sqlite", "generate_s": %s, "year": %s},\n' \
    "$SEED" "$ACHIEVEMENTS" "$gen_seconds" "$YEAR"
  printf '  "province_totals": %s,\n' "$(cat "$tmp/province.json")"
  printf '  "target_ms": 2000, "pass": %s\n' "$([ "$pass" = PASS ] && echo true || echo false)"
}
write_results province fill
