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
# Hedges: the sentence passes a claim on rather than asserting it. Verbs of claiming and accusing
# count only with what makes them reporting ("claims that", "accused of"): the bare nouns are
# ordinary words ("fiddles his mileage claims", "the accused").
HEDGES = frozenset(
    tuple(phrase.split())
    for phrase in (
        "allegedly",
        "alleged",
        "reportedly",
        "rumoured",
        "rumored",
        "rumour",
        "rumor",
        "apparently",
        "supposedly",
        "claims that",
        "claimed that",
        "claiming that",
        "claim that",
        "accused of",
        "been accused",
        "was accused",
        "were accused",
        "according to",
        "reports say",
        "sources say",
        "reported that",
        "it is reported",
        "is said to",
        "are said to",
    )
)
HEDGE_LENGTHS = sorted({len(h) for h in HEDGES})
QUOTES = frozenset({'"', "'", "“", "”", "‘", "’", "«", "»", "„", "''", "``"})
CUE_WORDS = NEGATIONS | {w for phrase in HEDGES for w in phrase}
# A quotation shields its words when it reports or condemns them. A group chat pasted in to share
# it ('from our gc: "..." lmaooo') does not: the post names a chat before the quote and nowhere
# condemns what it quotes or marks it as banter between friends ("love these people").
REPOST_SOURCES = frozenset({"gc", "gcs", "groupchat", "groupchats"})
DISTANCING = frozenset(
    {
        "reported",
        "report",
        "reporting",
        "unacceptable",
        "disgusting",
        "vile",
        "sickening",
        "appalling",
        "shameful",
        "disgraceful",
        "horrible",
        "awful",
        "gross",
        "wrong",
        "bullying",
        "screenshotted",
        "love",
        "luv",
        "bless",
    }
)
