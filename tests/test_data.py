import json

import pytest

from conftest import run_cli
from lorasum.data import sources
from lorasum.data.languages import normalize_language, xlsum_config
from lorasum.errors import UserError


def _write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_synthetic_data_command_is_deterministic_and_parallel(tmp_path, capsys):
    for out in ("a", "b"):
        assert run_cli("data", "--source", "synthetic", "--languages", "en", "it", "--output-dir", tmp_path / out,
                       "--train", 20, "--val", 5, "--test", 5, "--seed", 3) == 0
    for lang in ("en", "it"):
        for split in ("train", "validation", "test"):
            a = (tmp_path / "a" / lang / f"{split}.jsonl").read_bytes()
            assert a == (tmp_path / "b" / lang / f"{split}.jsonl").read_bytes()
    en = [json.loads(l) for l in (tmp_path / "a/en/train.jsonl").read_text().splitlines()]
    it = [json.loads(l) for l in (tmp_path / "a/it/train.jsonl").read_text().splitlines()]
    assert len(en) == 20 and [r["id"] for r in en] == [r["id"] for r in it]
    assert set(en[0]) == {"id", "title", "summary", "text"}
    stats = json.loads((tmp_path / "a/stats.json").read_text())
    assert stats["en"]["splits"]["test"]["n"] == 5 and stats["it"]["source"] == "synthetic"
    assert {"p10", "p50", "p90", "p99"} <= set(stats["en"]["splits"]["train"]["text_words"])


def test_files_pool_is_split_and_empty_rows_are_dropped_and_counted(tmp_path):
    rows = [{"article": f"text {i} " * 5, "highlights": f"sum {i}"} for i in range(30)]
    rows[3]["article"] = "   "
    rows[7]["highlights"] = ""
    rows[9]["highlights"] = None
    _write_jsonl(tmp_path / "pool.jsonl", rows)
    stats = sources.prepare_data("files", ["en"], tmp_path / "out", {"train": 20, "validation": 4, "test": 3},
                                 files=[str(tmp_path / "pool.jsonl")], text_column="article",
                                 summary_column="highlights")
    splits = stats["en"]["splits"]
    assert [splits[s]["n"] for s in ("train", "validation", "test")] == [20, 4, 3]
    dropped = {k: sum(splits[s]["dropped"].get(k, 0) for s in splits) for k in ("empty_text", "empty_summary")}
    assert dropped == {"empty_text": 1, "empty_summary": 2}
    ids = [json.loads(l)["id"] for s in ("train", "validation", "test")
           for l in (tmp_path / f"out/en/{s}.jsonl").read_text().splitlines()]
    assert len(ids) == len(set(ids)) == 27  # no example in two splits


def test_files_named_by_split_keep_their_split(tmp_path):
    for split, n in (("train", 6), ("validation", 3), ("test", 2)):
        _write_jsonl(tmp_path / f"{split}.jsonl", [{"text": f"{split} {i}", "summary": "s"} for i in range(n)])
    sources.prepare_data("files", ["it"], tmp_path / "out", {"train": 10, "validation": 10, "test": 10},
                         files=[str(tmp_path / f"{s}.jsonl") for s in ("train", "validation", "test")])
    test_rows = [json.loads(l) for l in (tmp_path / "out/it/test.jsonl").read_text().splitlines()]
    assert len(test_rows) == 2 and all(r["text"].startswith("test ") for r in test_rows)


def test_missing_column_names_the_columns_found(tmp_path):
    _write_jsonl(tmp_path / "pool.jsonl", [{"body": "x", "abstract": "y"}])
    with pytest.raises(UserError, match="no column 'text'.*columns found: body, abstract"):
        sources.prepare_data("files", ["en"], tmp_path / "o", {"train": 1}, files=[str(tmp_path / "pool.jsonl")])
    assert not (tmp_path / "o").exists()


def test_language_codes_and_names():
    assert normalize_language("english") == "en" and normalize_language("chinese_simplified") == "zh"
    assert normalize_language("ZH_TW") == "zh-tw" and xlsum_config("ru") == "russian"
    with pytest.raises(UserError, match="XL-Sum has no Italian.*ilpost.*fanpage"):
        xlsum_config("it")
    with pytest.raises(UserError, match="unknown language 'klingon'.*en, es"):
        normalize_language("klingon")
    assert normalize_language("DE") == "de"  # any ISO code for the user's own files
    with pytest.raises(UserError, match="XL-Sum has no 'de'.*--source files"):
        xlsum_config("de")


