"""What a regex needs to find in a text before it can possibly match, worked out once at compile
time from the parsed pattern: literal words it must contain, sets of words one of which it must
contain (the alternatives of a `(?:door|gate|keypad)` group), and whether it needs a digit.

Running a dozen validated regexes over every post costs more than all the phrase lists together,
yet most posts contain no digit and none of a pattern's required words ("password", "ucas", "@").
A `Prefilter` answers "could this regex match here?" with a few substring tests; it only ever
says no when the regex certainly cannot match, so results never change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

DIGIT = "<digit>"  # stands for "some character 0-9" among the required items


@dataclass(frozen=True)
class Item:
    """One thing a text may contain: a literal (compared as written, or case-folded when the
    regex ignores case there), with `text == DIGIT` any digit, or with `width` a run of fixed
    single characters (two spaces, a capital then a digit) written as a regex of its own."""

    text: str
    folded: bool = False
    width: int = 0  # characters a run matches; 0 for literals and DIGIT

    def length(self) -> int:
        return self.width or (1 if self.text == DIGIT else len(self.text))


Clause = frozenset[Item]  # the text contains at least one of these


@dataclass(frozen=True)
class AnyOf:
    """A compiled clause: the text must contain one of `exact`, one of `folded` (lower-cased)
    or, when `digit`, some digit."""

    exact: tuple[str, ...]
    folded: tuple[str, ...]
    digit: bool
    runs: tuple[re.Pattern[str], ...] = ()  # searched in the original text

    def met(self, features: TextFeatures) -> bool:
        if self.digit and features.has_digit:
            return True
        if any(word in features.text for word in self.exact):
            return True
        if self.folded:
            # re's case folding may match letters that str.lower() does not: only a text of
            # plain letters can be ruled out.
            if not features.plain_letters:
                return True
            if any(word in features.lowered for word in self.folded):
                return True
        return any(run.search(features.text) for run in self.runs)


@dataclass(frozen=True)
class Prefilter:
    words: tuple[str, ...]  # each must occur in the text (lower-cased when ignore_case)
    digit: bool
    ignore_case: bool
    any_of: tuple[AnyOf, ...] = ()  # each must be met as well

    def allows(self, features: TextFeatures) -> bool:
        if self.digit and not features.has_digit:
            return False
        if self.ignore_case:
            if features.plain_letters and not all(w in features.lowered for w in self.words):
                return False
        elif not all(word in features.text for word in self.words):
            return False
        return all(clause.met(features) for clause in self.any_of)


_ANY_DIGIT = re.compile(r"\d")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True)
class TextFeatures:
    """Computed once per post for every regex's prefilter."""

    text: str
    lowered: str
    has_digit: bool
    plain_letters: bool  # every letter is ASCII, so lower() agrees with re.IGNORECASE

    @classmethod
    def of(cls, text: str) -> TextFeatures:
        plain = text.isascii() or not any(c.isalpha() for c in _NON_ASCII.findall(text))
        return cls(text, text.lower(), _ANY_DIGIT.search(text) is not None, plain)


def build_prefilter(regex: re.Pattern[str]) -> Prefilter:
    ignore_case = bool(regex.flags & re.IGNORECASE)
    try:
        parsed = sre_parse.parse(regex.pattern, regex.flags)
        clauses = _required(list(parsed), ignore_case)
    except Exception:  # a private parser: on any surprise, filter nothing
        return Prefilter((), False, ignore_case)
    words: list[str] = []
    digit = False
    any_of: list[AnyOf] = []
    for clause in clauses:
        (item,) = clause if len(clause) == 1 else (None,)
        if item is not None and item.text == DIGIT:
            digit = True
        elif item is not None and not item.width and item.folded == ignore_case:
            words.append(item.text)
        else:
            any_of.append(_compile(clause))
    return Prefilter(tuple(sorted(words)), digit, ignore_case, tuple(any_of))


