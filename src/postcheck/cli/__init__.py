"""The `postcheck` command line. Exit codes (DESIGN.md): 0 clean, 1 findings at or above
`--fail-on`, 2 usage, configuration or input error (one line naming file, line and field)."""

from __future__ import annotations

import sys

import typer

from postcheck.errors import PostcheckError

app = typer.Typer(
    name="postcheck",
    help="Check social-media posts against the college's Social Media Policy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _register() -> None:
    # Each command lives in its own module; importing registers it on `app`.
    from postcheck.cli import check, rules  # noqa: F401

    for optional in ("scan", "serve", "evaluate"):
        try:
            __import__(f"postcheck.cli.{optional}")
        except ModuleNotFoundError as exc:
            if exc.name != f"postcheck.cli.{optional}":
                raise


def main() -> None:
    """Console-script entry point."""
    _register()
    try:
        app(standalone_mode=True)
    except PostcheckError as exc:
        print(f"postcheck: error: {exc.one_line()}", file=sys.stderr)
        sys.exit(2)
