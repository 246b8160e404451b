"""Build a randomly initialised mT5 and a SentencePiece tokenizer offline, saved in HF format.

    init_model("tiny", data_dir="data", output_dir="models/tiny")

The saved directory loads with `AutoModelForSeq2SeqLM.from_pretrained` / `AutoTokenizer.from_pretrained`,
through exactly the code path a hub id such as google/mt5-small takes.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import torch
from torch import nn

from lorasum.errors import UserError, closest

# Architecture sizes. `mt5-small` is google/mt5-small's config (XLSUM.md): with random weights its
# parameter count, memory, step time and checkpoint size are the real ones. `tiny` is test-sized
# (the scale of transformers' MT5ModelTester) and trains in seconds on a CPU.
PRESETS: dict[str, dict] = {
    "tiny": {"d_model": 64, "d_kv": 16, "d_ff": 128, "num_layers": 2, "num_decoder_layers": 2,
             "num_heads": 4, "relative_attention_num_buckets": 32, "dropout_rate": 0.1},
    "mt5-small": {"vocab_size": 250_112, "d_model": 512, "d_kv": 64, "d_ff": 1024, "num_layers": 8,
                  "num_decoder_layers": 8, "num_heads": 6, "relative_attention_num_buckets": 32,
                  "dropout_rate": 0.1},
}
DEFAULT_VOCAB_SIZE = {"tiny": 4000, "mt5-small": 32000}


def mt5_config(preset: str, vocab_size: int | None = None):
    """An MT5Config for a preset; `vocab_size` sets the embedding size of presets that do not fix it."""
    from transformers import MT5Config

    if preset not in PRESETS:
        raise UserError(f"unknown preset '{preset}'{closest(preset, PRESETS)}: choose one of {', '.join(PRESETS)}")
    sizes = dict(PRESETS[preset])
    if "vocab_size" not in sizes:
        sizes["vocab_size"] = vocab_size or DEFAULT_VOCAB_SIZE[preset]
    return MT5Config(feed_forward_proj="gated-gelu", pad_token_id=0, eos_token_id=1,
                     decoder_start_token_id=0, **sizes)


def untie_lm_head(model) -> None:
    """Give the model its own lm_head, as google/mt5-* checkpoints have.

    transformers 5 forces `tie_word_embeddings=True` in MT5Config, so a model built from a config
    shares lm_head with the input embedding (172M parameters instead of mt5-small's 300M). The new
    head is drawn afresh, so it differs from the embedding and a reload keeps the two apart. Its
    std is initializer_factor / sqrt(d_model), which puts the initial logits near unit scale: with
    std 1 a random tiny model starts at a loss of ~22 and learns far more slowly. (Counts, memory,
    speed and checkpoint size do not depend on it; pretrained checkpoints bring their own head.)
    """
    shared = model.get_input_embeddings().weight
    if model.lm_head.weight.data_ptr() != shared.data_ptr() and shared.device.type != "meta":
        return
    head = torch.empty_like(shared)
    if head.device.type != "meta":
        nn.init.normal_(head, mean=0.0, std=model.config.initializer_factor * model.config.d_model**-0.5)
    model.lm_head.weight = nn.Parameter(head)
    model.config.tie_word_embeddings = False
    model.all_tied_weights_keys = model.get_expanded_tied_weights_keys(all_submodels=True)


def build_model(preset: str, vocab_size: int | None = None, *, seed: int = 0, device: str | None = None):
    """A randomly initialised MT5ForConditionalGeneration with an untied lm_head (device='meta': no memory)."""
    from transformers import MT5ForConditionalGeneration

    config = mt5_config(preset, vocab_size)
    torch.manual_seed(seed)
    if device is not None:
        with torch.device(device):
            model = MT5ForConditionalGeneration(config)
    else:
        model = MT5ForConditionalGeneration(config)
    untie_lm_head(model)
    return model


def train_tokenizer(texts_file: Path, vocab_size: int, workdir: Path):
    """Train a SentencePiece unigram model with mT5's special ids and wrap it as an HF T5Tokenizer.

    The ids match mT5's (pad 0, eos 1, unk 2, no bos); `hard_vocab_limit=False` lets a small corpus
    end with fewer pieces than asked instead of failing.
    """
    import sentencepiece as spm
    from transformers import T5Tokenizer

    try:
        spm.SentencePieceTrainer.train(
            input=str(texts_file), model_prefix=str(workdir / "spiece"), vocab_size=vocab_size,
            model_type="unigram", pad_id=0, eos_id=1, unk_id=2, bos_id=-1, character_coverage=1.0,
            hard_vocab_limit=False, input_sentence_size=300_000, shuffle_input_sentence=True,
            minloglevel=2, num_threads=1,  # one thread: the same corpus always gives the same pieces
        )
    except RuntimeError as exc:  # e.g. fewer pieces than the corpus has distinct characters
        message = (str(exc).strip().splitlines() or ["failed"])[-1]
        raise UserError(f"SentencePiece could not train {vocab_size} pieces on this corpus ({message}): "
                        "try a larger --vocab-size, e.g. 4000") from None
    spm_dir = workdir / "spm"
    spm_dir.mkdir()
    shutil.copy(workdir / "spiece.model", spm_dir / "spiece.model")
    # mT5's tokenizer has no sentinel ids in its vocabulary list; summarization needs none.
    return T5Tokenizer.from_pretrained(str(spm_dir), extra_ids=0)


def init_model(preset: str, data_dir: str | Path, output_dir: str | Path, *, vocab_size: int | None = None,
               seed: int = 0, overwrite: bool = False) -> dict:
    """Train a tokenizer on <data_dir>/*/train.jsonl, build a random mT5 and save both to output_dir.

    Returns:
        A summary dict: preset, vocab sizes, parameter count, output directory.
    Raises:
        UserError: unknown preset, no training text, or an existing output without overwrite.
    """
    from lorasum.io import read_jsonl

    mt5_config(preset)  # validates the preset before anything is read or written
    output_dir = Path(output_dir).resolve()
    if output_dir.exists() and any(output_dir.iterdir()):
        if not (output_dir / "config.json").is_file():
            raise UserError(f"{output_dir} exists and is not a model directory: choose a new --output-dir "
                            "(init-model replaces only a model directory, and only with --overwrite)")
        if not overwrite:
            raise UserError(f"{output_dir} already holds a model: pass --overwrite to replace it")
    files = sorted(Path(data_dir).glob("*/train.jsonl"))
    if not files:
        raise UserError(f"no <lang>/train.jsonl under {data_dir}: run `lorasum data --output-dir {data_dir}` first")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus.txt"
        with corpus.open("w", encoding="utf-8") as out:
            for f in files:
                for row in read_jsonl(f):
                    for field in ("text", "summary", "title"):
                        for line in str(row.get(field) or "").splitlines():
                            if line.strip():
                                out.write(line.strip() + "\n")
        tokenizer = train_tokenizer(corpus, vocab_size or DEFAULT_VOCAB_SIZE[preset], tmp)
        embed_size = PRESETS[preset].get("vocab_size", len(tokenizer))
        model = build_model(preset, embed_size, seed=seed)
        staging = output_dir.with_name(f".{output_dir.name}.tmp")
        shutil.rmtree(staging, ignore_errors=True)
        model.save_pretrained(staging)
        tokenizer.save_pretrained(staging)
        if output_dir.exists():
            shutil.rmtree(output_dir)
        staging.rename(output_dir)
    return {"preset": preset, "output_dir": str(output_dir), "tokenizer_vocab": len(tokenizer),
            "embedding_rows": embed_size, "parameters": sum(p.numel() for p in model.parameters()),
            "languages": [f.parent.name for f in files]}
