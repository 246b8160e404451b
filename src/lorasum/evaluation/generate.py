"""Batched summary generation with the XL-Sum settings, timed.

    summaries, speed = generate_summaries(model, tokenizer, texts, GenerationSettings())
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass

import torch


@dataclass
class GenerationSettings:
    """The XL-Sum evaluation recipe (Hasan et al., 2021): beams 4, length penalty 0.6, no repeated bigram."""

    num_beams: int = 4
    length_penalty: float = 0.6
    no_repeat_ngram_size: int = 2
    max_source_length: int = 512
    max_target_length: int = 84
    batch_size: int = 8
    min_new_tokens: int | None = None
    """Force at least this many new tokens (speed checks force max_target_length so systems do equal work)."""

    def __post_init__(self):
        from lorasum.errors import UserError

        for name in ("num_beams", "max_source_length", "max_target_length", "batch_size"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise UserError(f"{name} (--{name.replace('_', '-')}) must be a whole number >= 1 (got {value!r})")
        if self.no_repeat_ngram_size < 0:
            raise UserError(f"no_repeat_ngram_size must be >= 0 (got {self.no_repeat_ngram_size}); 0 turns it off")

    def to_dict(self) -> dict:
        return asdict(self)


def _generated_lengths(generated: torch.Tensor, eos_id: int) -> torch.Tensor:
    """Tokens each sequence generated: up to and including its first EOS (padding after it excluded).

    Counting non-pad ids would be wrong: the pad id (0) can also be generated as a real token.
    """
    is_eos = generated == eos_id
    first = is_eos.int().argmax(dim=1)
    return torch.where(is_eos.any(dim=1), first + 1, torch.full_like(first, generated.shape[1]))


@torch.no_grad()
def generate_summaries(model, tokenizer, texts: list[str], settings: GenerationSettings,
                       progress: bool = True) -> tuple[list[str], dict]:
    """Summaries in input order, and speed figures (examples/s, generated tokens/s, time).

    Inputs are sorted by length so each batch pads little; the output order is the input order.
    """
    from tqdm.auto import tqdm

    device = next(model.parameters()).device
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    outputs: list[str] = [""] * len(texts)
    new_tokens = 0
    start = time.perf_counter()
    bar = tqdm(total=len(texts), desc="generate", unit="ex", disable=not progress, dynamic_ncols=True)
    for lo in range(0, len(order), settings.batch_size):
        idx = order[lo: lo + settings.batch_size]
        enc = tokenizer([texts[i] for i in idx], max_length=settings.max_source_length, truncation=True,
                        padding=True, return_tensors="pt").to(device)
        out = model.generate(**enc, num_beams=settings.num_beams, length_penalty=settings.length_penalty,
                             no_repeat_ngram_size=settings.no_repeat_ngram_size,
                             max_new_tokens=settings.max_target_length, min_new_tokens=settings.min_new_tokens,
                             early_stopping=True)
        new_tokens += int(_generated_lengths(out[:, 1:], tokenizer.eos_token_id).sum())  # column 0: decoder start
        for i, text in zip(idx, tokenizer.batch_decode(out, skip_special_tokens=True)):
            outputs[i] = text.strip()
        bar.update(len(idx))
    bar.close()
    elapsed = time.perf_counter() - start
    speed = {"generation_time_s": round(elapsed, 3), "examples_per_s": round(len(texts) / elapsed, 3) if elapsed else None,
             "generated_tokens": new_tokens, "generated_tokens_per_s": round(new_tokens / elapsed, 1) if elapsed else None}
    return outputs, speed


def measure_adapter_speed(model, tokenizer, texts: list[str], settings: GenerationSettings) -> dict:
    """Generation speed of the base model, the LoRA model unmerged and merged, on the same texts.

    Every system generates exactly max_target_length tokens, after one warm-up batch. The adapter is
    merged for its timing and unmerged again (merge_adapter / unmerge_adapter), so the PeftModel is
    left as it came. Returns {"base", "lora_unmerged", "lora_merged": speed figures,
    "unmerged_overhead", "merged_vs_base"} (time ratios; 1.0 = same speed).
    """
    from dataclasses import replace

    fixed = replace(settings, min_new_tokens=settings.max_target_length)
    generate_summaries(model, tokenizer, texts[: fixed.batch_size], fixed, progress=False)  # warm-up
    with model.disable_adapter():
        _, base = generate_summaries(model, tokenizer, texts, fixed, progress=False)
    _, unmerged = generate_summaries(model, tokenizer, texts, fixed, progress=False)
    model.merge_adapter()
    try:
        _, merged = generate_summaries(model, tokenizer, texts, fixed, progress=False)
    finally:
        model.unmerge_adapter()
    ratio = lambda a, b: round(a["generation_time_s"] / b["generation_time_s"], 4)  # noqa: E731
    return {"sample": len(texts), "new_tokens_each": fixed.max_target_length, "base": base,
            "lora_unmerged": unmerged, "lora_merged": merged,
            "unmerged_overhead": ratio(unmerged, base), "merged_vs_base": ratio(merged, base)}
