"""Visualization: matplotlib Figures built only from the data passed in (run files already loaded).

    from lorasum.visualization.charts import plot_rouge
    plot_rouge(rows).savefig("outputs/compare/rouge.png", dpi=150)

Figures are made with `matplotlib.figure.Figure`, never through pyplot: nothing is shown, no
global figure registry fills up, and it works headless (PNG goes through the Agg canvas) without
touching the caller's backend. matplotlib is imported only when a figure is drawn, so the
statistics in this package work without it.
"""

from __future__ import annotations

import math

MAX_TICK_LABELS = 40  # per axis: beyond this, token labels overlap at any readable font size


def new_figure(nrows: int = 1, ncols: int = 1, *, width: float = 6.4, height: float = 4.0, **subplot_kw):
    """A constrained-layout Figure with nrows x ncols axes (width/height in inches per panel).

    Returns:
        (fig, axes): axes is a flat list, row by row.
    """
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width * ncols, height * nrows), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False, subplot_kw=subplot_kw or None)
    return fig, [ax for row in axes for ax in row]


def colors(n: int) -> list:
    """n distinguishable colours (tab10, then tab20 beyond ten series)."""
    import matplotlib

    cmap = matplotlib.colormaps["tab10" if n <= 10 else "tab20"]
    return [cmap(i % cmap.N) for i in range(n)]


def no_data(ax, message: str = "no data") -> None:
    """An empty panel that says why it is empty instead of an unlabelled blank."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="0.4")
    ax.set_xticks([])
    ax.set_yticks([])


def thin_positions(n: int, max_labels: int = MAX_TICK_LABELS) -> list[int]:
    """Every k-th position of n so that at most max_labels remain (all of them when n is small)."""
    step = max(1, math.ceil(n / max_labels))
    return list(range(0, n, step))


def human(value: float | None, unit: str = "") -> str:
    """1234567 -> '1.23M'; None -> 'n/a'. For bar annotations and tick labels."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    for div, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= div:
            return f"{value / div:.3g}{suffix}{unit}"
    return f"{value:.3g}{unit}"