@pytest.mark.parametrize("args, fragment", [
    (["--source", "xlsum", "--languages", "it"], "XL-Sum has no Italian"),
    (["--source", "nope", "--languages", "en"], "invalid choice"),
    (["--source", "synthetic", "--languages", "x1"], "unknown language 'x1'"),
    (["--source", "auto", "--languages", "de"], "XL-Sum has no 'de'"),
    (["--source", "synthetic", "--languages", "ja"], "synthetic corpus has en, it, ru"),
    (["--source", "files", "--languages", "en", "--files", "missing.jsonl"], "missing.jsonl does not exist"),
    (["--source", "xlsum", "--languages", "en"], "could not load csebuetnlp/xlsum"),
])
def test_bad_data_input_is_one_line_and_exit_2(tmp_path, capsys, args, fragment):
    assert run_cli("data", *args, "--output-dir", tmp_path / "d", "--train", 2) == 2
    err = capsys.readouterr().err.strip()
    assert fragment in err and "Traceback" not in err
    assert not (tmp_path / "d").exists()


def test_existing_output_is_refused_and_untouched(tmp_path, capsys):
    args = ["data", "--source", "synthetic", "--languages", "en", "--output-dir", tmp_path, "--train", 3,
            "--val", 1, "--test", 1]
    assert run_cli(*args) == 0
    before = (tmp_path / "en/train.jsonl").read_bytes()
    assert run_cli(*args[:-6], "--train", 5, "--val", 1, "--test", 1) == 2
    assert "already exists: pass --overwrite" in capsys.readouterr().err
    assert (tmp_path / "en/train.jsonl").read_bytes() == before
    assert run_cli(*args[:-6], "--train", 5, "--val", 1, "--test", 1, "--overwrite") == 0
    assert len((tmp_path / "en/train.jsonl").read_text().splitlines()) == 5


def test_xlsum_loads_its_config_and_falls_back_to_parquet(tmp_path, monkeypatch):
    """The hub path: the right repo and config, and the parquet revision when the plain load fails."""
    import datasets

    calls = []
    table = {s: datasets.Dataset.from_list([{"id": f"{s}{i}", "title": "t", "summary": f"s{i}", "text": f"x{i}"}
                                            for i in range(10)]) for s in ("train", "validation", "test")}

    def fake_load(repo, config=None, revision=None, **kw):
        calls.append((repo, config, revision))
        if revision is None:
            raise RuntimeError("Dataset scripts are no longer supported")
        return datasets.DatasetDict(table)

    monkeypatch.setattr(datasets, "load_dataset", fake_load)
    stats = sources.prepare_data("auto", ["zh"], tmp_path, {"train": 4, "validation": 2, "test": 2})
    assert calls == [("csebuetnlp/xlsum", "chinese_simplified", None),
                     ("csebuetnlp/xlsum", "chinese_simplified", "refs/convert/parquet")]
    assert stats["zh"]["source"] == "xlsum" and stats["zh"]["splits"]["train"]["n"] == 4
    rows = [json.loads(l) for l in (tmp_path / "zh/validation.jsonl").read_text().splitlines()]
    assert all(r["id"].startswith("validation") for r in rows)


def test_italian_sources_map_source_target_fields(tmp_path, monkeypatch):
    import datasets

    seen = []

    def fake_load(repo, config=None, **kw):
        seen.append(repo)
        return datasets.DatasetDict({"train": datasets.Dataset.from_list(
            [{"source": f"articolo {i}", "target": f"riassunto {i}"} for i in range(12)])})

    monkeypatch.setattr(datasets, "load_dataset", fake_load)
    stats = sources.prepare_data("auto", ["it"], tmp_path, {"train": 6, "validation": 3, "test": 3})
    assert seen == ["ARTeLab/ilpost"] and stats["it"]["source"] == "ilpost"
    row = json.loads((tmp_path / "it/train.jsonl").read_text().splitlines()[0])
    assert row["summary"].startswith("riassunto") and row["text"].startswith("articolo")


def test_own_files_in_any_language(tmp_path):
    _write_jsonl(tmp_path / "pool.jsonl", [{"text": f"Der Rat tagte {i}.", "summary": f"Rat {i}"} for i in range(6)])
    stats = sources.prepare_data("files", ["de"], tmp_path / "out", {"train": 4, "validation": 1, "test": 1},
                                 files=[str(tmp_path / "pool.jsonl")])
    assert stats["de"]["splits"]["train"]["n"] == 4 and (tmp_path / "out/de/test.jsonl").is_file()
