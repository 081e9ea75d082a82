#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every catalogue must compile cleanly and translate every message in the
# sources: a Danish user must never meet an English string.
set -eu
podir=$1
top=$(cd "$podir/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$top" && xgettext --from-code=UTF-8 --files-from=po/POTFILES.in \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --add-comments \
    --output="$tmp/messages.pot")

status=0
for lang in $(sed 's/#.*//' "$podir/LINGUAS"); do
  po="$podir/$lang.po"
  if ! msgfmt --check --output-file=/dev/null "$po"; then
    echo "FAIL: $po does not compile" >&2
    status=1
    continue
  fi
  stats=$(LC_ALL=C msgfmt --statistics --output-file=/dev/null "$po" 2>&1)
  echo "$lang.po: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*)
      echo "FAIL: $po has untranslated or fuzzy messages" >&2
      status=1
      ;;
  esac
  # Against the current sources, not only against itself.
  msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/$lang.po" "$po" "$tmp/messages.pot"
  merged=$(LC_ALL=C msgfmt --statistics --output-file=/dev/null "$tmp/$lang.po" 2>&1)
  case "$merged" in
    *untranslated*|*fuzzy*)
      echo "FAIL: $po lacks messages that are in the sources ($merged):" >&2
      msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep '^msgid' | sed 1d >&2 || true
      status=1
      ;;
  esac
done
exit $status
