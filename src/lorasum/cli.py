"""The `lorasum` command: one subcommand per stage; the only module that wires the stages together.

    lorasum data --source synthetic --languages en it --output-dir data
    lorasum train --method lora --language en --data-dir data --model google/mt5-small --output-dir runs/lora_en

Bad input ends with one line on stderr and exit code 2; nothing already written is touched.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from lorasum.errors import UserError



def _flag(parser, *names, **kwargs):
    """Add an option under its dashed names and their underscore spellings (--num-epochs, --num_epochs)."""
    spelled = []
    for name in names:
        spelled.append(name)
        if name.startswith("--") and "-" in name[2:]:
            spelled.append("--" + name[2:].replace("-", "_"))
    parser.add_argument(*dict.fromkeys(spelled), **kwargs)


def _quiet_libraries() -> None:
    """Keep the terminal for lorasum's own progress bars and results."""
    import warnings

    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import datasets
    import transformers

    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    datasets.logging.set_verbosity_error()
    datasets.disable_progress_bars()
    # Deprecation notices raised inside transformers/peft, and peft's note that merging unties embeddings
    # (mT5's are untied anyway): nothing a lorasum user can act on.
    warnings.filterwarnings("ignore", category=FutureWarning, module=r"transformers\.")
    warnings.filterwarnings("ignore", message=r"Input and output embeddings are no longer tied")


# ---------------------------------------------------------------- data
def cmd_data(args) -> int:
    from lorasum.data.sources import prepare_data

    sizes = {"train": args.train, "validation": args.val, "test": args.test}
    stats = prepare_data(args.source, args.languages, args.output_dir, sizes, seed=args.seed, files=args.files,
                         text_column=args.text_column, summary_column=args.summary_column,
                         title_column=args.title_column, id_column=args.id_column, overwrite=args.overwrite)
    for lang, s in stats.items():
        counts = ", ".join(f"{k} {v['n']}" for k, v in s["splits"].items())
        dropped = sum(sum(v["dropped"].values()) for v in s["splits"].values())
        print(f"{lang}: {s['source']}: {counts} (dropped {dropped}) -> {Path(args.output_dir) / lang}")
    print(f"stats: {Path(args.output_dir) / 'stats.json'}")
    return 0


def _add_data(sub) -> None:
    from lorasum.data.sources import SOURCES

    p = sub.add_parser("data", help="prepare train/validation/test JSONL from XL-Sum, Italian sets, files or synthetic",
                       description="Write DIR/<lang>/{train,validation,test}.jsonl and DIR/stats.json. Sampling is "
                                   "seeded: the same command writes the same files.")
    _flag(p, "--source", default="auto", choices=SOURCES,
          help="auto: XL-Sum, or IlPost for 'it'; xlsum; ilpost / fanpage (Italian); files (--files); synthetic")
    _flag(p, "--languages", nargs="+", required=True, help="ISO codes (en it ru zh ...) or XL-Sum config names")
    _flag(p, "--output-dir", default="data", help="where to write (default: data)")
    _flag(p, "--train", type=int, default=1000, help="training examples per language (default 1000)")
    _flag(p, "--val", "--validation", dest="val", type=int, default=200, help="validation examples (default 200)")
    _flag(p, "--test", type=int, default=200, help="test examples (default 200)")
    _flag(p, "--seed", type=int, default=0, help="sampling seed (default 0)")
    _flag(p, "--files", nargs="+", help="with --source files: JSONL/CSV/Parquet; files named train/validation/test "
                                       "keep their split, others are pooled and split by the sizes above")
    _flag(p, "--text-column", default="text", help="article column in --files (default text)")
    _flag(p, "--summary-column", default="summary", help="summary column in --files (default summary)")
    _flag(p, "--title-column", default="title", help="optional title column (default title)")
    _flag(p, "--id-column", default="id", help="optional id column (default id)")
    _flag(p, "--overwrite", action="store_true", help="replace existing files for these languages")
    p.set_defaults(func=cmd_data)


# ---------------------------------------------------------------- init-model
def cmd_init_model(args) -> int:
    from lorasum.models.build import init_model

    info = init_model(args.preset, args.data_dir, args.output_dir, vocab_size=args.vocab_size, seed=args.seed,
                      overwrite=args.overwrite)
    print(f"{info['preset']}: {info['parameters']:,} parameters, tokenizer of {info['tokenizer_vocab']:,} pieces "
          f"(trained on {', '.join(info['languages'])}) -> {info['output_dir']}")
    return 0


def _add_init_model(sub) -> None:
    from lorasum.models.build import PRESETS

    p = sub.add_parser("init-model", help="build a random mT5 and a SentencePiece tokenizer offline (HF format)",
                       description="Train a SentencePiece tokenizer on DATA_DIR/*/train.jsonl and save a randomly "
                                   "initialised mT5 with it, loadable with from_pretrained. 'tiny' is test-sized; "
                                   "'mt5-small' is google/mt5-small's architecture (true sizes and speeds, no "
                                   "pretrained knowledge).")
    _flag(p, "--preset", default="tiny", choices=sorted(PRESETS), help="architecture (default tiny)")
    _flag(p, "--data-dir", default="data", help="corpus for the tokenizer (default data)")
    _flag(p, "--output-dir", required=True, help="model directory to write")
    _flag(p, "--vocab-size", type=int, help="SentencePiece pieces (default: 4000 for tiny, 32000 for mt5-small)")
    _flag(p, "--seed", type=int, default=0, help="weight initialisation seed (default 0)")
    _flag(p, "--overwrite", action="store_true", help="replace an existing model directory")
    p.set_defaults(func=cmd_init_model)


