# Shared by the benchmark scripts (sourced, not run). The caller defines die() and sets
# $tmp (its temporary folder), $thidua_pid and $nginx_pid (servers to stop), and, where used,
# $jar (curl's cookie jar).

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
