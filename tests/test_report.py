"""The HTML report: built from an experiment's files, self-contained, and checked in headless Chromium."""

import os
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import run_cli


@pytest.fixture(scope="module")
def experiment(tmp_path_factory):
    root = tmp_path_factory.mktemp("report")
    exp = {"name": "mini", "output_dir": str(root / "exp"),
           "data": {"source": "synthetic", "languages": ["en", "it"], "train": 24, "validation": 4, "test": 3},
           "model": {"init": {"preset": "tiny", "vocab_size": 600}},
           "grid": {"method": ["full", "lora"], "train_language": ["en"], "test_language": ["en", "it"]},
           "defaults": {"data": {"max_source_length": 48, "max_target_length": 16},
                        "train": {"num_epochs": 1, "batch_size": 8}},
           "evaluation": {"num_beams": 1, "max_target_length": 8, "max_source_length": 48}}
    (root / "mini.yaml").write_text(yaml.safe_dump(exp))
    assert run_cli("experiment", root / "mini.yaml", "--no-progress") == 0
    out = root / "exp"
    assert run_cli("attention", "--runs", out / "runs/full_en", out / "runs/lora_en", "--data-dir", out / "data",
                   "--language", "en", "--num-examples", 2, "--max-source-length", 48,
                   "--output-dir", out / "attention") == 0
    return out


def test_report_is_self_contained(experiment):
    assert run_cli("report", experiment) == 0
    page = (experiment / "report.html").read_text()
    assert page.count("data:image/png;base64,") >= 6  # ROUGE, matrix, efficiency, Pareto, curves, attention
    assert "http://" not in page and "https://" not in page  # nothing to fetch
    for section in ("Setup", "Results", "Cross-lingual matrix", "Efficiency", "Training curves", "Attention",
                    "Examples"):
        assert f"<h2>{section}" in page
    assert "model: no training log" in page  # the untrained base has no curve, and the report says so


def test_bad_input_for_pictures(experiment, tmp_path, capsys):
    assert run_cli("attention", "--runs", experiment / "runs/full_en", experiment / "runs/lora_en", "--data-dir",
                   experiment / "data", "--language", "en", "--example", 99, "--output-dir", tmp_path / "a") == 2
    assert "--example 99 is out of range: the en test set has examples 0 to 2" in capsys.readouterr().err
    assert run_cli("plot", "curves", experiment / "model", "--output-dir", tmp_path / "c") == 2
    assert "none of the runs has a train_log.jsonl" in capsys.readouterr().err
    assert run_cli("plot", "curves", experiment / "runs/full_en", experiment / "model", "--output-dir",
                   tmp_path / "c", "--format", "png", "svg") == 0
    assert (tmp_path / "c/curves.svg").is_file() and (tmp_path / "c/convergence.json").is_file()


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def test_report_in_headless_chromium(experiment, tmp_path):
    browser, driver_bin = _chromium(), shutil.which("chromedriver")
    try:
        from selenium import webdriver
    except ImportError:
        webdriver = None
    if not (browser and driver_bin and webdriver):
        if os.environ.get("LORASUM_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium, chromedriver and selenium are required here (.ci/run installs them)")
        pytest.skip("chromium / chromedriver / selenium not installed")
    from selenium.webdriver.chrome.service import Service

    assert run_cli("report", experiment) == 0
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_bin), options=options)
    try:
        driver.set_window_size(1300, 2400)
        driver.get((experiment / "report.html").resolve().as_uri())
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == []
        images = driver.execute_script(
            "return Array.from(document.images).map(i => [i.complete, i.naturalWidth]);")
        assert len(images) >= 6 and all(done and width > 0 for done, width in images)
        runs = driver.execute_script(
            "return Array.from(document.querySelectorAll('#results tbody tr')).map(r => r.cells[0].innerText);")
        assert sorted(set(runs)) == ["full_en", "lora_en", "model"] and len(runs) == 6  # 3 systems x 2 languages
        shot = Path(os.environ.get("LORASUM_SCREENSHOT_DIR", tmp_path)) / "report.png"
        shot.parent.mkdir(parents=True, exist_ok=True)
        assert driver.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    finally:
        driver.quit()
