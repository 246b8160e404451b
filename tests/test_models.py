"""Parameter counts are exact facts of the architecture: they are asserted to the parameter."""

import pytest
import torch

from lorasum.config import MethodConfig
from lorasum.methods import METHODS, count_parameters
from lorasum.models.build import build_model


def lora_param_formula(config, r: int, targets=("q", "k", "v", "o")) -> int:
    """r * (in + out) per adapted linear; q,k,v map d_model -> heads*d_kv and o maps back.

    Attention blocks: encoder self (num_layers) + decoder self and cross (2 * num_decoder_layers).
    """
    inner = config.num_heads * config.d_kv
    per_block = sum(r * (config.d_model + inner) for _ in targets)
    return per_block * (config.num_layers + 2 * config.num_decoder_layers)


def test_mt5_small_architecture_has_300m_parameters_and_an_untied_head():
    model = build_model("mt5-small", device="meta")  # the real architecture, no weights allocated
    assert count_parameters(model)["total_params"] == 300_176_768
    assert model.lm_head.weight is not model.shared.weight
    assert model.config.vocab_size == 250_112


@pytest.mark.parametrize("targets, expected", [(["q", "k", "v", "o"], 688_128), (["q", "v"], 344_064)])
def test_lora_r8_on_mt5_small_trains_exactly(targets, expected):
    model = build_model("mt5-small", device="meta")
    model = METHODS["lora"].prepare(model, MethodConfig(name="lora", r=8, target_modules=targets))
    counts = count_parameters(model, base_params=300_176_768)
    assert counts["trainable_params"] == expected == lora_param_formula(model.config, 8, targets)
    assert counts["trainable_percent"] == pytest.approx(100 * expected / 300_176_768, abs=1e-4)
    trainable = [n for n, p in model.named_parameters() if p.requires_grad]
    assert trainable and all(".lora_A." in n or ".lora_B." in n for n in trainable)


def test_tiny_model_saves_and_reloads_through_from_pretrained(model_dir):
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    model = AutoModelForSeq2SeqLM.from_pretrained(model_dir)
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    c = model.config
    embed = c.vocab_size * c.d_model
    assert model.lm_head.weight.data_ptr() != model.shared.weight.data_ptr()  # untied after a reload too
    assert not torch.equal(model.lm_head.weight, model.shared.weight)
    assert count_parameters(model)["total_params"] > 2 * embed
    assert len(tokenizer) <= c.vocab_size
    assert (tokenizer.pad_token_id, tokenizer.eos_token_id) == (0, 1)  # mT5's ids
    text = "Il sindaco di Milano è arrivato. Министр прибыл в город."
    ids = tokenizer(text).input_ids
    assert ids[-1] == 1 and tokenizer.unk_token_id not in ids
    assert tokenizer.decode(ids, skip_special_tokens=True) == text


def test_lora_rejects_unknown_target_modules_and_names_the_real_ones():
    from lorasum.errors import UserError

    model = build_model("tiny", 100)
    with pytest.raises(UserError, match="q_proj not found.*linear layers are .*q"):
        METHODS["lora"].prepare(model, MethodConfig(name="lora", target_modules=["q_proj"]))


def test_unknown_model_path_is_one_clear_error(tmp_path):
    from lorasum.errors import UserError
    from lorasum.models.loading import load_model

    with pytest.raises(UserError, match="not a local directory, and loading it from the Hugging Face hub failed"):
        load_model(str(tmp_path / "no-such-model"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError, match="no config.json"):
        load_model(str(tmp_path / "empty"))


def test_too_small_a_vocabulary_is_one_clear_error(data_dir, tmp_path, capsys):
    from conftest import run_cli

    assert run_cli("init-model", "--preset", "tiny", "--data-dir", data_dir, "--output-dir", tmp_path / "m",
                   "--vocab-size", 5) == 2
    err = capsys.readouterr().err
    assert "SentencePiece could not train 5 pieces" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "m").exists()


def test_init_model_never_replaces_a_directory_that_is_not_a_model(data_dir, tmp_path, capsys):
    from conftest import run_cli

    keep = tmp_path / "runs" / "notes.txt"
    keep.parent.mkdir()
    keep.write_text("mine")
    assert run_cli("init-model", "--data-dir", data_dir, "--output-dir", tmp_path / "runs", "--overwrite") == 2
    assert "is not a model directory" in capsys.readouterr().err
    assert keep.read_text() == "mine"
