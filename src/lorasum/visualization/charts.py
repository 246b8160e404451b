"""Charts of a comparison: ROUGE with CIs, efficiency, cross-lingual heatmap, rank curve, Pareto front.

    rows = read_json("outputs/compare/comparison.json")["rows"]
    plot_rouge(rows).savefig("rouge.png", dpi=150); plot_pareto(rows, cost="peak_memory_mib")

Inputs are comparison rows as `lorasum compare` writes them (reporting/compare.py) or the
seed-aggregated rows and views of reporting/aggregate.py: a row is named by `run`, or by `group`
when it has no run, and its error bar is the bootstrap CI (`rougeL_ci_low/high`) or, failing that,
the standard deviation over seeds (`rougeL_std`). Any value may be None: it is left out of the
figure and marked "n/a", never drawn as zero.
"""

from __future__ import annotations

from matplotlib.ticker import NullFormatter

import math

from lorasum.visualization import colors, human, new_figure, no_data

METRIC_LABELS = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeL": "ROUGE-L", "rougeLsum": "ROUGE-Lsum"}
def _amount(value: float, unit: str) -> str:
    """1100.4 -> '1,100 MiB', 1.53 -> '1.53 MiB': whole numbers once the decimals stop mattering."""
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:.3g} {unit}"


# (key, panel title, axis label, bar annotation): units in the labels, as in the comparison table's headers.
EFFICIENCY = [
    ("trainable_params", "Trainable parameters", "parameters (log scale)", human),
    ("peak_memory_mib", "Peak memory", "MiB (log scale)", lambda v: _amount(v, "MiB")),
    ("train_time_s", "Training time", "seconds (log scale)", lambda v: _amount(v, "s")),
    ("checkpoint_mib", "Checkpoint size", "MiB (log scale)", lambda v: _amount(v, "MiB")),
]
COST_LABELS = {"train_time_s": "training time (s)", "peak_memory_mib": "peak memory (MiB)",
               "checkpoint_mib": "checkpoint size (MiB)", "trainable_params": "trainable parameters"}
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]


def _name(row: dict) -> str:
    name = str(row.get("run") or row.get("group") or "?")
    method = row.get("method")
    return name if not method or method in name else f"{name} [{method}]"


def _unique(values) -> list:
    return list(dict.fromkeys(values))


