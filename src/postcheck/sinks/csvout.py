"""CSV output: one row per finding (and per unreadable record), for spreadsheets.

Posts without findings get a row only with `include_clean`. Cells that a spreadsheet would run
as a formula (starting with = + - @, tab or carriage return) are prefixed with an apostrophe:
post text comes from strangers, and a received comment must not become a live formula on an
investigator's machine. Written to a temporary file and renamed when the scan completes.
"""

from __future__ import annotations

import csv
from pathlib import Path

from postcheck.scan.events import Checked, Event, Unreadable
from postcheck.scan.summary import Summary
from postcheck.sinks.atomic import AtomicOutput

COLUMNS = [
    "seq",
    "id",
    "source",
    "location",
    "kind",
    "platform",
    "account",
    "direction",
    "created_at",
    "url",
    "verdict",
    "rule",
    "category",
    "severity",
    "start",
    "end",
    "excerpt",
    "message",
    "suggestion",
    "clause",
    "recipients",
    "fingerprint",
    "error",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def post_location(record: int | None, line: int | None) -> str:
    if record is not None:
        return f"record {record}"
    if line is not None:
        return f"line {line}"
    return ""


class CsvSink:
    def __init__(self, target: Path | None, *, include_clean: bool = False) -> None:
        self.include_clean = include_clean
        self._file = AtomicOutput(target, newline="")
        self._writer = csv.writer(self._file.stream)
        self._writer.writerow(COLUMNS)

    def _row(self, values: dict[str, object]) -> None:
        self._writer.writerow([safe_cell(values.get(c)) for c in COLUMNS])

    def write(self, event: Event) -> None:
        if isinstance(event, Unreadable):
            err = event.error
            self._row(
                {
                    "seq": event.seq,
                    "source": err.source,
                    "location": err.location,
                    "verdict": "error",
                    "error": err.reason,
                }
            )
            return
        self._write_checked(event)

    def _write_checked(self, event: Checked) -> None:
        post, report = event.post, event.report
        origin, ctx = post.origin, post.context
        base: dict[str, object] = {
            "seq": event.seq,
            "id": post.id,
            "source": origin.source if origin else None,
            "location": post_location(origin.record, origin.line) if origin else None,
            "kind": origin.kind if origin else None,
            "platform": ctx.platform,
            "account": ctx.account.value,
            "direction": ctx.direction.value,
            "created_at": ctx.created_at,
            "url": ctx.url,
            "verdict": report.verdict.value,
        }
        if not report.findings and self.include_clean:
            self._row(base)
        for finding, fingerprint in zip(report.findings, event.fingerprints, strict=True):
            self._row(
                base
                | {
                    "rule": finding.rule,
                    "category": finding.category.value,
                    "severity": finding.severity.value,
                    "start": finding.start,
                    "end": finding.end,
                    "excerpt": finding.excerpt,
                    "message": finding.message,
                    "suggestion": finding.suggestion,
                    "clause": finding.policy.clause,
                    "recipients": "; ".join(e.recipient.label for e in finding.routing),
                    "fingerprint": fingerprint,
                }
            )

    def finish(self, summary: Summary) -> None:
        self._file.commit()

    def abort(self) -> None:
        self._file.discard()
