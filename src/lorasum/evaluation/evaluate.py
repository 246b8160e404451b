"""`lorasum evaluate`: generate summaries for a test set and score them; results are data.

    result = evaluate_model("runs/lora_en", "data", "it")   # -> runs/lora_en/eval/it.json

Writes <output>.json (run_info, eval_info, meta_info; docs/results.md has the schema) and
<output>.predictions.jsonl (one line per example: id, prediction, reference, per-example ROUGE,
faithfulness proxies and error-analysis flags).
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from lorasum.data.languages import normalize_language
from lorasum.data.sources import read_split
from lorasum.errors import UserError
from lorasum.evaluation.generate import GenerationSettings, generate_summaries
from lorasum.evaluation.scoring import score_corpus
from lorasum.io import read_json, write_json, write_jsonl
from lorasum.models.loading import find_checkpoint, load_for_inference
from lorasum.training.meters import meta_info


def default_output(model_path: str | Path, language: str) -> Path:
    return Path(model_path) / "eval" / f"{language}.json"


def predictions_path(output_file: Path) -> Path:
    return output_file.with_name(output_file.name.removesuffix(".json") + ".predictions.jsonl")


def evaluate_model(model_path: str | Path, data_dir: str | Path, language: str, *,
                   output_file: str | Path | None = None, settings: GenerationSettings | None = None,
                   max_examples: int | None = None, merge: bool = True, overwrite: bool = True,
                   scheme: str = "xlsum",
                   progress: bool = True) -> dict:
    """Evaluate a run (or model) directory on <data_dir>/<language>/test.jsonl.

    Raises:
        UserError: missing run/model/data, or an existing result with overwrite=False.
    """
    settings = settings or GenerationSettings()
    language = normalize_language(language)
    find_checkpoint(model_path)  # a bad path fails here, before data is read or anything written
    rows = read_split(data_dir, language, "test")[:max_examples]
    output_file = Path(output_file) if output_file else default_output(model_path, language)
    if output_file.exists() and not overwrite:
        raise UserError(f"{output_file} already exists: pass --overwrite to replace it")

    tokenizer, model, info = load_for_inference(model_path, merge=merge)
    run_config = info.pop("run_config")
    train_metrics = Path(model_path) / "train_metrics.json"
    train_info = read_json(train_metrics).get("train_info", {}) if train_metrics.is_file() else {}
    predictions, speed = generate_summaries(model, tokenizer, [r["text"] for r in rows], settings, progress)
    scores, per_example = score_corpus(predictions, [r["summary"] for r in rows], language, scheme=scheme,
                                       sources=[r["text"] for r in rows])
    eval_info = {**scores, "data_dir": str(data_dir), "split": "test",
                 "generation": settings.to_dict(), **speed,
                 "mean_prediction_words": round(sum(len(p.split()) for p in predictions) / max(1, len(rows)), 2),
                 "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    run_info = {"model_path": str(model_path), **info,
                "method": (run_config or {}).get("method", {}).get("name", "base"),
                "train_language": (run_config or {}).get("data", {}).get("language"),
                "train_status": train_info.get("status")}
    result = {"run_info": run_info, "eval_info": eval_info, "meta_info": meta_info(next(model.parameters()).device)}
    write_jsonl(predictions_path(output_file),
                [{"id": r["id"], "prediction": p, "reference": r["summary"], **s}
                 for r, p, s in zip(rows, predictions, per_example)])
    write_json(output_file, result)
    return result
