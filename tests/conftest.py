"""Shared fixtures: a small synthetic corpus and a tiny random mT5, built once per session, offline.

The model goes through the same `from_pretrained` code a hub id takes; nothing touches the network.
"""

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import pytest  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(2)

SIZES = {"train": 48, "validation": 8, "test": 6}


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory):
    from lorasum.data.sources import prepare_data

    out = tmp_path_factory.mktemp("data")
    prepare_data("synthetic", ["en", "it", "ru"], out, dict(SIZES), seed=0)
    return out


@pytest.fixture(scope="session")
def model_dir(data_dir, tmp_path_factory):
    from lorasum.models.build import init_model

    out = tmp_path_factory.mktemp("models") / "tiny"
    init_model("tiny", data_dir, out, vocab_size=1000, seed=0)
    return out


def run_cli(*args) -> int:
    """Run `lorasum ARGS...` in-process and return its exit code."""
    from lorasum.cli import main

    try:
        return main([str(a) for a in args])
    except SystemExit as exc:  # argparse errors exit 2 through SystemExit
        return exc.code