def _compile(clause: Clause) -> AnyOf:
    ordered = sorted(clause, key=lambda i: (i.text, i.folded))
    words = [i for i in ordered if not i.width]
    return AnyOf(
        exact=tuple(i.text for i in words if not i.folded and i.text != DIGIT),
        folded=tuple(i.text for i in words if i.folded),
        digit=any(i.text == DIGIT for i in words),
        runs=tuple(
            re.compile(i.text, re.IGNORECASE if i.folded else 0) for i in ordered if i.width
        ),
    )


def _required(items: list[tuple[Any, Any]], folded: bool) -> set[Clause]:
    """Clauses every match of this sequence meets: runs of literal characters, DIGIT, and for
    alternatives one item from each branch. `folded`: the regex ignores case here."""
    found: set[Clause] = set()
    run: list[str] = []
    # Consecutive single-character matchers, literal or class, as regex source (`[\s][\s]`).
    chars: list[str] = []

    def close_run() -> None:
        if run:
            text = "".join(run)
            found.add(frozenset([Item(text.lower() if folded else text, folded)]))
        run.clear()

    def close_chars() -> None:
        # Worth a search of its own only when it says more than its literal runs do.
        if len(chars) >= 2 and any(c.startswith("[") for c in chars):
            found.add(frozenset([Item("".join(chars), folded, len(chars))]))
        chars.clear()

    for op, arg in items:
        if op is sre.LITERAL:
            char = chr(arg)
            chars.append(re.escape(char))
            if folded and not char.isascii():
                close_run()  # Unicode case folding is not str.lower(): leave it out
            else:
                run.append(char)
            continue
        close_run()
        if op is sre.IN and (source := _class_source(arg)) is not None:
            chars.append(source)
        else:
            close_chars()
        if op is sre.IN and _digits_only(arg):
            found.add(frozenset([Item(DIGIT)]))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1:
            found |= _required(list(arg[2]), folded)
        elif op is sre.SUBPATTERN:
            add_flags, del_flags = arg[1], arg[2]
            inner = (folded or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            found |= _required(list(arg[3]), inner)
        elif op is sre.ASSERT:
            # A positive lookaround matches real text too, so what it needs, the text needs.
            found |= _required(list(arg[1]), folded)
        elif op is sre.BRANCH:
            found |= _either(arg[1], folded)
    close_run()
    close_chars()
    return found


_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}


def _class_source(members: list[tuple[Any, Any]]) -> str | None:
    """A character class written back as regex source (`[A-Z0-9]`), or None if it uses
    anything unusual."""
    parts: list[str] = []
    for op, arg in members:
        if op is sre.NEGATE and not parts:
            parts.append("^")
        elif op is sre.LITERAL:
            parts.append(re.escape(chr(arg)))
        elif op is sre.RANGE:
            parts.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif op is sre.CATEGORY and arg in _CATEGORIES:
            parts.append(_CATEGORIES[arg])
        else:
            return None
    return f"[{''.join(parts)}]" if parts and parts != ["^"] else None


def _either(branches: list[Any], folded: bool) -> set[Clause]:
    """One clause for a set of alternatives: from each branch, its most telling clause (longest
    shortest item); nothing when some branch needs nothing."""
    clause: set[Item] = set()
    for branch in branches:
        options = _required(list(branch), folded)
        if not options:
            return set()
        clause |= max(options, key=lambda c: (min(i.length() for i in c), -len(c)))
    return {frozenset(clause)} if clause else set()


def _digits_only(members: list[tuple[Any, Any]]) -> bool:
    for op, arg in members:
        if op is sre.CATEGORY and arg is sre.CATEGORY_DIGIT:
            continue
        if op is sre.RANGE and ord("0") <= arg[0] <= arg[1] <= ord("9"):
            continue
        if op is sre.LITERAL and chr(arg).isdigit():
            continue
        return False
    return bool(members)
