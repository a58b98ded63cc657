"""What every scan output (JSONL, CSV, JSON, HTML) offers the scan runner."""

from __future__ import annotations

from typing import Protocol

from postcheck.scan.events import Event
from postcheck.scan.summary import Summary


class ScanSink(Protocol):
    def write(self, event: Event) -> None:
        """One record, in input order."""

    def finish(self, summary: Summary) -> None:
        """The scan is complete: write totals and publish the file."""

    def abort(self) -> None:
        """The scan failed or was interrupted: keep what is safe to keep, remove the rest."""
