"""Experiments as data: shipped configs, a grid run end to end, resume, failures, aggregation."""

import json
from pathlib import Path

import pytest
import yaml

from conftest import run_cli
from lorasum.experiment import load_experiment, plan

CONFIGS = Path(__file__).resolve().parents[1] / "configs"
EXPECTED_CELLS = {"demo": 4, "xlsum_en_it": 4, "rank_ablation": 15, "multilingual": 12, "methods": 6,
                  "low_resource": 8}


@pytest.mark.parametrize("name, cells", sorted(EXPECTED_CELLS.items()))
def test_every_shipped_config_validates_and_dry_runs(name, cells, capsys):
    path = CONFIGS / f"{name}.yaml"
    text = path.read_text()
    assert text.startswith("#") and f"lorasum experiment configs/{name}.yaml" in text  # the header says how
    assert len(plan(load_experiment(path))) == cells
    assert run_cli("experiment", path, "--dry-run") == 0
    assert f"{cells} cells" in capsys.readouterr().out


def _write(tmp_path, **changes):
    exp = {"name": "mini", "output_dir": str(tmp_path / "exp"),
           "data": {"source": "synthetic", "languages": ["en", "it"], "train": 24, "validation": 4, "test": 3},
           "model": {"init": {"preset": "tiny", "vocab_size": 600}},
           "grid": {"method": ["full", "lora"], "train_language": ["en"], "test_language": ["en", "it"],
                    "seed": [0, 1]},
           "defaults": {"data": {"max_source_length": 48, "max_target_length": 16},
                        "train": {"num_epochs": 1, "batch_size": 8}},
           "method_defaults": {"lora": {"train": {"learning_rate": 1e-2}}},
           "evaluation": {"num_beams": 1, "max_target_length": 8, "max_source_length": 48}}
    for key, value in changes.items():
        exp[key] = value
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(exp))
    return path


def test_grid_runs_resumes_and_aggregates(tmp_path, capsys):
    cfg = _write(tmp_path)
    assert run_cli("experiment", cfg, "--no-progress") == 0
    out = tmp_path / "exp"
    cells = json.loads((out / "cells.json").read_text())["cells"]
    assert sorted(c["cell_id"] for c in cells) == ["full_en_s0", "full_en_s1", "lora_en_s0", "lora_en_s1"]
    assert all(c["status"] == "completed" for c in cells)
    for cid in ("full_en_s0", "lora_en_s1"):
        assert (out / "runs" / cid / "eval/it.json").is_file()  # every cell on every test language
    rows = json.loads((out / "comparison.json").read_text())["rows"]
    assert {r["run"] for r in rows} == {"model", "full_en_s0", "full_en_s1", "lora_en_s0", "lora_en_s1"}
    # Finished cells are skipped; a cell whose results vanished (a killed run) is trained again.
    stamp = (out / "runs/full_en_s0/train_metrics.json").stat().st_mtime_ns
    (out / "runs/lora_en_s1/train_metrics.json").unlink()
    capsys.readouterr()
    assert run_cli("experiment", cfg, "--no-progress") == 0
    log = capsys.readouterr().out
    assert "train lora_en_s1" in log and "train full_en_s0" not in log
    assert (out / "runs/full_en_s0/train_metrics.json").stat().st_mtime_ns == stamp
    # compare over the experiment directory finds base and cells, and aggregates the two seeds.
    assert run_cli("compare", out, "--output", tmp_path / "cmp") == 0
    text = capsys.readouterr().out
    assert "| group | test | seeds |" in text and "| lora_en | en | 2 |" in text and "± " in text
    summary = json.loads((tmp_path / "cmp/comparison.json").read_text())["aggregate"]
    assert {r["group"] for r in summary["rows"]} == {"model", "full_en", "lora_en"}


def test_a_cell_that_cannot_run_is_recorded_and_the_rest_go_on(tmp_path, capsys):
    cfg = _write(tmp_path, grid={"method": ["lora", "full"], "train_language": ["en"], "test_language": ["en"],
                                 "method_settings": {"lora": [{"target_modules": ["q_proj"]}]}})
    assert run_cli("experiment", cfg, "--no-progress") == 0
    cells = {c["cell_id"]: c["status"] for c in json.loads((tmp_path / "exp/cells.json").read_text())["cells"]}
    assert cells == {"lora-target_modules['q_proj']_en": "skipped", "full_en": "completed"}
    skipped = json.loads((tmp_path / "exp/runs/lora-target_modules['q_proj']_en/train_metrics.json").read_text())
    assert "q_proj not found" in skipped["train_info"]["error"]


