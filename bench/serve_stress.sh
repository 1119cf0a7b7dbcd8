#!/usr/bin/env bash
# Hostile-client figures for parley serve, on 127.0.0.1 only: codes the seed articles into a
# temporary store, serves it on a free port, then measures
#   (a) probe latency while 200 idle connections are open (a quarter stalled mid-request),
#   (b) N /api/dyad requests at 50 concurrent keep-alive clients with wrk (p99, errors),
#   (c) a 10 MB chunked POST to /api/explain: status, time, server RSS before and after.
# Each check prints its figure and the script fails when one misses its bound (probe max
# under 100 ms; p99 under 50 ms and no errors; 413 within 1 s and RSS within 10 MB).
#   bench/serve_stress.sh [build dir (default build/release)] [requests (default 30000)]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build/release}/parley"
requests="${2:-30000}"
work=$(mktemp -d)
pid=
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
"$bin" code ../shared/seeds --db "$work/seeds.sqlite" -q
"$bin" serve --db "$work/seeds.sqlite" --port 0 2>"$work/serve.log" &
pid=$!
for _ in $(seq 300); do grep -q "http://" "$work/serve.log" && break; sleep 0.1; done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")
[[ -n "$port" ]] || { cat "$work/serve.log" >&2; exit 1; }
failed=0
python3 bench/serve_stress.py "$port" "$pid" idle || failed=1

# wrk runs for a duration; this script makes each of its 2 threads stop after its share of
# the requests (wrk still waits out -d, so its requests/s would be wrong and is not shown).
cat > "$work/count.lua" <<LUA
local left = $((requests / 2))
response = function(status, headers, body)
  left = left - 1
  if left <= 0 then wrk.thread:stop() end
end
LUA
wrk -t2 -c50 -d"${WRK_SECONDS:-90}s" --latency -s "$work/count.lua" \
  "http://127.0.0.1:$port/api/dyad?a=RUS&b=KOR&interval=month" > "$work/wrk.txt"
done_requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
errors=$(grep -E "Socket errors|Non-2xx" "$work/wrk.txt" || true)
echo "dyad: $done_requests requests at 50 connections: p50 $(awk '$1 == "50%" {print $2}' "$work/wrk.txt"), p90 $(awk '$1 == "90%" {print $2}' "$work/wrk.txt"), p99 $p99, max $(awk '$1 == "Latency" {print $4}' "$work/wrk.txt"), ${errors:-no errors}"
p99_ms=$(awk -v v="$p99" 'BEGIN { if (v ~ /us$/) print v / 1000; else if (v ~ /ms$/) print v + 0; else print v * 1000 }')
awk -v p="$p99_ms" 'BEGIN { exit !(p < 50) }' || failed=1
[[ -z "$errors" && "$done_requests" -ge "$requests" ]] || failed=1

python3 bench/serve_stress.py "$port" "$pid" chunked || failed=1
exit $failed
