"""`postcheck serve`: the local pre-publication check page for the Marketing Department."""

from __future__ import annotations

from typing import Annotated

import typer

from postcheck.cli import app
from postcheck.cli.options import (
    ConfigOpt,
    DisableOpt,
    ProfileOpt,
    RoutingOpt,
    RulesOpt,
    SeverityOpt,
    build_checker,
)


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on (keep 127.0.0.1 unless you mean to share).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1024, help="Largest request body accepted.")
    ] = 64 * 1024,
    rules: RulesOpt = None,
    profile: ProfileOpt = None,
    routing: RoutingOpt = None,
    disable: DisableOpt = None,
    severity: SeverityOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Serve the check page: write a draft, see what breaks the policy and how to fix it."""
    # Imported here so `postcheck check` does not pay for FastAPI and uvicorn at start-up.
    import uvicorn

    from postcheck.web import create_app

    checker = build_checker(rules, profile, routing, disable, severity, config)
    web_app = create_app(checker, max_bytes=max_bytes)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"postcheck: serving on http://{shown}:{port} (Ctrl+C to stop)")
    # No access log: request lines are harmless, but the page's drafts must never reach a log,
    # and "warning" keeps uvicorn's own start-up chatter out of the terminal.
    uvicorn.run(
        web_app,
        host=host,
        port=port,
        access_log=False,
        log_level="warning",
        server_header=False,
    )
