"""`lorasum compare`: one table over run directories, from their train_metrics.json and eval/*.json.

    rows = collect_rows(["runs/full_en", "runs/lora_en", "models/tiny"])
    tests = paired_tests(rows)
    print(format_markdown(rows)); write_comparison(rows, "outputs/compare", tests)

A directory evaluated without training (a base model) appears as method `base`; every other row
on the same test language then shows its ROUGE-L gain over that untrained base. ROUGE carries its
bootstrap 95% CI, and every row is tested (paired bootstrap on the per-example ROUGE-L of the same
test examples) against the best row of its test language: "n.s." marks a difference that is not
significant at p < 0.05.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from lorasum.errors import UserError
from lorasum.evaluation.evaluate import predictions_path
from lorasum.io import atomic_write_text, read_json, read_jsonl, write_json

# (key, header, format) in display order; units are in the headers.
COLUMNS = [
    ("run", "run", "{}"), ("method", "method", "{}"), ("train_language", "train", "{}"),
    ("test_language", "test", "{}"), ("n", "n", "{}"),
    ("rouge1", "R-1", "{:.2f}"), ("rouge2", "R-2", "{:.2f}"), ("rougeL", "R-L", "{:.2f}"),
    ("rougeL_ci", "R-L 95% CI", "{}"), ("rougeL_vs_best", "R-L vs best", "{}"),
    ("rougeL_gain_vs_base", "R-L vs untrained", "{:+.2f}"),
    ("trainable_params", "trainable params", "{:,}"), ("trainable_percent", "trainable %", "{:.3f}"),
    ("train_time_s", "train time (s)", "{:.1f}"), ("tokens_per_s", "train tokens/s", "{:.0f}"),
    ("peak_memory_mib", "peak mem (MiB)", "{:.0f}"), ("checkpoint_mib", "checkpoint (MiB)", "{:.3f}"),
    ("examples_per_s", "gen ex/s", "{:.2f}"),
]


def _expand(paths: list[str | Path]) -> list[Path]:
    """Run dirs as given; a directory that is not itself a run stands for the runs inside it."""
    out = []
    for p in map(Path, paths):
        if not p.is_dir():
            raise UserError(f"{p} is not a directory: pass run directories (from `lorasum train`)")
        if (p / "eval").is_dir() or (p / "train_metrics.json").is_file():
            out.append(p)
        else:  # an experiment directory: its base model and runs/<cell>, two levels down at most
            for child in sorted(c for c in p.iterdir() if c.is_dir()):
                if (child / "eval").is_dir():
                    out.append(child)
                else:
                    out.extend(sorted(g for g in child.iterdir() if g.is_dir() and (g / "eval").is_dir()))
    return out


def collect_rows(run_dirs: list[str | Path]) -> list[dict]:
    """One row per (run, evaluated language), with training figures repeated on each of its rows."""
    rows = []
    for run_dir in _expand(run_dirs):
        metrics = read_json(run_dir / "train_metrics.json") if (run_dir / "train_metrics.json").is_file() else {}
        train = metrics.get("train_info", {})
        for eval_file in sorted((run_dir / "eval").glob("*.json")):
            result = read_json(eval_file)
            ev, info = result.get("eval_info", {}), result.get("run_info", {})
            config = metrics.get("run_info", {}).get("config", {})
            rows.append({
                "run": run_dir.name, "path": str(run_dir), "method": info.get("method") or train.get("method", "base"),
                "seed": config.get("train", {}).get("seed"),
                "train_size": config.get("data", {}).get("max_train_examples"), "r": _adapter_rank(run_dir),
                "train_language": train.get("language") or info.get("train_language") or "-",
                "test_language": ev.get("language"), "n": ev.get("n"),
                **{k: ev.get(k, {}).get("f") for k in ("rouge1", "rouge2", "rougeL")},
                **{f"{k}_{b}": ev.get(k, {}).get(b) for k in ("rouge1", "rouge2", "rougeL")
                   for b in ("ci_low", "ci_high")},
                "predictions_file": str(predictions_path(eval_file)),
                **{k: train.get(k) for k in ("trainable_params", "trainable_percent", "total_params", "base_params",
                                             "train_time_s", "tokens_per_s", "peak_memory_mib", "checkpoint_mib",
                                             "status")},
                "examples_per_s": ev.get("examples_per_s"), "generated_tokens_per_s": ev.get("generated_tokens_per_s"),
            })
    if not rows:
        raise UserError("no evaluation results found (expected RUN_DIR/eval/<lang>.json): run `lorasum evaluate` first")
    base = {r["test_language"]: r["rougeL"] for r in rows if r["method"] == "base"}
    for r in rows:
        if r["method"] != "base" and r["test_language"] in base and r["rougeL"] is not None:
            r["rougeL_gain_vs_base"] = round(r["rougeL"] - base[r["test_language"]], 4)
        if r["rougeL_ci_low"] is not None:
            r["rougeL_ci"] = f"{r['rougeL_ci_low']:.2f}-{r['rougeL_ci_high']:.2f}"
    return rows


def _adapter_rank(run_dir: Path) -> int | None:
    """The adapter's rank from its saved config (LoRA-family adapters have one; full runs and IA3 do not)."""
    path = run_dir / "checkpoint" / "adapter_config.json"
    return read_json(path).get("r") if path.is_file() else None


