"""The `postcheck` command line: outputs, exit codes and error messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from postcheck.cli import _register, app

_register()
runner = CliRunner()


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_check_json_clean_exits_0() -> None:
    code, out, _ = run("check", "--format", "json", "See you at sports day!")
    assert code == 0
    assert json.loads(out)["verdict"] == "pass"


def test_check_json_flagged_exits_1() -> None:
    code, out, _ = run("check", "--format", "json", "--account", "personal", "Great day at BSFC")
    assert code == 1
    report = json.loads(out)
    assert report["findings"][0]["rule"] == "DISC-MISSING"


def test_fail_on_threshold() -> None:
    code, _, _ = run("check", "--fail-on", "high", "this is crap")
    assert code == 0
    code, _, _ = run("check", "--fail-on", "low", "this is crap")
    assert code == 1


def test_check_reads_stdin_and_file(tmp_path: Path) -> None:
    code, out, _ = run("check", "--format", "json", "-", input="the wifi password is Tulip1234")
    assert code == 1 and json.loads(out)["findings"][0]["rule"] == "SEC-PASSWORD"
    draft = tmp_path / "draft.txt"
    draft.write_text("Mr Davies is a thief", encoding="utf-8")
    code, out, _ = run("check", "--format", "json", "--file", str(draft))
    assert code == 1 and json.loads(out)["verdict"] == "escalate"


def test_text_output_shows_message_suggestion_clause_and_routing() -> None:
    code, out, _ = run("check", "Mr Davies is a thief")
    assert code == 1
    for expected in ("ESCALATE", "DEF-ALLEGATION", "Fix:", "Policy: §3", "Principal"):
        assert expected in out


def test_missing_file_is_a_one_line_error_with_exit_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "postcheck", "check", "--file", str(tmp_path / "nope.txt")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "nope.txt" in result.stderr and "file not found" in result.stderr


@pytest.mark.parametrize("bad", [["--account", "secret"], ["--format", "xml"], ["--fail-on", "x"]])
def test_bad_options_exit_2(bad: list[str]) -> None:
    code, _, _ = run("check", *bad, "hello")
    assert code == 2


def test_bad_severity_override_exit_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "postcheck", "check", "--severity", "OFF-PROFANITY-MILD", "hi"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "--severity" in result.stderr and "ID=LEVEL" in result.stderr


def test_config_file_disables_rules(tmp_path: Path) -> None:
    config = tmp_path / "postcheck.yaml"
    config.write_text("disable: [OFF-PROFANITY-MILD]\n")
    code, _, _ = run("check", "--config", str(config), "this is crap")
    assert code == 0


def test_rules_list_show_schema_test_and_explain() -> None:
    code, out, _ = run("rules", "list", "--format", "json")
    assert code == 0
    ids = {r["id"] for r in json.loads(out)}
    assert {"DEF-ALLEGATION", "DISC-MISSING", "SEC-PASSWORD"} <= ids

    code, out, _ = run("rules", "show", "DP-PHONE")
    assert code == 0 and "uk_phone" in out and "data_protection.yaml" in out

    code, out, _ = run("rules", "schema")
    schema = json.loads(out)
    assert code == 0 and "rules" in schema["properties"]

    code, out, _ = run("rules", "test")
    assert code == 0 and " 0 failed" in out

    code, out, _ = run("explain", "DISC-MISSING")
    assert code == 0
    assert "1. Scope" in out  # the full clause text from the policy
    flat = " ".join(out.split())  # the terminal wraps long lines
    assert "in no way reflect the views of Birkenhead Sixth Form College" in flat


def test_rules_test_reports_a_failing_example(tmp_path: Path) -> None:
    (tmp_path / "weak.yaml").write_text(
        """
rules:
  - id: LOCAL-WEAK
    name: Rule whose example does not match
    category: offensive
    severity: low
    policy: {clause: "§3", quote: "q"}
    message: m
    suggestion: s
    match: {phrases: {terms: [gosh]}}
    examples: {flag: ["golly"], pass: ["hello"]}
"""
    )
    code, out, _ = run("rules", "test", str(tmp_path))
    assert code == 1
    assert "FAIL LOCAL-WEAK flag: 'golly'" in out
