"""Regex prefilters may skip a regex only when it certainly cannot match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from postcheck import Checker
from postcheck.matching.nodes import RegexNode
from postcheck.matching.prefilter import TextFeatures, build_prefilter


def _pack_regexes() -> list[re.Pattern[str]]:
    engine = Checker.default().component.engine
    seen: list[re.Pattern[str]] = []
    stack = [rule.node for rule in engine.rules]
    while stack:
        node = stack.pop()
        if isinstance(node, RegexNode):
            seen.append(node.regex)
        stack.extend(getattr(node, "children", ()))
        stack.extend(n for n in (getattr(node, "a", None), getattr(node, "b", None)) if n)
        if inner := getattr(node, "inner", None):
            stack.append(inner)
    return seen


REGEXES = _pack_regexes()
# Pieces that the pack's regexes look for, plus look-alikes that case folding treats specially.
PIECES = st.sampled_from(
    ["password", "PASSWORD", "paſſword", "ucas", "UCAS", "lives at", "@", ".", "/", " ", ":",
     "is", "07700 900123", "1234567890", "CH41 2RA", "Road", "sk-", "K", "İ", "dob 1/2/2008",
     "a", "Z", "7", "é", "\n"]
)  # fmt: skip


def test_the_pack_has_regexes_to_filter() -> None:
    assert len(REGEXES) >= 5


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_prefilter_never_rejects_a_text_the_regex_matches(text: str) -> None:
    features = TextFeatures.of(text)
    for regex in REGEXES:
        if regex.search(text):
            assert build_prefilter(regex).allows(features), (regex.pattern, text)


def test_inline_case_flags_are_respected() -> None:
    prefilter = build_prefilter(re.compile(r"(?i:pass)word: (\d+)"))
    assert prefilter.allows(TextFeatures.of("PASSword: 1234"))


def test_prefilter_rejects_texts_missing_a_required_word_or_digit() -> None:
    prefilter = build_prefilter(re.compile(r"\bucas\b\D{0,5}(\d{10})", re.I))
    assert prefilter.words == ("ucas",) and prefilter.digit
    assert not prefilter.allows(TextFeatures.of("my UCAS number is on the form"))
    assert not prefilter.allows(TextFeatures.of("ring me on 0123456789"))
    assert prefilter.allows(TextFeatures.of("UCAS id 1234567890"))


def test_prefilter_rejects_texts_with_none_of_the_alternatives() -> None:
    prefilter = build_prefilter(re.compile(r"\b(?i:door|gate)\s+code\s+(\d{4})"))
    assert not prefilter.allows(TextFeatures.of("the code is 1234"))
    assert prefilter.allows(TextFeatures.of("GATE code 1234"))


def test_prefilter_reads_runs_of_character_classes() -> None:
    prefilter = build_prefilter(re.compile(r"\bshit\w*|(?=[a-z\s]*\s\s)s\s+h\s+i\s+t"))
    assert not prefilter.allows(TextFeatures.of("s h i t"))
    assert prefilter.allows(TextFeatures.of("s  h  i  t"))
    assert prefilter.allows(TextFeatures.of("shitstorm"))
