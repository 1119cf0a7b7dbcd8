#!/usr/bin/env bash
# Measures parley serve with wrk (apt-get install wrk): codes the seed articles into a
# temporary store, serves it on a free port and runs wrk against /api/dyad.
#   bench/serve_wrk.sh [build dir (default build/release)] [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build/release}/parley"
secs="${2:-10}"
conns="${3:-8}"
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" code ../shared/seeds --db "$work/seeds.sqlite" -q
"$bin" serve --db "$work/seeds.sqlite" --port 0 --no-explain 2>"$work/serve.log" &
pid=$!
for _ in $(seq 50); do grep -q "http://" "$work/serve.log" && break; sleep 0.1; done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")
wrk -t2 -c"$conns" -d"${secs}s" "http://127.0.0.1:$port/api/dyad?a=RUS&b=KOR&interval=month"
