#!/usr/bin/env bash
# Usage: bench/people-bench.sh [--bin PATH] [--gen PATH] [--duration SECONDS] [--connections N] [--threads N]
# Env (same meaning, options win): THIDUA_BIN (default build/release/src/thidua), THIDUA_GEN
# (default build/release/bench/gen/thidua-gen), DURATION (10), CONNECTIONS (50), THREADS (2),
# AGENCIES (200), PEOPLE (30000), SEED (42), AGENCY (SNV: the office user's agency),
# SPLIT (0; 1 also measures the JSON and the HTML search on their own).
#
# People search and the people list on a province-scale data set: thidua-gen loads 200
# agencies / 30,000 people into a temporary SQLite database, an office account of one
# agency signs in, and wrk runs
#   search: GET /api/v1/people?q=TERM and GET /people?q=TERM, alternating, over ~50 terms
#           (folded and accented, upper and lower case, one that matches nobody);
#   list:   GET /people (the first page of the list);
# and nginx serves a static file of the list page's size and type as the yardstick.
# Targets: search p99 <= 20 ms at 50 connections; the list page >= 20% of nginx's req/s.
#
# Prints a table and the targets with PASS/FAIL and writes bench/results/people-latest.json.
# Exit status 0 whenever the benchmark ran (failed targets included: this reports, it does
# not gate). If some of the three routes do not answer 200 (not built yet), what exists is
# measured, the rest is reported, and the exit status is 3; with no search route at all the
# search script's mechanics run against /api/v1/ping and the search target is NOT RUN.
# Anything that could not run at all: exit status 1.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

THIDUA_BIN=${THIDUA_BIN:-$root/build/release/src/thidua}
THIDUA_GEN=${THIDUA_GEN:-$root/build/release/bench/gen/thidua-gen}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
AGENCIES=${AGENCIES:-200}
PEOPLE=${PEOPLE:-30000}
SEED=${SEED:-42}
AGENCY=${AGENCY:-SNV}
SPLIT=${SPLIT:-0}
OFFICE_LOGIN=bench.office
# Any password the server's rules accept; it only lives as long as the temporary database.
OFFICE_PASSWORD=bench-Office-Password-1

die() { echo "people-bench: $*" >&2; exit 1; }
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"

while [ $# -gt 0 ]; do
  case "$1" in
    --bin) THIDUA_BIN=$2; shift 2 ;;
    --gen) THIDUA_GEN=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "people-bench: unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$DURATION$CONNECTIONS$THREADS$AGENCIES$PEOPLE$SEED" in
  *[!0-9]*) die "DURATION, CONNECTIONS, THREADS, AGENCIES, PEOPLE and SEED must be integers" ;;
esac

# A relative path given by the caller means relative to their cwd.
case "$THIDUA_BIN" in /*) ;; *) THIDUA_BIN=$(pwd)/$THIDUA_BIN ;; esac
case "$THIDUA_GEN" in /*) ;; *) THIDUA_GEN=$(pwd)/$THIDUA_GEN ;; esac
[ -x "$THIDUA_BIN" ] || die "thidua binary not found or not executable: $THIDUA_BIN (build it first, e.g. make build)"
[ -x "$THIDUA_GEN" ] || die "thidua-gen not found or not executable: $THIDUA_GEN (cmake --build build/release --target thidua-gen)"
for tool in wrk nginx curl ss awk; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (scripts/install-deps.sh installs it)"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/thidua-people-bench.XXXXXX")
thidua_pid="" nginx_pid=""
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- data set
db="sqlite:$tmp/people.db"
generate --db "$db" --agencies "$AGENCIES" --people "$PEOPLE" --seed "$SEED"

echo "== office account $OFFICE_LOGIN for agency $AGENCY"
printf '%s\n' "$OFFICE_PASSWORD" | "$THIDUA_BIN" user add --db "$db" --login "$OFFICE_LOGIN" \
  --name "Văn Thư Bench" --role office --agency "$AGENCY" --password-stdin >"$tmp/user.log" 2>&1 \
  || { cat "$tmp/user.log" >&2; die "thidua user add failed"; }

# ---------------------------------------------------------------- thidua server
port=$(free_port)
base="http://127.0.0.1:$port"
"$THIDUA_BIN" serve --db "$db" --listen "127.0.0.1:$port" >"$tmp/thidua.log" 2>&1 &
thidua_pid=$!
"$root/scripts/wait-for-port.sh" 127.0.0.1 "$port" 30 || server_failed "thidua serve did not open 127.0.0.1:$port"
ok=0
for _ in $(seq 1 100); do
  kill -0 "$thidua_pid" 2>/dev/null || server_failed "thidua serve exited"
  if curl -fsS -o /dev/null "$base/api/v1/ping" 2>/dev/null; then ok=1; break; fi
  sleep 0.1
done
[ "$ok" -eq 1 ] || server_failed "GET /api/v1/ping never succeeded"

# ---------------------------------------------------------------- sign in (as bench/http-bench.sh)
jar=$tmp/cookies.txt
html=$(curl -fsS -c "$jar" -b "$jar" -D "$tmp/login-get.headers" "$base/login") || server_failed "GET /login failed"
csrf_form=$(printf '%s' "$html" | tr '\n' ' ' | grep -o '<input[^>]*name="_csrf"[^>]*>' \
  | head -n1 | sed -n 's/.*value="\([^"]*\)".*/\1/p' || true)
