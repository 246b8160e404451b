"""Training curves, convergence and the comparison charts: exact numbers on synthetic logs, and
figures that draw what they were given (None values and single rows included) and save as PNG."""

import json
import math

import pytest

pytest.importorskip("matplotlib")

from matplotlib.container import BarContainer  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from lorasum.errors import UserError  # noqa: E402
from lorasum.reporting.aggregate import aggregate  # noqa: E402
from lorasum.visualization import human, thin_positions  # noqa: E402
from lorasum.visualization.charts import (pareto_front, plot_cross_lingual, plot_efficiency,  # noqa: E402
                                          plot_pareto, plot_rank_curve, plot_rouge)
from lorasum.visualization.curves import convergence, load_log, plot_curves, smooth  # noqa: E402


def _saves(fig, tmp_path, name="fig.png"):
    assert isinstance(fig, Figure)
    path = tmp_path / name
    fig.savefig(path, dpi=50)
    assert path.stat().st_size > 1000
    with path.open("rb") as f:
        assert f.read(8) == b"\x89PNG\r\n\x1a\n"


def _synthetic_log(spike=True):
    """200 steps: loss falls linearly 10 -> 1 by 0.085/step (crossing 1.9 between steps 96 and 97), then 1.0.

    first = 10, final (mean of the last 20 steps) = 1, so 90% of the reduction is reached at
    loss 10 - 0.9 * 9 = 1.9: step 97 (1.84; step 96 is 1.925). A one-step spike to 0 at step 30
    must not decide. elapsed_s = 0.5 s per step.
    """
    steps = []
    for t in range(1, 201):
        loss = max(1.0, 10 - 0.085 * (t - 1)) if t <= 106 else 1.0
        if spike and t == 30:
            loss = 0.0
        steps.append({"step": t, "epoch": 1, "loss": loss, "lr": 1e-3 * min(1, t / 10), "tokens_per_s": 1000 + t,
                      "elapsed_s": 0.5 * t})
    return {"run": "synthetic", "steps": steps, "validation": [{"step": 0, "epoch": 0, "val_loss": 10.5},
                                                               {"step": 200, "epoch": 1, "val_loss": 1.2}]}


def test_convergence_on_a_known_curve_ignores_a_single_noisy_step():
    c = convergence(_synthetic_log())
    assert (c["first_loss"], c["final_loss"], c["reduction"]) == (10.0, 1.0, 9.0)
    assert c["threshold_loss"] == pytest.approx(1.9)
    assert (c["steps_to_90pct"], c["time_to_90pct_s"], c["fraction_of_steps"]) == (97, 48.5, 0.485)
    # Without smoothing the spike at step 30 would decide: the smoothing is what prevents it.
    assert convergence(_synthetic_log(), window=1)["steps_to_90pct"] == 30
    assert convergence(_synthetic_log(spike=False), window=1)["steps_to_90pct"] == 97


def test_convergence_without_progress_or_steps():
    flat = {"steps": [{"step": t, "loss": 2.0, "elapsed_s": t} for t in range(1, 11)]}
    c = convergence(flat)
    assert c["reduction"] == 0.0 and c["steps_to_90pct"] is None and c["time_to_90pct_s"] is None
    assert convergence({"steps": [], "validation": []})["first_loss"] is None


def test_smooth_is_a_centred_moving_average():
    assert smooth([0, 0, 3, 0, 0], window=3) == [0, 1, 1, 1, 0]
    assert smooth([1, 2, 3], window=1) == [1, 2, 3]
    assert smooth([], window=5) == []


def test_load_log_splits_rows_skips_a_cut_final_line_and_reports_none_when_missing(tmp_path):
    run = tmp_path / "lora_en"
    run.mkdir()
    assert load_log(run) is None
    lines = [{"step": 0, "epoch": 0, "val_loss": 9.0},
             {"step": 1, "epoch": 1, "loss": 8.0, "lr": 1e-4, "tokens_per_s": 50.0, "elapsed_s": 0.1},
             {"step": 2, "epoch": 1, "loss": 7.0, "lr": 2e-4, "tokens_per_s": 60.0, "elapsed_s": 0.2},
             {"step": 2, "epoch": 1, "val_loss": 7.5}]
    text = "".join(json.dumps(r) + "\n" for r in lines)
    (run / "train_log.jsonl").write_text(text + '{"step": 3, "epo', encoding="utf-8")
    log = load_log(run)
    assert log["run"] == "lora_en"
    assert [r["step"] for r in log["steps"]] == [1, 2] and [r["val_loss"] for r in log["validation"]] == [9.0, 7.5]
    (run / "train_log.jsonl").write_text('{"step": 1, "lo\n' + text, encoding="utf-8")
    with pytest.raises(UserError, match=r"train_log.jsonl:1"):
        load_log(run)


