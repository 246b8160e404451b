#!/usr/bin/env bash
# Evaluate a run on one test language (`lorasum evaluate` flags):
#   bash scripts/evaluate.sh --model_path outputs/checkpoints/mt5_lora_en --data_dir data --test_language en
set -euo pipefail
source "$(dirname "$0")/_lorasum.sh"
exec $LORASUM evaluate "$@"