# ---------------------------------------------------------------- train
# CLI flag (argparse dest) -> dotted config key.
TRAIN_FLAGS = {
    "method": "method.name", "language": "data.language", "data_dir": "data.data_dir",
    "model": "model.name_or_path", "output_dir": "train.output_dir", "num_epochs": "train.num_epochs",
    "max_steps": "train.max_steps", "batch_size": "train.batch_size", "learning_rate": "train.learning_rate",
    "max_source_length": "data.max_source_length", "max_target_length": "data.max_target_length",
    "max_train_examples": "data.max_train_examples", "seed": "train.seed", "precision": "train.precision",
    "lora_r": "method.r", "lora_alpha": "method.lora_alpha", "lora_dropout": "method.lora_dropout",
    "target_modules": "method.target_modules", "group_by_length": "train.group_by_length",
    "gradient_checkpointing": "train.gradient_checkpointing", "compile": "train.compile",
    "gradient_accumulation_steps": "train.gradient_accumulation_steps",
}


def cmd_train(args) -> int:
    from lorasum.config import load_run_config
    from lorasum.data.languages import normalize_language
    from lorasum.training.loop import train

    values = {key: getattr(args, dest) for dest, key in TRAIN_FLAGS.items() if getattr(args, dest) is not None}
    if "data.language" in values:
        values["data.language"] = normalize_language(values["data.language"])
    cfg = load_run_config(args.config, overrides=args.overrides, values=values)
    result = train(cfg, overwrite=args.overwrite, progress=not args.no_progress)
    if not result["is_main_process"]:
        return 0
    t = result["train_info"]
    print(f"{t['method']} [{t['language']}]: {t['trainable_params']:,} parameters trained "
          f"({t['trainable_percent']:.3f}% of {t['base_params']:,}), {t['steps']} steps in {t['train_time_s']:.1f} s, "
          f"{t['tokens_per_s']:.0f} tokens/s, loss {t['first_loss']:.3f} -> {t['final_loss']:.3f}, "
          f"checkpoint {t.get('checkpoint_mib', 0):.2f} MiB -> {cfg.train.output_dir}")
    return 0


def _add_train(sub) -> None:
    from lorasum.methods import METHODS

    p = sub.add_parser("train", help="fine-tune with one method (full, lora, dora, ia3, adalora, qlora) on one language",
                       description="Fine-tune a base model. Precedence: defaults < --config YAML < flags < "
                                   "KEY=VALUE overrides (e.g. train.learning_rate=3e-4 method.r=16). Writes "
                                   "config.yaml, train_log.jsonl, checkpoint/ and train_metrics.json.")
    _flag(p, "--method", choices=sorted(METHODS), help=f"{' | '.join(METHODS)} (default lora)")
    _flag(p, "--language", help="training language: a sub-directory of --data-dir (default en)")
    _flag(p, "--data-dir", help="output of `lorasum data` (default data)")
    _flag(p, "--model", "--model-name", dest="model", help="hub id or local directory (default google/mt5-small)")
    _flag(p, "--output-dir", help="run directory (default runs/run)")
    _flag(p, "--num-epochs", type=int, help="passes over the data (default 3)")
    _flag(p, "--max-steps", type=int, help="stop after N optimizer steps")
    _flag(p, "--batch-size", type=int, help="examples per step (default 8)")
    _flag(p, "--learning-rate", type=float, help="default: the method's (full 5e-5, lora 1e-4, ia3 3e-3, ...)")
    _flag(p, "--max-source-length", type=int, help="article tokens kept (default 512)")
    _flag(p, "--max-target-length", type=int, help="summary tokens kept (default 84)")
    _flag(p, "--max-train-examples", type=int, help="use only the first N training examples")
    _flag(p, "--seed", type=int, help="same seed, same run on CPU (default 42)")
    _flag(p, "--precision", choices=["auto", "fp32", "bf16", "fp16"], help="default auto: bf16 where supported")
    _flag(p, "--lora-r", type=int, help="LoRA rank (default 8)")
    _flag(p, "--lora-alpha", type=int, help="LoRA alpha (default 16)")
    _flag(p, "--lora-dropout", type=float, help="LoRA dropout (default 0.05)")
    _flag(p, "--target-modules", help="comma-separated linear layers (default: the method's, e.g. q,k,v,o)")
    _flag(p, "--gradient-accumulation-steps", type=int, help="micro-batches per optimizer step (default 1)")
    _flag(p, "--group-by-length", action=argparse.BooleanOptionalAction, default=None,
          help="batch similar source lengths together (default on: less padding)")
    _flag(p, "--gradient-checkpointing", action="store_true", default=None,
          help="recompute activations in backward: less memory, ~30%% more compute")
    _flag(p, "--compile", action="store_true", default=None, help="torch.compile the model (slow warm-up)")
    _flag(p, "--config", help="YAML file with data/model/method/train sections")
    _flag(p, "--overwrite", action="store_true", help="replace a finished run in --output-dir")
    _flag(p, "--no-progress", action="store_true", help="no progress bar")
    p.add_argument("overrides", nargs="*", metavar="KEY=VALUE", help="dotted config overrides")
    p.set_defaults(func=cmd_train)