def test_a_different_design_is_refused_unless_forced(tmp_path, capsys):
    cfg = _write(tmp_path, grid={"method": ["full"], "train_language": ["en"], "test_language": ["en"]})
    assert run_cli("experiment", cfg, "--no-progress") == 0
    other = _write(tmp_path, grid={"method": ["lora"], "train_language": ["en"], "test_language": ["en"]})
    assert run_cli("experiment", other, "--no-progress") == 2
    assert "different experiment design: pass --force" in capsys.readouterr().err
    assert not (tmp_path / "exp/runs/lora_en").exists()


@pytest.mark.parametrize("change, fragment", [
    ({"grid": {"method": ["lorra"]}}, "did you mean 'lora'"),
    ({"grid": {"method": []}}, "grid.method is empty"),
    ({"grid": {"method": ["full"], "train_language": ["x1"]}}, "unknown language 'x1'"),
    ({"grid": {"method": ["full"], "train_language": ["ru"]}}, "not in data.languages"),
    ({"grid": {"metod": ["full"]}}, "did you mean 'method'"),
    ({"defaults": {"train": {"learnig_rate": 1}}}, "did you mean 'train.learning_rate'"),
    ({"model": {}}, "model needs name_or_path"),
    ({"defaults": {"train": {"lr_scheduler": "cosin"}}}, "did you mean 'cosine'"),
    ({"evaluation": {"num_beams": 0}}, "num_beams (--num-beams) must be a whole number >= 1"),
    ({"method_defaults": {"LoRA": {"train": {"learning_rate": 1}}}}, "did you mean 'lora'"),
])
def test_bad_experiment_files_are_one_line_exit_2(tmp_path, capsys, change, fragment):
    cfg = _write(tmp_path, **change)
    assert run_cli("experiment", cfg, "--dry-run") == 2
    err = capsys.readouterr().err
    assert fragment in err and len(err.strip().splitlines()) == 1


def test_aggregation_by_hand():
    from lorasum.reporting.aggregate import aggregate

    def row(run, method, rl, params, time_s, mem, ckpt, test="en", r=None):
        return {"run": run, "method": method, "train_language": "en", "test_language": test, "rouge1": rl,
                "rouge2": rl / 2, "rougeL": rl, "trainable_params": params, "trainable_percent": params / 1e4,
                "train_time_s": time_s, "peak_memory_mib": mem, "checkpoint_mib": ckpt, "r": r}

    rows = [row("full_en_s0", "full", 30.0, 10_000, 100, 900, 40),
            row("full_en_s1", "full", 34.0, 10_000, 100, 900, 40),
            row("lora-r8_en_s0", "lora", 28.0, 80, 60, 300, 0.3, r=8),
            row("lora-r8_en_s1", "lora", 26.0, 80, 60, 300, 0.3, r=8),
            row("lora-r4_en_s0", "lora", 25.0, 40, 70, 320, 0.2, r=4),
            row("lora-r2_en_s0", "lora", 20.0, 20, 80, 400, 0.5, r=2)]
    s = aggregate(rows)
    full = next(r for r in s["rows"] if r["group"] == "full_en")
    assert full["seeds"] == 2 and full["rougeL"] == 32.0 and full["rougeL_std"] == pytest.approx(2 ** 1.5)
    pct = {p["group"]: p["percent_of_full"] for p in s["percent_of_full"]}
    assert pct == {"lora-r8_en": 84.38, "lora-r4_en": 78.12, "lora-r2_en": 62.5}  # 27/32, 25/32, 20/32
    # lora-r4 scores less than lora-r8 but has the smallest checkpoint: on the front. lora-r2 is worse
    # than lora-r8 on quality and on every cost: dominated.
    assert {p["group"] for p in s["pareto"]} == {"full_en", "lora-r8_en", "lora-r4_en"}
    assert [p["trainable_params"] for p in s["rank_curve"]] == [20, 40, 80, 10_000]
    assert s["cross_lingual"]["full"] == {"en": {"en": 32.0}}
