#!/usr/bin/env bash
# Usage: bench/upload-bench.sh [--bin PATH] [--uploads N] [--mb SIZE]
# Env (same meaning, options win): THIDUA_BIN (default build/release/src/thidua), UPLOADS (5),
# MB (10), THIDUA_DEMO_PASSWORD.
#
# Uploads stream to disk: on the demo data, the Office user vanphong signs in through the
# login form and curl sends N different files of SIZE MB, one after another, to a route
# marked stream_upload (a unit's sub-plan of movement 1, multipart/form-data, the same form a
# browser posts). After each, the server's peak resident memory (VmHWM in /proc/PID/status)
# is read and compared with its peak at idle (after a few pages were served, the peak of the
# sign-in's password hashing reset through /proc/PID/clear_refs). The last file is
# downloaded again and compared byte for byte.
# For contrast, the same server then receives the same file at a route that reads its body
# into memory (the people import, which refuses a PDF only after reading it all).
# Target (issue 5): the peak grows by far less than SIZE MB per upload: here, by less than a
# quarter of SIZE over all N uploads together.
#
# Prints a table and the target with PASS/FAIL and writes bench/results/upload-latest.json.
# Exit status 0 whenever the benchmark ran (a failed target included); 1 if something could
# not run.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

die() { echo "upload-bench: $*" >&2; exit 1; }
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"

THIDUA_BIN=${THIDUA_BIN:-$root/build/release/src/thidua}
UPLOADS=${UPLOADS:-5}
MB=${MB:-10}
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) THIDUA_BIN=$2; shift 2 ;;
    --uploads) UPLOADS=$2; shift 2 ;;
    --mb) MB=$2; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "upload-bench: unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$UPLOADS$MB" in *[!0-9]*) die "UPLOADS and MB must be integers" ;; esac
[ "$MB" -le 20 ] || die "MB must be at most 20 (the route's limit is 21 MiB)"
case "$THIDUA_BIN" in /*) ;; *) THIDUA_BIN=$(pwd)/$THIDUA_BIN ;; esac
[ -x "$THIDUA_BIN" ] || die "thidua binary not found or not executable: $THIDUA_BIN (build it first, e.g. make build)"
for tool in curl ss awk sha256sum; do command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed"; done
# write_results prints wrk's settings; there is no wrk here.
DURATION=0 CONNECTIONS=1 THREADS=1

start_run upload-bench
demo_database "$THIDUA_BIN"
export THIDUA_DATA_DIR=$tmp/data  # the store and its upload folder, inside the run's folder
start_thidua "$THIDUA_BIN" "$db"
jar=$tmp/cookies.txt
sign_in vanphong "$THIDUA_DEMO_PASSWORD"
auth=(-H "Cookie: thidua_session=$session")

# kB of a field of /proc/PID/status (VmRSS: now; VmHWM: the peak so far).
mem() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$thidua_pid/status"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# ---------------------------------------------------------------- idle, after some pages
page=$tmp/movement.html
for _ in 1 2 3 4 5; do
  curl -fsS -o "$page" "${auth[@]}" "$base/movements/1" || server_failed "GET /movements/1 failed"
  curl -fsS -o /dev/null "${auth[@]}" "$base/people" || server_failed "GET /people failed"
done
csrf=$(tr '\n' ' ' <"$page" | grep -o '<meta name="csrf-token" content="[^"]*"' | sed 's/.*content="\([^"]*\)"/\1/')
unit=$(tr '\n' ' ' <"$page" | grep -o 'name="unit_id"><option value="[0-9]*"' | head -n1 | sed 's/.*value="\([0-9]*\)"/\1/')
[ -n "$csrf" ] || server_failed "no CSRF token on /movements/1"
[ -n "$unit" ] || server_failed "no unit-plan form on /movements/1 for vanphong"
# Signing in hashed a password (argon2id takes 64 MiB): that peak is not the uploads'. Reset
# the high-water mark to the current RSS (Linux: 5 > /proc/PID/clear_refs).
login_hwm=$(mem VmHWM)
echo 5 >"/proc/$thidua_pid/clear_refs" 2>/dev/null || die "cannot reset the peak RSS of $thidua_pid (/proc/$thidua_pid/clear_refs)"
idle_rss=$(mem VmRSS) idle_hwm=$(mem VmHWM)
echo "== idle: VmRSS $(mib "$idle_rss") MiB, VmHWM $(mib "$idle_hwm") MiB (reset from $(mib "$login_hwm") MiB after sign-in)"

# ---------------------------------------------------------------- streamed uploads
upload() { # file title -> "status seconds"
  curl -sS -o "$tmp/upload.body" -w '%{http_code} %{time_total}' "${auth[@]}" \
    -F "_csrf=$csrf" -F "unit_id=$unit" -F kind=subplan -F "title=$2" \
    -F "file=@$1;type=application/pdf;filename=bien-ban.pdf" "$base/movements/1/unit-plans"
}
declare -a HWM RSS SECS
for i in $(seq 1 "$UPLOADS"); do
  f=$tmp/file-$i.pdf
  { printf '%%PDF-1.7\n%% upload %s\n' "$i"; head -c $((MB * 1024 * 1024 - 32)) /dev/urandom; } >"$f"
  out=$(upload "$f" "Tải lên thử $i") || server_failed "upload $i failed"
  [ "${out%% *}" = 303 ] || { cat "$tmp/upload.body" >&2; server_failed "upload $i answered ${out%% *}, expected 303"; }
  SECS[i]=${out#* } HWM[i]=$(mem VmHWM) RSS[i]=$(mem VmRSS)
  [ "$i" = "$UPLOADS" ] || rm "$f"
  echo "== upload $i: $(awk -v s="${SECS[i]}" -v m="$MB" 'BEGIN { printf "%.3f s (%.0f MB/s)", s, m / s }'), VmHWM $(mib "${HWM[i]}") MiB"
done

# The last file, back byte for byte.
last=$tmp/file-$UPLOADS.pdf
plan=$(curl -fsS -H "Cookie: thidua_session=$session" "$base/movements/1" | tr '\n' ' ' \
  | grep -o '/movements/1/unit-plans/[0-9]*/file' | sed 's/.*unit-plans\/\([0-9]*\)\/file/\1/' | sort -n | tail -n1)
