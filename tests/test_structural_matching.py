"""Structural matching in the rule language: pronouns that point back at an identified person,
and negation between the terms of a combined (near) match. Uses a small rule folder of its own
so the behaviour is tested apart from the bundled pack's wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from postcheck import Checker

RULES = """
rules:
  - id: TEST-ALLEGATION
    name: Allegation about someone identifiable
    category: defamation
    severity: high
    policy: {clause: "§3", quote: "defamatory"}
    message: Allegation.
    suggestion: Remove it.
    match:
      near:
        a: {entity: [person, role, mention, pronoun]}
        b: {phrases: {terms: [takes bribes]}}
        scope: sentence
    unless: {negated: true}
    examples: {flag: ["Mr Lowe takes bribes"], pass: ["Nobody here takes bribes"]}
  - id: TEST-GROUP-TRAIT
    name: Trait predicated of a group
    category: discrimination
    severity: high
    policy: {clause: "§3", quote: "discriminatory"}
    message: Generalisation.
    suggestion: Remove it.
    match:
      near:
        a: {phrases: {terms: [wizards]}}
        b:
          near:
            a: {phrases: {terms: [shouldn't be, are]}}
            b: {phrases: {terms: [teachers, lazy]}}
            within: 2
            order: a_first
        within: 6
        order: a_first
    unless: {negated: true}
    examples: {flag: ["wizards are lazy"], pass: ["wizards are not lazy"]}
  - id: TEST-CLOSE-IN-SENTENCE
    name: Two terms close together, never across a sentence boundary
    category: offensive
    severity: low
    policy: {clause: "§3", quote: "offensive"}
    message: Close.
    suggestion: Rephrase.
    match:
      near:
        a: {phrases: {terms: [goblins]}}
        b: {phrases: {terms: [smelly]}}
        within: 3
        scope: tokens_in_sentence
    examples: {flag: ["goblins are so smelly"], pass: ["goblins win. smelly socks"]}
  - id: TEST-SHARED-ANSWERS
    name: Exam answers being shared
    category: confidentiality
    severity: high
    policy: {clause: "§3", quote: "confidential"}
    message: Answers.
    suggestion: Remove.
    match: {phrases: {terms: [the answers]}}
    unless: {question: true}
    examples: {flag: ["got the answers"], pass: ["has anyone got the answers?"]}
  - id: TEST-HEDGED
    name: A claim that hedges clear
    category: defamation
    severity: high
    policy: {clause: "§3", quote: "defamatory"}
    message: Allegation.
    suggestion: Remove it.
    match: {phrases: {terms: [fiddles]}}
    unless: {hedged: true}
    examples: {flag: ["he fiddles it"], pass: ["he allegedly fiddles it"]}
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    folder: Path = tmp_path_factory.mktemp("rules")
    (folder / "test.yaml").write_text(RULES, encoding="utf-8")
    return Checker.from_paths(folder)


def _rules(checker: Checker, text: str) -> list[str]:
    # These rules sit beside the bundled pack: a bundled rule of the same category may report
    # the same words, and then the test rule is named in that finding's `also`.
    return [rule for f in checker.check(text).findings for rule in (f.rule, *f.also)]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Watch out for the new bursar, Mr Lowe. He takes bribes.", True),
        ("Ask @finance_lead about it. She takes bribes, everyone knows.", True),
        # A pronoun with nobody identified before it identifies nobody.
        ("He takes bribes, apparently.", False),
        ("They say he takes bribes. Mr Lowe is new here.", False),
    ],
)
def test_pronoun_counts_only_with_an_earlier_antecedent(
    checker: Checker, text: str, flagged: bool
) -> None:
    assert ("TEST-ALLEGATION" in _rules(checker, text)) is flagged


@pytest.mark.parametrize(
    "text",
    [
        "Mr O'Hara takes bribes",  # an apostrophe inside a surname
        "Mrs D’Souza takes bribes",
        "Liam O'Connor takes bribes",
        "@Ryan takes bribes",  # a handle that is also a first name (and "aryan" in leetspeak)
        "@ryan takes bribes",
    ],
)
def test_people_are_recognised_however_their_names_are_written(checker: Checker, text: str) -> None:
    assert "TEST-ALLEGATION" in _rules(checker, text)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("wizards are lazy", True),
        ("wizards are not lazy", False),  # negation between the terms
        ("wizards shouldn't be teachers", True),  # negation inside a term is part of it
        ("wizards are never lazy", False),
        ("wizards aren’t lazy", False),  # a phone keyboard's curly apostrophe
        ("not all wizards are lazy", False),  # negation just before the match
        # Typed without the apostrophe: the rule's "shouldn't" still matches, and the bare
        # "nt" still reads as a negation between the terms.
        ("wizards shouldnt be teachers", True),
        ("wizards arent lazy", False),
    ],
)
def test_negation_between_terms_but_not_inside_them(
    checker: Checker, text: str, flagged: bool
) -> None:
    assert ("TEST-GROUP-TRAIT" in _rules(checker, text)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("goblins are so smelly", True),
        ("smelly, those goblins", True),
        ("I like goblins. Smelly socks are another matter.", False),  # close, but two sentences
        ("goblins are, in my long experience of them, smelly", False),  # one sentence, too far
    ],
)
def test_near_within_tokens_and_the_same_sentence(
    checker: Checker, text: str, flagged: bool
) -> None:
    assert ("TEST-CLOSE-IN-SENTENCE" in _rules(checker, text)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("has anyone seen the answers?", False),  # a genuine question
        ("is it true Mr Lowe sold the answers?", False),
        ("anyone want the answers? dm me", True),  # a question that is an offer
        ("Who wants the answers before Friday?", True),
        ("I have the answers", True),
    ],
)
def test_question_exception_does_not_clear_offers(
    checker: Checker, text: str, flagged: bool
) -> None:
    assert ("TEST-SHARED-ANSWERS" in _rules(checker, text)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Mr Lowe allegedly fiddles the accounts", False),
        ("The paper claims that Mr Lowe fiddles the accounts", False),
        ("Mr Lowe is said to fiddle the accounts, and he fiddles them well", False),
        ("Mr Lowe fiddles his mileage claims", True),  # the noun "claims" reports nothing
        ("Mr Lowe, the accused, fiddles the accounts", True),
    ],
)
def test_hedges_are_reporting_phrases_not_bare_nouns(
    checker: Checker, text: str, flagged: bool
) -> None:
    assert ("TEST-HEDGED" in _rules(checker, text)) is flagged
