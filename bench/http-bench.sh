#!/usr/bin/env bash
# Usage: bench/http-bench.sh [--bin PATH] [--duration SECONDS] [--connections N] [--threads N]
# Env (same meaning, options win): THIDUA_BIN (default build/release/src/thidua under the
# repo root), DURATION (10), CONNECTIONS (50), THREADS (2), THIDUA_DEMO_PASSWORD.
#
# Benchmarks the thidua server against nginx in the same run on the same machine, so the
# numbers are comparable even though absolute throughput varies between machines: for
# each thidua page we measure, nginx serves a static file of exactly the same size and
# content type, and we report thidua's req/s as a ratio of nginx's.
#
# Prints a table and the performance targets with PASS/FAIL, and writes the same as JSON
# to bench/results/http-latest.json. Exit status is 0 whenever the benchmark ran (even if
# targets fail: this reports, it does not gate); non-zero only if something could not run.
# If signing in fails, the pages that need no session are still measured and reported,
# the home page is marked "not run", and the exit status is 1.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

THIDUA_BIN=${THIDUA_BIN:-$root/build/release/src/thidua}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
# The demo users get this password so we can log in; the value itself doesn't matter.
export THIDUA_DEMO_PASSWORD=${THIDUA_DEMO_PASSWORD:-bench-Password-1}

die() { echo "http-bench: $*" >&2; exit 1; }
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"

while [ $# -gt 0 ]; do
  case "$1" in
    --bin) THIDUA_BIN=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "http-bench: unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$DURATION$CONNECTIONS$THREADS" in *[!0-9]*) die "DURATION, CONNECTIONS and THREADS must be integers" ;; esac

