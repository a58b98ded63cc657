"""Marks references to people, roles, @mentions and the college once per post.

Rules reuse these marks (`match: {entity: [person, role]}`) instead of each re-deriving them.
The gazetteers come from the rule pack's lexicons (`first_names`, `roles`, `titles`,
`workplaces`), so an organisation can extend them without code. Marking works on the token
texts and norms already computed by `prepare_tokens` plus one PhraseMatcher pass, because
this runs on every post and must stay cheap.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from postcheck.config.schema import Profile
from postcheck.nlp.deobfuscate import basic_form
from postcheck.nlp.tokens import TokenView

DETERMINERS = frozenset(
    ["the", "my", "our", "your", "his", "her", "their", "that", "this", "a", "ur", "'s", "these"]
)
# Collective roles that name identifiable people without a determiner ("management here...").
COLLECTIVE = frozenset(["management", "slt", "smt", "senior management", "senior leadership"])
PLACE_LINKS = frozenset(["on", "in", "from", "at"])
YEAR_GROUP = re.compile(r"^(?:1[0-3]|[7-9])s?$")
YEAR_TOKEN = re.compile(r"^y(?:r)?(?:1[0-3]|[7-9])s?$")
Ref = tuple[str, int, int]  # (kind, first token, end token)
# Pronouns that point back at someone already identified in the post ("Mr Ellison ... he deals
# weed"). Resolution is deliberately simple: any earlier reference is the antecedent, because
# what matters to the policy is that the post as a whole identifies a person.
PRONOUNS = frozenset(
    ["he", "she", "him", "her", "his", "they", "them", "their", "hes", "shes", "theyre"]
)


def squash(text: str) -> str:
    """`#Birkenhead_Sixth-Form` and `Birkenhead Sixth Form` both become `birkenheadsixthform`."""
    return re.sub(r"[^0-9a-z]", "", basic_form(text))


def _name_like(text: str) -> bool:
    # An apostrophe inside a word is part of a surname (O'Hara, D'Souza, N'Golo), never a
    # clitic: the tokenizer has already split "Jones's" and "Tom's".
    if "'" in text[1:-1] or "’" in text[1:-1]:
        text = text.replace("'", "").replace("’", "")
    return len(text) >= 2 and text.isalpha() and text[0].isupper() and not text.isupper()


# Titles that are never ordinary words, so "mr akhtar" (typed in lower case) is still a person.
LOWERCASE_OK_TITLES = frozenset(["mr", "mrs", "ms", "mx", "mr.", "mrs.", "ms.", "mx."])
NOT_SURNAMES = frozenset(["teams", "word", "excel", "office", "forms", "paint", "and", "or", "is"])


def _surname_after_title(title: str, text: str) -> bool:
    if _name_like(text):
        return True
    return (
        title in LOWERCASE_OK_TITLES
        and len(text) >= 2
        and text.isalpha()
        and text.islower()
        and text not in NOT_SURNAMES
    )


class ReferenceMarker:
    """Finds person/role/mention/college references from gazetteers and the profile."""

    def __init__(
        self,
        vocab: Vocab,
        lexicons: Mapping[str, Sequence[str]],
        profile: Profile,
        make_doc: Callable[[str], Doc],
    ) -> None:
        self.first_names = frozenset(basic_form(n) for n in lexicons.get("first_names", ()))
        titles = {basic_form(t) for t in lexicons.get("titles", ())}
        self.titles = frozenset(titles | {t + "." for t in titles})
        self.places = frozenset(basic_form(p) for p in lexicons.get("workplaces", ()))
        self.matcher = PhraseMatcher(vocab, attr="NORM")
        roles = [basic_form(r) for r in lexicons.get("roles", ())]
        self.matcher.add("role", [make_doc(r) for r in roles])
        self.collective = {r for r in roles if r in COLLECTIVE}
        names = [profile.name, *profile.aliases]
        self.matcher.add("college", [make_doc(n) for n in names])
        self.college_squashed = {squash(n) for n in [*names, *profile.hashtags]}
        self.handles = {h.lower().lstrip("@") for h in profile.handles}
        self.domains = tuple(d.lower() for d in profile.domains)

    def __call__(self, doc: Doc, view: TokenView) -> list[Ref]:
        texts, norms = view.texts, view.norms
        n = len(texts)
        refs: list[Ref] = []
        strings = doc.vocab.strings
        for match_id, start, end in self.matcher(doc):
            if strings[match_id] == "college":
                refs.append(("college", start, end))
            else:
                refs.extend(self._role(texts, norms, start, end))
        for i, norm in enumerate(norms):
            text = texts[i]
            if norm in self.titles and i + 1 < n:
                j = i + 2 if texts[i + 1] == "." and i + 2 < n else i + 1
                if _surname_after_title(norm, texts[j]):
                    refs.append(("person", i, j + 1))
            elif norm in self.first_names and i + 1 < n and not _name_like(text):
                # "kieran from maths": a lower-case first name is a person only with a place.
                if text.isalpha() and (end := self._at_place(norms, i)):
                    refs.append(("person", i, end))
            elif norm in self.first_names and _name_like(text) and i + 1 < n:
                # A first name can be a surname too ("Brandon Kelly", "Kayla Davies").
                if _name_like(texts[i + 1]) and norms[i + 1] not in DETERMINERS:
                    refs.append(("person", i, i + 2))
                elif end := self._at_place(norms, i):
                    refs.append(("person", i, end))
            elif norm in ("year", "yr") and i + 1 < n and i and norms[i - 1] in DETERMINERS:
                if YEAR_GROUP.match(norms[i + 1]):
                    refs.append(("role", i - 1, i + 2))
            elif YEAR_TOKEN.match(norm) and i and norms[i - 1] in DETERMINERS:
                refs.append(("role", i - 1, i + 1))
            elif text[:1] == "@" and len(text) > 1 and norm[:1] == "@":
                # A handle ("@ss", read as a word, is not one).
                kind = "college" if text[1:].lower() in self.handles else "mention"
                refs.append((kind, i, i + 1))
            elif text == "#" and i + 1 < n and not view.spaces[i]:
                refs.extend(self._hashtag(view, i))
            elif self.domains and "." in text and at_domain(text, self.domains):
                refs.append(("college", i, i + 1))
        if refs:
            first_end = min(end for _, _, end in refs)
            refs.extend(("pronoun", i, i + 1) for i in range(first_end, n) if norms[i] in PRONOUNS)
        return sorted(set(refs), key=lambda r: (r[1], -r[2], r[0]))

    def _at_place(self, norms: list[str], i: int) -> int:
        """End of "NAME on/in/from/at (the) PLACE" starting at token i ("Dave on reception"),
        or 0 when the name is not followed by a workplace."""
        n = len(norms)
        if i + 1 >= n or norms[i + 1] not in PLACE_LINKS:
            return 0
        j = i + 3 if i + 2 < n and norms[i + 2] == "the" else i + 2
        return j + 1 if j < n and norms[j] in self.places else 0

    def _role(self, texts: list[str], norms: list[str], start: int, end: int) -> list[Ref]:
        if start and norms[start - 1] in DETERMINERS:
            return [("role", start - 1, end)]
        if start > 1 and norms[start - 2] in DETERMINERS and texts[start - 1].isalpha():
            return [("role", start - 2, end)]  # "the new principal", "my lazy students"
        if " ".join(norms[start:end]) in self.collective:
            return [("role", start, end)]
        return []

    def _hashtag(self, view: TokenView, hash_at: int) -> list[Ref]:
        """`#BSFC`, `#BirkenheadSixthForm` (split into words by prepare_tokens) and the like."""
        texts = view.texts
        end = hash_at + 1
        found: list[Ref] = []
        while end < len(texts) and texts[end].isalnum():
            end += 1
            if squash("".join(texts[hash_at + 1 : end])) in self.college_squashed:
                found.append(("college", hash_at, end))
            if view.spaces[end - 1]:
                break
        return found


def at_domain(token: str, domains: tuple[str, ...]) -> bool:
    """A link, host or address at one of these (lower-case) domains or a subdomain of one:
    "https://www.bsfc.ac.uk/alumni", "jo@bsfc.ac.uk"; never a lookalike ("notbsfc.ac.uk")."""
    host = _host(token)
    return any(host == d or host.endswith(("." + d, "@" + d)) for d in domains)


def _host(token: str) -> str:
    """The host part of a link or address token ("https://bsfc.ac.uk/alumni?x=1" ->
    "bsfc.ac.uk"), lower-cased, so a link into the college's site names the college."""
    lowered = token.lower()
    _, sep, rest = lowered.partition("://")
    return (rest if sep else lowered).split("/", 1)[0].split("?", 1)[0].rstrip(".,;:!")
