"""Plural and verb-form variants of a term's last word (`variants: true` in a phrase list).

Rules are written in base forms ("steal", "thief"); this adds the regular English forms so a
rule author does not have to list them, without a statistical lemmatiser.
"""

from __future__ import annotations

VOWELS = set("aeiou")


def variants(term: str) -> set[str]:
    *head, last = term.split(" ")
    prefix = " ".join(head) + (" " if head else "")
    forms = {last}
    if len(last) < 3 or not last.isalpha():
        return {prefix + f for f in forms}
    if last.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {last + "es", last + "ed", last + "ing"}
    elif last.endswith("y") and last[-2] not in VOWELS:
        forms |= {last[:-1] + "ies", last[:-1] + "ied", last + "ing"}
    elif last.endswith("e"):
        forms |= {last + "s", last + "d", last[:-1] + "ing"}
    else:
        forms |= {last + "s", last + "ed", last + "ing", last + "er", last + "ers"}
        if (
            len(last) <= 5
            and last[-1] not in VOWELS | {"w", "x", "y"}
            and last[-2] in VOWELS
            and last[-3] not in VOWELS
        ):
            forms |= {last + last[-1] + "ed", last + last[-1] + "ing"}  # rob → robbed
    return {prefix + f for f in forms}
