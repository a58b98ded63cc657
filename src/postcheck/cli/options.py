"""Options shared by every command that builds a Checker (rule folders, profile, overrides)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError

from postcheck.config.schema import UserConfig
from postcheck.config.yamlfile import load_yaml, validation_error
from postcheck.engine.checker import Checker
from postcheck.errors import ConfigError, ErrorCode
from postcheck.taxonomy import Severity

RulesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules", help="Extra rule folder or file (repeatable); added to the bundled pack."
    ),
]
ProfileOpt = Annotated[
    Path | None,
    typer.Option("--profile", help="Organisation profile YAML instead of the bundled one."),
]
RoutingOpt = Annotated[Path | None, typer.Option("--routing", help="Routing table YAML.")]
DisableOpt = Annotated[
    list[str] | None, typer.Option("--disable", help="Rule id to switch off (repeatable).")
]
SeverityOpt = Annotated[
    list[str] | None,
    typer.Option("--severity", help="Override a rule's severity: ID=LEVEL (repeatable)."),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", help="YAML with profile, routing, rules, disable, severity settings."),
]
ShowPiiOpt = Annotated[
    bool, typer.Option("--show-pii", help="Show personal data in excerpts instead of masking it.")
]


def parse_severity_overrides(values: list[str]) -> dict[str, Severity]:
    out: dict[str, Severity] = {}
    for value in values:
        rule_id, sep, level = value.partition("=")
        if not sep or level.strip().lower() not in {s.value for s in Severity}:
            raise ConfigError(
                ErrorCode.BAD_OVERRIDE,
                f"expected ID=LEVEL with LEVEL one of {', '.join(s.value for s in Severity)}, "
                f"got {value!r}",
                field="--severity",
            )
        out[rule_id.strip()] = Severity(level.strip().lower())
    return out


def build_checker(
    rules: list[Path] | None,
    profile: Path | None,
    routing: Path | None,
    disable: list[str] | None,
    severity: list[str] | None,
    config: Path | None,
    show_pii: bool = False,
) -> Checker:
    """A Checker from CLI options; a `--config` file supplies defaults the flags extend."""
    user = UserConfig()
    if config is not None:
        data = load_yaml(config)
        if not isinstance(data, dict):
            raise ConfigError(ErrorCode.SCHEMA, "expected a YAML mapping", file=str(config))
        try:
            user = UserConfig.model_validate(data)
        except ValidationError as exc:
            raise validation_error(exc, data, str(config)) from None
        base = config.parent
        user = user.model_copy(
            update={
                "rules": [str(base / p) for p in user.rules],
                "profile": str(base / user.profile) if user.profile else None,
                "routing": str(base / user.routing) if user.routing else None,
            }
        )
    options: dict[str, Any] = {
        "extra_rules": [Path(p) for p in user.rules] + list(rules or []),
        "profile": profile or (Path(user.profile) if user.profile else None),
        "routing": routing or (Path(user.routing) if user.routing else None),
        "disable": [*user.disable, *(disable or [])],
        "severity": {**user.severity, **parse_severity_overrides(severity or [])},
        "show_pii": show_pii,
    }
    return Checker(**options)
