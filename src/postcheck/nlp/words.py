"""Is a token a real English word? (the dictionary guard for fuzzy matching and passwords)."""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

# Zipf 2.5 ≈ once per 3 million words: rare real words pass, typos and made-up strings do not.
WORD_ZIPF = 2.5


@lru_cache(maxsize=65536)
def is_word(text: str) -> bool:
    """True when `text` (any case) is a reasonably common English word."""
    if not text.isalpha():
        return False
    return zipf_frequency(text.lower(), "en") >= WORD_ZIPF


def word_frequency(text: str) -> float:
    """Zipf frequency of a word (0 for unknown): how common it is in English."""
    return float(zipf_frequency(text.lower(), "en"))