curl -fsS -o "$tmp/back.pdf" "${auth[@]}" "$base/movements/1/unit-plans/$plan/file" || server_failed "download failed"
same=false
[ "$(sha256sum <"$last")" = "$(sha256sum <"$tmp/back.pdf")" ] && same=true
leftover=$(find "$tmp/data/tmp" -type f | wc -l | tr -d ' ')
stream_hwm=${HWM[$UPLOADS]}

# ---------------------------------------------------------------- contrast: a body held in memory
out=$(curl -sS -o /dev/null -w '%{http_code} %{time_total}' "${auth[@]}" -F "_csrf=$csrf" \
  -F "file=@$last;type=application/pdf;filename=bien-ban.pdf" "$base/people/import") || server_failed "import upload failed"
buffered_status=${out%% *} buffered_hwm=$(mem VmHWM)
kill -0 "$thidua_pid" 2>/dev/null || server_failed "thidua serve died during the benchmark"

# ---------------------------------------------------------------- report
growth=$((stream_hwm - idle_hwm))
per_upload=$(awk -v g="$growth" -v n="$UPLOADS" 'BEGIN { printf "%.1f", g / n / 1024 }')
buffered_growth=$((buffered_hwm - stream_hwm))
limit_kb=$((MB * 1024 / 4))
verdict=FAIL
if [ "$same" = true ] && [ "$leftover" = 0 ] && [ "$growth" -lt "$limit_kb" ]; then verdict=PASS; fi
echo
echo "Upload benchmark: $UPLOADS uploads of $MB MB each to POST /movements/1/unit-plans (stream_upload), signed in as vanphong"
printf '%-44s %10s %10s\n' state "VmRSS MiB" "VmHWM MiB"
printf '%-44s %10s %10s\n' "after sign-in (argon2id: 64 MiB)" "-" "$(mib "$login_hwm")"
printf '%-44s %10s %10s\n' "idle, peak reset (after 10 pages)" "$(mib "$idle_rss")" "$(mib "$idle_hwm")"
for i in $(seq 1 "$UPLOADS"); do
  printf '%-44s %10s %10s\n' "after streamed upload $i ($(awk -v s="${SECS[i]}" 'BEGIN { printf "%.2f s", s }'))" \
    "$(mib "${RSS[i]}")" "$(mib "${HWM[i]}")"
done
printf '%-44s %10s %10s\n' "after one $MB MB body read into memory ($buffered_status)" "-" "$(mib "$buffered_hwm")"
echo
echo "Peak growth over idle after $UPLOADS streamed uploads: $(mib "$growth") MiB ($per_upload MiB per upload);"
echo "one $MB MB upload to a route that reads the body into memory: +$(mib "$buffered_growth") MiB."
echo "Last file served back byte for byte: $same; temporary files left: $leftover."
echo
echo "Targets:"
printf '  %-7s %-58s measured %s MiB (lt %s)\n' "$verdict" "peak RSS grows by < 1/4 of one file over all uploads" \
  "$(mib "$growth")" "$(mib "$limit_kb")"

json_members() {
  local i sep=,
  printf '  "user": "vanphong", "route": "POST /movements/1/unit-plans", "uploads": %s, "mb_each": %s,\n' "$UPLOADS" "$MB"
  printf '  "login_hwm_kb": %s, "idle_rss_kb": %s, "idle_hwm_kb": %s,\n' "$login_hwm" "$idle_rss" "$idle_hwm"
  printf '  "results": [\n'
  for i in $(seq 1 "$UPLOADS"); do
    [ "$i" = "$UPLOADS" ] && sep=
    printf '    {"upload": %s, "seconds": %s, "rss_kb": %s, "hwm_kb": %s}%s\n' "$i" "${SECS[i]}" "${RSS[i]}" "${HWM[i]}" "$sep"
  done
  printf '  ],\n'
  printf '  "hwm_growth_kb": %s, "served_back_identical": %s, "temporary_files_left": %s,\n' "$growth" "$same" "$leftover"
  printf '  "buffered_route": {"route": "POST /people/import", "status": %s, "hwm_kb": %s, "hwm_growth_kb": %s},\n' \
    "$buffered_status" "$buffered_hwm" "$buffered_growth"
  printf '  "targets": [\n'
  printf '    {"name": "peak RSS grows by < 1/4 of one file over all uploads", "measured_kb": %s, "limit_kb": %s, "pass": %s}\n' \
    "$growth" "$limit_kb" "$([ "$verdict" = PASS ] && echo true || echo false)"
  printf '  ]\n'
}
write_results upload json_members