csrf_cookie=$(cookie_value thidua_csrf "$tmp/login-get.headers")
[ -n "$csrf_cookie" ] || server_failed "GET /login did not set the thidua_csrf cookie"
[ -n "$csrf_form" ] || csrf_form=$csrf_cookie
extra_cookie=()
grep -q "	thidua_csrf	" "$jar" 2>/dev/null || extra_cookie=(-H "Cookie: thidua_csrf=$csrf_cookie")
status=$(curl -sS -o "$tmp/login-post.body" -D "$tmp/login-post.headers" -w '%{http_code}' \
  -c "$jar" -b "$jar" "${extra_cookie[@]}" -H "Origin: $base" -H "Referer: $base/login" \
  --data-urlencode "login=$OFFICE_LOGIN" --data-urlencode "password=$OFFICE_PASSWORD" \
  --data-urlencode "_csrf=$csrf_form" "$base/login") || server_failed "POST /login failed"
[ "$status" = 303 ] || server_failed "POST /login as $OFFICE_LOGIN answered $status, expected 303"
session=$(cookie_value thidua_session "$tmp/login-post.headers")
[ -n "$session" ] || server_failed "POST /login did not set the thidua_session cookie"
auth=(-H "Cookie: thidua_session=$session")

# ---------------------------------------------------------------- do the routes exist?
code_of() { curl -sS -o "$tmp/probe.body" -w '%{http_code}' "${auth[@]}" "$base$1"; }
api_code=$(code_of "/api/v1/people?q=nguyen%20van")
cp "$tmp/probe.body" "$tmp/api-probe.json"
html_code=$(code_of "/people?q=nguyen%20van")
list_code=$(code_of "/people")
echo "== routes: GET /api/v1/people?q= → $api_code, GET /people?q= → $html_code, GET /people → $list_code"
# Measure what is there; a missing route is reported and leaves its target NOT RUN.
routes_ok=1 search_ok=1 list_ok=1
[ "$api_code" = 200 ] && [ "$html_code" = 200 ] && [ "$list_code" = 200 ] || routes_ok=0
[ "$list_code" = 200 ] || list_ok=0
api_prefix="/api/v1/people?q=" html_prefix="/people?q="
search_what="search: /api/v1/people?q= and /people?q=, 51 terms"
if [ "$api_code" = 200 ]; then
  # The office user sees its own agency's people: "nguyen van" must find some of them.
  total_of() { grep -o '"total" *: *[0-9]*' "$1" | grep -o '[0-9]*$' || true; }
  total=$(total_of "$tmp/api-probe.json")
  [ "${total:-0}" -gt 0 ] 2>/dev/null || echo "people-bench: warning: the search found nobody; check the data set or the scope" >&2
  # Folded and accented spellings must find the same people.
  line="   hits:"
  for q in "nguyen%20van" "Nguy%E1%BB%85n%20V%C4%83n" "HA%20VAN" "h%C3%A0%20v%C4%83n" "thi" "zzz"; do
    code_of "/api/v1/people?q=$q" >/dev/null || true
    line="$line $q=$(total_of "$tmp/probe.body")"
  done
  echo "$line"
fi
if [ "$api_code" = 200 ] && [ "$html_code" != 200 ]; then
  html_prefix=$api_prefix search_what="search: /api/v1/people?q= only (no /people?q=), 51 terms"
elif [ "$api_code" != 200 ] && [ "$html_code" = 200 ]; then
  api_prefix=$html_prefix search_what="search: /people?q= only (no /api/v1/people), 51 terms"
elif [ "$api_code" != 200 ]; then
  search_ok=0
  api_prefix="/api/v1/ping?q=" html_prefix="/api/v1/ping?q="
  search_what="search script mechanics on /api/v1/ping?q="
  echo "people-bench: no search route answers 200; exercising the search script against" \
       "/api/v1/ping instead: those numbers say nothing about search" >&2
