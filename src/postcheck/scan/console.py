"""Printing the scan summary and warnings to standard error (stdout may carry the JSONL)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from postcheck.scan.summary import Summary
from postcheck.sources import ReadError, SourceWarning
from postcheck.taxonomy import Category, Severity, Verdict


def print_warning(console: Console, warning: SourceWarning) -> None:
    line = Text.assemble(("warning: ", "yellow"), f"{warning.source}: {warning.message}")
    console.print(line, highlight=False)


def print_unreadable(console: Console, error: ReadError) -> None:
    console.print(Text.assemble(("unreadable: ", "red"), error.one_line()), highlight=False)


def _counts(title: str, rows: list[tuple[str, int]]) -> Table:
    table = Table(
        title=title, title_justify="left", show_header=False, box=None, pad_edge=False, min_width=26
    )
    table.add_column(style="bold")
    table.add_column(justify="right")
    for label, n in rows or [("none", 0)]:
        table.add_row(label, str(n))
    return table


def print_summary(console: Console, summary: Summary) -> None:
    s = summary
    console.print()
    console.rule("[bold]postcheck scan summary", align="left")
    ok = "[green]reconciled[/]" if s.reconciles else "[red]DOES NOT RECONCILE[/]"
    console.print(
        f"Records read [bold]{s.records_read}[/] = posts checked [bold]{s.posts_checked}[/] "
        f"+ unreadable [bold]{s.unreadable}[/]  ({ok})",
        highlight=False,
    )
    if s.resumed_records:
        console.print(f"Resumed: {s.resumed_records} records taken from the earlier output")
    if s.warnings:
        console.print(f"[yellow]Warnings: {s.warnings}[/] (see above)")
    grid = Table.grid(padding=(0, 4))
    grid.add_row(
        _counts("Posts by verdict", [(v.value, s.by_verdict.get(v.value, 0)) for v in Verdict]),
        _counts(
            "Findings by severity",
            [
                (x.value, s.by_severity[x.value])
                for x in reversed(Severity)
                if s.by_severity[x.value]
            ],
        ),
        _counts(
            "Findings by category",
            [(c.value, s.by_category[c.value]) for c in Category if s.by_category[c.value]],
        ),
    )
    console.print(grid)
    console.print(f"[bold]Routing:[/] {s.recipients_line()}", highlight=False)
    if s.baseline_used:
        console.print(
            f"Baseline: {s.suppressed_findings} known finding(s) suppressed, "
            f"{s.suppressed_posts} post(s) had only known findings",
            highlight=False,
        )
    console.print(f"Elapsed {s.elapsed:.1f} s · ruleset {s.ruleset.version}", style="dim")
    console.print(f"sha256:{s.ruleset.sha256}", style="dim", soft_wrap=True)
