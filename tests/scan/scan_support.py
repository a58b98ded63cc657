"""Helpers shared by the scan tests (a plain module, imported by name)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from postcheck.cli import _register, app
from postcheck.errors import PostcheckError

ROOT = Path(__file__).resolve().parents[2]
EXPORTS = ROOT / "corpora" / "exports"
BROKEN = ROOT / "tests" / "fixtures" / "exports"

_register()
_runner = CliRunner()


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


def scan(*args: str | Path) -> Run:
    """`postcheck scan ARGS` in-process, with `main()`'s handling of one-line errors."""
    result = _runner.invoke(app, ["scan", *(str(a) for a in args)])
    if isinstance(result.exception, PostcheckError):
        message = f"postcheck: error: {result.exception.one_line()}\n"
        return Run(2, result.stdout, result.stderr + message)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


TEXTS = [
    "Good luck to everyone sitting exams this week!",
    "Lost property at reception: text Jess on 07700 900462 to collect it.",
    "What a shit show the car park was this morning.",
    "Open Evening is on Thursday, everyone is welcome.",
    "Staff reminder: the wifi password is Sunflower2024.",
    "Well done to the netball team on a great season.",
]


def sample_records(n: int, *, start: int = 0) -> list[dict[str, Any]]:
    """`n` machine-contract JSONL records, some flagged, dated over several months."""
    return [
        {
            "id": f"p{i}",
            "text": TEXTS[i % len(TEXTS)],
            "platform": "x",
            "created_at": f"2024-{1 + i % 6:02d}-1{i % 9}T09:00:00+00:00",
            "url": f"https://x.com/bsfc/status/{1000 + i}",
        }
        for i in range(start, start + n)
    ]
