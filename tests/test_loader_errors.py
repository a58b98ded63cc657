"""Broken rule files give one-line errors naming file, line and field, and the CLI exits 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from postcheck import Checker, ConfigError

BROKEN = Path(__file__).parent / "fixtures" / "broken"

CASES = [
    # fixture, error code, line, field, words the message must contain
    ("bad_yaml.yaml", "E001", 3, None, "invalid YAML"),
    ("unknown_key.yaml", "E003", 11, "colour", "unknown key 'colour'"),
    ("bad_regex.yaml", "E003", 11, "match.regex.pattern", "cannot compile regex"),
    ("unknown_category.yaml", "E003", 4, "category", "'rudeness'"),
    ("duplicate_id.yaml", "E004", 2, "id", "duplicate rule id 'OFF-PROFANITY-MILD'"),
    ("unsafe_tag.yaml", "E002", 1, None, "unsafe or unknown YAML tag"),
    ("bad_pattern.yaml", "E006", 2, "match.patterns", "rule X-PATTERN"),
    ("unknown_lexicon.yaml", "E007", 2, "match", "no lexicon 'no_such_list'"),
    ("two_match_kinds.yaml", "E003", 9, "match", "exactly one match kind"),
]


@pytest.mark.parametrize(("name", "code", "line", "field", "words"), CASES)
def test_broken_rule_file_names_file_line_and_field(
    name: str, code: str, line: int, field: str | None, words: str
) -> None:
    with pytest.raises(ConfigError) as info:
        Checker.from_paths(BROKEN / name)
    err = info.value
    message = err.one_line()
    assert "\n" not in message
    assert err.code == code, message
    assert err.file is not None and err.file.endswith(name), message
    assert err.line == line, message
    assert err.field == field, message
    assert words in message


def test_cli_validate_prints_one_line_and_exits_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "postcheck", "rules", "validate", str(BROKEN / "bad_regex.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "bad_regex.yaml:11: match.regex.pattern:" in lines[0]
    assert result.stdout == ""


def test_unsafe_tag_is_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    rule = tmp_path / "evil.yaml"
    rule.write_text(f'rules: !!python/object/apply:os.system ["touch {marker}"]\n')
    with pytest.raises(ConfigError):
        Checker.from_paths(rule)
    assert not marker.exists()


def test_unknown_rule_in_overrides_is_an_error() -> None:
    with pytest.raises(ConfigError, match="unknown rule 'NOPE-RULE'"):
        Checker.default(disable=["NOPE-RULE"])