fi
[ "$routes_ok" -eq 1 ] || echo "people-bench: not every people route answers 200: measuring what is there" >&2

# ---------------------------------------------------------------- wrk search script
# Each wrk thread walks the list from its own offset; every term is sent to the JSON API and
# to the HTML page in turn. Terms are percent-encoded byte by byte (UTF-8 stays UTF-8).
cat >"$tmp/search.lua" <<'LUA'
local terms = {
  "nguyen van", "Nguyễn Văn", "HA VAN", "thi", "hoa", "Hoa", "nông thị", "nong thi", "Hoàng", "hoang",
  "le thi", "Lê Thị", "tran", "Trần Văn", "pham", "Phạm", "lương", "luong van", "bế", "be thi",
  "đàm", "dam van", "triệu", "trieu thi", "sầm", "SAM", "lâm", "vi van", "lục", "luc thi",
  "hứa", "dinh", "Đinh Văn", "ma thi", "hương", "huong", "lan", "Thu Hà", "thu ha", "minh",
  "Đức", "duc", "Vui", "hung", "Hùng", "thanh", "ngọc", "ngoc anh", "NGUYEN THI THU", "trang",
  "zzz không có ai",
}
local api_prefix, html_prefix = "/api/v1/people?q=", "/people?q="
local paths, i = {}, 0

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function setup(thread)
  thread:set("offset", i)
  i = i + 17
end

