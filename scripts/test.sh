#!/usr/bin/env bash
# Builds parley and runs every test: unit, golden and validation-suite tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
ctest --test-dir build/release --output-on-failure -j "$(nproc)"
