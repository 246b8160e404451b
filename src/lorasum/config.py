"""Typed run configuration: one dataclass per concern, loaded from YAML plus dotted overrides.

    cfg = load_run_config("my.yaml", overrides=["train.learning_rate=3e-4", "method.r=16"])

A YAML file holds only what differs from the defaults, nested by section:

    method: {name: lora, r: 16}
    train: {num_epochs: 5}
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lorasum.errors import UserError, closest

PRECISIONS = ("auto", "fp32", "bf16", "fp16")


@dataclass
class DataConfig:
    data_dir: str = "data"
    """Directory written by `lorasum data`: <data_dir>/<language>/{train,validation,test}.jsonl."""
    language: str = "en"
    """Language to train on (a sub-directory of data_dir)."""
    max_source_length: int = 512
    """Articles are truncated to this many tokens (XL-Sum recipe: 512)."""
    max_target_length: int = 84
    """Summaries are truncated to this many tokens (XL-Sum recipe: 84)."""
    max_train_examples: int | None = None
    """Use only the first N training examples (None: all)."""

    def __post_init__(self):
        _check_positive("data.max_source_length", self.max_source_length, "512")
        _check_positive("data.max_target_length", self.max_target_length, "84")
        if self.max_train_examples is not None:
            _check_positive("data.max_train_examples", self.max_train_examples, "1000")


@dataclass
class ModelConfig:
    name_or_path: str = "google/mt5-small"
    """A hub id (google/mt5-small) or a local directory (e.g. from `lorasum init-model`)."""


@dataclass
class MethodConfig:
    name: str = "lora"
    """Fine-tuning method: full, lora, dora, ia3, adalora or qlora (CUDA + bitsandbytes); see lorasum.methods."""
    r: int = 8
    """LoRA rank (lora, dora, qlora): trainable parameters grow linearly with r."""
    lora_alpha: int = 16
    """Adapter scaling numerator (not ia3): the update is scaled by lora_alpha / r (adalora: / init_r)."""
    lora_dropout: float = 0.05
    """Dropout on the adapter input (not ia3); 0.0 is faster (no mask), a little regularisation otherwise."""
    target_modules: list[str] | None = None
    """Linear layers to adapt: q k v o (attention), wi_0 wi_1 wo (feed-forward); None: the method's default
    (ia3: k,v,wo; lora, dora, adalora, qlora: q,k,v,o)."""
    init_r: int = 12
    """adalora: starting rank of every adapted linear; it alone sets the trainable parameter count."""
    target_r: int = 8
    """adalora: average rank per adapted linear left when the budget has been cut (<= init_r)."""

    def __post_init__(self):
        from lorasum.methods import METHODS  # methods register themselves; config stays import-light

        if self.name not in METHODS:
            raise UserError(
                f"unknown method '{self.name}'{closest(self.name, METHODS)}: choose one of {', '.join(METHODS)}"
            )
        defaults = METHODS[self.name].default_target_modules
        if self.target_modules is None:  # resolved here, so the written config.yaml names the real targets
            self.target_modules = list(defaults)
        if isinstance(self.target_modules, str):
            self.target_modules = [m.strip() for m in self.target_modules.split(",") if m.strip()]
        _check_positive("method.r (--lora-r)", self.r, "8")
        if self.lora_alpha <= 0:
            raise UserError(f"method.lora_alpha (--lora-alpha) must be > 0 (got {self.lora_alpha}): try 16")
        if not 0.0 <= self.lora_dropout < 1.0:
            raise UserError(f"method.lora_dropout (--lora-dropout) must be in [0, 1) (got {self.lora_dropout}): try 0.05")
        if defaults and not self.target_modules:
            raise UserError(f"method.target_modules (--target-modules) is empty: try {','.join(defaults)}")
        _check_positive("method.init_r", self.init_r, "12")
        _check_positive("method.target_r", self.target_r, "8")
        if self.target_r > self.init_r:
            raise UserError(f"method.target_r ({self.target_r}) must be <= method.init_r ({self.init_r}): AdaLoRA only "
                            f"cuts ranks; raise init_r or lower target_r")


@dataclass
class TrainConfig:
    output_dir: str = "runs/run"
    """Run directory: config.yaml, checkpoint/, train_log.jsonl, train_metrics.json."""
    num_epochs: int = 3
    """Passes over the training set."""
    max_steps: int | None = None
    """Stop after this many optimizer steps (None: run all epochs); handy for smoke tests."""
    batch_size: int = 8
    """Examples per optimizer step (per process); larger is faster per token but needs more memory."""
    gradient_accumulation_steps: int = 1
    """Micro-batches summed before each optimizer step: effective batch = batch_size x this."""
    learning_rate: float | None = None
    """Peak learning rate; None takes the method's default (full 5e-5, lora 1e-4, ia3 3e-3, ...)."""
    weight_decay: float = 0.0
    """AdamW decoupled weight decay."""
    warmup_ratio: float = 0.0
    """Fraction of steps with a linear warm-up."""
    lr_scheduler: str = "linear"
    """transformers scheduler name: linear, cosine, constant, constant_with_warmup."""
    max_grad_norm: float = 1.0
    """Gradient clipping norm; 0 disables clipping."""
    seed: int = 42
    """Seeds data order, dropout and adapter initialisation: the same seed gives the same run on CPU."""
    precision: str = "auto"
    """fp32, bf16, or auto (bf16 on GPUs that support it, else fp32). fp16 is refused for mT5."""
    group_by_length: bool = True
    """Batch examples of similar source length together (seeded): less padding, more real tokens/s."""
    gradient_checkpointing: bool = False
    """Recompute activations in the backward pass: much less memory, roughly 30% more compute."""
    compile: bool = False
    """torch.compile the model: faster steps after a compile warm-up of a minute or more."""

    def __post_init__(self):
        _check_positive("train.num_epochs (--num-epochs)", self.num_epochs, "3")
        _check_positive("train.batch_size (--batch-size)", self.batch_size, "8")
        _check_positive("train.gradient_accumulation_steps", self.gradient_accumulation_steps, "1")
        if self.max_steps is not None:
            _check_positive("train.max_steps", self.max_steps, "100")
        if self.learning_rate is not None and not self.learning_rate > 0:
            raise UserError(
                f"train.learning_rate (--learning-rate) must be > 0 (got {self.learning_rate}): "
                "try 1e-4 for LoRA or 5e-5 for full fine-tuning"
            )
        if self.weight_decay < 0 or self.max_grad_norm < 0 or not 0 <= self.warmup_ratio < 1:
            raise UserError("train.weight_decay and train.max_grad_norm must be >= 0, train.warmup_ratio in [0, 1)")
        from transformers import SchedulerType

        schedulers = [t.value for t in SchedulerType]
        if self.lr_scheduler not in schedulers:
            raise UserError(f"train.lr_scheduler '{self.lr_scheduler}' is unknown{closest(self.lr_scheduler, schedulers)}: "
                            "use linear, cosine, constant or constant_with_warmup")
        if self.precision not in PRECISIONS:
            raise UserError(f"train.precision must be one of {', '.join(PRECISIONS)} (got '{self.precision}')")
        if self.precision == "fp16":
            raise UserError(
                "fp16 is refused for mT5: T5-family activations overflow fp16 and the loss becomes NaN; "
                "use --precision bf16 (GPUs since Ampere) or fp32"
            )


