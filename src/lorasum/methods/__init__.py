"""Fine-tuning methods: each decides what trains (`prepare`) and, through two hooks, how the base
loads (`load_kwargs`) and what runs after an optimizer step (`after_step`); everything else is shared.

    method = METHODS[cfg.method.name]
    model = method.prepare(load_model(name, **method.load_kwargs(cfg.method)), cfg.method, total_steps=1000)

Full fine-tuning is a method like the others: no special case anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from lorasum.methods import adalora, dora, full, ia3, lora, qlora


def no_load_kwargs(method_cfg) -> dict:
    """The base loads as it is: fp32 weights, placed by the loop."""
    return {}


def no_after_step(model, step: int) -> None:
    """Nothing to do between optimizer steps."""


@dataclass(frozen=True)
class Method:
    name: str
    prepare: Callable
    """prepare(model, method_cfg, *, total_steps=None) -> model with exactly the parameters to train left
    trainable. total_steps, the run's optimizer steps, is required by adalora and ignored by the others."""
    default_learning_rate: float
    description: str
    trains_base_weights: bool
    """True when base weights get gradients: 6 FLOPs per parameter per token instead of 4 (frozen)."""
    supports_gradient_checkpointing: bool = True
    default_target_modules: tuple[str, ...] = ()
    """Linear layers adapted when method.target_modules is not set; empty for a method without targets."""
    quantized_base: bool = False
    """The base's linear layers are stored in 4-bit NF4 (bitsandbytes); `lorasum estimate` prices them so."""
    load_kwargs: Callable[..., dict] = no_load_kwargs
    """load_kwargs(method_cfg) -> extra from_pretrained kwargs; raises UserError if the method cannot run here."""
    after_step: Callable[..., None] = no_after_step
    """after_step(model, step) after each optimizer step, before zero_grad (it may read gradients); step from 1."""


ATTENTION = ("q", "k", "v", "o")

METHODS: dict[str, Method] = {
    "full": Method("full", full.prepare, 5e-5, "every weight trains; the checkpoint is the whole model",
                   trains_base_weights=True),
    "lora": Method("lora", lora.prepare, 1e-4, "low-rank adapters (peft LoRA) on the target linears; base frozen",
                   trains_base_weights=False, default_target_modules=ATTENTION),
    "dora": Method("dora", dora.prepare, 1e-4, "LoRA on each weight's direction plus a trained magnitude per "
                   "output row (peft DoRA); base frozen", trains_base_weights=False, default_target_modules=ATTENTION),
    # IA3 trains ~20x fewer parameters than LoRA r=8; the IA3 paper (T-Few) trains them at 3e-3.
    "ia3": Method("ia3", ia3.prepare, 3e-3, "learned vectors rescale keys, values and the feed-forward activation "
                  "(peft IA3); base frozen", trains_base_weights=False, default_target_modules=("k", "v", "wo")),
    # AdaLoRA's Lambda starts at 0 and its update is divided by the rank: the paper's summarization rate.
    "adalora": Method("adalora", adalora.prepare, 5e-4, "SVD-shaped adapters whose rank budget is cut from init_r "
                      "to target_r while training (peft AdaLoRA); base frozen", trains_base_weights=False,
                      default_target_modules=ATTENTION, after_step=adalora.after_step),
    "qlora": Method("qlora", qlora.prepare, 1e-4, "LoRA on a base stored in 4-bit NF4 (bitsandbytes; CUDA only)",
                    trains_base_weights=False, default_target_modules=ATTENTION, quantized_base=True,
                    load_kwargs=qlora.load_kwargs),
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
