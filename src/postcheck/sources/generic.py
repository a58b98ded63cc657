"""The machine-contract inputs: JSONL lines, CSV rows (drafts, planners) and plain text files.

All three are read line by line so memory stays flat however long the file is; a bad line
becomes a `ReadError` naming the line and the field, and reading goes on with the next line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import StrEnum
from typing import Any

from postcheck.models import Post
from postcheck.sources.archive import Tree
from postcheck.sources.csvread import CsvRow, cell, find_column, read_csv
from postcheck.sources.decoding import LineDecoder, bounded_lines
from postcheck.sources.errors import Item, Problem, ReadError, SourceFormatError, SourceWarning
from postcheck.sources.posts import Options, make_post
from postcheck.taxonomy import Account, AuthorRole, Direction

TEXT_COLUMNS = (
    "text",
    "message_text",
    "Message",
    "content",
    "post",
    "ShareCommentary",
    "Comment Text",
    "body",
    "caption",
)
"""CSV text columns recognised automatically, in order of preference."""

_ENUMS: dict[str, type[StrEnum]] = {
    "account": Account,
    "direction": Direction,
    "author_role": AuthorRole,
}
_STRINGS = ("platform", "bio", "created_at", "url", "in_reply_to")
CONTEXT_FIELDS = ("id", *_ENUMS, *_STRINGS)


def _base(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def _enum(field: str, value: object) -> Any:
    enum = _ENUMS[field]
    if isinstance(value, str):
        try:
            return enum(value.strip().lower())
        except ValueError:
            pass
    allowed = ", ".join(e.value for e in enum)
    raise Problem(f"field '{field}': {json.dumps(value)} is not one of {allowed}")


def _fields_to_post(
    fields: dict[str, Any],
    text: str,
    *,
    default_id: str,
    source: str,
    line: int,
    options: Options,
    meta: dict[str, Any],
) -> Post:
    """A post from the contract's fields (JSONL keys or CSV columns); raises on bad values."""
    context: dict[str, Any] = {}
    for field in _ENUMS:
        if fields.get(field) is not None:
            context[field] = _enum(field, fields[field])
    for field in _STRINGS:
        value = fields.get(field)
        if value is None:
            continue
        if not isinstance(value, str):
            raise Problem(f"field '{field}' must be a string, found {json.dumps(value)}")
        context[field] = value
    raw_id = fields.get("id")
    if (raw_id is not None and not isinstance(raw_id, str | int)) or isinstance(raw_id, bool):
        raise Problem(f"field 'id' must be a string or a number, found {json.dumps(raw_id)}")
    return make_post(
        id=str(raw_id) if raw_id is not None and raw_id != "" else default_id,
        text=text,
        options=options,
        source=source,
        line=line,
        kind="post",
        platform=context.get("platform"),
        account=context.get("account"),
        direction=context.get("direction", Direction.OUTGOING),
        author_role=context.get("author_role"),
        bio=context.get("bio"),
        created_at=context.get("created_at"),
        url=context.get("url"),
        in_reply_to=context.get("in_reply_to"),
        meta=meta,
    )


# ---------------------------------------------------------------- JSONL


def read_jsonl(tree: Tree, name: str, options: Options) -> Iterator[Item]:
    """One post per line: an object with `text` and optional contract fields (see DESIGN.md)."""
    source = tree.label(name)
    limit = options.limits.max_record_bytes
    try:
        stream = tree.open(name)
    except Problem as problem:
        yield problem.to_error(source)
        return
    decoder = LineDecoder(legacy_fallback=False)
    lines = bounded_lines(stream, limit)
    with stream:
        while (entry := _next_line(lines, source)) is not None:
            if isinstance(entry, ReadError):
                yield entry
                return
            number, raw = entry
            location = f"line {number}"
            if raw is None:
                yield ReadError(
                    source=source,
                    location=location,
                    reason=f"record too large: over {limit} bytes, not read",
                )
                continue
            try:
                line = decoder.decode(raw)
                if not line.strip():
                    continue
                post = _jsonl_post(line, source, name, number, options)
            except Problem as problem:
                yield problem.to_error(source, location)
                continue
            yield post


def _next_line(
    lines: Iterator[tuple[int, bytes | None]], source: str
) -> tuple[int, bytes | None] | ReadError | None:
    """The next line, None at the end, or a `ReadError` when the stream itself is damaged."""
    try:
        return next(lines, None)
    except Problem as problem:
        return problem.to_error(source)


def _jsonl_post(line: str, source: str, name: str, number: int, options: Options) -> Post:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise Problem(f"not JSON: {exc.msg} (column {exc.colno})") from exc
    if not isinstance(obj, dict):
        found = "an array" if isinstance(obj, list) else json.dumps(obj)[:40]
        raise Problem(f"not a JSON object (found {found})")
    if "text" not in obj:
        raise Problem("missing field 'text'")
    text = obj["text"]
    if not isinstance(text, str):
        raise Problem(f"field 'text' must be a string, found {json.dumps(text)[:40]}")
    meta = {k: v for k, v in obj.items() if k not in CONTEXT_FIELDS and k not in ("text", "meta")}
    if isinstance(obj.get("meta"), dict):
        meta = obj["meta"] | meta
    elif "meta" in obj:
        meta["meta"] = obj["meta"]
    return _fields_to_post(
        obj,
        text,
        default_id=f"{_base(name)}:{number}",
        source=source,
        line=number,
        options=options,
        meta=meta,
    )


