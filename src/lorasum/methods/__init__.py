"""Fine-tuning methods: each one only decides what trains (`prepare`); everything else is shared.

    model = METHODS["lora"].prepare(model, cfg.method)

Full fine-tuning is a method like the others: no special case anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from lorasum.methods import full, lora


@dataclass(frozen=True)
class Method:
    name: str
    prepare: Callable
    """prepare(model, method_cfg) -> model with exactly the parameters to train left trainable."""
    default_learning_rate: float
    description: str


METHODS: dict[str, Method] = {
    "full": Method("full", full.prepare, 5e-5, "every weight trains; the checkpoint is the whole model"),
    "lora": Method("lora", lora.prepare, 1e-4, "low-rank adapters (peft LoRA) on the target linears; base frozen"),
}


def count_parameters(model) -> dict[str, float]:
    """Total and trainable parameters (shared tensors counted once) and the trainable percentage."""
    total = trainable = 0
    for p in model.parameters():  # parameters() yields a tied tensor once
        total += p.numel()
        trainable += p.numel() if p.requires_grad else 0
    return {"total_params": total, "trainable_params": trainable,
            "trainable_percent": round(100.0 * trainable / total, 4) if total else 0.0}