def _number(value) -> float | None:
    """A finite float, or None for None / NaN / non-numbers (CSV-loaded rows may carry '')."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _error(row: dict, metric: str) -> tuple[float, float] | None:
    """(below, above) the value: the bootstrap CI, else +- the std over seeds, else None."""
    value = _number(row.get(metric))
    low, high = _number(row.get(f"{metric}_ci_low")), _number(row.get(f"{metric}_ci_high"))
    if value is None:
        return None
    if low is not None and high is not None:
        return max(0.0, value - low), max(0.0, high - value)
    std = _number(row.get(f"{metric}_std"))
    return (std, std) if std is not None else None


def plot_rouge(rows: list[dict], metrics: tuple[str, ...] = ("rougeL",)):
    """Grouped bars: one group per test language, one bar per run, one panel per metric.

    Error bars are the 95% bootstrap CI (or the std over seeds for aggregated rows); a missing
    score gets no bar and an "n/a" mark.

    Returns:
        a Figure with len(metrics) axes; each axis holds one bar patch per non-missing score.
    """
    fig, axes = new_figure(1, len(metrics), width=max(5.0, 1.2 + 0.5 * len(rows)), height=4.2)
    langs = _unique(str(r.get("test_language") or "?") for r in rows)
    names = _unique(_name(r) for r in rows)
    palette = dict(zip(names, colors(len(names))))
    by_key = {(_name(r), str(r.get("test_language") or "?")): r for r in rows}
    width = 0.8 / max(1, len(names))
    for ax, metric in zip(axes, metrics):
        label = METRIC_LABELS.get(metric, metric)
        ax.set_title(f"{label} by test language")
        ax.set_ylabel(f"{label} F1 (x100)")
        if not any(_number(r.get(metric)) is not None for r in rows):
            no_data(ax, f"no {label} scores")
            continue
        for i, name in enumerate(names):
            labelled = False
            for j, lang in enumerate(langs):
                row = by_key.get((name, lang))
                if row is None:
                    continue
                x = j - 0.4 + width * (i + 0.5)
                value = _number(row.get(metric))
                if value is None:
                    ax.text(x, 0, "n/a", ha="center", va="bottom", fontsize="xx-small", color="0.4")
                    continue
                err = _error(row, metric)
                ax.bar(x, value, width, color=palette[name], label=None if labelled else name,
                       yerr=[[err[0]], [err[1]]] if err else None, capsize=3, error_kw={"elinewidth": 1})
                labelled = True
                if len(names) * len(langs) <= 24:
                    ax.text(x, value + (err[1] if err else 0), f"{value:.1f}", ha="center", va="bottom",
                            fontsize="x-small")
        ax.set_xticks(range(len(langs)), langs)
        ax.set_xlabel("test language")
        ax.set_xlim(-0.6, len(langs) - 0.4)
        ax.margins(y=0.12)
    handles = {h.get_label(): h for ax in axes for h in ax.get_legend_handles_labels()[0]}
    if handles:
        fig.legend(list(handles.values()), list(handles), loc="outside right upper", fontsize="small",
                   title="run", title_fontsize="small")
    return fig


def _per_run(rows: list[dict], key: str) -> dict[str, float | None]:
    """A run's training figure (repeated on each of its test-language rows): the first non-missing one."""
    out: dict[str, float | None] = {}
    for r in rows:
        name = _name(r)
        if out.get(name) is None:
            out[name] = _number(r.get(key))
    return out


def plot_efficiency(rows: list[dict]):
    """Trainable parameters, peak memory, training time and checkpoint size per run, on log scales.

    Returns:
        a Figure with four axes (one per figure in EFFICIENCY); a missing or non-positive value
        (e.g. an untrained base model's training time) is marked "n/a" instead of a bar.
    """
    names = _unique(_name(r) for r in rows)
    fig, axes = new_figure(2, 2, width=5.6, height=max(2.6, 0.9 + 0.32 * len(names)))
    palette = colors(len(names))
    for ax, (key, title, xlabel, fmt) in zip(axes, EFFICIENCY):
        ax.set_title(title)
        values = _per_run(rows, key)
        if not any(v is not None and v > 0 for v in values.values()):
            no_data(ax, f"no {title.lower()} recorded")
            continue
        for y, (name, color) in enumerate(zip(names, palette)):
            value = values.get(name)
            if value is None or value <= 0:
                ax.text(0.01, y, "n/a", transform=ax.get_yaxis_transform(), va="center", fontsize="small",
                        color="0.4")
                continue
            ax.barh(y, value, color=color, height=0.7)
            ax.text(value, y, " " + fmt(value), va="center", fontsize="x-small")
        ax.set_xscale("log")
        # A narrow range on a log axis labels its minor ticks, and they overprint one another.
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_yticks(range(len(names)), names, fontsize="small")
        ax.set_ylim(len(names) - 0.5, -0.5)  # first run on top, as in the table
        ax.set_xlabel(xlabel)
        ax.margins(x=0.25)
    return fig


