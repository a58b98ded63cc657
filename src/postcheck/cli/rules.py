"""`postcheck rules list|show|validate|test|schema` and `postcheck explain ID`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
import yaml
from rich.console import Console
from rich.table import Table

from postcheck.cli import app
from postcheck.cli.options import (
    ConfigOpt,
    DisableOpt,
    ProfileOpt,
    RoutingOpt,
    RulesOpt,
    SeverityOpt,
    build_checker,
)
from postcheck.config.schema import RuleFile
from postcheck.engine.checker import Checker
from postcheck.engine.examples import example_cases, run_case
from postcheck.policy_text import clause_text

rules_app = typer.Typer(help="List, show, validate and test rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Rule folders or files to add to the bundled pack (default: none)."),
]


def _checker_for(paths: list[Path] | None) -> Checker:
    return Checker.from_paths(*(paths or []))


@rules_app.command("list")
def list_rules(
    rules: RulesOpt = None,
    profile: ProfileOpt = None,
    routing: RoutingOpt = None,
    disable: DisableOpt = None,
    severity: SeverityOpt = None,
    config: ConfigOpt = None,
    format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
) -> None:
    """Every rule in effect: id, category, severity and name."""
    checker = build_checker(rules, profile, routing, disable, severity, config)
    rows = [r.spec for r in checker.pack.rules]
    if format == "json":
        typer.echo(
            json.dumps(
                [
                    {
                        "id": s.id,
                        "name": s.name,
                        "category": s.category.value,
                        "severity": s.severity.value,
                        "clause": s.policy.clause,
                    }
                    for s in rows
                ],
                indent=2,
            )
        )
        return
    table = Table(title=f"{checker.pack.manifest.name} {checker.pack.manifest.version}")
    for column in ("id", "category", "severity", "clause", "name"):
        table.add_column(column)
    for s in rows:
        table.add_row(s.id, s.category.value, s.severity.value, s.policy.clause, s.name)
    Console().print(table)


@rules_app.command("show")
def show(rule_id: str, rules: RulesOpt = None) -> None:
    """A rule as loaded, with where it is defined."""
    loaded = _checker_for(rules).pack.rule(rule_id)
    typer.echo(f"# {loaded.file}:{loaded.line}")
    data = loaded.spec.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    typer.echo(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))


@rules_app.command("validate")
def validate(paths: PathsArg = None) -> None:
    """Load and compile the pack (plus PATHs); print the first error as file:line: field."""
    checker = _checker_for(paths)
    typer.echo(f"ok: {len(checker.pack.rules)} rules, ruleset sha256:{checker.pack.sha256[:12]}")


@rules_app.command("test")
def test(paths: PathsArg = None) -> None:
    """Run every rule's flag/pass examples; exit 1 if any fails."""
    checker = _checker_for(paths)
    results = [run_case(checker, case) for case in example_cases(checker)]
    failed = [r for r in results if not r.ok]
    for r in failed:
        typer.echo(f"FAIL {r.case.rule} {r.case.kind}: {r.case.example.text!r}: {r.detail}")
    typer.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    if failed:
        raise typer.Exit(1)


@rules_app.command("schema")
def schema() -> None:
    """The JSON Schema of a rule file, for editors (e.g. yaml-language-server)."""
    typer.echo(json.dumps(RuleFile.model_json_schema(by_alias=True), indent=2))


@app.command()
def explain(rule_id: str, rules: RulesOpt = None) -> None:
    """Why a rule exists: its rationale, the policy clause in full, and its examples."""
    checker = _checker_for(rules)
    spec = checker.pack.rule(rule_id).spec
    console = Console(highlight=False)
    console.print(f"[bold]{spec.id}[/bold] — {spec.name}")
    console.print(f"category {spec.category.value}, severity {spec.severity.value}\n")
    console.print(spec.message)
    if spec.rationale:
        console.print(f"\n[bold]Why:[/bold] {spec.rationale.strip()}")
    console.print(f"\n[bold]Policy {spec.policy.clause}:[/bold] “{spec.policy.quote}”")
    full = clause_text(spec.policy.clause)
    if full:
        console.print(f"\n[dim]{full}[/dim]")
    suggestion = spec.suggestion.replace("{disclaimer}", checker.pack.profile.disclaimer_text)
    console.print(f"\n[bold]How to fix:[/bold] {suggestion}")
    console.print("\n[bold]Flagged:[/bold]")
    for ex in spec.examples.flag:
        console.print(f"  ✗ {ex.text}")
    console.print("[bold]Fine:[/bold]")
    for ex in spec.examples.pass_:
        console.print(f"  ✓ {ex.text}")
