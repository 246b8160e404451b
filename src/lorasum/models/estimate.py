"""`lorasum estimate`: parameters, adapter size and training memory of a method, without loading weights.

    report = estimate("mt5-small", "lora", batch_size=8, max_source_length=512, max_target_length=84)

The model is built on the meta device (no memory, no download): the five public mT5 sizes have
built-in configs; a local directory or a hub id is read with AutoConfig. Memory is the sum of
weights (fp32 master copy; bf16 autocast keeps it), gradients and AdamW's two moments for the
trainable parameters, activations kept for the backward pass, and, on CPU, the process's own
baseline (the Python interpreter, torch and transformers loaded).

Every method in lorasum.methods is known: its adapters are added on the meta device, so counts are
exact. A method with a 4-bit base (qlora) is counted without bitsandbytes: the linears transformers
would quantize are priced at QUANTIZED_BYTES_PER_PARAM, everything else at 4 bytes.
"""

from __future__ import annotations

from lorasum.errors import UserError, closest

# google/mt5-* configs (d_ff, d_model, heads, layers; all: d_kv 64, vocabulary 250,112, gated-gelu, untied head).
MT5_SIZES: dict[str, dict] = {
    "mt5-small": {"d_model": 512, "d_ff": 1024, "num_heads": 6, "num_layers": 8},
    "mt5-base": {"d_model": 768, "d_ff": 2048, "num_heads": 12, "num_layers": 12},
    "mt5-large": {"d_model": 1024, "d_ff": 2816, "num_heads": 16, "num_layers": 24},
    "mt5-xl": {"d_model": 2048, "d_ff": 5120, "num_heads": 32, "num_layers": 24},
    "mt5-xxl": {"d_model": 4096, "d_ff": 10240, "num_heads": 64, "num_layers": 24},
}
# Calibrated on CPU against the peaks that benchmarks/bench_train.py measures (tiny and mt5-small,
# full and LoRA, batch 1/4/8, 512/64 tokens; every estimate within 25% of its measured peak):
# - the resident memory of a lorasum process before the model's tensors (interpreter, torch,
#   transformers, peft, data), and
# - factors on the first-principles activation count for what it leaves out: autograd's transient
#   buffers in the backward pass, heap fragmentation under lorasum's allocator settings and, for
#   adapter methods, the dropout copy of each adapted layer's input and the adapter's own outputs.
# On CUDA these factors are not calibrated yet (no GPU measurement): read the estimate as a guide.
CPU_PROCESS_BASELINE_MIB = 510.0
ACTIVATION_FACTOR = {True: 1.3, False: 1.7}  # keyed by Method.trains_base_weights
BYTES = {"fp32": 4, "bf16": 2}
# bitsandbytes NF4 with double quantization: 4-bit codes, one 8-bit scale per 64-weight block and one
# fp32 scale per 256 of those blocks: 0.5 + 1/64 + 4/16384 = 0.516 bytes per weight.
QUANTIZED_BYTES_PER_PARAM = 0.5 + 1 / 64 + 4 / (64 * 256)
# AdaLoRA lays its rank schedule out over the run's steps; counts and memory do not depend on them.
_PLACEHOLDER_TOTAL_STEPS = 1000


def load_config(model: str):
    """An mT5 config for a built-in size name, or from a local directory / hub id (config only)."""
    from transformers import AutoConfig, MT5Config

    name = model.removeprefix("google/")
    if name in MT5_SIZES:
        sizes = MT5_SIZES[name]
        return MT5Config(vocab_size=250_112, d_kv=64, num_decoder_layers=sizes["num_layers"],
                         feed_forward_proj="gated-gelu", **sizes)
    from pathlib import Path

    if not Path(model).is_dir() and "/" not in model:
        raise UserError(f"unknown model '{model}'{closest(name, MT5_SIZES)}: use one of {', '.join(MT5_SIZES)}, "
                        "a model directory, or a hub id")
    from lorasum.models.loading import _load

    return _load(AutoConfig.from_pretrained, model, "model config")


def activation_bytes(config, batch: int, source_len: int, target_len: int, precision: str,
                     gradient_checkpointing: bool = False) -> float:
    """Bytes of activations kept for backward in one mT5 training step (a first-principles count).

    Per layer and token: RMSNorm in/out, q k v, attention context, the feed-forward's wi_0, gelu,
    wi_1, product and dropout outputs, residual branches, and one byte per dropout mask element;
    per layer and query: softmax output and dropout output of the scores (heads x keys). The loss
    keeps the logits and their softmax over the whole vocabulary for every target token.
    """
    d, f, h = config.d_model, config.d_ff, config.num_heads
    inner = h * config.d_kv
    elem = BYTES[precision]
    per_token = (6 * d + 4 * inner + 5 * f) * elem + (f + 2 * d)  # masks: 1 byte each
    per_score = 2 * elem + 1
    enc = config.num_layers * source_len * (per_token + per_score * h * source_len)
    dec = config.num_decoder_layers * target_len * (per_token + 2 * d * elem + 2 * inner * elem
                                                    + per_score * h * (target_len + source_len))
    cross_kv = config.num_decoder_layers * source_len * 2 * inner * elem  # k, v of the encoder output
    logits = 3 * target_len * config.vocab_size * 4  # fp32 logits, softmax, gradient
    layers = enc + dec + cross_kv
    if gradient_checkpointing:  # only each layer's input is kept; one layer is rebuilt at a time
        layers = (config.num_layers * source_len + config.num_decoder_layers * target_len) * d * elem \
            + max(enc / config.num_layers, dec / config.num_decoder_layers)
    return float(batch * (layers + logits))


