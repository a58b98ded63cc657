"""De-obfuscation of single tokens: turns `f*ck`, `sh1t`, `fuuuck`, `ƒυck` into plain words.

Only the token's normalised form changes; its characters and offsets in the original text never
do. Risky rewrites (masks, leetspeak, collapsed repeats, joined letters) are accepted only when
they produce a word the rule pack is looking for (`targets`), so a clean dictionary word is never
turned into a different word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from spacy.strings import StringStore

# Look-alike letters from Cyrillic and Greek (Unicode confusables that NFKC leaves alone).
CONFUSABLES = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
        "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i",
        "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ɡ": "g", "ʏ": "y",
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
        "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ω": "w", "ƒ": "f", "ß": "ss",
        # Phone keyboards type curly apostrophes: "don’t" must read as "don't".
        "’": "'", "‘": "'", "ʼ": "'",
    }
)  # fmt: skip
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)
LEET = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s",
        "!": "i", "|": "il", "8": "b", "9": "g", "€": "e", "+": "t"}  # fmt: skip
MASK_CHARS = set("*#_%.-~?^•·")
_REPEATS = re.compile(r"(\w)\1{2,}")
_SEPARATED = re.compile(r"^(?:\w[.\-_*·•]){2,}\w[.\-_*·•]?$")


def basic_form(text: str) -> str:
    """NFKC, no zero-width characters, confusables mapped, accents dropped, lower-cased."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKC", text).translate(ZERO_WIDTH).lower()
    text = text.translate(CONFUSABLES)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Deobfuscator:
    """Maps a token's text to its normalised form, caching by text (tokens repeat a lot)."""

    def __init__(self, targets: Iterable[str], preferred: Sequence[str] = ()) -> None:
        """`preferred` words win when a mask fits several targets, earlier ones first."""
        self.targets = frozenset(t for t in targets if t.isalpha())
        rank = {word: i for i, word in enumerate(preferred)}
        self._taboo = frozenset(preferred)
        self._by_length: dict[int, list[str]] = {}
        for word in self.targets:
            self._by_length.setdefault(len(word), []).append(word)
        for words in self._by_length.values():
            words.sort(key=lambda w: (rank.get(w, len(rank)), w))
        self._cache: dict[str, str] = {}

    @staticmethod
    def norm_id(norm: str, strings: StringStore) -> int:
        """The string-store hash of a norm. Added every time, not cached: inside a spaCy
        `memory_zone` the store forgets it when the zone ends, and must learn it again."""
        return int(strings.add(norm))

    def __call__(self, text: str) -> str:
        cached = self._cache.get(text)
        if cached is None:
            cached = self._normalise(text)
            if len(self._cache) < 200_000:
                self._cache[text] = cached
        return cached

    def _normalise(self, text: str) -> str:
        form = basic_form(text)
        if form.isalpha() and not _REPEATS.search(form):
            return form
        # "@ryan" is a mention, not leetspeak for the name "aryan"; only an offensive word
        # ("@ss") is worth reading through a leading "@".
        mention = form[:1] == "@"
        for candidate in self._candidates(form):
            if candidate in self.targets and (not mention or candidate in self._taboo):
                return candidate
        return form

    def _candidates(self, form: str) -> Iterable[str]:
        if _SEPARATED.match(form):  # f.u.c.k, s-h-i-t
            form = re.sub(r"[.\-_*·•]", "", form)
            yield form
        for variant in self._leet_variants(form):
            yield variant
            yield _REPEATS.sub(r"\1", variant)
            yield _REPEATS.sub(r"\1\1", variant)
            masked = self._unmask(variant)
            if masked:
                yield masked

    @staticmethod
    def _leet_variants(form: str, limit: int = 16) -> list[str]:
        """Letters for digits/symbols; a token that is all digits or symbols is left alone."""
        if not any(c.isalpha() for c in form):
            return [form]
        variants = [""]
        for char in form:
            options = LEET.get(char, char) if not char.isalpha() else char
            variants = [v + o for v in variants for o in options][:limit]
        return variants if variants != [form] else [form]

    def _unmask(self, form: str) -> str | None:
        """`f*ck`, `f**k`, `sh_t`: mask characters stand for one letter each."""
        if not any(c in MASK_CHARS for c in form) or not form[0].isalpha():
            return None
        core = form.rstrip(".?")
        if not any(c in MASK_CHARS for c in core):
            return None
        pattern = re.compile("".join("[a-z]" if c in MASK_CHARS else re.escape(c) for c in core))
        letters = sum(c.isalpha() for c in core)
        if letters < 1 or letters < len(core) / 3:
            return None  # '***' or 'a**' is too little to go on
        for word in self._by_length.get(len(core), []):
            if pattern.fullmatch(word):
                return word
        return None
