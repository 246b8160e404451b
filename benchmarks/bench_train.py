"""Training benchmark: full vs LoRA on the real mt5-small architecture, and lorasum vs Seq2SeqTrainer.

    python benchmarks/bench_train.py                  # prints tables, writes benchmarks/results/bench_train.json

Part A, per preset (tiny, mt5-small with random weights) x method (full, lora) x batch (1, 4, 8),
on 512 source / 64 target tokens: median step time, tokens/s and MFU after the warm-up steps, the
process's peak memory, and `lorasum estimate`'s memory figure against it. Each configuration runs
as its own `python -m lorasum train` process, as a user runs it.

Part B: lorasum's loop against a plain Seq2SeqTrainer (benchmarks/_trainer_baseline.py) on the
synthetic English corpus (lengths follow XL-Sum English) truncated at 512 source tokens, full
fine-tuning of mt5-small, the same examples and batch size. Runs are interleaved (A B C A B C ...),
one process each; tokens/s counts the same non-pad tokens on both sides. Two ratios: lorasum as a
user runs it (its allocator settings) against the Trainer as a user runs it, and against the
Trainer under the same allocator settings.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lorasum.cli import ALLOCATOR_ENV  # noqa: E402


def run(cmd, env=None, unset=(), timeout=3600):
    """Run a command with os.environ + env, less the variables named in `unset`."""
    full = {k: v for k, v in {**os.environ, **(env or {})}.items() if k not in unset}
    p = subprocess.run([str(c) for c in cmd], env=full, capture_output=True, text=True, timeout=timeout)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))}\n{p.stderr[-3000:]}")
    return p


def lorasum(*args, env=None):
    return run([sys.executable, "-m", "lorasum", *args], env=env)


def prepare(work: Path, n_part_b: int) -> dict:
    """Synthetic corpus, long fixed-shape examples for part A, and the two models (tiny, mt5-small)."""
    from lorasum.data.synthetic import generate_split
    from lorasum.io import write_jsonl

    lorasum("data", "--source", "synthetic", "--languages", "en", "--output-dir", work / "corpus",
            "--train", max(400, n_part_b), "--val", 0, "--test", 0)
    # Part A: every example longer than 512 / 64 tokens, so every batch is exactly 512 x 64.
    arts = generate_split("en", "test", 64, seed=7)
    long_rows = [{"id": str(i), "title": "", "text": a["text"] + "\n" + b["text"], "summary": a["text"]}
                 for i, (a, b) in enumerate(zip(arts[::2], arts[1::2]))]
    write_jsonl(work / "fixed/en/train.jsonl", long_rows)
    for preset in ("tiny", "mt5-small"):
        lorasum("init-model", "--preset", preset, "--data-dir", work / "corpus", "--output-dir", work / preset,
                "--vocab-size", 8000)
    rows = [json.loads(l) for l in (work / "corpus/en/train.jsonl").read_text().splitlines()][:n_part_b]
    write_jsonl(work / "partb/en/train.jsonl", rows)
    return {"fixed": work / "fixed", "partb": work / "partb"}


def part_a(work: Path, data: dict, presets, batches, steps: int, warmup: int) -> list[dict]:
    from lorasum.models.estimate import estimate

    rows = []
    for preset in presets:
        for method in ("full", "lora"):
            for batch in batches:
                out = work / f"a_{preset}_{method}_{batch}"
                lorasum("train", "--method", method, "--language", "en", "--data-dir", data["fixed"], "--model",
                        work / preset, "--output-dir", out, "--batch-size", batch, "--max-steps", steps,
                        "--num-epochs", 100, "--max-source-length", 512, "--max-target-length", 64,
                        "--lora-dropout", 0.05, "--no-progress", "--overwrite")
                log = [json.loads(l) for l in (out / "train_log.jsonl").read_text().splitlines() if '"loss"' in l]
                info = json.loads((out / "train_metrics.json").read_text())["train_info"]
                measured = log[warmup:]
                cfg_model = str(work / preset) if preset == "tiny" else "mt5-small"
                est = estimate(cfg_model, method, batch_size=batch, max_source_length=512, max_target_length=64)
                rows.append({
                    "preset": preset, "method": method, "batch": batch,
                    "step_time_s": statistics.median(r["step_time_s"] for r in measured),
                    "tokens_per_s": statistics.median(r["tokens_per_s"] for r in measured),
                    "mfu": statistics.median(r["mfu"] for r in measured),
                    "peak_memory_mib": info["peak_memory_mib"], "estimate_mib": est["total_memory_mib"],
                    "estimate_ratio": round(est["total_memory_mib"] / info["peak_memory_mib"], 3),
                    "trainable_params": info["trainable_params"], "checkpoint_mib": info["checkpoint_mib"],
                    "matmul_ceiling_tflops": info["matmul_ceiling_tflops"]})
                print(json.dumps(rows[-1]), flush=True)
    return rows


def part_b(work: Path, data: dict, rounds: int, batch: int) -> dict:
    results = {"lorasum": [], "trainer": [], "trainer_same_env": []}
    for r in range(rounds):
        out = work / f"b_lorasum_{r}"
        lorasum("train", "--method", "full", "--language", "en", "--data-dir", data["partb"], "--model",
                work / "mt5-small", "--output-dir", out, "--batch-size", batch, "--num-epochs", 1,
                "--max-source-length", 512, "--max-target-length", 84, "--no-progress", "--overwrite")
        info = json.loads((out / "train_metrics.json").read_text())["train_info"]
        results["lorasum"].append({"tokens_per_s": info["tokens_per_s"], "tokens": info["tokens"],
                                   "train_time_s": info["train_time_s"], "peak_memory_mib": info["peak_memory_mib"]})
        # "trainer": the system allocator, as a user runs a Trainer script; "trainer_same_env": lorasum's.
        for key, env, unset in (("trainer", {}, tuple(ALLOCATOR_ENV)), ("trainer_same_env", ALLOCATOR_ENV, ())):
            target = work / f"b_{key}_{r}.json"
            run([sys.executable, ROOT / "benchmarks/_trainer_baseline.py", "--model", work / "mt5-small", "--data",
                 data["partb"] / "en/train.jsonl", "--batch-size", batch, "--output", target], env=env, unset=unset)
            results[key].append(json.loads(target.read_text()))
        print(json.dumps({k: v[-1] for k, v in results.items()}), flush=True)
    med = {k: statistics.median(x["tokens_per_s"] for x in v) for k, v in results.items()}
    return {"rounds": results, "median_tokens_per_s": med,
            "ratio_as_users_run_them": round(med["lorasum"] / med["trainer"], 3),
            "ratio_same_environment": round(med["lorasum"] / med["trainer_same_env"], 3),
            "same_tokens": len({x["tokens"] for v in results.values() for x in v}) == 1}


def save(path: str, result: dict) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(result, indent=2) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", default=str(ROOT / "benchmarks/results/bench_train.json"))
    parser.add_argument("--quick", action="store_true", help="tiny only, batch 1 and 4, no part B (a smoke run)")
    parser.add_argument("--steps", type=int, default=5, help="optimizer steps per part-A run (default 5)")
    parser.add_argument("--warmup", type=int, default=2, help="steps left out of the medians (default 2)")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved part-B rounds (default 2)")
    parser.add_argument("--examples", type=int, default=32, help="part-B training examples (default 32)")
    parser.add_argument("--batch-size", type=int, default=4, help="part-B batch size (default 4)")
    args = parser.parse_args()
    start = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = prepare(work, args.examples)
        presets, batches = (("tiny",), (1, 4)) if args.quick else (("tiny", "mt5-small"), (1, 4, 8))
        a = part_a(work, data, presets, batches, args.steps, args.warmup)
        save(args.output, {"part_a": a, "part_b": None, "status": "part B running"})  # kept if part B fails
        b = None if args.quick else part_b(work, data, args.rounds, args.batch_size)

    print("\n| preset | method | batch | s/step | tokens/s | MFU | peak MiB | estimate MiB | est/peak |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in a:
        print(f"| {r['preset']} | {r['method']} | {r['batch']} | {r['step_time_s']:.3f} | {r['tokens_per_s']:.0f} | "
              f"{r['mfu']:.1%} | {r['peak_memory_mib']:.0f} | {r['estimate_mib']:.0f} | {r['estimate_ratio']:.2f} |")
    mem = {(r["preset"], r["method"], r["batch"]): r["peak_memory_mib"] for r in a}
    checks = {"estimate_within_25pct": all(0.75 <= r["estimate_ratio"] <= 1.25 for r in a)}
    if ("mt5-small", "lora", 1) in mem:
        checks["lora_vs_full_peak_memory_batch1"] = round(mem[("mt5-small", "lora", 1)] / mem[("mt5-small", "full", 1)], 3)
    if b:
        m = b["median_tokens_per_s"]
        print(f"\nlorasum vs Seq2SeqTrainer (mt5-small full, batch {args.batch_size}, {args.examples} synthetic English "
              f"examples, {args.rounds} interleaved rounds, medians):")
        print("| lorasum | Trainer | Trainer, same allocator env | ratio (as run) | ratio (same env) |\n|---|---|---|---|---|")
        print(f"| {m['lorasum']:.0f} tok/s | {m['trainer']:.0f} tok/s | {m['trainer_same_env']:.0f} tok/s | "
              f"{b['ratio_as_users_run_them']:.2f}x | {b['ratio_same_environment']:.2f}x |")
        checks["throughput_ratio_as_run"] = b["ratio_as_users_run_them"]
    print("\nchecks:", json.dumps(checks))
    from lorasum.training.meters import meta_info

    result = {"part_a": a, "part_b": b, "checks": checks, "elapsed_s": round(time.time() - start, 1),
              "machine": {**meta_info(), "cpu_count": os.cpu_count(), "processor": platform.processor()}}
    save(args.output, result)
    print(f"written: {args.output}")


if __name__ == "__main__":
    main()
