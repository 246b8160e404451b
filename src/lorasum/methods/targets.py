"""Which linear layers an adapter method wraps: checked against the model before peft sees them.

    targets = check_target_modules(model, ["q", "k", "v", "o"])
"""

from __future__ import annotations

from lorasum.errors import UserError


def linear_names(model) -> list[str]:
    """Short names of the model's linear layers (mT5: k o q v wi_0 wi_1 wo, plus lm_head).

    bitsandbytes' Linear4bit subclasses nn.Linear, so a 4-bit base lists the same names.
    """
    from torch import nn

    return sorted({name.rsplit(".", 1)[-1] for name, module in model.named_modules() if isinstance(module, nn.Linear)})


def check_target_modules(model, targets) -> list[str]:
    """The targets as a list, or one line naming the model's real linear layers.

    Raises:
        UserError: a target is not the name of a linear layer of this model.
    """
    names = linear_names(model)
    missing = [t for t in targets if t not in names]
    if missing:
        raise UserError(f"--target-modules {','.join(missing)} not found in this model; its linear layers are "
                        f"{','.join(names)} (mT5 attention: q,k,v,o; feed-forward: wi_0,wi_1,wo)")
    return list(targets)
