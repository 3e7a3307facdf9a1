#!/usr/bin/env bash
# Import of 30,000 people from XLSX, end to end (read, check every row, write in one
# transaction with an audit entry per person), against the raw SQLite insert of the same rows.
# Target: <= 5 s. The file is made by the app itself: thidua-gen loads one agency with 30,000
# people, `thidua export people` writes the XLSX, and the people are removed from a copy of the
# database so the import recreates them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${THIDUA_BIN:-$root/build/release/src/thidua}
gen=${THIDUA_GEN:-$root/build/release/bench/gen/thidua-gen}
people=${PEOPLE:-30000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$gen" --db "sqlite:$tmp/src.db" --agencies 1 --people "$people" >/dev/null
code=$(sqlite3 "$tmp/src.db" "SELECT code FROM agency WHERE kind = 'agency' ORDER BY id LIMIT 1")
"$bin" export people --db "sqlite:$tmp/src.db" --agency "$code" --out "$tmp/people.xlsx" >/dev/null
cp "$tmp/src.db" "$tmp/dst.db"
sqlite3 "$tmp/dst.db" "PRAGMA foreign_keys=OFF; DELETE FROM council_seat; DELETE FROM person_placement;
  UPDATE person SET user_id = NULL; DELETE FROM person;"

start=$(date +%s.%N)
"$bin" import people --db "sqlite:$tmp/dst.db" --agency "$code" --file "$tmp/people.xlsx" >"$tmp/out.txt"
end=$(date +%s.%N)
app=$(echo "$end - $start" | bc)
rows=$(sqlite3 "$tmp/dst.db" "SELECT COUNT(*) FROM person")

# Reference: the same number of rows inserted by sqlite3 itself in one transaction.
sqlite3 "$tmp/src.db" ".mode insert person" "SELECT * FROM person" >"$tmp/raw.sql"
cp "$tmp/dst.db" "$tmp/raw.db"
sqlite3 "$tmp/raw.db" "PRAGMA foreign_keys=OFF; DELETE FROM person_placement; DELETE FROM person;"
start=$(date +%s.%N)
{ echo "BEGIN;"; cat "$tmp/raw.sql"; echo "COMMIT;"; } | sqlite3 "$tmp/raw.db"
end=$(date +%s.%N)
raw=$(echo "$end - $start" | bc)

printf 'import of %s people from XLSX (%s bytes): %.2f s end to end; %s rows in the database\n' \
  "$people" "$(stat -c %s "$tmp/people.xlsx")" "$app" "$rows"
printf 'raw sqlite3 insert of the same person rows: %.2f s (ratio %.1fx)\n' "$raw" "$(echo "$app / $raw" | bc -l)"
verdict=$(echo "$app <= 5" | bc)
[ "$verdict" = 1 ] && echo "  PASS  import <= 5 s" || echo "  FAIL  import <= 5 s"
mkdir -p "$root/bench/results"
printf '{"people": %s, "import_seconds": %.3f, "raw_insert_seconds": %.3f}\n' "$people" "$app" "$raw" \
  >"$root/bench/results/import-latest.json"
