# Shared by the benchmark scripts (sourced, not run). The caller defines die() and sets
# $root (the checkout), $tmp (its temporary folder), $thidua_pid and $nginx_pid (servers to
# stop), and, where used, $jar (curl's cookie jar) and $DURATION, $THREADS, $CONNECTIONS.

# Stops both servers (TERM, then KILL after 5 s) and removes the temporary folder; the
# callers install it with `trap cleanup EXIT`.
cleanup() {
  local rc=$?
  # TERM first so both servers can shut down cleanly; `wait` reaps them so no process
  # outlives the script.
  for pid in $thidua_pid $nginx_pid; do kill "$pid" 2>/dev/null || true; done
  for pid in $thidua_pid $nginx_pid; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
  exit "$rc"
}

# A random free port on loopback; a clash between this check and the bind shows up as the
# server failing to come up, reported by server_failed.
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 20001 ))
    if ! ss -Htln "sport = :$p" | grep -q .; then echo "$p"; return 0; fi
  done
  die "no free TCP port found"
}

# Ends the run with the tail of the thidua server's log.
server_failed() {
  echo "---- thidua server log (tail) ----" >&2
  tail -n 40 "$tmp/thidua.log" >&2 || true
  die "$*"
}

# The value of cookie NAME in curl's cookie jar (empty when absent).
cookie_value() { # name headers-file
  local v
  v=$(awk -F'\t' -v n="$1" 'NF >= 7 && $6 == n { v = $7 } END { print v }' "$jar" 2>/dev/null)
  if [ -z "$v" ]; then
    v=$(tr -d '\r' <"$2" | sed -n "s/^[Ss]et-[Cc]ookie: *$1=\([^;]*\).*/\1/p" | tail -n1)
  fi
  printf '%s' "$v"
}

# wrk's latency with its unit ("950.00us", "1.13ms", "2.1s") in milliseconds.
to_ms() {
  awk -v t="$1" 'BEGIN {
    if (match(t, /us$/)) ms = substr(t, 1, RSTART - 1) / 1000
    else if (match(t, /ms$/)) ms = substr(t, 1, RSTART - 1) + 0
    else if (match(t, /s$/)) ms = substr(t, 1, RSTART - 1) * 1000
    else if (match(t, /m$/)) ms = substr(t, 1, RSTART - 1) * 60000
    else if (match(t, /h$/)) ms = substr(t, 1, RSTART - 1) * 3600000
    else { print "NaN"; exit }
    printf "%.3f\n", ms }'
}

# Serves the database DB with BIN on a free loopback port and waits until it answers
# /api/v1/ping (the port opens before the application is ready). Sets $thidua_pid and $base;
# the server's log is $tmp/thidua.log.
start_thidua() { # bin db
  local port _
  port=$(free_port)
  base="http://127.0.0.1:$port"
  "$1" serve --db "$2" --listen "127.0.0.1:$port" >"$tmp/thidua.log" 2>&1 &
  thidua_pid=$!
  "$root/scripts/wait-for-port.sh" 127.0.0.1 "$port" 30 || server_failed "thidua serve did not open 127.0.0.1:$port"
  for _ in $(seq 1 100); do
    kill -0 "$thidua_pid" 2>/dev/null || server_failed "thidua serve exited"
    if curl -fsS -o /dev/null "$base/api/v1/ping" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  server_failed "GET /api/v1/ping never succeeded"
}

# Signs in at $base as a browser does: GET the form, POST it back with its CSRF token (the
# cookie's value when the form carries none; the cookie sent by hand when the jar refused it),
# with our own Origin. Sets $session; anything else ends the run with the server's log.
sign_in() { # login password
  local html csrf_form csrf_cookie status extra_cookie=()
  html=$(curl -fsS -c "$jar" -b "$jar" -D "$tmp/login-get.headers" "$base/login") || server_failed "GET /login failed"
  # value="..." of the <input> carrying name="_csrf", whatever the attribute order.
  csrf_form=$(printf '%s' "$html" | tr '\n' ' ' | grep -o '<input[^>]*name="_csrf"[^>]*>' \
    | head -n1 | sed -n 's/.*value="\([^"]*\)".*/\1/p' || true)
  csrf_cookie=$(cookie_value thidua_csrf "$tmp/login-get.headers")
  [ -n "$csrf_cookie" ] || server_failed "GET /login did not set the thidua_csrf cookie"
  [ -n "$csrf_form" ] || csrf_form=$csrf_cookie
  grep -q "	thidua_csrf	" "$jar" 2>/dev/null || extra_cookie=(-H "Cookie: thidua_csrf=$csrf_cookie")
  status=$(curl -sS -o "$tmp/login-post.body" -D "$tmp/login-post.headers" -w '%{http_code}' \
    -c "$jar" -b "$jar" "${extra_cookie[@]}" -H "Origin: $base" -H "Referer: $base/login" \
    --data-urlencode "login=$1" --data-urlencode "password=$2" \
    --data-urlencode "_csrf=$csrf_form" "$base/login") || server_failed "POST /login failed"
  [ "$status" = 303 ] || server_failed "POST /login as $1 answered $status, expected 303"
  session=$(cookie_value thidua_session "$tmp/login-post.headers")
  [ -n "$session" ] || server_failed "POST /login did not set the thidua_session cookie"
}