@dataclass
class RunConfig:
    data: DataConfig = field(default_factory=DataConfig)
    model: ModelConfig = field(default_factory=ModelConfig)
    method: MethodConfig = field(default_factory=MethodConfig)
    train: TrainConfig = field(default_factory=TrainConfig)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _check_positive(name: str, value, example: str) -> None:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
        raise UserError(f"{name} must be a positive number (got {value!r}): try {example}")


_SECTION_CLASSES = {"data": DataConfig, "model": ModelConfig, "method": MethodConfig, "train": TrainConfig}


def apply_override(tree: dict[str, dict[str, Any]], key: str, value: Any) -> None:
    """Set tree[section][name] = value for a dotted key, rejecting unknown keys with a suggestion."""
    section, _, name = key.partition(".")
    if section not in _SECTION_CLASSES or not name:
        raise UserError(
            f"unknown config key '{key}'{closest(section, _SECTION_CLASSES)}: keys look like "
            f"SECTION.NAME with SECTION one of {', '.join(_SECTION_CLASSES)} (e.g. train.learning_rate)"
        )
    names = [f.name for f in dataclasses.fields(_SECTION_CLASSES[section])]
    if name not in names:
        raise UserError(f"unknown config key '{key}'{closest(name, names, prefix=section + '.')}: "
                        f"{section} has {', '.join(names)}")
    tree.setdefault(section, {})[name] = value


