"""(IA)^3 through peft: learned vectors rescale activations; the base is frozen.

For keys and values the vector multiplies the layer's output (out_features parameters); for the
feed-forward output `wo` it multiplies the layer's input, the d_ff hidden activation (in_features
parameters), as in the IA3 paper (Liu et al. 2022) and peft's T5 defaults. The vectors start at 1,
so the model starts unchanged. No rank, alpha or dropout: method.r, lora_alpha and lora_dropout are
ignored.

peft's own mT5 default is k, v, wi_1 (output-scaled); in mT5's gated feed-forward,
wo(gelu(wi_0 x) * wi_1 x * l) equals wo(gelu(wi_0 x) * (wi_1 x * l)), so both choices train the same
d_ff vector and compute the same function; lorasum keeps the paper's naming (k, v, wo).
"""

from __future__ import annotations

from lorasum.methods.targets import check_target_modules

FEEDFORWARD_MODULES = ("wo",)
"""Targets whose input, not output, is rescaled: the feed-forward output layer."""


def prepare(model, method_cfg, *, total_steps: int | None = None):
    """Wrap the target linears with IA3 vectors; the base is frozen. `total_steps` is unused."""
    from peft import IA3Config, TaskType, get_peft_model

    targets = check_target_modules(model, method_cfg.target_modules)
    config = IA3Config(task_type=TaskType.SEQ_2_SEQ_LM, target_modules=targets,
                       feedforward_modules=[t for t in targets if t in FEEDFORWARD_MODULES])
    return get_peft_model(model, config)
