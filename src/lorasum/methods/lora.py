"""LoRA through peft: the base model is frozen, rank-r adapters train on the target linears.

For a linear layer of shape (in, out), LoRA adds B @ A with A: (r, in), B: (out, r), so
r * (in + out) trainable parameters; the update is scaled by lora_alpha / r.
"""

from lorasum.errors import UserError


def prepare(model, method_cfg):
    from peft import LoraConfig, TaskType, get_peft_model

    linear_names = sorted({name.rsplit(".", 1)[-1] for name, module in model.named_modules()
                           if module.__class__.__name__ == "Linear"})
    missing = [t for t in method_cfg.target_modules if t not in linear_names]
    if missing:
        raise UserError(f"--target-modules {','.join(missing)} not found in this model; its linear layers are "
                        f"{','.join(linear_names)} (mT5 attention: q,k,v,o)")
    config = LoraConfig(task_type=TaskType.SEQ_2_SEQ_LM, r=method_cfg.r, lora_alpha=method_cfg.lora_alpha,
                        lora_dropout=method_cfg.lora_dropout, target_modules=list(method_cfg.target_modules),
                        bias="none")
    return get_peft_model(model, config)
