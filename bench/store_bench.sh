#!/usr/bin/env bash
# Throughput of `parley code` with and without --db on a larger input: the Guardian
# sample repeated COPIES times, each copy a near-duplicate (a changed first sentence), so
# the store does its full work (stories, aggregation, mentions).
# Usage: bench/store_bench.sh [BUILD_DIR] [COPIES] [RUNS] [THREADS]
# Prints, per mode, the best wall time of RUNS runs and its CPU time, and the ratio.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/release}
copies=${2:-20}
runs=${3:-3}
threads=${4:-0}
parley=$build/parley
corpus=$root/../shared/corpora/guardian_2019_sample.jsonl
work=$(mktemp -d "${TMPDIR:-/tmp}/parley_store_bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 - "$corpus" "$copies" > "$work/input.jsonl" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
for k in range(int(sys.argv[2])):
    for r in rows:
        r = dict(r, id=f"{r['id']}~r{k}", text=f"Edition {k} of this report. " + r["text"])
        print(json.dumps(r))
PY
docs=$(wc -l < "$work/input.jsonl")
mb=$(du -m "$work/input.jsonl" | cut -f1)
echo "input: $docs documents, ${mb} MB; threads: ${threads} (0 = all cores); best of $runs"

# Runs `parley code` once; prints "wall cpu" in seconds.
run_once() {
  local t0 t1
  rm -f "$work"/events.sqlite*
  t0=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$work/time" "$parley" code "$work/input.jsonl" -q \
    --threads "$threads" "$@" > /dev/null
  t1=$(date +%s.%N)
  read -r user sys < "$work/time"
  python3 -c "print(f'{$t1 - $t0:.3f} {$user + $sys:.2f}')"
}

best() {  # mode args... -> "best_wall cpu_of_best"
  local best_wall="" best_cpu=""
  for _ in $(seq "$runs"); do
    read -r wall cpu < <(run_once "$@")
    if [[ -z $best_wall ]] || python3 -c "import sys; sys.exit(not $wall < $best_wall)"; then
      best_wall=$wall best_cpu=$cpu
    fi
  done
  echo "$best_wall $best_cpu"
}

# Alternate the modes so background load hits both alike.
read -r code_wall code_cpu < <(best --out "$work/events.jsonl")
read -r db_wall db_cpu < <(best --db "$work/events.sqlite")
python3 - "$docs" "$code_wall" "$code_cpu" "$db_wall" "$db_cpu" <<'PY'
import sys
docs = int(sys.argv[1]); cw, cc, dw, dc = map(float, sys.argv[2:])
print(f"code --out JSONL : {cw:7.2f} s wall {cc:7.2f} s cpu  {docs / cw:8.0f} docs/s")
print(f"code --db SQLite : {dw:7.2f} s wall {dc:7.2f} s cpu  {docs / dw:8.0f} docs/s")
print(f"--db / --out     : {dw / cw:7.2f} x wall {dc / cc:7.2f} x cpu")
PY
