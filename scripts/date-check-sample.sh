#!/bin/sh
# Draws the fixed random sample of Guardian events for the hand check of event dates
# (docs/dates.md, "Hand check"): codes the sample with the built parley and prints 200
# events chosen by a seeded multiplicative hash of their position in the output (the same
# events for the same code), one per line, tab-separated:
#   n  doc_id  pub_date  date  date_precision  date_source  date_confidence  future
#   historical  code  verb  sentence
# Usage: scripts/date-check-sample.sh [PARLEY] [CORPUS] [SEED] [COUNT]
set -eu
here=$(dirname "$0")
parley=${1:-$here/../build/release/parley}
corpus=${2:-$here/../../shared/corpora/guardian_2019_sample.jsonl}
seed=${3:-13}
count=${4:-200}
"$parley" code "$corpus" --format tsv -q --threads 2 |
  awk -F '\t' -v seed="$seed" '
    NR == 1 { for (i = 1; i <= NF; ++i) col[$i] = i; next }
    {
      n = NR - 1
      # Knuth multiplicative hash; exact in doubles for n < 2^21.
      key = (n * 2654435761 + seed * 40503) % 4294967296
      printf "%010d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", key, n,
             $col["doc_id"], $col["pub_date"], $col["date"], $col["date_precision"],
             $col["date_source"], $col["date_confidence"], $col["future"], $col["historical"],
             $col["code"], $col["verb"], $col["sentence"]
    }' |
  sort | head -n "$count" | cut -f 2- | sort -n
