#!/usr/bin/env bash
# Usage: tests/pg/pg-stop.sh STATE_DIR
# Stops the cluster started by pg-start.sh STATE_DIR (immediate mode: tests don't need
# a clean shutdown) and removes STATE_DIR. Succeeds if it is already gone.
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 STATE_DIR" >&2
  exit 2
fi
state=$1
marker=.thidua-pg

[ -e "$state" ] || exit 0
# Only delete what pg-start.sh created, so a wrong argument can't wipe a real directory.
if [ ! -f "$state/$marker" ]; then
  echo "$0: $state is not a pg-start.sh state directory (no $marker); not touching it" >&2
  exit 1
fi

if [ -z "${PG_BINDIR:-}" ]; then
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5n -r); do
    if [ -x "$d/pg_ctl" ]; then PG_BINDIR=$d; break; fi
  done
fi
pg_ctl=${PG_BINDIR:+$PG_BINDIR/}pg_ctl

as_pg=()
if [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1; then
  as_pg=(runuser -u postgres --)
fi

pidfile=$state/data/postmaster.pid
if [ -f "$pidfile" ]; then
  pid=$(head -n1 "$pidfile" 2>/dev/null || true)
  (cd / && "${as_pg[@]}" "$pg_ctl" -D "$state/data" -m immediate -w -t 30 stop) >/dev/null 2>&1 || true
  # If pg_ctl could not do it (binary missing, broken data dir), stop the postmaster
  # ourselves — but only if that pid really is a postgres process, since a stale pid
  # file may name an unrelated process by now.
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
     && grep -q postgres "/proc/$pid/comm" 2>/dev/null; then
    kill -QUIT "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
fi

# pg-start.sh may have put the socket in /tmp when STATE_DIR's path was too long.
if [ -f "$state/sockdir" ]; then
  sockdir=$(cat "$state/sockdir")
  case "$sockdir" in /tmp/thidua-pgsock.*) rm -rf "$sockdir" ;; esac
fi
rm -rf "$state"
