"""LoRA through peft: the base model is frozen, rank-r adapters train on the target linears.

For a linear layer of shape (in, out), LoRA adds B @ A with A: (r, in), B: (out, r), so
r * (in + out) trainable parameters; the update is scaled by lora_alpha / r.
"""

from __future__ import annotations

from lorasum.methods.targets import check_target_modules


def prepare(model, method_cfg, *, total_steps: int | None = None):
    """Wrap the target linears with LoRA adapters; the base is frozen. `total_steps` is unused."""
    from peft import LoraConfig, TaskType, get_peft_model

    config = LoraConfig(task_type=TaskType.SEQ_2_SEQ_LM, r=method_cfg.r, lora_alpha=method_cfg.lora_alpha,
                        lora_dropout=method_cfg.lora_dropout,
                        target_modules=check_target_modules(model, method_cfg.target_modules), bias="none")
    return get_peft_model(model, config)
