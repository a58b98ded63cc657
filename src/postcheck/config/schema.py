"""The rule language: pydantic models that validate YAML rule files, the profile and routing.

`postcheck rules schema` prints the JSON Schema generated from these models, so editors can
validate rule files as they are written.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from postcheck.models import PolicyRef
from postcheck.taxonomy import Account, AuthorRole, Category, Direction, Recipient, Severity

ValidatorName = Literal[
    "nhs_mod11", "nino", "uln", "upn", "uk_postcode", "uk_phone", "luhn", "email", "not_word"
]
ProfileFact = Literal[
    "name", "aliases", "handles", "hashtags", "domains", "phones", "mailboxes", "disclaimers"
]
Where = Literal["text", "bio"]
# `pronoun`: he/she/him/her/they/them with an identifiable antecedent earlier in the post.
EntityKind = Literal["person", "role", "mention", "college", "pronoun"]

RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TermSource(_Strict):
    """Where a list of terms comes from: inline, shared lexicon files, or the profile."""

    terms: list[str] = Field(default_factory=list, description="terms written in the rule")
    lexicon: list[str] = Field(
        default_factory=list, description="names of files in rules/lexicons/ (without extension)"
    )
    profile: list[ProfileFact] = Field(
        default_factory=list, description="facts from the organisation profile"
    )

    @field_validator("lexicon", "profile", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _not_empty(self) -> TermSource:
        if not (self.terms or self.lexicon or self.profile):
            raise ValueError("give at least one of terms, lexicon or profile")
        return self


class PhrasesSpec(TermSource):
    """Whole-token phrase matching on de-obfuscated, lower-cased tokens (never substrings)."""

    variants: bool = Field(
        False, description="also match plural and verb forms (-s, -es, -ed, -ing)"
    )


class FuzzySpec(TermSource):
    """Similarity matching for misspellings and disguises (rapidfuzz ratio, 0-100)."""

    threshold: float = Field(88.0, ge=50, le=100)
    min_length: int = Field(5, ge=3, description="shortest token run considered")
    dictionary_guard: bool = Field(
        True, description="never match a token that is itself a real English word"
    )


class RegexSpec(_Strict):
    """A regular expression over the original text; named validators must all pass."""

    pattern: str
    ignore_case: bool = True
    validate_: list[ValidatorName] = Field(default_factory=list, alias="validate")
    group: int | str = Field(0, description="the group whose text is the evidence")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("validate_", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"cannot compile regex: {exc}") from None
        return value


class NearSpec(_Strict):
    """Two match sets close together: within N tokens, in the same sentence, or both."""

    a: MatchSpec
    b: MatchSpec
    within: int = Field(
        8,
        ge=0,
        le=200,
        description="max tokens between the two, 0 = adjacent (scopes with 'tokens')",
    )
    scope: Literal["tokens", "sentence", "tokens_in_sentence"] = Field(
        "tokens",
        description="tokens: within N tokens; sentence: same sentence; "
        "tokens_in_sentence: within N tokens and never across a sentence boundary",
    )
    order: Literal["any", "a_first"] = "any"


class AbsentSpec(_Strict):
    """Holds when the inner match finds nothing in the post (and, if asked, the profile bio)."""

    match: MatchSpec
    where: list[Where] = Field(default_factory=lambda: list[Where](["text", "bio"]))


class MatchSpec(_Strict):
    """Exactly one match kind; `any`/`all` combine others."""

    phrases: PhrasesSpec | None = None
    patterns: list[list[dict[str, Any]]] | None = Field(
        None, description="spaCy Matcher token patterns"
    )
    regex: RegexSpec | None = None
    fuzzy: FuzzySpec | None = None
    near: NearSpec | None = None
    absent: AbsentSpec | None = None
    entity: list[EntityKind] | None = Field(
        None, description="references marked by the pipeline: person, role, mention, college"
    )
    any: list[MatchSpec] | None = None
    all: list[MatchSpec] | None = None

    @field_validator("entity", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _exactly_one(self) -> MatchSpec:
        kinds = [name for name in type(self).model_fields if getattr(self, name) is not None]
        if len(kinds) != 1:
            names = ", ".join(type(self).model_fields)
            got = ", ".join(kinds) or "none"
            raise ValueError(f"give exactly one match kind of {names} (got {got})")
        return self

    @property
    def kind(self) -> str:
        return next(n for n in type(self).model_fields if getattr(self, n) is not None)


class UnlessSpec(_Strict):
    """Exceptions that clear a match: negation, quotation, hedging, questions, allow lists."""

    negated: bool = Field(False, description="a negation cue just before or inside the evidence")
    quoted: bool = Field(False, description="the evidence is inside quotation marks")
    hedged: bool = Field(False, description="the sentence cites a source or hedges (allegedly)")
    question: bool = Field(False, description="the sentence is a question")
    allow: list[str] = Field(default_factory=list, description="evidence texts that are fine")
    allow_regex: list[str] = Field(default_factory=list)
    profile: list[ProfileFact] = Field(
        default_factory=list, description="the organisation's own public facts are fine"
    )
    sentence_has: MatchSpec | None = Field(
        None, description="clear the match when its sentence also matches this"
    )

    @field_validator("allow_regex")
    @classmethod
    def _compiles(cls, values: list[str]) -> list[str]:
        for value in values:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"cannot compile regex {value!r}: {exc}") from None
        return values


class AppliesTo(_Strict):
    """Context conditions; an empty list or omitted key means any."""

    account: list[Account] | None = None
    direction: list[Direction] | None = None
    platform: list[str] | None = None
    author_role: list[AuthorRole] | None = None


class ExampleContext(_Strict):
    account: Account = Account.OFFICIAL
    direction: Direction = Direction.OUTGOING
    platform: str | None = None
    author_role: AuthorRole | None = None
    bio: str | None = None


class Example(_Strict):
    text: str
    context: ExampleContext = Field(default_factory=ExampleContext)
    evidence: str | None = Field(None, description="flag examples: the expected evidence text")


def _example(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


ExampleItem = Annotated[Example, BeforeValidator(_example)]


class Examples(_Strict):
    flag: list[ExampleItem] = Field(min_length=1)
    pass_: list[ExampleItem] = Field(alias="pass", min_length=1)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class RouteTo(_Strict):
    to: Recipient
    reason: str


class FixSpec(_Strict):
    """A one-click fix the web page and API can offer."""

    action: Literal["append", "mask", "delete", "replace"]
    label: str
    text: str | None = Field(
        None, description="text to append or to replace the evidence with; {disclaimer} allowed"
    )


class RuleSpec(_Strict):
    id: str = Field(description="stable id, e.g. DP-PHONE")
    name: str
    category: Category
    severity: Severity
    policy: PolicyRef
    message: str
    suggestion: str
    rationale: str | None = Field(None, description="why the policy asks this (postcheck explain)")
    routing: list[RouteTo] = Field(
        default_factory=list, description="recipients added to those of the routing table"
    )
    applies_to: AppliesTo = Field(default_factory=AppliesTo)
    match: MatchSpec
    unless: UnlessSpec = Field(default_factory=UnlessSpec)
    mask: bool = Field(False, description="the evidence is personal data: mask it in reports")
    max_findings: int | None = Field(None, ge=1)
    fix: FixSpec | None = None
    examples: Examples

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not RULE_ID.match(value):
            raise ValueError(
                f"rule id {value!r} must look like AREA-NAME (capitals, digits, dashes)"
            )
        return value


class RuleFile(_Strict):
    rules: list[RuleSpec]


class Profile(_Strict):
    """Facts about the organisation: its names, handles, public contacts and disclaimers."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    handles: list[str] = Field(default_factory=list)
    hashtags: list[str] = Field(default_factory=list)
    domains: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    mailboxes: list[str] = Field(default_factory=list, description="role mailbox local parts")
    disclaimers: list[str] = Field(default_factory=list, description="phrases that count")
    disclaimer_text: str = Field(description="the disclaimer suggested to authors")


class RouteWhen(_Strict):
    category: list[Category] | None = None
    min_severity: Severity | None = None
    account: list[Account] | None = None
    direction: list[Direction] | None = None
    author_role: list[AuthorRole] | None = None


class Route(_Strict):
    when: RouteWhen = Field(default_factory=RouteWhen)
    to: list[Recipient]
    reason: str


class RoutingTable(_Strict):
    routes: list[Route]


class PackManifest(_Strict):
    name: str
    version: str
    description: str = ""


class UserConfig(_Strict):
    """A user's own settings (`--config`): extra rules, profile, disabled rules, severities."""

    profile: str | None = None
    routing: str | None = None
    rules: list[str] = Field(default_factory=list, description="extra rule folders or files")
    disable: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)


NearSpec.model_rebuild()
AbsentSpec.model_rebuild()
MatchSpec.model_rebuild()
UnlessSpec.model_rebuild()
RuleSpec.model_rebuild()
