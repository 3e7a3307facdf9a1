#!/usr/bin/env bash
# Every /api route in the route table (`thidua routes`) must be described in
# docs/openapi.yaml with the same method, and the document must not describe routes that do
# not exist.
set -euo pipefail
bin=${1:?usage: openapi_routes_test.sh THIDUA_BIN OPENAPI_YAML}
spec=${2:?usage: openapi_routes_test.sh THIDUA_BIN OPENAPI_YAML}

# "METHOD PATH" pairs from the spec: paths are 2-space keys under `paths:`, methods 4-space keys.
documented=$(awk '
  /^paths:/ { in_paths = 1; next }
  /^[^ #]/ { in_paths = 0 }
  in_paths && /^  \/[^ ]*:[ ]*$/ { path = $1; sub(/:$/, "", path); next }
  in_paths && /^    (get|post|put|patch|delete):/ { m = $1; sub(/:$/, "", m); print toupper(m) " /api/v1" path }
' "$spec" | sort)

# The spec's server URL is /api/v1, so its paths are relative to it.
routed=$("$bin" routes | awk -F'\t' '$2 ~ /^\/api\// { print $1 " " $2 }' | sort)

status=0
missing=$(comm -23 <(echo "$routed") <(echo "$documented"))
extra=$(comm -13 <(echo "$routed") <(echo "$documented"))
if [ -n "$missing" ]; then echo "not described in $spec:"; echo "$missing"; status=1; fi
if [ -n "$extra" ]; then echo "described but not routed:"; echo "$extra"; status=1; fi
[ $status -eq 0 ] && echo "openapi: all $(echo "$routed" | wc -l) API routes described"
exit $status
