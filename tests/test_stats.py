"""Bootstrap intervals and paired tests (lorasum.evaluation.stats) on cases whose answers are known."""

import numpy as np
import pytest

from lorasum.evaluation import stats
from lorasum.evaluation.stats import bootstrap_ci, corpus_score, paired_test


def test_constant_values_have_a_zero_width_interval():
    ci = bootstrap_ci([42.5] * 30)
    assert ci == {"mean": 42.5, "ci_low": 42.5, "ci_high": 42.5, "n": 30}


def test_single_value():
    assert bootstrap_ci([7.0]) == {"mean": 7.0, "ci_low": 7.0, "ci_high": 7.0, "n": 1}


def test_two_point_case():
    # Resampling [0, 100] gives means 0, 50, 100 with probabilities 1/4, 1/2, 1/4: the 2.5th and
    # 97.5th percentiles are the extremes (each has ~250 of 1000 resamples, far above 25).
    ci = bootstrap_ci([0, 100])
    assert ci == {"mean": 50.0, "ci_low": 0.0, "ci_high": 100.0, "n": 2}
    # A 40% interval lies inside the middle mass: both ends are 50.
    narrow = bootstrap_ci([0, 100], confidence=0.4)
    assert narrow["ci_low"] == narrow["ci_high"] == 50.0


def test_interval_brackets_the_mean_and_shrinks_with_n():
    rng = np.random.default_rng(1)
    small = bootstrap_ci(rng.normal(30, 10, 50))
    large = bootstrap_ci(rng.normal(30, 10, 5000))
    assert small["ci_low"] < small["mean"] < small["ci_high"]
    assert large["ci_high"] - large["ci_low"] < (small["ci_high"] - small["ci_low"]) / 5
    # Normal theory: half-width ~ 1.96 * 10 / sqrt(5000) = 0.277.
    assert (large["ci_high"] - large["ci_low"]) / 2 == pytest.approx(0.277, rel=0.15)


def test_seeded_determinism():
    values = np.random.default_rng(3).uniform(0, 100, 200)
    assert bootstrap_ci(values, seed=5) == bootstrap_ci(list(values), seed=5)
    assert bootstrap_ci(values, seed=5) != bootstrap_ci(values, seed=6)
    a, b = values, values[::-1]
    for method in stats.METHODS:
        assert paired_test(a, b, seed=2, method=method) == paired_test(a, b, seed=2, method=method)


def test_chunking_does_not_change_results(monkeypatch):
    values = np.random.default_rng(4).uniform(0, 100, 300)
    a, b = values, values + np.random.default_rng(5).normal(1, 5, 300)
    whole = bootstrap_ci(values), paired_test(a, b, method="randomization")
    monkeypatch.setattr(stats, "_MAX_CHUNK_CELLS", 300 * 7)  # 7 resamples per chunk
    assert (bootstrap_ci(values), paired_test(a, b, method="randomization")) == whole


@pytest.mark.parametrize("method", ["bootstrap", "randomization"])
def test_identical_systems_have_no_difference(method):
    a = np.random.default_rng(0).uniform(0, 100, 100)
    r = paired_test(a, a.copy(), method=method)
    assert r == {"mean_diff": 0.0, "ci_low": 0.0, "ci_high": 0.0, "p_value": 1.0, "n": 100, "method": method}


def test_clearly_better_system_bootstrap():
    # Every difference is positive, so no resampled mean can be <= 0: p = 2 * (0 + 1) / 1001 exactly.
    b = np.random.default_rng(0).uniform(10, 50, 40)
    a = b + np.random.default_rng(1).uniform(2, 8, 40)
    r = paired_test(a, b)
    assert r["p_value"] == pytest.approx(2 / 1001) and r["p_value"] < 0.05
    assert r["mean_diff"] == pytest.approx(float(np.mean(a - b)))
    assert 2 < r["ci_low"] < r["mean_diff"] < r["ci_high"] < 8


def test_clearly_better_system_randomization():
    # Equal differences of 3 on 20 examples: only the all-plus sign pattern (chance 2**-20) reaches
    # |mean| >= 3, so with the seed none of 1000 flips does: p = (0 + 1) / 1001.
    b = np.random.default_rng(0).uniform(10, 50, 20)
    r = paired_test(b + 3, b, method="randomization")
    assert r["p_value"] == pytest.approx(1 / 1001)
    assert r["mean_diff"] == pytest.approx(3.0)


def test_randomization_p_value_on_an_enumerable_case():
    # d = [1, 1]: sign patterns give |mean| 1, 0, 0, 1 -> P(|mean| >= 1) = 1/2.
    r = paired_test([1, 1], [0, 0], n_resamples=20000, method="randomization")
    assert r["p_value"] == pytest.approx(0.5, abs=0.02)


def test_noise_gives_a_large_p_value():
    rng = np.random.default_rng(7)
    a, b = rng.normal(30, 10, 300), rng.normal(30, 10, 300)
    for method in stats.METHODS:
        assert paired_test(a, b, method=method)["p_value"] > 0.1


def test_sign_of_the_difference_is_a_minus_b():
    assert paired_test([1, 2, 3], [2, 3, 4])["mean_diff"] == pytest.approx(-1.0)


def test_errors_and_empty_input():
    with pytest.raises(ValueError, match="same examples"):
        paired_test([1, 2], [1])
    with pytest.raises(ValueError, match="bootstrap, randomization"):
        paired_test([1], [1], method="t-test")
    with pytest.raises(ValueError, match="NaN"):
        bootstrap_ci([1.0, float("nan")])
    with pytest.raises(ValueError, match="confidence"):
        bootstrap_ci([1.0], confidence=95)
    with pytest.raises(ValueError, match="n_resamples"):
        bootstrap_ci([1.0], n_resamples=0)
    assert bootstrap_ci([]) == {"mean": None, "ci_low": None, "ci_high": None, "n": 0}
    assert paired_test([], []) == {"mean_diff": None, "ci_low": None, "ci_high": None, "p_value": None,
                                   "n": 0, "method": "bootstrap"}
    assert corpus_score([], "rougeL") == {"f": None, "ci_low": None, "ci_high": None, "n": 0}


def test_corpus_score_reads_per_example_rows():
    rows = [{"rouge1": 40.0, "rougeL": 30.0}, {"rouge1": 60.0, "rougeL": 30.0}]
    assert corpus_score(rows, "rougeL") == {"f": 30.0, "ci_low": 30.0, "ci_high": 30.0, "n": 2}
    r1 = corpus_score(rows, "rouge1", n_resamples=500, seed=1)
    assert r1 == {"f": 50.0, "ci_low": 40.0, "ci_high": 60.0, "n": 2}
    with pytest.raises(ValueError, match="row 1 has no 'rouge2'"):
        corpus_score([{"rouge2": 1.0}, {"rouge1": 1.0}], "rouge2")
