"""ROUGE on short pairs computed by hand in several scripts, and both schemes against rouge-score itself."""

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rouge_score import rouge_scorer, tokenizers

from lorasum.evaluation.rouge import ROUGE_TYPES, SCHEMES, UnicodeTokenizer, make_tokenizer, score_pairs, split_sentences


def test_italian_keeps_accented_words():
    # pred: la città è bella (4) ; ref: la città è molto bella (5); unigram overlap 4.
    # R1: P=4/4, R=4/5 -> F=8/9. Bigrams: pred 3, ref 4, shared {la città, città è} -> P=2/3, R=1/2 -> F=4/7.
    # LCS = 4 (la città è bella) -> same as R1.
    s = score_pairs(["la città è bella"], ["La città è molto bella."])
    assert s["rouge1"]["f"] == pytest.approx(100 * 8 / 9, abs=1e-3)
    assert s["rouge2"]["f"] == pytest.approx(100 * 4 / 7, abs=1e-3)
    assert s["rougeL"]["f"] == pytest.approx(100 * 8 / 9, abs=1e-3)


def test_russian_is_not_scored_zero():
    # pred: министр прибыл в москву (4); ref: министр прибыл вчера (3); overlap 2 -> P=1/2, R=2/3 -> F=4/7.
    s = score_pairs(["Министр прибыл в Москву"], ["министр прибыл вчера"])
    assert s["rouge1"]["f"] == pytest.approx(100 * 4 / 7, abs=1e-3)


def test_chinese_is_split_per_character():
    # 北京下雨 -> 4 tokens; 北京晴天 -> 4 tokens; overlap 北 京 -> F = 2/4 = 0.5.
    assert UnicodeTokenizer().tokenize("北京下雨。") == ["北", "京", "下", "雨"]
    assert score_pairs(["北京下雨"], ["北京晴天"])["rouge1"]["f"] == pytest.approx(50.0)


def test_hindi_vowel_signs_stay_inside_words():
    assert UnicodeTokenizer().tokenize("नमस्ते दुनिया!") == ["नमस्ते", "दुनिया"]


@pytest.mark.parametrize("text", ["The cat sat.", "Il gatto è qui", "Кошка сидит", "猫が座った", "القط جلس", "बिल्ली बैठी"])
def test_identical_strings_score_100(text):
    s = score_pairs([text], [text])
    assert s["rouge1"]["f"] == s["rouge2"]["f"] == s["rougeL"]["f"] == 100.0


def test_empty_prediction_scores_zero_and_is_counted():
    s = score_pairs(["", "a b"], ["a b", "a b"])
    assert s["n"] == 2 and s["rouge1"]["f"] == 50.0


# ---------------------------------------------------------------------------------------------
# Schemes, stemmers, segmenters (lorasum.evaluation.rouge, XL-Sum's multilingual ROUGE).

BASE_TYPES = ("rouge1", "rouge2", "rougeL")


def _reference_scores(prediction, reference, types=BASE_TYPES):
    """rouge-score itself, use_stemmer=True, as x100 F1."""
    scores = rouge_scorer.RougeScorer(list(types), use_stemmer=True).score(reference, prediction)
    return {k: 100 * scores[k].fmeasure for k in types}


def _f(scores):
    return {k: scores[k]["f"] for k in ROUGE_TYPES}


def test_public_names():
    assert SCHEMES == ("xlsum", "rouge-score")
    assert ROUGE_TYPES == ("rouge1", "rouge2", "rougeL", "rougeLsum")
    s = score_pairs(["a b"], ["a b"])
    assert set(ROUGE_TYPES) <= set(s) and s["scheme"] == "xlsum" and s["language"] == "en"
    assert s["tokenizer"] == "xlsum-unicode" and s["stemmer"] == "porter" and s["segmenter"] is None
    assert s["per_example"] == [{k: 100.0 for k in ROUGE_TYPES}]