function init(args)
  if args[1] then api_prefix = args[1] end
  if args[2] then html_prefix = args[2] end
  for _, t in ipairs(terms) do
    paths[#paths + 1] = api_prefix .. encode(t)
    paths[#paths + 1] = html_prefix .. encode(t)
  end
  i = (tonumber(offset) or 0) % #paths
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA

# ---------------------------------------------------------------- reference body for nginx
www=$tmp/www
mkdir -p "$www"
if [ "$list_ok" -eq 1 ]; then
  out=$(curl -sS -o "$www/people" -w '%{http_code} %{content_type}' "${auth[@]}" "$base/people") \
    || server_failed "GET /people failed"
  [ "${out%% *}" = 200 ] || server_failed "GET /people answered ${out%% *}"
  ct_people=${out#* }
  list_bytes=$(wc -c <"$www/people" | tr -d ' ')
  echo "== GET /people: $list_bytes bytes ($ct_people)"

  start_nginx people "$ct_people"
fi

declare -A RPS P50 P99 ERR WHAT
run_wrk() { # key description url [wrk options...] [-- script arguments...]
  local key=$1 what=$2 url=$3; shift 3
  local out=$tmp/wrk-$key.txt opts=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
  # wrk takes the URL as its first argument after the options; the script's come after --.
  echo "== wrk $key: $what (${DURATION}s, $CONNECTIONS connections, $THREADS threads)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${opts[@]}" "$url" "$@" >"$out" 2>&1 \
    || { cat "$out" >&2; die "wrk failed for $url"; }
  RPS[$key]=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  P50[$key]=$(to_ms "$(awk '$1 == "50%" { print $2; exit }' "$out")")
  P99[$key]=$(to_ms "$(awk '$1 == "99%" { print $2; exit }' "$out")")
  # Error answers are fast and meaningless: count them, and a run with any cannot pass.
  ERR[$key]=$(awk '/Non-2xx or 3xx responses:/ { e += $NF }
                   /Socket errors:/ { for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) e += $i }
                   END { print e + 0 }' "$out")
  WHAT[$key]=$what
  if [ -z "${RPS[$key]}" ] || [ "${P50[$key]}" = NaN ] || [ "${P99[$key]}" = NaN ]; then
    cat "$out" >&2
    die "could not parse wrk output for $url"
  fi
}

search_key=thidua_search
[ "$search_ok" -eq 1 ] || search_key=ping_script
run_wrk "$search_key" "$search_what" "$base/" -s "$tmp/search.lua" "${auth[@]}" -- "$api_prefix" "$html_prefix"
rows=("$search_key")
if [ "$SPLIT" = 1 ] && [ "$api_code" = 200 ] && [ "$html_code" = 200 ]; then
  run_wrk thidua_search_api "search: /api/v1/people?q= only, 51 terms" "$base/" -s "$tmp/search.lua" "${auth[@]}" \
    -- "/api/v1/people?q=" "/api/v1/people?q="
  run_wrk thidua_search_html "search: /people?q= only, 51 terms" "$base/" -s "$tmp/search.lua" "${auth[@]}" \
    -- "/people?q=" "/people?q="
  rows+=(thidua_search_api thidua_search_html)
fi
if [ "$list_ok" -eq 1 ]; then
  run_wrk thidua_list "GET /people (list, first page)" "$base/people" "${auth[@]}"
  run_wrk nginx_list "nginx static, /people size" "$nbase/people"
  rows+=(thidua_list nginx_list)
fi
kill -0 "$thidua_pid" 2>/dev/null || server_failed "thidua serve died during the benchmark"

# ---------------------------------------------------------------- report
ratio=""
if [ -n "${RPS[nginx_list]:-}" ]; then
  ratio=$(awk -v a="${RPS[thidua_list]}" -v b="${RPS[nginx_list]}" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "0" }')
fi
echo
echo "People benchmark: $PEOPLE people in $AGENCIES agencies, as $OFFICE_LOGIN ($AGENCY);" \
     "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on $(nproc) CPUs"
printf '%-54s %10s %9s %9s %7s %9s\n' target req/s "p50 ms" "p99 ms" errors "vs nginx"
for k in "${rows[@]}"; do
  r="-"
  [ "$k" = thidua_list ] && r=$ratio
  [ "$k" = nginx_list ] && r=1.000
  printf '%-54s %10.0f %9.3f %9.3f %7s %9s\n' "${WHAT[$k]}" "${RPS[$k]}" "${P50[$k]}" "${P99[$k]}" "${ERR[$k]}" "$r"
done

tnames=() tvals=() tlimits=() tpass=()
target() { # name value op limit errors (empty value: not run)
  local name=$1 val=$2 op=$3 limit=$4 errs=$5 ok
  if [ -z "$val" ]; then ok="NOT RUN" val=null
  elif [ "$errs" -gt 0 ]; then ok=FAIL
  elif awk -v a="$val" -v b="$limit" -v op="$op" 'BEGIN { exit !(op == "le" ? a <= b : a >= b) }'; then ok=PASS
  else ok=FAIL; fi
  tnames+=("$name") tvals+=("$val") tlimits+=("$op $limit") tpass+=("$ok")
}
target "search p99 <= 20 ms at 50 connections" "${P99[thidua_search]:-}" le 20 "${ERR[thidua_search]:-0}"
target "people list page req/s >= 20% of nginx" "$ratio" ge 0.2 "${ERR[thidua_list]:-0}"
echo
echo "Targets:"
for i in "${!tnames[@]}"; do
  printf '  %-7s %-42s measured %s (%s)\n' "${tpass[$i]}" "${tnames[$i]}" "${tvals[$i]}" "${tlimits[$i]}"
done
[ "$CONNECTIONS" -eq 50 ] || echo "  note: the p99 target is defined at 50 connections; this run used $CONNECTIONS"
[ "$routes_ok" -eq 1 ] || echo "  note: not every route answered 200 (/api/v1/people?q= $api_code, /people?q= $html_code, /people $list_code); the missing ones were not measured"
for k in "${rows[@]}"; do
  [ "${ERR[$k]:-0}" -eq 0 ] || echo "  note: ${WHAT[$k]} had ${ERR[$k]} non-2xx/3xx responses or socket errors"
done

# ---------------------------------------------------------------- JSON
mkdir -p "$here/results"
[ -f "$here/results/.gitignore" ] || printf '*\n!.gitignore\n' >"$here/results/.gitignore"
json=$here/results/people-latest.json
{
  printf '{\n'
  printf '  "generated_at": "%s",\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf '  "git_commit": "%s",\n' "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  printf '  "cpus": %s,\n' "$(nproc)"
  printf '  "duration_s": %s, "connections": %s, "threads": %s,\n' "$DURATION" "$CONNECTIONS" "$THREADS"
  printf '  "dataset": {"agencies": %s, "people": %s, "seed": %s, "database": "sqlite", "generate_s": %s},\n' \
    "$AGENCIES" "$PEOPLE" "$SEED" "$gen_seconds"
  printf '  "routes": {"api_people_search": %s, "people_search": %s, "people_list": %s},\n' "$api_code" "$html_code" "$list_code"
  printf '  "search_mix": "%s",\n' "$search_what"
  printf '  "results": [\n'
  n=0
  for k in "${rows[@]}"; do
    n=$((n + 1))
    r=null
    [ "$k" = thidua_list ] && r=$ratio
    [ "$k" = nginx_list ] && r=1.000
    printf '    {"target": "%s", "req_per_s": %s, "p50_ms": %s, "p99_ms": %s, "errors": %s, "ratio_to_nginx": %s}%s\n' \
      "$k" "${RPS[$k]}" "${P50[$k]}" "${P99[$k]}" "${ERR[$k]}" "$r" "$([ $n -lt ${#rows[@]} ] && echo ,)"
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
[ "$routes_ok" -eq 1 ] || exit 3
