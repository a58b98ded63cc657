"""What a regex needs to find in a text before it can possibly match, worked out once at compile
time from the parsed pattern: literal words it must contain, and whether it needs a digit.

Running a dozen validated regexes over every post costs more than all the phrase lists together,
yet most posts contain no digit and none of a pattern's required words ("password", "ucas", "@").
A `Prefilter` answers "could this regex match here?" with a substring test or two; it only ever
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
class Prefilter:
    words: tuple[str, ...]  # each must occur in the text (lower-cased when ignore_case)
    digit: bool
    ignore_case: bool

    def allows(self, features: TextFeatures) -> bool:
        if self.digit and not features.has_digit:
            return False
        if self.ignore_case:
            if not features.plain_letters:
                return True  # re's case folding may match letters that str.lower() does not
            return all(word in features.lowered for word in self.words)
        return all(word in features.text for word in self.words)


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
    except Exception:  # a private parser: on any surprise, filter nothing
        return Prefilter((), False, ignore_case)
    required = _required(list(parsed))
    words = tuple(w.lower() if ignore_case else w for w in required if w != DIGIT)
    return Prefilter(words, DIGIT in required, ignore_case)


def _required(items: list[tuple[Any, Any]], words: bool = True) -> set[str]:
    """Items every match of this sequence contains: runs of literal characters (unless `words`
    is false), and DIGIT."""
    found: set[str] = set()
    run: list[str] = []

    def close_run() -> None:
        if run and words:
            found.add("".join(run))
        run.clear()

    for op, arg in items:
        if op is sre.LITERAL:
            run.append(chr(arg))
            continue
        close_run()
        if op is sre.IN and _digits_only(arg):
            found.add(DIGIT)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1:
            found |= _required(list(arg[2]), words)
        elif op is sre.SUBPATTERN:
            # An inline flag group ("(?i:pass)") changes case rules inside: keep only DIGIT.
            scoped = (arg[1] | arg[2]) & re.IGNORECASE
            found |= _required(list(arg[3]), words and not scoped)
        elif op is sre.BRANCH:
            branches = [_required(list(b), words) for b in arg[1]]
            found |= set.intersection(*branches) if branches else set()
    close_run()
    return found


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
