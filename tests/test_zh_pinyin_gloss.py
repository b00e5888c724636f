"""A garbling host's pinyin glosses (單位達(dá)到272個(gè)) do not hide what a Chinese figure counts.

Made-up texts in the hosts' manner: traditional script with a gloss after some characters.
"""
from __future__ import annotations

from validation import zh

GLOSSED = "參與此項(xiàng)工作的單位達(dá)到272個(gè),受到幫扶的重點(diǎn)縣達(dá)到481個(gè),占總數(shù)的81.25%。"


def mention(text: str, figure: str) -> zh.Mention:
    plain = text.translate(zh.FULLWIDTH)
    start = plain.index(figure)
    return zh.Mention(plain, start, start + len(figure))


def test_a_noun_before_a_glossed_verb_binds_the_figure():
    assert zh.counts_zh(mention(GLOSSED, "272"), "units")
    assert zh.counts_zh(mention(GLOSSED, "481"), "counties")


def test_the_gloss_is_read_past_not_the_words():
    # the same figures do not count what the page does not name before them
    assert not zh.counts_zh(mention(GLOSSED, "272"), "counties")
    assert not zh.counts_zh(mention(GLOSSED, "481"), "units")


def test_units_take_a_noun_before_the_figure_as_other_counts_do():
    assert zh.counts_zh(mention("参与定点帮扶的单位达到310个。", "310"), "units")
    assert zh.counts_zh(mention("共有247个中央单位定点帮扶。", "247"), "units")


def test_words_in_brackets_that_are_not_pinyin_stay():
    assert zh.unglossed("達(dá)到(市、区)(Rodora Babaran)") == "達到(市、区)(Rodora Babaran)"