def parse_override(text: str) -> tuple[str, Any]:
    """'train.learning_rate=3e-4' -> ('train.learning_rate', 0.0003); values are parsed as YAML."""
    if "=" not in text:
        raise UserError(f"override '{text}' is not KEY=VALUE: write e.g. train.learning_rate=3e-4")
    key, raw = text.split("=", 1)
    try:
        value = yaml.safe_load(raw) if raw.strip() else None
    except yaml.YAMLError:
        value = raw
    # YAML reads "3e-4" as a string (no dot); such values are meant as numbers.
    if isinstance(value, str):
        try:
            value = float(value) if any(c in value for c in ".eE") else value
        except ValueError:
            pass
    return key.strip(), value


def read_yaml(path: str | Path) -> dict[str, Any]:
    """Read a YAML mapping, with one-line errors for a missing or malformed file."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"config file {path} does not exist: check the path")
    try:
        tree = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise UserError(f"config file {path} is not valid YAML: {str(exc).splitlines()[0]}") from None
    if not isinstance(tree, dict):
        raise UserError(f"config file {path} must hold a mapping of sections (data, model, method, train)")
    return tree


def build_run_config(tree: dict[str, Any]) -> RunConfig:
    """Build and validate a RunConfig from a nested dict; unknown keys and wrong types are UserErrors."""
    flat: dict[str, dict[str, Any]] = {}
    for section, values in tree.items():
        if section not in _SECTION_CLASSES:
            raise UserError(f"unknown config section '{section}'{closest(section, _SECTION_CLASSES)}: "
                            f"sections are {', '.join(_SECTION_CLASSES)}")
        if not isinstance(values, dict):
            raise UserError(f"config section '{section}' must be a mapping, got {type(values).__name__}")
        for name, value in values.items():
            apply_override(flat, f"{section}.{name}", value)
    sections = {}
    for section, cls in _SECTION_CLASSES.items():
        try:
            sections[section] = cls(**flat.get(section, {}))
        except TypeError as exc:
            raise UserError(f"config section '{section}': {exc}") from None
    _check_types(sections)
    return RunConfig(**sections)


def _check_types(sections: dict[str, Any]) -> None:
    """Reject values of the wrong type (a string where a number belongs) with the key's name."""
    for section, obj in sections.items():
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            expected = str(f.type)
            if value is None and "None" in expected:
                continue
            ok = True
            if expected.startswith("int"):
                ok = isinstance(value, int) and not isinstance(value, bool)
            elif expected.startswith("float"):
                ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            elif expected.startswith("bool"):
                ok = isinstance(value, bool)
            elif expected.startswith("str"):
                ok = isinstance(value, str)
            elif expected.startswith("list"):
                ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
            if not ok:
                raise UserError(f"config key {section}.{f.name} should be {expected}, got {value!r}")


def load_run_config(path: str | Path | None = None, overrides: list[str] | None = None,
                    values: dict[str, Any] | None = None) -> RunConfig:
    """Defaults < YAML file < `values` (dotted keys, e.g. from CLI flags) < `overrides` ("k=v" strings)."""
    tree: dict[str, dict[str, Any]] = {}
    if path is not None:
        for section, items in read_yaml(path).items():
            if not isinstance(items, dict):
                raise UserError(f"config section '{section}' in {path} must be a mapping")
            for name, value in items.items():
                apply_override(tree, f"{section}.{name}", value)
    for key, value in (values or {}).items():
        apply_override(tree, key, value)
    for text in overrides or []:
        apply_override(tree, *parse_override(text))
    return build_run_config(tree)


def write_config(cfg: RunConfig, path: Path) -> None:
    from lorasum.io import atomic_write_text

    atomic_write_text(path, yaml.safe_dump(cfg.to_dict(), sort_keys=False, allow_unicode=True))
