"""Typed values that cross module boundaries: posts going in, reports coming out.

`Report.model_dump_json()` is the machine contract of DESIGN.md: other tools parse it, so field
names here are stable.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from postcheck.taxonomy import (
    Account,
    AuthorRole,
    Category,
    Direction,
    Recipient,
    Severity,
    Verdict,
)


class Context(BaseModel):
    """Where a post appears and who wrote it; rules use it in `applies_to` and `absent`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    account: Account = Account.OFFICIAL
    direction: Direction = Direction.OUTGOING
    platform: str | None = None
    author_role: AuthorRole | None = None
    bio: str | None = None
    created_at: str | None = None
    url: str | None = None
    in_reply_to: str | None = None


class Origin(BaseModel):
    """Where a post was read from, so an investigator can find the original record."""

    model_config = ConfigDict(frozen=True)

    source: str
    record: int | None = None
    line: int | None = None
    kind: str | None = None


class Post(BaseModel):
    """One piece of text to check, with its context and (for batch scans) its origin."""

    model_config = ConfigDict(frozen=True)

    id: str | None = None
    text: str
    context: Context = Field(default_factory=Context)
    origin: Origin | None = None
    meta: dict[str, Any] = Field(default_factory=dict)


class RoutingEntry(BaseModel):
    """Someone who must be told, and the policy reason why."""

    model_config = ConfigDict(frozen=True)

    recipient: Recipient
    reason: str


class PolicyRef(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    clause: str
    quote: str


class Fix(BaseModel):
    """A one-click edit: replace `text[start:end]` with `replacement` (append: start == end)."""

    model_config = ConfigDict(frozen=True)

    label: str
    start: int
    end: int
    replacement: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.replacement + text[self.end :]


class Finding(BaseModel):
    """One breach: which rule, where in the ORIGINAL text (`text[start:end]`), and what to do."""

    model_config = ConfigDict(frozen=True)

    rule: str
    category: Category
    severity: Severity
    start: int
    end: int
    excerpt: str
    message: str
    suggestion: str
    policy: PolicyRef
    routing: list[RoutingEntry] = Field(default_factory=list)
    explanation: str = ""
    fix: Fix | None = None
    # Other rules of the same category that reported mostly the same words, folded into this
    # finding so a reader sees one problem once (the rule ids, sorted).
    also: list[str] = Field(default_factory=list)


class RulesetInfo(BaseModel):
    model_config = ConfigDict(frozen=True)

    version: str
    sha256: str


class Report(BaseModel):
    """The result of checking one post (the machine contract's report object)."""

    model_config = ConfigDict(frozen=True)

    id: str | None = None
    verdict: Verdict
    severity: Severity | str = Field(description="worst finding's severity, or 'none'")
    routing: list[RoutingEntry] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    ruleset: RulesetInfo

    @property
    def worst(self) -> Severity | None:
        return Severity(self.severity) if self.severity != "none" else None

    def flagged(self, threshold: Severity = Severity.LOW) -> bool:
        """True when any finding is at or above `threshold` (the CLI's `--fail-on`)."""
        return any(f.severity.at_least(threshold) for f in self.findings)
