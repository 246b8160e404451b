"""ROUGE for every XL-Sum language and Italian: rouge-score's counting with a tokenizer chosen per language.

    scores = score_pairs(predictions, references, language="it")   # {"rouge1": {"f": 41.2, ...}, ...}

rouge-score's default tokenizer keeps only [a-z0-9]: Russian, Chinese, Hindi or Arabic summaries
score 0 and Italian loses its accented letters. Two schemes are offered:

- "xlsum" (default) follows the XL-Sum paper's multilingual ROUGE: lowercase, turn Unicode
  punctuation and symbols into spaces, keep letters (with their combining marks) and digits of every
  script, split on whitespace, stem tokens longer than 3 characters with the language's stemmer, and
  word-segment Chinese / Japanese / Thai / Burmese when a segmenter is installed (one token per
  character otherwise). On plain English text it gives exactly rouge-score's use_stemmer=True result.
- "rouge-score" is rouge-score's own DefaultTokenizer(use_stemmer=True), for comparison with
  English-only papers.

N-gram and LCS counting is always rouge_score.rouge_scorer.RougeScorer's; only the tokenizer is ours.
"""

from __future__ import annotations

import functools

import regex

SCHEMES = ("xlsum", "rouge-score")
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")

# nltk Snowball stemmers by lorasum language code. English is not here: it uses nltk's
# PorterStemmer, built exactly as rouge-score builds it, so English scores match rouge-score's.
SNOWBALL_LANGUAGES = {
    "ar": "arabic", "da": "danish", "nl": "dutch", "fi": "finnish", "fr": "french", "de": "german",
    "hu": "hungarian", "it": "italian", "no": "norwegian", "pt": "portuguese", "ro": "romanian",
    "ru": "russian", "es": "spanish", "sv": "swedish",
}
# Languages written without spaces between words, and the optional segmenter tried for each.
SEGMENTED_LANGUAGES = {"zh": "jieba", "zh-tw": "jieba", "ja": "fugashi", "th": "pythainlp", "my": None}

# Punctuation (P*) and symbols (S*) separate words, as in XL-Sum's scorer. Control characters (Cc)
# separate words too: rouge-score drops them, and plain English must tokenize identically.
_SEPARATORS = regex.compile(r"[\p{P}\p{S}\p{Cc}]+")
# Characters of the space-less scripts become one token each when no segmenter is used. Han and kana
# are matched by Script_Extensions so that marks like 々 and ー count; Thai and Burmese are taken as
# grapheme clusters (\X) so a vowel sign or asat stays on the letter it belongs to.
_NO_SPACE_CHAR = regex.compile(
    r"[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]|(?=[\p{scx=Thai}\p{scx=Myanmar}])\X")
# Sentence ends: . ! ? and their CJK, Devanagari, Arabic/Urdu, Burmese and Ethiopic forms.
_FULLWIDTH_ENDS = "。！？｡．"  # CJK text has no space after a sentence, so these always end one
_SPACED_ENDS = ".!?।॥؟۔။።"  # these end a sentence only before whitespace or the end (3.5, U.S.A)
_CLOSERS = "\"'”’»)]}」』）】"  # quotes and brackets closing a sentence stay on it
_SENTENCE_END = regex.compile(
    rf"[{regex.escape(_FULLWIDTH_ENDS)}]+[{regex.escape(_CLOSERS)}]*"
    rf"|[{regex.escape(_SPACED_ENDS + _FULLWIDTH_ENDS)}]+[{regex.escape(_CLOSERS)}]*(?=\s|$)"
    r"|\n")


def normalize_language(language: str) -> str:
    """Map a language code or XL-Sum config name to lorasum's code; unknown strings stay as given.

    Args:
        language: "en", "zh_tw", "english", "it", or any other string (scored generically).

    Returns:
        lorasum's code ("en", "zh-tw", "it", ...), or the lowercased input when lorasum does not know it.
    """
    key = str(language).strip().lower().replace("_", "-")
    from lorasum.data.languages import normalize_language as registry_normalize
    from lorasum.errors import UserError

    try:  # the registry also knows XL-Sum config names; a string it refuses is scored generically
        return registry_normalize(key)
    except UserError:
        return key


