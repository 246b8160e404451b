#!/usr/bin/env bash
# LoRA fine-tuning of one language. Takes every `lorasum train` flag, in -dash or _underscore spelling:
#   bash scripts/train_lora.sh --language en --model_name google/mt5-small --lora_r 8 --lora_alpha 16 --output_dir outputs/checkpoints/mt5_lora_en --num_epochs 5 --batch_size 8
set -euo pipefail
source "$(dirname "$0")/_lorasum.sh"
exec $LORASUM train --method lora "$@"