# nginx serving $tmp/www on a free loopback port, the yardstick: each NAME is the file
# $tmp/www/NAME at /NAME with the content type given, checked to come back whole. Sets
# $nginx_pid and $nbase; nginx writes nothing outside $tmp.
start_nginx() { # name content-type [name content-type ...]
  local nport locations="" name got
  local -a names=() cmd
  while [ $# -ge 2 ]; do
    names+=("$1")
    # Content types carry "; charset=...": quoted for nginx.
    locations+=$(printf '    location = /%s { types { } default_type "%s"; }' "$1" "$2")$'\n'
    shift 2
  done
  nport=$(free_port)
  mkdir -p "$tmp/nginx/logs"
  # As root nginx's workers run as nobody: they must traverse the temp dir and read www.
  chmod 0711 "$tmp"
  chmod 0755 "$tmp/www"
  chmod 0644 "$tmp/www"/*
  cat >"$tmp/nginx.conf" <<NGINX
# Generated by bench/lib.sh (start_nginx): a static-file baseline on loopback only.
daemon off;
worker_processes auto;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 100000;
  client_body_temp_path $tmp/nginx/client_body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  server {
    listen 127.0.0.1:$nport;
    root $tmp/www;
$locations  }
}
NGINX
  # -e and -p keep nginx from touching /var/log/nginx or its compiled-in prefix.
  cmd=(nginx -e "$tmp/nginx-error.log" -p "$tmp/nginx" -c "$tmp/nginx.conf")
  "${cmd[@]}" -t >"$tmp/nginx-t.log" 2>&1 || { cat "$tmp/nginx-t.log" >&2; die "nginx config test failed"; }
  "${cmd[@]}" &
  nginx_pid=$!
  "$root/scripts/wait-for-port.sh" 127.0.0.1 "$nport" 15 \
    || { cat "$tmp/nginx-error.log" >&2; die "nginx did not open 127.0.0.1:$nport"; }
  nbase="http://127.0.0.1:$nport"
  for name in "${names[@]}"; do
    got=$(curl -fsS "$nbase/$name" | wc -c | tr -d ' ') || die "nginx GET /$name failed"
    [ "$got" = "$(wc -c <"$tmp/www/$name" | tr -d ' ')" ] || die "nginx /$name is $got bytes, not the file's size"
  done
}

# One wrk run of $DURATION seconds, $THREADS threads, $CONNECTIONS connections, into the
# caller's associative arrays RPS, P50 and P99 (ms), and ERR under KEY. ERR counts non-2xx/3xx
# answers and socket errors: they make the rate meaningless (a fast error page is not a fast
# page). The output stays in $tmp/wrk-KEY.txt.
run_wrk() { # key url [wrk options...]
  local key=$1 url=$2 out=$tmp/wrk-$1.txt
  shift 2
  echo "== wrk $key: $url (${DURATION}s, $CONNECTIONS connections, $THREADS threads)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url" >"$out" 2>&1 \
    || { cat "$out" >&2; die "wrk failed for $url"; }
  RPS[$key]=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  P50[$key]=$(to_ms "$(awk '$1 == "50%" { print $2; exit }' "$out")")
  P99[$key]=$(to_ms "$(awk '$1 == "99%" { print $2; exit }' "$out")")
  ERR[$key]=$(awk '/Non-2xx or 3xx responses:/ { e += $NF }
                   /Socket errors:/ { for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) e += $i }
                   END { print e + 0 }' "$out")
  if [ -z "${RPS[$key]}" ] || [ "${P50[$key]}" = NaN ] || [ "${P99[$key]}" = NaN ]; then
    cat "$out" >&2
    die "could not parse wrk output for $url"
  fi
}

# The options of the server benchmarks (--bin, --duration, --connections, --threads; --help
# prints lines 2 to HELP_END of the script), over the environment's (THIDUA_BIN, DURATION,
# CONNECTIONS, THREADS) and the defaults (build/release/src/thidua, 10 s, 50, 2); then checks
# them, the binary and the tools. A bad option ends the run with status 2, a missing piece 1.
server_bench_options() { # help-end "$@"
  local help_end=$1 tool
  shift
  THIDUA_BIN=${THIDUA_BIN:-$root/build/release/src/thidua}
  DURATION=${DURATION:-10}
  CONNECTIONS=${CONNECTIONS:-50}
  THREADS=${THREADS:-2}
  while [ $# -gt 0 ]; do
    case "$1" in
      --bin) THIDUA_BIN=$2; shift 2 ;;
      --duration) DURATION=$2; shift 2 ;;
      --connections) CONNECTIONS=$2; shift 2 ;;
      --threads) THREADS=$2; shift 2 ;;
      -h|--help) sed -n "2,${help_end}p" "$0"; exit 0 ;;
      *) echo "$(basename "$0" .sh): unknown argument: $1" >&2; exit 2 ;;
    esac
  done
  case "$DURATION$CONNECTIONS$THREADS" in *[!0-9]*) die "DURATION, CONNECTIONS and THREADS must be integers" ;; esac
  # A relative path given by the caller means relative to their cwd.
  case "$THIDUA_BIN" in /*) ;; *) THIDUA_BIN=$(pwd)/$THIDUA_BIN ;; esac
  [ -x "$THIDUA_BIN" ] || die "thidua binary not found or not executable: $THIDUA_BIN (build it first, e.g. make build)"
  for tool in wrk nginx curl ss awk; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (scripts/install-deps.sh installs it)"
  done
}

# The run's temporary folder ($tmp, named after NAME) and the traps that stop the servers and
# remove it however the run ends.
start_run() { # name
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/thidua-$1.XXXXXX")
  thidua_pid="" nginx_pid=""
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# A new SQLite database in $tmp holding the demo data (`thidua demo`: Ban Dân tộc, its units
# and people, the seed plan, its users with the password $THIDUA_DEMO_PASSWORD, given one
# here if unset: its value does not matter). Sets $db.
demo_database() { # bin
  export THIDUA_DEMO_PASSWORD=${THIDUA_DEMO_PASSWORD:-bench-Password-1}
  db="sqlite:$tmp/demo.db"
  echo "== preparing thidua ($1): migrate, demo"
  "$1" migrate --db "$db" >"$tmp/migrate.log" 2>&1 || { cat "$tmp/migrate.log" >&2; die "thidua migrate failed"; }
  "$1" demo --db "$db" >"$tmp/demo.log" 2>&1 || { cat "$tmp/demo.log" >&2; die "thidua demo failed"; }
}

# Writes the result file bench/results/NAME-latest.json (through a temporary name): the run's
# facts (when, which commit, CPUs, wrk's settings), then the JSON members the caller's
# function FILL prints on standard output, then the closing brace. Results are
# machine-specific: the folder's .gitignore keeps them out of git.
write_results() { # name fill
  local dir=$root/bench/results
  local json=$dir/$1-latest.json
  mkdir -p "$dir"
  [ -f "$dir/.gitignore" ] || printf '*\n!.gitignore\n' >"$dir/.gitignore"
  {
    printf '{\n'
    printf '  "generated_at": "%s",\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    printf '  "git_commit": "%s",\n' "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    printf '  "cpus": %s,\n' "$(nproc)"
    printf '  "duration_s": %s, "connections": %s, "threads": %s,\n' "$DURATION" "$CONNECTIONS" "$THREADS"
    "$2"
    printf '}\n'
  } >"$json.tmp"
  mv "$json.tmp" "$json"
  echo
  echo "Wrote ${json#"$root"/}"
}

# thidua-gen ($THIDUA_GEN, made absolute and checked) run with the arguments given; its output
# is $tmp/gen.log, shown without the log lines. Sets $gen_seconds (null when not printed).
generate() { # thidua-gen arguments...
  case "$THIDUA_GEN" in /*) ;; *) THIDUA_GEN=$(pwd)/$THIDUA_GEN ;; esac
  [ -x "$THIDUA_GEN" ] || die "thidua-gen not found or not executable: $THIDUA_GEN (cmake --build build/release --target thidua-gen)"
  echo "== thidua-gen $*"
  "$THIDUA_GEN" "$@" >"$tmp/gen.log" 2>&1 || { cat "$tmp/gen.log" >&2; die "thidua-gen failed"; }
  grep -v '\[info\]' "$tmp/gen.log" | sed 's/^/   /'
  gen_seconds=$(awk '$1 == "total" { print $(NF - 1) }' "$tmp/gen.log")
  [ -n "$gen_seconds" ] || gen_seconds=null
}
