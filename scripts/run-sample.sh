#!/usr/bin/env bash
# Builds parley and codes the bundled sample articles, printing the events as JSONL.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
build/release/parley code data/sample "$@"