def plot_cross_lingual(matrix: dict[str, dict[str, float | None]], title: str = "ROUGE-L F1: train x test language"):
    """Annotated heatmap of {train language: {test language: score}} (aggregate's cross_lingual[method]).

    Test languages that are also training languages come first, in the same order, so in-language
    scores lie on the diagonal. Missing cells are blank with a dash.

    Returns:
        a Figure with the heatmap axis and its colorbar (one axis only when the matrix is empty).
    """
    import numpy as np

    trains = list(matrix)
    tested = _unique(t for row in matrix.values() for t in (row or {}))
    tests = [t for t in trains if t in tested] + sorted(t for t in tested if t not in trains)
    fig, (ax,) = new_figure(1, 1, width=max(3.5, 1.8 + 0.9 * len(tests)), height=max(2.8, 1.4 + 0.7 * len(trains)))
    ax.set_title(title)
    if not trains or not tests:
        no_data(ax, "no cross-lingual scores")
        return fig
    data = np.array([[_number((matrix[tr] or {}).get(te)) for te in tests] for tr in trains], dtype=float)
    masked = np.ma.masked_invalid(data)
    finite = data[np.isfinite(data)]
    vmin, vmax = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    if vmin == vmax:
        vmin, vmax = vmin - 1, vmax + 1
    image = ax.imshow(masked, cmap="viridis", vmin=vmin, vmax=vmax, aspect="auto")
    for i in range(len(trains)):
        for j in range(len(tests)):
            value = data[i, j]
            if np.isfinite(value):
                dark = (value - vmin) / (vmax - vmin) < 0.6  # white text on the dark end of viridis
                ax.text(j, i, f"{value:.1f}", ha="center", va="center", color="white" if dark else "black")
            else:
                ax.text(j, i, "-", ha="center", va="center", color="0.5")
    ax.set_xticks(range(len(tests)), tests)
    ax.set_yticks(range(len(trains)), trains)
    ax.set_xlabel("test language")
    ax.set_ylabel("training language")
    fig.colorbar(image, ax=ax, label=title.split(":")[0])
    return fig


def plot_rank_curve(points: list[dict], metric: str = "rougeL"):
    """Score against trainable parameters (log x) for each method and test language (aggregate's rank_curve).

    Points of one method and test language are joined in order of size and labelled with their
    rank r; error bars show the std over seeds where there is one. Full fine-tuning is drawn as a
    point at its parameter count and a dashed reference line across the plot.

    Returns:
        a Figure with one axis.
    """
    fig, (ax,) = new_figure(1, 1, width=7.0, height=4.6)
    label = METRIC_LABELS.get(metric, metric)
    ax.set_title(f"{label} vs trainable parameters")
    usable = [p for p in points if _number(p.get(metric)) is not None and (_number(p.get("trainable_params")) or 0) > 0]
    if not usable:
        no_data(ax, "no points with trainable parameters and a score")
        return fig
    langs = _unique(str(p.get("test_language") or "?") for p in usable)
    lang_color = dict(zip(langs, colors(len(langs))))
    methods = _unique(p.get("method") or "?" for p in usable if p.get("method") != "full")
    marker = {m: MARKERS[i % len(MARKERS)] for i, m in enumerate(methods)}
    tag = {lang: f" ({lang})" if len(langs) > 1 else "" for lang in langs}  # legend suffix
    for lang in langs:
        color = lang_color[lang]
        for method in methods:
            series = sorted((p for p in usable if str(p.get("test_language") or "?") == lang
                             and (p.get("method") or "?") == method), key=lambda p: _number(p["trainable_params"]))
            if not series:
                continue
            x = [_number(p["trainable_params"]) for p in series]
            y = [_number(p[metric]) for p in series]
            std = [_number(p.get(f"{metric}_std")) for p in series]
            ax.errorbar(x, y, yerr=[s or 0.0 for s in std] if any(s is not None for s in std) else None,
                        color=color, marker=marker[method], capsize=3, label=f"{method}{tag[lang]}")
            for p, xi, yi in zip(series, x, y):
                if p.get("r") is not None:
                    ax.annotate(f"r={p['r']}", (xi, yi), textcoords="offset points", xytext=(4, 4),
                                fontsize="x-small")
        for p in (p for p in usable if p.get("method") == "full" and str(p.get("test_language") or "?") == lang):
            value = _number(p[metric])
            ax.axhline(value, color=color, linestyle="--", linewidth=1, label=f"full fine-tuning{tag[lang]}")
            std = _number(p.get(f"{metric}_std"))
            ax.errorbar([_number(p["trainable_params"])], [value], yerr=[std] if std is not None else None,
                        color=color, marker="*", markersize=12, capsize=3, linestyle="none")
    ax.set_xscale("log")
    ax.set_xlabel("trainable parameters (log scale)")
    ax.set_ylabel(f"{label} F1 (x100)")
    handles, labels = ax.get_legend_handles_labels()
    order = sorted(range(len(labels)), key=lambda i: labels[i].startswith("full fine-tuning"))  # methods first
    ax.legend([handles[i] for i in order], [labels[i] for i in order], fontsize="small")
    return fig


