"""Several adapters on one base: loaded once, and each adapter's summaries equal loading it alone."""

import json

import pytest

from conftest import run_cli
from lorasum.evaluation.generate import GenerationSettings, generate_summaries

SETTINGS = GenerationSettings(num_beams=1, max_target_length=8, max_source_length=48, batch_size=4)


@pytest.fixture(scope="module")
def adapters(data_dir, model_dir, tmp_path_factory):
    root = tmp_path_factory.mktemp("adapters")
    for lang in ("en", "it"):
        assert run_cli("train", "--method", "lora", "--language", lang, "--data-dir", data_dir, "--model", model_dir,
                       "--output-dir", root / f"lora_{lang}", "--max-steps", 3, "--max-source-length", 48,
                       "--learning-rate", 5e-2, "--no-progress") == 0
    return root


def test_base_loaded_once_and_outputs_match_single_adapters(adapters, data_dir, monkeypatch):
    from lorasum.evaluation import summarizer as module
    from lorasum.models.loading import load_for_inference

    calls = []
    real = module.load_model
    monkeypatch.setattr(module, "load_model", lambda *a, **k: calls.append(a) or real(*a, **k))
    s = module.Summarizer.from_runs([adapters / "lora_en", adapters / "lora_it"], settings=SETTINGS)
    assert len(calls) == 1 and s.adapters == ["en", "it"]
    texts = [json.loads(l)["text"] for l in (data_dir / "it/test.jsonl").read_text().splitlines()[:3]]
    for lang in ("en", "it"):
        tokenizer, alone, _ = load_for_inference(adapters / f"lora_{lang}", merge=False)
        expected = generate_summaries(alone, tokenizer, texts, SETTINGS, progress=False)[0]
        assert s.summarize(texts, adapter=lang) == expected
    mixed = s.summarize_records([{"text": texts[0], "language": "it"}, {"text": texts[1], "language": "en"}])
    assert mixed == [s.summarize([texts[0]], "it")[0], s.summarize([texts[1]], "en")[0]]


def test_summarize_cli_routes_records_and_rejects_unknown_adapters(adapters, tmp_path, capsys):
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "a", "text": "Il sindaco ha parlato.", "language": "it"}) + "\n"
                   + json.dumps({"id": "b", "text": "The mayor spoke.", "language": "en"}) + "\n")
    assert run_cli("summarize", "--model-path", adapters / "lora_en", adapters / "lora_it", "--input", inp,
                   "--output", tmp_path / "out.jsonl", "--num-beams", 1, "--max-target-length", 6,
                   "--no-progress") == 0
    out = [json.loads(l) for l in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [o["id"] for o in out] == ["a", "b"] and all(isinstance(o["summary"], str) for o in out)
    assert [o["adapter"] for o in out] == ["it", "en"]
    capsys.readouterr()
    # --adapter applies one adapter to every record; an adapter that was not loaded is refused by name.
    assert run_cli("summarize", "--model-path", adapters / "lora_en", "--adapter", "fr", "--input", inp,
                   "--output", tmp_path / "fr.jsonl") == 2
    assert "no adapter 'fr': loaded adapters are en" in capsys.readouterr().err
    assert not (tmp_path / "fr.jsonl").exists()
    # Without --adapter each record's language picks its adapter; 'it' was not loaded here.
    assert run_cli("summarize", "--model-path", adapters / "lora_en", "--input", inp) == 2
    assert "asks for adapter 'it'; loaded: en" in capsys.readouterr().err


def test_summarize_reads_standard_input_and_rejects_bad_lines(adapters, monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"text": "The mayor spoke.", "language": "en"}) + "\n"))
    assert run_cli("summarize", "--model-path", adapters / "lora_en", "--input", "-", "--num-beams", 1,
                   "--max-target-length", 4, "--no-progress") == 0
    assert json.loads(capsys.readouterr().out.strip())["adapter"] == "en"
    monkeypatch.setattr("sys.stdin", io.StringIO("{not json}\n"))
    assert run_cli("summarize", "--model-path", adapters / "lora_en", "--input", "-") == 2
    assert "standard input line 1: not valid JSON" in capsys.readouterr().err


def test_one_adapter_is_the_default_and_no_merge_is_kept(adapters, data_dir, tmp_path, capsys):
    from lorasum.evaluation.summarizer import Summarizer

    s = Summarizer.from_runs([adapters / "lora_it"], settings=SETTINGS)
    records = [{"text": "Il sindaco ha parlato."}]  # no language field: the only adapter is used
    assert s.choose_adapters(records) == ["it"]
    assert s.summarize_records(records) == s.summarize([records[0]["text"]], "it")
    assert run_cli("evaluate", "--model-path", adapters / "lora_it", "--data-dir", data_dir, "--test-language", "it",
                   "--no-merge", "--num-beams", 1, "--max-target-length", 4, "--max-source-length", 48,
                   "--speed-sample", 2, "--output-file", tmp_path / "e.json", "--no-progress") == 0
    result = json.loads((tmp_path / "e.json").read_text())
    assert result["run_info"]["merged"] is False and result["eval_info"]["inference_speed"]["sample"] == 2
    assert run_cli("evaluate", "--model-path", adapters / "lora_it", "--data-dir", data_dir, "--test-language", "it",
                   "--max-examples", 0) == 2
    assert "--max-examples must be >= 1" in capsys.readouterr().err
