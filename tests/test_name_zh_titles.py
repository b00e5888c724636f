"""A document's or event's Chinese title may hold the punctuation titles print (中国-东盟,
a colon, “十二五”, 、, one space between words); a person's name may not, and no title holds
Latin letters, a comma or doubled spaces."""
from __future__ import annotations

import pytest

DOC = {"document_id": "doc-2011-guangdong-guangxi-12th-fyp-cooperation-outline"}
EVENT = {"event_id": "ev-2016-06-22-china-asean-forum-10"}
XI = {"person_id": "p-xi-jinping"}


def _failing(draft):
    return [(f.table, f.field) for f in draft.failures("name-zh-text")]


def test_the_shipped_titles_with_punctuation_pass(draft, frames):
    docs = frames["documents"].set_index("document_id")
    events = frames["events"].set_index("event_id")
    assert docs.at[DOC["document_id"], "name_zh"] == "“十二五”時期廣東廣西扶貧協作計劃綱要"
    assert events.at[EVENT["event_id"], "name_zh"] == "第十届中国-东盟社会发展与减贫论坛"
    assert draft.failures("name-zh-text") == []


@pytest.mark.parametrize("title", ["中国关键词:精准扶贫篇", "強協作 促振興——社會幫扶在行動", "‘一带一路’国家农村减贫官员研修班"])
def test_a_title_may_hold_what_titles_print(draft, title):
    assert _failing(draft.update("documents", DOC, name_zh=title)) == []


@pytest.mark.parametrize("title", ["中国-东盟 Forum", "推进精准扶贫,打赢脱贫攻坚战", "强协作  促振兴", " 中国论坛", "中国论坛 "])
def test_a_title_with_letters_commas_or_loose_spaces_fails(draft, title):
    assert _failing(draft.update("events", EVENT, name_zh=title)) == [("events", "name_zh")]


@pytest.mark.parametrize("name", ["习:近平", "“习近平”", "习-近平"])
def test_a_persons_name_holds_no_title_punctuation(draft, name):
    assert _failing(draft.update("people", XI, name_zh=name)) == [("people", "name_zh")]
