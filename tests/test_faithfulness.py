"""Faithfulness proxies (lorasum.evaluation.faithfulness) on tiny examples computed by hand."""

import pytest

from lorasum.evaluation.faithfulness import FLAGS, aggregate, fragments, summary_proxies

SOURCE = "The mayor of Rome opened a new bridge on Monday. It cost 12 million euros."


def test_novel_ngrams_coverage_density_compression():
    # Source words (15): the mayor of rome opened a new bridge on monday it cost 12 million euros
    # Summary words (8): the mayor opened a new bridge in rome
    # novel 1-grams: {in} -> 1/8
    # 2-grams (7): the mayor + | mayor opened - | opened a + | a new + | new bridge + | bridge in - | in rome -  -> 3/7
    # 3-grams (6): only "opened a new", "a new bridge" are in the source -> 4/6
    # 4-grams (5): only "opened a new bridge" -> 4/5
    # Fragments (Grusky et al.): [the mayor] [opened a new bridge] [rome]; "in" matches nothing.
    #   coverage = (2 + 4 + 1) / 8 = 7/8; density = (4 + 16 + 1) / 8 = 21/8; compression = 15/8
    r = summary_proxies(SOURCE, "The mayor opened a new bridge in Rome.")
    assert r["summary_words"] == 8 and r["source_words"] == 15
    assert [r[f"novel_{n}gram"] for n in (1, 2, 3, 4)] == pytest.approx([1 / 8, 3 / 7, 4 / 6, 4 / 5])
    assert r["coverage"] == pytest.approx(7 / 8) and r["density"] == pytest.approx(21 / 8)
    assert r["compression"] == pytest.approx(15 / 8) and r["repetition"] == 0.0
    # Rome is capitalized mid-sentence and present in the source; "The" opens the sentence: skipped.
    assert r["entities"] == 1 and r["unsupported_entities"] == 0 and r["numbers"] == 0
    assert r["unsupported_rate"] == 0.0
    # Lead: "the mayor of rome opened a new bridge on monday" (10) vs summary (8): LCS 6 -> F = 12/18.
    assert r["lead_overlap"] == pytest.approx(2 / 3)
    assert r["flags"] == []


def test_fragments_follow_the_greedy_definition():
    # The article scan skips past each match, so "a a b" matches [a a] then [b], not [a a b]
    # (starting at the article's second "a" would give 3): density (4 + 1) / 3.
    assert fragments("a a a b".split(), "a a b".split()) == [["a", "a"], ["b"]]
    assert fragments("x y z".split(), "q r".split()) == []
    assert fragments([], ["a"]) == [] and fragments(["a"], []) == []
    r = summary_proxies("a a a b", "a a b", "xx")
    assert r["coverage"] == 1.0 and r["density"] == pytest.approx(5 / 3)


def test_unsupported_number_and_entity():
    # "Paris" and "15" appear nowhere in the source; "million" and "euros" do; "The" opens the sentence.
    r = summary_proxies(SOURCE, "The mayor of Paris said the bridge cost 15 million euros.")
    assert r["unsupported"] == {"numbers": ["15"], "entities": ["paris"]}
    assert (r["numbers"], r["unsupported_numbers"], r["entities"], r["unsupported_entities"]) == (1, 1, 1, 1)
    assert r["unsupported_rate"] == 1.0
    assert r["flags"] == ["unsupported_number", "unsupported_entity"]


def test_supported_numbers_ignore_separators_and_digit_scripts():
    r = summary_proxies("Some 1500 people and 3 cars.", "About 1,500 people came with ٣ cars.")
    assert r["numbers"] == 2 and r["unsupported_numbers"] == 0 and "unsupported_number" not in r["flags"]


def test_entity_check_is_case_insensitive_and_skips_sentence_starts():
    # "Rome" in the summary matches "rome" in the source; "Yesterday" opens the 2nd sentence: skipped;
    # "Milan" is unsupported.
    r = summary_proxies("the mayor of rome spoke.", "The mayor spoke in Rome. Yesterday Milan replied.")
    assert r["entities"] == 2 and r["unsupported"]["entities"] == ["milan"]


def test_lead_copy_flag():
    r = summary_proxies(SOURCE, "The mayor of Rome opened a new bridge on Monday")
    assert r["lead_overlap"] == 1.0 and r["flags"] == ["lead_copy"]
    # One word short of the lead: LCS 9 of 10 and 9 -> F = 18/19 >= 0.9, still a copy.
    assert "lead_copy" in summary_proxies(SOURCE, "The mayor of Rome opened a bridge on Monday")["flags"]


def test_repetition_flag():
    # 9 words, 7 trigrams, 3 distinct -> 4 of 7 repeat an earlier one.
    r = summary_proxies(SOURCE, "the bridge cost the bridge cost the bridge cost")
    assert r["repetition"] == pytest.approx(4 / 7) and "repetition" in r["flags"]


@pytest.mark.parametrize("source, summary", [(SOURCE, ""), ("", ""), (SOURCE, " ... "), ("", "Rome 12")])
def test_empty_inputs_do_not_crash(source, summary):
    r = summary_proxies(source, summary)
    if not summary.strip(" ."):
        assert r["flags"] == ["empty_output"]
        assert r["novel_1gram"] is None and r["coverage"] is None and r["compression"] is None
    else:  # empty source: every summary word is novel and every number unsupported
        assert r["novel_1gram"] == 1.0 and r["coverage"] == 0.0 and r["compression"] == 0.0
        assert r["flags"] == ["unsupported_number"]


def test_short_summary_leaves_long_ngrams_undefined():
    r = summary_proxies(SOURCE, "bridge opened")
    assert r["novel_1gram"] == 0.0 and r["novel_2gram"] == 1.0
    assert r["novel_3gram"] is None and r["novel_4gram"] is None and r["repetition"] is None


def test_other_scripts():
    # Chinese without a segmenter: characters 北 京 下 雨; bigrams 北京 (in source), 京下 (novel),
    # 下雨 (in source) -> 1/3. Arabic: no case, so no entity candidates; السوق is the one novel word.
    zh = summary_proxies("北京今天下雨。上海晴天。", "北京下雨", "zh")
    if zh["summary_words"] == 4:  # per-character (no Chinese segmenter installed)
        assert zh["novel_1gram"] == 0.0 and zh["novel_2gram"] == pytest.approx(1 / 3)
    ar = summary_proxies("ذهب الولد إلى المدرسة.", "ذهب الولد إلى السوق", "ar")
    assert ar["entities"] == 0 and ar["novel_1gram"] == pytest.approx(1 / 4)


def test_aggregate():
    rows = [summary_proxies(SOURCE, "The mayor opened a new bridge in Rome."),
            summary_proxies(SOURCE, "The mayor of Paris said the bridge cost 15 million euros."),
            summary_proxies(SOURCE, "")]
    agg = aggregate(rows)
    assert agg["n"] == 3
    assert agg["means"]["summary_words"] == pytest.approx((8 + 11 + 0) / 3)
    assert agg["means"]["coverage"] == pytest.approx((7 / 8 + 8 / 11) / 2)  # the empty row has None: skipped
    assert agg["flag_rates"] == {"unsupported_number": 1 / 3, "unsupported_entity": 1 / 3, "repetition": 0.0,
                                 "empty_output": 1 / 3, "lead_copy": 0.0}
    assert set(agg["flag_rates"]) == set(FLAGS) and "flags" not in agg["means"]
    assert aggregate([]) == {"n": 0, "means": {}, "flag_rates": {f: 0.0 for f in FLAGS}}
