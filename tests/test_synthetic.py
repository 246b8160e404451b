"""Tests for lorasum.data.synthetic: determinism, parallelism, lengths, summary shape, scripts."""

import collections
import re
import statistics
import time

import pytest

from lorasum.data.synthetic import FIRST_NAMES, LANGUAGES, describe, generate_split

PUNCT = '.,;:!?"«»()—'
N_STATS = 2000  # records used for the distribution checks


def tokens(text: str) -> list[str]:
    """Lower-cased words with surrounding punctuation removed."""
    return [t for t in (w.strip(PUNCT) for w in text.lower().split()) if t]


def bigrams(toks: list[str]) -> set[tuple[str, str]]:
    return set(zip(toks, toks[1:]))


def lead_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+", text.split("\n")[0])[0]


def numbers(text: str) -> list[str]:
    return re.findall(r"\d+", text)


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[dict]]:
    return {lang: generate_split(lang, "train", N_STATS) for lang in LANGUAGES}


def test_languages_constant():
    assert LANGUAGES == ("en", "it", "ru")


def test_record_shape(corpus):
    for lang in LANGUAGES:
        for r in corpus[lang][:200]:
            assert set(r) == {"id", "title", "summary", "text"}
            assert all(isinstance(v, str) and v.strip() for v in r.values())
            assert r["text"].count("\n") >= 2  # lead paragraph, facts, quote at least
            assert "{" not in r["text"] + r["summary"] + r["title"]  # every slot was filled


def test_zero_records():
    assert generate_split("en", "test", 0) == []


def test_deterministic():
    for lang in LANGUAGES:
        assert generate_split(lang, "validation", 40, seed=3) == generate_split(
            lang, "validation", 40, seed=3)


def test_prefix_property():
    for lang in LANGUAGES:
        long = generate_split(lang, "train", 60, seed=1)
        for k in (0, 1, 17, 59):
            assert generate_split(lang, "train", k, seed=1) == long[:k]


def test_different_seeds_and_splits_give_different_events():
    base = generate_split("en", "train", 50, seed=0)
    for other in (generate_split("en", "train", 50, seed=1),
                  generate_split("en", "validation", 50, seed=0),
                  generate_split("en", "test", 50, seed=0)):
        assert len({r["summary"] for r in base} & {r["summary"] for r in other}) == 0
        assert len({r["text"] for r in base} & {r["text"] for r in other}) == 0
        assert len({r["id"] for r in base} & {r["id"] for r in other}) == 0
    assert len({r["id"] for r in base}) == 50


def test_ids_and_facts_parallel_across_languages(corpus):
    en, it, ru = (corpus[lang] for lang in LANGUAGES)
    assert [r["id"] for r in en] == [r["id"] for r in it] == [r["id"] for r in ru]
    for a, b, c in zip(en, it, ru):
        # Numbers are written in digits, so the summaries share exactly the same ones ...
        assert numbers(a["summary"])
        assert set(numbers(a["summary"])) == set(numbers(b["summary"])) == set(
            numbers(c["summary"]))
        # ... and the articles are translations: the same numbers, sentence for sentence.
        assert sorted(numbers(a["text"])) == sorted(numbers(b["text"])) == sorted(
            numbers(c["text"]))


def test_same_people_in_english_and_italian(corpus):
    # Person names are spelt identically in en and it (and transliterated in ru).
    first = "|".join(name for name, _, _ in FIRST_NAMES)
    pattern = re.compile(rf"\b(?:{first}) [A-Z][a-z]+\b")
    for a, b in zip(corpus["en"][:300], corpus["it"][:300]):
        names = set(pattern.findall(a["text"]))
        assert names, a["text"]  # every event quotes somebody
        assert names == set(pattern.findall(b["text"])), a["id"]


def test_english_length_percentiles(corpus):
    lengths = [len(r["text"].split()) for r in corpus["en"]]
    q = statistics.quantiles(lengths, n=100)
    p10, p50, p90, p99 = q[9], q[49], q[89], q[98]
    assert 150 * 0.85 <= p10 <= 150 * 1.15, p10
    assert 350 * 0.85 <= p50 <= 350 * 1.15, p50
    assert 890 * 0.85 <= p90 <= 890 * 1.15, p90
    assert 1500 * 0.80 <= p99 <= 1500 * 1.20, p99


def test_other_languages_follow_the_same_lengths(corpus):
    for lang in ("it", "ru"):
        for a, b in zip(corpus["en"], corpus[lang]):
            ratio = len(b["text"].split()) / len(a["text"].split())
            assert 0.6 <= ratio <= 1.5, (lang, ratio)


def test_english_summary_word_counts(corpus):
    counts = [len(r["summary"].split()) for r in corpus["en"]]
    assert min(counts) >= 15 and max(counts) <= 27, (min(counts), max(counts))
    assert 18 <= statistics.median(counts) <= 24


