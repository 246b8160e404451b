"""Prepare summarization data from any source into lorasum's on-disk layout.

    prepare_data("synthetic", ["en", "it"], "data", {"train": 1000, "validation": 200, "test": 200})

writes data/<lang>/{train,validation,test}.jsonl (fields id, title, summary, text) and
data/stats.json (counts, dropped rows and why, length percentiles in words).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator

from lorasum.data.languages import ITALIAN_SOURCES, SYNTHETIC_LANGUAGES, normalize_language, xlsum_config
from lorasum.errors import UserError, closest
from lorasum.io import read_json, write_json, write_jsonl

SOURCES = ("auto", "xlsum", "ilpost", "fanpage", "files", "synthetic")
SPLITS = ("train", "validation", "test")
XLSUM_REPO = "csebuetnlp/xlsum"
# The hub repo was a loading script; recent `datasets` runs none, the parquet conversion still loads.
XLSUM_PARQUET_REVISION = "refs/convert/parquet"
_SPLIT_ALIASES = {"train": "train", "validation": "validation", "val": "validation", "valid": "validation",
                  "dev": "validation", "test": "test"}
_FILE_BUILDERS = {".jsonl": "json", ".json": "json", ".csv": "csv", ".parquet": "parquet"}


def resolve_source(source: str, language: str) -> str:
    """`auto` -> xlsum for XL-Sum languages, ilpost for Italian; other sources are checked."""
    if source not in SOURCES:
        raise UserError(f"unknown source '{source}'{closest(source, SOURCES)}: choose one of {', '.join(SOURCES)}")
    if source == "auto":
        if language == "it":
            return "ilpost"
        xlsum_config(language)  # a language XL-Sum lacks: says so and points to --source files
        return "xlsum"
    if source == "xlsum":
        xlsum_config(language)  # raises for Italian, naming the Italian sources
    if source in ITALIAN_SOURCES and language != "it":
        raise UserError(f"--source {source} is Italian only; for '{language}' use --source xlsum or auto")
    if source == "synthetic" and language not in SYNTHETIC_LANGUAGES:
        raise UserError(f"the synthetic corpus has {', '.join(SYNTHETIC_LANGUAGES)}, not '{language}'")
    return source


def prepare_data(source: str, languages: list[str], output_dir: str | Path, sizes: dict[str, int], *,
                 seed: int = 0, files: list[str] | None = None, text_column: str = "text",
                 summary_column: str = "summary", title_column: str = "title", id_column: str = "id",
                 overwrite: bool = False) -> dict[str, Any]:
    """Load, clean, sample and write every language; returns the stats written to stats.json.

    Raises:
        UserError: unknown source or language, missing columns or files, existing output without overwrite.
    """
    output_dir = Path(output_dir)
    if not languages:
        raise UserError("no language given: pass e.g. --languages en it")
    langs = list(dict.fromkeys(normalize_language(code) for code in languages))
    for split, n in sizes.items():
        if not isinstance(n, int) or n < 0:
            raise UserError(f"--{split} must be a whole number >= 0 (got {n!r})")
    if sizes.get("train", 0) == 0:
        raise UserError("--train must be >= 1: a training split needs at least one example")
    if source == "files" and (not files or len(langs) != 1):
        raise UserError("--source files needs --files PATH... and exactly one --languages code")
    if files and source != "files":
        raise UserError(f"--files goes with --source files (got --source {source})")
    plan = {lang: resolve_source(source, lang) for lang in langs}
    if not overwrite:
        existing = [str(output_dir / lang / f"{s}.jsonl") for lang in langs for s in SPLITS
                    if (output_dir / lang / f"{s}.jsonl").exists()]
        if existing:
            raise UserError(f"{existing[0]} already exists: pass --overwrite to replace it, or choose another --output-dir")

    columns = {"text": text_column, "summary": summary_column, "title": title_column, "id": id_column}
    prepared, stats = {}, {}
    for lang, src in plan.items():
        if src == "synthetic":
            from lorasum.data.synthetic import generate_split

            raw = {split: generate_split(lang, split, sizes.get(split, 0), seed=seed) for split in SPLITS}
            splits, dropped = _take_splits(raw, sizes, seed, {"text": "text", "summary": "summary",
                                                              "title": "title", "id": "id"}, lang)
        elif src == "files":
            raw_or_pool = _load_files(files, columns)
            splits, dropped = _take(raw_or_pool, sizes, seed, columns, lang)
        else:
            repo = XLSUM_REPO if src == "xlsum" else ITALIAN_SOURCES[src]
            config = xlsum_config(lang) if src == "xlsum" else None
            cols = columns if src == "xlsum" else {"text": "source", "summary": "target", "title": "title", "id": "id"}
            splits, dropped = _take(_load_hub(repo, config), sizes, seed, cols, lang)
        prepared[lang] = splits
        stats[lang] = {"source": src, **({"repo": XLSUM_REPO if src == "xlsum" else ITALIAN_SOURCES.get(src)}
                                         if src in ("xlsum", *ITALIAN_SOURCES) else {}),
                       "seed": seed, "splits": {s: _split_stats(rows, dropped[s]) for s, rows in splits.items()}}

    for lang, splits in prepared.items():
        for split, rows in splits.items():
            write_jsonl(output_dir / lang / f"{split}.jsonl", rows)
    stats_path = output_dir / "stats.json"
    merged = read_json(stats_path) if stats_path.is_file() else {}
    merged.update(stats)
    write_json(stats_path, merged)
    return stats


def _load_hub(repo: str, config: str | None):
    """A DatasetDict from the hub (or the local HF cache), with XL-Sum's parquet fallback."""
    import datasets

    try:
        return datasets.load_dataset(repo, config)
    except Exception as first:  # noqa: BLE001 - any hub/script failure gets the fallback, then one line
        error = first
        if repo == XLSUM_REPO:
            try:
                return datasets.load_dataset(repo, config, revision=XLSUM_PARQUET_REVISION)
            except Exception as second:  # noqa: BLE001
                error = second
    name = f"{repo} ({config})" if config else repo
    first_line = (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
    raise UserError(f"could not load {name} from the Hugging Face hub: {first_line}. Check the network and "
                    "HF_HUB_OFFLINE, or download the data and use --source files --files PATH...")


def _load_files(files: list[str], columns: dict[str, str]):
    """Local JSONL/CSV/Parquet: files named train/validation/test keep their split, others form a pool."""
    import datasets

    paths = [Path(f) for f in files]
    for p in paths:
        if not p.is_file():
            raise UserError(f"--files: {p} does not exist")
        if p.suffix.lower() not in _FILE_BUILDERS:
            raise UserError(f"--files: {p} is not .jsonl, .json, .csv or .parquet")
    keep_splits = all(p.stem.lower() in _SPLIT_ALIASES for p in paths)
    loaded = {}
    for p in paths:
        try:
            ds = datasets.load_dataset(_FILE_BUILDERS[p.suffix.lower()], data_files=str(p), split="train")
        except Exception as exc:  # noqa: BLE001 - a malformed file is a user error
            raise UserError(f"could not read {p}: {(str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]}") from None
        missing = [c for c in (columns["text"], columns["summary"]) if c not in ds.column_names]
        if missing:
            raise UserError(f"{p} has no column {', '.join(repr(m) for m in missing)}; columns found: "
                            f"{', '.join(ds.column_names)}. Name them with --text-column / --summary-column")
        key = _SPLIT_ALIASES[p.stem.lower()] if keep_splits else "pool"
        loaded[key] = datasets.concatenate_datasets([loaded[key], ds]) if key in loaded else ds
    return loaded


def _take(raw, sizes, seed, columns, lang):
    """Sample from named splits when the source has them; a pool (or a lone train split) is cut in order."""
    if "pool" not in raw and set(raw) != {"train"}:
        return _take_splits(raw, sizes, seed, columns, lang)
    pool = raw.get("pool", raw.get("train"))
    rows = _clean_rows(_shuffled(pool, seed), columns, lang, "pool")
    splits, dropped = {}, {}
    reasons: dict[str, int] = {}
    for split in SPLITS:
        splits[split] = _collect(rows, sizes.get(split, 0), reasons)
        dropped[split] = dict(reasons)
        reasons.clear()
    _check_enough(splits, sizes, lang)
    return splits, dropped


def _take_splits(raw, sizes, seed, columns, lang):
    splits, dropped = {}, {}
    for split in SPLITS:
        reasons: dict[str, int] = {}
        data = raw.get(split, [])
        splits[split] = _collect(_clean_rows(_shuffled(data, seed), columns, lang, split), sizes.get(split, 0), reasons)
        dropped[split] = reasons
    _check_enough(splits, sizes, lang)
    return splits, dropped


def _check_enough(splits, sizes, lang):
    if sizes.get("train", 0) and not splits["train"]:
        raise UserError(f"no usable training example for '{lang}' (every row had an empty text or summary)")


def _shuffled(data, seed) -> Iterable[dict]:
    if hasattr(data, "shuffle"):  # a datasets.Dataset: shuffling only permutes an index, no copy
        return data.shuffle(seed=seed)
    return data  # synthetic records are already a seeded random sample


def _clean_rows(rows: Iterable[dict], columns, lang, split) -> Iterator[tuple[dict | None, str | None]]:
    for i, row in enumerate(rows):
        text = row.get(columns["text"])
        summary = row.get(columns["summary"])
        text = text.strip() if isinstance(text, str) else ""
        summary = summary.strip() if isinstance(summary, str) else ""
        if not text:
            yield None, "empty_text"
        elif not summary:
            yield None, "empty_summary"
        else:
            title = row.get(columns["title"])
            ident = row.get(columns["id"])
            yield {"id": str(ident) if ident not in (None, "") else f"{lang}-{split}-{i}",
                   "title": title.strip() if isinstance(title, str) else "",
                   "summary": summary, "text": text}, None


def _collect(rows: Iterator, n: int, reasons: dict[str, int]) -> list[dict]:
    out = []
    if n == 0:
        return out
    for row, reason in rows:
        if row is None:
            reasons[reason] = reasons.get(reason, 0) + 1
            continue
        out.append(row)
        if len(out) == n:
            break
    return out


def _percentiles(values: list[int]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]  # noqa: E731 - nearest rank
    return {"p10": pick(10), "p50": pick(50), "p90": pick(90), "p99": pick(99), "mean": round(sum(values) / len(values), 1)}


def _split_stats(rows: list[dict], dropped: dict[str, int]) -> dict[str, Any]:
    return {"n": len(rows), "dropped": dropped,
            "text_words": _percentiles([len(r["text"].split()) for r in rows]),
            "summary_words": _percentiles([len(r["summary"].split()) for r in rows])}


def read_split(data_dir: str | Path, language: str, split: str) -> list[dict]:
    """Rows of <data_dir>/<language>/<split>.jsonl, each with a non-empty text and summary."""
    from lorasum.io import read_jsonl

    path = Path(data_dir) / language / f"{split}.jsonl"
    if not path.is_file():
        have = sorted(p.name for p in Path(data_dir).iterdir() if p.is_dir()) if Path(data_dir).is_dir() else []
        raise UserError(f"{path} does not exist" + (f" (languages in {data_dir}: {', '.join(have)})" if have else
                        f": prepare it with `lorasum data --languages {language} --output-dir {data_dir}`"))
    rows = read_jsonl(path)
    for lineno, row in enumerate(rows, start=1):
        for key in ("text", "summary"):
            if not isinstance(row.get(key), str) or not row[key].strip():
                raise UserError(f"{path}: record {lineno} has no '{key}' (fields found: {', '.join(row)})")
    return rows
