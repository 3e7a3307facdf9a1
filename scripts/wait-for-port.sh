#!/usr/bin/env bash
# Usage: scripts/wait-for-port.sh HOST PORT TIMEOUT_SECONDS
# Waits until HOST:PORT accepts TCP connections. Exit 0 once it does, 1 on timeout,
# 2 on bad usage. Uses bash's /dev/tcp so it needs neither nc nor curl.
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 HOST PORT TIMEOUT_SECONDS" >&2
  exit 2
fi
host=$1 port=$2 timeout=$3
case "$port$timeout" in *[!0-9]*|'') echo "$0: PORT and TIMEOUT_SECONDS must be integers" >&2; exit 2 ;; esac

# Deadline on the wall clock (microseconds, from bash's EPOCHREALTIME) rather than
# counting sleeps, so slow connect attempts don't stretch the total wait.
now_us() { echo "${EPOCHREALTIME/./}"; }
deadline=$(( $(now_us) + timeout * 1000000 ))
while :; do
  # The connect runs in a subshell so the fd closes at once; `timeout 1` bounds a
  # connect that hangs (e.g. a firewalled address) instead of waiting for the kernel's
  # SYN timeout.
  if timeout 1 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$host" "$port" 2>/dev/null; then
    exit 0
  fi
  if [ "$(now_us)" -ge "$deadline" ]; then
    echo "$0: $host:$port not accepting connections after ${timeout}s" >&2
    exit 1
  fi
  sleep 0.1
done
