"""The progress bar: posts done, posts/s, elapsed and (once known) ETA, on standard error.

The total is not known up front (an export is read lazily), so when the bar is shown a
background thread counts the records with a second, read-only pass over the input (reading is
far cheaper than checking); the ETA appears when the count is in. Off when standard error is
not a terminal, or with `--quiet`, so logs and pipes stay clean.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} posts/s" if speed else "– posts/s", style="cyan")


class CountColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        done = int(task.completed)
        total = f"/{int(task.total):,}" if task.total is not None else ""
        return Text(f"{done:,}{total} records", style="green")


class ScanProgress:
    def __init__(
        self, console: Console, *, enabled: bool, count: Callable[[], int] | None = None
    ) -> None:
        self.enabled = enabled
        self.console = console
        self._count = count
        self._stop = threading.Event()
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]Scanning"),
            BarColumn(),
            CountColumn(),
            RateColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            disable=not enabled,
        )
        self._task = self._progress.add_task("scan", total=None)

    def __enter__(self) -> ScanProgress:
        if self.enabled:
            self._progress.start()
            if self._count is not None:
                threading.Thread(target=self._find_total, daemon=True).start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self.enabled:
            self._progress.stop()

    def _find_total(self) -> None:
        assert self._count is not None
        try:
            total = self._count()
        except Exception:  # the count is a nicety; the scan itself reports read problems
            return
        if not self._stop.is_set():
            self._progress.update(self._task, total=total)

    def advance(self, n: int = 1) -> None:
        if self.enabled:
            self._progress.advance(self._task, n)
