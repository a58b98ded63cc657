"""Streaming CSV reading with physical line numbers, encoding fallback and size limits."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from postcheck.sources.archive import Tree
from postcheck.sources.decoding import LineDecoder, bounded_lines
from postcheck.sources.errors import Problem, ReadError, SourceWarning
from postcheck.sources.limits import Limits


@dataclass(frozen=True)
class CsvRow:
    """One parsed row and the physical line it starts on (the header is line 1)."""

    line: int
    cells: list[str]


def _delimiter(header: str) -> str:
    # Exports use commas; spreadsheets saved in some locales use semicolons or tabs.
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _raise_field_limit(limit: int) -> None:
    # The module-wide limit is only ever raised, so other users of `csv` are unaffected.
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def read_csv(
    tree: Tree, name: str, limits: Limits, *, escapechar: str | None = None
) -> Iterator[CsvRow | ReadError | SourceWarning]:
    """Yield the header row, then every row, one at a time, with problems as they occur.

    Lines are decoded as UTF-8, falling back to Windows-1252 with a warning (Excel's habit).
    A physical line over `limits.max_record_bytes` is skipped unread with a `ReadError`.
    """
    source = tree.label(name)
    try:
        stream = tree.open(name)
    except Problem as problem:
        yield problem.to_error(source)
        return
    _raise_field_limit(limits.max_record_bytes)
    pending: list[ReadError | SourceWarning] = []
    row_start: list[int | None] = [None]
    decoder = LineDecoder(legacy_fallback=True)

    def lines() -> Iterator[str]:
        for number, raw in bounded_lines(stream, limits.max_record_bytes):
            if raw is None:
                pending.append(
                    ReadError(
                        source=source,
                        location=f"line {number}",
                        reason=f"record too large: over {limits.max_record_bytes} bytes, not read",
                    )
                )
                continue
            try:
                text = decoder.decode(raw)
            except Problem as problem:
                pending.append(problem.to_error(source, f"line {number}"))
                continue
            if decoder.warning:
                pending.append(SourceWarning(source=source, message=decoder.warning))
                decoder.warning = None
            if row_start[0] is None:
                row_start[0] = number
            yield text

    with stream:
        feed = lines()
        try:
            first = next(feed, None)
        except Problem as problem:
            yield problem.to_error(source)
            return
        yield from pending
        pending.clear()
        if first is None:
            return
        reader = csv.reader(
            itertools.chain([first], feed),
            delimiter=_delimiter(first),
            escapechar=escapechar,
        )
        while True:
            row_start[0] = None
            try:
                cells = next(reader)
            except StopIteration:
                yield from pending
                return
            except Problem as problem:  # the stream itself is damaged: nothing more to read
                yield from pending
                yield problem.to_error(source)
                return
            except csv.Error as exc:
                yield from pending
                pending.clear()
                yield ReadError(
                    source=source,
                    location=f"line {row_start[0] or '?'}",
                    reason=f"malformed CSV: {exc}",
                )
                continue
            yield from pending
            pending.clear()
            if cells:
                yield CsvRow(
                    row_start[0] or 0,
                    [c.lstrip("\ufeff") if i == 0 else c for i, c in enumerate(cells)],
                )


def find_column(header: list[str], *candidates: str) -> int | None:
    """Index of the first of `candidates` in `header` (case- and space-insensitive)."""
    folded = [h.strip().casefold() for h in header]
    for candidate in candidates:
        key = candidate.strip().casefold()
        if key in folded:
            return folded.index(key)
    return None


def cell(cells: list[str], index: int | None) -> str | None:
    """The cell at `index`, or None when the column is absent or the row is short."""
    if index is None or index >= len(cells):
        return None
    return cells[index]