@pytest.mark.parametrize("language, stemmer, segmenter", [
    ("en", "porter", None), ("english", "porter", None), ("it", "snowball-italian", None),
    ("es", "snowball-spanish", None), ("ru", "snowball-russian", None), ("ar", "snowball-arabic", None),
    ("pt", "snowball-portuguese", None), ("fr", "snowball-french", None), ("hi", None, None),
    ("tr", None, None), ("xx-unknown", None, None),
])
def test_describe_records_stemmer(language, stemmer, segmenter):
    d = make_tokenizer(language).describe()
    assert d["scheme"] == "xlsum" and d["stemmer"] == stemmer and d["segmenter"] == segmenter


@pytest.mark.parametrize("language", ["zh", "zh-tw", "ja", "th", "my"])
def test_spaceless_languages_record_a_segmenter(language):
    d = make_tokenizer(language).describe()
    assert d["segmenter"] in ("jieba", "fugashi", "pythainlp-newmm", "per-character")
    assert UnicodeTokenizer(language, segment=False).describe()["segmenter"] == "per-character"


def test_rouge_score_scheme_describes_itself():
    d = make_tokenizer("ru", "rouge-score").describe()
    assert d == {"scheme": "rouge-score", "language": "ru", "tokenizer": "rouge-score-default",
                 "stemmer": "porter", "segmenter": None}


def test_unknown_scheme_and_length_mismatch_raise():
    with pytest.raises(ValueError, match="xlsum, rouge-score"):
        make_tokenizer("en", "sacrerouge")
    with pytest.raises(ValueError, match="2 predictions for 1 references"):
        score_pairs(["a", "b"], ["a"])


# --- English: both schemes equal rouge-score with use_stemmer=True ---------------------------

ENGLISH_CASES = [
    ("The ministers said prices were rising.", "Prices rose, the minister says; inflation is rising!"),
    ("Police arrested 25 people in 2021 (officials reported).", "25 people were arrested by police in 2021."),
    ("U.S. growth: 3.5% -- markets rallied", "US growth hit 3.5%, and markets rallied strongly"),
    ("don't stop-believing #1 @home", "Don't stop believing: #1 at home"),
    ("", "something"),
    ("caresses ponies ties cats feed agreed plastered motoring sing", "caress pony tie cat feeding agree"),
]


@pytest.mark.parametrize("prediction, reference", ENGLISH_CASES)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_english_fixed_cases_equal_rouge_score(prediction, reference, scheme):
    s = score_pairs([prediction], [reference], "en", scheme, rouge_types=BASE_TYPES)
    assert s["per_example"][0] == _reference_scores(prediction, reference)


def test_xlsum_tokens_equal_rouge_score_tokens_on_ascii():
    default = tokenizers.DefaultTokenizer(use_stemmer=True)
    text = "The Ministers' plans\tweren't\x00approved;\nvoting\x1fcontinues... 100,000 $votes"
    assert make_tokenizer("en").tokenize(text) == default.tokenize(text)
    assert make_tokenizer("en").tokenize(text) == [
        "the", "minist", "plan", "weren", "t", "approv", "vote", "continu", "100", "000", "vote"]


_ENGLISH_WORDS = ["the", "The", "ministers", "running", "ran", "studies", "studying", "happily", "cats",
                  "generalization", "OK", "a", "I", "relational", "conditional", "hopping", "2021"]
_english_text = st.lists(
    st.one_of(st.sampled_from(_ENGLISH_WORDS), st.text(alphabet=string.ascii_letters + string.digits, min_size=1,
                                                       max_size=12)),
    max_size=25,
).flatmap(lambda words: st.lists(st.sampled_from([" ", " ", ", ", ". ", "! ", "'", "-", "\n", "\t", "(", ") ", "%",
                                                  "$", "...", ":", ";", "\"", "/", "_"]),
                                 min_size=len(words), max_size=len(words))
          .map(lambda seps: "".join(w + s for w, s in zip(words, seps))))


@settings(max_examples=300, deadline=None)
@given(prediction=_english_text, reference=_english_text)
def test_xlsum_equals_rouge_score_on_english_like_text(prediction, reference):
    s = score_pairs([prediction], [reference], "en", "xlsum", rouge_types=BASE_TYPES)
    assert s["per_example"][0] == _reference_scores(prediction, reference)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_xlsum_tokenizes_any_ascii_like_rouge_score(text):
    assert make_tokenizer("en").tokenize(text) == tokenizers.DefaultTokenizer(use_stemmer=True).tokenize(text)


