"""Serve summaries from one base model and several LoRA adapters (one per language, say).

    s = Summarizer.from_runs(["runs/lora_en", "runs/lora_it"])     # the base is loaded once
    s.summarize(["Il sindaco di Milano ..."], adapter="it")
    s.summarize_records([{"text": "...", "language": "en"}, {"text": "...", "language": "it"}])

Adapters are named by their run's training language (or given names). Switching is peft's
`set_adapter`: no reload. A run trained with full fine-tuning is served alone, as its own base.
"""

from __future__ import annotations

from pathlib import Path

from lorasum.errors import UserError
from lorasum.evaluation.generate import GenerationSettings, generate_summaries
from lorasum.models.loading import (find_checkpoint, inference_device, load_for_inference, load_model,
                                    load_tokenizer)


class Summarizer:
    """A base model with named adapters; `summarize` picks one per call (None: the base itself)."""

    def __init__(self, model, tokenizer, settings: GenerationSettings | None = None):
        self.model, self.tokenizer = model, tokenizer
        self.settings = settings or GenerationSettings()
        self.adapters: list[str] = []

    @classmethod
    def from_runs(cls, runs, names: list[str] | None = None, settings: GenerationSettings | None = None):
        """Load the shared base once and every run's adapter onto it.

        Args:
            runs: run or adapter directories; all adapters must share one base model. A single
                full-fine-tuning run is also accepted (served as is, with no adapter).
            names: adapter names (default: each run's training language, else its directory name).
        Raises:
            UserError: different base models, duplicate names, or a full run mixed with adapters.
        """
        from peft import PeftConfig, PeftModel

        runs = [Path(r) for r in runs]
        found = [find_checkpoint(r) for r in runs]
        adapters = [(ckpt / "adapter_config.json").is_file() for ckpt, _ in found]
        if not all(adapters):
            if len(runs) == 1:
                tokenizer, model, _ = load_for_inference(runs[0])
                return cls(model, tokenizer, settings)
            raise UserError("only LoRA-style adapter runs can share a base; serve a full fine-tuning run on its own")
        names = names or [((cfg or {}).get("data") or {}).get("language") or r.name for r, (_, cfg) in zip(runs, found)]
        if len(set(names)) != len(names):
            raise UserError(f"adapter names must differ (got {', '.join(names)}): name them with --adapter-names")
        bases = {PeftConfig.from_pretrained(str(ckpt)).base_model_name_or_path for ckpt, _ in found}
        if len(bases) != 1:
            raise UserError(f"these adapters were trained on different base models ({', '.join(sorted(bases))})")
        base_name = bases.pop()
        model = PeftModel.from_pretrained(load_model(base_name), str(found[0][0]), adapter_name=names[0])
        for name, (ckpt, _) in zip(names[1:], found[1:]):
            model.load_adapter(str(ckpt), adapter_name=name)
        model.to(inference_device()).eval()
        tokenizer_dir = found[0][0] if (found[0][0] / "tokenizer_config.json").is_file() else base_name
        summarizer = cls(model, load_tokenizer(str(tokenizer_dir)), settings)
        summarizer.adapters = names
        return summarizer

    def summarize(self, texts: list[str], adapter: str | None = None, progress: bool = False) -> list[str]:
        """Summaries of `texts` with one adapter (None: the base model without any adapter)."""
        if not texts:
            return []
        if adapter is None and self.adapters:
            with self.model.disable_adapter():
                return generate_summaries(self.model, self.tokenizer, texts, self.settings, progress)[0]
        if adapter is not None:
            if adapter not in self.adapters:
                raise UserError(f"no adapter '{adapter}': loaded adapters are {', '.join(self.adapters) or 'none'}")
            self.model.set_adapter(adapter)
        return generate_summaries(self.model, self.tokenizer, texts, self.settings, progress)[0]

    def choose_adapters(self, records: list[dict], adapter: str | None = None) -> list[str | None]:
        """The adapter each record uses: its `adapter` or `language` field, else `adapter`, else the only
        adapter loaded (None for every record when the model has no adapters).

        Raises:
            UserError: a record with no text, no adapter to choose among several, or an unknown adapter.
        """
        for i, record in enumerate(records, start=1):
            if not isinstance(record.get("text"), str):
                raise UserError(f"input record {i} has no 'text' field (fields: {', '.join(record)})")
        if not self.adapters:  # one full model: a record's language picks nothing
            return [None] * len(records)
        default = adapter or (self.adapters[0] if len(self.adapters) == 1 else None)
        chosen = [r.get("adapter") or r.get("language") or default for r in records]
        for i, name in enumerate(chosen, start=1):
            if name is None:
                raise UserError(f"input record {i} names no adapter or language, and {len(self.adapters)} adapters "
                                f"are loaded ({', '.join(self.adapters)}): add a 'language' field or pass --adapter")
            if name not in self.adapters:
                raise UserError(f"input record {i} asks for adapter '{name}'; loaded: {', '.join(self.adapters)}")
        return chosen

    def summarize_records(self, records: list[dict], adapter: str | None = None, progress: bool = False) -> list[str]:
        """Summaries in input order, each with the adapter `choose_adapters` picks; batched per adapter."""
        chosen = self.choose_adapters(records, adapter)
        out = [""] * len(records)
        for name in dict.fromkeys(chosen):
            idx = [i for i, c in enumerate(chosen) if c == name]
            for i, summary in zip(idx, self.summarize([records[i]["text"] for i in idx], name, progress)):
                out[i] = summary
        return out
