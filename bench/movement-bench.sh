#!/usr/bin/env bash
# Usage: bench/movement-bench.sh [--bin PATH] [--duration SECONDS] [--connections N] [--threads N]
# Env (same meaning, options win): THIDUA_BIN (default build/release/src/thidua), DURATION (10),
# CONNECTIONS (50), THREADS (2), THIDUA_DEMO_PASSWORD.
#
# The movement page on the demo data: `thidua demo` loads Ban Dân tộc and its seed plan
# (movement 1, launched and reviewed at mid-term) into a temporary SQLite database, the Office
# user vanphong signs in through the login form, and wrk runs
#   GET /movements/1           the movement's page (plan, tasks, units' plans), against nginx
#                              serving a static file of the same size and content type;
#   GET /movements/1/plan.pdf  the plan rendered as PDF on every request (for information).
# Target (issue 4): the movement page's req/s >= 20% of nginx's in the same run.
#
# Prints a table and the target with PASS/FAIL and writes bench/results/movement-latest.json.
# Exit status 0 whenever the benchmark ran (a failed target included: this reports, it does
# not gate); 1 if something could not run (no demo, no sign-in, a page not answering 200).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

MOVEMENT=1

die() { echo "movement-bench: $*" >&2; exit 1; }
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"

server_bench_options 16 "$@"
start_run movement-bench

# ---------------------------------------------------------------- demo data, server, session
demo_database "$THIDUA_BIN"
start_thidua "$THIDUA_BIN" "$db"
jar=$tmp/cookies.txt
sign_in vanphong "$THIDUA_DEMO_PASSWORD"
auth=(-H "Cookie: thidua_session=$session")

# ---------------------------------------------------------------- the pages as wrk gets them
# Fetched with the session cookie only, as wrk sends it: the nginx file has the size wrk will
# really transfer. Not following redirects: one would mean the session does not work.
www=$tmp/www
mkdir -p "$www"
fetch() { # name path -> www/name; prints the content type
  local out
  out=$(curl -sS -o "$www/$1" -w '%{http_code} %{content_type}' "${auth[@]}" "$base$2") || server_failed "GET $2 failed"
  [ "${out%% *}" = 200 ] || server_failed "GET $2 answered ${out%% *}, expected 200"
  printf '%s' "${out#* }"
}
page_path=/movements/$MOVEMENT pdf_path=/movements/$MOVEMENT/plan.pdf
ct_page=$(fetch movement "$page_path")
ct_pdf=$(fetch plan.pdf "$pdf_path")
# The seed plan's page, and a real PDF of it: otherwise the numbers would describe something else.
grep -q 'chung sức xây dựng nông thôn mới' "$www/movement" || die "GET $page_path is not the seed plan's page"
[ "$(head -c 5 "$www/plan.pdf")" = "%PDF-" ] || die "GET $pdf_path is not a PDF ($ct_pdf)"
declare -A BYTES=([movement]=$(wc -c <"$www/movement" | tr -d ' ') [pdf]=$(wc -c <"$www/plan.pdf" | tr -d ' '))
echo "== GET $page_path: ${BYTES[movement]} bytes ($ct_page); GET $pdf_path: ${BYTES[pdf]} bytes ($ct_pdf)"
rm "$www/plan.pdf"
start_nginx movement "$ct_page"

# ---------------------------------------------------------------- wrk
declare -A RPS P50 P99 ERR
run_wrk thidua_movement "$base$page_path" "${auth[@]}"
run_wrk nginx_movement "$nbase/movement"
# Each PDF is rendered on request: allow 10 s before wrk counts a request as timed out, so the
# latency of a queue of 50 renderings is measured rather than cut off at wrk's 2 s.
run_wrk thidua_plan_pdf "$base$pdf_path" --timeout 10s "${auth[@]}"
kill -0 "$thidua_pid" 2>/dev/null || server_failed "thidua serve died during the benchmark"

# ---------------------------------------------------------------- report
ratio=$(awk -v a="${RPS[thidua_movement]}" -v b="${RPS[nginx_movement]}" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
# Errors make the rate describe error pages: such a run cannot pass.
verdict=FAIL
if [ "${ERR[thidua_movement]}" -eq 0 ] && awk -v r="$ratio" 'BEGIN { exit !(r >= 0.2) }'; then verdict=PASS; fi
rows=(thidua_movement nginx_movement thidua_plan_pdf)
declare -A LABEL=([thidua_movement]="thidua GET $page_path" [nginx_movement]="nginx  static, same size"
                  [thidua_plan_pdf]="thidua GET $pdf_path")
declare -A SIZE=([thidua_movement]=${BYTES[movement]} [nginx_movement]=${BYTES[movement]}
                 [thidua_plan_pdf]=${BYTES[pdf]})
declare -A RATIO=([thidua_movement]=$ratio [nginx_movement]=1.000 [thidua_plan_pdf]=null)

echo
echo "Movement page benchmark: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on $(nproc) CPUs, signed in as vanphong"
printf '%-32s %8s %10s %9s %9s %7s %9s\n' target bytes req/s "p50 ms" "p99 ms" errors "vs nginx"
for k in "${rows[@]}"; do
  printf '%-32s %8s %10.0f %9.3f %9.3f %7s %9s\n' "${LABEL[$k]}" "${SIZE[$k]}" "${RPS[$k]}" "${P50[$k]}" \
    "${P99[$k]}" "${ERR[$k]}" "${RATIO[$k]/null/-}"
done
echo
echo "Targets:"
printf '  %-7s %-42s measured %s (ge 0.2)\n' "$verdict" "movement page req/s >= 20% of nginx" "$ratio"
echo "  info    $pdf_path: no target (the PDF is rendered on every request)"
for k in "${rows[@]}"; do
  [ "${ERR[$k]}" -eq 0 ] || echo "  note: ${LABEL[$k]} had ${ERR[$k]} non-2xx/3xx responses or socket errors"
done

# ---------------------------------------------------------------- JSON
# Every value is a number or a fixed label, so plain printf produces valid JSON.
json_members() {
  local k sep=,
  printf '  "user": "vanphong", "movement_id": %s,\n' "$MOVEMENT"
  printf '  "results": [\n'
  for k in "${rows[@]}"; do
    [ "$k" = "${rows[-1]}" ] && sep=
    printf '    {"target": "%s", "bytes": %s, "req_per_s": %s, "p50_ms": %s, "p99_ms": %s, "errors": %s, "ratio_to_nginx": %s}%s\n' \
      "$k" "${SIZE[$k]}" "${RPS[$k]}" "${P50[$k]}" "${P99[$k]}" "${ERR[$k]}" "${RATIO[$k]}" "$sep"
  done
  printf '  ],\n'
  printf '  "targets": [\n'
  printf '    {"name": "movement page req/s >= 20%% of nginx", "measured": %s, "limit": "ge 0.2", "pass": %s}\n' \
    "$ratio" "$([ "$verdict" = PASS ] && echo true || echo false)"
  printf '  ]\n'
}
write_results movement json_members
