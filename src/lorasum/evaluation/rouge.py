"""ROUGE-1/2/L for any script: rouge-score's n-gram and LCS counting with a Unicode-aware tokenizer.

    scores = score_pairs(predictions, references)   # {"rouge1": {"f": 41.2, ...}, ..., "per_example": [...]}

rouge-score's default tokenizer keeps only [a-z0-9], so Cyrillic, Chinese or Arabic text scores 0
and Italian loses its accented letters. This tokenizer lowercases, keeps letters and digits of every
script, drops punctuation, and splits Han / kana / Thai-like scripts (written without spaces) one
character per token.
"""

from __future__ import annotations

import regex

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
# Letters, combining marks (Devanagari and Arabic vowel signs are marks, not letters) and digits.
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
# Scripts written without spaces between words: one token per character.
_NO_SPACE_SCRIPTS = regex.compile(
    "([\u0e00-\u0e7f\u1000-\u109f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])")


class UnicodeTokenizer:
    """The `tokenize(text) -> list[str]` interface rouge-score's RougeScorer accepts."""

    name = "unicode-words"

    def tokenize(self, text: str) -> list[str]:
        text = _NO_SPACE_SCRIPTS.sub(r" \1 ", text.lower())
        return _WORD.findall(text)


def score_pairs(predictions: list[str], references: list[str]) -> dict:
    """Per-example and mean F1 (x100) of ROUGE-1/2/L.

    Returns:
        {"rouge1": {"f": mean F1 x 100}, ..., "per_example": [{"rouge1": f, ...}, ...], "tokenizer": name}
    """
    from rouge_score import rouge_scorer

    if len(predictions) != len(references):
        raise ValueError(f"{len(predictions)} predictions for {len(references)} references")
    tokenizer = UnicodeTokenizer()
    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), tokenizer=tokenizer)
    per_example = []
    for pred, ref in zip(predictions, references):
        scores = scorer.score(ref, pred)  # rouge-score takes (target, prediction)
        per_example.append({k: round(100 * scores[k].fmeasure, 4) for k in ROUGE_TYPES})
    n = len(per_example)
    result = {k: {"f": round(sum(e[k] for e in per_example) / n, 4) if n else 0.0} for k in ROUGE_TYPES}
    return {**result, "n": n, "tokenizer": tokenizer.name, "per_example": per_example}
