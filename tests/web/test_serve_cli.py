"""`postcheck serve`: registered on the CLI, prints the address, runs uvicorn without logs."""

from __future__ import annotations

from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from postcheck.cli import _register, app


def test_serve_prints_the_address_and_runs_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda web_app, **kw: calls.append({"app": web_app, **kw}))
    _register()
    result = CliRunner().invoke(app, ["serve", "--port", "8123", "--disable", "DP-PHONE"])
    assert result.exit_code == 0, result.output
    assert "postcheck: serving on http://127.0.0.1:8123 (Ctrl+C to stop)" in result.output
    [call] = calls
    assert call["host"] == "127.0.0.1"
    assert call["port"] == 8123
    assert call["access_log"] is False
    assert call["log_level"] == "warning"
    # Shared checker options reach the app: the disabled rule is gone from /api/rules.
    route = next(r for r in call["app"].routes if getattr(r, "path", "") == "/api/rules")
    ids = {rule.id for rule in route.endpoint().rules}
    assert "DP-PHONE" not in ids
    assert "DISC-MISSING" in ids


def test_serve_rejects_a_bad_port() -> None:
    _register()
    result = CliRunner().invoke(app, ["serve", "--port", "70000"])
    assert result.exit_code == 2
