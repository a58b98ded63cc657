"""Load a rule pack (rules, lexicons, profile, routing) into validated, immutable data.

The bundled pack lives in the repository's top-level `rules/` and is copied into the wheel as
`postcheck/_pack`; user rule folders, a user profile, disabled ids and severity overrides are
layered on top without editing it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from postcheck.config.schema import (
    MatchSpec,
    PackManifest,
    Profile,
    RoutingTable,
    RuleFile,
    RuleSpec,
    TermSource,
)
from postcheck.config.yamlfile import LineDict, LineList, load_yaml, validation_error
from postcheck.errors import ConfigError, ErrorCode
from postcheck.taxonomy import Severity

M = TypeVar("M", bound=BaseModel)
SPECIAL_FILES = {"pack.yaml", "profile.yaml", "routing.yaml"}


@dataclass(frozen=True)
class LoadedRule:
    """A validated rule and where it was defined (for error messages and `rules show`)."""

    spec: RuleSpec
    file: str
    line: int


@dataclass(frozen=True)
class RulePack:
    manifest: PackManifest
    rules: tuple[LoadedRule, ...]
    lexicons: Mapping[str, tuple[str, ...]]
    profile: Profile
    routing: RoutingTable
    sha256: str
    sources: tuple[str, ...] = field(default=())

    def rule(self, rule_id: str) -> LoadedRule:
        for loaded in self.rules:
            if loaded.spec.id == rule_id:
                return loaded
        known = ", ".join(sorted(r.spec.id for r in self.rules))
        raise ConfigError(ErrorCode.UNKNOWN_RULE, f"no rule {rule_id!r} (known: {known})")

    def terms(self, source: TermSource) -> list[str]:
        """All terms of a phrase/fuzzy list: inline, from lexicons and from the profile."""
        out = list(source.terms)
        for name in source.lexicon:
            out.extend(self.lexicons[name])
        for fact in source.profile:
            value = getattr(self.profile, fact)
            out.extend([value] if isinstance(value, str) else value)
        return out


def bundled_pack_dir() -> Path:
    """The rule pack shipped with postcheck (wheel copy first, then the source checkout)."""
    installed = Path(__file__).resolve().parent.parent / "_pack"
    if (installed / "pack.yaml").is_file():
        return installed
    checkout = Path(__file__).resolve().parents[3] / "rules"
    if (checkout / "pack.yaml").is_file():
        return checkout
    raise ConfigError(ErrorCode.FILE_NOT_FOUND, "bundled rule pack not found (broken install?)")


def _display(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return f"rules/{path.relative_to(root).as_posix()}"
        except ValueError:
            pass
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _validate(model: type[M], data: Any, file: str, strip: int = 0) -> M:
    if not isinstance(data, dict):
        raise ConfigError(ErrorCode.SCHEMA, "expected a YAML mapping at the top level", file=file)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, data, file, strip=strip) from None


def _read_lexicon(path: Path, display: str) -> tuple[str, ...]:
    if path.suffix == ".txt":
        lines = path.read_text(encoding="utf-8").splitlines()
        return tuple(t for line in lines if (t := line.split("#", 1)[0].strip()))
    data = load_yaml(path, display)
    if isinstance(data, dict):
        data = data.get("terms")
    if not isinstance(data, list) or not all(isinstance(t, str) for t in data):
        raise ConfigError(
            ErrorCode.SCHEMA, "a lexicon is a list of strings (or {terms: [...]})", file=display
        )
    return tuple(data)


def _rule_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise ConfigError(ErrorCode.FILE_NOT_FOUND, "rule file or folder not found", file=str(path))
    return sorted(p for p in path.glob("*.yaml") if p.name not in SPECIAL_FILES)


def _lexicon_refs(match: MatchSpec | None) -> Iterable[str]:
    """Every lexicon name a match tree refers to (for an early, located error)."""
    if match is None:
        return
    for source in (match.phrases, match.fuzzy):
        if source is not None:
            yield from source.lexicon
    if match.near is not None:
        yield from _lexicon_refs(match.near.a)
        yield from _lexicon_refs(match.near.b)
    if match.absent is not None:
        yield from _lexicon_refs(match.absent.match)
    for child in (match.any or []) + (match.all or []):
        yield from _lexicon_refs(child)


def load_pack(
    pack_dir: Path | None = None,
    *,
    extra: Sequence[Path] = (),
    profile: Path | None = None,
    routing: Path | None = None,
    disable: Sequence[str] = (),
    severity: Mapping[str, Severity] | None = None,
) -> RulePack:
    """Load and validate a rule pack; raise ConfigError (one line, file:line: field) on failure."""
    root = pack_dir or bundled_pack_dir()
    bundled_root = root if pack_dir is None else None
    digest = hashlib.sha256()
    sources: list[str] = []

    def read(path: Path) -> tuple[Any, str]:
        display = _display(path, bundled_root)
        digest.update(display.encode() + b"\0" + path.read_bytes() + b"\0")
        sources.append(display)
        return load_yaml(path, display), display

    data, name = read(root / "pack.yaml")
    manifest = _validate(PackManifest, data, name)
    data, name = read(profile or root / "profile.yaml")
    org = _validate(Profile, data, name)
    data, name = read(routing or root / "routing.yaml")
    table = _validate(RoutingTable, data, name)

    lexicons: dict[str, tuple[str, ...]] = {}
    # Naming the pack's own folder (or one of its files) again as an extra adds nothing.
    extra = [p for p in extra if p.resolve() != root.resolve()]
    for folder in [root, *[p for p in extra if p.is_dir()]]:
        for path in sorted((folder / "lexicons").glob("*")):
            if path.suffix in (".txt", ".yaml", ".yml"):
                display = _display(path, bundled_root)
                digest.update(display.encode() + b"\0" + path.read_bytes() + b"\0")
                lexicons[path.stem] = _read_lexicon(path, display)

    rules: list[LoadedRule] = []
    seen: dict[str, str] = {}
    files = {
        f.resolve(): f for f in [*_rule_files(root), *[f for p in extra for f in _rule_files(p)]]
    }
    for path in files.values():
        data, name = read(path)
        rule_file = _validate(RuleFile, data, name, strip=1)
        raw_rules = data["rules"] if isinstance(data, LineDict) else LineList()
        for index, spec in enumerate(rule_file.rules):
            raw = raw_rules[index] if isinstance(raw_rules, LineList) else None
            line = raw.line if isinstance(raw, LineDict) else 0
            if spec.id in seen:
                raise ConfigError(
                    ErrorCode.DUPLICATE_ID,
                    f"duplicate rule id {spec.id!r} (first defined at {seen[spec.id]})",
                    file=name,
                    line=line,
                    field="id",
                )
            seen[spec.id] = f"{name}:{line}"
            for ref in _lexicon_refs(spec.match):
                if ref not in lexicons:
                    raise ConfigError(
                        ErrorCode.UNKNOWN_LEXICON,
                        f"rule {spec.id}: no lexicon {ref!r} in lexicons/ "
                        f"(known: {', '.join(sorted(lexicons)) or 'none'})",
                        file=name,
                        line=line,
                        field="match",
                    )
            rules.append(LoadedRule(spec, name, line))

    overrides = dict(severity or {})
    for rule_id in [*disable, *overrides]:
        if rule_id not in seen:
            raise ConfigError(
                ErrorCode.UNKNOWN_RULE,
                f"cannot override unknown rule {rule_id!r}",
                field="disable" if rule_id in disable else "severity",
            )
    rules = [
        LoadedRule(r.spec.model_copy(update={"severity": overrides[r.spec.id]}), r.file, r.line)
        if r.spec.id in overrides
        else r
        for r in rules
        if r.spec.id not in set(disable)
    ]
    digest.update(json.dumps([sorted(disable), sorted(overrides.items())]).encode())
    return RulePack(
        manifest=manifest,
        rules=tuple(rules),
        lexicons=lexicons,
        profile=org,
        routing=table,
        sha256=digest.hexdigest(),
        sources=tuple(sources),
    )
