"""Invariants that must hold for any input (hypothesis)."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wordfreq import top_n_list

from postcheck import Checker

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CONTEXTS = st.fixed_dictionaries(
    {
        "account": st.sampled_from(["official", "personal"]),
        "direction": st.sampled_from(["outgoing", "received"]),
    }
)
# Text that is likely to hit rules: words from the lexicons, obfuscation characters, any Unicode.
RULE_WORDS = ["BSFC", "password", "is", "Mr", "Davies", "thief", "07700", "900123", "f*ck", "@x"]
MIXED = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(RULE_WORDS)), max_size=25).map(
    " ".join
)


@SETTINGS
@given(text=st.one_of(st.text(max_size=400), MIXED), context=CONTEXTS)
def test_spans_index_the_original_text(
    checker: Checker, text: str, context: dict[str, str]
) -> None:
    report = checker.check(text, **context)
    for f in report.findings:
        assert 0 <= f.start < f.end <= len(text)
        if f.excerpt == text[f.start : f.end]:
            continue
        # Masked personal data keeps its length and its separators.
        assert len(f.excerpt) == f.end - f.start


@SETTINGS
@given(text=st.one_of(st.text(max_size=300), MIXED), context=CONTEXTS)
def test_output_is_deterministic(checker: Checker, text: str, context: dict[str, str]) -> None:
    first = checker.check(text, **context).model_dump_json()
    assert checker.check(text, **context).model_dump_json() == first


# Words two rules of one category both report: masked and strong profanity, insults that are
# also described insults, a key that is also a password.
OVERLAP_WORDS = [
    "f*ck",
    "f**king",
    "sh1t",
    "you're",
    "a",
    "pathetic",
    "waste",
    "of",
    "oxygen",
    "Mr Gallagher",
    "go back where you came from",
    "AKIAQ7LX3M9P2VW5RT4K",
    "pissed off",
]


@SETTINGS
@given(
    words=st.lists(st.one_of(st.sampled_from(OVERLAP_WORDS), st.text(max_size=6)), max_size=20),
    context=CONTEXTS,
)
def test_one_finding_per_category_and_evidence(
    checker: Checker, words: list[str], context: dict[str, str]
) -> None:
    text = " ".join(words)
    findings = checker.check(text, **context).findings
    for i, a in enumerate(findings):
        assert a.rule not in a.also
        for b in findings[i + 1 :]:
            if a.category != b.category:
                continue
            overlap = min(a.end, b.end) - max(a.start, b.start)
            assert 2 * overlap < max(a.end - a.start, b.end - b.start), (a.rule, b.rule, text)


def _lexicon(checker: Checker, *names: str) -> set[str]:
    return {t for n in names for t in checker.pack.lexicons[n]}


def _offensive_vocabulary(checker: Checker) -> set[str]:
    """Every word the pack treats as offensive or insulting in some context: a sentence made of
    other words can only raise an offensive finding through a de-obfuscation mistake."""
    names = [
        n
        for n in checker.pack.lexicons
        if n.startswith(("profanity_", "off_", "har_")) or n in ("slurs", "insults", "self_harm")
    ]
    return _lexicon(checker, *names)


def _clean_words() -> list[str]:
    checker = Checker.default()
    bad = _offensive_vocabulary(checker)
    joined = {b.replace(" ", "") for b in bad}
    return [w for w in top_n_list("en", 8000) if w.isalpha() and w not in bad | joined]


CLEAN_WORDS = _clean_words()
SENTENCE = st.lists(st.sampled_from(CLEAN_WORDS), min_size=1, max_size=30).flatmap(
    lambda words: st.lists(
        st.sampled_from([" ", " ", " ", ", ", ". ", "! ", "? ", "\n", " - "]),
        min_size=len(words),
        max_size=len(words),
    ).map(lambda seps: "".join(w + s for w, s in zip(words, seps, strict=True)))
)


@SETTINGS
@given(sentence=SENTENCE, capitalise=st.booleans())
def test_deobfuscation_never_turns_clean_words_into_profanity(
    checker: Checker, sentence: str, capitalise: bool
) -> None:
    text = sentence.title() if capitalise else sentence
    bad = _lexicon(checker, "profanity_strong", "profanity_mild", "slurs", "self_harm")
    doc = checker.nlp(text)
    for token in doc:
        if token.norm_ in bad:
            assert token.text.lower() in bad, f"{token.text!r} was read as {token.norm_!r}"
    assert not [f for f in doc._.postcheck_findings if f["category"] == "offensive"]


STRONG = sorted(
    w for w in Checker.default().pack.lexicons["profanity_strong"] if w.isalpha() and len(w) >= 4
)


@SETTINGS
@given(
    word=st.sampled_from(STRONG),
    disguise=st.sampled_from(["spaced", "dotted", "masked", "repeated", "upper", "zero_width"]),
    position=st.integers(min_value=1),
    before=st.sampled_from(["", "what a ", "this is ", "Oh "]),
    after=st.sampled_from(["", " day", "!", " lol"]),
)
def test_disguised_profanity_is_still_caught(
    checker: Checker, word: str, disguise: str, position: int, before: str, after: str
) -> None:
    i = 1 + position % (len(word) - 2)  # an inner letter
    disguised = {
        "spaced": " ".join(word),
        "dotted": ".".join(word),
        "masked": word[:i] + "*" + word[i + 1 :],
        "repeated": word[:i] + word[i] * 4 + word[i + 1 :],
        "upper": word.upper(),
        "zero_width": word[:i] + "\u200b" + word[i:],
    }[disguise]
    text = before + disguised + after
    report = checker.check(text)
    offensive = [f for f in report.findings if f.category == "offensive"]
    assert offensive, f"{text!r} not flagged"
    assert any(text[f.start : f.end].replace("\u200b", "") for f in offensive)


@SETTINGS
@given(letters=st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=3))
def test_single_letter_runs_join_only_into_known_words(checker: Checker, letters: str) -> None:
    text = "I " + " ".join(letters) + " am here"
    doc = checker.nlp(text)
    assert doc.text == text
    for token in doc:
        if " " in token.text:
            assert token.norm_ in checker.component.engine.deob.targets
