"""Deterministic folds: `K/N` keeps the items whose 0-based position i satisfies i % N == K-1.

Folds depend only on the order of the input, never on a random seed, so a rule author can tune
on fold 1/2 and check on fold 2/2, and everybody gets the same rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

_FOLD = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


@dataclass(frozen=True)
class Fold:
    """Fold `index` (1-based) of `count`."""

    index: int
    count: int

    def __post_init__(self) -> None:
        if self.count < 1:
            raise ValueError(f"the number of folds must be at least 1, got {self.count}")
        if not 1 <= self.index <= self.count:
            raise ValueError(f"the fold must be between 1 and {self.count}, got {self.index}")

    def keeps(self, position: int) -> bool:
        """Whether the item at 0-based `position` belongs to this fold."""
        return position % self.count == self.index - 1

    def select(self, items: Iterable[T]) -> Iterator[T]:
        """The items of this fold, in input order (streaming)."""
        for position, item in enumerate(items):
            if self.keeps(position):
                yield item

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def parse_fold(value: str) -> Fold:
    """`"1/2"` -> Fold(1, 2); ValueError with a readable message for anything else."""
    found = _FOLD.fullmatch(value)
    if found is None:
        raise ValueError(f"expected K/N (e.g. 1/2), got {value!r}")
    return Fold(int(found.group(1)), int(found.group(2)))
