"""Context cues that change a match: negation, hedging (a cited source), quotation marks."""

from __future__ import annotations

NEGATIONS = frozenset(
    [
        "not",
        "n't",
        "never",
        "no",
        "nobody",
        "none",
        "nothing",
        "neither",
        "nor",
        "without",
        "hardly",
        "cannot",
        "nt",
        "isnt",
        "wasnt",
        "didnt",
        "doesnt",
        "dont",
        "aint",
    ]
)
# Single-word hedges; "according to" and "claims that" are handled as two-word cues.
HEDGES = frozenset(
    [
        "allegedly",
        "alleged",
        "reportedly",
        "rumoured",
        "rumored",
        "rumour",
        "rumor",
        "apparently",
        "supposedly",
        "accused",
        "claims",
        "claimed",
        "claim",
    ]
)
HEDGE_BIGRAMS = frozenset({("according", "to"), ("reports", "say"), ("sources", "say")})
QUOTES = frozenset({'"', "'", "“", "”", "‘", "’", "«", "»", "„", "''", "``"})
CUE_WORDS = NEGATIONS | HEDGES | {w for pair in HEDGE_BIGRAMS for w in pair}