def quantized_linear_params(net) -> int:
    """Weights of the linears bitsandbytes would store in 4 bits when transformers loads `net` quantized.

    transformers leaves the output embedding (lm_head) and the model's `_keep_in_fp32_modules` (mT5:
    the feed-forward `wo`) in full precision; every other nn.Linear is quantized (mT5: q k v o wi_0 wi_1).
    """
    from torch import nn

    keep = tuple(getattr(net, "_keep_in_fp32_modules", None) or ())
    head = net.get_output_embeddings()
    return sum(m.weight.numel() for name, m in net.named_modules()
               if isinstance(m, nn.Linear) and m is not head and not name.endswith(keep))


def estimate(model: str, method: str = "lora", *, r: int | None = None, lora_alpha: int | None = None,
             target_modules: list[str] | None = None, init_r: int | None = None, batch_size: int = 8,
             max_source_length: int = 512, max_target_length: int = 84, precision: str = "fp32",
             gradient_checkpointing: bool = False, device: str = "cpu") -> dict:
    """Counts and a training-memory estimate (MiB) for one method; nothing is allocated.

    Args:
        r, lora_alpha, target_modules, init_r: MethodConfig fields; None takes MethodConfig's default
            (target_modules: the method's own default targets).
    Returns:
        Counts (total, base, trainable, quantized_params: weights priced at QUANTIZED_BYTES_PER_PARAM),
        checkpoint_mb (trainable weights in fp32; an upper bound for adalora, whose saved adapter is cut
        to the ranks it kept) and the memory breakdown in MiB.
    Raises:
        UserError: unknown model or method, a bad method setting, or fp16.
    """
    import torch
    from transformers import MT5ForConditionalGeneration

    from lorasum.config import MethodConfig
    from lorasum.methods import METHODS, count_parameters
    from lorasum.models.build import untie_lm_head

    for name, value in (("--batch-size", batch_size), ("--max-source-length", max_source_length),
                        ("--max-target-length", max_target_length)):
        if not isinstance(value, int) or value < 1:
            raise UserError(f"{name} must be >= 1 (got {value})")
    if precision not in BYTES:
        raise UserError(f"--precision must be fp32 or bf16 (got {precision}); fp16 is refused for mT5 (it overflows)")
    config = load_config(model)
    fields = {"r": r, "lora_alpha": lora_alpha, "target_modules": target_modules, "init_r": init_r}
    method_cfg = MethodConfig(name=method, **{k: v for k, v in fields.items() if v is not None})
    with torch.device("meta"):
        net = MT5ForConditionalGeneration(config)
    untie_lm_head(net)  # every public mT5 checkpoint has its own lm_head
    base = count_parameters(net)["total_params"]
    quantized = quantized_linear_params(net) if METHODS[method].quantized_base else 0
    with torch.device("meta"):  # adapters too: nothing is allocated, whatever peft creates them with
        net = METHODS[method].prepare(net, method_cfg, total_steps=_PLACEHOLDER_TOTAL_STEPS)
    counts = count_parameters(net, base)
    mib = 2**-20
    weights = ((counts["total_params"] - quantized) * 4 + quantized * QUANTIZED_BYTES_PER_PARAM) * mib
    trainable = counts["trainable_params"] * 4 * mib
    activations = activation_bytes(config, batch_size, max_source_length, max_target_length, precision,
                                   gradient_checkpointing) * mib * ACTIVATION_FACTOR[METHODS[method].trains_base_weights]
    baseline = CPU_PROCESS_BASELINE_MIB if device == "cpu" else 0.0
    memory = {"weights_mib": weights, "gradients_mib": trainable, "optimizer_mib": 2 * trainable,
              "activations_mib": activations, "process_baseline_mib": baseline}
    memory = {k: round(v, 1) for k, v in memory.items()}
    return {"model": model, "method": method, **counts, "quantized_params": quantized,
            "checkpoint_mb": round(counts["trainable_params"] * 4 / 1e6, 3),
            "batch_size": batch_size, "max_source_length": max_source_length,
            "max_target_length": max_target_length, "precision": precision, "device": device,
            "gradient_checkpointing": gradient_checkpointing, "memory": memory,
            "total_memory_mib": round(sum(memory.values()), 1)}
