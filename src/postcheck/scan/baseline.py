"""`--baseline PREVIOUS.jsonl`: report only findings that an earlier scan did not report.

The previous scan's JSONL gives a set of finding fingerprints (see `fingerprint`); a finding
whose fingerprint is in the set is dropped and counted as suppressed. The report is then
rebuilt from the kept findings, so a post whose findings all drop becomes `pass` for this
report. The set holds 32-byte digests, a few tens of MB even for millions of findings.
"""

from __future__ import annotations

from pathlib import Path

from postcheck.engine.checker import build_report
from postcheck.errors import ErrorCode, InputError
from postcheck.models import Report
from postcheck.scan.jsonlines import read_lines


class Baseline:
    def __init__(self, fingerprints: set[bytes]) -> None:
        self._known = fingerprints

    @classmethod
    def load(cls, path: Path) -> Baseline:
        if not path.is_file():
            raise InputError(
                ErrorCode.BAD_INPUT, "no such file", file=str(path), field="--baseline"
            )
        known: set[bytes] = set()
        for line in read_lines(path, option="--baseline"):
            for finding in line.get("findings") or ():
                value = finding.get("fingerprint") if isinstance(finding, dict) else None
                if isinstance(value, str):
                    try:
                        known.add(bytes.fromhex(value))
                    except ValueError:
                        continue  # not one of ours; it can never match a new finding
        return cls(known)

    def __len__(self) -> int:
        return len(self._known)

    def filter(
        self, report: Report, fingerprints: tuple[str, ...]
    ) -> tuple[Report, tuple[str, ...], int]:
        """The report without already-known findings, their fingerprints, and how many went."""
        keep = [i for i, fp in enumerate(fingerprints) if bytes.fromhex(fp) not in self._known]
        dropped = len(fingerprints) - len(keep)
        if not dropped:
            return report, fingerprints, 0
        findings = [report.findings[i] for i in keep]
        rebuilt = build_report(report.id, findings, report.ruleset)
        return rebuilt, tuple(fingerprints[i] for i in keep), dropped