def test_other_summaries_similar_length(corpus):
    for lang in ("it", "ru"):
        counts = [len(r["summary"].split()) for r in corpus[lang]]
        assert min(counts) >= 12 and max(counts) <= 34, (lang, min(counts), max(counts))


def test_titles_are_short_headlines(corpus):
    for lang in LANGUAGES:
        for r in corpus[lang][:500]:
            assert r["title"] != r["summary"]
            assert r["title"] not in r["text"]
        if lang == "en":
            counts = [len(r["title"].split()) for r in corpus[lang]]
            assert min(counts) >= 5 and max(counts) <= 10


def test_summary_is_abstractive_but_grounded(corpus):
    for lang in LANGUAGES:
        for r in corpus[lang]:
            summary, text = r["summary"], r["text"]
            assert summary not in text  # never a sentence (or part) of the article
            s_tok = tokens(summary)
            overlap = len(bigrams(s_tok) & bigrams(tokens(lead_sentence(text))))
            assert overlap / len(bigrams(s_tok)) < 0.6, (lang, summary)
            article = set(tokens(text))
            coverage = sum(t in article for t in s_tok) / len(s_tok)
            assert coverage >= 0.4, (lang, summary, coverage)


def test_summary_combines_several_article_sentences(corpus):
    # The lead alone never holds all the summary's numbers: facts come from later sentences.
    for lang in LANGUAGES:
        for r in corpus[lang]:
            lead = collections.Counter(numbers(lead_sentence(r["text"])))
            assert collections.Counter(numbers(r["summary"])) - lead, r["summary"]


def test_summary_facts_in_first_100_words(corpus):
    # Truncating the input (256 tokens) must keep every number the summary needs.
    for lang in LANGUAGES:
        for r in corpus[lang]:
            head = set(numbers(" ".join(r["text"].split()[:100])))
            missing = set(numbers(r["summary"])) - head
            assert not missing, (lang, r["id"], missing)


def cyrillic_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    return sum("\u0400" <= ch <= "\u04ff" for ch in letters) / len(letters)


def test_scripts(corpus):
    for r in corpus["ru"][:500]:
        for field in ("title", "summary", "text"):
            assert cyrillic_share(r[field]) > 0.8, r[field]
    for lang in ("en", "it"):
        for r in corpus[lang][:500]:
            assert cyrillic_share(r["title"] + r["summary"] + r["text"]) == 0.0


def test_russian_plural_agreement(corpus):
    # Counted nouns agree with the number: 21 день, 22 дня, 25 дней, 11 дней.
    for r in corpus["ru"]:
        found = re.findall(r"(?:За|и дала?) (\d+) (день|дня|дней)\b", r["summary"])
        for num, noun in found:
            n = int(num)
            want = ("дней" if 11 <= n % 100 <= 14 else "день" if n % 10 == 1
                    else "дня" if 2 <= n % 10 <= 4 else "дней")
            assert noun == want, (num, noun, r["summary"])
    checked = sum(bool(re.search(r"\d+ (день|дня|дней)", r["summary"])) for r in corpus["ru"])
    assert checked > N_STATS // 10


# One fixed phrase of each event type's English summary template.
SUMMARY_MARKERS = ("won the race for mayor", "an earthquake of magnitude", "winds of up to",
                   "at home against", "from a year earlier", "daily visitors",
                   "identified a new species", "-day strike", "events and drew", "to pay")


def test_every_event_kind_appears(corpus):
    hits = {m: 0 for m in SUMMARY_MARKERS}
    for r in corpus["en"]:
        found = [m for m in SUMMARY_MARKERS if m in r["summary"].lower()]
        assert len(found) == 1, r["summary"]  # one template per kind, recognisable
        hits[found[0]] += 1
    assert all(count >= N_STATS // 40 for count in hits.values()), hits


@pytest.mark.parametrize("kwargs, valid", [
    ({"language": "de", "split": "train", "n": 1}, ["en", "it", "ru"]),
    ({"language": "en", "split": "dev", "n": 1}, ["train", "validation", "test"]),
    ({"language": "en", "split": "train", "n": -1}, [">= 0"]),
])
def test_bad_arguments(kwargs, valid):
    with pytest.raises(ValueError) as err:
        generate_split(**kwargs)
    for value in valid:
        assert value in str(err.value)


def test_speed():
    start = time.perf_counter()
    for lang in LANGUAGES:
        generate_split(lang, "train", 1400)
    assert time.perf_counter() - start < 5.0


def test_describe():
    text = describe()
    assert isinstance(text, str) and text.count(". ") >= 2
    assert "XL-Sum" in text and "synthetic" in text.lower()
