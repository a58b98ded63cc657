"""Loading platform JSON files and taking them apart safely.

Platform exports are split into parts of modest size, so each part is parsed whole (after a
size check); the helpers here turn every surprise (truncation, wrong shape) into a `Problem`
with a plain-English reason instead of a crash.
"""

from __future__ import annotations

import json
from typing import Any

from postcheck.sources.archive import Tree
from postcheck.sources.decoding import decode_document
from postcheck.sources.errors import Problem
from postcheck.sources.limits import Limits


def parse_json(text: str, *, js_assignment: bool = False) -> Any:
    """Parse a JSON document; with `js_assignment`, skip an X archive's `window.YTD... = `.

    Errors become `Problem`s located by line: a document that stops early is reported as
    "truncated JSON" because that is what an interrupted download or copy looks like.
    """
    start = 0
    if js_assignment:
        # `window.YTD.tweets.part0 = [ ... ]`: the data starts after the assignment.
        equals = text.find("=")
        bracket = min((i for i in (text.find("["), text.find("{")) if i >= 0), default=-1)
        if equals >= 0 and (bracket < 0 or equals < bracket):
            start = equals + 1
    while start < len(text) and text[start] in " \t\r\n\ufeff":
        start += 1
    if start >= len(text):
        raise Problem("empty file: no JSON data")
    try:
        value, end = json.JSONDecoder().raw_decode(text, start)
    except json.JSONDecodeError as exc:
        rest = text[exc.pos :].strip()
        truncated = not rest or exc.msg.startswith("Unterminated string")
        if truncated:
            raise Problem("truncated JSON: unexpected end of data", f"line {exc.lineno}") from exc
        raise Problem(
            f"invalid JSON: {exc.msg} (column {exc.colno})", f"line {exc.lineno}"
        ) from exc
    trailing = text[end:].strip().rstrip(";").strip()
    if trailing:
        line = text.count("\n", 0, end) + 1
        raise Problem("invalid JSON: unexpected data after the end of the document", f"line {line}")
    return value


def load_json(tree: Tree, name: str, limits: Limits, *, js_assignment: bool = False) -> Any:
    """Read, decode (UTF-8 only) and parse one JSON member of an export."""
    data = tree.read_bytes(name, limits.max_json_file_bytes)
    text, _ = decode_document(data, legacy_fallback=False)
    return parse_json(text, js_assignment=js_assignment)


def fix_mojibake(text: str) -> str:
    """Undo Meta's double encoding ("cafÃ©" -> "café"); the original if it was not mojibake."""
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def repair_strings(value: Any) -> Any:
    """Apply `fix_mojibake` to every string (keys too) in a parsed JSON value."""
    if isinstance(value, str):
        return fix_mojibake(value)
    if isinstance(value, list):
        return [repair_strings(v) for v in value]
    if isinstance(value, dict):
        return {fix_mojibake(k): repair_strings(v) for k, v in value.items()}
    return value


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    return "a number" if isinstance(value, int | float) else type(value).__name__


def expect_list(value: Any, what: str, location: str | None = None) -> list[Any]:
    """`value` if it is a JSON array, else a `Problem` saying what was found instead."""
    if isinstance(value, list):
        return value
    raise Problem(f"unexpected shape: expected an array of {what}, found {_kind(value)}", location)


def expect_dict(value: Any, what: str, location: str | None = None) -> dict[str, Any]:
    """`value` if it is a JSON object, else a `Problem` saying what was found instead."""
    if isinstance(value, dict):
        return value
    raise Problem(f"unexpected shape: expected {what} object, found {_kind(value)}", location)


def get_ci(obj: Any, *keys: str) -> Any:
    """The value of the first of `keys` present in `obj`, matching keys case-insensitively."""
    if not isinstance(obj, dict):
        return None
    for key in keys:
        if key in obj:
            return obj[key]
    lowered = {k.lower(): v for k, v in obj.items() if isinstance(k, str)}
    for key in keys:
        if key.lower() in lowered:
            return lowered[key.lower()]
    return None


def get_path(obj: Any, *path: str) -> Any:
    """Follow `path` through nested objects case-insensitively; None when a step is missing."""
    for step in path:
        obj = get_ci(obj, step)
        if obj is None:
            return None
    return obj


def string(value: Any) -> str | None:
    """A non-empty string (numbers are rendered), else None."""
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None
