"""Exit codes of the machine contract: 0 clean, 1 findings at `--fail-on`, 2 usage/input errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scan_support import sample_records, scan, write_jsonl


def test_clean_input_exits_0_and_findings_exit_1(tmp_path: Path) -> None:
    clean = write_jsonl(tmp_path / "clean.jsonl", [{"id": "a", "text": "See you at sports day!"}])
    assert scan(clean, "-o", tmp_path / "a.jsonl").code == 0
    flagged = write_jsonl(tmp_path / "flagged.jsonl", sample_records(3))
    assert scan(flagged, "-o", tmp_path / "b.jsonl").code == 1
    assert scan(flagged, "-o", tmp_path / "c.jsonl", "--fail-on", "critical").code == 0
    assert scan(flagged, "-o", tmp_path / "d.jsonl", "--fail-on", "never").code == 0


def test_missing_input_is_one_line_error_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "postcheck",
            "scan",
            str(tmp_path / "nope.zip"),
            "--format",
            "jsonl",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "nope.zip" in lines[0] and "no such file" in lines[0]
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", sample_records(1))
    assert scan(src, "--format", "pdf").code == 2
    assert scan(src, "-o", tmp_path / "out.xyz").code == 2
    assert scan(src, "-o", tmp_path / "missing-dir" / "out.jsonl").code == 2
    assert scan(src, "--resume").code == 2  # needs a JSONL file to resume
    run = scan(src, "--baseline", tmp_path / "nope.jsonl", "-o", tmp_path / "o.jsonl")
    assert run.code == 2 and "--baseline" in run.stderr
    assert not (tmp_path / "o.jsonl").exists()