# Resolve the binary now: a relative path given by the caller means relative to their cwd.
case "$THIDUA_BIN" in /*) ;; *) THIDUA_BIN=$(pwd)/$THIDUA_BIN ;; esac
[ -x "$THIDUA_BIN" ] || die "thidua binary not found or not executable: $THIDUA_BIN (build it first, e.g. make release)"
for tool in wrk nginx curl ss awk; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (scripts/install-deps.sh installs it)"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/thidua-bench.XXXXXX")
thidua_pid="" nginx_pid=""
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- thidua server
db="sqlite:$tmp/bench.db"
echo "== preparing thidua ($THIDUA_BIN)"
"$THIDUA_BIN" migrate --db "$db" >"$tmp/migrate.log" 2>&1 \
  || { cat "$tmp/migrate.log" >&2; die "thidua migrate failed"; }
"$THIDUA_BIN" demo --db "$db" >"$tmp/demo.log" 2>&1 \
  || { cat "$tmp/demo.log" >&2; die "thidua demo failed"; }

port=$(free_port)
base="http://127.0.0.1:$port"
"$THIDUA_BIN" serve --db "$db" --listen "127.0.0.1:$port" >"$tmp/thidua.log" 2>&1 &
thidua_pid=$!

"$root/scripts/wait-for-port.sh" 127.0.0.1 "$port" 30 \
  || server_failed "thidua serve did not open 127.0.0.1:$port"
# The port opens before the app may be fully ready; ping proves it answers requests.
ok=0
for _ in $(seq 1 100); do
  kill -0 "$thidua_pid" 2>/dev/null || server_failed "thidua serve exited"
  if curl -fsS -o /dev/null "$base/api/v1/ping" 2>/dev/null; then ok=1; break; fi
  sleep 0.1
done
[ "$ok" -eq 1 ] || server_failed "GET /api/v1/ping never succeeded"

# ---------------------------------------------------------------- log in as vanphong
jar=$tmp/cookies.txt
# Signs in like a browser: GET the form, POST it back with the CSRF token. Sets $session,
# or prints why not and returns 1 (the caller carries on without the home page).
login() {
  local html csrf_form csrf_cookie status extra_cookie=()
  html=$(curl -fsS -c "$jar" -b "$jar" -D "$tmp/login-get.headers" "$base/login") \
    || { echo "GET /login failed"; return 1; }
  # value="..." of the <input> carrying name="_csrf", whatever the attribute order.
  csrf_form=$(printf '%s' "$html" | tr '\n' ' ' | grep -o '<input[^>]*name="_csrf"[^>]*>' \
    | head -n1 | sed -n 's/.*value="\([^"]*\)".*/\1/p' || true)
  csrf_cookie=$(cookie_value thidua_csrf "$tmp/login-get.headers")
  [ -n "$csrf_cookie" ] || { echo "GET /login did not set the thidua_csrf cookie"; return 1; }
  # If the form carries no token (double-submit of the cookie value), send the cookie's.
  [ -n "$csrf_form" ] || csrf_form=$csrf_cookie
  # A cookie the jar refused must be sent by hand, or the CSRF check cannot pass.
  if ! grep -q "	thidua_csrf	" "$jar" 2>/dev/null; then
    extra_cookie=(-H "Cookie: thidua_csrf=$csrf_cookie")
  fi
  # Origin is what a browser would send; servers checking it must see our own origin.
  status=$(curl -sS -o "$tmp/login-post.body" -D "$tmp/login-post.headers" -w '%{http_code}' \
    -c "$jar" -b "$jar" "${extra_cookie[@]}" -H "Origin: $base" -H "Referer: $base/login" \
    --data-urlencode "login=vanphong" --data-urlencode "password=$THIDUA_DEMO_PASSWORD" \
    --data-urlencode "_csrf=$csrf_form" "$base/login") || { echo "POST /login failed"; return 1; }
  if [ "$status" != 303 ]; then
    echo "POST /login as vanphong answered $status, expected 303; server log tail:"
    tail -n 3 "$tmp/thidua.log" | sed 's/^/    /'
    return 1
  fi
  session=$(cookie_value thidua_session "$tmp/login-post.headers")
  [ -n "$session" ] || { echo "POST /login did not set the thidua_session cookie"; return 1; }
}
session="" login_error=""
login_error=$(login 2>&1 && printf '%s' "$session" >"$tmp/session") || true
if [ -f "$tmp/session" ]; then
  session=$(cat "$tmp/session")
else
  [ -n "$login_error" ] || login_error="sign-in failed"
  echo "http-bench: cannot sign in, the home page will not be measured: $login_error" >&2
fi

# ---------------------------------------------------------------- reference bodies
# Fetch each page as wrk will request it (no cookies except the session for /), so the
# nginx files have the sizes wrk will really transfer. Redirects are not followed: a
# redirected home page would mean the session doesn't work.
www=$tmp/www
mkdir -p "$www"
fetch() { # name path [curl args...] -> www/name, prints content type
  local name=$1 path=$2; shift 2
  local out
  out=$(curl -sS -o "$www/$name" -w '%{http_code} %{content_type}' "$@" "$base$path") \
    || server_failed "GET $path failed"
  [ "${out%% *}" = 200 ] || server_failed "GET $path answered ${out%% *}, expected 200"
  printf '%s' "${out#* }"
}
ct_ping=$(fetch ping /api/v1/ping)
ct_login=$(fetch login /login)
pages=(ping login)
if [ -n "$session" ]; then
  ct_home=$(fetch home / -H "Cookie: thidua_session=$session")
  pages+=(home)
fi
size() { wc -c < "$www/$1" | tr -d ' '; }

# ---------------------------------------------------------------- nginx
nginx_files=(ping "$ct_ping" login "$ct_login")
[ -n "$session" ] && nginx_files+=(home "$ct_home")
start_nginx "${nginx_files[@]}"