@settings(max_examples=200, deadline=None)
@given(prediction=st.text(max_size=60), reference=st.text(max_size=60))
def test_rouge_score_scheme_equals_rouge_score_on_any_text(prediction, reference):
    # Any Unicode: the scheme delegates to rouge-score, so even non-Latin text scores the same.
    s = score_pairs([prediction], [reference], "en", "rouge-score", rouge_types=BASE_TYPES)
    assert s["per_example"][0] == _reference_scores(prediction, reference)


def test_rouge_lsum_is_rouge_scores_on_newline_joined_sentences():
    prediction = "Police arrested two men. The mayor praised officers! Markets fell."
    reference = "Two men were arrested by police. Markets fell sharply? The mayor was silent."
    for scheme in SCHEMES:
        got = score_pairs([prediction], [reference], "en", scheme)["per_example"][0]["rougeLsum"]
        want = _reference_scores("\n".join(split_sentences(prediction)), "\n".join(split_sentences(reference)),
                                 ("rougeLsum",))["rougeLsum"]
        assert got == want
        # Summary-level LCS differs from the single-sequence LCS here, so sentences really were split.
        assert got != _reference_scores(prediction, reference, ("rougeL",))["rougeL"]


def test_rouge_lsum_hand_computed_in_both_directions():
    # Porter tokens: "Rain fell. Markets rose." -> [rain fell] [market rose] (2 sentences, 4 tokens)
    #                "Markets rose as rain fell." -> [market rose as rain fell] (1 sentence, 5 tokens)
    # rougeL, one sequence each: LCS = 2 (rain fell, or market rose) -> P 2/4, R 2/5 -> F 4/9
    # rougeLsum: the 5-token sentence's LCS with [rain fell] is {rain, fell}, with [market rose] is
    # {market, rose}: union 4 hits -> 4/4 and 4/5 -> F 8/9, whichever side holds the two sentences.
    two, one = "Rain fell. Markets rose.", "Markets rose as rain fell."
    for prediction, reference in ((two, one), (one, two)):
        s = score_pairs([prediction], [reference], "en", rouge_types=("rougeL", "rougeLsum"))
        assert s["rougeL"]["f"] == pytest.approx(400 / 9) and s["rougeLsum"]["f"] == pytest.approx(800 / 9)


def test_split_sentences():
    assert split_sentences("Il PIL è salito del 3.5%. Poi? Sì!\nFine") == ["Il PIL è salito del 3.5%.", "Poi?",
                                                                           "Sì!", "Fine"]
    assert split_sentences("北京下雨。上海晴天！广州呢？", "zh") == ["北京下雨。", "上海晴天！", "广州呢？"]
    assert split_sentences("भारत जीता। टीम खुश है।", "hi") == ["भारत जीता।", "टीम खुश है।"]
    assert split_sentences("هل فاز؟ نعم.", "ar") == ["هل فاز؟", "نعم."]
    assert split_sentences('He said "no." Then left.') == ['He said "no."', "Then left."]
    assert split_sentences("  \n ") == [] and split_sentences("") == []


# --- Hand-computed pairs, xlsum scheme --------------------------------------------------------

