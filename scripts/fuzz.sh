#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/*_fuzz.cc) with clang, ASan and UBSan into build/fuzz
# and runs each for FUZZ_SECONDS (default 60), seeded from its checked-in corpus
# fuzz/corpus/<target>/. New inputs go to build/fuzz/corpus/<target>/ (the checked-in corpus
# is never written); a crash leaves its input in build/fuzz/findings/ and the script fails.
#   scripts/fuzz.sh                 # every target, 60 s each
#   FUZZ_SECONDS=10 scripts/fuzz.sh jsonl coder   # some targets, 10 s each
# Add a finding to the corpus (after fixing it) so CI's Fuzz.<target> test keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev >&2; break; }
done
scripts/deps.sh
CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPARLEY_FUZZ=ON -DPARLEY_WEB=OFF >/dev/null
ninja -C build/fuzz >&2
seconds="${FUZZ_SECONDS:-60}"
targets=("$@")
if ((${#targets[@]} == 0)); then
  for f in fuzz/*_fuzz.cc; do t="$(basename "$f" _fuzz.cc)"; targets+=("$t"); done
fi
mkdir -p build/fuzz/findings
failed=()
for t in "${targets[@]}"; do
  mkdir -p "build/fuzz/corpus/$t" "fuzz/corpus/$t"
  echo "parley fuzz: $t for ${seconds}s" >&2
  dict=()
  [[ -f "fuzz/$t.dict" ]] && dict=(-dict="fuzz/$t.dict")
  if ! ASAN_OPTIONS=detect_leaks=1 "build/fuzz/${t}_fuzz" "${dict[@]}" -max_total_time="$seconds" \
      -rss_limit_mb=2048 -timeout=10 -max_len="${FUZZ_MAX_LEN:-65536}" -print_final_stats=1 \
      -artifact_prefix="build/fuzz/findings/${t}-" "build/fuzz/corpus/$t" "fuzz/corpus/$t" \
      2> "build/fuzz/$t.log"; then
    failed+=("$t")
    tail -n 40 "build/fuzz/$t.log" >&2
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "build/fuzz/$t.log" | sed "s/^/  $t /" >&2 || true
done
if ((${#failed[@]})); then
  echo "parley fuzz: findings in ${failed[*]} (inputs in build/fuzz/findings/)" >&2
  exit 1
fi
echo "parley fuzz: ${#targets[@]} targets, ${seconds}s each, no findings" >&2