# Results, indexed by target key.
declare -A RPS P50 P99 ERR URL BYTES
run_wrk() { # key url [extra wrk args...]
  local key=$1 url=$2; shift 2
  local out=$tmp/wrk-$key.txt
  echo "== wrk $key: $url (${DURATION}s, $CONNECTIONS connections, $THREADS threads)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url" >"$out" 2>&1 \
    || { cat "$out" >&2; die "wrk failed for $url"; }
  RPS[$key]=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  P50[$key]=$(to_ms "$(awk '$1 == "50%" { print $2; exit }' "$out")")
  P99[$key]=$(to_ms "$(awk '$1 == "99%" { print $2; exit }' "$out")")
  # Non-2xx/3xx answers and socket errors make the req/s meaningless (a fast error page
  # is not a fast home page), so they are counted and reported.
  ERR[$key]=$(awk '/Non-2xx or 3xx responses:/ { e += $NF }
                   /Socket errors:/ { for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) e += $i }
                   END { print e + 0 }' "$out")
  URL[$key]=$url
  if [ -z "${RPS[$key]}" ] || [ "${P50[$key]}" = NaN ] || [ "${P99[$key]}" = NaN ]; then
    cat "$out" >&2
    die "could not parse wrk output for $url"
  fi
}

run_wrk thidua_ping "$base/api/v1/ping"
run_wrk nginx_ping "$nbase/ping"
run_wrk thidua_login "$base/login"
run_wrk nginx_login "$nbase/login"
if [ -n "$session" ]; then
  run_wrk thidua_home "$base/" -H "Cookie: thidua_session=$session"
  run_wrk nginx_home "$nbase/home"
fi
for f in "${pages[@]}"; do BYTES[thidua_$f]=$(size "$f") BYTES[nginx_$f]=$(size "$f"); done

kill -0 "$thidua_pid" 2>/dev/null || server_failed "thidua serve died during the benchmark"

# ---------------------------------------------------------------- report
ratio() { awk -v a="${RPS[$1]}" -v b="${RPS[$2]}" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "0" }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

rows=(thidua_ping nginx_ping thidua_login nginx_login thidua_home nginx_home)
declare -A LABEL=(
  [thidua_ping]="thidua GET /api/v1/ping" [nginx_ping]="nginx  static, ping size"
  [thidua_login]="thidua GET /login"      [nginx_login]="nginx  static, login size"
  [thidua_home]="thidua GET / (logged in)" [nginx_home]="nginx  static, home size"
)
declare -A RATIO
for k in "${pages[@]}"; do
  RATIO[thidua_$k]=$(ratio "thidua_$k" "nginx_$k")
  RATIO[nginx_$k]=1.000
done

echo
echo "HTTP benchmark: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on $(nproc) CPUs"
printf '%-26s %8s %12s %9s %9s %8s %8s\n' target bytes req/s "p50 ms" "p99 ms" errors "vs nginx"
for k in "${rows[@]}"; do
  if [ -z "${RPS[$k]:-}" ]; then
    printf '%-26s %8s %12s\n' "${LABEL[$k]}" - "not run"
    continue
  fi
  printf '%-26s %8s %12.0f %9.3f %9.3f %8s %8s\n' "${LABEL[$k]}" "${BYTES[$k]}" "${RPS[$k]}" \
    "${P50[$k]}" "${P99[$k]}" "${ERR[$k]}" "${RATIO[$k]}"
done

# Targets from the performance issue. A run with errors cannot pass: its numbers would
# describe error responses, not the page.
tnames=() tvals=() tlimits=() tpass=()
target() { # name value op limit errors (empty value: not measured)
  local name=$1 val=$2 op=$3 limit=$4 errs=$5 ok
  if [ -z "$val" ]; then ok="NOT RUN" val=null
  elif [ "$errs" -gt 0 ]; then ok=FAIL
  elif [ "$op" = ge ] && ge "$val" "$limit"; then ok=PASS
  elif [ "$op" = lt ] && lt "$val" "$limit"; then ok=PASS
  else ok=FAIL; fi
  tnames+=("$name") tvals+=("$val") tlimits+=("$op $limit") tpass+=("$ok")
}
target "/api/v1/ping req/s >= 50% of nginx" "${RATIO[thidua_ping]:-}" ge 0.5 "${ERR[thidua_ping]:-0}"
target "home page req/s >= 25% of nginx" "${RATIO[thidua_home]:-}" ge 0.25 "${ERR[thidua_home]:-0}"
for k in ping login home; do
  target "p99 < 20 ms: ${LABEL[thidua_$k]#thidua }" "${P99[thidua_$k]:-}" lt 20 "${ERR[thidua_$k]:-0}"