@functools.lru_cache(maxsize=None)
def _stem_function(stemmer_name: str):
    """A cached `stem(token) -> str` for "porter" or a Snowball language (one cache per stemmer)."""
    if stemmer_name == "porter":
        from nltk.stem import porter

        stemmer = porter.PorterStemmer()  # default mode, as rouge_score.tokenizers.DefaultTokenizer
    else:
        from nltk.stem.snowball import SnowballStemmer

        stemmer = SnowballStemmer(stemmer_name)

    # Summaries reuse a small vocabulary: caching makes stemming nearly free after the first pairs.
    @functools.lru_cache(maxsize=1 << 18)
    def stem(token: str) -> str:
        try:
            return stemmer.stem(token)
        except Exception:  # a stemmer failing on an odd token must not stop a whole evaluation
            return token

    return stem


@functools.lru_cache(maxsize=None)
def _load_segmenter(language: str):
    """(name, segment(text) -> list[str]) for a space-less language, or (None, None) if none is importable.

    Cached: loading a dictionary (jieba, MeCab) takes far longer than scoring a summary.
    """
    wanted = SEGMENTED_LANGUAGES.get(language)
    try:
        if wanted == "jieba":
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)  # jieba logs its dictionary loading at INFO
            return "jieba", jieba.lcut
        if wanted == "fugashi":
            import fugashi

            tagger = fugashi.Tagger()  # needs a dictionary package (unidic-lite); fails without one
            return "fugashi", lambda text: [word.surface for word in tagger(text)]
        if wanted == "pythainlp":
            from pythainlp.tokenize import word_tokenize

            return "pythainlp-newmm", lambda text: word_tokenize(text, engine="newmm")
    except Exception:  # not installed or not usable: fall back to one token per character
        pass
    return None, None


class UnicodeTokenizer:
    """The "xlsum" tokenizer: the `tokenize(text) -> list[str]` interface RougeScorer accepts.

    Args:
        language: lorasum language code; picks the stemmer and segmenter. None: generic Unicode
            tokenization without stemming or segmentation (the behaviour of earlier lorasum versions).
        stem: False turns stemming off (the faithfulness proxies compare surface words).
        segment: False forces one token per character for Chinese / Japanese / Thai / Burmese even
            when a segmenter is installed.
    """

    name = "xlsum-unicode"

    def __init__(self, language: str | None = None, stem: bool = True, segment: bool = True):
        self.language = normalize_language(language) if language is not None else None
        if not stem or self.language is None:
            self.stemmer = None
        elif self.language == "en":
            self.stemmer = "porter"
        else:
            self.stemmer = SNOWBALL_LANGUAGES.get(self.language)
        self._stem = _stem_function(self.stemmer) if self.stemmer else None
        self.segmenter, self._segment = None, None
        if self.language in SEGMENTED_LANGUAGES:
            if segment:
                self.segmenter, self._segment = _load_segmenter(self.language)
            self.segmenter = self.segmenter or "per-character"

    def tokenize(self, text: str) -> list[str]:
        text = _SEPARATORS.sub(" ", text.lower())
        if self._segment is not None:
            tokens = [t for piece in self._segment(text) for t in piece.split()]
        else:
            tokens = _NO_SPACE_CHAR.sub(r" \g<0> ", text).split()
        if self._stem is not None:
            stem = self._stem
            # Tokens of 3 characters or fewer are never stemmed (XL-Sum and rouge-score agree).
            tokens = [stem(t) if len(t) > 3 else t for t in tokens]
            tokens = [t for t in tokens if t]
        return tokens

    def describe(self) -> dict:
        """Returns: {"scheme", "language", "tokenizer", "stemmer", "segmenter"} for result files."""
        stemmer = None if self.stemmer is None else (
            "porter" if self.stemmer == "porter" else f"snowball-{self.stemmer}")
        return {"scheme": "xlsum", "language": self.language, "tokenizer": self.name,
                "stemmer": stemmer, "segmenter": self.segmenter}


class RougeScoreTokenizer:
    """rouge-score's own tokenizer with use_stemmer=True ([a-z0-9] only, Porter stemmer), delegated."""

    name = "rouge-score-default"

    def __init__(self, language: str | None = None):
        from rouge_score import tokenizers

        self.language = normalize_language(language) if language is not None else None
        self._tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)

    def tokenize(self, text: str) -> list[str]:
        return self._tokenizer.tokenize(text)

    def describe(self) -> dict:
        """Returns: {"scheme", "language", "tokenizer", "stemmer", "segmenter"} for result files."""
        return {"scheme": "rouge-score", "language": self.language, "tokenizer": self.name,
                "stemmer": "porter", "segmenter": None}