# ---------------------------------------------------------------- evaluate
def cmd_evaluate(args) -> int:
    from lorasum.evaluation.evaluate import evaluate_model, default_output
    from lorasum.evaluation.generate import GenerationSettings

    settings = GenerationSettings(num_beams=args.num_beams, length_penalty=args.length_penalty,
                                  no_repeat_ngram_size=args.no_repeat_ngram_size,
                                  max_source_length=args.max_source_length, max_target_length=args.max_target_length,
                                  batch_size=args.batch_size)
    result = evaluate_model(args.model_path, args.data_dir, args.test_language, output_file=args.output_file,
                            settings=settings, max_examples=args.max_examples, merge=not args.no_merge,
                            scheme=args.rouge_scheme, speed_sample=args.speed_sample,
                            progress=not args.no_progress)
    e = result["eval_info"]
    out = args.output_file or default_output(args.model_path, e["language"])
    ci = lambda k: f"{e[k]['f']:.2f} [{e[k]['ci_low']:.2f}, {e[k]['ci_high']:.2f}]"  # noqa: E731
    print(f"{args.model_path} on {e['language']} (n={e['n']}): ROUGE-1 {ci('rouge1')}, ROUGE-2 {ci('rouge2')}, "
          f"ROUGE-L {ci('rougeL')} (95% CI); {e['examples_per_s']:.2f} examples/s -> {out}")
    if e.get("inference_speed"):
        s = e["inference_speed"]
        print(f"generation time vs base model ({s['sample']} texts, {s['new_tokens_each']} tokens each): LoRA "
              f"unmerged x{s['unmerged_overhead']:.3f}, merged x{s['merged_vs_base']:.3f}")
    return 0


