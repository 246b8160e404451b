"""Confidence intervals and paired significance tests for per-example scores (ROUGE x100, proxies).

    corpus_score(scores["per_example"], "rougeL")   # {"f": 29.9, "ci_low": 29.4, "ci_high": 30.4, "n": 11535}

All resampling is numpy-vectorised and seeded: the same inputs and seed give the same numbers on
every run. Resamples are drawn in chunks so that an English test set (11,535 examples) x 1000
resamples never holds more than a few million indices in memory; the chunk size depends only on n,
so results do not depend on the machine.
"""

from __future__ import annotations

import numpy as np

METHODS = ("bootstrap", "randomization")
_MAX_CHUNK_CELLS = 4_000_000  # resamples x examples per chunk: about 32 MB of int64 indices


def _as_array(values, name: str) -> np.ndarray:
    array = np.asarray(list(values), dtype=np.float64)
    if array.ndim != 1:
        raise ValueError(f"{name} must be a flat sequence of numbers (got shape {array.shape})")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} contains NaN or infinity: drop or fix those examples first")
    return array


def _check(n_resamples: int, confidence: float = 0.95) -> None:
    if int(n_resamples) < 1:
        raise ValueError(f"n_resamples must be >= 1 (got {n_resamples}): 1000 is usual")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1 (got {confidence}): 0.95 is usual")


def _chunks(n_resamples: int, n: int):
    """Sizes of successive resample chunks whose index arrays stay under _MAX_CHUNK_CELLS."""
    step = max(1, _MAX_CHUNK_CELLS // max(n, 1))
    for start in range(0, n_resamples, step):
        yield min(step, n_resamples - start)


def _bootstrap_means(values: np.ndarray, n_resamples: int, rng: np.random.Generator) -> np.ndarray:
    """Means of n_resamples resamples (with replacement, size n) of values; shape (n_resamples,)."""
    n = len(values)
    return np.concatenate([values[rng.integers(0, n, size=(size, n))].mean(axis=1)
                           for size in _chunks(n_resamples, n)])


def _percentile_ci(means: np.ndarray, confidence: float) -> tuple[float, float]:
    alpha = 1 - confidence
    low, high = np.percentile(means, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(low), float(high)


def bootstrap_ci(values, n_resamples: int = 1000, confidence: float = 0.95, seed: int = 0) -> dict:
    """Percentile bootstrap confidence interval of the mean.

    Args:
        values: per-example scores.
        n_resamples: bootstrap resamples.
        confidence: coverage of the interval (0.95 -> 2.5th and 97.5th percentiles of resampled means).
        seed: numpy Generator seed.

    Returns:
        {"mean": mean of values, "ci_low", "ci_high", "n"}; with no values, mean and bounds are None.

    Raises:
        ValueError: NaN or infinite values, n_resamples < 1, confidence outside (0, 1).
    """
    _check(n_resamples, confidence)
    array = _as_array(values, "values")
    if len(array) == 0:
        return {"mean": None, "ci_low": None, "ci_high": None, "n": 0}
    means = _bootstrap_means(array, int(n_resamples), np.random.default_rng(seed))
    low, high = _percentile_ci(means, confidence)
    return {"mean": float(array.mean()), "ci_low": low, "ci_high": high, "n": len(array)}


def paired_test(a, b, n_resamples: int = 1000, seed: int = 0, method: str = "bootstrap",
                confidence: float = 0.95) -> dict:
    """Is system A's mean score different from system B's on the same examples?

    Both methods work on the paired differences d_i = a_i - b_i, so example difficulty cancels out.

    - "bootstrap" (paired bootstrap): resample examples B times, giving means d*_1..d*_B. The
      two-sided p-value is the share of resampled means on the far side of 0, doubled, with the
      usual +1 correction so a finite test never reports p = 0 (Davison & Hinkley, 1997):
      p = min(1, 2 * (min(#{d* <= 0}, #{d* >= 0}) + 1) / (B + 1)).
      It is the smallest alpha at which the (1 - alpha) percentile interval still contains 0.
    - "randomization" (approximate randomization; Noreen, 1989): under H0 the labels A and B are
      exchangeable within a pair, so each d_i's sign is flipped at random B times;
      p = (#{|mean of flipped d| >= |mean d|} + 1) / (B + 1).

    The confidence interval of the mean difference is the paired percentile bootstrap in both cases.

    Args:
        a: per-example scores of system A.
        b: per-example scores of system B, same examples in the same order.
        n_resamples: resamples (bootstrap) or random sign flips (randomization).
        seed: numpy Generator seed.
        method: "bootstrap" or "randomization".
        confidence: coverage of the interval.

    Returns:
        {"mean_diff": mean(a - b), "ci_low", "ci_high", "p_value", "n", "method"}; with no examples,
        mean_diff, bounds and p_value are None.

    Raises:
        ValueError: a and b of different lengths, an unknown method, NaN or infinite scores.
    """
    _check(n_resamples, confidence)
    if method not in METHODS:
        raise ValueError(f"unknown paired test method '{method}': use one of {', '.join(METHODS)}")
    a, b = _as_array(a, "a"), _as_array(b, "b")
    if len(a) != len(b):
        raise ValueError(f"paired test needs the same examples for both systems: got {len(a)} and {len(b)} scores")
    n = len(a)
    if n == 0:
        return {"mean_diff": None, "ci_low": None, "ci_high": None, "p_value": None, "n": 0, "method": method}
    B = int(n_resamples)
    diff = a - b
    observed = float(diff.mean())
    rng = np.random.default_rng(seed)
    boot = _bootstrap_means(diff, B, rng)
    low, high = _percentile_ci(boot, confidence)

    if method == "bootstrap":
        tail = min(int((boot <= 0).sum()), int((boot >= 0).sum()))
        p_value = min(1.0, 2 * (tail + 1) / (B + 1))
    else:
        # Means of sign-flipped differences that equal |observed| in exact arithmetic may differ in
        # the last bits; the tolerance counts them as ties (>=), which keeps the test conservative.
        tolerance = 1e-9 * max(1.0, float(np.abs(diff).max()))
        count = 0
        for size in _chunks(B, n):
            signs = rng.integers(0, 2, size=(size, n), dtype=np.int8) * 2 - 1
            flipped = np.abs((signs * diff).mean(axis=1))
            count += int((flipped >= abs(observed) - tolerance).sum())
        p_value = (count + 1) / (B + 1)
    return {"mean_diff": observed, "ci_low": low, "ci_high": high, "p_value": float(p_value), "n": n,
            "method": method}


def corpus_score(per_example: list[dict], key: str, **kw) -> dict:
    """Mean of one per-example score with its bootstrap confidence interval.

    Args:
        per_example: rows such as score_pairs(...)["per_example"] (values already x100).
        key: the score to aggregate, e.g. "rougeL".
        **kw: n_resamples, confidence, seed, passed to bootstrap_ci.

    Returns:
        {"f": mean, "ci_low", "ci_high", "n"}; f and bounds are None when there are no rows.

    Raises:
        ValueError: a row without `key` (the message lists the keys it has).
    """
    values = []
    for i, row in enumerate(per_example):
        if key not in row:
            raise ValueError(f"per-example row {i} has no '{key}': it has {', '.join(map(str, row)) or 'no keys'}")
        values.append(row[key])
    ci = bootstrap_ci(values, **kw)
    return {"f": ci["mean"], "ci_low": ci["ci_low"], "ci_high": ci["ci_high"], "n": ci["n"]}
