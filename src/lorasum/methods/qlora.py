"""QLoRA: LoRA adapters on a base whose linear layers are stored in 4-bit NF4 (bitsandbytes, CUDA only).

    model = from_pretrained(name, **load_kwargs(method_cfg)); model = prepare(model, method_cfg)

The quantized linears (mT5: q k v o wi_0 wi_1; transformers keeps `wo` and `lm_head` in full precision)
take ~0.5 bytes per weight instead of 4; they are dequantized to bf16 for each matmul. Adapters and
their count are LoRA's. Evaluation loads the base unquantized and merges the adapter into it.
"""

from __future__ import annotations

from lorasum.errors import UserError
from lorasum.methods import lora


def check_available() -> None:
    """Raises UserError, in one line, when CUDA or bitsandbytes is missing."""
    import importlib.util

    import torch

    missing = []
    if not torch.cuda.is_available():
        missing.append("a CUDA GPU (torch sees none)")
    if importlib.util.find_spec("bitsandbytes") is None:
        missing.append("the bitsandbytes package (pip install bitsandbytes)")
    if missing:
        raise UserError(f"method qlora needs CUDA and bitsandbytes; missing: {' and '.join(missing)}: run it on an "
                        "NVIDIA GPU with bitsandbytes installed, or use --method lora (the same adapters on an "
                        "unquantized base)")


def load_kwargs(method_cfg) -> dict:
    """from_pretrained kwargs that load the base in 4-bit NF4 on this process's GPU.

    Double quantization also stores the per-block scales in 8 bits. Compute runs in bf16 where the GPU
    has it, else fp32 (never fp16: mT5 overflows). The unquantized weights (embeddings, norms, wo,
    lm_head) load in fp32, as for every other method.
    Raises:
        UserError: no CUDA GPU or no bitsandbytes.
    """
    check_available()
    import torch
    from accelerate import PartialState
    from transformers import BitsAndBytesConfig

    compute = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float32
    quantization = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
                                      bnb_4bit_compute_dtype=compute)
    # A 4-bit model cannot be moved after loading: it must load onto the GPU this process trains on.
    return {"quantization_config": quantization, "dtype": torch.float32,
            "device_map": {"": PartialState().local_process_index}}


def prepare(model, method_cfg, *, total_steps: int | None = None):
    """Freeze the 4-bit base and add LoRA adapters. `total_steps` is unused.

    A model on the meta device (`lorasum estimate`) gets the adapters without quantization: its counts
    are QLoRA's, and the estimate prices the quantized weights itself.
    Raises:
        UserError: no CUDA GPU or no bitsandbytes.
        ValueError: the base was loaded without `load_kwargs` (a wiring mistake).
    """
    if next(model.parameters()).device.type != "meta":
        check_available()
        if not getattr(model, "is_loaded_in_4bit", False):
            raise ValueError("qlora needs its base loaded in 4-bit: pass METHODS['qlora'].load_kwargs(method_cfg) "
                             "to from_pretrained")
        from peft import prepare_model_for_kbit_training

        # Freezes the base and upcasts any half-precision non-quantized weights to fp32; gradient
        # checkpointing stays the loop's decision (use_gradient_checkpointing=False here).
        model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=False)
    return lora.prepare(model, method_cfg)
