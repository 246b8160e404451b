"""Count training FLOPs of an mT5 step and measure the device's matmul ceiling, for an honest MFU.

    flops = step_flops(model.config, batch=8, source_len=512, target_len=64, trains_base_weights=False)
    mfu = flops / step_time_s / measure_matmul_ceiling(device)

A weight matmul costs 2 FLOPs per parameter per token forward and 2 more for the input gradient;
weights that train need 2 more for their own gradient (6 in all, 4 for frozen weights under LoRA).
Decoder cross-attention k and v run over the source positions, the rest of the decoder over the
target positions, and lm_head (d_model x vocab) over the target positions. Attention scores
(Q K^T and attention x V) have no weights: 4 * S_q * S_k * (heads * d_kv) forward, 3x that in a
training step. LoRA's own adapter matmuls (~0.2% of the parameters) are left out.
"""

from __future__ import annotations

import functools
import time

import torch


def _mt5_shapes(config) -> dict[str, int]:
    d, inner, ff = config.d_model, config.num_heads * config.d_kv, config.d_ff
    ff_params = d * ff * (3 if str(config.feed_forward_proj).startswith("gated") else 2)
    attn = 2 * d * inner * 2  # q, k, v, o: three d x inner and one inner x d
    return {"encoder": config.num_layers * (attn + ff_params),
            "decoder_self_and_ff": config.num_decoder_layers * (attn + ff_params + 2 * d * inner),  # + cross q, o
            "cross_kv": config.num_decoder_layers * 2 * d * inner,
            "lm_head": d * config.vocab_size, "inner": inner}


def step_flops(config, batch: int, source_len: int, target_len: int, trains_base_weights: bool) -> float:
    """FLOPs of one training step (forward + backward) of an mT5-shaped model on padded tensors."""
    s = _mt5_shapes(config)
    k = 6 if trains_base_weights else 4
    weights = (s["encoder"] * source_len + s["decoder_self_and_ff"] * target_len
               + s["cross_kv"] * source_len + s["lm_head"] * target_len)
    attention_fwd = 4 * s["inner"] * (config.num_layers * source_len * source_len
                                      + config.num_decoder_layers * (target_len * target_len + target_len * source_len))
    return float(batch * (k * weights + 3 * attention_fwd))


@functools.lru_cache(maxsize=None)
def measure_matmul_ceiling(device_type: str = "cpu", dtype_name: str = "float32", n: int = 2048) -> float:
    """Achieved FLOP/s of a square n x n matmul on this device (the best of a few runs): MFU's denominator."""
    dtype = getattr(torch, dtype_name)
    device = torch.device(device_type)
    # A private generator: drawing from the global RNG would shift dropout masks of the run that measures.
    g = torch.Generator(device=device).manual_seed(0)
    a = torch.randn(n, n, device=device, dtype=dtype, generator=g)
    b = torch.randn(n, n, device=device, dtype=dtype, generator=g)
    best = float("inf")
    for _ in range(4):
        if device.type == "cuda":
            torch.cuda.synchronize()
        start = time.perf_counter()
        a @ b
        if device.type == "cuda":
            torch.cuda.synchronize()
        best = min(best, time.perf_counter() - start)
    return 2 * n**3 / best
