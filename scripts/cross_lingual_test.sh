#!/usr/bin/env bash
# Evaluate one run on several test languages (cross-lingual transfer, e.g. trained on en, tested on it):
#   bash scripts/cross_lingual_test.sh --model_path outputs/checkpoints/mt5_lora_en --data_dir data --test_languages en it
# Other flags go to `lorasum evaluate`. Results: <model_path>/eval/<lang>.json.
set -euo pipefail
source "$(dirname "$0")/_lorasum.sh"
langs=(); rest=()
while [ $# -gt 0 ]; do
  case "$1" in
    --test_languages|--test-languages)
      shift
      while [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; do langs+=("$1"); shift; done ;;
    *) rest+=("$1"); shift ;;
  esac
done
if [ ${#langs[@]} -eq 0 ]; then
  echo "cross_lingual_test.sh: error: pass --test_languages LANG... (e.g. --test_languages en it)" >&2
  exit 2
fi
for lang in "${langs[@]}"; do
  $LORASUM evaluate --test-language "$lang" "${rest[@]}"
done
