"""End to end through the CLI on the tiny model: the files written and the figures in them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from safetensors import safe_open

from conftest import run_cli
from test_models import lora_param_formula

COMMON = ["--num-epochs", 2, "--batch-size", 8, "--max-source-length", 96, "--max-target-length", 32,
          "--no-progress", "--seed", 7]


def train(method, data_dir, model_dir, out, *extra):
    return run_cli("train", "--method", method, "--language", "en", "--data-dir", data_dir, "--model", model_dir,
                   "--output-dir", out, "--learning-rate", 3e-3, *COMMON, *extra)


@pytest.fixture(scope="module")
def runs(data_dir, model_dir, tmp_path_factory):
    root = tmp_path_factory.mktemp("runs")
    assert train("full", data_dir, model_dir, root / "full_en") == 0
    assert train("lora", data_dir, model_dir, root / "lora_en", "--lora-r", 4, "--lora-alpha", 8) == 0
    return root


def metrics(run_dir):
    return json.loads((Path(run_dir) / "train_metrics.json").read_text())


def test_run_directory_layout(runs):
    for name in ("full_en", "lora_en"):
        run = runs / name
        assert {"config.yaml", "checkpoint", "train_log.jsonl", "train_metrics.json"} <= {p.name for p in run.iterdir()}
        m = metrics(run)
        assert set(m) == {"run_info", "train_info", "meta_info"} and m["train_info"]["status"] == "completed"
        steps = [json.loads(l) for l in (run / "train_log.jsonl").read_text().splitlines()]
        step_rows = [s for s in steps if "loss" in s]
        assert len(step_rows) == m["train_info"]["steps"] == 2 * 6  # 48 examples / batch 8, 2 epochs
        assert {"loss", "lr", "tokens_per_s", "step_time_s", "peak_memory_mib"} <= set(step_rows[0])


def test_lora_trains_only_adapters_with_the_exact_count(runs, model_dir):
    from transformers import AutoConfig

    config = AutoConfig.from_pretrained(model_dir)
    t = metrics(runs / "lora_en")["train_info"]
    assert t["trainable_params"] == lora_param_formula(config, 4)
    assert t["total_params"] == t["base_params"] + t["trainable_params"]
    ckpt = runs / "lora_en/checkpoint"
    assert (ckpt / "adapter_config.json").is_file() and not (ckpt / "model.safetensors").exists()
    with safe_open(str(ckpt / "adapter_model.safetensors"), "pt") as f:
        keys = list(f.keys())
        assert keys and all("lora_A" in k or "lora_B" in k for k in keys)
        assert sum(f.get_tensor(k).numel() for k in keys) == t["trainable_params"]
    adapter = json.loads((ckpt / "adapter_config.json").read_text())
    assert adapter["r"] == 4 and adapter["lora_alpha"] == 8 and sorted(adapter["target_modules"]) == list("koqv")


def test_full_trains_everything_and_saves_full_weights(runs):
    t = metrics(runs / "full_en")["train_info"]
    assert t["trainable_params"] == t["total_params"] == t["base_params"] and t["trainable_percent"] == 100.0
    assert (runs / "full_en/checkpoint/model.safetensors").is_file()
    assert t["checkpoint_mib"] > 10 * metrics(runs / "lora_en")["train_info"]["checkpoint_mib"]


def test_training_lowers_the_loss(runs):
    # LoRA starts exactly at the base model (B = 0), so any drop is learning; a random tiny base
    # leaves LoRA far less room in 12 steps than full fine-tuning has.
    for name, factor in (("full_en", 0.8), ("lora_en", 0.97)):
        t = metrics(runs / name)["train_info"]
        assert t["val_loss"][-1] < t["val_loss_before"] * factor, name
        assert t["final_loss"] < t["first_loss"], name


def test_same_seed_same_final_loss(runs, data_dir, model_dir, tmp_path):
    assert train("full", data_dir, model_dir, tmp_path / "again") == 0
    assert metrics(tmp_path / "again")["train_info"]["final_loss"] == metrics(runs / "full_en")["train_info"]["final_loss"]


def test_resolved_config_is_written(runs, model_dir):
    import yaml

    cfg = yaml.safe_load((runs / "lora_en/config.yaml").read_text())
    assert cfg["method"] == {"name": "lora", "r": 4, "lora_alpha": 8, "lora_dropout": 0.05,
                             "target_modules": ["q", "k", "v", "o"], "init_r": 12, "target_r": 8}
    assert cfg["train"]["learning_rate"] == 3e-3 and cfg["model"]["name_or_path"] == str(Path(model_dir).resolve())


def test_evaluate_and_compare(runs, data_dir, model_dir, tmp_path, capsys):
    gen = ["--num-beams", 2, "--max-target-length", 16, "--no-progress"]
    assert run_cli("evaluate", "--model-path", runs / "lora_en", "--data-dir", data_dir, "--test-language", "it",
                   *gen) == 0
    out = tmp_path / "full_en_on_en.json"
    assert run_cli("evaluate", "--model_path", runs / "full_en", "--data_dir", data_dir, "--test_language", "en",
                   "--output-file", out, *gen) == 0
    result = json.loads(out.read_text())
    ev = result["eval_info"]
    assert ev["n"] == 6 and 0 <= ev["rougeL"]["f"] <= 100 and ev["generation"]["num_beams"] == 2
    assert result["run_info"]["method"] == "full" and result["run_info"]["train_language"] == "en"
    preds = [json.loads(l) for l in (tmp_path / "full_en_on_en.predictions.jsonl").read_text().splitlines()]
    assert len(preds) == 6 and {"id", "prediction", "reference", "rougeL"} <= set(preds[0])
    assert ev["rougeL"]["f"] == pytest.approx(sum(p["rougeL"] for p in preds) / 6, abs=1e-3)
    assert (ev["scheme"], ev["language"], ev["stemmer"]) == ("xlsum", "en", "porter")
    assert ev["rougeL"]["ci_low"] <= ev["rougeL"]["f"] <= ev["rougeL"]["ci_high"]
    assert "flag_rates" in ev["faithfulness"] and isinstance(preds[0]["flags"], list)
    assert 0 <= preds[0]["faithfulness"]["novel_1gram"] <= 1
    lora_eval = json.loads((runs / "lora_en/eval/it.json").read_text())
    assert lora_eval["run_info"]["kind"] == "adapter" and lora_eval["run_info"]["merged"] is True
    speed = lora_eval["eval_info"]["inference_speed"]
    assert speed["sample"] == 6 and speed["new_tokens_each"] == 16
    for system in ("base", "lora_unmerged", "lora_merged"):  # fixed length: every system did equal work
        assert speed[system]["generated_tokens"] == 6 * 16
    assert speed["unmerged_overhead"] > 0 and speed["merged_vs_base"] > 0
    assert result["eval_info"]["inference_speed"] is None  # a full model has no adapter to compare

    assert run_cli("evaluate", "--model-path", model_dir, "--data-dir", data_dir, "--test-language", "it", *gen) == 0
    capsys.readouterr()
    assert run_cli("compare", runs, model_dir, "--output", tmp_path / "cmp") == 0
    table = capsys.readouterr().out
    assert "| lora_en" in table and "R-L vs untrained" in table
    rows = json.loads((tmp_path / "cmp/comparison.json").read_text())["rows"]
    lora = next(r for r in rows if r["run"] == "lora_en")
    assert lora["test_language"] == "it" and lora["train_language"] == "en"
    assert lora["rougeL_gain_vs_base"] == pytest.approx(lora["rougeL"] - next(
        r["rougeL"] for r in rows if r["method"] == "base"), abs=1e-3)
    assert (tmp_path / "cmp/comparison.csv").read_text().startswith("run,method,train_language")
    assert (tmp_path / "cmp/comparison.md").read_text().startswith("| run")


@pytest.mark.parametrize("flags, fragment", [
    (["--lora-r", 0], "--lora-r) must be a positive number"),
    (["--learning-rate", -1e-4], "must be > 0"),
    (["--batch-size", 0], "--batch-size) must be a positive number"),
    (["--precision", "fp16"], "fp16 is refused for mT5"),
    (["--language", "x1"], "unknown language 'x1'"),
    (["--language", "es"], "es/train.jsonl does not exist"),
    (["train.num_epocs=2"], "did you mean 'train.num_epochs'"),
])
def test_bad_train_input_exits_2_and_writes_nothing(data_dir, model_dir, tmp_path, capsys, flags, fragment):
    code = run_cli("train", "--method", "lora", "--data-dir", data_dir, "--model", model_dir,
                   "--output-dir", tmp_path / "run", *flags)
    assert code == 2
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "run").exists()


def test_missing_model_without_hub_is_one_line(data_dir, tmp_path, capsys):
    assert run_cli("train", "--data-dir", data_dir, "--model", tmp_path / "nope", "--output-dir", tmp_path / "r") == 2
    err = capsys.readouterr().err
    assert "is not a local directory, and loading it from the Hugging Face hub failed" in err
    assert not (tmp_path / "r").exists()


def test_finished_run_is_refused_without_overwrite(runs, data_dir, model_dir, capsys):
    before = {p.name: p.read_bytes() for p in (runs / "full_en").iterdir() if p.is_file()}
    assert train("full", data_dir, model_dir, runs / "full_en") == 2
    assert "already holds a finished run: pass --overwrite" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in (runs / "full_en").iterdir() if p.is_file()} == before


def test_seed_entry_point_scripts_take_the_underscore_flags(data_dir, model_dir, tmp_path):
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "HF_HUB_OFFLINE": "1",
           "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")}
    run = lambda script, *args: subprocess.run(  # noqa: E731
        ["bash", str(root / "scripts" / script), *map(str, args)], env=env, capture_output=True, text=True)
    out = tmp_path / "mt5_lora_en"
    p = run("train_lora.sh", "--language", "en", "--model_name", model_dir, "--lora_r", 2, "--lora_alpha", 4,
            "--output_dir", out, "--num_epochs", 1, "--batch_size", 16, "--data_dir", data_dir,
            "--max_source_length", 64, "--no-progress")
    assert p.returncode == 0, p.stderr
    assert json.loads((out / "checkpoint/adapter_config.json").read_text())["r"] == 2
    p = run("cross_lingual_test.sh", "--model_path", out, "--data_dir", data_dir, "--test_languages", "en", "ru",
            "--max_examples", 2, "--num_beams", 1, "--max_target_length", 8, "--no-progress")
    assert p.returncode == 0, p.stderr
    assert (out / "eval/en.json").is_file() and (out / "eval/ru.json").is_file()
    full = tmp_path / "mt5_full_en"
    p = run("train_full.sh", "--language", "ru", "--model_name", model_dir, "--output_dir", full, "--max_steps", 1,
            "--data_dir", data_dir, "--max_source_length", 32, "--no-progress")
    assert p.returncode == 0, p.stderr
    assert (full / "checkpoint/model.safetensors").is_file()
    p = run("evaluate.sh", "--model_path", full, "--data_dir", data_dir, "--test_language", "ru",
            "--output_file", tmp_path / "ru.json", "--max_examples", 1, "--num_beams", 1, "--max_target_length", 4)
    assert p.returncode == 0, p.stderr
    assert json.loads((tmp_path / "ru.json").read_text())["run_info"]["method"] == "full"
    assert run("cross_lingual_test.sh", "--model_path", out).returncode == 2  # no --test_languages
