"""DoRA through peft: LoRA's low-rank update on the direction of each weight, plus a trained magnitude.

Each adapted weight W (out, in) is re-parametrised as m * (W + B @ A) / ||W + B @ A|| (norm per output
row): LoRA's r * (in + out) parameters plus the magnitude vector m of out_features, initialised to
||W|| so the model starts unchanged. Same targets, r and lora_alpha as LoRA; each step also computes
the norm of the merged weight, so a step costs more than LoRA's.
"""

from __future__ import annotations

from lorasum.methods.targets import check_target_modules


def prepare(model, method_cfg, *, total_steps: int | None = None):
    """Wrap the target linears with DoRA adapters; the base is frozen. `total_steps` is unused."""
    from peft import LoraConfig, TaskType, get_peft_model

    config = LoraConfig(task_type=TaskType.SEQ_2_SEQ_LM, r=method_cfg.r, lora_alpha=method_cfg.lora_alpha,
                        lora_dropout=method_cfg.lora_dropout,
                        target_modules=check_target_modules(model, method_cfg.target_modules),
                        bias="none", use_dora=True)
    return get_peft_model(model, config)