def test_plot_curves_overlays_runs_and_copes_with_missing_logs(tmp_path):
    other = _synthetic_log(spike=False)
    fig = plot_curves({"full_en": _synthetic_log(), "lora_en": other, "base": None})
    ax_loss, ax_lr, ax_tps = fig.axes
    assert len(fig.axes) == 3
    assert len(ax_loss.lines) == 6  # per run: raw, smoothed, validation
    assert len(ax_lr.lines) == 2 and len(ax_tps.lines) == 4
    assert [t.get_text() for t in ax_loss.get_legend().get_texts()][:2] == ["full_en (train)", "full_en (validation)"]
    assert "base" in fig.get_suptitle()
    assert ax_loss.get_xlabel() == "optimizer step" and "nats" in ax_loss.get_ylabel()
    _saves(fig, tmp_path)
    empty = plot_curves({"base": None})
    assert len(empty.axes) == 3 and all(not ax.lines for ax in empty.axes)
    _saves(empty, tmp_path, "empty.png")
    _saves(plot_curves({}), tmp_path, "none.png")


def _rows():
    """Comparison rows as `lorasum compare` writes them: two languages, one missing score, a base model."""
    def row(run, method, test, rl, params, time_s, mem, ckpt, lang="en"):
        return {"run": run, "method": method, "train_language": lang, "test_language": test,
                "rouge1": None if rl is None else rl + 10, "rouge2": None if rl is None else rl - 10, "rougeL": rl,
                "rougeL_ci_low": None if rl is None else rl - 1, "rougeL_ci_high": None if rl is None else rl + 1.5,
                "trainable_params": params, "peak_memory_mib": mem, "train_time_s": time_s, "checkpoint_mib": ckpt}
    return [row("full_en", "full", "en", 30.0, 300_000_000, 1000.0, 9000.0, 1100.0),
            row("full_en", "full", "it", 20.0, 300_000_000, 1000.0, 9000.0, 1100.0),
            row("lora-r8_en", "lora", "en", 29.0, 400_000, 400.0, 5000.0, 1.5),
            row("lora-r8_en", "lora", "it", None, 400_000, 400.0, 5000.0, 1.5),
            row("ia3_en", "ia3", "en", 25.0, 50_000, 450.0, 4800.0, 0.2),
            row("base", "base", "en", 10.0, None, None, None, None, lang="-")]


def test_plot_rouge_draws_one_bar_per_score_with_ci_error_bars(tmp_path):
    rows = _rows()
    fig = plot_rouge(rows)
    (ax,) = fig.axes
    assert len(ax.patches) == 5  # six rows, one without a score
    heights = sorted(round(p.get_height(), 6) for p in ax.patches)
    assert heights == [10.0, 20.0, 25.0, 29.0, 30.0]
    bars = [c for c in ax.containers if isinstance(c, BarContainer)]
    assert len(bars) == 5 and all(c.errorbar is not None for c in bars)
    # full_en on en: 30 with CI 29-31.5 -> the error bar spans exactly the CI
    segment = bars[0].errorbar.lines[2][0].get_segments()[0]
    assert [round(y, 6) for _, y in segment] == [29.0, 31.5]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["en", "it"]
    assert any(t.get_text() == "n/a" for t in ax.texts)
    assert len(fig.legends) == 1 and len(fig.legends[0].get_texts()) == 4  # one entry per run
    _saves(fig, tmp_path)
    three = plot_rouge(rows, metrics=("rouge1", "rouge2", "rougeL"))
    assert len(three.axes) == 3 and [len(a.patches) for a in three.axes] == [5, 5, 5]
    single = plot_rouge(rows[:1])
    assert len(single.axes[0].patches) == 1
    _saves(single, tmp_path, "single.png")
    nothing = plot_rouge([{"run": "x", "test_language": "en", "rougeL": None}])
    assert not nothing.axes[0].patches
    _saves(nothing, tmp_path, "nothing.png")


def test_plot_rouge_uses_the_seed_std_of_aggregated_rows():
    agg = [{"group": "lora_en", "method": "lora", "test_language": "en", "rougeL": 20.0, "rougeL_std": 2.0},
           {"group": "full_en", "method": "full", "test_language": "en", "rougeL": 22.0, "rougeL_std": None}]
    ax = plot_rouge(agg).axes[0]
    bars = [c for c in ax.containers if isinstance(c, BarContainer)]
    assert len(bars) == 2 and bars[0].errorbar is not None and bars[1].errorbar is None
    assert [round(y, 6) for _, y in bars[0].errorbar.lines[2][0].get_segments()[0]] == [18.0, 22.0]


def test_plot_efficiency_has_a_log_panel_per_figure_and_marks_missing_values(tmp_path):
    fig = plot_efficiency(_rows())
    assert len(fig.axes) == 4
    assert all(ax.get_xscale() == "log" for ax in fig.axes)
    # four runs (rows repeat per test language); the base model has no training figures
    assert [len(ax.patches) for ax in fig.axes] == [3, 3, 3, 3]
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["full_en", "lora-r8_en", "ia3_en", "base"]
    assert sum(t.get_text() == "n/a" for t in fig.axes[2].texts) == 1
    _saves(fig, tmp_path)
    single = plot_efficiency([{"run": "x", "method": "lora", "trainable_params": 10, "peak_memory_mib": None,
                               "train_time_s": None, "checkpoint_mib": None}])
    assert [len(ax.patches) for ax in single.axes] == [1, 0, 0, 0]
    _saves(single, tmp_path, "single.png")


