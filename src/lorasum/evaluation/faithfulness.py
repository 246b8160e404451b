"""Offline faithfulness and abstractiveness proxies: how a summary relates to its source, no model needed.

    rows = [summary_proxies(src, pred, "en") for src, pred in zip(sources, predictions)]; aggregate(rows)

These are cheap signals, not judgements: a novel n-gram can be a good paraphrase, and an unsupported
entity can be a correct inference. They show where LoRA and full fine-tuning behave differently
(copying more, inventing numbers, looping) and which outputs to read by hand.

Words are the xlsum ROUGE tokenizer's tokens without stemming (lowercased, punctuation dropped,
one token per character for Chinese / Japanese / Thai / Burmese without a segmenter). Ratios are
fractions in [0, 1]; a value is None where it is undefined (no summary n-grams, no numbers, ...), and
aggregate() averages over the rows where it is defined.
"""

from __future__ import annotations

import unicodedata

import regex

from lorasum.evaluation.rouge import UnicodeTokenizer, split_sentences

FLAGS = ("unsupported_number", "unsupported_entity", "repetition", "empty_output", "lead_copy")
REPETITION_N = 3  # repeated trigrams: a loop repeats them, while fluent summaries rarely do
REPETITION_FLAG_RATE = 0.1  # flagged when at least one summary trigram in ten repeats an earlier one
LEAD_COPY_MIN_F = 0.9  # ROUGE-L F1 of summary vs the source's first sentence at or above this: lead copy

