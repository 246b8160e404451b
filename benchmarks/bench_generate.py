"""Generation benchmark: base model vs LoRA unmerged vs LoRA merged (merge_and_unload).

    python benchmarks/bench_generate.py          # prints a table, writes benchmarks/results/bench_generate.json

The real mt5-small architecture with random weights, LoRA r=8 on q,k,v,o (its B matrices drawn
non-zero, as after training), batch 4 x 512 source tokens, exactly 64 new tokens per sequence
(forced, so every system does identical work), greedy and beam 4. The three systems run
interleaved in one process (base, unmerged, merged, base, ...); medians of the rounds.
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    from lorasum.config import MethodConfig
    from lorasum.methods import METHODS
    from lorasum.models.build import build_model
    from lorasum.training.meters import meta_info

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", default=str(ROOT / "benchmarks/results/bench_generate.json"))
    parser.add_argument("--preset", default="mt5-small", help="mt5-small (default) or tiny (a smoke run)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=4)
    parser.add_argument("--source-length", type=int, default=512)
    parser.add_argument("--new-tokens", type=int, default=64)
    args = parser.parse_args()

    torch.manual_seed(0)
    base = build_model(args.preset).eval()
    lora = METHODS["lora"].prepare(copy.deepcopy(base), MethodConfig(name="lora", r=8, lora_dropout=0.0))
    with torch.no_grad():
        for name, p in lora.named_parameters():
            if "lora_B" in name:
                p.normal_(std=0.02)  # a trained adapter is not zero
    lora.eval()
    merged = copy.deepcopy(lora).merge_and_unload().eval()
    systems = {"base": base, "lora_unmerged": lora, "lora_merged": merged}
    ids = torch.randint(5, base.config.vocab_size, (args.batch_size, args.source_length))
    mask = torch.ones_like(ids)
    modes = {"greedy": {"num_beams": 1}, "beam4": {"num_beams": 4}}

    def generate(model, mode):
        with torch.no_grad():
            start = time.perf_counter()
            out = model.generate(input_ids=ids, attention_mask=mask, max_new_tokens=args.new_tokens,
                                 min_new_tokens=args.new_tokens, do_sample=False, **modes[mode])
            elapsed = time.perf_counter() - start
        assert out.shape[1] == args.new_tokens + 1
        return elapsed

    times = {mode: {s: [] for s in systems} for mode in modes}
    for mode in modes:
        generate(base, mode)  # warm-up
        for _ in range(args.rounds):
            for name, model in systems.items():
                times[mode][name].append(generate(model, mode))
                print(f"{mode} {name}: {times[mode][name][-1]:.2f} s", flush=True)

    new_tokens = args.batch_size * args.new_tokens
    result = {"settings": vars(args), "machine": meta_info(), "modes": {}}
    print(f"\n{args.preset}, batch {args.batch_size} x {args.source_length} source tokens, {args.new_tokens} new tokens, "
          f"{args.rounds} interleaved rounds (medians)")
    print("| decoding | system | s | new tokens/s | time vs base |\n|---|---|---|---|---|")
    for mode, by_system in times.items():
        med = {s: statistics.median(t) for s, t in by_system.items()}
        result["modes"][mode] = {s: {"median_s": med[s], "times_s": by_system[s],
                                     "new_tokens_per_s": new_tokens / med[s], "time_vs_base": med[s] / med["base"]}
                                 for s in systems}
        for s in systems:
            print(f"| {mode} | {s} | {med[s]:.2f} | {new_tokens / med[s]:.1f} | {med[s] / med['base']:.3f} |")
    result["checks"] = {f"merged_within_3pct_{m}": abs(result["modes"][m]["lora_merged"]["time_vs_base"] - 1) <= 0.03
                        for m in modes}
    print("\nchecks:", json.dumps(result["checks"]))
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(result, indent=2) + "\n")
    print(f"written: {args.output}")


if __name__ == "__main__":
    main()
