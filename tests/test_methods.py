"""Every fine-tuning method: exact trainable counts, only adapters train, the model still learns, hooks, errors."""

import importlib.util

import pytest
import torch

from conftest import run_cli
from lorasum.config import MethodConfig
from lorasum.errors import UserError
from lorasum.methods import METHODS, count_parameters
from lorasum.models.build import build_model, mt5_config
from lorasum.models.estimate import QUANTIZED_BYTES_PER_PARAM, estimate

ADAPTER_PARAMS = {  # substrings that name a method's own parameters
    "lora": ("lora_A", "lora_B"),
    "qlora": ("lora_A", "lora_B"),
    "dora": ("lora_A", "lora_B", "lora_magnitude_vector"),
    "ia3": ("ia3_l",),
    "adalora": ("lora_A", "lora_B", "lora_E"),
}
HAS_GPU_QLORA = torch.cuda.is_available() and importlib.util.find_spec("bitsandbytes") is not None


def linears(config) -> list[tuple[str, int, int]]:
    """(name, in_features, out_features) of every linear an adapter can target in an mT5.

    q,k,v: d_model -> heads*d_kv and o back, in every attention block: encoder self (num_layers),
    decoder self and cross (2 * num_decoder_layers). Gated-gelu feed-forward in every layer:
    wi_0, wi_1: d_model -> d_ff, wo: d_ff -> d_model.
    """
    d, inner, f = config.d_model, config.num_heads * config.d_kv, config.d_ff
    blocks = config.num_layers + 2 * config.num_decoder_layers
    layers = config.num_layers + config.num_decoder_layers
    return ([(n, d, inner) for n in "qkv" for _ in range(blocks)] + [("o", inner, d)] * blocks
            + [(n, d, f) for n in ("wi_0", "wi_1") for _ in range(layers)] + [("wo", f, d)] * layers)


def expected_trainable(method: str, config, targets, r: int = 8, init_r: int = 12) -> int:
    """The trainable count each method's paper defines, summed over the adapted linears."""
    per_linear = {
        "lora": lambda name, i, o: r * (i + o),  # A: (r, in), B: (out, r)
        "qlora": lambda name, i, o: r * (i + o),  # LoRA's adapters; only the frozen base is 4-bit
        "dora": lambda name, i, o: r * (i + o) + o,  # plus a magnitude per output row
        "ia3": lambda name, i, o: i if name == "wo" else o,  # scales wo's input, the others' output
        "adalora": lambda name, i, o: init_r * (i + o) + init_r,  # P (out, r), Q (r, in), Lambda (r)
    }[method]
    return sum(per_linear(name, i, o) for name, i, o in linears(config) if name in targets)


def tiny(method: str):
    # qlora's 4-bit base needs CUDA; on the meta device it counts exactly (as `lorasum estimate` does).
    return build_model("tiny", vocab_size=100, device="meta" if method == "qlora" else None)


def prepare(method: str, model, total_steps: int = 4, **fields):
    return METHODS[method].prepare(model, MethodConfig(name=method, **fields), total_steps=total_steps)


def batch(vocab_size: int, seed: int = 0) -> dict:
    g = torch.Generator().manual_seed(seed)
    input_ids = torch.randint(2, vocab_size, (2, 8), generator=g)
    return {"input_ids": input_ids, "attention_mask": torch.ones_like(input_ids),
            "labels": torch.randint(2, vocab_size, (2, 5), generator=g)}


@pytest.mark.parametrize("method, count", [("lora", 24_576), ("qlora", 24_576), ("dora", 26_112), ("ia3", 1_280),
                                           ("adalora", 37_152), ("full", 210_432)])
def test_every_method_trains_exactly_its_formula_on_tiny(method, count):
    model = tiny(method)
    base = count_parameters(model)["total_params"]
    model = prepare(method, model)
    trainable = count_parameters(model, base)["trainable_params"]
    targets = METHODS[method].default_target_modules
    assert trainable == count == (base if method == "full" else expected_trainable(method, model.config, targets))


@pytest.mark.parametrize("method", [m for m in METHODS if m != "full"])
def test_only_adapter_parameters_train(method):
    model = prepare(method, tiny(method))
    trainable = [n for n, p in model.named_parameters() if p.requires_grad]
    targets = METHODS[method].default_target_modules
    assert trainable and all(any(a in n for a in ADAPTER_PARAMS[method]) for n in trainable)
    # ...SelfAttention.q.lora_A.default.weight: the adapted linear's name precedes the adapter's
    wrapped = {parts[i - 1] for parts in (n.split(".") for n in trainable)
               for i, part in enumerate(parts) if part in ADAPTER_PARAMS[method]}
    assert wrapped == set(targets)
    frozen = [n for n, p in model.named_parameters() if not p.requires_grad]
    assert not any(a in n for a in ADAPTER_PARAMS[method] for n in frozen)