# ---------------------------------------------------------------- CSV


def text_column_index(header: list[str], text_column: str | None, source: str) -> int:
    """Where the post text is: `text_column` if given, else the first known alias.

    Raises `SourceFormatError` naming the columns that were found, so the user can pass the
    right one with `text_column`.
    """
    found = ", ".join(h.strip() for h in header) or "(none)"
    if text_column is not None:
        index = find_column(header, text_column)
        if index is None:
            raise SourceFormatError(
                f"{source}: no column named '{text_column}'; columns found: {found}"
            )
        return index
    index = find_column(header, *TEXT_COLUMNS)
    if index is None:
        raise SourceFormatError(
            f"{source}: no text column found (expected one of {', '.join(TEXT_COLUMNS)}, "
            f"or choose one with text_column); columns found: {found}"
        )
    return index


def read_generic_csv(tree: Tree, name: str, options: Options) -> Iterator[Item]:
    """One post per row; the text column is found by name, other contract columns map to context."""
    source = tree.label(name)
    header: list[str] | None = None
    text_index = 0
    columns: dict[str, int] = {}
    for event in read_csv(tree, name, options.limits):
        if not isinstance(event, CsvRow):
            yield event
            continue
        if header is None:
            header = [h.strip() for h in event.cells]
            try:
                text_index = text_column_index(header, options.text_column, source)
            except SourceFormatError as exc:
                yield ReadError(source=source, location="line 1", reason=_after_source(exc))
                return
            for field in CONTEXT_FIELDS:
                index = find_column(header, field)
                if index is not None and index != text_index:
                    columns[field] = index
            continue
        text = cell(event.cells, text_index)
        if text is None or not text.strip():
            continue  # blank rows and image-only drafts have nothing to check
        fields = {f: v for f, i in columns.items() if (v := cell(event.cells, i))}
        used = {text_index, *columns.values()}
        meta = {
            header[i] if i < len(header) else f"column {i + 1}": v
            for i, v in enumerate(event.cells)
            if i not in used and v != ""
        }
        try:
            yield _fields_to_post(
                fields,
                text,
                default_id=f"{_base(name)}:{event.line}",
                source=source,
                line=event.line,
                options=options,
                meta=meta,
            )
        except Problem as problem:
            yield problem.to_error(source, f"line {event.line}")


def _after_source(exc: SourceFormatError) -> str:
    message = str(exc)
    return message.split(": ", 1)[1] if ": " in message else message


# ---------------------------------------------------------------- plain text


def _paragraphs(
    tree: Tree, name: str, options: Options
) -> Iterator[tuple[int, str] | ReadError | SourceWarning]:
    """`(first_line, text)` for each blank-line-separated paragraph, read line by line."""
    source = tree.label(name)
    limit = options.limits.max_record_bytes
    try:
        stream = tree.open(name)
    except Problem as problem:
        yield problem.to_error(source)
        return
    decoder = LineDecoder(legacy_fallback=True)
    lines: list[str] = []
    start = 0
    size = 0
    oversized = False

    def flush() -> Iterator[tuple[int, str] | ReadError]:
        if oversized:
            yield ReadError(
                source=source,
                location=f"line {start}",
                reason=f"paragraph too large: over {limit} bytes, not read",
            )
        elif lines:
            yield start, "".join(lines).strip()

    lines_in = bounded_lines(stream, limit)
    with stream:
        while (entry := _next_line(lines_in, source)) is not None:
            if isinstance(entry, ReadError):
                yield entry
                return
            number, raw = entry
            try:
                text = decoder.decode(raw) if raw is not None else None
            except Problem as problem:
                yield problem.to_error(source, f"line {number}")
                continue
            if decoder.warning:
                yield SourceWarning(source=source, message=decoder.warning)
                decoder.warning = None
            if text is not None and not text.strip():
                yield from flush()
                lines, size, oversized = [], 0, False
                continue
            if not lines and not oversized:
                start = number
            size += len(raw) if raw is not None else limit + 1
            if size > limit:
                oversized, lines = True, []
            elif text is not None:
                lines.append(text)
        yield from flush()


def read_text(tree: Tree, name: str, options: Options) -> Iterator[Item]:
    """One post per file, or one per paragraph when the file has several paragraphs."""
    source = tree.label(name)
    first: tuple[int, str] | None = None
    count = 0
    for item in _paragraphs(tree, name, options):
        if not isinstance(item, tuple):
            yield item
            continue
        count += 1
        if count == 1:
            first = item  # held back until we know whether a second paragraph follows
            continue
        if count == 2 and first is not None:
            yield _text_post(name, source, options, first, 1)
        yield _text_post(name, source, options, item, count)
    if count == 1 and first is not None:
        yield _text_post(name, source, options, first, None)


def _text_post(
    name: str, source: str, options: Options, para: tuple[int, str], number: int | None
) -> Post:
    line, text = para
    return make_post(
        id=_base(name) if number is None else f"{_base(name)}:{number}",
        text=text,
        options=options,
        platform=None,
        source=source,
        record=number,
        line=line,
        kind="post",
    )
