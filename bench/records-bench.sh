#!/usr/bin/env bash
# Usage: bench/records-bench.sh [--bin PATH] [--gen PATH] [--duration SECONDS] [--connections N] [--threads N]
# Env (same meaning, options win): THIDUA_BIN (default build/release/src/thidua), THIDUA_GEN
# (default build/release/bench/gen/thidua-gen), DURATION (10), CONNECTIONS (50), THREADS (2),
# SEED (42), ACHIEVEMENTS (1000000), YEAR (2024).
#
# The pages of issue 5 on the generated province (thidua-gen: 200 agencies, 30,000 people,
# 2,000 communes with their assessments, 1,000,000 achievements 2021–2025, in a temporary
# SQLite database): the progress page of the unit with the most records and the page of the
# commune with the most support, as the Office account of their agency, which thidua-gen
# prints. Each page is fetched once cold (the first request after start, read from the
# database) and timed with curl, then wrk runs on it; nginx serves a static file of each
# page's size and type in the same run, as the yardstick.
# Targets (issue 5): each page p99 <= 50 ms at 50 connections and >= 15% of nginx's req/s.
#
# Prints a table and the targets with PASS/FAIL and writes bench/results/records-latest.json.
# Exit status 0 whenever the benchmark ran (failed targets included); 1 if it could not run.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

die() { echo "records-bench: $*" >&2; exit 1; }
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"

THIDUA_GEN=${THIDUA_GEN:-$root/build/release/bench/gen/thidua-gen}
SEED=${SEED:-42}
ACHIEVEMENTS=${ACHIEVEMENTS:-1000000}
YEAR=${YEAR:-2024}
PASSWORD=bench-Password-1
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --gen) THIDUA_GEN=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
server_bench_options 17 "${args[@]}"
case "$SEED$ACHIEVEMENTS$YEAR" in *[!0-9]*) die "SEED, ACHIEVEMENTS and YEAR must be integers" ;; esac

start_run records-bench

# ---------------------------------------------------------------- data set
db="sqlite:$tmp/province.db"
generate --db "$db" --seed "$SEED" --achievements "$ACHIEVEMENTS" --password "$PASSWORD"
# "bench unit: id 134 (...), 7009 achievements; movement 25; sign in as bvdk.vanphong"
unit_line=$(grep 'bench unit: id ' "$tmp/gen.log" | head -n1) || die "thidua-gen printed no bench unit"
commune_line=$(grep 'bench commune: id ' "$tmp/gen.log" | head -n1) || die "thidua-gen printed no bench commune"
unit_id=$(sed -n 's/.*bench unit: id \([0-9]*\).*/\1/p' <<<"$unit_line")
unit_records=$(sed -n 's/.*), \([0-9]*\) achievements.*/\1/p' <<<"$unit_line")
movement_id=$(sed -n 's/.*; movement \([0-9]*\);.*/\1/p' <<<"$unit_line")
login=$(sed -n 's/.*sign in as \([^ ]*\).*/\1/p' <<<"$unit_line")
commune_id=$(sed -n 's/.*bench commune: id \([0-9]*\).*/\1/p' <<<"$commune_line")
commune_records=$(sed -n 's/.*), \([0-9]*\) achievements.*/\1/p' <<<"$commune_line")
unit_name=$(sed -n 's/.*bench unit: id [0-9]* (\([^,]*\),.*/\1/p' <<<"$unit_line")
commune_name=$(sed -n 's/.*bench commune: id [0-9]* (\(xã\|phường\|thị trấn\) \([^,]*\),.*/\2/p' <<<"$commune_line")
commune_login=$(sed -n 's/.*sign in as \([^ ]*\).*/\1/p' <<<"$commune_line")
[ -n "$unit_id" ] && [ -n "$movement_id" ] && [ -n "$login" ] && [ -n "$commune_id" ] && [ -n "$unit_name" ] \
  && [ -n "$commune_name" ] \
  || die "could not read the bench unit and commune from thidua-gen's output"
[ "$commune_login" = "$login" ] || die "the bench unit ($login) and commune ($commune_login) need two accounts"

# ---------------------------------------------------------------- thidua server
start_thidua "$THIDUA_BIN" "$db"
jar=$tmp/cookies.txt
sign_in "$login" "$PASSWORD"
auth=(-H "Cookie: thidua_session=$session")

progress_path="/progress/units/$unit_id?movement=$movement_id&year=$YEAR"
commune_path="/communes/$commune_id"
www=$tmp/www
mkdir -p "$www"
declare -A COLD BYTES CTYPE
# The first request reads the database (the page cache is empty); the page must be the real
# one: 200, HTML, and showing the figures it is meant to show.
fetch_cold() { # key path must-contain
  local out
  out=$(curl -sS -o "$www/$1" -w '%{http_code} %{time_total} %{content_type}' "${auth[@]}" "$base$2") \
    || server_failed "GET $2 failed"
  read -r code secs ctype <<<"$out"
  [ "$code" = 200 ] || server_failed "GET $2 answered $code"
  grep -q "$3" "$www/$1" || server_failed "GET $2 does not show \"$3\""
  COLD[$1]=$(awk -v s="$secs" 'BEGIN { printf "%.1f", s * 1000 }')
  BYTES[$1]=$(wc -c <"$www/$1" | tr -d ' ')
  CTYPE[$1]=$ctype
  echo "== GET $2: ${BYTES[$1]} bytes, first request ${COLD[$1]} ms"
}
fetch_cold progress "$progress_path" "$unit_name"
fetch_cold commune "$commune_path" "$commune_name"
start_nginx progress "${CTYPE[progress]}" commune "${CTYPE[commune]}"