def make_tokenizer(language: str = "en", scheme: str = "xlsum"):
    """The tokenizer for a language under a scoring scheme.

    Args:
        language: lorasum code ("en", "it", "zh-tw", ...); any other string gets generic Unicode tokens.
        scheme: "xlsum" (multilingual, the default) or "rouge-score" (rouge-score's [a-z0-9] tokenizer).

    Returns:
        An object with .tokenize(text) -> list[str] and .describe() -> dict.

    Raises:
        ValueError: an unknown scheme.
    """
    if scheme == "xlsum":
        return UnicodeTokenizer(language)
    if scheme == "rouge-score":
        return RougeScoreTokenizer(language)
    raise ValueError(f"unknown ROUGE scheme '{scheme}': use one of {', '.join(SCHEMES)}")


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Split a summary into sentences for ROUGE-Lsum.

    A sentence ends after . ! ? । ॥ ؟ ۔ ။ ። followed by whitespace (so "3.5" stays whole), after
    CJK 。！？ anywhere, and at every newline. No abbreviation list: "U.S. officials" splits after
    "U.S.", which moves ROUGE-Lsum slightly and never ROUGE-1/2/L.

    Args:
        text: a summary.
        language: lorasum code; the rules above cover every language, it is accepted for future rules.

    Returns:
        Non-empty, stripped sentences, in order; [] for blank text.
    """
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        sentences.append(text[start:match.end()])
        start = match.end()
    sentences.append(text[start:])
    return [s.strip() for s in sentences if s.strip()]


def score_pairs(predictions: list[str], references: list[str], language: str = "en", scheme: str = "xlsum",
                rouge_types=ROUGE_TYPES) -> dict:
    """Per-example and mean ROUGE F1 (x100) of predictions against references.

    Args:
        predictions: generated summaries.
        references: gold summaries, same length and order.
        language: lorasum code of the test set (picks stemmer and segmenter).
        scheme: "xlsum" or "rouge-score".
        rouge_types: any of rouge1..rouge9, rougeL, rougeLsum; rougeLsum splits sentences with
            split_sentences.

    Returns:
        {"rouge1": {"f": mean F1 x 100, "p": mean precision x 100, "r": mean recall x 100}, ... one per
        type, "n", "scheme", "language", "tokenizer", "stemmer", "segmenter",
        "per_example": [{"rouge1": F1 x 100, ...}, ...]}. Empty predictions or references score 0
        and count in n; with n=0 every mean is 0.0.

    Raises:
        ValueError: different numbers of predictions and references, an unknown scheme or rouge type.
    """
    from rouge_score import rouge_scorer

    if len(predictions) != len(references):
        raise ValueError(f"{len(predictions)} predictions for {len(references)} references: "
                         "pass one prediction per reference, in the same order")
    rouge_types = tuple(rouge_types)
    tokenizer = make_tokenizer(language, scheme)
    scorer = rouge_scorer.RougeScorer(list(rouge_types), tokenizer=tokenizer)
    info = tokenizer.describe()
    lsum = "rougeLsum" in rouge_types

    per_example, sums = [], {k: [0.0, 0.0, 0.0] for k in rouge_types}
    for prediction, reference in zip(predictions, references):
        prediction, reference = prediction or "", reference or ""
        if lsum:
            # rouge-score's rougeLsum reads sentences as "\n"-separated lines. A newline replaces
            # whitespace right after a sentence end, so ROUGE-1/2/L tokens are unchanged.
            prediction = "\n".join(split_sentences(prediction, info["language"]))
            reference = "\n".join(split_sentences(reference, info["language"]))
        scores = scorer.score(reference, prediction)  # rouge-score takes (target, prediction)
        row = {}
        for k in rouge_types:
            s = scores[k]
            row[k] = 100 * s.fmeasure
            sums[k][0] += s.fmeasure
            sums[k][1] += s.precision
            sums[k][2] += s.recall
        per_example.append(row)
    n = len(per_example)
    means = {k: {"f": 100 * f / n if n else 0.0, "p": 100 * p / n if n else 0.0, "r": 100 * r / n if n else 0.0}
             for k, (f, p, r) in sums.items()}
    return {**means, "n": n, **info, "per_example": per_example}
