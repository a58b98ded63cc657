"""The stable vocabulary of postcheck: categories, severities, verdicts, recipients.

These identifiers are part of the machine contract in DESIGN.md; other tools and tests depend on
them, so they are never renamed, only added to.
"""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    DEFAMATION = "defamation"
    HARASSMENT = "harassment"
    DISCRIMINATION = "discrimination"
    OFFENSIVE = "offensive"
    DATA_PROTECTION = "data_protection"
    CONFIDENTIALITY = "confidentiality"
    COPYRIGHT = "copyright"
    SECURITY = "security"
    DISCLAIMER = "disclaimer"
    PROFESSIONALISM = "professionalism"


class Severity(StrEnum):
    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def at_least(self, other: Severity) -> bool:
        return self.rank >= other.rank


_SEVERITY_RANK = {s: i for i, s in enumerate(Severity)}


class Verdict(StrEnum):
    PASS = "pass"
    REVISE = "revise"
    ESCALATE = "escalate"

    @classmethod
    def for_severity(cls, worst: Severity | None) -> Verdict:
        """`pass` below low; `revise` for low/medium (fixable); `escalate` for high/critical."""
        if worst is None or worst.rank < Severity.LOW.rank:
            return cls.PASS
        if worst.rank <= Severity.MEDIUM.rank:
            return cls.REVISE
        return cls.ESCALATE


class Recipient(StrEnum):
    MARKETING = "marketing"
    IT_SERVICES = "it_services"
    SMT = "smt"
    PRINCIPAL = "principal"
    LINE_MANAGER = "line_manager"
    DPO = "dpo"
    HR = "hr"
    POLICE = "police"

    @property
    def label(self) -> str:
        return RECIPIENT_LABELS[self]


RECIPIENT_LABELS: dict[Recipient, str] = {
    Recipient.MARKETING: "Marketing Department",
    Recipient.IT_SERVICES: "IT Services",
    Recipient.SMT: "Senior Management Team",
    Recipient.PRINCIPAL: "Principal / Deputy Principal",
    Recipient.LINE_MANAGER: "Line manager",
    Recipient.DPO: "Data Protection Officer",
    Recipient.HR: "HR Department",
    Recipient.POLICE: "Police and relevant external agencies",
}


class Account(StrEnum):
    PERSONAL = "personal"
    OFFICIAL = "official"


class Direction(StrEnum):
    OUTGOING = "outgoing"
    RECEIVED = "received"


class AuthorRole(StrEnum):
    STAFF = "staff"
    STUDENT = "student"
    VISITOR = "visitor"