declare -A RPS P50 P99 ERR
run_wrk thidua_progress "$base$progress_path" "${auth[@]}"
run_wrk nginx_progress "$nbase/progress"
run_wrk thidua_commune "$base$commune_path" "${auth[@]}"
run_wrk nginx_commune "$nbase/commune"
kill -0 "$thidua_pid" 2>/dev/null || server_failed "thidua serve died during the benchmark"

# ---------------------------------------------------------------- report
ratio() { awk -v a="${RPS[thidua_$1]}" -v b="${RPS[nginx_$1]}" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print 0 }'; }
declare -A WHAT=(
  [thidua_progress]="unit progress ($unit_records records), GET $progress_path"
  [nginx_progress]="nginx static, progress page size (${BYTES[progress]} B)"
  [thidua_commune]="commune page ($commune_records records), GET $commune_path"
  [nginx_commune]="nginx static, commune page size (${BYTES[commune]} B)"
)
rows=(thidua_progress nginx_progress thidua_commune nginx_commune)
echo
echo "Records benchmark: generated province (seed $SEED, $ACHIEVEMENTS achievements), as $login;" \
     "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on $(nproc) CPUs"
printf '%-72s %9s %8s %8s %6s %8s\n' page req/s "p50 ms" "p99 ms" errors "vs nginx"
for k in "${rows[@]}"; do
  r=1.000
  case "$k" in thidua_*) r=$(ratio "${k#thidua_}") ;; esac
  printf '%-72s %9.0f %8.2f %8.2f %6s %8s\n' "${WHAT[$k]}" "${RPS[$k]}" "${P50[$k]}" "${P99[$k]}" "${ERR[$k]}" "$r"
done
echo "first request (page cache empty): progress ${COLD[progress]} ms, commune ${COLD[commune]} ms"

tnames=() tvals=() tlimits=() tpass=()
target() { # name value op limit errors
  local ok
  if [ "$5" -gt 0 ]; then ok=FAIL
  elif awk -v a="$2" -v b="$4" -v op="$3" 'BEGIN { exit !(op == "le" ? a <= b : a >= b) }'; then ok=PASS
  else ok=FAIL; fi
  tnames+=("$1") tvals+=("$2") tlimits+=("$3 $4") tpass+=("$ok")
}
target "unit progress page p99 <= 50 ms" "${P99[thidua_progress]}" le 50 "${ERR[thidua_progress]}"
target "unit progress page >= 15% of nginx" "$(ratio progress)" ge 0.15 "${ERR[thidua_progress]}"
target "commune page p99 <= 50 ms" "${P99[thidua_commune]}" le 50 "${ERR[thidua_commune]}"
target "commune page >= 15% of nginx" "$(ratio commune)" ge 0.15 "${ERR[thidua_commune]}"
echo
echo "Targets:"
for i in "${!tnames[@]}"; do
  printf '  %-7s %-38s measured %s (%s)\n' "${tpass[$i]}" "${tnames[$i]}" "${tvals[$i]}" "${tlimits[$i]}"
done
[ "$CONNECTIONS" -eq 50 ] || echo "  note: the targets are defined at 50 connections; this run used $CONNECTIONS"

fill() {
  printf '  "dataset": {"seed": %s, "achievements": %s, "database": "sqlite", "generate_s": %s,\n' \
    "$SEED" "$ACHIEVEMENTS" "$gen_seconds"
  printf '    "unit_id": %s, "unit_records": %s, "movement_id": %s, "year": %s, "commune_id": %s, "commune_records": %s},\n' \
    "$unit_id" "${unit_records:-null}" "$movement_id" "$YEAR" "$commune_id" "${commune_records:-null}"
  printf '  "first_request_ms": {"progress": %s, "commune": %s},\n' "${COLD[progress]}" "${COLD[commune]}"
  printf '  "results": [\n'
  local n=0 k r
  for k in "${rows[@]}"; do
    n=$((n + 1))
    r=1.000
    case "$k" in thidua_*) r=$(ratio "${k#thidua_}") ;; esac
    printf '    {"target": "%s", "bytes": %s, "req_per_s": %s, "p50_ms": %s, "p99_ms": %s, "errors": %s, "ratio_to_nginx": %s}%s\n' \
      "$k" "${BYTES[${k#*_}]}" "${RPS[$k]}" "${P50[$k]}" "${P99[$k]}" "${ERR[$k]}" "$r" "$([ $n -lt ${#rows[@]} ] && echo ,)"
  done
  printf '  ],\n  "targets": [\n'
  local i
  for i in "${!tnames[@]}"; do
    printf '    {"name": "%s", "measured": %s, "limit": "%s", "pass": %s}%s\n' "${tnames[$i]}" "${tvals[$i]}" \
      "${tlimits[$i]}" "$([ "${tpass[$i]}" = PASS ] && echo true || echo false)" \
      "$([ "$i" -lt $((${#tnames[@]} - 1)) ] && echo ,)"
  done
  printf '  ]\n'
}
write_results records fill
