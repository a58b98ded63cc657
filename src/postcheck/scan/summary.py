"""The end-of-scan summary: counters only (memory does not grow with the number of posts).

It reconciles by construction: every record is either a checked post or an unreadable record,
so `records_read == posts_checked + unreadable`. Category and severity counts are findings
(after the baseline); verdict and recipient counts are posts ("IT Services: 14 items").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from postcheck.models import RulesetInfo
from postcheck.scan.events import Checked, Event
from postcheck.taxonomy import Category, Recipient, Severity, Verdict


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.date()


@dataclass
class Summary:
    inputs: list[str]
    account: str
    ruleset: RulesetInfo
    started_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    records_read: int = 0
    posts_checked: int = 0
    unreadable: int = 0
    warnings: int = 0
    flagged_posts: int = 0
    findings: int = 0
    suppressed_findings: int = 0
    suppressed_posts: int = 0
    resumed_records: int = 0
    baseline_used: bool = False
    by_verdict: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    by_severity: Counter[str] = field(default_factory=Counter)
    by_recipient: Counter[str] = field(default_factory=Counter)
    posts_by_month: Counter[str] = field(default_factory=Counter)
    flagged_by_month: Counter[str] = field(default_factory=Counter)
    first_date: date | None = None
    last_date: date | None = None
    worst: Severity | None = None
    elapsed: float = 0.0

    def add(self, event: Event) -> None:
        self.records_read += 1
        if not isinstance(event, Checked):
            self.unreadable += 1
            return
        self.posts_checked += 1
        report = event.report
        self.by_verdict[report.verdict.value] += 1
        if event.suppressed:
            self.suppressed_findings += event.suppressed
            if not report.findings:
                self.suppressed_posts += 1
        if event.flagged:
            self.flagged_posts += 1
        for finding in report.findings:
            self.findings += 1
            self.by_category[finding.category.value] += 1
            self.by_severity[finding.severity.value] += 1
            if self.worst is None or finding.severity.rank > self.worst.rank:
                self.worst = finding.severity
        for entry in report.routing:
            self.by_recipient[entry.recipient.value] += 1
        day = _parse_date(event.post.context.created_at)
        if day is not None:
            month = day.strftime("%Y-%m")
            self.posts_by_month[month] += 1
            if event.flagged:
                self.flagged_by_month[month] += 1
            self.first_date = min(self.first_date or day, day)
            self.last_date = max(self.last_date or day, day)

    @property
    def reconciles(self) -> bool:
        return self.records_read == self.posts_checked + self.unreadable

    def reached(self, threshold: Severity) -> bool:
        """True when a reported finding is at or above `threshold` (`--fail-on`)."""
        return self.worst is not None and self.worst.at_least(threshold)

    def recipients_line(self) -> str:
        """`IT Services: 14 items, Principal / Deputy Principal: 2 items, ...` in routing order."""
        parts = []
        for recipient in Recipient:
            n = self.by_recipient.get(recipient.value, 0)
            if n:
                parts.append(f"{recipient.label}: {n} item{'s' if n != 1 else ''}")
        return ", ".join(parts) or "nobody"

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data (the `summary` of the JSON and HTML outputs)."""
        return {
            "inputs": self.inputs,
            "account": self.account,
            "started_at": self.started_at,
            "elapsed_seconds": round(self.elapsed, 3),
            "ruleset": self.ruleset.model_dump(mode="json"),
            "records_read": self.records_read,
            "posts_checked": self.posts_checked,
            "records_unreadable": self.unreadable,
            "warnings": self.warnings,
            "reconciles": self.reconciles,
            "flagged_posts": self.flagged_posts,
            "findings": self.findings,
            "baseline": (
                {
                    "suppressed_findings": self.suppressed_findings,
                    "posts_cleared": self.suppressed_posts,
                }
                if self.baseline_used
                else None
            ),
            "resumed_records": self.resumed_records,
            "by_verdict": {v.value: self.by_verdict.get(v.value, 0) for v in Verdict},
            "by_category": {
                c.value: self.by_category[c.value] for c in Category if c.value in self.by_category
            },
            "by_severity": {
                s.value: self.by_severity[s.value] for s in Severity if s.value in self.by_severity
            },
            "by_recipient": {
                r.value: self.by_recipient[r.value]
                for r in Recipient
                if r.value in self.by_recipient
            },
            "by_month": {
                m: {"posts": self.posts_by_month[m], "flagged": self.flagged_by_month.get(m, 0)}
                for m in sorted(self.posts_by_month)
            },
            "date_range": (
                [self.first_date.isoformat(), self.last_date.isoformat()]
                if self.first_date and self.last_date
                else None
            ),
        }
