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
    trains_base_weights: bool
    """True when base weights get gradients: 6 FLOPs per parameter per token instead of 4 (frozen)."""
    supports_gradient_checkpointing: bool = True


METHODS: dict[str, Method] = {
    "full": Method("full", full.prepare, 5e-5, "every weight trains; the checkpoint is the whole model",
                   trains_base_weights=True),
    "lora": Method("lora", lora.prepare, 1e-4, "low-rank adapters (peft LoRA) on the target linears; base frozen",
                   trains_base_weights=False),
}


def count_parameters(model, base_params: int | None = None) -> dict[str, float]:
    """Total and trainable parameters (shared tensors counted once) and the trainable percentage.

    Args:
        base_params: parameters of the model before `prepare()`; the percentage is taken of it
            (LoRA r=8 on mt5-small's q,k,v,o: 688,128 / 300,176,768 = 0.229%), so adapters added
            by a method do not inflate the denominator. Defaults to the model's own total.
    """
    total = trainable = 0
    for p in model.parameters():  # parameters() yields a tied tensor once
        total += p.numel()
        trainable += p.numel() if p.requires_grad else 0
    base = base_params or total
    return {"total_params": total, "base_params": base, "trainable_params": trainable,
            "trainable_percent": round(100.0 * trainable / base, 4) if base else 0.0}
