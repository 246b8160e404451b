"""ROUGE on short pairs computed by hand, in several scripts."""

import pytest

from lorasum.evaluation.rouge import UnicodeTokenizer, score_pairs


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