def test_adalora_rank_counter_is_a_frozen_parameter():
    model = tiny("adalora")
    base = count_parameters(model)["total_params"]
    counts = count_parameters(prepare("adalora", model), base)
    assert counts["total_params"] == base + 37_152 + 24  # one ranknum per adapted linear, not trained


@pytest.mark.parametrize("method", [m for m in METHODS if m != "qlora"])
def test_each_method_starts_from_the_base_model_and_runs_forward_and_backward(method):
    model = build_model("tiny", vocab_size=100).eval()
    inputs = batch(100)
    with torch.no_grad():
        before = model(**inputs).logits
    model = prepare(method, model).eval()
    with torch.no_grad():  # adapters start as the identity: LoRA B = 0, AdaLoRA Lambda = 0, IA3 = 1, DoRA m = |W|
        assert torch.allclose(model(**inputs).logits, before, atol=1e-5)
    model.train()
    loss = model(**inputs).loss
    loss.backward()
    assert torch.isfinite(loss)
    grads = [p.grad for p in model.parameters() if p.requires_grad]
    assert all(g is not None for g in grads) and sum(float(g.abs().sum()) for g in grads) > 0


def test_adalora_after_step_cuts_the_rank_budget_to_target_r():
    torch.manual_seed(0)
    total = 5
    model = prepare("adalora", build_model("tiny", vocab_size=100), total_steps=total, init_r=6, target_r=2)
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-2)
    for step in range(1, total + 1):
        model(**batch(100, seed=step)).loss.backward()
        optimizer.step()
        # It reads the gradients (before zero_grad) and unwraps what the loop may wrap (compile, DDP).
        METHODS["adalora"].after_step(torch.compile(model) if step == total else model, step)
        optimizer.zero_grad()
    pattern = model.peft_config["default"].rank_pattern
    assert len(pattern) == 24 and sum(sum(kept) for kept in pattern.values()) == 2 * 24
    kept = sum(int((p != 0).sum()) for n, p in model.named_parameters() if "lora_E" in n)
    assert kept <= 2 * 24
    assert count_parameters(model)["trainable_params"] == 24 * (6 * 128 + 6)  # masking changes no shapes


@pytest.mark.parametrize("method", [m for m in METHODS if m != "adalora"])
def test_other_methods_need_no_hooks(method):
    assert METHODS[method].after_step(build_model("tiny", vocab_size=100), 1) is None
    if method != "qlora":
        assert METHODS[method].load_kwargs(MethodConfig(name=method)) == {}


@pytest.mark.parametrize("method", [m for m in METHODS if m != "qlora"])
def test_a_trained_checkpoint_reloads_for_inference_with_the_same_outputs(method, model_dir, tmp_path):
    from lorasum.models.loading import load_for_inference, load_model, load_tokenizer

    torch.manual_seed(0)
    model = prepare(method, load_model(str(model_dir)), total_steps=1)
    inputs = batch(model.config.vocab_size)
    with torch.no_grad():
        base = model.eval()(**inputs).logits
        for p in model.parameters():  # stands in for training: every trained weight moves
            if p.requires_grad:
                p.add_(0.05 * torch.randn_like(p))
    model.train()(**inputs).loss.backward()
    METHODS[method].after_step(model, 1)  # adalora: the final rank allocation, saved in adapter_config.json
    model.save_pretrained(tmp_path / "checkpoint", safe_serialization=True)
    load_tokenizer(str(model_dir)).save_pretrained(tmp_path / "checkpoint")
    _, reloaded, info = load_for_inference(tmp_path)
    assert info["kind"] == ("model" if method == "full" else "adapter")
    with torch.no_grad():
        trained = model.eval()(**inputs).logits
        assert not torch.allclose(trained, base, atol=1e-3)
        assert torch.allclose(reloaded(**inputs).logits, trained, atol=1e-4)


def test_method_config_resolves_each_method_s_default_targets():
    assert MethodConfig().target_modules == ["q", "k", "v", "o"]
    assert MethodConfig(name="ia3").target_modules == ["k", "v", "wo"]
    assert MethodConfig(name="dora", target_modules="q, v").target_modules == ["q", "v"]
    assert MethodConfig(name="full").target_modules == []


