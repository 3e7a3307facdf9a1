#!/usr/bin/env bash
# Usage: bench/certificates-bench.sh [--bench PATH] [--count N] [--threads N]
# Env (same meaning, options win): THIDUA_CERT_BENCH (default
# build/release/bench/certificates/thidua-certificates-bench), COUNT (1000), THREADS (2).
#
# Issue 6's certificates: 1,000 Giấy khen rendered to PDF by the application's own code
# (services::CertificateService::sheet_of + documents::write_certificates_pdf, each with its QR
# code), (a) as one PDF of 1,000 pages — the decision's "print all" — and (b) as 1,000 PDFs of
# one page, THREADS at a time; on plain paper and on pre-printed blanks. Target: 1,000
# certificates <= 10 s. Prints the figures (seconds, pages/s, MB) and writes
# bench/results/certificates-latest.json. Exit status 0 whenever the benchmark ran.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
die() { echo "certificates-bench: $*" >&2; exit 1; }

THIDUA_CERT_BENCH=${THIDUA_CERT_BENCH:-$root/build/release/bench/certificates/thidua-certificates-bench}
COUNT=${COUNT:-1000}
THREADS=${THREADS:-2}
while [ $# -gt 0 ]; do
  case "$1" in
    --bench) THIDUA_CERT_BENCH=$2; shift 2 ;;
    --count) COUNT=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
[ -x "$THIDUA_CERT_BENCH" ] || die "not found: $THIDUA_CERT_BENCH (cmake --build build/release --target thidua-certificates-bench)"
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
mkdir -p "$root/bench/results"
echo "== certificates-bench ($(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ), $commit)"
"$THIDUA_CERT_BENCH" --count "$COUNT" --threads "$THREADS" --paper plain \
  --json "$root/bench/results/certificates-latest.json" --commit "$commit"
"$THIDUA_CERT_BENCH" --count "$COUNT" --threads "$THREADS" --paper preprinted \
  --json "$root/bench/results/certificates-preprinted-latest.json" --commit "$commit"
