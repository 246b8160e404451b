#!/usr/bin/env bash
# Full fine-tuning of one language. Takes every `lorasum train` flag, in -dash or _underscore spelling:
#   bash scripts/train_full.sh --language en --model_name google/mt5-small --output_dir outputs/checkpoints/mt5_full_en --num_epochs 5 --batch_size 8
set -euo pipefail
source "$(dirname "$0")/_lorasum.sh"
exec $LORASUM train --method full "$@"