def _add_evaluate(sub) -> None:
    p = sub.add_parser("evaluate", help="generate summaries for a test set and score them (ROUGE, speed)",
                       description="Generate with the XL-Sum settings (beams 4, length penalty 0.6, no repeated "
                                   "bigram, max 84 new tokens) and score ROUGE-1/2/L. Writes FILE.json and "
                                   "FILE.predictions.jsonl (default RUN_DIR/eval/<lang>.json).")
    _flag(p, "--model-path", required=True, help="run directory, adapter directory or model directory")
    _flag(p, "--data-dir", default="data", help="output of `lorasum data` (default data)")
    _flag(p, "--test-language", "--language", dest="test_language", required=True, help="test language code")
    _flag(p, "--output-file", help="result JSON (default RUN_DIR/eval/<lang>.json)")
    _flag(p, "--batch-size", type=int, default=8, help="examples per generate call (default 8)")
    _flag(p, "--num-beams", type=int, default=4, help="beam size (default 4)")
    _flag(p, "--length-penalty", type=float, default=0.6, help="default 0.6")
    _flag(p, "--no-repeat-ngram-size", type=int, default=2, help="default 2")
    _flag(p, "--max-source-length", type=int, default=512, help="default 512")
    _flag(p, "--max-target-length", type=int, default=84, help="maximum new tokens (default 84)")
    _flag(p, "--max-examples", type=int, help="evaluate only the first N test examples")
    _flag(p, "--no-merge", action="store_true", help="keep LoRA weights unmerged (slower; default merges them)")
    _flag(p, "--speed-sample", type=int, default=16,
          help="LoRA runs: time base / unmerged / merged generation on this many test texts (0: skip)")
    _flag(p, "--rouge-scheme", default="xlsum", choices=["xlsum", "rouge-score"],
          help="xlsum: multilingual ROUGE (default); rouge-score: rouge-score's English-only tokenizer")
    _flag(p, "--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_evaluate)


# ---------------------------------------------------------------- score
def cmd_score(args) -> int:
    from lorasum.data.languages import normalize_language
    from lorasum.evaluation.rouge import ROUGE_TYPES
    from lorasum.evaluation.scoring import align, read_summaries, score_corpus

    language = normalize_language(args.language)
    preds, pred_ids, pred_rows = read_summaries(args.predictions, ("prediction", "summary"))
    if args.references:
        refs, ref_ids, _ = read_summaries(args.references, ("reference", "summary"))
    elif pred_rows and all("reference" in r for r in pred_rows):  # a lorasum predictions file
        refs, ref_ids = [r["reference"] for r in pred_rows], pred_ids
    else:
        raise UserError("--references is required (the predictions file has no 'reference' field)")
    preds, refs = align(preds, pred_ids, refs, ref_ids)
    sources = [r.get("text") or r.get("source") for r in pred_rows] if pred_rows else None
    if sources and not all(isinstance(t, str) for t in sources):
        sources = None
    result, _ = score_corpus(preds, refs, language, scheme=args.scheme, sources=sources, seed=args.seed)
    print(f"n={result['n']}, language {language}, scheme {result['scheme']} (tokenizer {result['tokenizer']}, "
          f"stemmer {result['stemmer']}, segmenter {result['segmenter']})")
    print("| metric | F1 | 95% CI |\n|---|---|---|")
    for key in ROUGE_TYPES:
        r = result[key]
        print(f"| {key} | {r['f']:.2f} | {r['ci_low']:.2f} - {r['ci_high']:.2f} |")
    if args.output_file:
        from lorasum.io import write_json

        write_json(args.output_file, result)
        print(f"written: {args.output_file}")
    return 0


def _add_score(sub) -> None:
    from lorasum.evaluation.rouge import SCHEMES

    p = sub.add_parser("score", help="score any system's summaries against references (multilingual ROUGE + CIs)",
                       description="Score predictions against references: JSONL (fields prediction|summary and "
                                   "reference|summary, paired by id when both have one) or text files with one "
                                   "summary per line. A lorasum *.predictions.jsonl needs no --references.")
    _flag(p, "--predictions", required=True, help="JSONL or text file of system summaries")
    _flag(p, "--references", help="JSONL or text file of reference summaries")
    _flag(p, "--language", default="en", help="language code: picks the stemmer and segmentation (default en)")
    _flag(p, "--scheme", default="xlsum", choices=SCHEMES,
          help="xlsum: multilingual (default); rouge-score: exactly rouge-score with its stemmer (English papers)")
    _flag(p, "--seed", type=int, default=0, help="bootstrap seed (default 0)")
    _flag(p, "--output-file", help="write the scores as JSON")
    p.set_defaults(func=cmd_score)


# ---------------------------------------------------------------- compare
def cmd_compare(args) -> int:
    from lorasum.reporting.compare import NOTE, collect_rows, format_markdown, paired_tests, write_comparison

    from lorasum.reporting.aggregate import aggregate, format_aggregate

    rows = collect_rows(args.runs)
    tests = paired_tests(rows)
    summary = aggregate(rows)
    print(format_markdown(rows) + "\n\n" + NOTE)
    if format_aggregate(summary):
        print("\n" + format_aggregate(summary))
    if args.output:
        paths = write_comparison(rows, args.output, tests, summary)
        print("written: " + ", ".join(map(str, paths)))
    return 0


def _add_compare(sub) -> None:
    p = sub.add_parser("compare", help="one table over run directories (ROUGE, parameters, time, memory, size, speed)",
                       description="Print the comparison table of the given runs (a directory of runs stands for "
                                   "every run in it) and, with --output, write comparison.{md,csv,json}.")
    p.add_argument("runs", nargs="+", help="run directories (or directories holding runs)")
    _flag(p, "--output", help="directory for comparison.md/.csv/.json")
    p.set_defaults(func=cmd_compare)


# ---------------------------------------------------------------- estimate
def cmd_estimate(args) -> int:
    from lorasum.models.estimate import estimate

    targets = [m.strip() for m in args.target_modules.split(",") if m.strip()] if args.target_modules else None
    r = estimate(args.model, args.method, r=args.lora_r, lora_alpha=args.lora_alpha, init_r=args.init_r,
                 target_modules=targets,
                 batch_size=args.batch_size, max_source_length=args.max_source_length,
                 max_target_length=args.max_target_length, precision=args.precision,
                 gradient_checkpointing=args.gradient_checkpointing, device=args.device)
    m = r["memory"]
    print(f"{r['model']} / {r['method']}: {r['total_params']:,} parameters, {r['trainable_params']:,} trainable "
          f"({r['trainable_percent']:.3f}% of {r['base_params']:,}); checkpoint {r['checkpoint_mb']:,.3f} MB")
    print(f"training memory, batch {r['batch_size']} x {r['max_source_length']}/{r['max_target_length']} tokens, "
          f"{r['precision']} on {r['device']}: ~{r['total_memory_mib']:,.0f} MiB")
    for key, label in (("weights_mib", "weights"), ("gradients_mib", "gradients"), ("optimizer_mib", "AdamW state"),
                       ("activations_mib", "activations"), ("process_baseline_mib", "process baseline")):
        print(f"  {label:<17} {m[key]:>10,.0f} MiB")
    if args.output_file:
        from lorasum.io import write_json

        write_json(args.output_file, r)
    return 0


def _add_estimate(sub) -> None:
    from lorasum.methods import METHODS
    from lorasum.models.estimate import MT5_SIZES

    p = sub.add_parser("estimate", help="parameters, adapter size and training memory, without loading weights",
                       description="Count parameters on the meta device (no download: the public mT5 sizes are "
                                   "built in) and estimate training memory: weights, gradients, AdamW state, "
                                   "activations.")
    _flag(p, "--model", default="mt5-small", help=f"{' | '.join(MT5_SIZES)} | a model directory | a hub id")
    _flag(p, "--method", default="lora", choices=sorted(METHODS))
    _flag(p, "--lora-r", type=int, help="rank (default 8)")
    _flag(p, "--lora-alpha", type=int, help="default 16")
    _flag(p, "--init-r", type=int, help="AdaLoRA's starting rank (default 12)")
    _flag(p, "--target-modules", help="comma-separated linears (default: the method's own, e.g. q,k,v,o)")
    _flag(p, "--batch-size", type=int, default=8)
    _flag(p, "--max-source-length", type=int, default=512)
    _flag(p, "--max-target-length", type=int, default=84)
    _flag(p, "--precision", default="fp32", help="fp32 or bf16 (fp16 is refused for mT5)")
    _flag(p, "--gradient-checkpointing", action="store_true")
    _flag(p, "--device", default="cpu", choices=["cpu", "cuda"], help="cpu adds the process's own baseline memory")
    _flag(p, "--output-file", help="also write the estimate as JSON")
    p.set_defaults(func=cmd_estimate)


# ---------------------------------------------------------------- pictures
def cmd_report(args) -> int:
    from lorasum.reporting.report import write_report

    path = write_report(args.experiment_dir, runs=args.runs, output=args.output)
    print(f"report: {path}")
    return 0


def _add_report(sub) -> None:
    p = sub.add_parser("report", help="one self-contained report.html: tables, charts, curves, attention, examples",
                       description="Build EXPERIMENT_DIR/report.html from the files the runs wrote: setup, results "
                                   "table, ROUGE / efficiency / cross-lingual / rank / Pareto charts, training "
                                   "curves, attention figures (from `lorasum attention` into EXPERIMENT_DIR/attention) "
                                   "and side-by-side examples. Images are embedded: no network is needed to view it.")
    p.add_argument("experiment_dir", help="an experiment directory (e.g. outputs/demo)")
    _flag(p, "--runs", nargs="+", help="report on these run directories instead of every run found")
    _flag(p, "--output", help="HTML file to write (default EXPERIMENT_DIR/report.html)")
    p.set_defaults(func=cmd_report)


def cmd_plot(args) -> int:
    import matplotlib

    matplotlib.use("Agg")
    from lorasum.io import write_json
    from lorasum.visualization import curves

    out = Path(args.output_dir)
    logs, skipped = {}, []
    for run in args.runs:
        log = curves.load_log(run)
        if log is None:
            skipped.append(run)
            print(f"{run}: no train_log.jsonl, skipped", file=sys.stderr)
        else:
            logs[Path(run).name] = log
    if not logs:
        raise UserError("none of the runs has a train_log.jsonl: pass run directories written by `lorasum train`")
    out.mkdir(parents=True, exist_ok=True)
    fig = curves.plot_curves(logs)
    for ext in args.format:
        fig.savefig(out / f"curves.{ext}", dpi=120, bbox_inches="tight")
    write_json(out / "convergence.json", {name: curves.convergence(log) for name, log in logs.items()}
               | ({"skipped": skipped} if skipped else {}))
    print(f"written: {', '.join(str(out / f'curves.{ext}') for ext in args.format)}, {out / 'convergence.json'}")
    return 0


def _add_plot(sub) -> None:
    p = sub.add_parser("plot", help="training curves of several runs overlaid (loss, lr, tokens/s)",
                       description="Plot train and validation loss, learning rate and tokens/s over steps for "
                                   "several runs, and write each run's convergence speed (steps and seconds to 90% "
                                   "of its final loss reduction) to convergence.json.")
    p.add_argument("what", choices=["curves"], help="what to plot")
    p.add_argument("runs", nargs="+", help="run directories")
    _flag(p, "--output-dir", required=True, help="where to write the figure and convergence.json")
    _flag(p, "--format", nargs="+", default=["png"], choices=["png", "svg", "pdf"], help="figure formats (default png)")
    p.set_defaults(func=cmd_plot)


def cmd_attention(args) -> int:
    import matplotlib

    matplotlib.use("Agg")
    from lorasum.data.languages import normalize_language
    from lorasum.data.sources import read_split
    from lorasum.io import write_json
    from lorasum.models.loading import load_for_inference
    from lorasum.visualization import attention

    if len(args.runs) != 2:
        raise UserError("--runs takes exactly two run directories (e.g. the full and the LoRA run)")
    rows = read_split(args.data_dir, normalize_language(args.language), "test")
    if not 0 <= args.example < len(rows):
        raise UserError(f"--example {args.example} is out of range: the {args.language} test set has examples "
                        f"0 to {len(rows) - 1}")
    n = min(args.num_examples, len(rows))
    models = {Path(r).name: load_for_inference(r, attn_implementation="eager")[:2] for r in args.runs}
    if len(models) != 2:
        raise UserError("the two runs need different directory names")
    out = Path(args.output_dir)
    out.mkdir(parents=True, exist_ok=True)
    (a, b) = models
    one = {name: attention.collect_attention(model, tok, rows[args.example]["text"], rows[args.example]["summary"],
                                             max_source_length=args.max_source_length)
           for name, (tok, model) in models.items()}
    if one[a]["truncated"]:
        print(f"note: example {args.example} has {one[a]['source_length']} source tokens, truncated to "
              f"{args.max_source_length}: raise --max-source-length to see all of it", file=sys.stderr)
    written = []
    for kind in ("encoder", "cross"):
        fig = attention.plot_attention_pair(one[a], one[b], kind=kind, layer=args.layer, head=args.head,
                                            top_k=args.top_k, names=(a, b))
        path = out / f"attention_{kind}_example{args.example}.png"
        fig.savefig(path, dpi=110, bbox_inches="tight")
        written.append(path)
    # Streamed: one example's maps at a time (mt5-small at 512 tokens: ~50 MB per example and run).
    stats = attention.layer_statistics({name: attention.iter_attention(model, tok, rows[:n], args.max_source_length)
                                        for name, (tok, model) in models.items()})
    fig = attention.plot_layer_statistics(stats)
    fig.savefig(out / "attention_layers.png", dpi=110, bbox_inches="tight")
    write_json(out / "attention_stats.json", {"runs": [a, b], "language": args.language, "examples": n, **stats})
    print("written: " + ", ".join(map(str, written + [out / "attention_layers.png", out / "attention_stats.json"])))
    return 0


def _add_attention(sub) -> None:
    p = sub.add_parser("attention", help="attention of two runs side by side, and per-layer entropy / divergence",
                       description="With eager attention: encoder self-attention and decoder cross-attention "
                                   "heatmaps of one test example for two runs and their difference, and over N test "
                                   "examples the attention entropy per layer of each run and the Jensen-Shannon "
                                   "divergence between them (PNG + attention_stats.json).")
    _flag(p, "--runs", nargs="+", required=True, help="two run directories (e.g. full and LoRA)")
    _flag(p, "--data-dir", default="data", help="output of `lorasum data`")
    _flag(p, "--language", default="en", help="test language")
    _flag(p, "--example", type=int, default=0, help="test example for the heatmaps (default 0)")
    _flag(p, "--num-examples", type=int, default=20, help="examples for the per-layer statistics (default 20)")
    _flag(p, "--layer", type=int, help="layer to show (default: averaged over layers)")
    _flag(p, "--head", type=int, help="head to show (default: averaged over heads)")
    _flag(p, "--top-k", type=int, help="show only the k most attended source tokens per summary token")
    _flag(p, "--max-source-length", type=int, default=512, help="source tokens kept (default 512)")
    _flag(p, "--output-dir", required=True, help="where to write the figures and statistics")
    p.set_defaults(func=cmd_attention)


# ---------------------------------------------------------------- demo
def _write_lead_task(data_dir: Path, languages: list[str]) -> None:
    """<data_dir>/mul: articles of every language paired with their own lead sentence (a copy task)."""
    import re

    from lorasum.data.sources import read_split
    from lorasum.io import write_jsonl

    first_sentence = re.compile(r"^(.+?[.!?»])(?:\s|$)", re.S)
    for split in ("train", "validation"):
        rows = []
        for lang in languages:
            for r in read_split(data_dir, lang, split):
                lead = first_sentence.match(r["text"])
                rows.append({**r, "summary": (lead.group(1) if lead else r["text"].split("\n")[0]).strip()})
        write_jsonl(data_dir / "mul" / f"{split}.jsonl", rows)


def cmd_demo(args) -> int:
    """`lorasum experiment configs/demo.yaml`: the whole flow offline, in minutes on a CPU."""
    from lorasum.experiment import load_experiment

    config = Path(__file__).resolve().parents[2] / "configs" / "demo.yaml"
    if not config.is_file():
        raise UserError(f"{config} is missing: the demo needs lorasum's repository checkout (configs/demo.yaml)")
    exp = load_experiment(config, output_dir=args.output_dir)
    code = run_experiment(exp, force=args.force, progress=not args.no_progress)
    out = Path(exp["output_dir"])
    if code == 0 and not (out / "attention" / "attention_stats.json").is_file():
        print("\n== attention: full_en against lora_en on English test examples", flush=True)
        code = main(["attention", "--runs", str(out / "runs/full_en"), str(out / "runs/lora_en"), "--data-dir",
                     str(out / "data"), "--language", "en", "--num-examples", "20", "--max-source-length", "192",
                     "--top-k", "30", "--output-dir", str(out / "attention")])
    if code == 0:
        from lorasum.reporting.report import write_report

        print(f"\nreport: {write_report(out)}")
    return code


# ---------------------------------------------------------------- experiment
def run_experiment(exp: dict, *, force: bool = False, progress: bool = True) -> int:
    """Run every cell of a validated experiment design; finished cells and evaluations are skipped."""
    import shutil
    import time

    import yaml
    from tqdm.auto import tqdm

    from lorasum.config import load_run_config
    from lorasum.data.sources import prepare_data
    from lorasum.evaluation.evaluate import default_output, evaluate_model
    from lorasum.evaluation.generate import GenerationSettings
    from lorasum.data.languages import normalize_language
    from lorasum.experiment import _as_list, check_experiment_dir, data_languages, plan
    from lorasum.io import atomic_write_text, write_json
    from lorasum.models.build import init_model
    from lorasum.reporting.compare import NOTE, collect_rows, format_markdown, paired_tests, write_comparison
    from lorasum.training.loop import run_status

    cells = plan(exp)
    check_experiment_dir(exp, force)
    out = Path(exp["output_dir"])
    atomic_write_text(out / "experiment.yaml", yaml.safe_dump(exp, sort_keys=False, allow_unicode=True))
    d, m, e = exp["data"], exp["model"], exp["evaluation"]
    languages = data_languages(exp)
    step = lambda text: print(f"\n== {text}", flush=True)  # noqa: E731

    data_dir = Path(d["dir"]) if d.get("dir") else out / "data"
    if not d.get("dir") and not (data_dir / "stats.json").is_file():
        step(f"data: {d.get('source', 'auto')} ({', '.join(languages)}) -> {data_dir}")
        prepare_data(d.get("source", "auto"), languages, data_dir,
                     {"train": d.get("train", 1000), "validation": d.get("validation", 200), "test": d.get("test", 200)},
                     seed=d.get("seed", 0), files=d.get("files"), text_column=d.get("text_column", "text"),
                     summary_column=d.get("summary_column", "summary"))
    base_model, local_base = m.get("name_or_path"), False
    if m.get("init"):
        init = dict(m["init"])
        if not (out / "model" / "config.json").is_file():
            step(f"model: {init.get('preset', 'tiny')} mT5 + SentencePiece tokenizer -> {out / 'model'}")
            init_model(init.get("preset", "tiny"), data_dir, out / "model", vocab_size=init.get("vocab_size"),
                       seed=init.get("seed", 0))
        base_model, local_base = str(out / "model"), True
    if m.get("pretrain"):
        pre = m["pretrain"]
        base_dir = out / "base"
        if not (base_dir / "config.json").is_file():
            pre_languages = [normalize_language(x) for x in _as_list(pre.get("languages", languages))]
            _write_lead_task(data_dir, pre_languages)
            step(f"pretrain the base (articles -> lead sentence, {', '.join(pre_languages)}) -> {base_dir}")
            cfg = load_run_config(values={
                **_flatten_defaults(exp), "method.name": "full", "data.language": "mul", "data.data_dir": str(data_dir),
                "model.name_or_path": base_model, "train.output_dir": str(out / "runs" / "pretrain"),
                "train.num_epochs": pre.get("epochs", 2), "train.learning_rate": pre.get("learning_rate", 1e-3),
                "train.seed": 0})
            code, error = _train_in_subprocess(cfg, progress)
            if code != 0:
                raise UserError(f"pretraining the base failed: {error}")
            shutil.rmtree(base_dir, ignore_errors=True)
            shutil.copytree(out / "runs" / "pretrain" / "checkpoint", base_dir)
        base_model, local_base = str(base_dir), True
    if not base_model:
        raise UserError("the experiment's model has neither name_or_path nor init")

    settings = GenerationSettings(**{k: v for k, v in e.items() if k not in ("max_examples", "rouge_scheme")})
    eval_kw = {"settings": settings, "max_examples": e.get("max_examples"), "scheme": e.get("rouge_scheme", "xlsum"),
               "progress": progress}
    test_langs = sorted({lang for c in cells for lang in c.test_languages})
    if local_base:
        for lang in test_langs:
            if not default_output(base_model, lang).is_file():
                step(f"evaluate the base model on {lang}")
                evaluate_model(base_model, data_dir, lang, **eval_kw)

    statuses, started = {}, time.time()
    bar = tqdm(cells, desc=f"experiment {exp['name']}", unit="cell", disable=not progress, dynamic_ncols=True)
    for cell in bar:
        run_dir = out / "runs" / cell.cell_id
        bar.set_postfix_str(cell.cell_id)
        if run_status(run_dir) != "completed":
            step(f"train {cell.cell_id} -> {run_dir}")
            cfg = load_run_config(values={**cell.overrides, "data.data_dir": str(data_dir),
                                          "model.name_or_path": base_model, "train.output_dir": str(run_dir)})
            code, error = _train_in_subprocess(cfg, progress)
            if code != 0:  # recorded; the other cells go on
                # A one-line refusal (exit 2) before training started, such as QLoRA without CUDA, is a
                # skip; any other stop is a failure. A crash before the loop wrote its metrics is
                # recorded here, so no cell keeps an older status.
                status = "skipped" if code == 2 and run_status(run_dir) in (None, "skipped") else "failed"
                if status == "skipped" or run_status(run_dir) in (None, "skipped", "running"):
                    write_json(run_dir / "train_metrics.json",
                               {"train_info": {"status": status, "error": error, "method": cell.method}})
                print(f"lorasum: {cell.cell_id} {status}: {error}", file=sys.stderr)
        statuses[cell.cell_id] = run_status(run_dir)
        if statuses[cell.cell_id] == "completed":
            for lang in cell.test_languages:
                if not default_output(run_dir, lang).is_file():
                    step(f"evaluate {cell.cell_id} on {lang}")
                    evaluate_model(run_dir, data_dir, lang, **eval_kw)
    bar.close()

    done = [out / "runs" / cid for cid, s in statuses.items() if s == "completed"]
    rows = collect_rows(([base_model] if local_base else []) + done) if done else []
    tests = paired_tests(rows) if rows else []
    if rows:
        write_comparison(rows, out, tests)
    write_json(out / "cells.json", {"cells": [{"cell_id": c.cell_id, "method": c.method, "train_language":
                                                c.train_language, "seed": c.seed, "train_size": c.train_size,
                                                "settings": c.settings, "status": statuses[c.cell_id]} for c in cells],
                                    "elapsed_s": round(time.time() - started, 1)})
    step(f"comparison of {exp['name']} ({sum(s == 'completed' for s in statuses.values())}/{len(cells)} cells done)")
    if rows:
        print(format_markdown(rows) + "\n\n" + NOTE)
    for cid, s in statuses.items():
        if s != "completed":
            print(f"{cid}: {s}")
    print(f"\nwritten: {out / 'comparison.md'}, {out / 'cells.json'}")
    return 0 if all(s in ("completed", "skipped") for s in statuses.values()) else 1


def _train_in_subprocess(cfg, progress: bool) -> tuple[int, str | None]:
    """Train one cell in its own `python -m lorasum train` process; (exit code, error or None).

    A process per run keeps each run's peak memory its own (CPU peak RSS is a process-lifetime
    high-water mark, and lorasum's allocator keeps freed memory resident) and keeps a crash in one
    cell from taking the grid down. The child shares the terminal, so its progress bar shows.
    """
    import subprocess
    import tempfile

    from lorasum.config import write_config

    with tempfile.TemporaryDirectory() as tmp:
        config, error_file = Path(tmp) / "cell.yaml", Path(tmp) / "error.txt"
        write_config(cfg, config)
        cmd = [sys.executable, "-m", "lorasum", "train", "--config", str(config), "--overwrite"]
        code = subprocess.call(cmd + ([] if progress else ["--no-progress"]),
                               env={**os.environ, "LORASUM_ERROR_FILE": str(error_file)})
        if code == 0:
            return 0, None
        return code, error_file.read_text(encoding="utf-8").strip() if error_file.is_file() else f"exit code {code}"


def _flatten_defaults(exp: dict) -> dict:
    from lorasum.experiment import _flatten

    return _flatten(exp.get("defaults") or {})


def cmd_experiment(args) -> int:
    from lorasum.experiment import load_experiment, plan

    exp = load_experiment(args.config, output_dir=args.output_dir)
    if args.dry_run:
        cells = plan(exp)
        print(f"{exp['name']}: {len(cells)} cells -> {exp['output_dir']}/runs/")
        for c in cells:
            print(f"  {c.cell_id}: method {c.method}, train {c.train_language}, seed {c.seed}"
                  + (f", {c.train_size} examples" if c.train_size else "")
                  + (f", {c.settings}" if c.settings else "") + f"; test {', '.join(c.test_languages)}")
        return 0
    return run_experiment(exp, force=args.force, progress=not args.no_progress)


def _add_experiment(sub) -> None:
    p = sub.add_parser("experiment", help="run a grid (methods x languages x settings x seeds x sizes) from one YAML",
                       description="Run every cell of an experiment YAML (see configs/*.yaml): data, base model, "
                                   "training and evaluation of each cell, then one comparison. Finished cells are "
                                   "skipped, so a killed experiment resumes; a failed cell is recorded and the "
                                   "others go on.")
    p.add_argument("config", help="experiment YAML, e.g. configs/demo.yaml")
    _flag(p, "--output-dir", help="override the YAML's output_dir")
    _flag(p, "--dry-run", action="store_true", help="list the cells and exit")
    _flag(p, "--force", action="store_true", help="run into a directory made by a different design")
    _flag(p, "--no-progress", action="store_true", help="no progress bars")
    p.set_defaults(func=cmd_experiment)


# ---------------------------------------------------------------- summarize
def cmd_summarize(args) -> int:
    import json

    from lorasum.evaluation.generate import GenerationSettings
    from lorasum.evaluation.summarizer import Summarizer
    from lorasum.io import read_jsonl, write_jsonl

    if args.input == "-":
        records = []
        for lineno, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UserError(f"standard input line {lineno}: not valid JSON ({exc.msg}); "
                                'give one object per line, e.g. {"text": "...", "language": "en"}') from None
            if not isinstance(record, dict):
                raise UserError(f"standard input line {lineno}: expected a JSON object with a 'text' field")
            records.append(record)
    else:
        records = read_jsonl(args.input)
    settings = GenerationSettings(num_beams=args.num_beams, max_target_length=args.max_target_length,
                                  max_source_length=args.max_source_length, batch_size=args.batch_size)
    summarizer = Summarizer.from_runs(args.model_path, names=args.adapter_names, settings=settings)
    if args.adapter is not None and args.adapter not in summarizer.adapters:
        raise UserError(f"no adapter '{args.adapter}': loaded adapters are {', '.join(summarizer.adapters) or 'none'}")
    if args.adapter is not None:  # one adapter for every record, whatever their language fields say
        records = [{**r, "adapter": args.adapter} for r in records]
    chosen = summarizer.choose_adapters(records)
    summaries = summarizer.summarize_records(records, progress=not args.no_progress)
    rows = [{**({"id": r["id"]} if "id" in r else {}), "adapter": c, "summary": s}
            for r, c, s in zip(records, chosen, summaries)]
    if args.output:
        write_jsonl(args.output, rows)
        print(f"{len(rows)} summaries -> {args.output}", file=sys.stderr)
    else:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    return 0


def _add_summarize(sub) -> None:
    p = sub.add_parser("summarize", help="summarize texts with one base and several adapters (loaded once)",
                       description="Load the base model once and every given run's adapter onto it; each input "
                                   "record's 'adapter' or 'language' field picks the adapter (or --adapter for "
                                   "all). Input: JSONL with a 'text' field, or - for standard input.")
    _flag(p, "--model-path", nargs="+", required=True, help="run directories (adapters on one base, or one full run)")
    _flag(p, "--adapter", help="use this adapter for every record (default: each record's language)")
    _flag(p, "--adapter-names", nargs="+", help="names for the adapters (default: each run's training language)")
    _flag(p, "--input", required=True, help="JSONL file with 'text' (and optional 'id', 'language'), or -")
    _flag(p, "--output", help="JSONL file to write (default: standard output)")
    _flag(p, "--num-beams", type=int, default=4)
    _flag(p, "--max-source-length", type=int, default=512)
    _flag(p, "--max-target-length", type=int, default=84)
    _flag(p, "--batch-size", type=int, default=8)
    _flag(p, "--no-progress", action="store_true")
    p.set_defaults(func=cmd_summarize)


def _add_demo(sub) -> None:
    p = sub.add_parser("demo", help="the whole flow offline on a synthetic corpus and a tiny mT5 (minutes on a CPU)",
                       description="Run configs/demo.yaml: generate the synthetic en/it corpus, build and briefly "
                                   "pretrain a tiny mT5, train full and LoRA on each language, evaluate every model "
                                   "on both languages (cross-lingual cells included) and print one comparison "
                                   "table. Finished stages are skipped when the demo is run again.")
    _flag(p, "--output-dir", default="outputs/demo", help="default outputs/demo")
    _flag(p, "--force", action="store_true", help="run into a directory made by a different design")
    _flag(p, "--no-progress", action="store_true", help="no progress bars")
    p.set_defaults(func=cmd_demo)


def build_parser() -> argparse.ArgumentParser:
    from lorasum import __version__

    parser = argparse.ArgumentParser(
        prog="lorasum", description="LoRA vs full fine-tuning of mT5 for multilingual news summarization: "
                                    "data -> train -> evaluate -> compare.")
    parser.add_argument("--version", action="version", version=f"lorasum {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in (_add_data, _add_init_model, _add_train, _add_evaluate, _add_score, _add_compare, _add_estimate,
                _add_experiment, _add_summarize, _add_report, _add_plot, _add_attention, _add_demo):
        add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _quiet_libraries()
    try:
        return args.func(args)
    except UserError as exc:
        print(f"lorasum: error: {exc}", file=sys.stderr)
        if os.environ.get("LORASUM_ERROR_FILE"):  # a parent (`lorasum experiment`) records why a cell stopped
            Path(os.environ["LORASUM_ERROR_FILE"]).write_text(str(exc), encoding="utf-8")
        return 2
    except Exception as exc:
        if os.environ.get("LORASUM_ERROR_FILE"):
            Path(os.environ["LORASUM_ERROR_FILE"]).write_text(f"{type(exc).__name__}: {exc}", encoding="utf-8")
        raise
    except KeyboardInterrupt:
        print("lorasum: interrupted", file=sys.stderr)
        return 130


# glibc malloc hands freed activation memory back to the OS and faults it in again every step;
# these keep it in the process (BASELINE.md: 1.2-1.9x faster CPU steps). Read only at process start.
ALLOCATOR_ENV = {"MALLOC_MMAP_MAX_": "0", "MALLOC_TRIM_THRESHOLD_": str(2**40), "MALLOC_TOP_PAD_": str(2**30)}


def entry() -> None:
    """Console entry point: set the allocator variables (re-executing once if needed), then run main().

    LORASUM_DEFAULT_MALLOC=1 keeps the system's defaults; variables the user set are left alone.
    """
    missing = {k: v for k, v in ALLOCATOR_ENV.items() if k not in os.environ}
    if (missing and sys.platform.startswith("linux") and os.environ.get("LORASUM_DEFAULT_MALLOC") != "1"
            and os.environ.get("LORASUM_REEXEC") != "1"):
        env = {**os.environ, **missing, "LORASUM_REEXEC": "1"}
        try:
            os.execve(sys.executable, [sys.executable, "-m", "lorasum", *sys.argv[1:]], env)
        except OSError:
            pass  # could not re-execute: run with the default allocator
    raise SystemExit(main())


if __name__ == "__main__":
    raise SystemExit(main())
