#!/usr/bin/env bash
# Usage: bench/eligibility-bench.sh [--gen PATH] [--elig PATH]
# Env (same meaning, options win): THIDUA_GEN (default build/release/bench/gen/thidua-gen),
# THIDUA_ELIG_BENCH (default build/release/bench/eligibility/thidua-eligibility-bench), SEED (42),
# ACHIEVEMENTS (1000000).
#
# Eligibility for commendation (issue 6) on the generated province (thidua-gen: 200 agencies,
# 30,000 people with their 2023 and 2024 ratings, sanctions, pending cases, maternity leave,
# imported award history, initiatives and 1,000,000 achievements), in a temporary SQLite
# database: every person, unit and household of every agency for 2024, through
# EligibilityService in-process (thidua-eligibility-bench), against the raw SQL reading the
# same facts in the same program. Target (issue 6): <= 1 s.
#
# Prints the figures and the target with PASS/FAIL and writes bench/results/eligibility-latest.json.
# Exit status 0 whenever the benchmark ran (a failed target included); 1 if it could not run.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

die() { echo "eligibility-bench: $*" >&2; exit 1; }
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"

THIDUA_GEN=${THIDUA_GEN:-$root/build/release/bench/gen/thidua-gen}
THIDUA_ELIG_BENCH=${THIDUA_ELIG_BENCH:-$root/build/release/bench/eligibility/thidua-eligibility-bench}
SEED=${SEED:-42}
ACHIEVEMENTS=${ACHIEVEMENTS:-1000000}
YEAR=2024
DURATION=0 CONNECTIONS=0 THREADS=0
while [ $# -gt 0 ]; do
  case "$1" in
    --gen) THIDUA_GEN=$2; shift 2 ;;
    --elig) THIDUA_ELIG_BENCH=$2; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
case "$SEED$ACHIEVEMENTS" in *[!0-9]*) die "SEED and ACHIEVEMENTS must be integers" ;; esac
case "$THIDUA_ELIG_BENCH" in /*) ;; *) THIDUA_ELIG_BENCH=$(pwd)/$THIDUA_ELIG_BENCH ;; esac
[ -x "$THIDUA_ELIG_BENCH" ] || die "thidua-eligibility-bench not found: $THIDUA_ELIG_BENCH (cmake --build build/release --target thidua-eligibility-bench)"

start_run eligibility-bench

db="sqlite:$tmp/province.db"
generate --db "$db" --seed "$SEED" --achievements "$ACHIEVEMENTS"

echo "== thidua-eligibility-bench --db $db --year $YEAR"
"$THIDUA_ELIG_BENCH" --db "$db" --year "$YEAR" --repeat 3 --json "$tmp/elig.json" | tee "$tmp/elig.log" \
  || die "thidua-eligibility-bench failed"
json_num() { sed -n "s/.*\"$1\": \([0-9.e+-]*\).*/\1/p" "$tmp/elig.json"; }
service_ms=$(json_num service_ms)
raw_ms=$(json_num raw_sql_ms)
ratio=$(json_num ratio)
people=$(json_num people)
units=$(json_num units)
agencies=$(json_num agencies)
[ -n "$service_ms" ] && [ -n "$raw_ms" ] || die "could not read thidua-eligibility-bench's figures"

echo
echo "Eligibility benchmark: generated province (seed $SEED, $ACHIEVEMENTS achievements), year $YEAR"
printf '  every person and unit of %s agencies (%s people, %s units): service %s ms, raw SQL %s ms (x%s)\n' \
  "$agencies" "$people" "$units" "$service_ms" "$raw_ms" "$ratio"
echo
echo "Targets:"
pass=$(awk -v a="$service_ms" 'BEGIN { print (a <= 1000) ? "PASS" : "FAIL" }')
printf '  %-7s %-44s measured %s ms (le 1000)\n' "$pass" "eligibility of every person and unit <= 1 s" "$service_ms"

fill() {
  printf '  "dataset": {"seed": %s, "achievements": %s, "database": "sqlite", "generate_s": %s, "year": %s},\n' \
    "$SEED" "$ACHIEVEMENTS" "$gen_seconds" "$YEAR"
  printf '  "all_subjects": %s,\n' "$(cat "$tmp/elig.json")"
  printf '  "target_ms": 1000, "pass": %s\n' "$([ "$pass" = PASS ] && echo true || echo false)"
}
write_results eligibility fill
