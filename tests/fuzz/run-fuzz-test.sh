#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a libFuzzer target on a copy of the checked-in corpus, so the
# corpus in the tree never changes:
#   run-fuzz-test.sh FUZZER CORPUS [SECONDS] [ARTIFACTS]
# A crashing input is kept in ARTIFACTS (default: ./fuzz-artifacts) and
# shown escaped in the log.
set -eu

fuzzer=$1
corpus=$2
seconds=${3:-20}
artifacts=${4:-$PWD/fuzz-artifacts}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
cp -R "$corpus" "$work/corpus"
mkdir -p "$work/found"

here=$(dirname "$0")
cat "$here/../lsan.supp" "$here/lsan.supp" > "$work/lsan.supp"

# Every allocation through malloc, so LeakSanitizer sees GLib's too, as in
# the test environment, with whole stacks so the suppressions can match. A
# finding exits with 1, not libFuzzer's 77, which meson counts as skipped.
status=0
G_SLICE=always-malloc \
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0" \
LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$work/lsan.supp:print_suppressions=0" \
  "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
  -error_exitcode=1 -dict="$here/json.dict" -artifact_prefix="$work/found/" "$work/corpus" || status=$?

for input in "$work"/found/*; do
  [ -f "$input" ] || continue
  mkdir -p "$artifacts"
  cp "$input" "$artifacts/"
  echo "Input that failed, kept as $artifacts/$(basename "$input"):"
  od -c "$input" | head -40
done
exit "$status"
