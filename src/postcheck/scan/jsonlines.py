"""Reading back the JSONL files a scan wrote (for `--baseline` and `--resume`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from postcheck.errors import ErrorCode, InputError


def complete_length(path: Path) -> int:
    """Bytes up to the end of the last complete line (an interrupted write leaves a partial one)."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        pos = size
        chunk = 64 * 1024
        while pos > 0:
            start = max(0, pos - chunk)
            fh.seek(start)
            block = fh.read(pos - start)
            cut = block.rfind(b"\n")
            if cut >= 0:
                return start + cut + 1
            pos = start
    return 0


def read_lines(path: Path, *, option: str, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Each complete line of a scan's JSONL output as a dict; a bad line is an input error."""
    end = complete_length(path) if limit is None else limit
    with path.open("rb") as fh:
        done = 0
        for number, raw in enumerate(fh, 1):
            done += len(raw)
            if done > end:
                return  # a trailing partial line: the scan that wrote it was interrupted
            try:
                data = json.loads(raw)
            except ValueError:
                data = None
            if not isinstance(data, dict) or not isinstance(data.get("seq"), int):
                raise InputError(
                    ErrorCode.BAD_INPUT,
                    "not a line of `postcheck scan --format jsonl` output",
                    file=str(path),
                    line=number,
                    field=option,
                )
            yield data
