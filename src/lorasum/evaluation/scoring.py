"""Score a corpus of summaries: multilingual ROUGE with bootstrap CIs, plus faithfulness proxies.

    result, per_example = score_corpus(predictions, references, "it", sources=articles)

Used by `lorasum evaluate` (on its own generations) and `lorasum score` (on any system's output).
"""

from __future__ import annotations

from lorasum.evaluation.faithfulness import aggregate, summary_proxies
from lorasum.evaluation.rouge import ROUGE_TYPES, score_pairs
from lorasum.evaluation.stats import corpus_score


def score_corpus(predictions: list[str], references: list[str], language: str, *, scheme: str = "xlsum",
                 sources: list[str] | None = None, n_resamples: int = 1000, seed: int = 0) -> tuple[dict, list[dict]]:
    """Corpus scores and per-example rows.

    Returns:
        (result, per_example): result holds, for each ROUGE type, {"f", "ci_low", "ci_high", "p", "r"}
        (mean F1 x 100 with a seeded bootstrap 95% CI), plus n, scheme, language, tokenizer, stemmer,
        segmenter and, when sources are given, "faithfulness" (means and flag rates). Each per-example
        row holds the F1 of every ROUGE type and, with sources, its proxies and flags.
    """
    scores = score_pairs(predictions, references, language=language, scheme=scheme)
    per_example = scores.pop("per_example")
    result = {k: scores[k] for k in ("n", "scheme", "language", "tokenizer", "stemmer", "segmenter")}
    for key in ROUGE_TYPES:
        ci = corpus_score(per_example, key, n_resamples=n_resamples, seed=seed)
        result[key] = {"f": ci["f"], "ci_low": ci["ci_low"], "ci_high": ci["ci_high"],
                       "p": scores[key]["p"], "r": scores[key]["r"]}
    if sources is not None:
        proxies = [summary_proxies(s, p, language) for s, p in zip(sources, predictions)]
        result["faithfulness"] = aggregate(proxies)
        for row, proxy in zip(per_example, proxies):
            row["flags"] = proxy.pop("flags")
            row["faithfulness"] = proxy
    return result, per_example


def read_summaries(path, fields: tuple[str, ...]) -> tuple[list[str], list[str] | None, list[dict] | None]:
    """Summaries from a JSONL file (the first of `fields` each row has) or a text file (one per line).

    Returns:
        (texts, ids or None, rows or None). Raises UserError for a missing file or field.
    """
    from pathlib import Path

    from lorasum.errors import UserError
    from lorasum.io import read_jsonl

    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path} does not exist")
    if path.suffix.lower() not in (".jsonl", ".json"):
        return [line.rstrip("\n") for line in path.open(encoding="utf-8")], None, None
    rows = read_jsonl(path)
    texts = []
    for lineno, row in enumerate(rows, start=1):
        field = next((f for f in fields if f in row), None)
        if field is None:
            raise UserError(f"{path}: record {lineno} has none of the fields {', '.join(fields)} "
                            f"(fields found: {', '.join(row)})")
        texts.append(row[field] if isinstance(row[field], str) else "")
    ids = [str(r["id"]) for r in rows] if rows and all("id" in r for r in rows) else None
    return texts, ids, rows


def align(predictions: list[str], pred_ids, references: list[str], ref_ids) -> tuple[list[str], list[str]]:
    """Pair predictions with references by id when both files have ids, else by position."""
    from lorasum.errors import UserError

    if len(predictions) != len(references):
        raise UserError(f"{len(predictions)} predictions but {len(references)} references: "
                        "give one prediction per reference")
    if pred_ids is None or ref_ids is None:
        return predictions, references
    if set(pred_ids) != set(ref_ids) or len(set(pred_ids)) != len(pred_ids):
        missing = sorted(set(ref_ids) - set(pred_ids))[:3] or sorted(set(pred_ids) - set(ref_ids))[:3]
        raise UserError(f"prediction and reference ids do not match (e.g. {', '.join(missing) or 'duplicate ids'}): "
                        "score the same test set, or drop the ids to pair by position")
    by_id = dict(zip(ref_ids, references))
    return predictions, [by_id[i] for i in pred_ids]
