"""Cost of the xlsum ROUGE scheme against plain rouge-score on the same English pairs.

    /tmp/venv/bin/python benchmarks/bench_rouge.py --pairs 10000 --rounds 3 --output benchmarks/results/bench_rouge.json

Both sides score ROUGE-1/2/L (rouge-score's counting in both; only the tokenizer differs). Rounds are
interleaved (A B A B ...) in one process so that machine noise hits both sides alike, and lorasum's
stem cache is emptied before each of its rounds, so no round profits from an earlier one. The
budget is xlsum <= 1.5 x rouge-score (median over rounds); the exit code is 1 when it is exceeded.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
from pathlib import Path

from lorasum.evaluation import rouge

BUDGET_RATIO = 1.5
TYPES = ("rouge1", "rouge2", "rougeL")
# Inflected forms on purpose, so both sides spend real time in the Porter stemmer.
WORDS = (
    "government minister ministers said says saying election elections vote voted voting police officers "
    "reported reports city cities country countries people children killed attack attacks president "
    "presidential economy economic growth growing market markets prices rising rose fell falling bank "
    "banks interest rates plan plans planned company companies workers strike strikes health hospital "
    "hospitals patients doctors court ruling judge judges law laws new old first last year years week "
    "weeks month months day days team teams won winning match matches player players season the a of to "
    "in and for on with by at from after over about more than 2021 2022 10 25 300 million billion"
).split()
PUNCTUATION = (",", ".", ";", ":", "!", "?", "'s", " -", " (", ")")


def make_pairs(n: int, words_per_summary: int = 30, seed: int = 0) -> tuple[list[str], list[str]]:
    """n (prediction, reference) pairs of ~30 words; references share about half their words with predictions."""
    rng = random.Random(seed)

    def sentence(k: int) -> str:
        out = []
        for i in range(k):
            word = rng.choice(WORDS)
            out.append(word.capitalize() if i == 0 or rng.random() < 0.08 else word)
            if rng.random() < 0.1:
                out[-1] += rng.choice(PUNCTUATION)
        return " ".join(out) + "."

    predictions, references = [], []
    for _ in range(n):
        k = words_per_summary + rng.randint(-5, 5)
        reference = sentence(k)
        kept = [w if rng.random() < 0.5 else rng.choice(WORDS) for w in reference.split()]
        predictions.append(" ".join(kept))
        references.append(reference)
    return predictions, references


def run_rouge_score(predictions, references) -> float:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(TYPES), use_stemmer=True)
    total = 0.0
    for p, r in zip(predictions, references):
        total += scorer.score(r, p)["rougeL"].fmeasure
    return total


def run_xlsum(predictions, references) -> float:
    rouge._stem_function.cache_clear()  # a cold stem cache every round: no help from earlier rounds
    return rouge.score_pairs(predictions, references, "en", "xlsum", rouge_types=TYPES)["rougeL"]["f"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=10_000, help="number of (prediction, reference) pairs")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per side, interleaved")
    parser.add_argument("--output", default="benchmarks/results/bench_rouge.json", help="JSON result file")
    args = parser.parse_args(argv)
    if args.pairs < 1 or args.rounds < 1:
        parser.error("--pairs and --rounds must be >= 1")

    predictions, references = make_pairs(args.pairs)
    times = {"rouge-score": [], "xlsum": []}
    checks = {}
    for _ in range(args.rounds):
        for name, fn in (("rouge-score", run_rouge_score), ("xlsum", run_xlsum)):
            start = time.perf_counter()
            checks[name] = fn(predictions, references)
            times[name].append(time.perf_counter() - start)

    medians = {k: statistics.median(v) for k, v in times.items()}
    ratio = medians["xlsum"] / medians["rouge-score"]
    # Same English text, same counting: the two mean ROUGE-L values must agree.
    same_scores = abs(100 * checks["rouge-score"] / args.pairs - checks["xlsum"]) < 1e-9
    result = {
        "pairs": args.pairs, "rounds": args.rounds, "rouge_types": list(TYPES),
        "median_s": {k: round(v, 4) for k, v in medians.items()},
        "times_s": {k: [round(t, 4) for t in v] for k, v in times.items()},
        "us_per_pair": {k: round(1e6 * v / args.pairs, 1) for k, v in medians.items()},
        "ratio_xlsum_over_rouge_score": round(ratio, 3), "budget_ratio": BUDGET_RATIO,
        "within_budget": ratio <= BUDGET_RATIO, "same_mean_rougeL": same_scores,
        "python": platform.python_version(), "machine": platform.machine(),
    }
    print(f"{'scorer':<12} {'median s':>9} {'us/pair':>8}  rounds (s)")
    for k in times:
        print(f"{k:<12} {medians[k]:>9.3f} {1e6 * medians[k] / args.pairs:>8.1f}  "
              + " ".join(f"{t:.3f}" for t in times[k]))
    print(f"ratio xlsum / rouge-score = {ratio:.3f} (budget {BUDGET_RATIO}); same mean ROUGE-L: {same_scores}")
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"-> {out}")
    return 0 if result["within_budget"] and same_scores else 1


if __name__ == "__main__":
    sys.exit(main())
