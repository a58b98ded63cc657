"""Marks references to people, roles, @mentions and the college once per post.

Rules reuse these marks (`match: {entity: [person, role]}`) instead of each re-deriving them.
The gazetteers come from the rule pack's lexicons (`first_names`, `roles`, `titles`,
`workplaces`), so an organisation can extend them without code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from postcheck.config.schema import Profile
from postcheck.nlp.deobfuscate import basic_form

DETERMINERS = ["the", "my", "our", "your", "his", "her", "their", "that", "this", "a", "ur", "'s"]
# Collective roles that name identifiable people without a determiner ("management here...").
COLLECTIVE = {"management", "slt", "smt", "senior management", "senior leadership", "governors"}
Ref = tuple[str, int, int]  # (kind, first token, end token)


def squash(text: str) -> str:
    """`#Birkenhead_Sixth-Form` and `Birkenhead Sixth Form` both become `birkenheadsixthform`."""
    return re.sub(r"[^0-9a-z]", "", basic_form(text))


class ReferenceMarker:
    """Finds person/role/mention/college references with token patterns and the profile."""

    def __init__(
        self,
        vocab: Vocab,
        lexicons: Mapping[str, Sequence[str]],
        profile: Profile,
        make_doc: object,
    ) -> None:
        first_names = sorted({basic_form(n) for n in lexicons.get("first_names", ())})
        titles = sorted({basic_form(t) for t in lexicons.get("titles", ())})
        titles += [t + "." for t in titles]
        roles = [basic_form(r) for r in lexicons.get("roles", ())]
        places = sorted({basic_form(p) for p in lexicons.get("workplaces", ())})
        self.matcher = Matcher(vocab)
        name_token: dict[str, Any] = {"IS_TITLE": True, "IS_ALPHA": True, "LENGTH": {">=": 2}}
        self.matcher.add("person", [[{"NORM": {"IN": titles}}, name_token]])
        self.matcher.add(
            "person",
            [[{"NORM": {"IN": first_names}, "IS_TITLE": True}, name_token]],
        )
        self.matcher.add(
            "person",
            [
                [
                    {"NORM": {"IN": first_names}, "IS_TITLE": True},
                    {"LOWER": {"IN": ["on", "in", "from", "at"]}},
                    {"LOWER": "the", "OP": "?"},
                    {"NORM": {"IN": places}},
                ]
            ],
        )
        role_patterns: list[list[dict[str, Any]]] = []
        for role in roles:
            words = role.split()
            if role in COLLECTIVE:
                role_patterns.append([{"NORM": w} for w in words])
            role_patterns.append([{"LOWER": {"IN": DETERMINERS}}, *({"NORM": w} for w in words)])
            role_patterns.append(
                [
                    {"LOWER": {"IN": DETERMINERS}},
                    {"IS_ALPHA": True, "NORM": {"NOT_IN": DETERMINERS}},
                    *({"NORM": w} for w in words),
                ]
            )
        year_group: dict[str, Any] = {"NORM": {"REGEX": r"^(?:1[0-3]|[7-9])s?$"}}
        role_patterns.append(
            [{"LOWER": {"IN": DETERMINERS}}, {"LOWER": {"IN": ["year", "yr"]}}, year_group]
        )
        role_patterns.append(
            [{"LOWER": {"IN": DETERMINERS}}, {"NORM": {"REGEX": r"^y(?:1[0-3]|[7-9])s?$"}}]
        )
        self.matcher.add("role", role_patterns)

        self.college = PhraseMatcher(vocab, attr="NORM")
        assert callable(make_doc)
        names = [profile.name, *profile.aliases]
        self.college.add("college", [make_doc(n) for n in names])
        self.college_squashed = {squash(n) for n in [*names, *profile.hashtags]}
        self.handles = {h.lower().lstrip("@") for h in profile.handles}
        self.domains = tuple(d.lower() for d in profile.domains)

    def __call__(self, doc: Doc) -> list[Ref]:
        refs: list[Ref] = []
        for match_id, start, end in self.matcher(doc):
            refs.append((doc.vocab.strings[match_id], start, end))
        for _, start, end in self.college(doc):
            refs.append(("college", start, end))
        for token in doc:
            text = token.text
            if text.startswith("@") and len(text) > 1:
                kind = "college" if text[1:].lower() in self.handles else "mention"
                refs.append((kind, token.i, token.i + 1))
            elif token.i and doc[token.i - 1].text == "#" and squash(text) in self.college_squashed:
                refs.append(("college", token.i - 1, token.i + 1))
            elif self.domains and "." in text and text.lower().endswith(self.domains):
                refs.append(("college", token.i, token.i + 1))
        if any(kind == "college" for kind, _, _ in refs):
            # A camel-case hashtag was split into words: join them back into one reference.
            refs = _merge_hashtag_refs(doc, refs, self.college_squashed)
        return sorted(set(refs), key=lambda r: (r[1], -r[2], r[0]))


def _merge_hashtag_refs(doc: Doc, refs: list[Ref], squashed: set[str]) -> list[Ref]:
    out = list(refs)
    for token in doc:
        if token.text == "#" and not token.whitespace_:
            end = token.i + 1
            while (
                end < len(doc)
                and doc[end - 1].whitespace_ == ""
                and doc[end].is_alpha | doc[end].is_digit
            ):
                end += 1
                if squash(doc[token.i + 1 : end].text) in squashed:
                    out.append(("college", token.i, end))
    return out