def test_plot_cross_lingual_annotates_every_cell_with_missing_as_dash(tmp_path):
    matrix = {"en": {"en": 30.0, "it": 12.5}, "it": {"it": 25.0}}
    fig = plot_cross_lingual(matrix, title="ROUGE-L F1, lora: train x test")
    assert len(fig.axes) == 2  # heatmap + colorbar
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts] == ["30.0", "12.5", "-", "25.0"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["en", "it"]
    assert ax.images[0].get_array().shape == (2, 2)
    _saves(fig, tmp_path)
    single = plot_cross_lingual({"en": {"en": 30.0}})
    assert [t.get_text() for t in single.axes[0].texts] == ["30.0"]
    _saves(single, tmp_path, "single.png")
    assert len(plot_cross_lingual({}).axes) == 1
    assert len(plot_cross_lingual({"en": {"en": None}}).axes) == 2


def test_rank_curve_and_cross_lingual_take_aggregate_output(tmp_path):
    rows = []
    for seed, jitter in ((1, 0.0), (2, 1.0)):
        for r, params, score in ((4, 200_000, 26.0), (8, 400_000, 28.0), (16, 800_000, 29.0)):
            rows.append({"run": f"lora-r{r}_en_s{seed}", "method": "lora", "r": r, "train_language": "en",
                         "test_language": "en", "rougeL": score + jitter, "trainable_params": params})
        rows.append({"run": f"full_en_s{seed}", "method": "full", "r": None, "train_language": "en",
                     "test_language": "en", "rougeL": 30.0 + jitter, "trainable_params": 300_000_000})
    summary = aggregate(rows)
    fig = plot_rank_curve(summary["rank_curve"])
    (ax,) = fig.axes
    assert ax.get_xscale() == "log"
    assert sorted(t.get_text() for t in ax.texts) == ["r=16", "r=4", "r=8"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["lora", "full fine-tuning"]
    assert len(ax.containers) == 2 and ax.containers[0].has_yerr  # std over two seeds
    full_line = [ln for ln in ax.lines if ln.get_linestyle() == "--"]
    assert len(full_line) == 1 and full_line[0].get_ydata()[0] == pytest.approx(30.5)
    _saves(fig, tmp_path)
    _saves(plot_cross_lingual(summary["cross_lingual"]["lora-r8"]), tmp_path, "xl.png")
    single = plot_rank_curve([{"group": "lora_en", "method": "lora", "r": 8, "test_language": "en",
                               "trainable_params": 1000, "rougeL": 5.0, "rougeL_std": None}])
    assert len(single.axes) == 1 and not single.axes[0].containers[0].has_yerr
    _saves(single, tmp_path, "single.png")
    _saves(plot_rank_curve([{"method": "lora", "trainable_params": None, "rougeL": None}]), tmp_path, "none.png")


def test_pareto_front_by_hand():
    rows = _rows()
    # en: full (30, 1000 s), lora (29, 400 s), ia3 (25, 450 s): ia3 is slower and worse than lora.
    front = pareto_front(rows, cost="train_time_s")
    assert sorted((r["run"], r["test_language"]) for r in front) == [("full_en", "en"), ("full_en", "it"),
                                                                      ("lora-r8_en", "en")]
    # by checkpoint size ia3 is the smallest, so it joins the front
    assert ("ia3_en", "en") in {(r["run"], r["test_language"]) for r in pareto_front(rows, cost="checkpoint_mib")}


def test_plot_pareto_highlights_the_front(tmp_path):
    fig = plot_pareto(_rows(), cost="train_time_s")
    (ax,) = fig.axes
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["runs (en)", "Pareto front (en)", "untrained base (en)", "runs (it)", "Pareto front (it)"]
    fronts = [c for c in ax.collections if len(c.get_edgecolors()) and c.get_sizes()[0] == 90]
    assert [len(c.get_offsets()) for c in fronts] == [2, 1]
    assert sorted(t.get_text() for t in ax.texts) == ["full_en", "full_en", "lora-r8_en"]
    assert "lower is better" in ax.get_xlabel()
    _saves(fig, tmp_path)
    _saves(plot_pareto(_rows()[:1], cost="peak_memory_mib"), tmp_path, "single.png")
    empty = plot_pareto([_rows()[-1]])
    assert len(empty.axes) == 1 and not empty.axes[0].collections
    _saves(empty, tmp_path, "empty.png")


def test_helpers():
    assert thin_positions(10) == list(range(10))
    assert len(thin_positions(1000)) <= 40 and thin_positions(1000)[:2] == [0, 25]
    assert human(1_234_567) == "1.23M" and human(None) == "n/a" and human(340, " MiB") == "340 MiB"
    assert math.isclose(float(human(0.5)), 0.5)