done

echo
echo "Targets:"
for i in "${!tnames[@]}"; do
  printf '  %-7s %-42s measured %s (%s)\n' "${tpass[$i]}" "${tnames[$i]}" "${tvals[$i]}" "${tlimits[$i]}"
done
if [ "$CONNECTIONS" -ne 50 ]; then
  echo "  note: the p99 target is defined at 50 connections; this run used $CONNECTIONS"
fi
if [ -z "$session" ]; then
  echo "  note: the home page was not measured: $login_error"
fi
for k in thidua_ping thidua_login thidua_home; do
  if [ "${ERR[$k]:-0}" -gt 0 ]; then
    echo "  note: ${LABEL[$k]} had ${ERR[$k]} non-2xx/3xx responses or socket errors (see its FAIL)"
  fi
done

# ---------------------------------------------------------------- JSON
# Every value is a number or a fixed label, so plain printf produces valid JSON.
mkdir -p "$here/results"
# Results are machine-specific: keep them out of git (the .gitignore itself is tracked).
[ -f "$here/results/.gitignore" ] || printf '*\n!.gitignore\n' >"$here/results/.gitignore"
json=$here/results/http-latest.json
{
  printf '{\n'
  printf '  "generated_at": "%s",\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf '  "git_commit": "%s",\n' "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  printf '  "cpus": %s,\n' "$(nproc)"
  printf '  "duration_s": %s, "connections": %s, "threads": %s,\n' "$DURATION" "$CONNECTIONS" "$THREADS"
  printf '  "results": [\n'
  n=0
  for k in "${rows[@]}"; do
    n=$((n + 1))
    if [ -z "${RPS[$k]:-}" ]; then
      printf '    {"target": "%s", "server": "%s", "not_run": true}%s\n' "$k" "${k%%_*}" \
        "$([ $n -lt ${#rows[@]} ] && echo ,)"
      continue
    fi
    printf '    {"target": "%s", "server": "%s", "url_path": "%s", "bytes": %s, "req_per_s": %s, "p50_ms": %s, "p99_ms": %s, "errors": %s, "ratio_to_nginx": %s}%s\n' \
      "$k" "${k%%_*}" "/${URL[$k]#http://*/}" "${BYTES[$k]}" "${RPS[$k]}" "${P50[$k]}" "${P99[$k]}" \
      "${ERR[$k]}" "${RATIO[$k]}" "$([ $n -lt ${#rows[@]} ] && echo ,)"
  done
  printf '  ],\n'
  printf '  "targets": [\n'
  for i in "${!tnames[@]}"; do
    printf '    {"name": "%s", "measured": %s, "limit": "%s", "pass": %s}%s\n' \
      "${tnames[$i]}" "${tvals[$i]}" "${tlimits[$i]}" \
      "$(case "${tpass[$i]}" in PASS) echo true ;; FAIL) echo false ;; *) echo null ;; esac)" \
      "$([ "$i" -lt $((${#tnames[@]} - 1)) ] && echo ,)"
  done
  printf '  ]\n'
  printf '}\n'
} >"$json.tmp"
mv "$json.tmp" "$json"
echo
echo "Wrote ${json#"$root"/}"
# Something could not run: say so in the exit status (targets failing is not an error).
if [ -z "$session" ]; then exit 1; fi
