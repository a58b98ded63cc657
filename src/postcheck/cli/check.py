"""`postcheck check`: one draft from an argument, a file or standard input."""

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
from postcheck.errors import ErrorCode, InputError, PostcheckError
from postcheck.models import Context
from postcheck.sinks.terminal import render
from postcheck.taxonomy import Account, AuthorRole, Direction, Severity

FAIL_ON = [s.value for s in Severity] + ["never"]


def _read_text(text: str | None, file: Path | None) -> str:
    if file is not None:
        try:
            return file.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(ErrorCode.BAD_INPUT, "file not found", file=str(file)) from None
        except UnicodeDecodeError as exc:
            raise InputError(
                ErrorCode.BAD_INPUT, f"not UTF-8 text (byte {exc.start})", file=str(file)
            ) from None
    if text == "-" or (text is None and not sys.stdin.isatty()):
        return sys.stdin.read()
    if text is None:
        raise InputError(ErrorCode.BAD_INPUT, "give the post as TEXT, --file PATH or on stdin")
    return text


@app.command()
def check(
    text: Annotated[str | None, typer.Argument(help="The post; '-' reads standard input.")] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="Read the post from a file.")
    ] = None,
    format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
    account: Annotated[
        Account, typer.Option(help="Account the post is made from.")
    ] = Account.OFFICIAL,
    direction: Annotated[
        Direction, typer.Option(help="outgoing (ours) or received.")
    ] = Direction.OUTGOING,
    platform: Annotated[
        str | None, typer.Option(help="x, facebook, instagram, linkedin, ...")
    ] = None,
    bio: Annotated[str | None, typer.Option(help="The account's profile bio.")] = None,
    author_role: Annotated[
        AuthorRole | None, typer.Option(help="staff, student or visitor")
    ] = None,
    fail_on: Annotated[
        str, typer.Option(help="Exit 1 at or above this severity (or 'never').")
    ] = "low",
    show_pii: ShowPiiOpt = False,
    rules: RulesOpt = None,
    profile: ProfileOpt = None,
    routing: RoutingOpt = None,
    disable: DisableOpt = None,
    severity: SeverityOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Check one post and print its findings (exit 1 if any reach --fail-on)."""
    if format not in ("text", "json"):
        raise typer.BadParameter("choose text or json", param_hint="--format")
    if fail_on not in FAIL_ON:
        raise typer.BadParameter(f"choose one of {', '.join(FAIL_ON)}", param_hint="--fail-on")
    body = _read_text(text, file)
    checker = build_checker(rules, profile, routing, disable, severity, config, show_pii)
    context = Context(
        account=account, direction=direction, platform=platform, bio=bio, author_role=author_role
    )
    report = checker.check(body, **context.model_dump())
    if format == "json":
        typer.echo(report.model_dump_json(indent=2))
    else:
        render(Console(highlight=False), body, report)
    if fail_on != "never" and report.flagged(Severity(fail_on)):
        raise typer.Exit(1)


__all__ = ["PostcheckError", "check"]
