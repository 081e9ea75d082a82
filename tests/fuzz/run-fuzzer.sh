#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the JSON import fuzzer with clang (libFuzzer, AddressSanitizer,
# the library instrumented for coverage) in its own build folder and runs
# it for SECONDS (default 30) on a copy of tests/fuzz/corpus:
#   tests/fuzz/run-fuzzer.sh [SECONDS]
# Needs clang and libclang-rt-14-dev. Inputs that crash are kept in
# build-fuzz/fuzz-artifacts/; the exit status is non-zero if there are any.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-30}
build=${KL_FUZZ_BUILD_DIR:-$top/build-fuzz}

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$top" \
    -Dbuildtype=debugoptimized \
    -Db_sanitize=address -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link
fi
meson compile -C "$build" fuzz-json-import

exec "$top/tests/fuzz/run-fuzz-test.sh" "$build/tests/fuzz-json-import" "$top/tests/fuzz/corpus" \
  "$seconds" "$build/fuzz-artifacts"
