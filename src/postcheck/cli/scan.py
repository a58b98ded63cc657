"""`postcheck scan`: batch-scan exports, CSV/JSONL/text files into JSONL, CSV, JSON and HTML.

Usage: `postcheck scan INPUT... [--format jsonl|csv|html|json]... [-o FILE]...` (formats and
files pair in order; see `postcheck.scan.outputs`). The machine-contract form
`postcheck scan INPUT --format jsonl -o OUT.jsonl` writes one report per post. The summary goes
to standard error. Exit codes: 0 nothing reported at or above `--fail-on`; 1 something was;
2 usage, configuration or input error (one line, nothing written). Unreadable records do not
change the exit code: they are error entries in the outputs and counted in the summary.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from postcheck.cli import app
from postcheck.cli.options import (
    ConfigOpt,
    DisableOpt,
    ProfileOpt,
    RoutingOpt,
    RulesOpt,
    SeverityOpt,
    ShowPiiOpt,
    build_checker,
)
from postcheck.errors import ErrorCode, InputError
from postcheck.scan.console import print_summary
from postcheck.scan.outputs import plan_outputs
from postcheck.scan.runner import ScanConfig, read_inputs, run_scan
from postcheck.taxonomy import Account, Severity

FAIL_ON = [s.value for s in Severity] + ["never"]


@app.command()
def scan(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="Export zips or folders, JSONL, CSV or text files.", show_default=False
        ),
    ],
    format: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            help="Output format jsonl|csv|html|json (repeatable, paired with -o in order). "
            "An input format name (twitter, facebook, ...) overrides input detection.",
        ),
    ] = None,
    output: Annotated[
        list[Path] | None,
        typer.Option(
            "--output", "-o", help="Output file (repeatable); format from --format or extension."
        ),
    ] = None,
    input_format: Annotated[
        str | None,
        typer.Option("--input-format", help="Read the inputs as this format (skip detection)."),
    ] = None,
    text_column: Annotated[
        str | None, typer.Option("--text-column", help="CSV column holding the post text.")
    ] = None,
    account: Annotated[
        Account, typer.Option(help="Account the export belongs to.")
    ] = Account.OFFICIAL,
    workers: Annotated[
        int, typer.Option("--workers", "-j", min=1, help="Worker processes for checking.")
    ] = 1,
    only_flagged: Annotated[
        bool, typer.Option("--only-flagged", help="Leave clean posts out of JSONL/JSON output.")
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue an interrupted scan's JSONL output.")
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Earlier scan's JSONL: report only findings new since."),
    ] = None,
    fail_on: Annotated[
        str, typer.Option(help="Exit 1 when a finding is at or above this severity (or 'never').")
    ] = "low",
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar, warnings or summary.")
    ] = False,
    csv_clean: Annotated[
        bool, typer.Option("--csv-clean", help="CSV: add a row for each post without findings.")
    ] = False,
    html_limit: Annotated[
        int, typer.Option(min=1, help="HTML: detail at most this many flagged posts.")
    ] = 1000,
    show_pii: ShowPiiOpt = False,
    rules: RulesOpt = None,
    profile: ProfileOpt = None,
    routing: RoutingOpt = None,
    disable: DisableOpt = None,
    severity: SeverityOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Scan exported posts and comments; write reports and print a routing summary."""
    if fail_on not in FAIL_ON:
        raise InputError(
            ErrorCode.BAD_INPUT, f"choose one of {', '.join(FAIL_ON)}", field="--fail-on"
        )
    outputs, in_format = plan_outputs(format or [], output or [], input_format)
    settings = ScanConfig(
        inputs=inputs,
        outputs=outputs,
        input_format=in_format,
        account=account,
        text_column=text_column,
        workers=workers,
        only_flagged=only_flagged,
        resume=resume,
        baseline=baseline,
        show_pii=show_pii,
        csv_clean=csv_clean,
        html_limit=html_limit,
        progress=not quiet and sys.stderr.isatty(),
        quiet=quiet,
    )
    read_inputs(settings)  # a missing input or unknown format fails before the rules load
    checker = build_checker(rules, profile, routing, disable, severity, config, show_pii)
    console = Console(stderr=True, highlight=False)
    try:
        summary = run_scan(checker, settings, console)
    except KeyboardInterrupt:
        console.print(
            "[yellow]interrupted[/]: the JSONL output keeps every finished record; "
            "run the same command with --resume to continue"
        )
        raise typer.Exit(130) from None
    if not quiet:
        print_summary(console, summary)
    if fail_on != "never" and summary.reached(Severity(fail_on)):
        raise typer.Exit(1)
