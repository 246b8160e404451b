"""AdaLoRA through peft: SVD-shaped adapters whose rank budget is reallocated while training.

Each adapted linear (in, out) gets P (out, init_r), a diagonal Lambda (init_r) and Q (init_r, in), so
init_r * (in + out) + init_r trainable parameters (peft: lora_B, lora_E, lora_A; the rank counter
`ranknum` is a frozen parameter, one per linear). After every optimizer step, `after_step` scores each
singular triplet and zeroes the least important Lambda entries, shrinking the total rank from
init_r to target_r per linear on average by the last step; the parameter count does not change (the
saved adapter is cut to the allocated ranks). peft adds an orthogonality penalty
(orth_reg_weight 0.5) to the returned loss, so the logged loss is cross-entropy plus that penalty.

    model = prepare(model, method_cfg, total_steps=1000)
    ...  optimizer.step(); after_step(model, step); optimizer.zero_grad()
"""

from __future__ import annotations

from lorasum.methods.targets import check_target_modules


def prepare(model, method_cfg, *, total_steps: int | None = None):
    """Wrap the target linears with AdaLoRA adapters at rank init_r; the base is frozen.

    Args:
        total_steps: optimizer steps the run will take (required): the rank budget falls from init_r
            to target_r over them (peft's cubic schedule, no warm-up or final phase).
    Raises:
        ValueError: total_steps is missing or not positive (a caller's mistake, not a user's).
    """
    from peft import AdaLoraConfig, TaskType, get_peft_model

    if not total_steps or total_steps < 1:
        raise ValueError(f"adalora needs total_steps >= 1 to lay out its rank schedule (got {total_steps!r})")
    config = AdaLoraConfig(task_type=TaskType.SEQ_2_SEQ_LM, init_r=method_cfg.init_r, target_r=method_cfg.target_r,
                           lora_alpha=method_cfg.lora_alpha, lora_dropout=method_cfg.lora_dropout,
                           target_modules=check_target_modules(model, method_cfg.target_modules),
                           total_step=total_steps, bias="none")
    return get_peft_model(model, config)


def after_step(model, step: int) -> None:
    """Score the triplets on this step's gradients and mask down to the step's rank budget.

    Call after optimizer.step() and before optimizer.zero_grad() (it reads the gradients), once per
    optimizer step. `step` counts optimizer steps from 1 (this one included): the final allocation
    happens when step == total_steps, and later steps keep the final ranks.
    """
    from accelerate.utils import extract_model_from_parallel

    # The loop may hand over a DDP- or torch.compile-wrapped model; the allocator lives on the PeftModel's base_model.
    tuner = extract_model_from_parallel(model, keep_torch_compile=False).base_model
    if not tuner.rankallocator.ipt:
        # peft's final allocation only ranks the scores of earlier steps: in a one-step run there are
        # none yet, so score this step's gradients first.
        tuner.rankallocator.update_ipt(tuner.model)
    tuner.update_and_allocate(step)
