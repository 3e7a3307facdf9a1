#!/usr/bin/env bash
# Usage: tests/pg/new-db.sh STATE_DIR NAME
# Creates an empty database NAME in the cluster started by pg-start.sh STATE_DIR and
# prints its URL. Each test binary uses its own database so tests stay independent and
# can run in parallel. An existing NAME (left over from an earlier run) is dropped first
# so the result is always empty.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 STATE_DIR NAME" >&2
  exit 2
fi
state=$1 name=$2

# Restrict names to plain identifiers: no quoting issues in SQL or in the URL, and
# PostgreSQL's 63-byte limit would otherwise silently truncate.
if ! [[ $name =~ ^[a-z_][a-z0-9_]{0,62}$ ]]; then
  echo "$0: database name must match [a-z_][a-z0-9_]{0,62}: $name" >&2
  exit 2
fi
if [ ! -f "$state/port" ]; then
  echo "$0: no running cluster in $state (run tests/pg/pg-start.sh first)" >&2
  exit 1
fi
port=$(cat "$state/port")

if [ -z "${PG_BINDIR:-}" ]; then
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5n -r); do
    if [ -x "$d/psql" ]; then PG_BINDIR=$d; break; fi
  done
fi
psql=${PG_BINDIR:+$PG_BINDIR/}psql

# Separate -c options: DROP/CREATE DATABASE cannot run inside the single transaction
# psql would use for one multi-statement -c. WITH (FORCE) ends stale sessions of a
# crashed earlier run that would otherwise block the drop.
"$psql" -X -q -v ON_ERROR_STOP=1 "postgresql://thidua@127.0.0.1:$port/postgres" \
  -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" \
  -c "CREATE DATABASE $name" >/dev/null 2>"$state/new-db-$name.err" || {
  echo "$0: could not create database $name:" >&2; cat "$state/new-db-$name.err" >&2; exit 1; }
rm -f "$state/new-db-$name.err"
echo "postgresql://thidua@127.0.0.1:$port/$name"
