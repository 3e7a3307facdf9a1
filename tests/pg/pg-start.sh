#!/usr/bin/env bash
# Usage: tests/pg/pg-start.sh STATE_DIR
# Starts a throwaway PostgreSQL cluster for tests, owned entirely by STATE_DIR:
#   STATE_DIR/data       cluster (initdb)          STATE_DIR/postgres.log  server log
#   STATE_DIR/sock/      unix socket directory     STATE_DIR/port          TCP port
#   STATE_DIR/url        postgresql://thidua@127.0.0.1:PORT/thidua_test
# Listens on 127.0.0.1 only, trust auth, superuser "thidua". Never uses a system service
# or /var/lib/postgresql. If a cluster from STATE_DIR is running it is stopped and
# the state wiped first, so every run starts from an empty cluster.
# Env: PG_BINDIR overrides where initdb/pg_ctl are looked up.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 STATE_DIR" >&2
  exit 2
fi
state=$1
marker=.thidua-pg   # pg-stop.sh only deletes directories carrying this marker

# Prefer the Debian versioned bin dir (initdb/pg_ctl are not on PATH there); pick the
# newest installed major so the script survives a PostgreSQL upgrade.
if [ -z "${PG_BINDIR:-}" ]; then
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5n -r); do
    if [ -x "$d/initdb" ]; then PG_BINDIR=$d; break; fi
  done
fi
if [ -z "${PG_BINDIR:-}" ]; then
  PG_BINDIR=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
fi
for b in initdb pg_ctl psql; do
  if [ ! -x "$PG_BINDIR/$b" ]; then
    echo "$0: $b not found in $PG_BINDIR (install postgresql-15 or set PG_BINDIR)" >&2
    exit 1
  fi
done

# initdb and postgres refuse to run as root, so as root we run them as the postgres
# OS user (which the Debian package creates) on a directory chowned to it.
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "$0: running as root but there is no 'postgres' OS user to run the server as" >&2
    exit 1
  fi
  as_pg=(runuser -u postgres --)
fi

# Restart semantics: stop whatever runs from this STATE_DIR and wipe it (pg-stop.sh
# refuses to delete a directory that is not ours, which protects against typos like `.`).
if [ -e "$state" ]; then
  if [ -f "$state/$marker" ]; then
    "$here/pg-stop.sh" "$state"
  elif [ -d "$state" ] && [ -z "$(ls -A "$state")" ]; then
    :   # empty directory made by the caller (e.g. mktemp -d): fine to use
  else
    echo "$0: $state exists and is not a pg-start.sh state directory; refusing to touch it" >&2
    exit 1
  fi
fi
mkdir -p "$state"
state=$(cd "$state" && pwd)   # absolute: the server runs with another cwd
touch "$state/$marker"
mkdir -p "$state/sock"

# The unix socket path (dir + "/.s.PGSQL.NNNNN") must fit in sun_path (107 bytes); a deep
# build tree can exceed that, so fall back to a short directory under /tmp and remember
# it for pg-stop.sh.
sockdir=$state/sock
if [ $(( ${#sockdir} + 18 )) -gt 100 ]; then
  sockdir=$(mktemp -d /tmp/thidua-pgsock.XXXXXX)
  echo "$sockdir" > "$state/sockdir"
fi

if [ ${#as_pg[@]} -gt 0 ]; then
  chown -R postgres: "$state" "$sockdir"
  # The postgres user must be able to reach STATE_DIR through its parents.
  if ! "${as_pg[@]}" test -w "$state"; then
    echo "$0: the postgres OS user cannot write $state (a parent directory is not" \
         "traversable); use a STATE_DIR under a world-traversable path such as /tmp" >&2
    exit 1
  fi
fi

log=$state/postgres.log
# Run the server commands from / so the postgres user never trips over a cwd it
# cannot read (initdb and pg_ctl warn or fail on that).
cd /

"${as_pg[@]}" "$PG_BINDIR/initdb" -D "$state/data" --auth=trust --username=thidua \
  --encoding=UTF8 --locale=C.UTF-8 -A trust >"$state/initdb.log" 2>&1 || {
  echo "$0: initdb failed:" >&2; cat "$state/initdb.log" >&2; exit 1; }

port_in_use() {
  # ss lists listeners on every address; a port used on 0.0.0.0 would also block us.
  ss -Htln "sport = :$1" 2>/dev/null | grep -q . && return 0
  # Fallback if ss is missing or filtered: something answering a connect.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Pick a random free port; retry if the pick is taken or another process grabs it
# between our check and the server's bind (pg_ctl then fails and we try the next one).
started=0
for _ in $(seq 1 20); do
  port=$(( 20000 + RANDOM % 20001 ))
  port_in_use "$port" && continue
  # Empty the log so the bind-error check below only sees this attempt.
  [ -f "$log" ] && : > "$log"
  if "${as_pg[@]}" "$PG_BINDIR/pg_ctl" -D "$state/data" -l "$log" -w -t 60 \
       -o "-c listen_addresses=127.0.0.1 -p $port -k $sockdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
       start >"$state/pg_ctl.log" 2>&1; then
    started=1
    break
  fi
  # Retry only on a port clash; any other failure won't fix itself.
  if ! tail -n 20 "$log" 2>/dev/null | grep -qi "could not bind\|address already in use"; then
    echo "$0: pg_ctl start failed:" >&2
    cat "$state/pg_ctl.log" >&2
    tail -n 30 "$log" >&2 2>/dev/null || true
    exit 1
  fi
done
if [ "$started" -ne 1 ]; then
  echo "$0: could not find a free port for PostgreSQL after 20 attempts" >&2
  exit 1
fi

echo "$port" > "$state/port"
# Connect over TCP as the client would; trust auth needs no password.
"$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 \
  "postgresql://thidua@127.0.0.1:$port/postgres" -c 'CREATE DATABASE thidua_test' >/dev/null
url="postgresql://thidua@127.0.0.1:$port/thidua_test"
echo "$url" > "$state/url"
echo "pg-start: PostgreSQL ($("$PG_BINDIR/postgres" --version | awk '{print $3}')) running at $url"
