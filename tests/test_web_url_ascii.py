"""``_metadata.web_url`` takes its quick path on an ASCII address: the ASCII characters it
refuses there are exactly those it refuses character by character (white space, controls)."""
from __future__ import annotations

import unicodedata

from povpkg._metadata import ASCII_BLANK_OR_CONTROL, web_url


def test_the_ascii_class_is_the_white_space_and_the_controls():
    refused = {chr(n) for n in range(128) if chr(n).isspace() or unicodedata.category(chr(n)) in ("Cc", "Cf")}
    assert {chr(n) for n in range(128) if ASCII_BLANK_OR_CONTROL.match(chr(n))} == refused


def test_ascii_and_other_addresses_are_judged_alike():
    for bad in ("https://example.org/a b", "https://example.org/\x1f", "https://example.org/\x7f",
                "https://example.org/\u200b", "https://example.org/\u00a0x", "https://example.org/\tx"):
        assert not web_url(bad), repr(bad)
    for good in ("https://example.org/a", "http://example.org/%E4%B8%AD", "https://example.org/\u4e2d"):
        assert web_url(good), repr(good)
