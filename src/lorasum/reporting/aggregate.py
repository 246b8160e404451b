"""Aggregate comparison rows over an experiment: seeds, cross-lingual matrix, % of full, ranks, Pareto.

    summary = aggregate(collect_rows(["outputs/rank_ablation"]))
    print(format_aggregate(summary))

Cells are grouped by their id without the seed (`lora-r8_en_s1` and `lora-r8_en_s2` are one
group): means and standard deviations over seeds. Everything is computed from comparison rows only.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict

METRICS = ("rouge1", "rouge2", "rougeL")
COSTS = ("train_time_s", "peak_memory_mib", "checkpoint_mib")
_SEED = re.compile(r"_s\d+(?=_|$)")


def group_id(run: str) -> str:
    """A run's cell id without its seed part."""
    return _SEED.sub("", run)


def aggregate(rows: list[dict]) -> dict:
    """Seed-aggregated rows plus the derived views (see the module docstring)."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        groups[(group_id(r["run"]), r["test_language"])].append(r)
    agg = []
    for (gid, test), members in groups.items():
        first = members[0]
        row = {"group": gid, "method": first["method"], "train_language": first["train_language"],
               "test_language": test, "seeds": len(members), "r": first.get("r"),
               "train_size": first.get("train_size"), "trainable_params": first.get("trainable_params"),
               "trainable_percent": first.get("trainable_percent")}
        for key in METRICS + COSTS:
            values = [m[key] for m in members if m.get(key) is not None]
            row[key] = statistics.fmean(values) if values else None
            row[f"{key}_std"] = statistics.stdev(values) if len(values) > 1 else None
        agg.append(row)
    return {"rows": agg, "percent_of_full": percent_of_full(agg), "cross_lingual": cross_lingual(agg),
            "rank_curve": rank_curve(agg), "pareto": pareto(agg)}


def _cell_key(row: dict) -> tuple:
    return row["train_language"], row["test_language"], row.get("train_size")


def percent_of_full(agg: list[dict], metric: str = "rougeL") -> list[dict]:
    """Each method's score as a % of full fine-tuning's in the same (train, test, size) cell."""
    full = {_cell_key(r): r[metric] for r in agg if r["method"] == "full" and r[metric]}
    out = []
    for r in agg:
        if r["method"] in ("full", "base") or _cell_key(r) not in full or r[metric] is None:
            continue
        out.append({"group": r["group"], "method": r["method"], "train_language": r["train_language"],
                    "test_language": r["test_language"], "train_size": r.get("train_size"),
                    "percent_of_full": round(100 * r[metric] / full[_cell_key(r)], 2),
                    "trainable_percent": r.get("trainable_percent")})
    return out


def cross_lingual(agg: list[dict], metric: str = "rougeL") -> dict[str, dict[str, dict[str, float]]]:
    """{method group without language: {train language: {test language: score}}}."""
    matrix: dict[str, dict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    for r in agg:
        if r["method"] == "base" or r[metric] is None:
            continue
        name = r["group"].replace(f"_{r['train_language']}", "", 1)
        matrix[name][r["train_language"]][r["test_language"]] = round(r[metric], 2)
    return {k: dict(v) for k, v in matrix.items()}


def rank_curve(agg: list[dict], metric: str = "rougeL") -> list[dict]:
    """Score against trainable parameters for every group that records a rank (plus full for reference)."""
    points = [{"group": r["group"], "method": r["method"], "r": r.get("r"), "test_language": r["test_language"],
               "trainable_params": r["trainable_params"], metric: r[metric], f"{metric}_std": r.get(f"{metric}_std")}
              for r in agg if r["trainable_params"] and r[metric] is not None
              and (r.get("r") is not None or r["method"] == "full")]
    return sorted(points, key=lambda p: (p["test_language"], p["trainable_params"]))


def non_dominated(rows: list[dict], metric: str = "rougeL", costs=COSTS) -> list[dict]:
    """Per test language, the rows no other row beats on quality (higher) and every cost (lower) at once.

    Base rows and rows missing the metric or a cost take no part.
    """
    front = []
    for test in dict.fromkeys(r["test_language"] for r in rows):
        cand = [r for r in rows if r["test_language"] == test and r.get("method") != "base"
                and r.get(metric) is not None and all(r.get(c) is not None for c in costs)]
        for r in cand:
            dominated = any(o is not r and o[metric] >= r[metric] and all(o[c] <= r[c] for c in costs)
                            and (o[metric] > r[metric] or any(o[c] < r[c] for c in costs)) for o in cand)
            if not dominated:
                front.append(r)
    return front


def pareto(agg: list[dict], metric: str = "rougeL", costs=COSTS) -> list[dict]:
    """The seed-aggregated groups on the quality / cost front, over every cost at once."""
    return [{"group": r["group"], "test_language": r["test_language"], metric: r[metric], **{c: r[c] for c in costs}}
            for r in non_dominated(agg, metric, costs)]


def _pm(row: dict, key: str) -> str:
    if row.get(key) is None:
        return "-"
    std = row.get(f"{key}_std")
    return f"{row[key]:.2f}" + (f" ± {std:.2f}" if std is not None else "")


def format_aggregate(summary: dict) -> str:
    """Markdown: headline, seed-aggregated table, cross-lingual matrices, rank curve, Pareto set."""
    lines = []
    for p in summary["percent_of_full"]:
        lines.append(f"- {p['group']} ({p['train_language']} -> {p['test_language']}): {p['percent_of_full']:.1f}% of "
                     f"full fine-tuning's ROUGE-L with {p['trainable_percent'] or 0:.3f}% of the parameters trainable")
    rows = summary["rows"]
    if any(r["seeds"] > 1 for r in rows):
        lines += ["", "| group | test | seeds | R-1 | R-2 | R-L |", "|---|---|---|---|---|---|"]
        lines += [f"| {r['group']} | {r['test_language']} | {r['seeds']} | {_pm(r, 'rouge1')} | {_pm(r, 'rouge2')} | "
                  f"{_pm(r, 'rougeL')} |" for r in rows]
    for name, matrix in summary["cross_lingual"].items():
        tests = sorted({t for v in matrix.values() for t in v})
        if len(tests) < 2 and len(matrix) < 2:
            continue
        lines += ["", f"ROUGE-L, {name}: train (rows) x test (columns)", "| train | " + " | ".join(tests) + " |",
                  "|---|" + "---|" * len(tests)]
        lines += [f"| {tr} | " + " | ".join(f"{v.get(t, '-')}" for t in tests) + " |" for tr, v in matrix.items()]
    ranked = [p for p in summary["rank_curve"] if p.get("r") is not None]
    if len({p["r"] for p in ranked}) > 1:
        lines += ["", "| group | r | trainable params | R-L |", "|---|---|---|---|"]
        lines += [f"| {p['group']} | {p['r'] if p['r'] is not None else '-'} | {p['trainable_params']:,} | "
                  f"{p['rougeL']:.2f} |" for p in summary["rank_curve"]]
    if summary["pareto"]:
        lines += ["", "Pareto set (no other run has higher ROUGE-L and lower train time, peak memory and checkpoint "
                      "size): " + ", ".join(f"{p['group']} [{p['test_language']}]" for p in summary["pareto"])]
    return "\n".join(lines).strip()