def _per_example(row: dict, key: str = "rougeL") -> dict[str, float] | None:
    path = Path(row["predictions_file"])
    if not path.is_file():
        return None
    return {str(e["id"]): e[key] for e in read_jsonl(path) if key in e}


def paired_tests(rows: list[dict], key: str = "rougeL", alpha: float = 0.05, seed: int = 0) -> list[dict]:
    """Paired tests between rows evaluated on the same examples of the same test language.

    Marks each row in place with `<key>_vs_best`: "best", "p=0.003", or "p=0.41 n.s." (not
    significantly different from the best row of its test language), and returns every pairwise test.
    """
    from lorasum.evaluation.stats import paired_test

    scores = [_per_example(r, key) for r in rows]
    tests = []
    for lang in dict.fromkeys(r["test_language"] for r in rows):
        group = [i for i, r in enumerate(rows) if r["test_language"] == lang and scores[i]]
        if not group:
            continue
        best = max(group, key=lambda i: rows[i][key] if rows[i][key] is not None else -1)
        rows[best][f"{key}_vs_best"] = "best"
        for pos, i in enumerate(group):
            for j in group[pos + 1:]:
                if set(scores[i]) != set(scores[j]):
                    continue  # different test examples: no paired test
                ids = sorted(scores[i])
                t = paired_test([scores[i][x] for x in ids], [scores[j][x] for x in ids], seed=seed)
                tests.append({"test_language": lang, "a": rows[i]["run"], "b": rows[j]["run"], "metric": key,
                              **{k: t[k] for k in ("mean_diff", "ci_low", "ci_high", "p_value", "n", "method")}})
                if best in (i, j):
                    other = j if best == i else i
                    p = t["p_value"]
                    rows[other][f"{key}_p_vs_best"] = p
                    rows[other][f"{key}_vs_best"] = f"p={p:.3f}" + (" n.s." if p >= alpha else "")
    return tests


NOTE = ("R-L 95% CI: bootstrap over test examples. R-L vs best: paired bootstrap test against the best row "
        "of the same test language; n.s. = not significant at p < 0.05. R-L vs untrained: gain over the base "
        "model before fine-tuning.")


def _cell(row: dict, key: str, fmt: str) -> str:
    value = row.get(key)
    return "-" if value is None else fmt.format(value)


def format_markdown(rows: list[dict]) -> str:
    cells = [[h for _, h, _ in COLUMNS]] + [[_cell(r, k, f) for k, _, f in COLUMNS] for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(COLUMNS))]
    line = lambda c: "| " + " | ".join(v.ljust(w) for v, w in zip(c, widths)) + " |"  # noqa: E731
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(cells[0]), sep] + [line(c) for c in cells[1:]])


def write_comparison(rows: list[dict], output_dir: str | Path, tests: list[dict] | None = None,
                     summary: dict | None = None) -> list[Path]:
    """comparison.md, comparison.csv and comparison.json in output_dir; returns their paths."""
    output_dir = Path(output_dir)
    keys = list(dict.fromkeys([k for k, _, _ in COLUMNS] + [k for r in rows for k in r]))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=keys)
    writer.writeheader()
    writer.writerows(rows)
    paths = [output_dir / "comparison.md", output_dir / "comparison.csv", output_dir / "comparison.json"]
    from lorasum.reporting.aggregate import aggregate, format_aggregate

    summary = summary if summary is not None else aggregate(rows)
    extra = format_aggregate(summary)
    atomic_write_text(paths[0], format_markdown(rows) + "\n\n" + NOTE + "\n" + (f"\n{extra}\n" if extra else ""))
    atomic_write_text(paths[1], buf.getvalue())
    write_json(paths[2], {"columns": keys, "rows": rows, "paired_tests": tests or [], "aggregate": summary})
    return paths