def pareto_front(rows: list[dict], cost: str = "train_time_s", metric: str = "rougeL") -> list[dict]:
    """Rows no other row of the same test language beats on both quality (higher) and `cost` (lower):
    the two-dimensional front the figure shows (reporting.aggregate.non_dominated with one cost)."""
    from lorasum.reporting.aggregate import non_dominated

    numeric = [{**r, metric: _number(r.get(metric)), cost: _number(r.get(cost))} for r in rows]
    front = {id(r) for r in non_dominated(numeric, metric, (cost,))}
    return [r for r, n in zip(rows, numeric) if id(n) in front]


def plot_pareto(rows: list[dict], cost: str = "train_time_s", metric: str = "rougeL"):
    """Quality against one cost per run, with the Pareto front of each test language highlighted.

    Front points are large with a black edge, joined by a step line and labelled; the untrained
    base model, which has no training cost, is a dotted reference line.

    Returns:
        a Figure with one axis.
    """
    fig, (ax,) = new_figure(1, 1, width=7.0, height=4.6)
    label, cost_label = METRIC_LABELS.get(metric, metric), COST_LABELS.get(cost, cost)
    ax.set_title(f"{label} vs {cost_label}")
    cands = [r for r in rows if r.get("method") != "base" and _number(r.get(metric)) is not None
             and _number(r.get(cost)) is not None]
    if not cands:
        no_data(ax, f"no run has both {label} and {cost_label}")
        return fig
    front = pareto_front(cands, cost, metric)
    langs = _unique(str(r.get("test_language") or "?") for r in cands)
    tag = {lang: f" ({lang})" if len(langs) > 1 else "" for lang in langs}  # legend suffix
    for lang, color in zip(langs, colors(len(langs))):
        mine = [r for r in cands if str(r.get("test_language") or "?") == lang]
        ax.scatter([_number(r[cost]) for r in mine], [_number(r[metric]) for r in mine], color=color, alpha=0.6,
                   label=f"runs{tag[lang]}")
        best = sorted((r for r in front if str(r.get("test_language") or "?") == lang), key=lambda r: _number(r[cost]))
        xs, ys = [_number(r[cost]) for r in best], [_number(r[metric]) for r in best]
        ax.step(xs, ys, where="post", color=color, linewidth=1.5)
        ax.scatter(xs, ys, color=color, s=90, edgecolors="black", linewidths=1.2, zorder=3,
                   label=f"Pareto front{tag[lang]}")
        for r, x, y in zip(best, xs, ys):
            ax.annotate(_name(r), (x, y), textcoords="offset points", xytext=(5, -10), fontsize="x-small")
        for r in rows:
            if r.get("method") == "base" and str(r.get("test_language") or "?") == lang \
                    and _number(r.get(metric)) is not None:
                ax.axhline(_number(r[metric]), color=color, linestyle=":", linewidth=1,
                           label=f"untrained base{tag[lang]}")
    costs = [_number(r[cost]) for r in cands]
    if min(costs) > 0 and max(costs) / min(costs) > 20:  # orders of magnitude apart: log keeps all readable
        ax.set_xscale("log")
        cost_label += " (log scale)"
    ax.margins(x=0.15)  # room for the labels of the cheapest and dearest points
    ax.set_xlabel(cost_label + " - lower is better")
    ax.set_ylabel(f"{label} F1 (x100) - higher is better")
    ax.legend(fontsize="small")
    return fig