def test_italian_stemming_matters():
    # Snowball italian, tokens > 3 chars stemmed:
    #   pred  "I gatti neri dormono."           -> i gatt ner dorm                (4)
    #   ref   "Il gatto nero dorme sul divano." -> il gatt ner dorm sul div       (6)
    # R1: overlap {gatt, ner, dorm} = 3 -> P 3/4, R 3/6 -> F 0.6
    # R2: pred (i gatt)(gatt ner)(ner dorm); ref (il gatt)(gatt ner)(ner dorm)(dorm sul)(sul div)
    #     overlap 2 -> P 2/3, R 2/5 -> F = 2*(4/15)/(16/15) = 0.5
    # RL: LCS gatt ner dorm = 3 -> as R1, 0.6. One sentence each, so RLsum = RL.
    # Unstemmed (rouge-score, or stem=False) no word is shared: 0.
    pred, ref = "I gatti neri dormono.", "Il gatto nero dorme sul divano."
    assert make_tokenizer("it").tokenize(ref) == ["il", "gatt", "ner", "dorm", "sul", "div"]
    assert _f(score_pairs([pred], [ref], "it")) == pytest.approx(
        {"rouge1": 60.0, "rouge2": 50.0, "rougeL": 60.0, "rougeLsum": 60.0})
    assert score_pairs([pred], [ref], "it", "rouge-score")["rouge1"]["f"] == 0.0
    assert set(UnicodeTokenizer("it", stem=False).tokenize(pred)).isdisjoint(
        UnicodeTokenizer("it", stem=False).tokenize(ref))


def test_spanish_plural_and_singular_match_and_enye_is_kept():
    # Snowball spanish: niños/niño -> niñ, juegan/juega -> jueg, parques/parque -> parqu
    #   pred "Los niños juegan en el parque"  -> los niñ jueg en el parqu      (6)
    #   ref  "El niño juega en los parques."  -> el niñ jueg en los parqu      (6)
    # R1: all 6 shared -> F 1.0
    # R2: pred (los niñ)(niñ jueg)(jueg en)(en el)(el parqu); ref (el niñ)(niñ jueg)(jueg en)(en los)(los parqu)
    #     overlap 2 -> P = R = 2/5 -> F 0.4
    # RL: LCS niñ jueg en parqu = 4 -> P = R = 4/6 -> F 0.6667
    # rouge-score keeps [a-z0-9] only: "niños" becomes "ni" + "os".
    pred, ref = "Los niños juegan en el parque", "El niño juega en los parques."
    assert _f(score_pairs([pred], [ref], "es")) == pytest.approx(
        {"rouge1": 100.0, "rouge2": 40.0, "rougeL": 200 / 3, "rougeLsum": 200 / 3})
    assert make_tokenizer("es", "rouge-score").tokenize("niños") == ["ni", "os"]


def test_russian_hand_computed_and_rouge_score_gives_zero():
    # Snowball russian: посетил -> посет, москву -> москв, среду -> сред, вчера -> вчер, россии -> росс
    #   pred "Президент посетил Москву в среду."       -> президент посет москв в сред   (5)
    #   ref  "Вчера президент России посетил Москву."  -> вчер президент росс посет москв (5)
    # R1: overlap 3 -> P = R = 3/5 -> F 0.6
    # R2: pred (президент посет)(посет москв)(москв в)(в сред); ref (вчер президент)(президент росс)
    #     (росс посет)(посет москв) -> overlap 1 -> P = R = 1/4 -> F 0.25
    # RL: LCS президент посет москв = 3 -> F 0.6
    pred, ref = "Президент посетил Москву в среду.", "Вчера президент России посетил Москву."
    assert _f(score_pairs([pred], [ref], "ru")) == pytest.approx(
        {"rouge1": 60.0, "rouge2": 25.0, "rougeL": 60.0, "rougeLsum": 60.0})
    assert _f(score_pairs([pred], [ref], "ru", "rouge-score")) == {k: 0.0 for k in ROUGE_TYPES}
    assert _reference_scores(pred, ref)["rouge1"] == 0.0


def test_arabic_hand_computed():
    # Snowball arabic strips the article: الولد -> ولد, المدرسة -> مدرس, المدارس -> مدارس, صباحا -> صباح;
    # ذهب and إلى have 3 characters and are not stemmed.
    #   pred "ذهب الولد إلى المدرسة"        -> ذهب ولد إلى مدرس          (4)
    #   ref  "ذهب الولد إلى المدارس صباحا"  -> ذهب ولد إلى مدارس صباح    (5)
    # R1: overlap 3 -> P 3/4, R 3/5 -> F = 2*(9/20)/(27/20) = 2/3
    # R2: pred (ذهب ولد)(ولد إلى)(إلى مدرس); ref (ذهب ولد)(ولد إلى)(إلى مدارس)(مدارس صباح)
    #     overlap 2 -> P 2/3, R 2/4 -> F = 2*(1/3)/(7/6) = 4/7
    # RL: LCS ذهب ولد إلى = 3 -> 2/3
    pred, ref = "ذهب الولد إلى المدرسة", "ذهب الولد إلى المدارس صباحا"
    assert make_tokenizer("ar").tokenize(pred) == ["ذهب", "ولد", "إلى", "مدرس"]
    assert _f(score_pairs([pred], [ref], "ar")) == pytest.approx(
        {"rouge1": 200 / 3, "rouge2": 400 / 7, "rougeL": 200 / 3, "rougeLsum": 200 / 3})
    assert score_pairs([pred], [ref], "ar", "rouge-score")["rouge1"]["f"] == 0.0


