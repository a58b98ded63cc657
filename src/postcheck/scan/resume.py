"""`--resume`: continue an interrupted JSONL output without duplicating or losing a record.

The JSONL sink writes whole lines and flushes each, so an interrupted scan leaves complete lines
and at most one partial last line. Resuming: drop the partial line, read the `seq` of the last
complete line, re-read the input up to that record WITHOUT checking it, verify each written line
against the record it claims to be (id and origin, or the error's source and location) so a
changed input is caught, and append the rest. Records skipped this way are replayed from the
file into the summary and the other outputs, so they cover the whole scan.

With `--only-flagged` a clean post has no line; it is replayed as a clean report.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from postcheck.engine.checker import build_report
from postcheck.errors import ErrorCode, InputError
from postcheck.models import Post, RulesetInfo
from postcheck.scan.events import Checked, Event, Unreadable, origin_dict, report_from_json
from postcheck.scan.jsonlines import complete_length, read_lines
from postcheck.sources import ReadError


def _mismatch(path: Path, message: str) -> InputError:
    return InputError(
        ErrorCode.BAD_INPUT,
        f"{message}; was the input or the rule pack changed since the interrupted scan?",
        file=str(path),
        field="--resume",
    )


class Resumer:
    """Matches the start of the input against an interrupted output and replays it."""

    def __init__(self, path: Path, ruleset: RulesetInfo, *, only_flagged: bool) -> None:
        self.path = path
        self.ruleset = ruleset
        self.only_flagged = only_flagged
        keep = complete_length(path) if path.exists() else 0
        if path.exists() and keep < path.stat().st_size:
            os.truncate(path, keep)  # the half-written last line of the interrupted run
        self.last_seq = self._last_seq(keep)
        self._lines: Iterator[dict[str, Any]] = (
            read_lines(path, option="--resume", limit=keep) if keep else iter(())
        )
        self._next: dict[str, Any] | None = next(self._lines, None)

    def _last_seq(self, keep: int) -> int:
        if not keep:
            return -1
        with self.path.open("rb") as fh:
            start = max(0, keep - 1024 * 1024)  # a line is far shorter than this
            fh.seek(start)
            last = fh.read(keep - start).rstrip(b"\n").rsplit(b"\n", 1)[-1]
        try:
            data = json.loads(last)
        except ValueError:
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("seq"), int):
            raise _mismatch(self.path, "the last line is not `postcheck scan` JSONL output")
        return int(data["seq"])

    def replay(self, seq: int, record: Post | ReadError) -> Event:
        """The already-written result of record `seq` (verified against the record)."""
        line = self._next
        if line is None or line["seq"] > seq:
            if self.only_flagged and isinstance(record, Post):
                report = build_report(record.id, [], self.ruleset)
                return Checked(seq, record, report, ())
            raise _mismatch(self.path, f"no line for record {seq}")
        if line["seq"] != seq:
            raise _mismatch(self.path, f"lines out of order at record {seq}")
        self._next = next(self._lines, None)
        if isinstance(record, ReadError):
            error = line.get("error") or {}
            if error.get("source") != record.source or error.get("location") != record.location:
                raise _mismatch(self.path, f"record {seq} is not the unreadable record written")
            return Unreadable(seq, record)
        if (
            "error" in line
            or line.get("id") != record.id
            or line.get("origin") != origin_dict(record)
        ):
            raise _mismatch(
                self.path, f"record {seq} (id {record.id!r}) is not the post written there"
            )
        report, fingerprints = report_from_json(line)
        if report.ruleset != self.ruleset:
            raise _mismatch(self.path, f"record {seq} was checked with another ruleset")
        return Checked(seq, record, report, fingerprints, int(line.get("suppressed") or 0))
