#!/usr/bin/env bash
# Configures and builds the release tree at build/release (binary: build/release/parley).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build/release >&2
