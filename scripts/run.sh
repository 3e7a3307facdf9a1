#!/usr/bin/env bash
# make run: upgrade the database, load the demo data when it has none, then serve.
set -euo pipefail
bin=$1 db=$2 listen=$3
cd "$(dirname "$0")/.."
"$bin" migrate --db "$db"
# The demo loads once; running it again changes nothing.
"$bin" demo --db "$db"
echo "Mở / open http://$listen/ — Ctrl+C để dừng / to stop."
exec "$bin" serve --db "$db" --listen "$listen"