@pytest.mark.parametrize("fields, fragment", [
    ({"name": "adalorra"}, "did you mean 'adalora'"),
    ({"name": "qlroa"}, "did you mean 'qlora'"),
    ({"name": "adalora", "init_r": 0}, "method.init_r must be a positive number"),
    ({"name": "adalora", "init_r": 4, "target_r": 8}, "target_r .* <= method.init_r"),
    ({"name": "ia3", "target_modules": []}, "empty: try k,v,wo"),
])
def test_method_config_errors_say_how_to_fix_them(fields, fragment):
    with pytest.raises(UserError, match=fragment):
        MethodConfig(**fields)


def test_adapters_reject_unknown_target_modules_by_name():
    for method in ("dora", "ia3", "adalora"):
        with pytest.raises(UserError, match="q_proj not found.*linear layers are .*wi_0"):
            prepare(method, build_model("tiny", vocab_size=100), target_modules=["q_proj"])


def test_qlora_without_cuda_is_one_line_naming_cuda_and_bitsandbytes(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    cfg = MethodConfig(name="qlora")
    with pytest.raises(UserError, match="qlora needs CUDA and bitsandbytes; missing: a CUDA GPU") as err:
        METHODS["qlora"].load_kwargs(cfg)
    assert "\n" not in str(err.value) and "--method lora" in str(err.value)
    with pytest.raises(UserError, match="missing: a CUDA GPU"):
        METHODS["qlora"].prepare(build_model("tiny", vocab_size=100), cfg)


@pytest.mark.skipif(HAS_GPU_QLORA, reason="this machine can run qlora")
def test_qlora_training_stops_before_writing_anything(data_dir, model_dir, tmp_path, capsys):
    out = tmp_path / "qlora"
    assert run_cli("train", "--method", "qlora", "--data-dir", data_dir, "--model", model_dir, "--output-dir", out,
                   "--max-steps", 1, "--no-progress") == 2
    assert "qlora needs CUDA and bitsandbytes" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.skipif(not HAS_GPU_QLORA, reason="qlora needs CUDA and bitsandbytes")
def test_qlora_on_a_gpu_quantizes_the_base_and_trains_the_adapters(model_dir):
    from lorasum.models.loading import load_model

    cfg = MethodConfig(name="qlora")
    model = load_model(str(model_dir), **METHODS["qlora"].load_kwargs(cfg))
    assert model.is_loaded_in_4bit
    model = METHODS["qlora"].prepare(model, cfg)
    assert count_parameters(model)["trainable_params"] == expected_trainable("qlora", model.config, ["q", "k", "v", "o"])
    inputs = {k: v.cuda() for k, v in batch(model.config.vocab_size).items()}
    with torch.autocast("cuda", dtype=torch.bfloat16):
        loss = model(**inputs).loss
    loss.backward()
    assert torch.isfinite(loss)
    assert all(p.grad is not None for p in model.parameters() if p.requires_grad)


@pytest.mark.parametrize("method, count", [
    ("lora", 688_128), ("qlora", 688_128), ("dora", 688_128 + 24 * (3 * 384 + 512)), ("ia3", 24 * 2 * 384 + 16 * 1024),
    ("adalora", 96 * (12 * (512 + 384) + 12)), ("full", 300_176_768),
])
def test_estimate_knows_every_method_on_mt5_small(method, count):
    r = estimate("mt5-small", method, batch_size=1, max_source_length=64, max_target_length=16)
    assert r["base_params"] == 300_176_768
    targets = METHODS[method].default_target_modules
    assert r["trainable_params"] == count == (
        300_176_768 if method == "full" else expected_trainable(method, mt5_config("mt5-small"), targets))
    assert r["memory"]["gradients_mib"] == pytest.approx(count * 4 / 2**20, abs=0.1)


def test_estimate_prices_qlora_s_4bit_linears():
    lora = estimate("mt5-small", "lora", batch_size=1)
    qlora = estimate("mt5-small", "qlora", batch_size=1)
    # transformers keeps wo and lm_head unquantized: q k v o (24 blocks) and wi_0 wi_1 (16 layers) go 4-bit.
    quantized = 24 * 4 * 512 * 384 + 16 * 2 * 512 * 1024
    assert qlora["quantized_params"] == quantized == 35_651_584 and lora["quantized_params"] == 0
    full_precision = qlora["total_params"] - quantized
    assert qlora["memory"]["weights_mib"] == pytest.approx(
        (full_precision * 4 + quantized * QUANTIZED_BYTES_PER_PARAM) / 2**20, abs=0.1)
    assert 0.5 < QUANTIZED_BYTES_PER_PARAM < 0.52
    assert qlora["memory"]["weights_mib"] < lora["memory"]["weights_mib"] - 100  # ~118 MiB saved on mt5-small
