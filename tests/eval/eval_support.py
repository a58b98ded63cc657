"""Helpers for the evaluation tests (no conftest here: imported explicitly)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from postcheck.cli import _register, app

_register()
_runner = CliRunner()


def run_cli(*args: str) -> tuple[int, str]:
    result = _runner.invoke(app, list(args))
    return result.exit_code, result.stdout


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


TINY_CORPUS: list[dict[str, Any]] = [
    # caught: offensive
    {"id": "p1", "text": "What a fucking day", "labels": ["offensive"]},
    # missed: defamation (no identifiable person, nothing to catch)
    {"id": "p2", "text": "someone round here is bent as a nine bob note", "labels": ["defamation"]},
    # clean, stays clean
    {"id": "p3", "text": "See you at sports day!", "labels": []},
    # false alarm on a clean post: mild profanity
    {"id": "p4", "text": "This printer is crap", "labels": []},
    # acceptable: raised but neither TP nor FP
    {"id": "p5", "text": "Bloody freezing today", "labels": [], "acceptable": ["offensive"]},
]
