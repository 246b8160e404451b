"""`lorasum experiment`: one YAML describes a grid of runs; every cell is a run directory.

    cells = plan(load_experiment("configs/demo.yaml"))     # what would run (--dry-run)

Grid axes: methods (each with optional setting variants, e.g. LoRA ranks) x train languages x seeds
x train-set sizes; every trained cell is evaluated on every test language. Finished cells and
evaluations are skipped, so a killed experiment resumes where it stopped; a failed cell is recorded
(status and error in its train_metrics.json) and the others go on.
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lorasum.errors import UserError, closest

TOP_KEYS = ("name", "output_dir", "data", "model", "grid", "defaults", "method_defaults", "evaluation")
GRID_KEYS = ("method", "train_language", "test_language", "seed", "train_size", "method_settings")
DATA_KEYS = ("source", "languages", "train", "validation", "test", "seed", "dir", "files", "text_column",
             "summary_column")
MODEL_KEYS = ("name_or_path", "init", "pretrain")
EVAL_KEYS = ("num_beams", "length_penalty", "no_repeat_ngram_size", "max_source_length", "max_target_length",
             "batch_size", "max_examples", "rouge_scheme")


@dataclass
class Cell:
    """One training run of the grid and the languages it is evaluated on."""

    cell_id: str
    method: str
    train_language: str
    seed: int
    train_size: int | None
    settings: dict[str, Any]
    test_languages: list[str]
    overrides: dict[str, Any] = field(default_factory=dict)  # dotted config keys for this cell


def _check_keys(section: dict, allowed, where: str) -> None:
    if not isinstance(section, dict):
        raise UserError(f"{where} must be a mapping, got {type(section).__name__}")
    for key in section:
        if key not in allowed:
            raise UserError(f"unknown key '{key}' in {where}{closest(key, allowed)}: allowed are {', '.join(allowed)}")


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def data_languages(exp: dict) -> list[str]:
    """data.languages as lorasum codes (a single code or an XL-Sum name is accepted too)."""
    from lorasum.data.languages import normalize_language

    return [normalize_language(l) for l in _listify(exp["data"].get("languages", ["en"]), "languages")]


def _listify(value, name: str) -> list:
    values = value if isinstance(value, list) else [value]
    if not values:
        raise UserError(f"grid.{name} is empty: the grid has no cell; list at least one value")
    return values


def load_experiment(path: str | Path, output_dir: str | None = None) -> dict:
    """Read and validate an experiment YAML; returns the resolved design (a plain dict)."""
    from lorasum.config import read_yaml

    exp = read_yaml(path)
    _check_keys(exp, TOP_KEYS, str(path))
    exp.setdefault("name", Path(path).stem)
    if output_dir:
        exp["output_dir"] = output_dir
    exp.setdefault("output_dir", f"outputs/{exp['name']}")
    for key, allowed in (("data", DATA_KEYS), ("model", MODEL_KEYS), ("grid", GRID_KEYS),
                         ("evaluation", EVAL_KEYS)):
        exp.setdefault(key, {})
        _check_keys(exp[key], allowed, f"{path}: {key}")
    from lorasum.methods import METHODS

    _check_keys(exp.get("method_defaults") or {}, list(METHODS), f"{path}: method_defaults")
    for key in ("init", "pretrain"):
        if exp["model"].get(key) is not None:
            _check_keys(exp["model"][key], {"init": ("preset", "vocab_size", "seed"),
                                            "pretrain": ("languages", "epochs", "learning_rate")}[key],
                        f"{path}: model.{key}")
    if "method" not in exp["grid"]:
        raise UserError(f"{path}: grid.method is missing: list the methods to compare, e.g. [full, lora]")
    if not exp["model"].get("name_or_path") and not exp["model"].get("init"):
        raise UserError(f"{path}: model needs name_or_path (hub id or directory) or init (a preset built offline)")
    from lorasum.evaluation.generate import GenerationSettings

    GenerationSettings(**{k: v for k, v in exp["evaluation"].items() if k not in ("max_examples", "rouge_scheme")})
    plan(exp)  # validates methods, languages, settings and every cell's config
    return exp


def plan(exp: dict) -> list[Cell]:
    """Every cell of the grid, validated (methods, languages, config keys) before anything runs."""
    from lorasum.config import load_run_config
    from lorasum.data.languages import normalize_language
    from lorasum.methods import METHODS

    grid = exp["grid"]
    methods = _listify(grid["method"], "method")
    for m in methods:
        if m not in METHODS:
            raise UserError(f"unknown method '{m}' in grid.method{closest(m, METHODS)}: choose from {', '.join(METHODS)}")
    data_langs = data_languages(exp)
    train_langs = [normalize_language(l) for l in _listify(grid.get("train_language", data_langs[:1]), "train_language")]
    test_langs = [normalize_language(l) for l in _listify(grid.get("test_language", train_langs), "test_language")]
    for lang in train_langs + test_langs:
        if lang not in data_langs and not exp["data"].get("dir"):
            raise UserError(f"language '{lang}' is in the grid but not in data.languages ({', '.join(data_langs)})")
    seeds = _listify(grid.get("seed", [42]), "seed")
    sizes = _listify(grid.get("train_size", [None]), "train_size")
    variants = grid.get("method_settings") or {}
    _check_keys(variants, list(METHODS), "grid.method_settings")
    cells = []
    for method, lang, seed, size in itertools.product(methods, train_langs, seeds, sizes):
        for settings in _listify(variants.get(method, [{}]), f"method_settings.{method}"):
            if not isinstance(settings, dict):
                raise UserError(f"grid.method_settings.{method} must list mappings such as {{r: 8}}")
            tag = "-".join(f"{k}{v}" for k, v in settings.items())
            cell_id = "_".join(filter(None, [method + (f"-{tag}" if tag else ""), lang,
                                             f"s{seed}" if len(seeds) > 1 else "",
                                             f"n{size}" if size is not None else ""]))
            overrides = {**_flatten(exp.get("defaults") or {}),
                         **_flatten((exp.get("method_defaults") or {}).get(method) or {}),
                         **{f"method.{k}": v for k, v in settings.items()},
                         "method.name": method, "data.language": lang, "train.seed": seed}
            if size is not None:
                overrides["data.max_train_examples"] = size
            load_run_config(values={**overrides, "train.output_dir": "x"})  # validate now, not mid-grid
            cells.append(Cell(cell_id, method, lang, seed, size, settings, test_langs, overrides))
    ids = [c.cell_id for c in cells]
    if len(set(ids)) != len(ids):
        raise UserError("two grid cells share an id: make method_settings variants differ")
    return cells


def _flatten(tree: dict, prefix: str = "") -> dict[str, Any]:
    out = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and "." not in key and prefix == "":
            out.update(_flatten(value, f"{name}."))
        else:
            out[name] = value
    return out


def design_fingerprint(exp: dict) -> dict:
    """The parts of a design that make results comparable (output location excluded)."""
    return {k: copy.deepcopy(v) for k, v in exp.items() if k not in ("output_dir", "name")}


def check_experiment_dir(exp: dict, force: bool) -> None:
    """Refuse an output directory written by a different design, unless force."""
    saved = Path(exp["output_dir"]) / "experiment.yaml"
    if saved.is_file() and not force:
        previous = yaml.safe_load(saved.read_text(encoding="utf-8")) or {}
        if design_fingerprint(previous) != design_fingerprint(exp):
            raise UserError(f"{exp['output_dir']} holds results of a different experiment design: pass --force to "
                            "mix them anyway, or choose another --output-dir")
