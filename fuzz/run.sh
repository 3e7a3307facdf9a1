#!/usr/bin/env bash
# Builds the fuzz targets and runs each for SECONDS seconds on a copy of its seed corpus.
# Prints one line per target with its number of executions; exits non-zero if any target
# crashed (its reproducer is kept under build-fuzz/crashes/<target>/).
#   fuzz/run.sh 30
set -euo pipefail

if [[ $# -ne 1 || ! $1 =~ ^[0-9]+$ ]]; then
  echo "usage: $0 SECONDS" >&2
  exit 2
fi
seconds=$1

fuzz_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$fuzz_dir")
build=$root/build-fuzz
targets=(fuzz_cookie fuzz_urlencoded fuzz_multipart fuzz_http_request fuzz_file_magic)

if [[ ! -f $build/CMakeCache.txt ]]; then
  launcher=()
  if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  CC=clang-14 CXX=clang++-14 cmake -S "$fuzz_dir" -B "$build" "${launcher[@]}" >/dev/null
fi
cmake --build "$build" -j "$(nproc)" >/dev/null

# The seed corpora live in the repository; libFuzzer adds to whatever directory it is
# given, so it gets a copy.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failed=0
for target in "${targets[@]}"; do
  corpus=$work/$target/corpus
  artifacts=$work/$target/artifacts
  mkdir -p "$corpus" "$artifacts"
  if [[ -d $fuzz_dir/corpus/$target ]]; then
    cp -R "$fuzz_dir/corpus/$target/." "$corpus/"
  fi
  log=$work/$target.log
  status=0
  "$build/$target" "$corpus" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  if [[ $status -eq 0 ]]; then
    printf '%-20s ok      %s executions\n' "$target" "${execs:-?}"
  else
    failed=1
    keep=$build/crashes/$target
    mkdir -p "$keep"
    cp -R "$artifacts/." "$keep/" 2>/dev/null || true
    cp "$log" "$keep/fuzzer.log"
    printf '%-20s CRASHED %s executions (exit %d); reproducer and log in %s\n' \
      "$target" "${execs:-?}" "$status" "$keep"
    grep -m 3 -E 'ERROR: |SUMMARY: |runtime error' "$log" | sed 's/^/    /' || true
  fi
done
exit "$failed"
