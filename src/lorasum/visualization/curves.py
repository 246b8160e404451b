"""Training curves from RUN/train_log.jsonl: loss, validation loss, learning rate and throughput.

    logs = {name: log for name in ("full_en", "lora_en") if (log := load_log(f"runs/{name}"))}
    plot_curves(logs).savefig("curves.png", dpi=150); convergence(logs["lora_en"])["steps_to_90pct"]

A log is {"run", "path", "steps": [step rows], "validation": [validation rows]} in file order
(the row keys are listed in docs/results.md).
"""

from __future__ import annotations

import json
from pathlib import Path

from lorasum.errors import UserError
from lorasum.visualization import colors, new_figure, no_data

SMOOTHING_FRACTION = 0.05  # moving-average window as a share of the steps: long enough to damp one noisy batch


def load_log(run_dir: str | Path) -> dict | None:
    """The run's training log split into step rows and validation rows.

    A final line that is cut off (a run still writing, or killed mid-write) is skipped; a broken
    line anywhere else means the file is damaged.

    Returns:
        {"run", "path", "steps", "validation"}, or None when RUN/train_log.jsonl does not exist
        (an untrained base model, or a run from before logging): the caller notes it and goes on.
    Raises:
        UserError: a malformed line before the last one.
    """
    path = Path(run_dir) / "train_log.jsonl"
    if not path.is_file():
        return None
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    steps, validation = [], []
    for lineno, line in enumerate(lines, start=1):
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            if lineno == len(lines):
                break
            raise UserError(f"{path}:{lineno}: not valid JSON ({exc.msg}): the log is damaged; "
                            "train the run again or delete the line") from None
        if not isinstance(row, dict):
            raise UserError(f"{path}:{lineno}: expected a JSON object, got {type(row).__name__}")
        if "val_loss" in row:
            validation.append(row)
        elif row.get("loss") is not None:
            steps.append(row)
    return {"run": Path(run_dir).name, "path": str(run_dir), "steps": steps, "validation": validation}


def smooth(values: list[float], window: int | None = None) -> list[float]:
    """Centred moving average (shrinking at the ends), so a curve is not shifted to later steps.

    Args:
        window: points averaged; default SMOOTHING_FRACTION of len(values) (at least 1). Odd
            windows are centred exactly; an even one is widened by one.
    """
    n = len(values)
    if window is None:
        window = max(1, round(n * SMOOTHING_FRACTION))
    half = max(0, window // 2)
    prefix = [0.0]
    for v in values:
        prefix.append(prefix[-1] + v)
    out = []
    for i in range(n):
        lo, hi = max(0, i - half), min(n, i + half + 1)
        out.append((prefix[hi] - prefix[lo]) / (hi - lo))
    return out


def convergence(log: dict, fraction: float = 0.9, window: int | None = None) -> dict:
    """How fast the training loss fell: steps and seconds to reach `fraction` of its total reduction.

    reduction = first loss - final loss, where final is the mean of the last 10% of steps (as
    train_info.final_loss_mean_last_10pct). The run has converged to `fraction` at the first step
    whose *smoothed* loss (see `smooth`) is <= first - fraction * reduction, so one lucky batch
    does not decide.

    Returns:
        {"steps": total steps, "first_loss", "final_loss", "reduction", "threshold_loss",
        "steps_to_90pct", "time_to_90pct_s", "fraction_of_steps"}; the *_to_90pct keys (named for
        the default fraction) are None when the loss did not fall or the log has no steps.
    """
    rows = log.get("steps") or []
    out = {"steps": len(rows), "first_loss": None, "final_loss": None, "reduction": None, "threshold_loss": None,
           "steps_to_90pct": None, "time_to_90pct_s": None, "fraction_of_steps": None}
    if not rows:
        return out
    losses = [float(r["loss"]) for r in rows]
    tail = losses[-max(1, len(losses) // 10):]  # as train_info.final_loss_mean_last_10pct
    first, final = losses[0], sum(tail) / len(tail)
    out.update(first_loss=first, final_loss=final, reduction=first - final)
    if first - final <= 0:
        return out
    threshold = first - fraction * (first - final)
    out["threshold_loss"] = threshold
    for i, value in enumerate(smooth(losses, window)):
        if value <= threshold:
            out.update(steps_to_90pct=rows[i]["step"], time_to_90pct_s=rows[i].get("elapsed_s"),
                       fraction_of_steps=round((i + 1) / len(rows), 4))
            break
    return out


def _series(rows: list[dict], key: str) -> tuple[list, list]:
    pairs = [(r["step"], r[key]) for r in rows if r.get(key) is not None]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def plot_curves(logs: dict[str, dict | None]):
    """Several runs overlaid: loss (smoothed, faint raw, validation markers), learning rate, tokens/s.

    Args:
        logs: {run name: load_log(...)}; None or step-less logs are listed as "no training log".
    Returns:
        a Figure with three axes (loss, learning rate, tokens/s), x = optimizer step.
    """
    fig, (ax_loss, ax_lr, ax_tps) = new_figure(1, 3, width=5.2, height=4.0)
    present = {name: log for name, log in logs.items() if log and (log.get("steps") or log.get("validation"))}
    missing = [name for name in logs if name not in present]
    for ax, title, ylabel in ((ax_loss, "Loss", "cross-entropy per target token (nats)"),
                              (ax_lr, "Learning rate", "learning rate"),
                              (ax_tps, "Throughput", "training tokens/s (non-pad source + target)")):
        ax.set_title(title)
        ax.set_xlabel("optimizer step")
        ax.set_ylabel(ylabel)
    if not present:
        for ax in (ax_loss, ax_lr, ax_tps):
            no_data(ax, "no training log")
        return fig
    for (name, log), color in zip(present.items(), colors(len(present))):
        steps = log.get("steps") or []
        x, loss = _series(steps, "loss")
        if loss:
            ax_loss.plot(x, loss, color=color, alpha=0.25, linewidth=0.8)
            ax_loss.plot(x, smooth(loss), color=color, linewidth=1.8, label=f"{name} (train)")
        vx, val = _series(log.get("validation") or [], "val_loss")
        if val:
            ax_loss.plot(vx, val, color=color, marker="o", linestyle="--", linewidth=1, label=f"{name} (validation)")
        x, lr = _series(steps, "lr")
        if lr:
            ax_lr.plot(x, lr, color=color, label=name)
        x, tps = _series(steps, "tokens_per_s")
        if tps:
            ax_tps.plot(x, tps, color=color, alpha=0.25, linewidth=0.8)
            ax_tps.plot(x, smooth(tps), color=color, linewidth=1.8, label=name)
    ax_lr.ticklabel_format(axis="y", style="sci", scilimits=(-3, 3))
    for ax in (ax_loss, ax_lr, ax_tps):
        if ax.has_data():
            ax.legend(fontsize="small")
    if missing:
        fig.suptitle("no training log: " + ", ".join(missing), fontsize="small", color="0.4")
    return fig
