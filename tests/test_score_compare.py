"""`lorasum score` on any system's output, and significance marks in `lorasum compare`."""

import json

import pytest

from conftest import run_cli


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_score_pairs_by_id_and_writes_the_documented_json(tmp_path, capsys):
    # Italian, xlsum scheme. "gatti neri" vs "gatto nero": Snowball stems gatt/ner on both sides.
    refs = _jsonl(tmp_path / "refs.jsonl", [{"id": "a", "summary": "il gatto nero dorme"},
                                           {"id": "b", "summary": "la città è bella"}])
    preds = _jsonl(tmp_path / "preds.jsonl", [{"id": "b", "summary": "la città è bella"},
                                             {"id": "a", "summary": "i gatti neri dormono"}])
    assert run_cli("score", "--predictions", preds, "--references", refs, "--language", "it",
                   "--output-file", tmp_path / "s.json") == 0
    assert "| rouge1 |" in capsys.readouterr().out
    s = json.loads((tmp_path / "s.json").read_text())
    # a: tokens i/gatt/ner/dorm vs il/gatt/ner/dorm -> 3 of 4 shared: F1 75; b: identical -> 100. Mean 87.5.
    assert s["rouge1"]["f"] == pytest.approx(87.5, abs=1e-6)
    assert {"f", "ci_low", "ci_high"} <= set(s["rouge1"]) and s["rouge1"]["ci_low"] <= 87.5 <= s["rouge1"]["ci_high"]
    assert (s["scheme"], s["language"], s["n"]) == ("xlsum", "it", 2) and s["stemmer"] and s["tokenizer"]


def test_score_text_files_and_scheme_choice(tmp_path, capsys):
    (tmp_path / "p.txt").write_text("министр прибыл в город\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("министр прибыл вчера\n", encoding="utf-8")
    for scheme in ("xlsum", "rouge-score"):
        assert run_cli("score", "--predictions", tmp_path / "p.txt", "--references", tmp_path / "r.txt",
                       "--language", "ru", "--scheme", scheme, "--output-file", tmp_path / f"{scheme}.json") == 0
    assert json.loads((tmp_path / "xlsum.json").read_text())["rouge1"]["f"] > 50
    assert json.loads((tmp_path / "rouge-score.json").read_text())["rouge1"]["f"] == 0.0  # [a-z0-9] only


@pytest.mark.parametrize("refs, fragment", [
    ([{"id": "a", "summary": "x"}], "2 predictions but 1 references"),
    ([{"id": "a", "summary": "x"}, {"id": "z", "summary": "y"}], "ids do not match"),
    ([{"id": "a", "title": "x"}, {"id": "b", "title": "y"}], "none of the fields reference, summary"),
])
def test_score_bad_input_is_one_line_and_exit_2(tmp_path, capsys, refs, fragment):
    preds = _jsonl(tmp_path / "p.jsonl", [{"id": "a", "prediction": "x"}, {"id": "b", "prediction": "y"}])
    assert run_cli("score", "--predictions", preds, "--references", _jsonl(tmp_path / "r.jsonl", refs),
                   "--output-file", tmp_path / "out.json") == 2
    err = capsys.readouterr().err
    assert fragment in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out.json").exists()


def _fake_run(root, name, method, scores):
    """A run directory as `lorasum evaluate` leaves it, with chosen per-example ROUGE-L."""
    run = root / name
    (run / "eval").mkdir(parents=True)
    mean = sum(scores) / len(scores)
    (run / "eval/en.json").write_text(json.dumps({
        "run_info": {"method": method, "train_language": "en"},
        "eval_info": {"language": "en", "n": len(scores), **{k: {"f": mean, "ci_low": mean - 1, "ci_high": mean + 1}
                                                               for k in ("rouge1", "rouge2", "rougeL")}}}))
    _jsonl(run / "eval/en.predictions.jsonl", [{"id": str(i), "rougeL": s} for i, s in enumerate(scores)])
    return run


def test_compare_marks_differences_that_are_not_significant(tmp_path, capsys):
    import random

    rng = random.Random(0)
    base = [rng.uniform(10, 50) for _ in range(200)]
    best = _fake_run(tmp_path, "full_en", "full", [s + 10 for s in base])           # clearly better
    close = _fake_run(tmp_path, "lora_en", "lora", [s + 10 + rng.gauss(0, 0.5) for s in base])  # same quality
    worse = _fake_run(tmp_path, "ia3_en", "lora", base)
    assert run_cli("compare", best, close, worse, "--output", tmp_path / "cmp") == 0
    data = json.loads((tmp_path / "cmp/comparison.json").read_text())
    marks = {r["run"]: r["rougeL_vs_best"] for r in data["rows"]}
    winner = max(data["rows"], key=lambda r: r["rougeL"])["run"]
    assert marks[winner] == "best"
    assert marks["ia3_en"].startswith("p=") and "n.s." not in marks["ia3_en"]
    other = "lora_en" if winner == "full_en" else "full_en"
    assert marks[other].endswith("n.s.")
    assert len(data["paired_tests"]) == 3 and all(t["n"] == 200 for t in data["paired_tests"])
    assert "n.s. = not significant" in (tmp_path / "cmp/comparison.md").read_text()
