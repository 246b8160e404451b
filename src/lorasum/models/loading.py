"""Load tokenizers and models from a hub id or a local directory, and trained runs for inference.

    tokenizer, model, info = load_for_inference("runs/lora_en")   # base + adapter, merged

Every loader accepts both forms; a name that is neither an existing directory nor loadable from
the hub gets one line that says both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lorasum.errors import UserError


def _short(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]


def resolve_name(name_or_path: str, marker: str = "config.json") -> str:
    """An existing local directory becomes its absolute path (so adapters record where their base is).

    Raises:
        UserError: the path exists but is a file, or a directory without `marker`.
    """
    path = Path(name_or_path).expanduser()
    if path.exists():
        if not path.is_dir():
            raise UserError(f"{path} is a file; --model needs a model directory or a hub id such as google/mt5-small")
        if not (path / marker).is_file():
            raise UserError(f"{path} is not a model directory (no {marker}): create one with "
                            "`lorasum init-model` or pass a hub id such as google/mt5-small")
        return str(path.resolve())
    return str(name_or_path)


def _load(loader, name_or_path: str, what: str, **kwargs):
    name = resolve_name(name_or_path, "tokenizer_config.json" if what == "tokenizer" else "config.json")
    try:
        return loader(name, **kwargs)
    except (OSError, ValueError) as exc:
        if Path(name).is_dir():
            raise UserError(f"could not load the {what} in {name}: {_short(exc)}") from None
        raise UserError(f"model '{name_or_path}' is not a local directory, and loading it from the Hugging Face "
                        f"hub failed ({_short(exc)}): pass an existing directory (e.g. from `lorasum init-model`) "
                        "or a hub id with network access") from None


def load_tokenizer(name_or_path: str):
    from transformers import AutoTokenizer

    return _load(AutoTokenizer.from_pretrained, name_or_path, "tokenizer")


def load_model(name_or_path: str, **kwargs):
    """A seq2seq LM (fp32 weights); kwargs go to from_pretrained (e.g. attn_implementation='eager')."""
    from transformers import AutoModelForSeq2SeqLM

    return _load(AutoModelForSeq2SeqLM.from_pretrained, name_or_path, "model", **kwargs)


def find_checkpoint(path: str | Path) -> tuple[Path, dict[str, Any] | None]:
    """The weights directory of a run dir (RUN/checkpoint) or of any model/adapter dir, and the run's config."""
    import yaml

    path = Path(path)
    if not path.is_dir():
        raise UserError(f"{path} does not exist: pass a run directory (from `lorasum train`) or a model directory")
    run_config = None
    if (path / "config.yaml").is_file():
        run_config = yaml.safe_load((path / "config.yaml").read_text(encoding="utf-8"))
    if (path / "checkpoint").is_dir():
        path = path / "checkpoint"
    elif run_config is not None:
        raise UserError(f"{path} holds no checkpoint/: its training did not finish; train it again")
    if not ((path / "adapter_config.json").is_file() or (path / "config.json").is_file()):
        raise UserError(f"{path} holds neither a model (config.json) nor an adapter (adapter_config.json)")
    return path, run_config


def load_for_inference(path: str | Path, *, merge: bool = True, **model_kwargs):
    """Tokenizer and eval-mode model of a run directory, an adapter directory or a model directory.

    Adapters are loaded onto their base model (recorded in adapter_config.json) and, with merge=True,
    merged into it (`merge_and_unload`), so generation runs at the base model's speed.

    Returns:
        (tokenizer, model, info) where info says what was loaded: kind, base model, run config.
    """
    ckpt, run_config = find_checkpoint(path)
    info: dict[str, Any] = {"path": str(Path(path)), "checkpoint": str(ckpt), "run_config": run_config}
    if (ckpt / "adapter_config.json").is_file():
        from peft import PeftConfig, PeftModel

        adapter_cfg = PeftConfig.from_pretrained(str(ckpt))
        base = load_model(adapter_cfg.base_model_name_or_path, **model_kwargs)
        model = PeftModel.from_pretrained(base, str(ckpt))
        if merge:
            model = model.merge_and_unload()
        info.update(kind="adapter", base_model=adapter_cfg.base_model_name_or_path, merged=merge)
    else:
        model = load_model(str(ckpt), **model_kwargs)
        info.update(kind="model", base_model=str(ckpt), merged=False)
    tokenizer_dir = ckpt if (ckpt / "tokenizer_config.json").is_file() else info["base_model"]
    tokenizer = load_tokenizer(str(tokenizer_dir))
    model.to(inference_device()).eval()
    return tokenizer, model, info


def inference_device():
    """The device generation runs on: this process's GPU when there is one, else the CPU."""
    import torch

    if torch.cuda.is_available():
        from accelerate import PartialState

        return PartialState().device
    return torch.device("cpu")
