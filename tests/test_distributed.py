"""Data-parallel training on 2 CPU processes (gloo) matches one process with the same global batch."""

import json
import os
import subprocess
import sys

import pytest

from conftest import run_cli

# Dropout masks differ between the runs, and the 2-process loss is the mean of two per-process
# means rather than one mean over the global batch: close, not identical.
TOLERANCE = 0.03


def _metrics(run_dir):
    return json.loads((run_dir / "train_metrics.json").read_text())


def _lr(run_dir):
    return [json.loads(l)["lr"] for l in (run_dir / "train_log.jsonl").read_text().splitlines() if '"lr"' in l]


def test_two_processes_match_one_process(data_dir, model_dir, tmp_path):
    common = ["--method", "lora", "--language", "en", "--data-dir", data_dir, "--model", model_dir,
              "--num-epochs", 2, "--max-source-length", 128, "--learning-rate", 3e-3, "--seed", 5, "--no-progress"]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "HF_HUB_OFFLINE": "1"}
    cmd = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "-m", "lorasum", "train",
           *map(str, common), "--batch-size", "4", "--output-dir", str(tmp_path / "ddp")]
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr[-2000:]
    assert run_cli("train", *common, "--batch-size", 8, "--output-dir", tmp_path / "one") == 0

    ddp, one = _metrics(tmp_path / "ddp"), _metrics(tmp_path / "one")
    assert (ddp["run_info"]["num_processes"], one["run_info"]["num_processes"]) == (2, 1)
    d, o = ddp["train_info"], one["train_info"]
    assert d["steps"] == o["steps"] == 12  # 48 examples, global batch 8, 2 epochs
    assert d["tokens"] == o["tokens"]  # the same examples were seen
    assert _lr(tmp_path / "ddp") == pytest.approx(_lr(tmp_path / "one"))  # the same schedule
    assert d["val_loss"][-1] == pytest.approx(o["val_loss"][-1], rel=TOLERANCE)
    assert d["val_loss"][-1] < d["val_loss_before"]
    # Logging and saving happen on the main process only: one log line per step, one checkpoint.
    assert len(_lr(tmp_path / "ddp")) == d["steps"]
    assert p.stdout.count("parameters trained") == 1
    assert (tmp_path / "ddp/checkpoint/adapter_model.safetensors").is_file()


@pytest.mark.parametrize("name, kind, extra", [
    ("ddp", "MULTI_GPU", {}), ("fsdp", "FSDP", {"fsdp_version": 2}),
    ("deepspeed_zero2", "DEEPSPEED", {"zero_stage": 2}), ("deepspeed_zero3", "DEEPSPEED", {"zero_stage": 3}),
])
def test_accelerate_configs_load_with_accelerate(name, kind, extra):
    from pathlib import Path

    from accelerate.commands.config.config_args import load_config_from_file

    path = Path(__file__).resolve().parents[1] / "configs/accelerate" / f"{name}.yaml"
    config = load_config_from_file(str(path))
    assert config.distributed_type.name == kind and config.mixed_precision == "bf16"
    section = config.fsdp_config if kind == "FSDP" else config.deepspeed_config
    for key, value in extra.items():
        assert section[key] == value
    assert "accelerate launch --config_file" in path.read_text()  # the header says how to run it
