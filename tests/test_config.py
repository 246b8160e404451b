import pytest

from lorasum.config import load_run_config, parse_override
from lorasum.errors import UserError


def test_precedence_file_then_values_then_overrides(tmp_path):
    cfg_file = tmp_path / "c.yaml"
    cfg_file.write_text("method: {name: lora, r: 4}\ntrain: {num_epochs: 7, batch_size: 2}\n")
    cfg = load_run_config(cfg_file, overrides=["method.r=16", "train.learning_rate=3e-4"],
                          values={"train.batch_size": 5})
    assert cfg.method.r == 16 and cfg.train.num_epochs == 7 and cfg.train.batch_size == 5
    assert cfg.train.learning_rate == pytest.approx(3e-4)
    assert cfg.method.target_modules == ["q", "k", "v", "o"]


def test_parse_override_types():
    assert parse_override("train.learning_rate=3e-4") == ("train.learning_rate", 3e-4)
    assert parse_override("method.target_modules=[q, v]") == ("method.target_modules", ["q", "v"])
    assert parse_override("train.max_steps=10") == ("train.max_steps", 10)


@pytest.mark.parametrize("override, fragment", [
    ("train.learnig_rate=1", "did you mean 'train.learning_rate'"),
    ("trian.seed=1", "did you mean 'train'"),
    ("method.r=0", "method.r (--lora-r) must be a positive number"),
    ("train.learning_rate=-1", "must be > 0"),
    ("train.batch_size=0", "train.batch_size (--batch-size) must be a positive number"),
    ("train.precision=fp16", "fp16 is refused for mT5"),
    ("method.name=lorra", "did you mean 'lora'"),
    ("train.num_epochs=three", "train.num_epochs"),
])
def test_bad_values_name_the_key_and_the_fix(override, fragment):
    with pytest.raises(UserError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        load_run_config(overrides=[override])


def test_comma_separated_target_modules():
    assert load_run_config(values={"method.target_modules": "q, v"}).method.target_modules == ["q", "v"]
