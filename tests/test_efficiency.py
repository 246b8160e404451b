"""Efficiency features: estimate, FLOPs, length grouping, gradient checkpointing, precision checks."""

import json

import pytest
import torch

from conftest import run_cli
from lorasum.errors import UserError
from lorasum.models.build import mt5_config
from lorasum.models.estimate import MT5_SIZES, estimate
from lorasum.training.flops import step_flops


def test_estimate_counts_mt5_small_exactly_without_loading_weights():
    r = estimate("mt5-small", "lora", batch_size=1, max_source_length=512, max_target_length=64)
    assert (r["base_params"], r["trainable_params"]) == (300_176_768, 688_128)
    assert r["checkpoint_mb"] == pytest.approx(688_128 * 4 / 1e6, abs=1e-3)  # fp32 safetensors: 2.753 MB
    m = r["memory"]
    assert m["gradients_mib"] == pytest.approx(688_128 * 4 / 2**20, abs=0.1)
    assert m["optimizer_mib"] == pytest.approx(2 * m["gradients_mib"], abs=0.1)
    full = estimate("mt5-small", "full", batch_size=1, max_source_length=512, max_target_length=64)
    assert full["trainable_params"] == 300_176_768
    assert full["memory"]["gradients_mib"] == pytest.approx(300_176_768 * 4 / 2**20, abs=0.1)
    assert r["total_memory_mib"] < 0.45 * full["total_memory_mib"]  # the target the benchmark measures


def test_estimate_knows_every_public_size_and_scales():
    totals = [estimate(name, "full", batch_size=1)["total_params"] for name in MT5_SIZES]
    assert totals == sorted(totals) and totals[-1] > 12e9
    ckpt = estimate("mt5-small", "full", batch_size=1, gradient_checkpointing=True)
    plain = estimate("mt5-small", "full", batch_size=1)
    assert ckpt["memory"]["activations_mib"] < plain["memory"]["activations_mib"] / 2


def test_estimate_cli_and_bad_input(tmp_path, capsys):
    assert run_cli("estimate", "--model", "mt5-small", "--method", "lora", "--output-file", tmp_path / "e.json") == 0
    assert "688,128 trainable" in capsys.readouterr().out
    assert json.loads((tmp_path / "e.json").read_text())["trainable_params"] == 688_128
    assert run_cli("estimate", "--model", "mt5-smal") == 2
    assert "did you mean 'mt5-small'" in capsys.readouterr().err
    assert run_cli("estimate", "--precision", "fp16") == 2
    assert "fp16 is refused" in capsys.readouterr().err
    assert run_cli("estimate", "--batch-size", 0) == 2
    assert "--batch-size must be >= 1 (got 0)" in capsys.readouterr().err


def test_step_flops_match_the_baseline_count():
    # BASELINE.md: 136 GFLOP (full) and 95 GFLOP (LoRA) for mt5-small, batch 1, 512/64 tokens.
    config = mt5_config("mt5-small")
    assert step_flops(config, 1, 512, 64, True) / 1e9 == pytest.approx(136.3, abs=0.1)
    assert step_flops(config, 1, 512, 64, False) / 1e9 == pytest.approx(94.5, abs=0.1)
    assert step_flops(config, 4, 512, 64, True) == 4 * step_flops(config, 1, 512, 64, True)


def _train(data_dir, model_dir, out, *flags):
    return run_cli("train", "--method", "lora", "--language", "en", "--data-dir", data_dir, "--model", model_dir,
                   "--output-dir", out, "--batch-size", 4, "--no-progress", "--seed", 1, *flags)


def _log(run_dir):
    return [json.loads(l) for l in (run_dir / "train_log.jsonl").read_text().splitlines() if '"loss"' in l]


def test_length_grouping_pads_less(data_dir, model_dir, tmp_path):
    for name, flag in (("grouped", "--group-by-length"), ("random", "--no-group-by-length")):
        assert _train(data_dir, model_dir, tmp_path / name, flag, "--num-epochs", 1, "--max-source-length", 1024) == 0
    waste = {n: json.loads((tmp_path / n / "train_metrics.json").read_text())["train_info"]["padding_fraction"]
             for n in ("grouped", "random")}
    assert waste["grouped"] < waste["random"]
    real = {n: sum(r["tokens"] for r in _log(tmp_path / n)) for n in ("grouped", "random")}
    assert real["grouped"] == real["random"]  # the same examples, only batched differently
    info = json.loads((tmp_path / "grouped/train_metrics.json").read_text())["train_info"]
    assert 0 < info["mfu"] < 1 and info["train_flops"] > 0 and info["matmul_ceiling_tflops"] > 0


def test_gradient_checkpointing_with_lora_gives_the_same_steps(data_dir, model_dir, tmp_path):
    args = ("--max-steps", 3, "--max-source-length", 64)
    assert _train(data_dir, model_dir, tmp_path / "plain", *args) == 0
    assert _train(data_dir, model_dir, tmp_path / "ckpt", *args, "--gradient-checkpointing") == 0
    plain, ckpt = _log(tmp_path / "plain"), _log(tmp_path / "ckpt")
    assert [r["loss"] for r in ckpt] == pytest.approx([r["loss"] for r in plain], rel=1e-4)
    assert json.loads((tmp_path / "ckpt/train_metrics.json").read_text())["train_info"]["gradient_checkpointing"]


def test_bf16_autocast_runs_on_cpu(data_dir, model_dir, tmp_path):
    assert _train(data_dir, model_dir, tmp_path / "bf16", "--max-steps", 2, "--max-source-length", 32,
                  "--precision", "bf16") == 0
    assert json.loads((tmp_path / "bf16/train_metrics.json").read_text())["train_info"]["precision"] == "bf16"


def test_bf16_on_a_gpu_without_it_is_one_clear_line(monkeypatch):
    from lorasum.training import loop

    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda *a, **k: False)
    monkeypatch.setattr(torch.cuda, "get_device_name", lambda *a, **k: "Tesla T4")
    with pytest.raises(UserError, match="Tesla T4 has no bf16: use fp32"):
        loop.resolve_precision("bf16", torch.device("cuda"))
    assert loop.resolve_precision("auto", torch.device("cuda")) == "fp32"


def test_training_without_validation_examples(model_dir, tmp_path):
    assert run_cli("data", "--source", "synthetic", "--languages", "en", "--output-dir", tmp_path / "d",
                   "--train", 8, "--val", 0, "--test", 1) == 0
    assert _train(tmp_path / "d", model_dir, tmp_path / "run", "--max-steps", 1, "--max-source-length", 32) == 0
    info = json.loads((tmp_path / "run/train_metrics.json").read_text())["train_info"]
    assert info["val_loss_before"] is None and info["val_loss"] == [None]
