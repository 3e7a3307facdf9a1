#!/usr/bin/env bash
# Dependencies point inward (house style §1). The link graph enforces most of it; this check
# also rejects a header include that points outward, which the linker cannot see.
#   domain <- text <- storage <- services <- http <- {web, api} <- app <- cli
set -euo pipefail
src=${1:?usage: layering_test.sh SRC_DIR}
status=0

check() { # layer, then the layers it must not include
  local layer=$1; shift
  for forbidden in "$@"; do
    if hits=$(grep -rnE --exclude='*_test.cpp' "#include *\"${forbidden}/" "$src/$layer" 2>/dev/null); then
      echo "layering: $layer must not include $forbidden/:"
      echo "$hits"
      status=1
    fi
  done
}

check domain text storage services http web api app cli assets documents
check documents storage services http web api app cli
check text storage services http web api app cli
check storage services http web api app cli
check services http web api app cli
check http web api app cli
check web api app cli
check api web app cli
check app cli

# The domain layer is standard library only: no I/O, HTTP or SQL headers.
if hits=$(grep -rnE '#include *<(boost|soci|sqlite3|libpq|sodium|unicode|spdlog|fmt|toml)' "$src/domain"); then
  echo "layering: domain must use the standard library only:"
  echo "$hits"
  status=1
fi
# Handlers hold no SQL (house style §3).
if hits=$(grep -rnE '(soci::|SELECT |INSERT |UPDATE |DELETE FROM)' "$src/web" "$src/api" "$src/http"); then
  echo "layering: SQL outside storage:"
  echo "$hits"
  status=1
fi
# One definition per name and namespace across headers: two headers defining the same struct, or
# the same inline constant (an SQL statement), in one namespace link silently and one is used
# for the other at run time (an ODR violation).
if dups=$(find "$src" -name '*.hpp' -exec awk '
    /^namespace [A-Za-z_:]+ *\{/ { ns = $2 }
    /^(struct|class) [A-Za-z_][A-Za-z0-9_]* *(final *)?[{:]/ { print ns "::" $2 "\t" FILENAME ":" FNR }
    /^inline constexpr .* k[A-Za-z0-9_]+ *=/ { for (i = 1; i <= NF; i++) if ($i ~ /^k[A-Za-z0-9_]+$/) name = $i
                                                 print ns "::" name "\t" FILENAME ":" FNR }' {} + |
  sort | awk -F'\t' '{ n[$1]++; at[$1] = at[$1] " " $2 } END { for (k in n) if (n[k] > 1) print k ":" at[k] }') &&
  [ -n "$dups" ]; then
  echo "layering: type or constant defined in more than one header (rename one):"
  echo "$dups"
  status=1
fi
[ $status -eq 0 ] && echo "layering: ok"
exit $status
