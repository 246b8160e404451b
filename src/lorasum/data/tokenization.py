"""Tokenize summarization records for mT5 and batch them with dynamic padding.

    features = tokenize_rows(rows, tokenizer, max_source_length=512, max_target_length=84)
    loader = DataLoader(features, batch_size=8, collate_fn=make_collator(tokenizer))
"""

from __future__ import annotations


def tokenize_rows(rows: list[dict], tokenizer, max_source_length: int, max_target_length: int) -> list[dict]:
    """Each row -> {'input_ids', 'labels'} (lists of ints, truncated; mT5 needs no task prefix)."""
    if not rows:  # e.g. `lorasum data --val 0`: the tokenizer rejects an empty batch
        return []
    sources = tokenizer([r["text"] for r in rows], max_length=max_source_length, truncation=True)
    targets = tokenizer(text_target=[r["summary"] for r in rows], max_length=max_target_length, truncation=True)
    return [{"input_ids": s, "labels": t} for s, t in zip(sources["input_ids"], targets["input_ids"])]


def make_collator(tokenizer):
    """Pads each batch to its own longest sequence; padded label positions are -100 (ignored by the loss)."""
    from transformers import DataCollatorForSeq2Seq

    return DataCollatorForSeq2Seq(tokenizer, padding="longest", label_pad_token_id=-100)


def count_tokens(batch) -> int:
    """Non-pad source plus target tokens: the unit of every tokens/s lorasum reports."""
    return int(batch["attention_mask"].sum()) + int((batch["labels"] != -100).sum())
