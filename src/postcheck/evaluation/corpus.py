"""Reading evaluation data, streaming: labelled JSONL corpora and binary-labelled TSV/CSV sets.

Every problem is an `InputError` naming the file, the line and the field, so `postcheck eval`
can print it as one line and exit 2.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from postcheck.errors import ErrorCode, InputError
from postcheck.models import Context
from postcheck.taxonomy import Category

CATEGORIES = frozenset(c.value for c in Category)
CONTEXT_KEYS = ("account", "direction", "platform", "author_role", "bio")


@dataclass(frozen=True)
class LabelledPost:
    id: str
    text: str
    context: Context
    labels: frozenset[str]
    acceptable: frozenset[str]
    line: int


@dataclass(frozen=True)
class BinaryItem:
    id: str
    text: str
    positive: bool
    line: int


def _error(path: Path, line: int | None, field: str | None, message: str) -> InputError:
    return InputError(ErrorCode.BAD_INPUT, message, file=str(path), line=line, field=field)


def _open(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            yield from enumerate(handle, start=1)
    except FileNotFoundError:
        raise _error(path, None, None, "file not found") from None
    except IsADirectoryError:
        raise _error(path, None, None, "is a directory, not a file") from None
    except UnicodeDecodeError as exc:
        raise _error(path, None, None, f"not UTF-8 text (byte {exc.start})") from None


def _categories(path: Path, line: int, field: str, value: object) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _error(path, line, field, "expected a list of category names")
    unknown = sorted(set(value) - CATEGORIES)
    if unknown:
        raise _error(path, line, field, f"unknown category {unknown[0]!r}")
    return frozenset(value)


def read_labelled(path: Path) -> Iterator[LabelledPost]:
    """Posts of a labelled JSONL corpus (`text`, `labels`, optional `acceptable`, `id` and the
    context keys of the machine contract), one at a time; blank lines are skipped."""
    for line_no, line in _open(path):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise _error(path, line_no, None, f"invalid JSON: {exc.msg}") from None
        if not isinstance(row, dict):
            raise _error(path, line_no, None, "expected a JSON object")
        text = row.get("text")
        if not isinstance(text, str):
            raise _error(path, line_no, "text", "missing or not a string")
        if "labels" not in row:
            raise _error(path, line_no, "labels", "missing (use [] for a clean post)")
        labels = _categories(path, line_no, "labels", row["labels"])
        acceptable = _categories(path, line_no, "acceptable", row.get("acceptable"))
        fields = {k: row[k] for k in CONTEXT_KEYS if row.get(k) is not None}
        try:
            context = Context(**fields)
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or None
            raise _error(path, line_no, field, first["msg"]) from None
        post_id = row.get("id")
        yield LabelledPost(
            id=str(post_id) if post_id is not None else f"line-{line_no}",
            text=text,
            context=context,
            labels=labels,
            acceptable=acceptable,
            line=line_no,
        )


DELIMITERS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


def _delimiter(path: Path, choice: str, header: str) -> str:
    if choice in DELIMITERS:
        return DELIMITERS[choice]
    if choice != "auto":
        raise _error(path, None, "--delimiter", f"choose auto or one of {', '.join(DELIMITERS)}")
    suffix = path.suffix.lower()
    if suffix in (".tsv", ".tab"):
        return "\t"
    if suffix == ".csv":
        return ","
    return "\t" if header.count("\t") >= header.count(",") else ","


def read_binary(
    path: Path,
    *,
    text_column: str,
    label_column: str,
    positive_labels: Sequence[str],
    id_column: str | None = None,
    delimiter: str = "auto",
) -> Iterator[BinaryItem]:
    """Rows of a TSV/CSV file with a header, one at a time. Tab-separated files are read without
    quote processing (tweets contain stray quotation marks); CSV files use standard quoting."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    lines = _open(path)
    first = next(lines, None)
    if first is None:
        raise _error(path, 1, None, "empty file: expected a header row")
    sep = _delimiter(path, delimiter, first[1])
    quoting: Literal[0, 1, 2, 3] = csv.QUOTE_NONE if sep == "\t" else csv.QUOTE_MINIMAL
    header = next(csv.reader([first[1]], delimiter=sep, quoting=quoting))
    header = [h.strip().lstrip("\ufeff") for h in header]
    for name, option in ((text_column, "--text-column"), (label_column, "--label-column")):
        if name not in header:
            raise _error(path, 1, option, f"no column {name!r} in the header ({', '.join(header)})")
    text_at, label_at = header.index(text_column), header.index(label_column)
    id_at = header.index(id_column) if id_column and id_column in header else None
    wanted = {p.strip().lower() for p in positive_labels}
    # csv handles quoted fields spanning lines; feed it the remaining lines and track numbers.
    line_of = [first[0]]

    def rest() -> Iterator[str]:
        for number, text in lines:
            line_of[0] = number
            yield text

    for row in csv.reader(rest(), delimiter=sep, quoting=quoting):
        number = line_of[0]
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) <= max(text_at, label_at):
            raise _error(
                path,
                number,
                label_column if len(row) > text_at else text_column,
                f"row has {len(row)} fields, the header has {len(header)}",
            )
        label = row[label_at].strip()
        if not label:
            raise _error(path, number, label_column, "empty label")
        item_id = row[id_at] if id_at is not None and id_at < len(row) else f"line-{number}"
        text = _unwrap(row[text_at]) if sep == "\t" else row[text_at]
        yield BinaryItem(id=item_id, text=text, positive=label.lower() in wanted, line=number)


def _unwrap(field: str) -> str:
    """A tab-separated field written by a spreadsheet: one that holds quotation marks is wrapped
    in quotes with each inner quote doubled (OLID does this). Undo it only when the field is
    consistently escaped, so a tweet that merely starts and ends with a quote is kept as it is."""
    if len(field) < 2 or field[0] != '"' or field[-1] != '"':
        return field
    inner = field[1:-1]
    if '"' in inner.replace('""', ""):
        return field
    return inner.replace('""', '"')