# A number is a digit run with its group / decimal separators ("1,500", "3.5"); separators are
# dropped before comparing, so "1,500" in the summary matches "1500" or "1.500" in the source.
_NUMBER = regex.compile(r"\p{Nd}+(?:[.,]\p{Nd}+)*")
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def _ngrams(tokens: list[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]


def _numbers(text: str) -> list[str]:
    """Numbers in text with separators removed and digits of any script as ASCII ("١٬٥" style too)."""
    return ["".join(str(unicodedata.decimal(ch)) for ch in m if ch.isdecimal()) for m in _NUMBER.findall(text)]


def _entity_candidates(summary: str, language: str) -> list[str]:
    """Capitalized words that do not open a sentence, lowercased.

    Sentence-initial words are skipped because they are capitalized whatever they are (so an entity
    that opens a sentence is not checked); single letters ("I", "A") are skipped too. Scripts without
    case (Arabic, Devanagari, Han, ...) yield no candidates.
    """
    out = []
    for sentence in split_sentences(summary, language):
        words = _WORD.findall(sentence)
        out += [w.lower() for w in words[1:] if len(w) > 1 and w[0].isupper()]
    return out


def fragments(article: list[str], summary: list[str]) -> list[list[str]]:
    """Extractive fragments: the greedy matching of Grusky et al. (2018, Newsroom, section 4.1).

    Walking the summary left to right, take at each position the longest run of tokens that also
    appears as a run in the article (scanning the article left to right and skipping past each
    match), then continue after that run; a summary token with no match advances by one.

    Args:
        article: source tokens.
        summary: summary tokens.

    Returns:
        The shared fragments, each a list of tokens, in summary order.
    """
    found, i = [], 0
    while i < len(summary):
        best, j = [], 0
        while j < len(article):
            if summary[i] == article[j]:
                i_end, j_end = i, j
                while i_end < len(summary) and j_end < len(article) and summary[i_end] == article[j_end]:
                    i_end, j_end = i_end + 1, j_end + 1
                if i_end - i > len(best):
                    best = summary[i:i_end]
                j = j_end
            else:
                j += 1
        i += max(len(best), 1)
        if best:
            found.append(best)
    return found


def summary_proxies(source: str, summary: str, language: str = "en") -> dict:
    """Abstractiveness and unsupported-content proxies of one summary against its source.

    Args:
        source: the article.
        summary: a generated (or reference) summary.
        language: lorasum code; picks the segmenter for space-less scripts (no stemming is applied).

    Returns:
        {"summary_words", "source_words",
         "novel_1gram".."novel_4gram": share of the summary's n-grams (counted with repeats) absent
             from the source's n-grams,
         "coverage": share of summary words inside extractive fragments (Grusky et al., 2018),
         "density": mean squared fragment length per summary word (Grusky et al., 2018),
         "compression": source words / summary words,
         "repetition": share of summary trigrams that repeat an earlier trigram of the summary,
         "lead_overlap": ROUGE-L F1 (0..1) of the summary against the source's first sentence,
         "numbers", "entities": counts of numbers and non-initial capitalized words in the summary,
         "unsupported_numbers", "unsupported_entities": those of them found nowhere in the source,
         "unsupported_rate": (unsupported numbers + entities) / (numbers + entities),
         "unsupported": {"numbers": [...], "entities": [...]} the offending strings,
         "flags": subset of FLAGS}
        Ratios undefined for this pair (e.g. novel_4gram of a 3-word summary) are None.
    """
    from rouge_score import rouge_scorer

    source, summary = source or "", summary or ""
    tokenizer = UnicodeTokenizer(language, stem=False)
    src, summ = tokenizer.tokenize(source), tokenizer.tokenize(summary)
    row = {"summary_words": len(summ), "source_words": len(src)}

    for n in range(1, 5):
        grams = _ngrams(summ, n)
        src_grams = set(_ngrams(src, n))
        row[f"novel_{n}gram"] = sum(g not in src_grams for g in grams) / len(grams) if grams else None

    frags = fragments(src, summ)
    row["coverage"] = sum(len(f) for f in frags) / len(summ) if summ else None
    row["density"] = sum(len(f) ** 2 for f in frags) / len(summ) if summ else None
    row["compression"] = len(src) / len(summ) if summ else None
    trigrams = _ngrams(summ, REPETITION_N)
    row["repetition"] = (len(trigrams) - len(set(trigrams))) / len(trigrams) if trigrams else None

    first = split_sentences(source, language)[:1]
    if first and summ:
        # rouge-score's LCS with our tokenizer; "\n" joins are not needed for plain rougeL.
        scorer = rouge_scorer.RougeScorer(["rougeL"], tokenizer=tokenizer)
        row["lead_overlap"] = scorer.score(first[0], summary)["rougeL"].fmeasure
    else:
        row["lead_overlap"] = None

    numbers = _numbers(summary)
    source_numbers = set(_numbers(source))
    bad_numbers = [x for x in numbers if x not in source_numbers]
    entities = _entity_candidates(summary, tokenizer.language or language)
    source_words = {w.lower() for w in _WORD.findall(source)}
    bad_entities = [w for w in entities if w not in source_words]
    checked = len(numbers) + len(entities)
    row.update({
        "numbers": len(numbers), "unsupported_numbers": len(bad_numbers),
        "entities": len(entities), "unsupported_entities": len(bad_entities),
        "unsupported_rate": (len(bad_numbers) + len(bad_entities)) / checked if checked else None,
        "unsupported": {"numbers": bad_numbers, "entities": bad_entities},
    })

    flags = []
    if bad_numbers:
        flags.append("unsupported_number")
    if bad_entities:
        flags.append("unsupported_entity")
    if row["repetition"] is not None and row["repetition"] >= REPETITION_FLAG_RATE:
        flags.append("repetition")
    if not summ:
        flags.append("empty_output")
    if row["lead_overlap"] is not None and row["lead_overlap"] >= LEAD_COPY_MIN_F:
        flags.append("lead_copy")
    row["flags"] = flags
    return row


def aggregate(rows: list[dict]) -> dict:
    """Corpus view of summary_proxies rows.

    Args:
        rows: summary_proxies results.

    Returns:
        {"n": rows, "means": {field: mean over rows where the field is a number (None skipped), or
        None if no row has it}, "flag_rates": {flag: share of rows carrying it, for every flag in FLAGS}}.
    """
    n = len(rows)
    fields = [k for k in (rows[0] if rows else {}) if k not in ("flags", "unsupported")]
    for row in rows[1:]:
        fields += [k for k in row if k not in fields and k not in ("flags", "unsupported")]
    means = {}
    for k in fields:
        values = [r[k] for r in rows
                  if isinstance(r.get(k), (int, float)) and not isinstance(r.get(k), bool)]
        means[k] = sum(values) / len(values) if values else None
    flag_rates = {f: (sum(f in r.get("flags", ()) for r in rows) / n if n else 0.0) for f in FLAGS}
    return {"n": n, "means": means, "flag_rates": flag_rates}
