"""Request and response models of the web API (the check response itself is `Report`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from postcheck.config.schema import RuleSpec
from postcheck.models import RulesetInfo
from postcheck.taxonomy import Account, AuthorRole, Category, Direction, Severity
from postcheck.web.platforms import LABELS, LIMITS, Platform


class CheckRequest(BaseModel):
    """A draft and its context; unknown keys are refused so typos do not pass silently."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="the draft post, exactly as it will be published")
    account: Account = Field(Account.OFFICIAL, description="official or personal account")
    direction: Direction = Field(
        Direction.OUTGOING, description="outgoing (we publish it) or received (sent to us)"
    )
    platform: Platform | None = Field(None, description="where it will be published")
    bio: str | None = Field(None, description="the account's profile bio (may hold a disclaimer)")
    author_role: AuthorRole | None = None


class RuleInfo(BaseModel):
    """A rule as the page and other tools need it (no patterns: those stay in the pack)."""

    id: str
    name: str
    category: Category
    severity: Severity
    clause: str
    quote: str
    message: str
    suggestion: str
    fix: str | None = Field(None, description="label of the one-click fix, if the rule has one")

    @classmethod
    def from_spec(cls, spec: RuleSpec, disclaimer: str) -> RuleInfo:
        return cls(
            id=spec.id,
            name=spec.name,
            category=spec.category,
            severity=spec.severity,
            clause=spec.policy.clause,
            quote=spec.policy.quote,
            message=spec.message,
            # Rules write `{disclaimer}`; show the profile's actual wording.
            suggestion=spec.suggestion.replace("{disclaimer}", disclaimer),
            fix=spec.fix.label if spec.fix else None,
        )


class RuleList(BaseModel):
    pack: str
    ruleset: RulesetInfo
    rules: list[RuleInfo]


class PlatformInfo(BaseModel):
    id: Platform
    label: str
    limit: int = Field(description="maximum characters of a post (TikTok: caption)")

    @classmethod
    def all(cls) -> list[PlatformInfo]:
        return [cls(id=p, label=LABELS[p], limit=LIMITS[p]) for p in Platform]


class PageMeta(BaseModel):
    """Everything the page needs once at start-up, so a check response stays the bare Report."""

    pack: str
    ruleset: RulesetInfo
    platforms: list[PlatformInfo]
    recipients: dict[str, str] = Field(description="routing id -> label")
    clauses: dict[str, str] = Field(description="policy clause ('§1') -> full clause text")
    disclaimer: str
    max_bytes: int


class FieldError(BaseModel):
    field: str = Field(description="dotted path of the bad field in the request body")
    message: str
    type: str


class ValidationErrorBody(BaseModel):
    detail: list[FieldError]
