#!/usr/bin/env bash
# Builds parley with AddressSanitizer and UndefinedBehaviorSanitizer (g++) into build/asan
# and runs the unit tests and the fuzz corpora there. CI (.ci/run) runs it after the release
# suite; any sanitizer report fails the run.
#   scripts/sanitize.sh              # unit tests + fuzz corpora under ASan+UBSan
#   scripts/sanitize.sh -R Store     # extra arguments go to ctest
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
# -O1 -g1: line numbers in reports at about half the compile time of -O2 -g.
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DPARLEY_SANITIZE=ON -DPARLEY_WEB=OFF >/dev/null
ninja -C build/asan >&2
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir build/asan --output-on-failure -j "$(nproc)" --timeout 600 "$@"