def test_hindi_hand_computed_without_stemmer():
    # No Hindi stemmer: tokens are the words, vowel signs (combining marks) kept inside them.
    #   pred "भारत ने मैच जीता"               -> भारत ने मैच जीता                 (4)
    #   ref  "भारत ने क्रिकेट मैच जीत लिया"   -> भारत ने क्रिकेट मैच जीत लिया    (6)
    # R1: overlap भारत ने मैच = 3 -> P 3/4, R 3/6 -> F 0.6
    # R2: pred (भारत ने)(ने मैच)(मैच जीता); ref (भारत ने)(ने क्रिकेट)(क्रिकेट मैच)(मैच जीत)(जीत लिया)
    #     overlap 1 -> P 1/3, R 1/5 -> F = 2*(1/15)/(8/15) = 0.25
    # RL: LCS भारत ने मैच = 3 -> 0.6
    pred, ref = "भारत ने मैच जीता", "भारत ने क्रिकेट मैच जीत लिया"
    assert _f(score_pairs([pred], [ref], "hi")) == pytest.approx(
        {"rouge1": 60.0, "rouge2": 25.0, "rougeL": 60.0, "rougeLsum": 60.0})
    assert score_pairs([pred], [ref], "hi", "rouge-score")["rouge1"]["f"] == 0.0


def _skip_if_segmenter(language):
    if make_tokenizer(language).describe()["segmenter"] != "per-character":
        pytest.skip(f"a {language} word segmenter is installed; the hand computation assumes characters")


def test_chinese_hand_computed_per_character():
    _skip_if_segmenter("zh")
    # One token per character, punctuation dropped:
    #   pred "北京今天下雨。"   -> 北 京 今 天 下 雨       (6)
    #   ref  "今天北京下大雨！" -> 今 天 北 京 下 大 雨    (7)
    # R1: overlap 6 -> P 1, R 6/7 -> F 12/13
    # R2: pred 北京 京今 今天 天下 下雨; ref 今天 天北 北京 京下 下大 大雨 -> overlap 2
    #     P 2/5, R 2/6 -> F = 2*(2/15)/(11/15) = 4/11
    # RL: LCS 北京下雨 (or 今天下雨) = 4 -> P 4/6, R 4/7 -> F 8/13
    pred, ref = "北京今天下雨。", "今天北京下大雨！"
    assert _f(score_pairs([pred], [ref], "zh")) == pytest.approx(
        {"rouge1": 1200 / 13, "rouge2": 400 / 11, "rougeL": 800 / 13, "rougeLsum": 800 / 13})
    assert score_pairs([pred], [ref], "zh", "rouge-score")["rouge1"]["f"] == 0.0


def test_japanese_hand_computed_per_character():
    _skip_if_segmenter("ja")
    # Kanji and kana one per character:
    #   pred "東京で雨が降った。" -> 東 京 で 雨 が 降 っ た   (8)
    #   ref  "東京は大雨だった。" -> 東 京 は 大 雨 だ っ た   (8)
    # R1: overlap 東 京 雨 っ た = 5 -> P = R = 5/8 -> F 0.625
    # R2: pred 東京 京で で雨 雨が が降 降っ った; ref 東京 京は は大 大雨 雨だ だっ った -> overlap 2
    #     P = R = 2/7 -> F 2/7
    # RL: LCS 東 京 雨 っ た = 5 -> 0.625
    pred, ref = "東京で雨が降った。", "東京は大雨だった。"
    assert _f(score_pairs([pred], [ref], "ja")) == pytest.approx(
        {"rouge1": 62.5, "rouge2": 200 / 7, "rougeL": 62.5, "rougeLsum": 62.5})


