"""Running a scan: read, check, filter, count, write — one streaming pass.

Only counters (the `Summary`) and the HTML report's bounded list of the most severe posts are
kept in memory; every other result is written as soon as it is known, so memory stays flat
however large the export. If anything goes wrong (or Ctrl-C), the sinks are aborted: the JSONL
keeps every finished line (for `--resume`); the CSV, JSON and HTML temporary files are removed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from postcheck.engine.checker import Checker
from postcheck.errors import ErrorCode, InputError
from postcheck.models import Post
from postcheck.scan.baseline import Baseline
from postcheck.scan.console import print_unreadable, print_warning
from postcheck.scan.events import Checked, Event, Unreadable
from postcheck.scan.fingerprint import fingerprint
from postcheck.scan.outputs import OutputSpec
from postcheck.scan.pipeline import Item, Numbered, checked_in_order
from postcheck.scan.progress import ScanProgress
from postcheck.scan.resume import Resumer
from postcheck.scan.summary import Summary
from postcheck.sinks.base import ScanSink
from postcheck.sinks.csvout import CsvSink
from postcheck.sinks.html import HtmlSink
from postcheck.sinks.jsonl import JsonlSink
from postcheck.sinks.jsonout import JsonSink
from postcheck.sources import SourceFormatError, SourceWarning, iter_posts
from postcheck.taxonomy import Account

MAX_PRINTED = 20  # unreadable records / warnings echoed to the terminal; all are in the output


@dataclass(frozen=True)
class ScanConfig:
    inputs: list[Path]
    outputs: list[OutputSpec] = field(default_factory=lambda: [OutputSpec("jsonl", None)])
    input_format: str | None = None
    account: Account = Account.OFFICIAL
    text_column: str | None = None
    workers: int = 1
    only_flagged: bool = False
    resume: bool = False
    baseline: Path | None = None
    show_pii: bool = False
    csv_clean: bool = False
    html_limit: int = 1000
    progress: bool = False
    quiet: bool = False


def read_inputs(config: ScanConfig) -> Iterator[Item]:
    """`iter_posts` for the configured inputs; a missing path or bad format is an input error."""
    try:
        return iter_posts(
            config.inputs,
            format=config.input_format,
            account=config.account,
            text_column=config.text_column,
        )
    except SourceFormatError as exc:
        raise InputError(ErrorCode.BAD_INPUT, str(exc)) from None


def _resume_target(config: ScanConfig) -> Path:
    targets = [o.path for o in config.outputs if o.format == "jsonl" and o.path is not None]
    if len(targets) != 1:
        raise InputError(
            ErrorCode.BAD_INPUT, "--resume needs exactly one JSONL output file (-o FILE.jsonl)"
        )
    return targets[0]


def open_sinks(
    config: ScanConfig, checker: Checker, *, append_to: Path | None
) -> tuple[list[ScanSink], ScanSink | None]:
    """The sinks for every output, and the JSONL one being resumed (if any)."""
    sinks: list[ScanSink] = []
    resumed: ScanSink | None = None
    with_suppressed = config.baseline is not None
    try:
        for spec in config.outputs:
            sink: ScanSink
            if spec.format == "jsonl":
                append = append_to is not None and spec.path == append_to
                sink = JsonlSink(
                    spec.path,
                    only_flagged=config.only_flagged,
                    with_suppressed=with_suppressed,
                    append=append,
                )
                if append:
                    resumed = sink
            elif spec.format == "csv":
                sink = CsvSink(spec.path, include_clean=config.csv_clean)
            elif spec.format == "json":
                sink = JsonSink(
                    spec.path,
                    checker.ruleset,
                    only_flagged=config.only_flagged,
                    with_suppressed=with_suppressed,
                )
            else:
                sink = HtmlSink(spec.path, show_pii=config.show_pii, limit=config.html_limit)
            sinks.append(sink)
    except BaseException:
        for sink in sinks:
            sink.abort()
        raise
    return sinks, resumed


class _Scan:
    """The state of one run: summary, sinks, terminal output."""

    def __init__(
        self, config: ScanConfig, checker: Checker, console: Console, baseline: Baseline | None
    ) -> None:
        self.config = config
        self.checker = checker
        self.console = console
        self.baseline = baseline
        self.summary = Summary(
            inputs=[str(p) for p in config.inputs],
            account=config.account.value,
            ruleset=checker.ruleset,
            baseline_used=baseline is not None,
        )
        self.sinks: list[ScanSink] = []
        self.skip_sink: ScanSink | None = None
        self.progress: ScanProgress | None = None
        self._printed = 0

    def emit(self, event: Event, *, replayed: bool = False) -> None:
        self.summary.add(event)
        if replayed:
            self.summary.resumed_records += 1
        if isinstance(event, Unreadable):
            self._say(lambda: print_unreadable(self.console, event.error))
        for sink in self.sinks:
            if not (replayed and sink is self.skip_sink):
                sink.write(event)
        if self.progress is not None:
            self.progress.advance()

    def warn(self, warning: SourceWarning) -> None:
        self.summary.warnings += 1
        self._say(lambda: print_warning(self.console, warning))

    def _say(self, show: Callable[[], None]) -> None:
        if self.config.quiet or self._printed >= MAX_PRINTED:
            return
        self._printed += 1
        show()
        if self._printed == MAX_PRINTED:
            self.console.print("(further unreadable records and warnings are in the outputs)")

    def checked(self, item: Numbered) -> Checked:
        post = item.record
        assert isinstance(post, Post) and item.report is not None
        report = item.report
        prints = tuple(fingerprint(post, f) for f in report.findings)
        suppressed = 0
        if self.baseline is not None:
            report, prints, suppressed = self.baseline.filter(report, prints)
        return Checked(item.seq, post, report, prints, suppressed)


def run_scan(checker: Checker, config: ScanConfig, console: Console) -> Summary:
    """Scan `config.inputs` into `config.outputs`; returns the summary (not yet printed)."""
    started = time.perf_counter()
    items = read_inputs(config)  # raises before any output file exists
    baseline = Baseline.load(config.baseline) if config.baseline is not None else None
    resumer: Resumer | None = None
    if config.resume:
        resumer = Resumer(_resume_target(config), checker.ruleset, only_flagged=config.only_flagged)
    scan = _Scan(config, checker, console, baseline)
    scan.sinks, scan.skip_sink = open_sinks(
        config, checker, append_to=resumer.path if resumer else None
    )
    count = None
    if config.progress:

        def count() -> int:
            return sum(1 for x in read_inputs(config) if not isinstance(x, SourceWarning))

    try:
        with ScanProgress(console, enabled=config.progress, count=count) as progress:
            scan.progress = progress
            first_seq = 0
            if resumer is not None:
                first_seq = _replay(scan, resumer, items)
            for out in checked_in_order(
                checker, items, first_seq=first_seq, workers=config.workers
            ):
                if isinstance(out, SourceWarning):
                    scan.warn(out)
                elif isinstance(out.record, Post):
                    scan.emit(scan.checked(out))
                else:
                    scan.emit(Unreadable(out.seq, out.record))
        scan.summary.elapsed = time.perf_counter() - started
        for sink in scan.sinks:
            sink.finish(scan.summary)
    except BaseException:
        for sink in scan.sinks:
            sink.abort()
        raise
    return scan.summary


def _replay(scan: _Scan, resumer: Resumer, items: Iterator[Item]) -> int:
    """Consume the records already written by the interrupted run; returns the next seq."""
    seq = 0
    while seq <= resumer.last_seq:
        item = next(items, None)
        if item is None:
            raise InputError(
                ErrorCode.BAD_INPUT,
                f"the input has fewer records than the output being resumed "
                f"({resumer.last_seq + 1})",
                file=str(resumer.path),
                field="--resume",
            )
        if isinstance(item, SourceWarning):
            scan.warn(item)
            continue
        scan.emit(resumer.replay(seq, item), replayed=True)
        seq += 1
    return seq
