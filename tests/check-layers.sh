#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The layers point one way (docs/architecture.md). Prints each include
# that goes the wrong way, in TAP, and fails if there is one.
#   check-layers.sh SRC_DIR
set -u
src=$(cd "$1" && pwd)
n=0
failed=0

headers_of() { # the header names a folder defines
  (cd "$src/$1" 2>/dev/null && find . -name '*.h' -printf '%f\n')
}

check() { # description, folder, pattern of forbidden includes
  local what=$1 dir=$2 pattern=$3 hits
  n=$((n + 1))
  hits=$(grep -rnE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($pattern)[\">]" "$src/$dir" \
           --include='*.c' --include='*.h' || true)
  if [ -n "$hits" ]; then
    echo "not ok $n - $what"
    echo "$hits" | sed 's/^/# /'
    failed=1
  else
    echo "ok $n - $what"
  fi
}

alt() { # the names, as one alternation for grep -E
  tr '\n' '|' | sed 's/|$//; s/\./\\./g'
}

store_h=$(headers_of store | alt)
io_h=$(headers_of io | alt)
ui_h=$( (cd "$src/ui" && find . -name '*.h' -printf '%f\n'; cd "$src" && ls kl-application.h kl-settings.h) | alt)

check "model/ includes no GTK"        model 'gtk/[^">]*|adwaita\.h|gdk/[^">]*'
check "store/ includes no GTK"        store 'gtk/[^">]*|adwaita\.h|gdk/[^">]*'
check "io/ includes no GTK"           io    'gtk/[^">]*|adwaita\.h|gdk/[^">]*'
check "model/ includes no store header" model "$store_h|sqlite3\.h"
check "model/ includes no io or ui header" model "$io_h|$ui_h"
check "store/ includes no io or ui header" store "$io_h|$ui_h"
check "io/ includes no ui header"     io    "$ui_h"

n=$((n + 1))
hits=$(grep -rln '#include "kl-window\(-private\)\?\.h"' "$src/ui" | grep -v "^$src/ui/shell/" || true)
if [ -n "$hits" ]; then
  echo "not ok $n - only ui/shell/ includes kl-window.h"
  echo "$hits" | sed 's/^/# /'
  failed=1
else
  echo "ok $n - only ui/shell/ includes kl-window.h"
fi

n=$((n + 1))
hits=$(grep -rln 'sqlite3\.h\|sqlite3_' "$src" --include='*.c' --include='*.h' | grep -v "^$src/store/" || true)
if [ -n "$hits" ]; then
  echo "not ok $n - only store/ knows SQLite"
  echo "$hits" | sed 's/^/# /'
  failed=1
else
  echo "ok $n - only store/ knows SQLite"
fi

echo "1..$n"
exit $failed