def test_installed_segmenter_is_used_and_recorded(monkeypatch):
    # A stand-in jieba: the tokenizer must use its words (after lowercasing and dropping punctuation).
    import sys
    import types

    from lorasum.evaluation import rouge

    fake = types.SimpleNamespace(setLogLevel=lambda level: None, lcut=lambda text: ["北京", "今天", " ", "下雨", "ok"])
    monkeypatch.setitem(sys.modules, "jieba", fake)
    rouge._load_segmenter.cache_clear()
    try:
        tokenizer = make_tokenizer("zh")
        assert tokenizer.describe()["segmenter"] == "jieba"
        assert tokenizer.tokenize("北京今天下雨。OK") == ["北京", "今天", "下雨", "ok"]
        assert score_pairs(["x"], ["y"], "zh")["segmenter"] == "jieba"
    finally:
        rouge._load_segmenter.cache_clear()


def test_spaceless_scripts_split_into_characters_without_a_segmenter():
    assert UnicodeTokenizer("ja", segment=False).tokenize("コーヒー、々") == ["コ", "ー", "ヒ", "ー", "々"]
    # Thai and Burmese: grapheme clusters, so a vowel sign or asat stays on its consonant.
    assert UnicodeTokenizer("th", segment=False).tokenize("ง่าย") == ["ง่", "า", "ย"]
    assert UnicodeTokenizer("my", segment=False).tokenize("မြန်မာ") == ["မြ", "န်", "မ", "ာ"]


@pytest.mark.parametrize("language, text", [
    ("en", "The ministers said: prices are rising. Markets fell!"), ("it", "La città è più bella, però."),
    ("es", "¿Dónde están los niños? ¡Aquí!"), ("ru", "Президент посетил Москву. Это важно."),
    ("ar", "ذهب الولد إلى المدرسة. ثم عاد؟"), ("hi", "भारत ने मैच जीता। टीम खुश है।"),
    ("zh", "北京今天下雨。上海晴天！"), ("ja", "東京で雨が降った。"), ("th", "ภาษาไทยง่ายมาก"),
    ("my", "မြန်မာနိုင်ငံ။"), ("ko", "서울에 비가 왔다."), ("el", "Η Αθήνα είναι όμορφη."), ("xx", "x1 y2 z3"),
])
def test_identical_strings_score_100_in_every_script(language, text):
    s = score_pairs([text], [text], language)
    assert _f(s) == {k: 100.0 for k in ROUGE_TYPES}


def test_empty_prediction_or_reference_scores_zero_and_is_counted():
    s = score_pairs(["", "the cat sat", "the cat sat", None, "   "],
                    ["the cat sat", "", "the cat sat", "x", "x"], "en")
    assert s["n"] == 5
    assert [e["rouge1"] for e in s["per_example"]] == [0.0, 0.0, 100.0, 0.0, 0.0]
    assert s["rouge1"]["f"] == pytest.approx(20.0) and s["rougeLsum"]["f"] == pytest.approx(20.0)


def test_no_pairs_scores_zero():
    s = score_pairs([], [], "it")
    assert s["n"] == 0 and s["per_example"] == [] and s["rouge1"] == {"f": 0.0, "p": 0.0, "r": 0.0}


def test_mean_precision_and_recall_are_reported():
    # pred "a b" vs ref "a b c d": P 1, R 1/2; pred "a b c d" vs "a b": P 1/2, R 1.
    s = score_pairs(["a b", "a b c d"], ["a b c d", "a b"], "xx", rouge_types=("rouge1",))
    assert s["rouge1"] == pytest.approx({"f": 200 / 3, "p": 75.0, "r": 75.0})
    assert set(s) == {"rouge1", "n", "scheme", "language", "tokenizer", "stemmer", "segmenter", "per_example"}
